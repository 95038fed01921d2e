package main

import (
	"testing"
	"time"

	"github.com/bcspend/bcspend/spend/spendtest"
)

// The console stores what its first start decided, beside the screen (one
// commit), and a later start with a freshly built catalog (a new process's
// matcher, which has decided nothing) reads every decision and writes
// nothing.
func TestConsoleStoresItsDecisionsForTheNextStart(t *testing.T) {
	t.Setenv("BCSPEND_KEYRING", "off")
	db := spendtest.Demo(t)
	saved := make(chan struct{}, 1)
	start := func() uint64 {
		t.Helper()
		cat, err := catalogFor(db)
		if err != nil {
			t.Fatal(err)
		}
		b := newBackend(db, &globals{DB: db.Path()}, cat)
		b.keyring, b.now = nil, func() time.Time { return spendtest.DemoNow }
		b.decisionsSaved = func() { saved <- struct{}{} }
		if _, err := b.Apps(); err != nil {
			t.Fatal(err)
		}
		select {
		case <-saved:
		case <-time.After(time.Minute): // a guard, not a measurement
			t.Fatal("the console's start saved no decisions")
		}
		id, err := db.TxID()
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	before, err := db.TxID()
	if err != nil {
		t.Fatal(err)
	}
	first := start()
	if first != before+1 {
		t.Errorf("the first start made %d commits, want 1 (its decisions)", first-before)
	}
	if again := start(); again != first {
		t.Errorf("a second start made %d commits: it decided again", again-first)
	}
}
