package insights_test

import (
	"testing"

	"github.com/bcspend/bcspend/spend/spendtest"
)

// withTerm gives every invoice a payment term of days.
func withTerm(days int, invs []inv) []inv {
	for i := range invs {
		invs[i].DueDays = days
	}
	return invs
}

// A charge invoiced but not yet paid is not synced; on 30-day terms it is
// not missed before its expected date plus the grace (10 days) plus the
// term. Notion's November bill is inside that window (no finding); Miro's
// October bill is past it (missed, grace until 2026-11-19); Figma's last
// bill is 65 days old, two monthly periods, but its next two bills are not
// both overdue yet: neither missed nor ended.
func TestUnpaidChargeInsideThePaymentTermIsNotMissed(t *testing.T) {
	db := spendtest.Open(t)
	spendtest.Connect(t, db)
	var invs []inv
	invs = append(invs, withTerm(30, spendtest.Monthly(100, "Notion Labs Inc", "Notion Plus", "200.00", "EUR", day(2026, 10, 10), 6))...)
	invs = append(invs, withTerm(30, spendtest.Monthly(200, "RealtimeBoard Inc", "Miro Business", "80.00", "EUR", day(2026, 9, 10), 6))...)
	invs = append(invs, withTerm(30, spendtest.Monthly(300, "Figma Inc", "Figma Professional", "45.00", "EUR", day(2026, 9, 20), 6))...)
	spendtest.Commit(t, db, spendtest.CompanyEU, invs...)
	r := compute(t, db)
	if len(r.Ended) != 0 {
		t.Errorf("ended %+v; want none (the bills after the last are not yet due and paid)", r.Ended)
	}
	if len(r.MissedCharges) != 1 {
		t.Fatalf("missed %+v; want only Miro's", r.MissedCharges)
	}
	if m := r.MissedCharges[0]; m.App != "Miro" || !m.Expected.Equal(day(2026, 10, 10)) || !m.GraceUntil.Equal(day(2026, 11, 19)) {
		t.Errorf("Miro missed: %+v", m)
	}
	for _, x := range r.Renewals {
		if x.Ended {
			t.Errorf("renewal marked ended: %+v", x)
		}
	}
}

// Two one-off purchases a month apart look monthly but are no rhythm: no
// charge of theirs is missed and no plan of theirs ends. An annual plan
// shows at most two charges in the store, and two are enough.
func TestTwoChargesAreNoRhythmButAnAnnualPlan(t *testing.T) {
	db := spendtest.Open(t)
	spendtest.Connect(t, db)
	invs := []inv{
		{N: 1, Vendor: "HashiCorp Inc", Date: day(2026, 6, 11), Local: "EUR", Lines: []ln{{Desc: "HCP Terraform Standard", Amount: "1070.33"}}},
		{N: 2, Vendor: "HashiCorp Inc", Date: day(2026, 7, 10), Local: "EUR", Lines: []ln{{Desc: "HCP Terraform Standard", Amount: "1148.16"}}},
		{N: 3, Vendor: "Figma Inc", Date: day(2024, 10, 1), Local: "EUR", Lines: []ln{{Desc: "Figma Organization", Amount: "4500"}}},
		{N: 4, Vendor: "Figma Inc", Date: day(2025, 10, 1), Local: "EUR", Lines: []ln{{Desc: "Figma Organization", Amount: "4500"}}},
	}
	spendtest.Commit(t, db, spendtest.CompanyEU, invs...)
	r := compute(t, db)
	if len(r.Ended) != 0 {
		t.Errorf("ended %+v; two one-off bills are no plan that ended", r.Ended)
	}
	if len(r.MissedCharges) != 1 || r.MissedCharges[0].App != "Figma" || !r.MissedCharges[0].Expected.Equal(day(2026, 10, 1)) {
		t.Errorf("missed %+v; want only Figma's annual bill of 2026-10-01", r.MissedCharges)
	}
}

// A one-off purchase of more licences between two monthly bills is no seat
// count that changed (the count is compared one period back); a monthly
// bill for more seats is one. Two one-off invoices a quarter apart are no
// plan whose seats changed.
func TestOneOffPurchaseIsNoSeatChange(t *testing.T) {
	db := spendtest.Open(t)
	spendtest.Connect(t, db)
	seats := func(n int, vendor, desc string, d, qty, unit string) inv {
		q, u := amt(qty), amt(unit)
		return inv{N: n, Vendor: vendor, Date: spendtest.Day(2026, 1, 1).AddDate(0, 0, atoi(d)), Local: "EUR",
			Lines: []ln{{Desc: desc, Amount: (q * u / 10000).String(), Qty: qty, Unit: unit}}}
	}
	var invs []inv
	// Linear: 43 seats on the 28th of each month; 63 more bought once on 2026-08-10.
	for i := range 8 {
		invs = append(invs, inv{N: 100 + i, Vendor: "Linear Orbit Inc", Date: day(2026, 3, 28).AddDate(0, i, 0), Local: "EUR",
			Lines: []ln{{Desc: "Linear Business", Amount: "602.00", Qty: "43", Unit: "14.00"}}})
	}
	invs = append(invs, inv{N: 120, Vendor: "Linear Orbit Inc", Date: day(2026, 8, 10), Local: "EUR",
		Lines: []ln{{Desc: "Linear Business", Amount: "882.00", Qty: "63", Unit: "14.00"}}})
	// Slack: 40 seats a month, 48 on the last bill.
	for i, q := range []string{"40", "40", "40", "40", "48"} {
		invs = append(invs, inv{N: 200 + i, Vendor: "Slack Technologies Ltd", Date: day(2026, 7, 10).AddDate(0, i, 0), Local: "EUR",
			Lines: []ln{{Desc: "Slack Pro seats", Amount: (amt(q) * amt("8.75") / 10000).String(), Qty: q, Unit: "8.75"}}})
	}
	// SurveyMonkey: two one-off invoices, 103 and 99 seats, 93 days apart.
	invs = append(invs, seats(300, "Momentive Inc", "SurveyMonkey Team Advantage", "42", "103", "30.00"),
		seats(301, "Momentive Inc", "SurveyMonkey Team Advantage", "135", "99", "30.00"))
	spendtest.Commit(t, db, spendtest.CompanyEU, invs...)
	r := compute(t, db)
	changed := map[string]bool{}
	for _, p := range r.Seats {
		if p.SeatChanged() {
			changed[p.App] = true
		}
	}
	if !changed["Slack"] || changed["Linear"] || changed["SurveyMonkey"] || len(changed) != 1 {
		t.Errorf("changed seat counts %v; want Slack only", changed)
	}
	for _, f := range r.Findings() {
		if f.Kind == "seats" && f.App != "Slack" {
			t.Errorf("seat finding %+v", f)
		}
	}
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

// A one-off invoice dearer than the plan's bills, followed by the old
// price again, is no price increase: a price that rose stays up. A rise
// that the next bill keeps is one.
func TestRiseTheNextBillUndoesIsNoPriceIncrease(t *testing.T) {
	db := spendtest.Open(t)
	spendtest.Connect(t, db)
	jira := spendtest.Monthly(100, "Atlassian Pty Ltd", "Jira Software Cloud Standard", "114.10", "EUR", day(2026, 10, 14), 6)
	jira = append(jira, inv{N: 120, Vendor: "Atlassian Pty Ltd", Date: day(2026, 8, 8), Local: "EUR",
		Lines: []ln{{Desc: "Jira Software Cloud Standard", Amount: "226.53"}}})
	notion := spendtest.Monthly(200, "Notion Labs Inc", "Notion Plus", "200.00", "EUR", day(2026, 11, 5), 6)
	notion[4].Lines[0].Amount = "240.00"
	notion[5].Lines[0].Amount = "240.00"
	spendtest.Commit(t, db, spendtest.CompanyEU, append(jira, notion...)...)
	r := compute(t, db)
	if len(r.PriceIncreases) != 1 || r.PriceIncreases[0].App != "Notion" || r.PriceIncreases[0].Current != amt("240") {
		t.Fatalf("price increases %+v; want Notion's only", r.PriceIncreases)
	}
}

// Movers are monthly bills that moved by more than a quarter between the
// last two complete months (2026-09 and 2026-10): Datadog doubled. An
// annual bill landing in October (Figma), a monthly bill not paid yet in
// October (Miro) and a 10% wander (Twilio) are not movers.
func TestMoversAreMonthlyBillsThatMoved(t *testing.T) {
	db := spendtest.Open(t)
	spendtest.Connect(t, db)
	dd := spendtest.Monthly(100, "Datadog Inc", "Datadog Pro", "900.00", "EUR", day(2026, 11, 8), 6)
	dd[4].Lines[0].Amount = "1800.00"
	dd[5].Lines[0].Amount = "1800.00"
	miro := spendtest.Monthly(200, "RealtimeBoard Inc", "Miro Business", "400.00", "EUR", day(2026, 9, 15), 6)
	twilio := spendtest.Monthly(300, "Twilio Inc.", "Twilio usage", "100.00", "EUR", day(2026, 10, 12), 6)
	twilio[5].Lines[0].Amount = "110.00"
	invs := append(append(append(dd, miro...), twilio...),
		inv{N: 400, Vendor: "Figma Inc", Date: day(2025, 10, 20), Local: "EUR", Lines: []ln{{Desc: "Figma Organization", Amount: "4500"}}},
		inv{N: 401, Vendor: "Figma Inc", Date: day(2026, 10, 20), Local: "EUR", Lines: []ln{{Desc: "Figma Organization", Amount: "4500"}}})
	spendtest.Commit(t, db, spendtest.CompanyEU, invs...)
	r := compute(t, db)
	mv := r.Trends.Movers
	if len(mv) != 1 || mv[0].App != "Datadog" || mv[0].Company != "Cronus EU" || mv[0].Previous != amt("900") ||
		mv[0].Current != amt("1800") || len(mv[0].TransactionIDs) != 2 {
		t.Fatalf("movers %+v; want Datadog 900 -> 1,800 only", mv)
	}
}
