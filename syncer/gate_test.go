package syncer

import (
	"context"
	"testing"
)

// A company gets its share of the gate while others read: with a limit of
// 4 and two companies reading, the first cannot take a third place, the
// second gets in; once the second is done, the first may use them all.
// Throttling takes places away, calm pages give them back.
func TestGateSharesChainsBetweenCompanies(t *testing.T) {
	g := newGate(4)
	g.join("A")
	g.join("B")
	ctx := context.Background()
	full, cancel := context.WithCancel(ctx)
	cancel() // enter with it returns at once: admitted, or an error where it would wait
	for range 2 {
		if err := g.enter(ctx, "A"); err != nil {
			t.Fatal(err)
		}
	}
	if err := g.enter(full, "A"); err == nil {
		t.Fatal("A took a third place while B waits: one company can starve the others")
	}
	if err := g.enter(full, "B"); err != nil {
		t.Fatalf("B refused its share: %v", err)
	}
	g.leave("B")
	g.part("B")
	if err := g.enter(full, "A"); err != nil {
		t.Fatalf("A alone refused a free place: %v", err)
	}
	g.throttled()
	g.throttled()
	if err := g.enter(full, "A"); err == nil || g.chosen() != 2 {
		t.Fatalf("after two throttling answers the limit is %d (lowest %d), and A got a 4th place", g.limit, g.chosen())
	}
	for range calmPages {
		g.page()
	}
	if g.limit != 3 {
		t.Errorf("limit %d after %d calm pages, want 3", g.limit, calmPages)
	}
}
