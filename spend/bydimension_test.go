package spend_test

import (
	"testing"

	"github.com/bcspend/bcspend/money"
	"github.com/bcspend/bcspend/spend"
	"github.com/bcspend/bcspend/spend/spendtest"
)

// Split by dimension 1, each application's rows add up to its row of
// Apps, also for an invoice split between two applications (one Microsoft
// bill for Microsoft 365 and Power BI), and invoices without a value are
// "(none)".
func TestAppsByDimensionAddUpToApps(t *testing.T) {
	db := spendtest.Open(t)
	spendtest.Connect(t, db)
	eu := spendtest.CompanyEU
	invs := []st{
		{N: 1, Vendor: "Slack Technologies Ltd", Date: spendtest.Day(2026, 9, 10), Local: "EUR", Dim1: "SALES", Dim2: "HQ",
			Lines: []ln{{Desc: "Slack Pro", Amount: "100.00"}}},
		{N: 2, Vendor: "Slack Technologies Ltd", Date: spendtest.Day(2026, 10, 10), Local: "EUR", Dim1: "IT",
			Lines: []ln{{Desc: "Slack Pro", Amount: "120.00"}}},
		{N: 3, Vendor: "Slack Technologies Ltd", Date: spendtest.Day(2026, 11, 10), Local: "EUR", Dim1: "SALES",
			Lines: []ln{{Desc: "Slack Pro", Amount: "130.00"}}},
		{N: 4, Vendor: "Microsoft Ireland Operations Ltd", Date: spendtest.Day(2026, 11, 5), Local: "EUR", Dim1: "IT",
			Lines: []ln{{Desc: "Microsoft 365 E3", Amount: "900.00"}, {Desc: "Power BI Pro", Amount: "300.00"}}},
		{N: 5, Vendor: "Microsoft Ireland Operations Ltd", Date: spendtest.Day(2026, 10, 5), Local: "EUR",
			Lines: []ln{{Desc: "Microsoft 365 E3", Amount: "450.00"}}},
	}
	spendtest.Commit(t, db, eu, invs...)
	for _, g := range []spend.Granularity{spend.PerInvoice, spend.PerLine} {
		m := load(t, db, g)
		rows, err := m.AppsByDimension(1)
		if err != nil {
			t.Fatal(err)
		}
		type sum struct {
			rep money.Amount
			tx  int
		}
		got := map[string]sum{}
		byKey := map[string]money.Amount{}
		for _, r := range rows {
			s := got[r.App]
			s.rep += r.Reporting
			s.tx += r.Transactions
			got[r.App] = s
			byKey[r.App+"|"+r.Dimension] = r.Reporting
		}
		apps := m.Apps()
		if len(got) != len(apps) {
			t.Fatalf("%s: %d applications split, %d in Apps", g, len(got), len(apps))
		}
		for _, a := range apps {
			if s := got[a.App]; s.rep != a.Reporting || s.tx != a.Transactions {
				t.Errorf("%s: %s split sums to %s in %d transactions; Apps says %s in %d", g, a.App, s.rep, s.tx, a.Reporting, a.Transactions)
			}
		}
		want := map[string]string{"Slack|SALES": "230", "Slack|IT": "120", "Microsoft 365|IT": "900",
			"Microsoft 365|(none)": "450", "Power BI|IT": "300"}
		for k, v := range want {
			if byKey[k] != money.MustParse(v) {
				t.Errorf("%s: %s = %s, want %s (rows %v)", g, k, byKey[k], v, byKey)
			}
		}
		if rows[0].App != apps[0].App {
			t.Errorf("%s: rows must keep Apps' order: %s first, Apps has %s", g, rows[0].App, apps[0].App)
		}
	}
	if _, err := load(t, db, spend.PerInvoice).AppsByDimension(3); err == nil {
		t.Error("dimension 3 must be refused")
	}
}
