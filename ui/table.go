package ui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/bcspend/bcspend/money"
)

// tabler is the part of a grid the shared table keys drive.
type tabler interface {
	Move(d int)
	Top()
	Bottom()
	Page() int
	SetFilter(f string)
	NextSort()
	Reverse()
	Scroll(d int)
	Click(x, y int) bool
	Len() int
	Total() int
	SortLabel() string
	exportKeys() []string
	SetSize(w, h int)
	View(st *Styles) string
}

// exportKeys are the ids of the rows shown, read in Update so the Cmd
// never reads live state.
func (g *grid[T]) exportKeys() []string { return g.Keys() }

// tableBase is what every table screen shares: the filter field, the keys
// that move, sort, filter and export, the caption line and the status text.
type tableBase struct {
	c       *common
	t       tabler
	name    string // export view name
	editing bool
	filter  input
}

// key handles the shared keys; ok is false when the screen should.
func (tb *tableBase) key(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	k := tb.c.keys
	if tb.editing {
		switch {
		case key.Matches(msg, k.Back):
			tb.editing = false
			tb.filter.value = ""
			tb.t.SetFilter("")
		case key.Matches(msg, k.Enter, k.PickDown, k.PickUp): // keep the filter, back to the rows
			tb.editing = false
		default:
			if tb.filter.Update(msg, &k) {
				tb.t.SetFilter(tb.filter.value)
			}
		}
		return nil, true
	}
	switch {
	case key.Matches(msg, k.Up):
		tb.t.Move(-1)
	case key.Matches(msg, k.Down):
		tb.t.Move(1)
	case key.Matches(msg, k.Top):
		tb.t.Top()
	case key.Matches(msg, k.Bottom):
		tb.t.Bottom()
	case key.Matches(msg, k.PageUp):
		tb.t.Move(-tb.t.Page())
	case key.Matches(msg, k.PageDown):
		tb.t.Move(tb.t.Page())
	case key.Matches(msg, k.Filter):
		tb.editing = true
	case key.Matches(msg, k.Sort):
		tb.t.NextSort()
	case key.Matches(msg, k.Reverse):
		tb.t.Reverse()
	case key.Matches(msg, k.Export):
		return tb.export(), true
	case key.Matches(msg, k.Back) && tb.filter.value != "":
		tb.filter.value = ""
		tb.t.SetFilter("")
	default:
		return nil, false
	}
	return nil, true
}

// Paste into the filter while it is being edited.
func (tb *tableBase) Paste(msg tea.PasteMsg) {
	if tb.editing && tb.filter.Update(msg, &tb.c.keys) {
		tb.t.SetFilter(tb.filter.value)
	}
}

// export writes the rows the view shows, in its order, as the CLI's
// 'bcspend export' would (the backend builds the table).
func (tb *tableBase) export() tea.Cmd {
	return exportCmd(tb.c.b, tb.name, tb.t.exportKeys())
}

func exportCmd(b Backend, view string, keys []string) tea.Cmd {
	n := len(keys)
	if keys == nil {
		n = -1
	}
	return func() tea.Msg {
		path, err := b.Export(view, keys)
		return exportMsg{view: view, path: path, n: n, err: err}
	}
}

// Editing reports whether the filter field has the keys.
func (tb *tableBase) Editing() bool { return tb.editing }

// Wheel scrolls the table.
func (tb *tableBase) Wheel(d int) { tb.t.Scroll(d) }

// caption is the screen's first line: the filter being typed, the filter
// in force, or the screen's own caption.
func (tb *tableBase) caption(text string) string {
	st, k := &tb.c.st, tb.c.keys
	switch {
	case tb.editing:
		return st.Accent.Render(" "+keyName(k.Filter)+" ") + tb.filter.View(true, tb.c.width-8) +
			st.Dim.Render("   "+hint(relabel(k.Enter, "keep"), relabel(k.Back, "clear")))
	case tb.filter.value != "":
		return st.Accent.Render(" filter: ") + tb.filter.value + st.Dim.Render("   ("+hint(relabel(k.Filter, "edit"), relabel(k.Back, "clear"))+")")
	}
	return " " + text
}

// status is the filter, the sort and "12 of 30 rows".
func (tb *tableBase) status(noun string) []seg {
	var segs []seg
	if tb.filter.value != "" {
		segs = append(segs, seg{fmt.Sprintf("filter %q", tb.filter.value), 0})
	}
	if s := tb.t.SortLabel(); s != "" {
		segs = append(segs, seg{"sort " + s, 2})
	}
	if tb.t.Len() == tb.t.Total() {
		segs = append(segs, seg{money.Plural(tb.t.Len(), noun, noun+"s"), 0})
	} else {
		segs = append(segs, seg{fmt.Sprintf("%s of %s %ss", fmtInt(tb.t.Len()), fmtInt(tb.t.Total()), noun), 0})
	}
	return segs
}

// clickRow handles a click at screen-relative (x, y) on a table that starts
// on the screen's second line; it reports a click on the selected row.
func (tb *tableBase) clickRow(x, y int) bool {
	if y < 1 {
		return false
	}
	return tb.t.Click(x, y-1)
}

func (tb *tableBase) helpKeys(extra ...key.Binding) []key.Binding {
	k := tb.c.keys
	if tb.editing {
		return []key.Binding{relabel(k.Enter, "keep filter"), relabel(k.Back, "clear filter")}
	}
	return append(extra, k.Filter, k.Sort, k.Export)
}
