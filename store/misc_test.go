package store

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/bcspend/bcspend/bc"
	"github.com/bcspend/bcspend/money"
)

func TestExchangeRates(t *testing.T) {
	db, _ := openTemp(t)
	rates := []ExchangeRate{
		{ID: guid(3), CurrencyCode: "USD", StartingDate: testDate(2026, 6, 1).Time, ExchangeAmount: money.MustParseDecimal("1"),
			RelationalAmount: money.MustParseDecimal("0.9123"), LastModified: t0},
		{ID: guid(1), CurrencyCode: "GBP", StartingDate: testDate(2026, 1, 1).Time, ExchangeAmount: money.MustParseDecimal("100"),
			RelationalCurrency: "CHF", RelationalAmount: money.MustParseDecimal("113.4567"), LastModified: t0},
		{ID: guid(2), CurrencyCode: "USD", StartingDate: testDate(2026, 1, 1).Time, ExchangeAmount: money.MustParseDecimal("1"),
			RelationalAmount: money.MustParseDecimal("0.95"), LastModified: t0},
	}
	if err := db.PutExchangeRates(testCompany, rates); err != nil {
		t.Fatal(err)
	}
	got, err := db.ExchangeRates(testCompany)
	want := []ExchangeRate{rates[1], rates[2], rates[0]}
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("rates:\n got %+v\nwant %+v", got, want)
	}
	// Replace drops rows BC no longer has.
	if err := db.PutExchangeRates(testCompany, rates[:1]); err != nil {
		t.Fatal(err)
	}
	if got, _ := db.ExchangeRates(testCompany); len(got) != 1 || got[0] != rates[0] {
		t.Errorf("after replace: %+v", got)
	}
	if got, _ := db.ExchangeRates("other"); len(got) != 0 {
		t.Errorf("other company: %+v", got)
	}
}

func TestRuns(t *testing.T) {
	db, _ := openTemp(t)
	if _, ok, err := db.LastRun(); ok || err != nil {
		t.Fatalf("empty history: %v %v", ok, err)
	}
	r1, err := db.BeginRun(t0)
	if err != nil || r1.ID == "" || r1.Outcome != OutcomeRunning {
		t.Fatalf("BeginRun = %+v %v", r1, err)
	}
	r1.End = t0.Add(time.Minute)
	r1.Outcome = OutcomePartial
	r1.Fetched, r1.New, r1.Changed, r1.Removed, r1.Requests, r1.Retries = 10, 5, 3, 1, 7, 2
	r1.ThrottleWait = 1500 * time.Millisecond
	r1.ErrorKind, r1.ErrorCode, r1.ErrorMessage, r1.Remedy = "permission", "403", "no users", "grant D365 AUTOMATION"
	r1.Companies = map[string]RunCounts{testCompany: {Fetched: 10, New: 5, Changed: 3, Removed: 1}}
	if err := db.FinishRun(r1); err != nil {
		t.Fatal(err)
	}
	// r2 is killed mid-way; r3 begins and closes it.
	r2, _ := db.BeginRun(t0.Add(time.Hour))
	r3, _ := db.BeginRun(t0.Add(2 * time.Hour))
	if r2.ID == r1.ID || r3.ID == r2.ID {
		t.Errorf("ids not unique: %s %s %s", r1.ID, r2.ID, r3.ID)
	}
	runs, err := db.Runs(0)
	if err != nil || len(runs) != 3 {
		t.Fatalf("Runs = %d %v", len(runs), err)
	}
	if runs[0].ID != r3.ID || runs[1].ID != r2.ID || runs[2].ID != r1.ID {
		t.Errorf("order: %s %s %s", runs[0].ID, runs[1].ID, runs[2].ID)
	}
	if !reflect.DeepEqual(runs[2], r1) {
		t.Errorf("r1 round trip:\n got %+v\nwant %+v", runs[2], r1)
	}
	if runs[1].Outcome != OutcomeFailed || runs[1].ErrorKind != "interrupted" || runs[1].End.IsZero() {
		t.Errorf("interrupted run = %+v", runs[1])
	}
	if last, ok, _ := db.LastRun(); !ok || last.ID != r3.ID {
		t.Errorf("LastRun = %+v", last)
	}
	if runs, _ := db.Runs(2); len(runs) != 2 {
		t.Errorf("limit: %d", len(runs))
	}
	if err := db.FinishRun(SyncRun{ID: "nope"}); err == nil {
		t.Error("finished an unknown run")
	}
}

func TestRulesAndSettings(t *testing.T) {
	db, _ := openTemp(t)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(db.PutRule("b", []byte(`{"id":"b"}`)))
	must(db.PutRule("a", []byte(`{"id":"a"}`)))
	must(db.PutRule("c", []byte(`{"id":"c"}`)))
	must(db.PutRule("b", []byte(`{"id":"b","v":2}`))) // replaced in place
	must(db.DeleteRule("c"))
	must(db.DeleteRule("never-existed"))
	rules, err := db.Rules()
	must(err)
	var got []string
	for _, r := range rules {
		got = append(got, string(r))
	}
	if strings.Join(got, " ") != `{"id":"b","v":2} {"id":"a"}` {
		t.Errorf("rules = %v", got)
	}
	// Sync does not touch rules.
	if _, err := db.CommitPage(testCompany, samplePage(1, 2, testDate(2026, 1, 1)), nil, SyncState{}, "r"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.MarkRemoved(testCompany, "other"); err != nil {
		t.Fatal(err)
	}
	if again, _ := db.Rules(); len(again) != 2 {
		t.Errorf("rules after sync: %d", len(again))
	}

	if _, ok, _ := db.Setting(SettingGranularity); ok {
		t.Error("unset setting found")
	}
	must(db.SetSetting(SettingGranularity, "line"))
	if v, ok, err := db.Setting(SettingGranularity); v != "line" || !ok || err != nil {
		t.Errorf("setting = %q %v %v", v, ok, err)
	}
	must(db.DeleteSetting(SettingGranularity))
	if _, ok, _ := db.Setting(SettingGranularity); ok {
		t.Error("deleted setting found")
	}
}

func TestCodecPrimitives(t *testing.T) {
	times := []time.Time{{}, t0, time.Date(1969, 12, 31, 23, 59, 59, 1, time.UTC), time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)}
	for _, tm := range times {
		e := encoder{}
		e.time(tm)
		e.date(tm)
		d := decoder{b: e.b}
		gt, gd := d.time(), d.date()
		if err := d.finish(); err != nil || gt != tm {
			t.Errorf("time %v -> %v %v", tm, gt, err)
		}
		y, m, dd := tm.Date()
		if gd != time.Date(y, m, dd, 0, 0, 0, 0, time.UTC) {
			t.Errorf("date %v -> %v", tm, gd)
		}
	}
	for _, g := range []string{bc.ZeroGUID, guid(77), "ABCDEF00-0000-4000-8000-000000000000", "", "x"} {
		e := encoder{}
		e.guid(g)
		d := decoder{b: e.b}
		if got := d.guid(); got != g || d.finish() != nil {
			t.Errorf("guid %q -> %q %v", g, got, d.err)
		}
	}
}
