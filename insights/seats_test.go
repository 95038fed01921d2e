package insights_test

import (
	"testing"

	"github.com/bcspend/bcspend/insights"
	"github.com/bcspend/bcspend/spend/spendtest"
)

func seatPlanOf(t *testing.T, r insights.Report, app string) insights.SeatPlan {
	t.Helper()
	for _, p := range r.Seats {
		if p.App == app {
			return p
		}
	}
	t.Fatalf("no seat plan for %s: %+v", app, r.Seats)
	return insights.SeatPlan{}
}

// seats: Slack adds seats at a steady price per seat (its bill grows: not a
// price increase); Notion keeps its seats and raises the price per seat by
// 20% (a price increase per seat); Twilio's metered one-line bill wanders
// and rises (never a price increase).
func TestSeatsAndPricePerSeat(t *testing.T) {
	db := spendtest.Open(t)
	spendtest.Connect(t, db)
	seatBill := func(n int, vendor, desc string, month int, qty, unit string) inv {
		q, u := amt(qty), amt(unit)
		return inv{N: n, Vendor: vendor, Date: day(2026, 5+0, 10).AddDate(0, month, 0), Local: "EUR",
			Lines: []ln{{Desc: desc, Amount: (q * u / 10000).String(), Qty: qty, Unit: unit}}}
	}
	var invs []inv
	for i, q := range []string{"40", "40", "40", "45", "45", "52"} {
		invs = append(invs, seatBill(100+i, "Slack Technologies Ltd", "Slack Pro seats", i, q, "8.75"))
	}
	for i, u := range []string{"10.00", "10.00", "10.00", "10.00", "12.00", "12.00"} {
		invs = append(invs, seatBill(200+i, "Notion Labs Inc", "Notion Plus seats", i, "30", u))
	}
	usage := spendtest.Monthly(300, "Twilio Inc.", "Twilio usage - programmable messaging", "100.00", "EUR", day(2026, 10, 12), 6)
	for i, a := range []string{"100.00", "104.00", "98.00", "101.00", "99.00", "180.00"} {
		usage[i].Lines[0].Amount = a
	}
	// AWS bills without a word of usage, but never the same amount twice: metered.
	aws := spendtest.Monthly(400, "Amazon Web Services EMEA SARL", "AWS invoice", "100.00", "EUR", day(2026, 10, 3), 6)
	for i, a := range []string{"1000.00", "1040.00", "980.00", "1010.00", "990.00", "1800.00"} {
		aws[i].Lines[0].Amount = a
	}
	spendtest.Commit(t, db, spendtest.CompanyEU, append(append(invs, usage...), aws...)...)
	r := compute(t, db)
	slack := seatPlanOf(t, r, "Slack")
	if slack.Seats != amt("52") || slack.PreviousSeats != amt("45") || slack.PricePerSeat != amt("8.75") || slack.PriceTrend != 0 ||
		len(slack.History) != 6 || !slack.SeatChanged() {
		t.Errorf("Slack seats: %+v", slack)
	}
	notion := seatPlanOf(t, r, "Notion")
	if notion.Seats != amt("30") || notion.PricePerSeat != amt("12") || notion.PriceTrend < 0.199 || notion.PriceTrend > 0.201 || notion.SeatChanged() {
		t.Errorf("Notion seats: %+v", notion)
	}
	ups := r.PriceIncreases
	if len(ups) != 1 || ups[0].App != "Notion" || ups[0].Basis != insights.BasisPerSeat || ups[0].Previous != amt("10") ||
		ups[0].Current != amt("12") || ups[0].Seats != amt("30") || !ups[0].Date.Equal(day(2026, 9, 10)) {
		t.Fatalf("price increases %+v; want only Notion's per seat (Slack added seats, Twilio and AWS are metered)", ups)
	}
	for _, p := range r.Seats {
		if p.App == "Twilio" {
			t.Errorf("a metered one-line bill is no seat plan: %+v", p)
		}
	}
	// Changed seat counts come first.
	if r.Seats[0].App != "Slack" {
		t.Errorf("seat plans order: %+v", r.Seats)
	}
}
