package insights_test

import (
	"testing"

	"github.com/bcspend/bcspend/insights"
	"github.com/bcspend/bcspend/spend/spendtest"
)

// The headless alerts: a first call reports everything worth a mail, the
// next only what is new or changed; a vendor first paid lately is new.
func TestAlertsSinceLastRun(t *testing.T) {
	db := spendtest.Open(t)
	spendtest.Connect(t, db)
	eu := spendtest.CompanyEU
	notion := spendtest.Monthly(100, "Notion Labs Inc", "Notion Plus", "200.00", "EUR", day(2026, 10, 5), 6)
	notion[5].Lines[0].Amount = "260.00"
	spendtest.Commit(t, db, eu, notion...)
	spendtest.Commit(t, db, eu, inv{N: 900, Vendor: "Canva Pty Ltd", Date: day(2026, 11, 2), Local: "EUR",
		Lines: []ln{{Desc: "Canva Teams", Amount: "120.00"}}})
	r := compute(t, db)
	if len(r.NewVendors) != 1 || r.NewVendors[0].App != "Canva" || !r.NewVendors[0].First.Equal(day(2026, 11, 2)) {
		t.Fatalf("new vendors: %+v (Notion has paid since May: not new)", r.NewVendors)
	}
	kinds := func(as []insights.Alert) map[string]int {
		m := map[string]int{}
		for _, a := range as {
			m[a.Kind]++
		}
		return m
	}
	fresh, seen := r.NewAlerts(nil)
	if k := kinds(fresh); k[insights.KindPriceIncrease] != 1 || k[insights.KindNewVendor] != 1 || k[insights.KindMissedCharge] != 1 {
		t.Fatalf("first run alerts %v: want Notion's increase and missed charge, and Canva", k)
	}
	if err := db.SetAlertsSeen(seen); err != nil {
		t.Fatal(err)
	}
	stored, _ := db.AlertsSeen()
	if again, _ := r.NewAlerts(stored); len(again) != 0 {
		t.Fatalf("second run repeats %+v", again)
	}
	// November's Notion bill arrives: the missed charge goes, the plan is
	// live; a duplicate of it is new.
	spendtest.Commit(t, db, eu,
		inv{N: 200, Vendor: "Notion Labs Inc", Date: day(2026, 11, 5), Local: "EUR", Lines: []ln{{Desc: "Notion Plus", Amount: "260.00"}}},
		inv{N: 201, Vendor: "Notion Labs Inc", Date: day(2026, 11, 6), Local: "EUR", Lines: []ln{{Desc: "Notion Plus", Amount: "260.00"}}})
	r = compute(t, db)
	fresh, _ = r.NewAlerts(stored)
	if k := kinds(fresh); len(fresh) != 1 || k[insights.KindDuplicate] != 1 {
		t.Fatalf("after the new bills: %+v; want only the duplicate", fresh)
	}
}
