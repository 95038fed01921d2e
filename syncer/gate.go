package syncer

import (
	"context"
	"sync"
)

// gate is how many chains of a run may be reading at once. It starts at
// its maximum (more chains than BC's 5 slots, so a chain committing its
// page never leaves a slot idle) and adapts to the server: every
// throttling answer (429, or 503: BC's queue was full) takes one chain
// away, down to one; a stretch of pages without one gives one back. A
// chain over the limit waits at its next page boundary, so nothing is
// interrupted mid-request. The lowest limit reached is the run's chosen
// parallelism (in --json and the history).
type gate struct {
	mu      sync.Mutex
	changed chan struct{}
	limit   int
	max     int
	lowest  int
	active  int
	calm    int // pages since the last throttling answer
	// Per company: chains reading, and the companies with chains left.
	// A company gets at most its share of the limit while others wait,
	// so one company's ten ranges cannot keep the others at 0%.
	byCompany map[string]int
	reading   map[string]bool
}

// calmPages is how many pages without throttling give a chain back.
const calmPages = 20

func newGate(n int) *gate {
	return &gate{changed: make(chan struct{}), limit: n, max: n, lowest: n,
		byCompany: map[string]int{}, reading: map[string]bool{}}
}

// join and part bracket a company's split pass.
func (g *gate) join(company string) {
	g.mu.Lock()
	g.reading[company] = true
	g.mu.Unlock()
}

func (g *gate) part(company string) {
	g.mu.Lock()
	delete(g.reading, company)
	g.wake()
	g.mu.Unlock()
}

// share is one company's part of the limit: the limit over the
// companies still reading, rounded up.
func (g *gate) share() int {
	n := max(1, len(g.reading))
	return max(1, (g.limit+n-1)/n)
}

// enter waits for a place under the limit and under the company's share.
func (g *gate) enter(ctx context.Context, company string) error {
	for {
		g.mu.Lock()
		if g.active < g.limit && g.byCompany[company] < g.share() {
			g.active++
			g.byCompany[company]++
			g.mu.Unlock()
			return nil
		}
		ch := g.changed
		g.mu.Unlock()
		select {
		case <-ch:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

func (g *gate) leave(company string) {
	g.mu.Lock()
	g.active--
	g.byCompany[company]--
	g.wake()
	g.mu.Unlock()
}

// page counts a page read without throttling.
func (g *gate) page() {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.calm++; g.calm >= calmPages && g.limit < g.max {
		g.limit++
		g.calm = 0
		g.wake()
	}
}

// throttled takes a chain away.
func (g *gate) throttled() {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.calm = 0
	if g.limit > 1 {
		g.limit--
		g.lowest = min(g.lowest, g.limit)
	}
}

// chosen is the lowest limit reached.
func (g *gate) chosen() int {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.lowest
}

func (g *gate) wake() {
	close(g.changed)
	g.changed = make(chan struct{})
}
