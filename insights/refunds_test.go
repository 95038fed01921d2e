package insights_test

import (
	"testing"

	"github.com/bcspend/bcspend/insights"
	"github.com/bcspend/bcspend/match"
	"github.com/bcspend/bcspend/spend"
	"github.com/bcspend/bcspend/spend/spendtest"
)

// A refund is netted but is no charge: Slack's monthly 100.00 EUR plan
// with credits of 40.00 (against October's bill, same text) and 100.00
// (against November's, two days later) stays a monthly plan of 100.00 with
// no price change and no duplicate, and a credit from a vendor never
// billed (Loom, last week) makes no new vendor. The totals still net them.
func TestRefundsAreNoCharges(t *testing.T) {
	db := spendtest.Open(t)
	spendtest.Connect(t, db)
	eu := spendtest.CompanyEU
	slack := spendtest.Monthly(100, "Slack Technologies Ltd", "Slack Pro", "100.00", "EUR", day(2026, 11, 10), 12)
	spendtest.Commit(t, db, eu, slack...)
	spendtest.CommitCredits(t, db, eu,
		spendtest.Credit(inv{N: 150, Vendor: "Slack Technologies Ltd", Date: day(2026, 10, 20), Local: "EUR",
			Lines: []ln{{Desc: "Slack Pro", Amount: "40.00"}}}, spendtest.GUID(110)),
		spendtest.Credit(inv{N: 151, Vendor: "Slack Technologies Ltd", Date: day(2026, 11, 12), Local: "EUR",
			Lines: []ln{{Desc: "Slack Pro", Amount: "100.00"}}}, spendtest.GUID(111)),
		spendtest.Credit(inv{N: 152, Vendor: "Loom Inc", Date: day(2026, 11, 20), Local: "EUR",
			Lines: []ln{{Desc: "Loom Business", Amount: "25.00"}}}, ""))
	m, err := spend.Load(db, match.MustLoadBuiltin(), spend.Options{Now: spendtest.Now})
	if err != nil {
		t.Fatal(err)
	}
	r := insights.Compute(m, insights.Options{})
	rn := renewal(t, r, "Slack", "EUR")
	if rn.Cadence != insights.Monthly || rn.Charges != 12 || rn.LastAmount != amt("100.00") || rn.NextAmount != amt("100.00") {
		t.Errorf("Slack renewal %+v: want a monthly plan of 12 charges of 100.00", rn)
	}
	for _, p := range r.PriceIncreases {
		t.Errorf("price change from a refund: %+v", p)
	}
	for _, d := range r.Duplicates {
		t.Errorf("duplicate from a refund: %+v", d)
	}
	for _, v := range r.NewVendors {
		t.Errorf("new vendor from a refund: %+v", v)
	}
	// 12 x 100.00 - 40.00 - 100.00 - 25.00 (Loom's credit, netted under
	// Loom) = 1,035.00 EUR.
	if r.Totals.Reporting != amt("1035.00") {
		t.Errorf("total %s, want 1035.00", r.Totals.Reporting)
	}
}
