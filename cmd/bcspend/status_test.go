package main

import (
	"strings"
	"testing"
	"time"

	"github.com/bcspend/bcspend/bc/bcsim"
	"github.com/bcspend/bcspend/store"
)

// A refused users endpoint is worth a note, not a failed health check:
// every charge was still synced.
func TestStatusShowsUsersWarningAsNote(t *testing.T) {
	_, g, _ := simArgs(t, bcsim.Config{})
	if code, out, errOut := cli(t, bcsim.NoAutomationClientSecret, connectArgs(g, bcsim.NoAutomationClientID, "client-credentials", "--client-secret-stdin")...); code != 0 {
		t.Fatalf("connect: %d %s %s", code, out, errOut)
	}
	if code, out, errOut := cli(t, "", append(append([]string{}, g...), "sync")...); code != 0 {
		t.Fatalf("sync: %d %s %s", code, out, errOut)
	}
	code, out, errOut := cli(t, "", append(append([]string{}, g...), "status")...)
	if code != 0 || !strings.Contains(out, "Note:") || !strings.Contains(out, "Automation.ReadWrite.All") {
		t.Fatalf("status exit %d:\n%s%s", code, out, errOut)
	}
}

func TestStatusWithoutConnectionSaysWhatToDo(t *testing.T) {
	_, g, _ := simArgs(t, bcsim.Config{})
	code, out, errOut := cli(t, "", append(append([]string{}, g...), "status")...)
	if code != 3 || !strings.Contains(out, "Connection: none") || !strings.Contains(errOut, "bcspend connect") {
		t.Fatalf("status exit %d:\n%s%s", code, out, errOut)
	}
}

// Without a terminal the demo still runs the product end to end: it
// connects to the simulated tenant, syncs and prints the insights.
func TestDemoWithoutTerminalPrintsInsights(t *testing.T) {
	t.Setenv("BCSPEND_KEYRING", "off")
	code, out, errOut := cli(t, "", "demo")
	if code != 0 || !strings.Contains(errOut, "sync ok") || !strings.Contains(out, "Top applications") ||
		!strings.Contains(out, "Microsoft 365") {
		t.Fatalf("demo exit %d\nstdout:\n%s\nstderr:\n%s", code, out, errOut)
	}
}

// A run killed mid-way stays "running" in the history with no end time;
// status says it was interrupted and how long ago it started, not
// "running, 2562047h47m0s ago".
func TestStatusAfterAKilledRunSaysInterrupted(t *testing.T) {
	_, g, dbPath := connected(t, bcsim.Config{})
	db, err := store.Open(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.BeginRun(time.Now().Add(-5 * time.Minute)); err != nil {
		t.Fatal(err)
	}
	db.Close() // as a SIGKILL would leave it: the run never finished
	code, out, errOut := cli(t, "", append(append([]string{}, g...), "status")...)
	if code != exitOther || !strings.Contains(out, "interrupted: started 5m0s ago") || strings.Contains(out, "2562047h") ||
		!strings.Contains(out, "run 'bcspend sync'") {
		t.Fatalf("status exit %d:\n%s%s", code, out, errOut)
	}
}
