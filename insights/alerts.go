package insights

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/bcspend/bcspend/money"
	"github.com/bcspend/bcspend/spend"
)

// AlertHorizon is how many days ahead a renewal or notice deadline alerts.
const AlertHorizon = 30

// NewVendorDays is how recent a vendor's first paid invoice must be for
// it to be new: the store holds more than a year, so a vendor first paid
// within these days was not paid in the year before.
const NewVendorDays = 45

// NewVendor is a supplier paid for the first time lately: a new SaaS
// subscription (or a new supplier of any kind) someone started.
type NewVendor struct {
	Vendor         string       `json:"vendor"`
	App            string       `json:"app,omitempty"` // "" when no application claims it
	Company        string       `json:"company"`
	Currency       string       `json:"currency"`
	First          time.Time    `json:"first"`
	Amount         money.Amount `json:"amount"` // paid since, in Currency
	TransactionIDs []string     `json:"transaction_ids"`
	Message        string       `json:"message"`
	Ident
}

// newVendors are the vendors, per company, whose first paid invoice is at
// most NewVendorDays old.
func newVendors(txs []spend.Transaction, now time.Time) []NewVendor {
	since := day(now).AddDate(0, 0, -NewVendorDays)
	byKey := map[string]*NewVendor{}
	var keys []string
	first := map[string]time.Time{}
	for i := range txs {
		t := &txs[i]
		if t.History || t.Ignored || t.IsCreditMemo() { // a refund makes no vendor new
			continue
		}
		k := vendorKey(t)
		if f, ok := first[k]; !ok || t.Date().Before(f) {
			first[k] = t.Date()
		}
	}
	for i := range txs {
		t := &txs[i]
		k := vendorKey(t)
		if t.History || t.Ignored || first[k].Before(since) {
			continue
		}
		v := byKey[k]
		if v == nil {
			v = &NewVendor{Vendor: t.VendorName, Company: t.Company, Currency: t.Currency, First: first[k]}
			byKey[k] = v
			keys = append(keys, k)
		}
		if v.App == "" {
			v.App = t.App
		}
		if t.Currency == v.Currency {
			v.Amount += t.Amount
		}
		v.TransactionIDs = append(v.TransactionIDs, t.ID)
	}
	out := make([]NewVendor, 0, len(keys))
	for _, k := range keys {
		v := byKey[k]
		what := "not matched to an application"
		if v.App != "" {
			what = v.App
		}
		v.Message = fmt.Sprintf("%s (%s): new vendor, first paid %s, %s %s so far (%s)", v.Vendor, v.Company,
			v.First.Format(time.DateOnly), v.Amount.Grouped(), v.Currency, what)
		v.Ident = ident(KindNewVendor, []string{k}, v.First)
		out = append(out, *v)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].First.After(out[j].First) })
	return out
}

func vendorKey(t *spend.Transaction) string {
	v := t.VendorNumber
	if v == "" {
		v = strings.ToLower(t.VendorName)
	}
	return t.CompanyID + "|" + v
}

// Alerts are the findings worth a mail: contracts of a quarter or longer
// whose notice deadline (or renewal) is within AlertHorizon days, price
// increases, missed charges, ended plans, changed seat counts, duplicates
// and new vendors. Overlaps and movers are for the console.
func (r *Report) Alerts() []Alert {
	var out []Alert
	for _, c := range r.Upcoming(AlertHorizon, 2) {
		if !c.Dismissed {
			out = append(out, Alert{Ident: c.Ident, Kind: KindNotice, App: c.App, Company: c.Company, Date: c.ActBy(),
				Message: c.Message, TransactionIDs: c.TransactionIDs})
		}
	}
	for _, f := range r.Findings() {
		switch f.Kind {
		case KindPriceIncrease, KindMissedCharge, KindEnded, KindSeats, KindDuplicate, KindNewVendor:
			out = append(out, f)
		}
	}
	return out
}

// NewAlerts are the alerts not reported before: seen maps a key to the
// fingerprint last reported; an alert whose facts changed is new again.
// It also returns what to remember for the next call (the current alerts,
// so one that goes away and comes back alerts again).
func (r *Report) NewAlerts(seen map[string]string) (fresh []Alert, remember map[string]string) {
	remember = map[string]string{}
	fresh = []Alert{}
	for _, a := range r.Alerts() {
		if seen[a.Key] != a.Fingerprint {
			fresh = append(fresh, a)
		}
		remember[a.Key] = a.Fingerprint
	}
	return fresh, remember
}
