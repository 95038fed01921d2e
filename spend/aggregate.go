package spend

import (
	"sort"
	"strings"
	"time"

	"github.com/bcspend/bcspend/match"
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
	lastTx  int // the last transaction counted, so a split one counts once
	// lastVendor is the vendor added to vendors last (-1: none yet).
	lastVendor int32
}

// vendorAcc sums one unmatched vendor over the period.
type vendorAcc struct {
	row       UnmatchedRow
	sums      []money.Amount // per currency
	companies map[int32]struct{}
	sampleAmt money.Amount
	lastTx    int
}

// aggregate sums units, not transactions: a split invoice adds each
// allocation to its own application (see split.go).
func (m *Model) aggregate() {
	d := &m.d
	ncur := len(d.currencies)
	apps := map[string]*appAcc{}
	vendors := map[int32]*vendorAcc{}
	// byDec is each decision's application accumulator, found once per
	// decision rather than by the application's name once per unit.
	byDec := make([]*appAcc, len(d.decs))
	m.eachUnit(func(i int, un *unit, dec *match.Decision) {
		t := &d.txs[i]
		switch {
		case dec.Ignored:
		case dec.App == "":
			addUnmatched(vendors, t, un, dec, i, d.vendor[i], d.cur[i], d.co[i], ncur)
		default:
			a := byDec[un.dec]
			if a == nil {
				a = appAccOf(apps, dec.App, dec.Category, ncur)
				byDec[un.dec] = a
			}
			a.add(t, un, dec.Category, i, d.vendor[i], d.cur[i], d.month[i])
		}
	})
	m.agg = aggregate{apps: m.appRows(apps), unmatched: m.unmatchedRows(vendors)}
}

// eachUnit calls fn with every unit of spend in the period (a transaction,
// or one allocation of a split one) and its decision: the one walk behind
// the Applications and Unmatched rows and their split by dimension.
func (m *Model) eachUnit(fn func(i int, un *unit, dec *match.Decision)) {
	d := &m.d
	for i := range d.txs {
		if d.txs[i].History || d.month[i] < 0 {
			continue // not spend, or outside the period (Period)
		}
		for u := d.txUnit[i]; u < d.txUnit[i+1]; u++ {
			fn(i, &d.units[u], &d.decs[d.units[u].dec])
		}
	}
}

// appAccOf is app's accumulator in apps, added (with the category of the
// first decision that names the app) when it has none yet.
func appAccOf(apps map[string]*appAcc, app, category string, ncur int) *appAcc {
	a := apps[app]
	if a == nil {
		a = &appAcc{row: AppRow{App: app, Category: category, UnconvertedSpend: Money{}}, sums: make([]money.Amount, ncur*12),
			vendors: map[int32]struct{}{}, lastTx: -1, lastVendor: -1}
		apps[app] = a
	}
	return a
}

// add counts unit un of transaction i (vendor, currency and month indexes
// of derived) in a.
func (a *appAcc) add(t *Transaction, un *unit, category string, i int, vendor, cur int32, mo int8) {
	a.sums[int(cur)*12+int(mo)] += un.amount
	if vendor != a.lastVendor { // a transaction's units share a vendor
		a.lastVendor = vendor
		a.vendors[vendor] = struct{}{}
	}
	if t.Unconverted {
		a.row.UnconvertedSpend[t.Currency] += un.amount
	} else {
		a.row.ReportingMonths[mo] += un.rep
		a.row.Reporting += un.rep
	}
	if a.lastTx != i {
		a.lastTx = i
		a.row.Transactions++
		if t.Unconverted {
			a.row.Unconverted++
		}
	}
	if dt := t.Date(); dt.After(a.row.LastCharge) && !t.IsCreditMemo() {
		a.row.LastCharge = dt // a refund is not a charge
	}
	if a.row.Category == "" {
		a.row.Category = category
	}
}

func addUnmatched(vendors map[int32]*vendorAcc, t *Transaction, un *unit, dec *match.Decision, i int, vendor, cur, co int32, ncur int) {
	v := vendors[vendor]
	if v == nil {
		v = &vendorAcc{row: UnmatchedRow{VendorNumber: t.VendorNumber, VendorName: t.VendorName, UnconvertedSpend: Money{}},
			sums: make([]money.Amount, ncur), companies: map[int32]struct{}{}, lastTx: -1}
		vendors[vendor] = v
	}
	if dec.Method == match.MethodInferred && v.row.Inferred == "" {
		v.row.Inferred = dec.Suggest
	}
	v.sums[cur] += un.amount
	v.companies[co] = struct{}{}
	if t.Unconverted {
		v.row.UnconvertedSpend[t.Currency] += un.amount
	} else {
		v.row.Reporting += un.rep
	}
	if v.lastTx != i {
		v.lastTx = i
		v.row.Transactions++
		if t.Unconverted {
			v.row.Unconverted++
		}
	}
	if t.IsCreditMemo() {
		return // a refund is not a charge: no last charge, no sample
	}
	if dt := t.Date(); dt.After(v.row.LastCharge) {
		v.row.LastCharge = dt
	}
	// The sample is the biggest charge's text: the one worth reading first.
	if a := abs(un.amount); t.Description != "" && (v.row.SampleDesc == "" || a > v.sampleAmt) {
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

// Total is the spend over the period of every paid, non-ignored charge
// (matched or not), per currency, and converted; the last figure counts
// the transactions left unconverted.
func (m *Model) Total() (Money, money.Amount, int) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	d := &m.d
	total := Money{}
	var rep money.Amount
	unconverted := 0
	for i := range d.txs {
		t := &d.txs[i]
		if t.History || d.month[i] < 0 {
			continue
		}
		counted := false
		for u := d.txUnit[i]; u < d.txUnit[i+1]; u++ {
			un := &d.units[u]
			if d.decs[un.dec].Ignored {
				continue
			}
			total[t.Currency] += un.amount
			rep += un.rep
			counted = true
		}
		if counted && t.Unconverted {
			unconverted++
		}
	}
	return total, rep, unconverted
}

// WindowStart is the first day of the period (Period).
func (m *Model) WindowStart() time.Time { return m.Period().Start }
