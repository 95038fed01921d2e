package main

import (
	"strings"
	"testing"
	"time"

	"github.com/bcspend/bcspend/store"
	"github.com/bcspend/bcspend/ui"
)

// What the console's backend says another process changed: a rule added
// from the command line, a sync finished elsewhere (its new invoices),
// and nothing for its own fix; during another process's sync it reloads
// at most every midSyncReload (the clock is advanced, not waited for).
func TestTheBackendSaysWhatAnotherProcessChanged(t *testing.T) {
	b, db := demoBackend(t)
	clock := b.now()
	b.now = func() time.Time { return clock }
	mustApps(t, b)
	look := func(wantChanged bool, want string) {
		t.Helper()
		what, changed, err := b.Changed()
		if err != nil || changed != wantChanged || !strings.Contains(what, want) {
			t.Fatalf("Changed() = %q, %v, %v; want %v %q", what, changed, err, wantChanged, want)
		}
		if changed {
			mustApps(t, b) // the console reloads
		}
	}
	look(false, "")

	if code, out, errOut := cli(t, "", "--db", db.Path(), "rules", "add", "--vendor", "Dell Technologies", "--app", "Slack", "--yes"); code != 0 {
		t.Fatalf("rules add: exit %d\n%s%s", code, out, errOut)
	}
	look(true, "rules: 1 rule added in another bcspend")

	rows, err := b.Unmatched()
	if err != nil || len(rows) == 0 {
		t.Fatalf("unmatched: %v", err)
	}
	if err := b.ApplyFix(ui.Fix{VendorName: rows[0].VendorName, App: "Zoom"}); err != nil {
		t.Fatal(err)
	}
	look(false, "") // its own fix

	other, err := store.Open(db.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	run, err := other.BeginRun(clock)
	if err != nil {
		t.Fatal(err)
	}
	look(true, "sync running in another bcspend")
	if err := other.SetSetting("k", "a page"); err != nil { // a page committed mid-sync
		t.Fatal(err)
	}
	look(false, "")
	clock = clock.Add(midSyncReload)
	look(true, "sync running in another bcspend")
	run.Outcome, run.End, run.New, run.Changed = store.OutcomeOK, clock, 12, 3
	if err := other.FinishRun(run); err != nil {
		t.Fatal(err)
	}
	look(true, "sync: 12 new invoices, 3 changed")
	look(false, "")
}
