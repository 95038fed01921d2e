package insights_test

import (
	"testing"

	"github.com/bcspend/bcspend/insights"
	"github.com/bcspend/bcspend/match"
	"github.com/bcspend/bcspend/spend"
	"github.com/bcspend/bcspend/spend/spendtest"
)

// A monthly bill that triples (three times the seats) on its due day is
// the same subscription billed anew, not a missed charge of the old amount
// or an ended plan: the amounts fall in two clusters (planGap), but the app
// was charged when the old plan's charge was expected.
func TestABillThatTriplesOnTimeIsNoMissedCharge(t *testing.T) {
	db := spendtest.Open(t)
	spendtest.Connect(t, db)
	// 300 monthly on the 20th until 2026-09-20, then 900 on 10-20 and 11-20; today is 2026-11-24.
	bills := spendtest.Monthly(100, "Notion Labs Inc", "Notion Plus", "300.00", "EUR", day(2026, 9, 20), 6)
	bills = append(bills, spendtest.Monthly(200, "Notion Labs Inc", "Notion Plus", "900.00", "EUR", day(2026, 11, 20), 2)...)
	spendtest.Commit(t, db, spendtest.CompanyEU, bills...)
	m, err := spend.Load(db, match.MustLoadBuiltin(), spend.Options{Now: spendtest.Now})
	if err != nil {
		t.Fatal(err)
	}
	r := insights.Compute(m, insights.Options{})
	for _, mc := range r.MissedCharges {
		t.Errorf("missed charge %+v; the 900 was paid when it was due", mc)
	}
	for _, e := range r.Ended {
		t.Errorf("ended plan %+v; the subscription goes on at 900", e)
	}
}
