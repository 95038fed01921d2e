package bcsim

import (
	"testing"
	"time"
)

func TestSmokeGen(t *testing.T) {
	start := time.Now()
	tn := New(Config{Seed: 1, Now: time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC), InvoicesPerMonth: 2223})
	n, l := 0, 0
	for _, c := range tn.Companies() {
		for _, inv := range tn.Invoices(c.ID) {
			n++
			l += len(inv.Lines)
		}
	}
	t.Logf("invoices %d lines %d in %v", n, l, time.Since(start))
}
