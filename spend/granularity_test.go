package spend_test

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/bcspend/bcspend/match"
	"github.com/bcspend/bcspend/spend"
	"github.com/bcspend/bcspend/spend/spendtest"
	"github.com/bcspend/bcspend/store"
)

// The spend per application does not depend on the granularity: an
// invoice is allocated to the applications of its lines by line amount.
// The property is checked over the demo tenant and over random invoices.

// perApp is what must not depend on the granularity (transaction counts
// do: an invoice is one transaction, its lines several).
type perApp struct {
	Category        string
	Vendors         []string
	Spend           spend.Money
	Months          [12]spend.Money
	Reporting       string
	ReportingMonths [12]string
	Unconverted     spend.Money
}

func spendPerApp(m *spend.Model) (map[string]perApp, map[string]string, string) {
	apps := map[string]perApp{}
	for _, a := range m.Apps() {
		p := perApp{Category: a.Category, Vendors: a.Vendors, Spend: a.Spend, Months: a.Months,
			Reporting: a.Reporting.String(), Unconverted: a.UnconvertedSpend}
		for i, v := range a.ReportingMonths {
			p.ReportingMonths[i] = v.String()
		}
		apps[a.App] = p
	}
	unmatched := map[string]string{}
	for _, u := range m.Unmatched() {
		unmatched[u.VendorName] = fmt.Sprint(u.Spend, " ", u.Reporting, " ", u.UnconvertedSpend)
	}
	money, rep, _ := m.Total()
	return apps, unmatched, fmt.Sprint(money, rep)
}

func sameAtBothGranularities(t *testing.T, db *store.DB, opt spend.Options) {
	t.Helper()
	opt.Granularity = spend.PerInvoice
	inv, err := spend.Load(db, cat, opt)
	if err != nil {
		t.Fatal(err)
	}
	ai, ui, ti := spendPerApp(inv)
	if err := inv.SetGranularity(spend.PerLine); err != nil {
		t.Fatal(err)
	}
	al, ul, tl := spendPerApp(inv)
	if len(ai) == 0 {
		t.Fatal("no application spend at all")
	}
	for app, p := range ai {
		if !reflect.DeepEqual(p, al[app]) {
			t.Errorf("%s per invoice:\n%+v\nper line:\n%+v", app, p, al[app])
		}
	}
	for app := range al {
		if _, ok := ai[app]; !ok {
			t.Errorf("%s has spend per line only: %+v", app, al[app])
		}
	}
	if !reflect.DeepEqual(ui, ul) {
		t.Errorf("unmatched per invoice %v\nper line %v", ui, ul)
	}
	if ti != tl {
		t.Errorf("total per invoice %s, per line %s", ti, tl)
	}
}

func TestSpendPerAppSameAtBothGranularitiesDemo(t *testing.T) {
	db := spendtest.Demo(t)
	sameAtBothGranularities(t, db, spend.Options{Now: spendtest.DemoNow})
	m, err := spend.Load(db, cat, spend.Options{Now: spendtest.DemoNow})
	if err != nil {
		t.Fatal(err)
	}
	split := 0
	for _, x := range m.Transactions(spend.Filter{}) {
		if len(x.Splits) > 1 {
			split++
		}
	}
	if split == 0 {
		t.Error("the demo has no split invoice: the property is not exercised")
	}
}

// Random invoices mix what real ones hold: bundles of several products on
// one invoice, resellers, hardware lines (ignored), lines that say nothing
// (a PO number), unknown vendors, comment lines, foreign currencies with
// and without a rate, and one-off fixes on lines and on whole invoices.
func TestSpendPerAppSameAtBothGranularitiesRandom(t *testing.T) {
	vendors := []string{"Microsoft Ireland Operations Ltd", "CDW Ltd", "Atlassian Pty Ltd", "Adobe Systems Software Ireland Ltd",
		"Dell Technologies", "Slack Technologies Ltd", "Acme Widgets GmbH", "SoftwareOne AG", "Zoom Video Communications Inc"}
	descs := []string{"Microsoft 365 E3", "Azure consumption", "Dynamics 365 Business Central", "VMware vSphere Enterprise",
		"Adobe Acrobat Pro licences", "Latitude 7450 laptop", "Jira Software Cloud", "Confluence Cloud", "PO 4711",
		"Billing period 2026-05", "Slack Pro seats", "Zoom Business", "Shipping", "Veeam Backup", "Widgets"}
	curs := []string{"", "", "USD", "GBP", "CHF"}
	for seed := uint64(1); seed <= 25; seed++ {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			r := rand.New(rand.NewPCG(seed, 12))
			db := spendtest.Open(t)
			spendtest.Connect(t, db)
			spendtest.PutRates(t, db, spendtest.CompanyEU,
				spendtest.Rate{Currency: "USD", Start: spendtest.Day(2025, 1, 1), Exchange: "100", Relational: "92.3457"},
				spendtest.Rate{Currency: "USD", Start: spendtest.Day(2026, 6, 1), Exchange: "100", Relational: "90.0001"},
				spendtest.Rate{Currency: "GBP", Start: spendtest.Day(2026, 3, 1), Exchange: "3", Relational: "3.5"})
			var invs []spendtest.Inv
			for n := 1; n <= 60; n++ {
				in := spendtest.Inv{N: n, Vendor: vendors[r.IntN(len(vendors))], Currency: curs[r.IntN(len(curs))], Local: "EUR",
					Date: spendtest.Now.AddDate(0, 0, -r.IntN(420))}
				for k := r.IntN(5); k >= 0; k-- {
					if r.IntN(6) == 0 {
						in.Lines = append(in.Lines, spendtest.Line{Desc: "note", Comment: true})
						continue
					}
					in.Lines = append(in.Lines, spendtest.Line{Desc: descs[r.IntN(len(descs))],
						Amount: fmt.Sprintf("%d.%04d", r.IntN(5000)-300, r.IntN(10000))})
				}
				invs = append(invs, in)
			}
			spendtest.Commit(t, db, spendtest.CompanyEU, invs...)
			m, err := spend.Load(db, cat, spend.Options{Now: spendtest.Now})
			if err != nil {
				t.Fatal(err)
			}
			for k := 0; k < 4; k++ { // fixes on a line and on a whole invoice
				n := 1 + r.IntN(len(invs))
				id := spendtest.GUID(n)
				if k%2 == 0 && len(invs[n-1].Lines) > 0 {
					id += fmt.Sprintf("/%d", 10000*(1+r.IntN(len(invs[n-1].Lines))))
				}
				rule := match.Rule{Kind: match.RuleTransaction, TransactionID: id, App: []string{"Figma", "Slack", ""}[k%3]}
				if _, err := m.AddRule(db, rule); err != nil {
					t.Fatal(err)
				}
			}
			sameAtBothGranularities(t, db, spend.Options{Now: spendtest.Now})
		})
	}
}
