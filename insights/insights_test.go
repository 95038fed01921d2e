package insights_test

import (
	"testing"
	"time"

	"github.com/bcspend/bcspend/insights"
	"github.com/bcspend/bcspend/match"
	"github.com/bcspend/bcspend/money"
	"github.com/bcspend/bcspend/spend"
	"github.com/bcspend/bcspend/spend/spendtest"
	"github.com/bcspend/bcspend/store"
)

type inv = spendtest.Inv
type ln = spendtest.Line

var day = spendtest.Day

func amt(s string) money.Amount { return money.MustParse(s) }

func TestInferCadence(t *testing.T) {
	monthly := func(n int, start time.Time) []time.Time {
		var out []time.Time
		for i := 0; i < n; i++ {
			out = append(out, start.AddDate(0, i, 0))
		}
		return out
	}
	late := monthly(12, day(2025, 12, 3))
	late[5] = late[5].AddDate(0, 0, 9) // one bill nine days late
	cases := []struct {
		name  string
		dates []time.Time
		want  insights.Cadence
	}{
		{"monthly", monthly(12, day(2025, 12, 3)), insights.Monthly},
		{"monthly from the 31st", monthly(6, day(2026, 1, 31)), insights.Monthly},
		{"monthly with one late bill", late, insights.Monthly},
		{"quarterly", []time.Time{day(2025, 12, 1), day(2026, 3, 1), day(2026, 6, 2), day(2026, 9, 1)}, insights.Quarterly},
		{"annual", []time.Time{day(2023, 11, 10), day(2024, 11, 12), day(2025, 11, 10)}, insights.Annual},
		{"irregular", []time.Time{day(2026, 1, 1), day(2026, 1, 6), day(2026, 2, 15), day(2026, 5, 27), day(2026, 6, 8)}, insights.Irregular},
		{"single charge", []time.Time{day(2026, 1, 1)}, insights.Unknown},
	}
	for _, c := range cases {
		if got := insights.InferCadence(c.dates); got != c.want {
			t.Errorf("%s: %s, want %s", c.name, got, c.want)
		}
	}
}

// fixture is a year of a small company's invoices with one of each finding.
func fixture(t *testing.T) *spend.Model {
	t.Helper()
	db := spendtest.Open(t)
	spendtest.Connect(t, db)
	eu := spendtest.CompanyEU
	var invs []inv
	// Slack: monthly 100 EUR, last on 2026-11-10: next 2026-12-10.
	invs = append(invs, spendtest.Monthly(100, "Slack Technologies Ltd", "Slack Pro", "100.00", "EUR", day(2026, 11, 10), 12)...)
	// Notion: monthly, 200 then 260 (+30%) on the last bill; 5% up before that is not flagged.
	notion := spendtest.Monthly(200, "Notion Labs Inc", "Notion Plus", "200.00", "EUR", day(2026, 11, 5), 6)
	notion[4].Lines[0].Amount = "210.00"
	notion[5].Lines[0].Amount = "273.00"
	invs = append(invs, notion...)
	// Miro: monthly until August, then nothing: a missed charge.
	invs = append(invs, spendtest.Monthly(300, "RealtimeBoard Inc", "Miro Business", "80.00", "EUR", day(2026, 8, 15), 6)...)
	// Figma: annual.
	invs = append(invs,
		inv{N: 400, Vendor: "Figma Inc", Date: day(2024, 11, 12), Local: "EUR", Lines: []ln{{Desc: "Figma Organization", Amount: "4500"}}},
		inv{N: 401, Vendor: "Figma Inc", Date: day(2025, 11, 14), Local: "EUR", Lines: []ln{{Desc: "Figma Organization", Amount: "4500"}}})
	// Zoom and Webex: irregular.
	for i, d := range []time.Time{day(2026, 1, 4), day(2026, 1, 12), day(2026, 4, 20), day(2026, 5, 2), day(2026, 9, 30)} {
		invs = append(invs, inv{N: 500 + i, Vendor: "Zoom Video Communications Inc", Date: d, Local: "EUR",
			Lines: []ln{{Desc: "Zoom Webinars add-on", Amount: "49.00"}}})
	}
	invs = append(invs, inv{N: 600, Vendor: "Cisco Systems", Date: day(2026, 6, 1), Local: "EUR", Lines: []ln{{Desc: "Webex Meetings", Amount: "300"}}})
	// Atlassian: the same 500 EUR twice in three days, and a vendor invoice number paid twice.
	invs = append(invs,
		inv{N: 700, Vendor: "Atlassian Pty Ltd", Date: day(2026, 10, 1), Local: "EUR", Lines: []ln{{Desc: "Jira Software Cloud", Amount: "500"}}},
		inv{N: 701, Vendor: "Atlassian Pty Ltd", Date: day(2026, 10, 3), Local: "EUR", Lines: []ln{{Desc: "Jira Software Cloud", Amount: "500"}}},
		inv{N: 702, Vendor: "Atlassian Pty Ltd", Date: day(2026, 6, 1), Local: "EUR", VendorInvoiceNumber: "AT-1",
			Lines: []ln{{Desc: "Confluence Standard", Amount: "120"}}},
		inv{N: 703, Vendor: "Atlassian Pty Ltd", Date: day(2026, 8, 1), Local: "EUR", VendorInvoiceNumber: "AT-1",
			Lines: []ln{{Desc: "Confluence Standard", Amount: "120"}}})
	// A supplier no catalog knows.
	invs = append(invs, inv{N: 800, Vendor: "Nordlys Handel AB", Date: day(2026, 7, 1), Local: "EUR", Lines: []ln{{Desc: "Order 4471", Amount: "90"}}})
	spendtest.Commit(t, db, eu, invs...)
	// The same app billed in USD by the US company: its own series, never mixed.
	spendtest.Commit(t, db, spendtest.CompanyUS,
		spendtest.Monthly(900, "Slack Technologies Ltd", "Slack Pro", "110.00", "USD", day(2026, 11, 12), 3)...)
	spendtest.PutRates(t, db, eu, spendtest.Rate{Currency: "USD", Start: day(2020, 1, 1), Exchange: "100", Relational: "90"})
	spendtest.PutRates(t, db, spendtest.CompanyUS, spendtest.Rate{Currency: "EUR", Start: day(2020, 1, 1), Exchange: "90", Relational: "100"})
	m, err := spend.Load(db, match.MustLoadBuiltin(), spend.Options{Now: spendtest.Now})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func renewal(t *testing.T, r insights.Report, app, currency string) insights.Renewal {
	t.Helper()
	for _, x := range r.Renewals {
		if x.App == app && x.Currency == currency {
			return x
		}
	}
	t.Fatalf("no renewal for %s in %s: %+v", app, currency, r.Renewals)
	return insights.Renewal{}
}

func TestRenewalsAndCadence(t *testing.T) {
	r := insights.Compute(fixture(t), insights.Options{})
	slack := renewal(t, r, "Slack", "EUR")
	if slack.Cadence != insights.Monthly || !slack.NextCharge.Equal(day(2026, 12, 10)) || slack.NextAmount != amt("100") ||
		slack.DaysUntil != 16 || len(slack.TransactionIDs) != 12 {
		t.Errorf("Slack renewal: %+v", slack)
	}
	if us := renewal(t, r, "Slack", "USD"); us.Company != "Cronus US" || us.NextAmount != amt("110") || us.Charges != 3 {
		t.Errorf("Slack in USD must be its own series: %+v", us)
	}
	if f := renewal(t, r, "Figma", "EUR"); f.Cadence != insights.Annual || !f.NextCharge.Equal(day(2026, 11, 14)) {
		t.Errorf("Figma: %+v", f)
	}
	if z := renewal(t, r, "Zoom Webinars", "EUR"); z.Cadence != insights.Irregular || !z.NextCharge.IsZero() {
		t.Errorf("Zoom: %+v", z)
	}
}

func TestPriceIncrease(t *testing.T) {
	r := insights.Compute(fixture(t), insights.Options{})
	var got []insights.PriceIncrease
	for _, p := range r.PriceIncreases {
		if p.App == "Notion" {
			got = append(got, p)
		}
	}
	if len(got) != 1 || got[0].Previous != amt("210") || got[0].Current != amt("273") || got[0].Change < 0.2999 ||
		got[0].Change > 0.3001 || len(got[0].TransactionIDs) != 2 || got[0].TransactionIDs[1] != spendtest.GUID(205) {
		t.Errorf("Notion increases = %+v; want one +30%% on invoice 205 (the +5%% before stays quiet)", got)
	}
	loose := insights.Compute(fixture(t), insights.Options{PriceIncrease: 0.04})
	n := 0
	for _, p := range loose.PriceIncreases {
		if p.App == "Notion" {
			n++
		}
	}
	if n != 2 {
		t.Errorf("with a 4%% threshold, %d Notion increases; want 2", n)
	}
}

// Miro billed monthly until August: by late November its last charge is
// more than two periods old, so the plan has ended (said once), and no
// charge is "missed" for it.
func TestEndedPlanIsNotAMissedCharge(t *testing.T) {
	r := insights.Compute(fixture(t), insights.Options{})
	for _, m := range r.MissedCharges {
		if m.App == "Miro" {
			t.Errorf("ended plan reported as missed: %+v", m)
		}
	}
	if len(r.Ended) != 1 {
		t.Fatalf("ended = %+v; want only Miro", r.Ended)
	}
	e := r.Ended[0]
	if e.App != "Miro" || !e.LastCharge.Equal(day(2026, 8, 15)) || !e.EndedAbout.Equal(day(2026, 9, 15)) ||
		len(e.TransactionIDs) != 1 || e.TransactionIDs[0] != spendtest.GUID(305) {
		t.Errorf("Miro ended: %+v", e)
	}
	if m := renewal(t, r, "Miro", "EUR"); !m.Ended {
		t.Errorf("Miro's renewal not marked ended: %+v", m)
	}
}

// A monthly plan with a gap in its history is still monthly; when its
// latest charge is late past the grace period but the plan is not two
// periods quiet, the charge is missed.
func TestMonthlyWithGapAndMissedCharge(t *testing.T) {
	db := spendtest.Open(t)
	spendtest.Connect(t, db)
	// Monthly on the 5th, March skipped, the last on 2026-10-05; today is 2026-11-24.
	bills := spendtest.Monthly(100, "Notion Labs Inc", "Notion Plus", "200.00", "EUR", day(2026, 10, 5), 10)
	bills = append(bills[:4], bills[5:]...)
	spendtest.Commit(t, db, spendtest.CompanyEU, bills...)
	m, err := spend.Load(db, match.MustLoadBuiltin(), spend.Options{Now: spendtest.Now})
	if err != nil {
		t.Fatal(err)
	}
	r := insights.Compute(m, insights.Options{})
	if n := renewal(t, r, "Notion", "EUR"); n.Cadence != insights.Monthly || n.Ended {
		t.Fatalf("Notion with one gap: %+v", n)
	}
	if len(r.MissedCharges) != 1 || len(r.Ended) != 0 {
		t.Fatalf("missed %+v ended %+v; want one missed charge", r.MissedCharges, r.Ended)
	}
	mc := r.MissedCharges[0]
	if !mc.Expected.Equal(day(2026, 11, 5)) || !mc.GraceUntil.Equal(day(2026, 11, 15)) || mc.TransactionIDs[0] != spendtest.GUID(109) {
		t.Errorf("missed: %+v", mc)
	}
}

func TestDuplicateCharges(t *testing.T) {
	r := insights.Compute(fixture(t), insights.Options{})
	byReason := map[string]insights.Duplicate{}
	for _, d := range r.Duplicates {
		byReason[d.Reason] = d
	}
	if len(r.Duplicates) != 2 {
		t.Fatalf("duplicates = %+v; want the same-amount pair and the repeated vendor invoice number", r.Duplicates)
	}
	same := byReason[insights.DupSameAmount]
	if same.Amount != amt("500") || len(same.TransactionIDs) != 2 || same.TransactionIDs[0] != spendtest.GUID(700) {
		t.Errorf("same amount: %+v", same)
	}
	num := byReason[insights.DupVendorInvoiceNumber]
	if num.VendorInvoiceNumber != "AT-1" || num.TransactionIDs[1] != spendtest.GUID(703) {
		t.Errorf("vendor invoice number: %+v", num)
	}
	// Slack's equal monthly bills are a month apart: never duplicates.
	for _, d := range r.Duplicates {
		if d.App == "Slack" {
			t.Errorf("monthly bills flagged as duplicates: %+v", d)
		}
	}
}

func TestOverlapsTotalsTrendsUsers(t *testing.T) {
	r := insights.Compute(fixture(t), insights.Options{})
	// Zoom (webinars) and Webex are not one job's tools in the same months,
	// Slack chats alone: no overlap.
	if len(r.Overlaps) != 0 {
		t.Fatalf("overlaps: %+v", r.Overlaps)
	}
	tot := r.Totals
	if tot.Spend["USD"] != amt("330") || tot.Spend["EUR"].Float() <= 0 {
		t.Errorf("totals per currency: %v", tot.Spend)
	}
	if tot.Unmatched["EUR"] != amt("90") || tot.UnmatchedShare <= 0 || tot.UnmatchedShare >= 0.05 {
		t.Errorf("unmatched: %v share %.3f", tot.Unmatched, tot.UnmatchedShare)
	}
	if tot.RunRate <= 0 || tot.RunRateMethod == "" || len(tot.PerCompany) != 2 || len(tot.TopApps) == 0 {
		t.Errorf("totals: %+v", tot)
	}
	if len(r.Trends.Months) != 12 || r.Trends.Months[11].Month != "2026-11" || r.Trends.Compared != [2]string{"2026-09", "2026-10"} {
		t.Errorf("trends: %+v", r.Trends.Months)
	}
	for _, mv := range r.Trends.Movers {
		if mv.Change == 0 || len(mv.TransactionIDs) == 0 {
			t.Errorf("mover without change or transactions: %+v", mv)
		}
	}
}

// The run-rate counts a monthly bill 12 times and an annual one once, and
// drops a subscription whose bills stopped.
func TestRunRate(t *testing.T) {
	db := spendtest.Open(t)
	spendtest.Connect(t, db)
	spendtest.Commit(t, db, spendtest.CompanyEU, append(append(
		spendtest.Monthly(1, "Slack Technologies Ltd", "Slack Pro", "100.00", "EUR", day(2026, 11, 10), 4),
		spendtest.Monthly(10, "RealtimeBoard Inc", "Miro", "999.00", "EUR", day(2026, 5, 10), 4)...),
		inv{N: 20, Vendor: "Figma Inc", Date: day(2025, 11, 14), Local: "EUR", Lines: []ln{{Desc: "Figma", Amount: "1000"}}},
		inv{N: 21, Vendor: "Figma Inc", Date: day(2026, 11, 14), Local: "EUR", Lines: []ln{{Desc: "Figma", Amount: "1200"}}})...)
	m, err := spend.Load(db, match.MustLoadBuiltin(), spend.Options{Now: spendtest.Now})
	if err != nil {
		t.Fatal(err)
	}
	if rr := insights.Compute(m, insights.Options{}).Totals.RunRate; rr != amt("2400") { // 100*12 + 1200*1
		t.Errorf("run-rate %s, want 2400.00", rr)
	}
}

func TestUsersInsight(t *testing.T) {
	db := spendtest.Open(t)
	_ = db.SetSetting(store.SettingGranularity, "line")
	m, err := spend.Load(db, match.MustLoadBuiltin(), spend.Options{Now: spendtest.Now})
	if err != nil {
		t.Fatal(err)
	}
	r := insights.Compute(m, insights.Options{})
	if r.Users.Total != 0 || r.Granularity != spend.PerLine || len(r.Renewals) != 0 {
		t.Errorf("empty store: %+v", r)
	}
}
