package ui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/bcspend/bcspend/insights"
	"github.com/bcspend/bcspend/money"
)

// renewalsScreen is the renewal calendar: the contracts (insights.Contract)
// whose notice deadline or renewal falls in the next 30, 90 or 365 days,
// the date to act by first, monthly plans hidden unless asked. It reads the
// Overview's report; enter opens a contract's transactions, d dismisses it.
type renewalsScreen struct {
	c       *common
	ov      *overviewScreen
	window  int // index into renewalWindows
	monthly bool
	sel     int
	off     int
	width   int
	height  int
}

// renewalWindows are the windows v cycles through, in days.
var renewalWindows = []int{30, 90, 365}

func newRenewalsScreen(c *common, ov *overviewScreen) *renewalsScreen {
	return &renewalsScreen{c: c, ov: ov, window: 1}
}

// renewalRow is one contract made ready to draw (BC text inert).
type renewalRow struct {
	actBy, renews  time.Time
	notice         bool // actBy is a notice deadline
	due            bool // the renewal is due, not yet paid
	app, company   string
	amount         money.Amount
	cur, term, src string
	conf           float64
	days, months   int
	ids            []string
	id             insights.Ident
}

func renewalRows(cs []insights.Contract, now time.Time) []renewalRow {
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	var out []renewalRow
	for i := range cs {
		k := &cs[i]
		if k.Status == insights.ContractLapsed || k.Dismissed {
			continue
		}
		out = append(out, renewalRow{actBy: k.ActBy(), renews: k.NextRenewal, notice: !k.NoticeDeadline.IsZero(),
			due: k.Status == insights.ContractRenewing, app: inert(k.App), company: inert(k.Company), amount: k.Amount,
			cur: inert(k.Currency), term: termText(k.TermMonths), src: k.Source, conf: k.Confidence,
			days: int(k.ActBy().Sub(today).Hours() / 24), months: k.TermMonths, ids: k.TransactionIDs, id: k.Ident})
	}
	return out
}

func termText(months int) string {
	switch {
	case months == 1:
		return "monthly"
	case months == 3:
		return "quarterly"
	case months == 12:
		return "annual"
	case months%12 == 0:
		return fmt.Sprintf("%d years", months/12)
	}
	return fmt.Sprintf("%d months", months)
}

// rows are the contracts in the window (due renewals always).
func (s *renewalsScreen) rows() []renewalRow {
	if s.ov.data == nil {
		return nil
	}
	days := renewalWindows[s.window]
	var out []renewalRow
	for _, r := range s.ov.data.renewals {
		if (r.months > 1 || s.monthly) && (r.due || r.days <= days) {
			out = append(out, r)
		}
	}
	return out
}

func (s *renewalsScreen) SetSize(w, h int) { s.width, s.height = w, h; s.move(0) }

func (s *renewalsScreen) listHeight() int { return max(1, s.height-3) }

func (s *renewalsScreen) move(d int) {
	n := len(s.rows())
	s.sel = max(0, min(s.sel+d, n-1))
	if s.sel < s.off {
		s.off = s.sel
	}
	if h := s.listHeight(); s.sel >= s.off+h {
		s.off = s.sel - h + 1
	}
	s.off = max(0, min(s.off, n-s.listHeight()))
}

func (s *renewalsScreen) Update(msg tea.KeyPressMsg) tea.Cmd {
	k := s.c.keys
	if step, ok := k.cursorStep(msg, s.sel, s.listHeight()); ok {
		s.move(step)
		return nil
	}
	switch {
	case key.Matches(msg, k.Window):
		s.window = (s.window + 1) % len(renewalWindows)
		s.move(0)
	case key.Matches(msg, k.Monthly):
		s.monthly = !s.monthly
		s.move(0)
	case key.Matches(msg, k.Enter):
		return s.open()
	case key.Matches(msg, k.Dismiss):
		if r, ok := s.selected(); ok {
			return dismissCmd(s.c.b, r.id, "Renewal: "+r.app)
		}
	case key.Matches(msg, k.Refresh):
		return s.c.post(startSyncMsg{trigger: "manual"})
	}
	return nil
}

// open shows the transactions behind the selected renewal.
func (s *renewalsScreen) open() tea.Cmd {
	if r, ok := s.selected(); ok {
		return s.c.post(findingMsg{crumb: "Renewals › " + r.app, ids: r.ids})
	}
	return nil
}

func (s *renewalsScreen) selected() (renewalRow, bool) {
	rows := s.rows()
	if s.sel >= len(rows) {
		return renewalRow{}, false
	}
	return rows[s.sel], true
}

func (s *renewalsScreen) Click(x, y int) tea.Cmd {
	i := s.off + y - 2
	if y < 2 || i >= len(s.rows()) {
		return nil
	}
	if i == s.sel {
		return s.open()
	}
	s.move(i - s.sel)
	return nil
}

func (s *renewalsScreen) Wheel(d int)        { s.move(d) }
func (s *renewalsScreen) Editing() bool      { return false }
func (s *renewalsScreen) Paste(tea.PasteMsg) {}
func (s *renewalsScreen) Breadcrumb() string { return "Renewals" }

func (s *renewalsScreen) HelpKeys() []key.Binding {
	k := s.c.keys
	return []key.Binding{k.Up, k.Down, k.Window, k.Monthly, relabel(k.Enter, "transactions"), k.Dismiss}
}

func (s *renewalsScreen) Status() []seg {
	if s.ov.data == nil {
		return nil
	}
	n := len(s.rows())
	return []seg{{fmt.Sprintf("%s in %d days", money.Plural(n, "renewal", "renewals"), renewalWindows[s.window]), 0}}
}

func (s *renewalsScreen) View() string {
	st, k := &s.c.st, s.c.keys
	if s.ov.data == nil {
		return " Working out the contracts…"
	}
	days := renewalWindows[s.window]
	scope := "plans of a quarter or longer"
	if s.monthly {
		scope = "monthly plans too"
	}
	out := []string{longest(fmt.Sprintf(" Next %d days · %s · notice deadlines first · ", days, scope), s.width,
		keyName(k.Window)+" 30/90/365 days, "+keyName(k.Monthly)+" monthly plans, "+keyName(k.Enter)+" transactions, "+keyName(k.Dismiss)+" dismiss",
		keyName(k.Window)+" window, "+keyName(k.Monthly)+" monthly")}
	cols := s.columns()
	out = append(out, st.Bold.Render(fit(s.header(cols), s.width)))
	rows := s.rows()
	if len(rows) == 0 {
		out = append(out, st.Dim.Render(fit(fmt.Sprintf(" Nothing renews in the next %d days; v looks further.", days), s.width)))
	}
	for i := s.off; i < len(rows) && i < s.off+s.listHeight(); i++ {
		line := s.row(rows[i], cols)
		if i == s.sel {
			out = append(out, st.Selected.Render(fit(line, s.width)))
		} else {
			out = append(out, fit(line, s.width))
		}
	}
	return strings.Join(out, "\n")
}

// renewalCols are the column widths; the application takes what is left.
type renewalCols struct{ date, what, app, company, amount, term, sure int }

func (s *renewalsScreen) columns() renewalCols {
	c := renewalCols{date: 10, what: 14, company: 18, amount: 16, term: 9, sure: 5}
	if s.width < 100 {
		c.company, c.what, c.amount, c.sure = 12, 11, 14, 4
	}
	c.app = max(8, s.width-3-c.date-c.what-c.company-c.amount-c.term-c.sure-6)
	return c
}

func (s *renewalsScreen) header(c renewalCols) string {
	return "   " + cell("Act by", c.date, false) + " " + cell("What", c.what, false) + " " + cell("Application", c.app, false) + " " +
		cell("Company", c.company, false) + " " + cell("Amount a term", c.amount, true) + " " + cell("Term", c.term, false) + " " +
		cell("Sure", c.sure, true)
}

func (s *renewalsScreen) row(r renewalRow, c renewalCols) string {
	what := "renews"
	switch {
	case r.due:
		what = "due, unpaid"
	case r.notice:
		what = "notice"
	}
	if r.days >= 0 && !r.due {
		what += fmt.Sprintf(" %dd", r.days)
	}
	mark := "   "
	if r.notice || r.due {
		mark = " ! "
	}
	return mark + cell(fmtDate(r.actBy), c.date, false) + " " + cell(what, c.what, false) + " " + cell(r.app, c.app, false) + " " +
		cell(r.company, c.company, false) + " " + cell(fmtAmount(r.amount)+" "+r.cur, c.amount, true) + " " +
		cell(r.term, c.term, false) + " " + cell(fmt.Sprintf("%.0f%%", r.conf*100), c.sure, true)
}
