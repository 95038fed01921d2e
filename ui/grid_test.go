package ui

import (
	"slices"
	"strings"
	"testing"

	"github.com/bcspend/bcspend/spend"
)

func testGrid(n int) *grid[spend.Transaction] {
	g := newGrid(txColumns(""), 0, true, "empty")
	g.SetSize(100, 20)
	g.SetRows(genTransactions(n))
	return &g
}

// brute is what the filter must equal: every row of the sort order whose
// text contains f.
func brute(g *grid[spend.Transaction], f string) []int {
	var out []int
	for _, i := range g.order {
		if (g.scope == nil || g.scope(&g.rows[i])) && strings.Contains(g.hay[i], strings.ToLower(f)) {
			out = append(out, i)
		}
	}
	return out
}

func TestGridFilterTypingAndBackspace(t *testing.T) {
	g := testGrid(2000)
	for _, f := range []string{"z", "zo", "zoo", "zoom", "zoo", "zo", "z", "", "d", "de", "dell", "d", "sla", ""} {
		g.SetFilter(f)
		if want := brute(g, f); !slices.Equal(g.idx, want) && !(len(g.idx) == 0 && len(want) == 0) {
			t.Fatalf("filter %q: %d rows, want %d", f, len(g.idx), len(want))
		}
	}
}

func TestGridScopeAndFilter(t *testing.T) {
	g := testGrid(2000)
	g.SetScope(func(t *spend.Transaction) bool { return t.App == "Zoom" })
	g.SetFilter("eur")
	want := brute(g, "eur")
	if !slices.Equal(g.idx, want) || len(want) == 0 {
		t.Fatalf("scoped filter: %d rows, want %d", len(g.idx), len(want))
	}
	g.SortBy(4) // amount
	if want := brute(g, "eur"); !slices.Equal(g.idx, want) {
		t.Fatal("resort lost the scope or the filter")
	}
}

func TestGridCursorStaysInWindow(t *testing.T) {
	g := testGrid(500)
	g.Move(100)
	if g.cursor != 100 || g.cursor < g.offset || g.cursor >= g.offset+g.height {
		t.Fatalf("cursor %d offset %d height %d", g.cursor, g.offset, g.height)
	}
	g.SetFilter("no such text at all")
	if g.cursor != 0 || g.Len() != 0 {
		t.Fatal("empty result should reset the cursor")
	}
	if _, ok := g.Selected(); ok {
		t.Fatal("selected a row in an empty view")
	}
	if !strings.Contains(g.View(&Styles{}), "No rows match") {
		t.Fatal("no empty-filter message")
	}
}

func TestGridRendersOnlyTheWindow(t *testing.T) {
	g := testGrid(100_000)
	lines := strings.Split(g.View(&Styles{}), "\n")
	if len(lines) != g.height+1 {
		t.Fatalf("%d lines, want header + %d", len(lines), g.height)
	}
}
