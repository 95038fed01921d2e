package insights_test

import (
	"testing"

	"github.com/bcspend/bcspend/insights"
	"github.com/bcspend/bcspend/match"
	"github.com/bcspend/bcspend/spend"
	"github.com/bcspend/bcspend/spend/spendtest"
)

// An annual plan billed beside a monthly one (Slack Business+ once a year,
// Slack Pro every month) is another plan, not a 1,000% price increase, and
// each plan keeps its own rhythm.
func TestAnnualPlanBesideMonthlyIsNotAPriceIncrease(t *testing.T) {
	db := spendtest.Open(t)
	spendtest.Connect(t, db)
	invs := spendtest.Monthly(100, "Slack Technologies Ltd", "Slack Pro", "262.50", "EUR", day(2026, 11, 10), 12)
	invs = append(invs,
		inv{N: 300, Vendor: "Slack Technologies Ltd", Date: day(2025, 12, 20), Local: "EUR", Lines: []ln{{Desc: "Slack Business+ annual plan", Amount: "36000"}}},
		inv{N: 301, Vendor: "Slack Technologies Ltd", Date: day(2026, 3, 20), Local: "EUR", Lines: []ln{{Desc: "Slack Pro", Amount: "315.00"}}})
	spendtest.Commit(t, db, spendtest.CompanyEU, invs...)
	m, err := spend.Load(db, match.MustLoadBuiltin(), spend.Options{Now: spendtest.Now})
	if err != nil {
		t.Fatal(err)
	}
	r := insights.Compute(m, insights.Options{})
	for _, p := range r.PriceIncreases {
		if p.App == "Slack" && p.Change > 2 {
			t.Errorf("annual plan read as a price increase: %+v", p)
		}
	}
	var monthly, other int
	for _, x := range r.Renewals {
		if x.App != "Slack" {
			continue
		}
		if x.Cadence == insights.Monthly {
			monthly++
		} else {
			other++
		}
	}
	if monthly != 1 || other != 1 {
		t.Errorf("want the monthly plan and the annual plan as two renewals, got %+v", r.Renewals)
	}
}

// Metered bills wander month to month; a rise among them is usage, not a
// price increase. A step up after a steady price still is one.
func TestUsageBillsAreNotPriceIncreases(t *testing.T) {
	db := spendtest.Open(t)
	spendtest.Connect(t, db)
	usage := spendtest.Monthly(100, "Twilio Inc.", "Twilio usage - programmable messaging", "100.00", "EUR", day(2026, 11, 10), 6)
	for i, a := range []string{"100.00", "121.00", "92.00", "117.00", "96.00", "128.00"} {
		usage[i].Lines[0].Amount = a
	}
	steady := spendtest.Monthly(200, "Notion Labs Inc", "Notion Plus", "200.00", "EUR", day(2026, 11, 5), 5)
	steady[4].Lines[0].Amount = "240.00"
	spendtest.Commit(t, db, spendtest.CompanyEU, append(usage, steady...)...)
	m, err := spend.Load(db, match.MustLoadBuiltin(), spend.Options{Now: spendtest.Now})
	if err != nil {
		t.Fatal(err)
	}
	apps := map[string]int{}
	for _, p := range insights.Compute(m, insights.Options{}).PriceIncreases {
		apps[p.App]++
	}
	if apps["Twilio"] != 0 || apps["Notion"] != 1 {
		t.Fatalf("price increases per app: %v; want none for metered Twilio, one for Notion", apps)
	}
}
