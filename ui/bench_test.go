package ui

import (
	"testing"
)

// benchModel is the console on the Transactions tab over n rows.
func benchModel(b *testing.B, n int) Model {
	b.Helper()
	m := loaded(b, newFake(n), 120, 40)
	return press(m, "2")
}

// Cursor move at 100,000 rows: Update and View, as one key press costs.
func BenchmarkCursorMove100k(b *testing.B) {
	m := benchModel(b, 100_000)
	down, up := keyMsg("j"), keyMsg("k")
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		msg := down
		if i%200 >= 100 {
			msg = up
		}
		nm, _ := m.Update(msg)
		m = nm.(Model)
		_ = m.View()
	}
}

// Typing a filter character at 100,000 rows: a narrowing character, then
// backspace (which rescans every row), each with its View.
func BenchmarkFilterChar100k(b *testing.B) {
	m := benchModel(b, 100_000)
	m = press(m, "/")
	m = typeText(m, "s")
	ch, bs := keyMsg("u"), keyMsg("backspace")
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		msg := ch
		if i%2 == 1 {
			msg = bs
		}
		nm, _ := m.Update(msg)
		m = nm.(Model)
		_ = m.View()
	}
}

// Sorting 100,000 rows by another column (a key press).
func BenchmarkSort100k(b *testing.B) {
	m := benchModel(b, 100_000)
	rev := keyMsg("S")
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		nm, _ := m.Update(rev)
		m = nm.(Model)
	}
}

// View alone at 100,000 rows and at 1,000: the same cost, since only the
// visible window is rendered.
func BenchmarkView(b *testing.B) {
	for _, n := range []int{1_000, 100_000} {
		b.Run(fmtInt(n), func(b *testing.B) {
			m := benchModel(b, n)
			m = press(m, "G")
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				_ = m.View()
			}
		})
	}
}

// Loading 100,000 transactions into the table in Update (the sort; the
// filter text is built in the load Cmd), once per sync or fix.
func BenchmarkSetRows100k(b *testing.B) {
	rows := genTransactions(100_000)
	hay := buildHay(txColumns(""), rows)
	g := newGrid(txColumns(""), 0, true, "")
	g.SetSize(120, 30)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		g.SetIndexed(rows, hay)
	}
}
