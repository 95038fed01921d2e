package spend_test

import (
	"testing"

	"github.com/bcspend/bcspend/spend/spendtest"
	"github.com/bcspend/bcspend/store"
)

// Two connections whose companies share a name and a BC id (a USD
// sandbox copied from the EUR production company): the model reads both,
// labels each with its connection only because the names clash, and
// converts each company's charges with its own connection's rates.
//
//	production (EUR): 200.00 EUR                         -> 200.00 EUR
//	sandbox (USD):    100.00 USD, 1 EUR = 1.25 USD there ->  80.00 EUR
//	total 280.00 EUR
func TestCompaniesOfTwoConnections(t *testing.T) {
	db := spendtest.Open(t)
	co := store.Company{ID: spendtest.CompanyEU, Name: "CRONUS", DisplayName: "Cronus"}
	if err := db.SaveConnection(store.Connection{Name: "production", TenantID: "t", Environment: "Production", Companies: []store.Company{co}}); err != nil {
		t.Fatal(err)
	}
	other := store.Company{ID: spendtest.CompanyEU, Name: "CRONUS", DisplayName: "Cronus", LocalCurrency: "USD"}
	sandbox, err := db.AddConnection(store.Connection{Name: "sandbox", TenantID: "t", Environment: "Sandbox",
		Companies: []store.Company{other, {ID: spendtest.CompanyUS, Name: "Other", DisplayName: "Cronus US"}}})
	if err != nil {
		t.Fatal(err)
	}
	key := sandbox.Companies[0].StoreKey()
	slack := func(n int, cur, local, amount string) st {
		return st{N: n, Vendor: "Slack Technologies Ltd", Date: spendtest.Day(2026, 9, 1), Currency: cur, Local: local,
			Lines: []ln{{Desc: "Slack Pro", Amount: amount}}}
	}
	spendtest.Commit(t, db, spendtest.CompanyEU, slack(1, "", "EUR", "200.00"))
	spendtest.Commit(t, db, key, slack(1, "", "USD", "100.00"))
	spendtest.PutRates(t, db, key, spendtest.Rate{Currency: "EUR", Start: spendtest.Day(2026, 1, 1), Exchange: "1", Relational: "1.25"})

	m := load(t, db, "")
	cs := m.Companies()
	if len(cs) != 3 || cs[0].Name != "Cronus (production)" || cs[1].Name != "Cronus (sandbox)" || cs[2].Name != "Cronus US" ||
		cs[0].ID == cs[1].ID || cs[1].ID != key || cs[1].LocalCurrency != "USD" {
		t.Fatalf("companies %+v", cs)
	}
	r := appRow(t, m, "Slack")
	if r.ReportingCurrency != "EUR" || r.Reporting.Fixed2() != "280.00" || r.Unconverted != 0 || r.Transactions != 2 {
		t.Fatalf("Slack: %s %s, %d transactions, %d unconverted; want 280.00 EUR from 2", r.Reporting, r.ReportingCurrency, r.Transactions, r.Unconverted)
	}
}
