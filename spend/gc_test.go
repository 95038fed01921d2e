package spend

import (
	"runtime/debug"
	"testing"

	"github.com/bcspend/bcspend/match"
	"github.com/bcspend/bcspend/spend/spendtest"
)

// Load raises the collector's target while it runs and puts the process's
// own back when it returns, also when Loads overlap (the last one out
// restores it) and when one fails; a process that turned the collector off
// or set a higher target keeps its setting throughout.
func TestLoadRestoresTheCollectorsTarget(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	for _, own := range []int{100, 50, 399} {
		debug.SetGCPercent(own)
		a := holdGC()
		if got := gcPercent(); got != loadGCPercent {
			t.Fatalf("GOGC %d: %d during a Load, want %d", own, got, loadGCPercent)
		}
		b := holdGC() // an overlapping Load
		a()
		a() // a release runs once
		if got := gcPercent(); got != loadGCPercent {
			t.Fatalf("GOGC %d: %d while a second Load runs, want %d", own, got, loadGCPercent)
		}
		b()
		if got := gcPercent(); got != own {
			t.Fatalf("GOGC %d: %d after the Loads, want the process's own", own, got)
		}
	}
	for _, own := range []int{-1, loadGCPercent, 800} {
		debug.SetGCPercent(own)
		release := holdGC()
		if got := gcPercent(); got != own {
			t.Errorf("GOGC %d: %d during a Load, want it kept", own, got)
		}
		release()
		if got := gcPercent(); got != own {
			t.Errorf("GOGC %d: %d after a Load, want it kept", own, got)
		}
	}

	debug.SetGCPercent(100)
	db := spendtest.Open(t)
	spendtest.Connect(t, db)
	spendtest.CommitRun(t, db, spendtest.CompanyEU, "r1", spendtest.Inv{N: 1, Vendor: "Slack Technologies",
		Date: spendtest.Day(2026, 10, 5), Local: "EUR", Lines: []spendtest.Line{{Desc: "Slack Pro", Amount: "100.00"}}})
	cat := match.MustLoadBuiltin()
	during := 0 // the setting while the Load runs, read where it asks for the catalog
	if _, err := LoadWith(db, func() (*match.Catalog, error) { during = gcPercent(); return cat, nil }, Options{Now: spendtest.Now}); err != nil {
		t.Fatal(err)
	}
	if during != loadGCPercent {
		t.Errorf("%d during a Load, want %d", during, loadGCPercent)
	}
	if got := gcPercent(); got != 100 {
		t.Errorf("%d after a Load, want 100", got)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(db, cat, Options{Now: spendtest.Now}); err == nil {
		t.Error("a Load of a closed store did not fail")
	}
	if got := gcPercent(); got != 100 {
		t.Errorf("%d after a failed Load, want 100", got)
	}
}
