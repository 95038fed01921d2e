package store

import "unsafe"

// arena hands out the memory of decoded invoices in blocks: a scan of
// 100,000 invoices would otherwise make half a million small allocations
// (invoice, lines, strings, GUIDs) that the garbage collector then tracks
// one by one. Everything handed out stays valid for good; a block lives as
// long as anything in it is referenced, which for a scan whose invoices
// are all kept (spend.Load) costs nothing extra.
//
// Strings are views of a byte block that is never written again once
// handed out, the condition unsafe.String asks for.
type arena struct {
	invs  []Invoice
	lines []Line
	bytes []byte
}

const (
	arenaInvoices = 256
	arenaLines    = 1024
	arenaBytes    = 64 << 10
)

func (a *arena) invoice() *Invoice {
	if len(a.invs) == 0 {
		a.invs = make([]Invoice, arenaInvoices)
	}
	inv := &a.invs[0]
	a.invs = a.invs[1:]
	return inv
}

// lineSlice returns n zero lines whose capacity is exactly n, so an append
// by the caller copies instead of overwriting the next invoice's lines.
func (a *arena) lineSlice(n int) []Line {
	if len(a.lines) < n {
		a.lines = make([]Line, max(arenaLines, n))
	}
	l := a.lines[:n:n]
	a.lines = a.lines[n:]
	return l
}

// str returns a string holding a copy of b.
func (a *arena) str(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	if cap(a.bytes)-len(a.bytes) < len(b) {
		a.bytes = make([]byte, 0, max(arenaBytes, len(b)))
	}
	start := len(a.bytes)
	a.bytes = append(a.bytes, b...)
	return unsafe.String(&a.bytes[start], len(b))
}
