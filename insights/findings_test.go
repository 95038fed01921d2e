package insights_test

import (
	"testing"
	"time"

	"github.com/bcspend/bcspend/insights"
	"github.com/bcspend/bcspend/match"
	"github.com/bcspend/bcspend/spend"
	"github.com/bcspend/bcspend/spend/spendtest"
	"github.com/bcspend/bcspend/store"
)

func compute(t *testing.T, db *store.DB) insights.Report {
	t.Helper()
	m, err := spend.Load(db, match.MustLoadBuiltin(), spend.Options{Now: spendtest.Now})
	if err != nil {
		t.Fatal(err)
	}
	r := insights.Compute(m, insights.Options{})
	ds, err := db.Dismissals()
	if err != nil {
		t.Fatal(err)
	}
	r.ApplyDismissals(ds)
	return r
}

func overlapOf(r insights.Report, job string) *insights.Overlap {
	for i := range r.Overlaps {
		if r.Overlaps[i].Job == job {
			return &r.Overlaps[i]
		}
	}
	return nil
}

// Overlaps need apps of different vendors paid for the same recent months:
// Webex, dropped in the spring, was replaced by Zoom, not doubled. The job
// with more money at stake ranks first.
func TestOverlapRules(t *testing.T) {
	db := spendtest.Open(t)
	spendtest.Connect(t, db)
	eu := spendtest.CompanyEU
	var invs []inv
	invs = append(invs, spendtest.Monthly(100, "Zoom Video Communications Inc", "Zoom Workplace Business", "150.00", "EUR", day(2026, 11, 3), 12)...)
	invs = append(invs, spendtest.Monthly(200, "Zoom Video Communications Inc", "Zoom Rooms", "49.00", "EUR", day(2026, 11, 3), 12)...)
	invs = append(invs, spendtest.Monthly(300, "Cisco Systems", "Webex Meetings", "300.00", "EUR", day(2026, 4, 10), 5)...)
	// Two monitoring vendors billing side by side this autumn.
	invs = append(invs, spendtest.Monthly(400, "Datadog Inc", "Datadog Pro", "900.00", "EUR", day(2026, 11, 8), 6)...)
	invs = append(invs, spendtest.Monthly(500, "New Relic Inc.", "New Relic full platform users", "400.00", "EUR", day(2026, 11, 9), 4)...)
	// Two work-management tools, less money at stake.
	invs = append(invs, spendtest.Monthly(600, "monday.com Ltd", "monday.com Pro", "300.00", "EUR", day(2026, 11, 2), 3)...)
	invs = append(invs, spendtest.Monthly(700, "Asana Inc", "Asana Premium", "50.00", "EUR", day(2026, 10, 20), 3)...)
	spendtest.Commit(t, db, eu, invs...)
	r := compute(t, db)
	if o := overlapOf(r, "video meetings"); o != nil {
		t.Errorf("one vendor's suite and a replaced tool reported as an overlap: %+v", o)
	}
	if len(r.Overlaps) != 2 || r.Overlaps[0].Job != "application monitoring" || r.Overlaps[1].Job != "work management" {
		t.Fatalf("overlaps %+v; want application monitoring then work management", r.Overlaps)
	}
	if mon := r.Overlaps[0]; mon.AtStake != amt("1600") { // New Relic's 4 x 400
		t.Errorf("Monitoring at stake %s, want 1600.00: %+v", mon.AtStake, mon)
	}
}

// A dismissed finding stays hidden while its facts stay; when they change
// (a new app joins the overlap, the price rises again) it comes back.
func TestDismissedFindingReappearsOnChange(t *testing.T) {
	db := spendtest.Open(t)
	spendtest.Connect(t, db)
	eu := spendtest.CompanyEU
	notion := spendtest.Monthly(100, "Notion Labs Inc", "Notion Plus", "200.00", "EUR", day(2026, 10, 5), 6)
	notion[5].Lines[0].Amount = "260.00"
	spendtest.Commit(t, db, eu, notion...)
	spendtest.Commit(t, db, eu, spendtest.Monthly(200, "Datadog Inc", "Datadog Pro", "900.00", "EUR", day(2026, 11, 8), 3)...)
	spendtest.Commit(t, db, eu, spendtest.Monthly(300, "New Relic Inc.", "New Relic full platform users", "400.00", "EUR", day(2026, 11, 9), 3)...)
	r := compute(t, db)
	if len(r.PriceIncreases) != 1 || overlapOf(r, "application monitoring") == nil {
		t.Fatalf("setup: increases %+v overlaps %+v", r.PriceIncreases, r.Overlaps)
	}
	at := time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)
	priceKey := r.PriceIncreases[0].Key
	for _, id := range []insights.Ident{r.PriceIncreases[0].Ident, overlapOf(r, "application monitoring").Ident} {
		if err := db.PutDismissal(store.Dismissal{Key: id.Key, Fingerprint: id.Fingerprint, By: "anna", At: at}); err != nil {
			t.Fatal(err)
		}
	}
	r = compute(t, db)
	if len(r.PriceIncreases) != 0 || len(r.Overlaps) != 0 || r.Dismissed != 2 {
		t.Fatalf("after dismissing: increases %+v overlaps %+v dismissed %d", r.PriceIncreases, r.Overlaps, r.Dismissed)
	}
	ds, _ := db.Dismissals()
	if d := ds[priceKey]; d.By != "anna" || !d.At.Equal(at) {
		t.Errorf("the dismissal must keep who and when: %+v", d)
	}
	// Dynatrace joins the monitoring tools: the overlap's facts changed.
	spendtest.Commit(t, db, eu, spendtest.Monthly(400, "Dynatrace LLC", "Dynatrace Full-Stack", "80.00", "EUR", day(2026, 11, 12), 2)...)
	r = compute(t, db)
	if o := overlapOf(r, "application monitoring"); o == nil || len(o.Apps) != 3 {
		t.Fatalf("the overlap changed and must show again: %+v", r.Overlaps)
	}
	if len(r.PriceIncreases) != 0 || r.Dismissed != 1 {
		t.Fatalf("the unchanged price increase must stay dismissed: %+v (dismissed %d)", r.PriceIncreases, r.Dismissed)
	}
	// The same Notion bill is corrected to 280: the increase's facts changed.
	notion[5].Lines[0].Amount = "280.00"
	spendtest.Commit(t, db, eu, notion[5])
	r = compute(t, db)
	if len(r.PriceIncreases) != 1 || r.PriceIncreases[0].Current != amt("280") {
		t.Fatalf("the changed price increase must show again: %+v", r.PriceIncreases)
	}
}
