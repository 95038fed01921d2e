package ui

import (
	"strings"
	"testing"
)

// A sync that completes with a warning (users refused) says so, with the
// remedy, on the Sync screen; untrusted text in it is made inert.
func TestSyncSummaryShowsWarnings(t *testing.T) {
	m := loaded(t, newFake(20), 100, 30)
	m.sync.last = &syncResult{sum: SyncSummary{Companies: 1, Invoices: 3, Warnings: []string{
		"Business Central refused the users list \x1b[31mwhile invoices work — Add Automation.ReadWrite.All"}}}
	got := m.sync.summary()
	if !strings.Contains(got, "✓ Sync complete") || !strings.Contains(got, "Note: ") ||
		!strings.Contains(got, "Add Automation.ReadWrite.All") || strings.Contains(got, "\x1b[31m") {
		t.Fatalf("summary:\n%q", got)
	}
}
