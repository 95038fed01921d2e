package ui

import (
	"fmt"
	"sort"
	"time"

	"github.com/bcspend/bcspend/insights"
	"github.com/bcspend/bcspend/money"
	"github.com/bcspend/bcspend/spend"
	"github.com/bcspend/bcspend/store"
)

// Insights builds a fixed-shape report from the fake's derived
// transactions, so its findings point at real transaction IDs and move with
// fixes. Amounts convert to EUR at fixed rates.
func (f *fakeBackend) Insights() (insights.Report, error) {
	f.mu.Lock()
	txs, users, ds := f.derived, f.users, f.dismissed
	f.mu.Unlock()
	r := fakeReport(txs, users)
	fakeIdents(&r)
	r.ApplyDismissals(ds)
	return r, nil
}

func (f *fakeBackend) Dismiss(key, fingerprint string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.dismissed == nil {
		f.dismissed = map[string]store.Dismissal{}
	}
	f.dismissed[key] = store.Dismissal{Key: key, Fingerprint: fingerprint, By: "test", At: fakeNow}
	return nil
}

// fakeIdents gives each finding a key from what it is about and a
// fingerprint from its amounts, as insights does.
func fakeIdents(r *insights.Report) {
	id := func(kind, name string, facts ...any) insights.Ident {
		return insights.Ident{Key: kind + "|" + name, Fingerprint: fmt.Sprint(facts...)}
	}
	for i := range r.Renewals {
		x := &r.Renewals[i]
		x.Ident = id("renewal", x.App+x.Company, x.NextCharge)
	}
	for i := range r.PriceIncreases {
		x := &r.PriceIncreases[i]
		x.Ident = id("price-increase", x.App+x.Company, x.Current)
	}
	for i := range r.MissedCharges {
		x := &r.MissedCharges[i]
		x.Ident = id("missed-charge", x.App, x.Expected)
	}
	for i := range r.Duplicates {
		x := &r.Duplicates[i]
		x.Ident = id("duplicate", fmt.Sprint(x.TransactionIDs), x.Amount)
	}
	for i := range r.Overlaps {
		x := &r.Overlaps[i]
		x.Ident = id("overlap", x.Category, len(x.Apps))
	}
	for i := range r.Trends.Movers {
		x := &r.Trends.Movers[i]
		x.Ident = id("mover", x.App, x.Change)
	}
}

var fakeRates = map[string]int64{"EUR": 100, "USD": 92, "GBP": 117} // cents per unit

func toEUR(a money.Amount, cur string) money.Amount {
	return money.FromCents(int64(a.Float()*float64(fakeRates[cur]) + 0.5))
}

func fakeReport(txs []spend.Transaction, users []spend.UserRow) insights.Report {
	start := time.Date(2025, 12, 1, 0, 0, 0, 0, time.UTC)
	r := insights.Report{Generated: fakeNow, ReportingCurrency: "EUR", Granularity: spend.PerInvoice, WindowStart: start}
	t := &r.Totals
	t.Spend, t.Unmatched, t.RunRateMethod = spend.Money{}, spend.Money{}, insights.RunRateMethod
	cats, cos := map[string]*insights.Bucket{}, map[string]*insights.Bucket{}
	byApp := map[string][]*spend.Transaction{}
	months := make([]insights.MonthSpend, 12)
	for i := range months {
		months[i] = insights.MonthSpend{Month: start.AddDate(0, i, 0).Format("2006-01"), Spend: spend.Money{}}
	}
	for i := range txs {
		x := &txs[i]
		if x.Ignored {
			continue
		}
		eur := toEUR(x.Amount, x.Currency)
		t.Spend[x.Currency] += x.Amount
		t.Reporting += eur
		cat := x.Category
		if x.App == "" {
			cat = insights.UnmatchedCategory
			t.Unmatched[x.Currency] += x.Amount
			t.UnmatchedReporting += eur
		} else {
			byApp[x.App] = append(byApp[x.App], x)
		}
		addBucket(cats, cat, x, eur)
		addBucket(cos, x.Company, x, eur)
		if k := monthIndex(x.PostingDate); k >= 0 && k < 12 {
			months[k].Spend[x.Currency] += x.Amount
			months[k].Reporting += eur
		}
	}
	t.Applications = len(byApp)
	t.RunRate = t.Reporting - t.UnmatchedReporting + t.Reporting/20
	t.UnmatchedShare = float64(t.UnmatchedReporting) / float64(t.Reporting)
	t.PerCategory, t.PerCompany = sortedBuckets(cats, t.Reporting), sortedBuckets(cos, t.Reporting)
	r.Trends = insights.Trends{Months: months, Compared: [2]string{"2026-09", "2026-10"}, Movers: fakeMovers(byApp)}
	r.Renewals = fakeRenewals(byApp)
	r.Contracts = fakeContracts(byApp)
	r.Comparison = insights.Comparison{Period: months[10].Month, Previous: months[9].Month, LastYear: "2025-10",
		Total: insights.PeriodRow{Name: "total", Current: months[10].Reporting, Previous: months[9].Reporting}}
	r.PriceIncreases = fakePriceIncreases(byApp)
	if z := byApp["Zoom"]; len(z) > 0 {
		last := z[len(z)-1]
		r.MissedCharges = []insights.MissedCharge{{App: "Zoom", Company: last.Company, Currency: last.Currency, Cadence: insights.Monthly,
			Expected: last.PostingDate.AddDate(0, 1, 0), GraceUntil: last.PostingDate.AddDate(0, 1, 10), ExpectedAmount: last.Amount,
			LastCharge: last.PostingDate, TransactionIDs: []string{last.ID}}}
	}
	r.Duplicates = fakeDuplicates(txs)
	r.Overlaps = fakeOverlaps(byApp)
	r.Users = fakeUsers(users)
	return r
}

func addBucket(m map[string]*insights.Bucket, name string, x *spend.Transaction, eur money.Amount) {
	b := m[name]
	if b == nil {
		b = &insights.Bucket{Name: name, Spend: spend.Money{}}
		m[name] = b
	}
	b.Spend[x.Currency] += x.Amount
	b.Reporting += eur
	b.Transactions++
}

func sortedBuckets(m map[string]*insights.Bucket, total money.Amount) []insights.Bucket {
	out := make([]insights.Bucket, 0, len(m))
	for _, b := range m {
		b.Share = float64(b.Reporting) / float64(total)
		out = append(out, *b)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Reporting != out[j].Reporting {
			return out[i].Reporting > out[j].Reporting
		}
		return out[i].Name < out[j].Name
	})
	return out
}

// appNames lists the apps in name order (map order is random).
func appNames(byApp map[string][]*spend.Transaction) []string {
	names := make([]string, 0, len(byApp))
	for a := range byApp {
		names = append(names, a)
	}
	sort.Strings(names)
	return names
}

func idsOf(xs []*spend.Transaction) []string {
	ids := make([]string, len(xs))
	for i, x := range xs {
		ids[i] = x.ID
	}
	return ids
}

// byDate sorts one app's transactions oldest first.
func byDate(xs []*spend.Transaction) []*spend.Transaction {
	out := append([]*spend.Transaction(nil), xs...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].PostingDate.Before(out[j].PostingDate) })
	return out
}

func fakeMovers(byApp map[string][]*spend.Transaction) []insights.AppTrend {
	var out []insights.AppTrend
	for _, a := range appNames(byApp) {
		var tr insights.AppTrend
		tr.App = a
		for _, x := range byApp[a] {
			switch monthIndex(x.PostingDate) {
			case 9:
				tr.Previous += toEUR(x.Amount, x.Currency)
				tr.TransactionIDs = append(tr.TransactionIDs, x.ID)
			case 10:
				tr.Current += toEUR(x.Amount, x.Currency)
				tr.TransactionIDs = append(tr.TransactionIDs, x.ID)
			}
		}
		tr.Change, tr.New = tr.Current-tr.Previous, tr.Previous == 0 && tr.Current != 0
		if tr.Previous != 0 {
			tr.ChangeShare = float64(tr.Change) / float64(tr.Previous)
		}
		if tr.Change != 0 {
			out = append(out, tr)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return abs(out[i].Change) > abs(out[j].Change) })
	return out[:min(5, len(out))]
}

func fakeRenewals(byApp map[string][]*spend.Transaction) []insights.Renewal {
	var out []insights.Renewal
	for i, a := range appNames(byApp) {
		xs := byDate(byApp[a])
		last := xs[len(xs)-1]
		cad := []insights.Cadence{insights.Monthly, insights.Quarterly, insights.Annual}[i%3]
		next := last.PostingDate.AddDate(0, map[insights.Cadence]int{insights.Monthly: 1, insights.Quarterly: 3, insights.Annual: 12}[cad], 0)
		for next.Before(fakeNow) {
			next = next.AddDate(0, 1, 0)
		}
		out = append(out, insights.Renewal{App: a, Category: last.Category, Company: last.Company, Vendor: last.VendorName,
			Currency: last.Currency, Cadence: cad, Charges: len(xs), LastCharge: last.PostingDate, LastAmount: last.Amount,
			NextCharge: next, NextAmount: last.Amount, DaysUntil: int(next.Sub(fakeNow).Hours() / 24), TransactionIDs: idsOf(xs)})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].NextCharge.Before(out[j].NextCharge) })
	return out
}

func fakePriceIncreases(byApp map[string][]*spend.Transaction) []insights.PriceIncrease {
	var out []insights.PriceIncrease
	for _, a := range []string{"Slack", "Figma", "GitHub"} {
		xs := byDate(byApp[a])
		for i := len(xs) - 1; i > 0; i-- {
			prev, cur := xs[i-1], xs[i]
			if prev.Currency == cur.Currency && cur.Amount > prev.Amount+prev.Amount/10 {
				out = append(out, insights.PriceIncrease{App: a, Company: cur.Company, Currency: cur.Currency, Cadence: insights.Monthly,
					Date: cur.PostingDate, Previous: prev.Amount, Current: cur.Amount,
					Change: float64(cur.Amount-prev.Amount) / float64(prev.Amount), TransactionIDs: []string{prev.ID, cur.ID}})
				break
			}
		}
	}
	return out
}

// fakeDuplicates pairs the first two charges of the vendor with escape
// sequences in its name, so the screen shows it made inert.
func fakeDuplicates(txs []spend.Transaction) []insights.Duplicate {
	var pair []*spend.Transaction
	for i := range txs {
		if txs[i].VendorName == unmatchedVendors[4].name && len(pair) < 2 {
			pair = append(pair, &txs[i])
		}
	}
	if len(pair) < 2 {
		return nil
	}
	a, b := pair[0], pair[1]
	return []insights.Duplicate{{Reason: insights.DupSameAmount, Vendor: b.VendorName, Company: b.Company, Currency: b.Currency,
		Amount: b.Amount, Dates: []time.Time{a.PostingDate, b.PostingDate}, InvoiceNumbers: []string{a.InvoiceNumber, b.InvoiceNumber},
		TransactionIDs: []string{a.ID, b.ID}}}
}

func fakeOverlaps(byApp map[string][]*spend.Transaction) []insights.Overlap {
	o := insights.Overlap{Job: "work management", Category: "Project management", Spend: spend.Money{}}
	for _, a := range appNames(byApp) {
		if categoryOf(a) != o.Category {
			continue
		}
		oa := insights.OverlapApp{App: a, Spend: spend.Money{}, TransactionIDs: idsOf(byApp[a])}
		for _, x := range byApp[a] {
			eur := toEUR(x.Amount, x.Currency)
			oa.Reporting += eur
			oa.Spend[x.Currency] += x.Amount
			o.Reporting += eur
			o.Spend[x.Currency] += x.Amount
		}
		o.Apps = append(o.Apps, oa)
		o.TransactionIDs = append(o.TransactionIDs, oa.TransactionIDs...)
	}
	if len(o.Apps) < 2 {
		return nil
	}
	o.Message = fmt.Sprintf("%d apps in %s", len(o.Apps), o.Category)
	return []insights.Overlap{o}
}

func fakeUsers(rows []spend.UserRow) insights.Users {
	var us insights.Users
	for _, r := range rows {
		switch {
		case r.Removed:
			us.Removed++
			continue
		case r.Application:
			us.Applications++
		case r.Active:
			us.Active++
			if r.MissingEmail {
				us.MissingEmail = append(us.MissingEmail, r.UserName)
			}
		default:
			us.Disabled++
		}
		us.Total++
	}
	return us
}

// fakeContracts: Salesforce renews in 200 days with 180 days' notice (the
// deadline in 20 days comes first), Figma in 60 days, Adobe Creative Cloud
// in 300, Slack monthly in 10; a lapsed Box never shows.
func fakeContracts(byApp map[string][]*spend.Transaction) []insights.Contract {
	today := time.Date(fakeNow.Year(), fakeNow.Month(), fakeNow.Day(), 0, 0, 0, 0, time.UTC)
	mk := func(app string, months, inDays, notice int, status string) insights.Contract {
		k := insights.Contract{App: app, Company: "CRONUS USA, Inc.", Currency: "EUR", TermMonths: months,
			Amount: money.FromCents(int64(months) * 100000), NextRenewal: today.AddDate(0, 0, inDays), Status: status,
			NoticeDays: notice, Confidence: 0.9, Source: insights.SourceLinePeriod,
			Ident: insights.Ident{Key: "notice|" + app, Fingerprint: "1"}}
		for _, x := range byApp[app] {
			k.TransactionIDs = append(k.TransactionIDs, x.ID)
		}
		if notice > 0 {
			k.NoticeDeadline = k.NextRenewal.AddDate(0, 0, -notice)
		}
		k.End = k.NextRenewal.AddDate(0, 0, -1)
		return k
	}
	return []insights.Contract{
		mk("Salesforce", 12, 200, 180, insights.ContractActive),
		mk("Slack", 1, 10, 0, insights.ContractActive),
		mk("Figma", 12, 60, 0, insights.ContractActive),
		mk("Adobe Creative Cloud", 12, 300, 0, insights.ContractActive),
		mk("Box", 12, -200, 0, insights.ContractLapsed),
	}
}
