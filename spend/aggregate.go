package spend

import (
	"sort"
	"strings"
	"time"

	"github.com/bcspend/bcspend/money"
)

// aggregate is what the views read, computed once per derivation or
// re-match so that Apps() and Unmatched() only copy.
type aggregate struct {
	apps      []AppRow
	unmatched []UnmatchedRow
}

// appAcc sums one application in integer arrays indexed by currency and
// month; Money maps are built once at the end, not per transaction.
type appAcc struct {
	row     AppRow
	sums    []money.Amount // currency*12 + month
	vendors map[int32]struct{}
}

// vendorAcc sums one unmatched vendor over the period.
type vendorAcc struct {
	row       UnmatchedRow
	sums      []money.Amount // per currency
	companies map[int32]struct{}
	sampleAmt money.Amount
}

func (m *Model) aggregate() {
	d := &m.d
	ncur := len(d.currencies)
	apps := map[string]*appAcc{}
	vendors := map[int32]*vendorAcc{}
	for i := range d.txs {
		t := &d.txs[i]
		if t.History || t.Ignored {
			continue
		}
		mo := d.month[i]
		if mo < 0 {
			continue // outside the period (Period)
		}
		if t.App == "" {
			addUnmatched(vendors, t, d.vendor[i], d.cur[i], d.co[i], ncur)
			continue
		}
		addApp(apps, t, d.vendor[i], d.cur[i], mo, ncur)
	}
	m.agg = aggregate{apps: m.appRows(apps), unmatched: m.unmatchedRows(vendors)}
}

func addApp(apps map[string]*appAcc, t *Transaction, vendor, cur int32, mo int8, ncur int) {
	a := apps[t.App]
	if a == nil {
		a = &appAcc{row: AppRow{App: t.App, Category: t.Category, UnconvertedSpend: Money{}}, sums: make([]money.Amount, ncur*12),
			vendors: map[int32]struct{}{}}
		apps[t.App] = a
	}
	a.sums[int(cur)*12+int(mo)] += t.Amount
	a.vendors[vendor] = struct{}{}
	a.row.Transactions++
	if t.Unconverted {
		a.row.Unconverted++
		a.row.UnconvertedSpend[t.Currency] += t.Amount
	} else {
		a.row.ReportingMonths[mo] += t.AmountReporting
		a.row.Reporting += t.AmountReporting
	}
	if dt := t.Date(); dt.After(a.row.LastCharge) {
		a.row.LastCharge = dt
	}
	if a.row.Category == "" {
		a.row.Category = t.Category
	}
}

func addUnmatched(vendors map[int32]*vendorAcc, t *Transaction, vendor, cur, co int32, ncur int) {
	v := vendors[vendor]
	if v == nil {
		v = &vendorAcc{row: UnmatchedRow{VendorNumber: t.VendorNumber, VendorName: t.VendorName, UnconvertedSpend: Money{}},
			sums: make([]money.Amount, ncur), companies: map[int32]struct{}{}}
		vendors[vendor] = v
	}
	v.sums[cur] += t.Amount
	v.companies[co] = struct{}{}
	v.row.Transactions++
	if t.Unconverted {
		v.row.Unconverted++
		v.row.UnconvertedSpend[t.Currency] += t.Amount
	} else {
		v.row.Reporting += t.AmountReporting
	}
	if dt := t.Date(); dt.After(v.row.LastCharge) {
		v.row.LastCharge = dt
	}
	// The sample is the biggest charge's text: the one worth reading first.
	if a := abs(t.Amount); t.Description != "" && (v.row.SampleDesc == "" || a > v.sampleAmt) {
		v.row.SampleDesc, v.sampleAmt = t.Description, a
	}
}

func abs(a money.Amount) money.Amount {
	if a < 0 {
		return -a
	}
	return a
}

func (m *Model) appRows(apps map[string]*appAcc) []AppRow {
	rows := make([]AppRow, 0, len(apps))
	for _, a := range apps {
		r := a.row
		r.ReportingCurrency = m.reporting
		r.Spend = Money{}
		for ci, cur := range m.d.currencies {
			for mo := 0; mo < 12; mo++ {
				v := a.sums[ci*12+mo]
				if v == 0 {
					continue
				}
				if r.Months[mo] == nil {
					r.Months[mo] = Money{}
				}
				r.Months[mo][cur] += v
				r.Spend[cur] += v
			}
		}
		for mo := range r.Months {
			if r.Months[mo] == nil {
				r.Months[mo] = Money{}
			}
		}
		r.Vendors = m.vendorNames(a.vendors)
		rows = append(rows, r)
	}
	sort.Slice(rows, func(i, j int) bool {
		if rows[i].Reporting != rows[j].Reporting {
			return rows[i].Reporting > rows[j].Reporting
		}
		return strings.ToLower(rows[i].App) < strings.ToLower(rows[j].App)
	})
	return rows
}

func (m *Model) vendorNames(set map[int32]struct{}) []string {
	out := make([]string, 0, len(set))
	for v := range set {
		out = append(out, m.d.vendors[v])
	}
	sort.Strings(out)
	return out
}

func (m *Model) unmatchedRows(vendors map[int32]*vendorAcc) []UnmatchedRow {
	rows := make([]UnmatchedRow, 0, len(vendors))
	for _, v := range vendors {
		r := v.row
		r.ReportingCurrency = m.reporting
		r.Spend = Money{}
		for ci, amt := range v.sums {
			if amt != 0 {
				r.Spend[m.d.currencies[ci]] = amt
			}
		}
		for co := range v.companies {
			r.CompanyIDs = append(r.CompanyIDs, m.companies[co].ID)
		}
		sort.Strings(r.CompanyIDs)
		rows = append(rows, r)
	}
	sort.Slice(rows, func(i, j int) bool {
		if abs(rows[i].Reporting) != abs(rows[j].Reporting) {
			return abs(rows[i].Reporting) > abs(rows[j].Reporting)
		}
		return rows[i].VendorName < rows[j].VendorName
	})
	return rows
}

// Total is the trailing-12-month spend of every paid, non-ignored
// transaction (matched or not), per currency, and converted.
func (m *Model) Total() (Money, money.Amount, int) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	total := Money{}
	var rep money.Amount
	unconverted := 0
	for i := range m.d.txs {
		t := &m.d.txs[i]
		if t.History || t.Ignored || m.d.month[i] < 0 {
			continue
		}
		total[t.Currency] += t.Amount
		if t.Unconverted {
			unconverted++
		} else {
			rep += t.AmountReporting
		}
	}
	return total, rep, unconverted
}

// WindowStart is the first day of the period (Period).
func (m *Model) WindowStart() time.Time { return m.Period().Start }
