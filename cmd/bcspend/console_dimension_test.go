package main

import (
	"strings"
	"testing"

	"github.com/bcspend/bcspend/money"
)

// The Transactions screen over the real backend shows each invoice's
// dimension 1 value under the name BC gives that dimension, read from the
// store at the last sync: the demo's companies call it DEPARTMENT, the
// Danish one AREA. The filter finds rows by that value.
func TestConsoleTransactionsDimensionColumn(t *testing.T) {
	b, _ := demoBackend(t)
	if got := b.Info().Dimension1; got != "DEPARTMENT / AREA" {
		t.Fatalf("Info().Dimension1 = %q, want BC's names DEPARTMENT / AREA", got)
	}
	txs, err := b.Transactions()
	if err != nil {
		t.Fatal(err)
	}
	// Counted, not written down: a catalog change moves the demo's count.
	all := money.GroupInt(int64(len(txs)))
	r := startConsole(t, b, 120, 30)
	r.loaded()
	r.keys("2")
	r.waitUntil(func(s string) bool {
		for _, l := range strings.Split(s, "\n") {
			if strings.Contains(l, "Application") && strings.Contains(l, "DEPARTMENT / AREA") {
				return true
			}
		}
		return false
	})
	r.keys("/")
	r.typeText("CPH")
	r.keys("enter")
	r.waitUntil(func(s string) bool {
		return strings.Contains(s, " CPH ") && strings.Contains(s, " of "+all+" transactions") && !strings.Contains(s, all+" of "+all)
	})
	r.finish()
}
