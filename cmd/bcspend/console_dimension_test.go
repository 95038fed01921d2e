package main

import (
	"strings"
	"testing"
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
		return strings.Contains(s, " CPH ") && strings.Contains(s, " of 1,439 transactions") && !strings.Contains(s, "1,439 of 1,439")
	})
	r.finish()
}
