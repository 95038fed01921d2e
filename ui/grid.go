package ui

import (
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/charmbracelet/x/ansi"
)

// column describes one column of a grid over rows of type T.
type column[T any] struct {
	title string
	width int  // preferred width
	minW  int  // the flex column never shrinks below this
	flex  bool // takes the spare width, and gives it up first
	prio  int  // 0 is always shown; when narrow the highest prio goes first
	right bool
	text  func(*T) string
	cmp   func(a, b *T) int
	// export is the CSV value when it differs from text (plain numbers,
	// every currency); noExport leaves the column out (sparklines).
	export   func(*T) string
	noExport bool
	// hidden leaves the column out of the screen and the export while it
	// would say nothing (a connection column with one connection).
	hidden bool
}

// grid is a windowed table: it keeps typed rows, a sort order over all rows
// and the filtered index, and renders only the rows on screen. Sorting
// happens when the sort changes and filtering walks the sorted order, both in
// Update; View only formats the visible window.
type grid[T any] struct {
	cols    []column[T]
	rows    []T
	hay     []string // lower-case text the filter searches, per row
	order   []int    // all rows in sort order
	idx     []int    // the visible subset of order
	scope   func(*T) bool
	filter  string
	sortCol int
	desc    bool

	// memo keeps the index of each shorter filter typed on the way to the
	// current one, so backspace is instant.
	memo []memoEntry

	cursor, offset int
	width, height  int
	shown          []int // columns that fit
	widths         []int
	empty          string          // message when there are no rows at all
	clearKey       string          // the key that clears the filter, for the no-match message
	keyOf          func(*T) string // a row's id for exports (Keys)
}

type memoEntry struct {
	filter string
	idx    []int
}

func newGrid[T any](cols []column[T], sortCol int, desc bool, empty string) grid[T] {
	return grid[T]{cols: cols, sortCol: sortCol, desc: desc, empty: empty}
}

// SetRows replaces the data, keeping the sort, the filter and the cursor:
// on the same row (by keyOf) when that row is still there (new rows
// arrived from a sync elsewhere, a fix moved it), else clamped.
func (g *grid[T]) SetRows(rows []T) { g.SetIndexed(rows, buildHay(g.cols, rows)) }

// SetIndexed is SetRows with the filter text already built (off the Update
// loop, by buildHay in the load Cmd).
func (g *grid[T]) SetIndexed(rows []T, hay []string) {
	var key string
	sel, had := g.Selected()
	if had && g.keyOf != nil {
		key = g.keyOf(sel)
	}
	g.rows, g.hay = rows, hay
	g.resort()
	if had && g.keyOf != nil {
		g.keepOn(key)
	}
}

// keepOn puts the cursor back on the row with key; the window stays where
// it was unless the row left it.
func (g *grid[T]) keepOn(key string) {
	for i, r := range g.idx {
		if g.keyOf(&g.rows[r]) == key {
			g.cursor = i
			g.clamp()
			return
		}
	}
}

// buildHay is the lower-case text the filter searches, per row: every
// column's text and, where it differs, its export value.
func buildHay[T any](cols []column[T], rows []T) []string {
	hay := make([]string, len(rows))
	var b strings.Builder
	for i := range rows {
		b.Reset()
		for c := range cols {
			b.WriteString(cols[c].text(&rows[i]))
			b.WriteByte('\x00')
			if cols[c].export != nil { // e.g. every vendor, not "CDW +5"
				b.WriteString(cols[c].export(&rows[i]))
				b.WriteByte('\x00')
			}
		}
		hay[i] = strings.ToLower(b.String())
	}
	return hay
}

func (g *grid[T]) resort() {
	// A new slice every time: an export Cmd may still be reading the old.
	g.order = make([]int, len(g.rows))
	for i := range g.order {
		g.order[i] = i
	}
	if g.sortCol >= 0 && g.sortCol < len(g.cols) && g.cols[g.sortCol].cmp != nil {
		cmp, rows, desc := g.cols[g.sortCol].cmp, g.rows, g.desc
		// pdqsort with the row index as the last key: fast and deterministic.
		slices.SortFunc(g.order, func(a, b int) int {
			r := cmp(&rows[a], &rows[b])
			if desc {
				r = -r
			}
			if r == 0 {
				r = a - b
			}
			return r
		})
	}
	g.memo = g.memo[:0]
	g.refilter(false)
}

// refilter rebuilds idx; narrow means the new filter only narrows the old
// one (a character was typed), so only the current idx is searched.
func (g *grid[T]) refilter(narrow bool) {
	src := g.order
	if narrow {
		src = g.idx
	}
	f := strings.ToLower(g.filter)
	if g.scope == nil && f == "" {
		g.idx = g.order
		g.clamp()
		return
	}
	out := make([]int, 0, len(src))
	for _, i := range src {
		if g.scope != nil && !g.scope(&g.rows[i]) {
			continue
		}
		if f != "" && !strings.Contains(g.hay[i], f) {
			continue
		}
		out = append(out, i)
	}
	g.idx = out
	g.clamp()
}

// SetFilter applies a filter text. Typing a character searches only the
// rows that matched before; backspace returns the remembered result.
func (g *grid[T]) SetFilter(f string) {
	old := g.filter
	switch {
	case f == old:
		return
	case strings.HasPrefix(f, old):
		g.memo = append(g.memo, memoEntry{old, g.idx})
		g.filter = f
		g.idx = append([]int(nil), g.idx...)
		g.narrowInPlace()
		return
	case strings.HasPrefix(old, f):
		for len(g.memo) > 0 {
			e := g.memo[len(g.memo)-1]
			g.memo = g.memo[:len(g.memo)-1]
			if e.filter == f {
				g.filter, g.idx = f, e.idx
				g.clamp()
				return
			}
		}
	}
	g.memo = g.memo[:0]
	g.filter = f
	g.refilter(false)
}

// narrowInPlace filters idx (a private copy) by the current filter.
func (g *grid[T]) narrowInPlace() {
	f := strings.ToLower(g.filter)
	hay := g.hay
	g.idx = keepInPlace(g.idx, func(i int) bool { return strings.Contains(hay[i], f) })
	g.clamp()
}

// parallelRows is the row count from which keepInPlace splits the work
// between CPUs: searching 100,000 rows' text is the one thing a key press
// does that grows with the table.
const parallelRows = 20_000

// keepInPlace keeps the elements of s that pass keep, in order, reusing
// s. Large slices are cut into one part per CPU (at most 4), each filtered
// in place by its own goroutine, then closed up; all of it happens before
// it returns, so Update stays synchronous.
func keepInPlace(s []int, keep func(int) bool) []int {
	parts := min(runtime.GOMAXPROCS(0), 4, len(s)/parallelRows)
	if parts < 2 {
		return keepRange(s, keep)
	}
	size := (len(s) + parts - 1) / parts
	kept := make([]int, parts)
	var wg sync.WaitGroup
	for p := range parts {
		lo, hi := p*size, min((p+1)*size, len(s))
		wg.Go(func() { kept[p] = len(keepRange(s[lo:hi], keep)) })
	}
	wg.Wait()
	n := kept[0]
	for p := 1; p < parts; p++ {
		n += copy(s[n:], s[p*size:p*size+kept[p]])
	}
	return s[:n]
}

func keepRange(s []int, keep func(int) bool) []int {
	out := s[:0]
	for _, i := range s {
		if keep(i) {
			out = append(out, i)
		}
	}
	return out
}

// SetScope applies a fixed predicate (a drill-in or a status choice).
func (g *grid[T]) SetScope(p func(*T) bool) {
	g.scope = p
	g.cursor, g.offset = 0, 0
	g.memo = g.memo[:0]
	g.refilter(false)
}

// SortBy sorts by column c; the same column again flips the direction.
func (g *grid[T]) SortBy(c int) {
	if c < 0 || c >= len(g.cols) || g.cols[c].cmp == nil {
		return
	}
	if c == g.sortCol {
		g.desc = !g.desc
	} else {
		g.sortCol, g.desc = c, false
	}
	g.resort()
}

// NextSort moves the sort to the next sortable shown column.
func (g *grid[T]) NextSort() {
	for n := 1; n <= len(g.cols); n++ {
		c := (g.sortCol + n) % len(g.cols)
		if g.cols[c].cmp != nil && (len(g.shown) == 0 || slices.Contains(g.shown, c)) {
			g.sortCol, g.desc = c, false
			g.resort()
			return
		}
	}
}

// Reverse flips the sort direction.
func (g *grid[T]) Reverse() {
	g.desc = !g.desc
	g.resort()
}

// SortLabel is "Spend ▼" for the status line.
func (g *grid[T]) SortLabel() string {
	if g.sortCol < 0 || g.sortCol >= len(g.cols) {
		return ""
	}
	arrow := "▲"
	if g.desc {
		arrow = "▼"
	}
	return g.cols[g.sortCol].title + arrow
}

// Len is the number of visible (filtered) rows; Total is all rows.
func (g *grid[T]) Len() int   { return len(g.idx) }
func (g *grid[T]) Total() int { return len(g.rows) }

// Selected returns the row under the cursor.
func (g *grid[T]) Selected() (*T, bool) {
	if g.cursor < 0 || g.cursor >= len(g.idx) {
		return nil, false
	}
	return &g.rows[g.idx[g.cursor]], true
}

// Move moves the cursor by d rows.
func (g *grid[T]) Move(d int) {
	g.cursor += d
	g.clamp()
}

// Top and Bottom jump to the first and last row.
func (g *grid[T]) Top()    { g.cursor = 0; g.clamp() }
func (g *grid[T]) Bottom() { g.cursor = len(g.idx) - 1; g.clamp() }

// Page is the number of rows a page key moves.
func (g *grid[T]) Page() int { return max(1, g.height-1) }

func (g *grid[T]) clamp() {
	g.cursor = max(0, min(g.cursor, len(g.idx)-1))
	h := max(1, g.height)
	if g.cursor < g.offset {
		g.offset = g.cursor
	}
	if g.cursor >= g.offset+h {
		g.offset = g.cursor - h + 1
	}
	g.offset = max(0, min(g.offset, len(g.idx)-h))
}

// Scroll moves the window by d rows, carrying the cursor along when it
// would leave the window (mouse wheel).
func (g *grid[T]) Scroll(d int) {
	h := max(1, g.height)
	g.offset = max(0, min(g.offset+d, len(g.idx)-h))
	if g.cursor < g.offset {
		g.cursor = g.offset
	}
	if g.cursor >= g.offset+h {
		g.cursor = g.offset + h - 1
	}
	g.clamp()
}

// Click handles a click at (x, y) relative to the grid's first line (the
// header): the header sorts, a row selects. It reports whether the click
// landed on an already selected row (a second click opens it).
func (g *grid[T]) Click(x, y int) (again bool) {
	if y == 0 {
		if c := g.columnAt(x); c >= 0 {
			g.SortBy(c)
		}
		return false
	}
	i := g.offset + y - 1
	if y-1 >= g.height || i >= len(g.idx) {
		return false
	}
	again = i == g.cursor
	g.cursor = i
	g.clamp()
	return again
}

func (g *grid[T]) columnAt(x int) int {
	pos := 2
	for k, c := range g.shown {
		if x >= pos && x < pos+g.widths[k] {
			return c
		}
		pos += g.widths[k] + 1
	}
	return -1
}

// SetSize sets the width and the total height (header included) and lays
// out the columns: low-priority columns go first when narrow.
func (g *grid[T]) SetSize(w, h int) {
	g.width, g.height = w, max(1, h-1)
	avail := w - 2 // selection marker
	shown := make([]int, 0, len(g.cols))
	for i := range g.cols {
		if !g.cols[i].hidden {
			shown = append(shown, i)
		}
	}
	total := func() int {
		t := len(shown) - 1
		for _, c := range shown {
			if g.cols[c].flex {
				t += g.cols[c].minW
			} else {
				t += g.cols[c].width
			}
		}
		return t
	}
	for total() > avail {
		worst, at := 0, -1
		for k, c := range shown {
			if g.cols[c].prio > worst {
				worst, at = g.cols[c].prio, k
			}
		}
		if at < 0 {
			break
		}
		shown = slices.Delete(shown, at, at+1)
	}
	g.shown = shown
	g.widths = make([]int, len(shown))
	spare := avail - total()
	for k, c := range shown {
		g.widths[k] = g.cols[c].width
		if g.cols[c].flex {
			g.widths[k] = max(g.cols[c].minW, g.cols[c].minW+spare)
		}
	}
	g.clamp()
}

// View renders the header and exactly height rows.
func (g *grid[T]) View(st *Styles) string {
	var b strings.Builder
	hdr := make([]string, len(g.shown))
	for k, c := range g.shown {
		t := g.cols[c].title
		if c == g.sortCol {
			if g.desc {
				t += "▼"
			} else {
				t += "▲"
			}
		}
		hdr[k] = cell(t, g.widths[k], g.cols[c].right)
	}
	b.WriteString(st.Header.Render(fit("  "+strings.Join(hdr, " "), g.width)))
	cells := make([]string, len(g.shown))
	for r := 0; r < g.height; r++ {
		b.WriteByte('\n')
		i := g.offset + r
		if i >= len(g.idx) {
			if r == 0 {
				b.WriteString(st.Dim.Render(g.emptyText()))
			}
			continue
		}
		row := &g.rows[g.idx[i]]
		for k, c := range g.shown {
			cells[k] = cell(g.cols[c].text(row), g.widths[k], g.cols[c].right)
		}
		line := strings.Join(cells, " ")
		if i == g.cursor {
			b.WriteString(st.Selected.Render(fit("▸ "+line, g.width)))
		} else {
			b.WriteString(fit("  "+line, g.width))
		}
	}
	return b.String()
}

func (g *grid[T]) emptyText() string {
	switch {
	case len(g.rows) == 0:
		return "  " + g.empty
	case g.filter != "":
		return "  No rows match the filter \"" + g.filter + "\" (" + g.clearKey + " clears it)."
	default:
		return "  No rows here."
	}
}

// Keys are the ids of the rows the view shows, in its order (filter and
// sort applied): what an export writes. A new slice every time.
func (g *grid[T]) Keys() []string {
	out := make([]string, len(g.idx))
	for k, i := range g.idx {
		out[k] = g.keyOf(&g.rows[i])
	}
	return out
}

// setColumn replaces column i (e.g. its heading, once BC named it) and lays
// the columns out again at the current size.
func (g *grid[T]) setColumn(i int, c column[T]) {
	g.cols[i] = c
	if g.width > 0 {
		g.SetSize(g.width, g.height+1)
	}
}

// Export returns the current view, filtered and sorted, with every column
// (not only those that fit) and a header row.
func (g *grid[T]) Export() [][]string {
	var cols []column[T]
	for _, c := range g.cols {
		if !c.noExport && !c.hidden {
			if c.export == nil {
				c.export = c.text
			}
			cols = append(cols, c)
		}
	}
	out := make([][]string, 0, len(g.idx)+1)
	hdr := make([]string, len(cols))
	for c := range cols {
		hdr[c] = cols[c].title
	}
	out = append(out, hdr)
	for _, i := range g.idx {
		rec := make([]string, len(cols))
		for c := range cols {
			rec[c] = cols[c].export(&g.rows[i])
		}
		out = append(out, rec)
	}
	return out
}

// cell pads or truncates s to exactly w cells.
func cell(s string, w int, right bool) string {
	sw := width(s)
	if sw > w {
		return ansi.Truncate(s, w, "…")
	}
	pad := strings.Repeat(" ", w-sw)
	if right {
		return pad + s
	}
	return s + pad
}

// fit pads or truncates a line to exactly w cells.
func fit(s string, w int) string {
	if w <= 0 {
		return ""
	}
	return cell(s, w, false)
}

// width is ansi.StringWidth with a fast path for plain ASCII, which most
// cells are.
func width(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] >= 0x7f {
			return ansi.StringWidth(s)
		}
	}
	return len(s)
}
