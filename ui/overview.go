package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/bcspend/bcspend/insights"
	"github.com/bcspend/bcspend/money"
)

// overviewScreen shows the insights report: the headline numbers, spend per
// category and company, the monthly trend, and a list of findings; enter on
// a finding opens the transactions behind it.
type overviewScreen struct {
	c      *common
	data   *overviewData // nil until the first report arrives
	err    error
	seq    int // the latest report asked for
	sel    int // selected finding
	off    int // first line of the findings list shown
	width  int
	height int
}

func newOverviewScreen(c *common) *overviewScreen { return &overviewScreen{c: c} }

// Load asks for a fresh report; the tables were just read (after a sync, a
// fix or a granularity change).
func (s *overviewScreen) Load() tea.Cmd {
	s.seq++
	return insightsCmd(s.c.b, s.seq)
}

// Loaded takes a report, unless a newer one was asked for since.
func (s *overviewScreen) Loaded(msg insightsMsg) {
	if msg.seq != s.seq {
		return
	}
	s.err = msg.err
	if msg.err == nil {
		s.data = msg.data
	}
	s.Move(0)
}

func (s *overviewScreen) SetSize(w, h int) { s.width, s.height = w, h; s.Move(0) }

// barRows is how many categories and companies are listed: fewer on a
// short terminal so the findings keep room.
func (s *overviewScreen) barRows() int {
	if s.height >= 27 {
		return 5
	}
	return 3
}

// listTop is the first line of the findings list: caption, three lines of
// totals, the bars' title and rows, the monthly chart with its labels and
// the period comparison.
func (s *overviewScreen) listTop() int { return 1 + 3 + 1 + s.barRows() + s.chartRows() + 2 }

func (s *overviewScreen) listHeight() int { return max(1, s.height-s.listTop()) }

// listLine is one line of the findings list: a section title (item -1) or
// a finding.
type listLine struct {
	sec  *findingSection
	item int
}

func (s *overviewScreen) lines() []listLine {
	if s.data == nil {
		return nil
	}
	var out []listLine
	n := 0
	for i := range s.data.sections {
		sec := &s.data.sections[i]
		out = append(out, listLine{sec: sec, item: -1})
		for range sec.items {
			out = append(out, listLine{sec: sec, item: n})
			n++
		}
	}
	return out
}

// Move selects the finding d rows away and scrolls it into view.
func (s *overviewScreen) Move(d int) {
	if s.data == nil {
		return
	}
	s.sel = max(0, min(s.sel+d, len(s.data.items)-1))
	lines := s.lines()
	at := 0
	for i, l := range lines {
		if l.item == s.sel {
			at = i
		}
	}
	if at-1 < s.off { // show the section title with its first finding
		s.off = max(0, at-1)
	}
	for s.off < at && at >= s.window(lines, s.off).to {
		s.off++
	}
	// Scroll back while the end of the list still fits, so a resize or a
	// shorter report leaves no blank tail.
	for s.off > 0 && s.off-1 <= at && s.window(lines, s.off-1).to == len(lines) && !s.window(lines, s.off-1).more {
		s.off--
	}
}

// listWindow is what the findings list draws from an offset: the section
// title of the first line repeated when scrolled into a section, lines
// [from, to), and a note when more follow.
type listWindow struct {
	sticky   bool
	from, to int
	more     bool
}

func (s *overviewScreen) window(lines []listLine, off int) listWindow {
	room := s.listHeight()
	w := listWindow{from: off, sticky: off > 0 && off < len(lines) && lines[off].item >= 0}
	if w.sticky {
		room--
	}
	if len(lines)-off > room {
		w.more = true
		room--
	}
	w.to = min(len(lines), off+max(1, room))
	return w
}

func (s *overviewScreen) Update(msg tea.KeyPressMsg) tea.Cmd {
	k := s.c.keys
	if step, ok := k.cursorStep(msg, s.sel, s.listHeight()); ok {
		s.Move(step)
		return nil
	}
	switch {
	case key.Matches(msg, k.Enter):
		return s.open()
	case key.Matches(msg, k.Dismiss):
		return s.dismiss()
	case key.Matches(msg, k.Export): // the findings, as 'bcspend export insights'
		return exportCmd(s.c.b, "insights", nil)
	case key.Matches(msg, k.Refresh):
		return s.c.post(startSyncMsg{trigger: "manual"})
	}
	return nil
}

// open shows what is behind the selected finding.
func (s *overviewScreen) open() tea.Cmd {
	if s.data == nil || s.sel >= len(s.data.items) {
		return nil
	}
	f := s.data.items[s.sel]
	switch {
	case f.users:
		return s.c.post(usersFindingMsg{})
	case len(f.ids) == 0:
		return s.c.post(toastMsg{"No transactions behind this finding."})
	}
	return s.c.post(findingMsg{crumb: f.crumb(), ids: f.ids})
}

// dismiss hides the selected finding until its facts change.
func (s *overviewScreen) dismiss() tea.Cmd {
	if s.data == nil || s.sel >= len(s.data.items) {
		return nil
	}
	f := s.data.items[s.sel]
	if f.id.Key == "" {
		return s.c.post(toastMsg{"This summary cannot be dismissed."})
	}
	return dismissCmd(s.c.b, f.id, f.kind+": "+f.name)
}

func (s *overviewScreen) Click(x, y int) tea.Cmd {
	lines := s.lines()
	w := s.window(lines, s.off)
	i := w.from + y - s.listTop()
	if w.sticky {
		i--
	}
	if i < w.from || i >= w.to || lines[i].item < 0 {
		return nil
	}
	if lines[i].item == s.sel {
		return s.open()
	}
	s.Move(lines[i].item - s.sel)
	return nil
}

func (s *overviewScreen) Wheel(d int)             { s.Move(d) }
func (s *overviewScreen) Editing() bool           { return false }
func (s *overviewScreen) Paste(tea.PasteMsg)      {}
func (s *overviewScreen) Breadcrumb() string      { return "Overview" }
func (s *overviewScreen) HelpKeys() []key.Binding { return s.helpKeys() }

func (s *overviewScreen) helpKeys() []key.Binding {
	k := s.c.keys
	return []key.Binding{k.Up, k.Down, relabel(k.Enter, "transactions"), k.Dismiss, k.Export, k.Refresh}
}

func (s *overviewScreen) Status() []seg {
	if s.data == nil {
		return nil
	}
	n := len(s.data.items)
	out := []seg{{fmt.Sprintf("finding %d of %d", min(s.sel+1, n), n), 0}, {"in " + s.data.cur, 3}}
	if s.data.dismissed > 0 {
		out = append(out, seg{fmt.Sprintf("%d dismissed", s.data.dismissed), 2})
	}
	return out
}

func (s *overviewScreen) View() string {
	st := &s.c.st
	switch {
	case s.err != nil && s.data == nil:
		msg := " Could not compute the insights: " + errText(s.err)
		if r := remedyOf(s.err); r != "" {
			msg += "\n " + r
		}
		return st.Error.Render(msg) + "\n Press " + keyName(s.c.keys.Refresh) + " to sync again."
	case s.data == nil:
		return " Working out the insights…"
	}
	d := s.data
	out := []string{longest(" 12 months from "+fmtDate(d.window)+", in "+d.cur+" · ", s.width,
		keyName(s.c.keys.Up)+" "+keyName(s.c.keys.Down)+" pick a finding, "+keyName(s.c.keys.Enter)+" shows the transactions behind it",
		keyName(s.c.keys.Enter)+": a finding's transactions")}
	out = append(out, s.totals()...)
	out = append(out, s.bars()...)
	out = append(out, s.chart()...)
	out = append(out, s.list()...)
	return strings.Join(out, "\n")
}

// runRateText says in one line how the run-rate is made, as long as the
// width allows (insights.RunRateMethod has the whole of it).
var runRateText = []string{
	"each app's latest charge × its charges a year (monthly ×12, quarterly ×4, annual ×1); unmatched left out",
	"latest charge × yearly charges of each app's cadence",
	"latest charge × charges a year, per app",
}

// longest is the first of texts that fits in w after prefix.
func longest(prefix string, w int, texts ...string) string {
	for _, t := range texts {
		if width(prefix)+width(t) <= w {
			return prefix + t
		}
	}
	return prefix + texts[len(texts)-1]
}

func (s *overviewScreen) totals() []string {
	st := &s.c.st
	d := s.data
	w := s.width
	spendLine := " " + st.Bold.Render("Spend    ") + " " + fmtAmount(d.reporting) + " " + d.cur
	if d.unconverted > 0 {
		spendLine += " · " + money.Plural(d.unconverted, "transaction", "transactions") + " without a rate left out"
	}
	if n := nonZero(d.spend); n > 1 {
		spendLine = longest(spendLine, w, " ("+fmtMoneyAll(d.spend)+")", fmt.Sprintf(" (paid in %d currencies)", n))
	}
	rr := longest(" "+st.Bold.Render("Run-rate ")+" "+fmtAmount(d.runRate)+" "+d.cur+" a year · ", w, runRateText...)
	apps := " " + st.Bold.Render("Apps     ") + " " + fmt.Sprintf("%d · unmatched %.1f%% of spend (%s %s)", d.apps, d.unmatchedShare*100, fmtAmount(d.unmatched), d.cur)
	apps = longest(apps, w, fmt.Sprintf(" · users %d active, %d disabled, %d no email", d.users.Active, d.users.Disabled, len(d.users.MissingEmail)),
		" · "+money.Plural(len(d.users.MissingEmail), "user", "users")+" without email", "")
	return []string{spendLine, rr, apps}
}

// bars lists the biggest categories and companies side by side.
func (s *overviewScreen) bars() []string {
	st := &s.c.st
	d := s.data
	cw := (s.width - 2) / 2
	n := s.barRows()
	top := func(bs []insights.Bucket) money.Amount {
		if len(bs) == 0 {
			return 0
		}
		return bs[0].Reporting
	}
	title := func(t string, k int) string { return cell(" "+st.Bold.Render(t)+fmt.Sprintf(" (%d)", k), cw, false) }
	out := []string{title("Per category", len(d.cats)) + "  " + title("Per company", len(d.cos))}
	for i := range n {
		out = append(out, barRow(d.cats, i, cw, top(d.cats))+"  "+barRow(d.cos, i, cw, top(d.cos)))
	}
	return out
}

// barRow is " name ████······   12k  38%" in exactly w cells, the bar
// scaled to the biggest bucket (top), blank past the list's end.
func barRow(bs []insights.Bucket, i, w int, top money.Amount) string {
	if i >= len(bs) {
		return strings.Repeat(" ", w)
	}
	b := bs[i]
	const barW, amtW, pctW = 10, 7, 4
	nameW := max(4, w-1-barW-amtW-pctW-3)
	filled := 0
	if top > 0 && b.Reporting > 0 {
		filled = max(1, min(barW, int(float64(b.Reporting)/float64(top)*barW+0.5)))
	}
	bar := strings.Repeat("█", filled) + strings.Repeat("·", barW-filled)
	return " " + cell(b.Name, nameW, false) + " " + bar + " " + cell(fmtCompact(b.Reporting), amtW, true) + " " +
		cell(fmt.Sprintf("%.0f%%", b.Share*100), pctW, true)
}

// fmtCompact is an amount in a few characters: "980", "12.3k", "1.2M".
func fmtCompact(a money.Amount) string {
	v := a.Float()
	switch av := max(v, -v); {
	case av >= 1e6:
		return fmt.Sprintf("%.1fM", v/1e6)
	case av >= 1e4:
		return fmt.Sprintf("%.0fk", v/1e3)
	case av >= 1e3:
		return fmt.Sprintf("%.1fk", v/1e3)
	}
	return fmt.Sprintf("%.0f", v)
}

// list is the window of the findings list that fits.
func (s *overviewScreen) list() []string {
	st := &s.c.st
	lines := s.lines()
	w := s.window(lines, s.off)
	var out []string
	if w.sticky {
		out = append(out, s.sectionTitle(lines[w.from].sec, true))
	}
	for i := w.from; i < w.to; i++ {
		l := lines[i]
		if l.item < 0 {
			out = append(out, s.sectionTitle(l.sec, false))
			continue
		}
		f := s.data.items[l.item]
		if l.item == s.sel {
			out = append(out, st.Selected.Render(fit(" › "+f.text, s.width)))
		} else {
			out = append(out, fit("   "+f.text, s.width))
		}
	}
	if w.more {
		rest := 0
		for _, l := range lines[w.to:] {
			if l.item >= 0 {
				rest++
			}
		}
		out = append(out, st.Dim.Render(fit(fmt.Sprintf("   ↓ %s below (%s, %s)", money.Plural(rest, "finding", "findings"), keyName(s.c.keys.Down), keyName(s.c.keys.PageDown)), s.width)))
	}
	return out
}

// sectionTitle is "Price increases (3)"; cont marks a title repeated above
// the rest of its section.
func (s *overviewScreen) sectionTitle(sec *findingSection, cont bool) string {
	st := &s.c.st
	t := " " + sec.title
	switch {
	case len(sec.items) == 0:
		return st.Bold.Render(t) + st.Dim.Render(" · none")
	case sec.noCount:
	case sec.more > 0:
		t += fmt.Sprintf(" (%d of %d)", len(sec.items), len(sec.items)+sec.more)
	default:
		t += fmt.Sprintf(" (%d)", len(sec.items))
	}
	if cont {
		t += " ↑ continued"
	}
	return st.Bold.Render(t)
}
