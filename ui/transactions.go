package ui

import (
	"cmp"
	"fmt"
	"sort"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/bcspend/bcspend/spend"
	"github.com/bcspend/bcspend/untrusted"
)

// txScreen lists transactions, all or one application's (drill-in).
type txScreen struct {
	tableBase
	g   grid[spend.Transaction]
	app string // drill-in scope; "" for all
	// finding is the breadcrumb of the Overview finding whose transactions
	// are shown (overview_tx.go); "" otherwise. esc goes back to from.
	finding string
	from    tab
}

func newTxScreen(c *common) *txScreen {
	s := &txScreen{g: newGrid(txColumns(""), 0, true, "No transactions yet: press "+keyName(c.keys.Refresh)+" to sync.")}
	s.g.keyOf, s.g.clearKey = func(t *spend.Transaction) string { return t.ID }, keyName(c.keys.Back)
	s.tableBase = tableBase{c: c, name: "transactions", t: &s.g}
	return s
}

// txDimCol is where the dimension column sits in txColumns.
const txDimCol = 10

// txColumns are the Transactions columns; dim1 is BC's name of global
// dimension 1 (Info.Dimension1), the dimension column's heading.
func txColumns(dim1 string) []column[spend.Transaction] {
	str := func(f func(*spend.Transaction) string) func(a, b *spend.Transaction) int {
		return func(a, b *spend.Transaction) int {
			return strings.Compare(strings.ToLower(f(a)), strings.ToLower(f(b)))
		}
	}
	app := func(t *spend.Transaction) string {
		if t.IsCreditMemo() {
			return refundMarker + appText(t)
		}
		return appText(t)
	}
	return []column[spend.Transaction]{
		{title: "Date", width: 10, text: func(t *spend.Transaction) string { return fmtDate(t.PostingDate) },
			cmp: func(a, b *spend.Transaction) int { return a.PostingDate.Compare(b.PostingDate) }},
		companyColumn(12),
		{title: "Vendor", width: 18, text: func(t *spend.Transaction) string { return t.VendorName },
			cmp: str(func(t *spend.Transaction) string { return t.VendorName })},
		{title: "Description", minW: 12, flex: true, text: func(t *spend.Transaction) string { return t.Description },
			cmp: str(func(t *spend.Transaction) string { return t.Description })},
		{title: "Amount", width: 13, right: true, text: func(t *spend.Transaction) string { return fmtAmount(t.Amount) },
			export: func(t *spend.Transaction) string { return t.Amount.Fixed2() },
			cmp:    func(a, b *spend.Transaction) int { return cmp.Compare(a.Amount, b.Amount) }},
		{title: "Cur", width: 3, text: func(t *spend.Transaction) string { return t.Currency },
			cmp: str(func(t *spend.Transaction) string { return t.Currency })},
		{title: "Reporting", width: 16, prio: 2, right: true, text: func(t *spend.Transaction) string {
			if t.Unconverted {
				return "unconverted"
			}
			return fmtAmount(t.AmountReporting) + " " + t.ReportingCurrency
		}, cmp: func(a, b *spend.Transaction) int { return cmp.Compare(a.AmountReporting, b.AmountReporting) }},
		{title: "Application", width: 16, text: app, cmp: str(app)},
		{title: "Method", width: 7, prio: 4, text: func(t *spend.Transaction) string { return t.Method },
			cmp: str(func(t *spend.Transaction) string { return t.Method })},
		{title: "Conf", width: 4, prio: 4, right: true, text: func(t *spend.Transaction) string {
			if t.App == "" {
				return "-"
			}
			return fmt.Sprintf("%d%%", int(t.Confidence*100+0.5))
		}, cmp: func(a, b *spend.Transaction) int { return cmp.Compare(a.Confidence, b.Confidence) }},
		dimColumn(dim1),
	}
}

// txCompanyCol is where the company column sits in txColumns.
const txCompanyCol = 1

// companyColumn is the company's label in w cells.
func companyColumn(w int) column[spend.Transaction] {
	label := func(t *spend.Transaction) string { return t.Company }
	return column[spend.Transaction]{title: "Company", width: w, prio: 5, text: label,
		cmp: func(a, b *spend.Transaction) int {
			return strings.Compare(strings.ToLower(label(a)), strings.ToLower(label(b)))
		}}
}

// companyWidth is 12 cells, or with several connections what the longest
// label needs (up to 30): a label carries its connection at its end
// ("CRONUS USA, Inc. (production)") where two companies share a name.
func (s *txScreen) companyWidth(rows []spend.Transaction) int {
	w := 12
	if len(s.c.info.Connections) < 2 {
		return w
	}
	for i := range rows {
		w = max(w, min(30, width(rows[i].Company)))
	}
	return w
}

// refundMarker starts the application of a refund (a paid credit memo,
// shown with its negative amount): it nets that application's spend and is
// no charge of it.
const refundMarker = "↩ "

func appText(t *spend.Transaction) string {
	switch {
	case t.Ignored:
		return "(ignored)"
	case len(t.Splits) > 1:
		return t.SplitText()
	case t.App == "":
		return "(unmatched)"
	}
	return t.App
}

// dimColumn shows each transaction's dimension 1 value under BC's name for
// the dimension (DEPARTMENT, AREA ...), never a name of ours: what dimension
// 1 means is each company's choice. It ranks above Method and Conf, which
// a narrow screen drops first, and is itself dropped below about 110-120
// columns (the width of its label decides); the CSV export already carries both
// dimensions with their names, so the console's export leaves it out.
func dimColumn(dim1 string) column[spend.Transaction] {
	if dim1 == "" {
		dim1 = "Dimension 1"
	}
	val := func(t *spend.Transaction) string { return t.Dimension1 }
	return column[spend.Transaction]{title: dim1, width: min(max(width(dim1), 8), 18), prio: 3, noExport: true, text: val,
		cmp: func(a, b *spend.Transaction) int {
			return strings.Compare(strings.ToLower(a.Dimension1), strings.ToLower(b.Dimension1))
		}}
}

func (s *txScreen) SetData(rows []spend.Transaction, hay []string, dim1 string) {
	s.g.setColumn(txDimCol, dimColumn(dim1))
	s.g.setColumn(txCompanyCol, companyColumn(s.companyWidth(rows)))
	s.g.SetIndexed(rows, hay)
}

func (s *txScreen) SetSize(w, h int) { s.g.SetSize(w, h-1) }

// Drill scopes the list to one application.
func (s *txScreen) Drill(app string) {
	s.app, s.finding = app, ""
	s.g.SetScope(func(t *spend.Transaction) bool { return t.Pays(app) })
}

// DrillValue narrows a drill to the transactions of one value of global
// dimension n, as the Applications split reads it.
func (s *txScreen) DrillValue(app string, n int, value string) {
	q := s.c.info.DimensionQualifiers[n-1]
	s.app = app + " · " + value
	s.g.SetScope(func(t *spend.Transaction) bool { return t.Pays(app) && spend.DimensionValue(t, n, q) == value })
}

func (s *txScreen) undrill() {
	s.app, s.finding = "", ""
	s.g.SetScope(nil)
}

func (s *txScreen) Update(msg tea.KeyPressMsg) tea.Cmd {
	if cmd, ok := s.key(msg); ok {
		return cmd
	}
	k := s.c.keys
	switch {
	case key.Matches(msg, k.Back) && s.app != "":
		s.undrill()
		return s.c.post(switchTabMsg{tabApps})
	case key.Matches(msg, k.Back) && s.finding != "":
		s.undrill()
		return s.c.post(switchTabMsg{s.from})
	case key.Matches(msg, k.Why), key.Matches(msg, k.Enter):
		return s.explain()
	case key.Matches(msg, k.Fix):
		return s.fix()
	case key.Matches(msg, k.Refresh):
		return s.c.post(startSyncMsg{trigger: "manual"})
	}
	return nil
}

func (s *txScreen) explain() tea.Cmd {
	t, ok := s.g.Selected()
	if !ok {
		return nil
	}
	b, id := s.c.b, t.ID
	title := "Why " + t.VendorName + " → " + orDash(t.App, "(unmatched)")
	head := fmt.Sprintf("%s · %s %s · method %s", fmtDate(t.PostingDate), fmtAmount(t.Amount), t.Currency, orDash(t.Method, "none"))
	return func() tea.Msg {
		text, err := b.Explain(id)
		return explainMsg{title: title, text: head + "\n\n" + untrusted.Lines(text), err: err}
	}
}

func (s *txScreen) fix() tea.Cmd {
	t, ok := s.g.Selected()
	if !ok {
		return nil
	}
	f := Fix{Scope: ScopeTransaction, TransactionID: t.ID, VendorNumber: t.VendorNumber, VendorName: t.VendorName}
	title := fmt.Sprintf("%s · %s %s", t.VendorName, fmtAmount(t.Amount), t.Currency)
	return s.c.post(openFixMsg{fix: f, suggestion: t.App, title: title, lines: splitLines(t)})
}

// splitLines are the lines of a split invoice, each a scope a fix can
// target alone, with the allocation it is in now.
func splitLines(t *spend.Transaction) []lineScope {
	var out []lineScope
	for _, sp := range t.Splits {
		for _, seq := range sp.Lines {
			if seq > 0 {
				out = append(out, lineScope{id: fmt.Sprintf("%s/%d", t.InvoiceID, seq),
					label: fmt.Sprintf("line %d (now %s)", seq, sp.Label())})
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].id < out[j].id })
	return out
}

func orDash(s, dash string) string {
	if s == "" {
		return dash
	}
	return s
}

func (s *txScreen) Click(x, y int) tea.Cmd {
	if s.clickRow(x, y) {
		return s.explain()
	}
	return nil
}

func (s *txScreen) View() string {
	k := s.c.keys
	text := "All transactions · " + hint(k.Why, relabel(k.Fix, "fix"))
	if s.app != "" {
		text = "Transactions of " + s.app + " · " + hint(relabel(k.Back, "back to Applications"))
	}
	if s.finding != "" {
		text = s.finding + " · " + hint(relabel(k.Back, "back to "+tabNames[s.from]))
	}
	return s.caption(text) + "\n" + s.g.View(&s.c.st)
}

func (s *txScreen) HelpKeys() []key.Binding {
	k := s.c.keys
	return s.helpKeys(k.Why, k.Fix, k.Back)
}

func (s *txScreen) Breadcrumb() string {
	if s.finding != "" {
		return s.finding
	}
	if s.app != "" {
		return "Applications › " + s.app
	}
	return "Transactions"
}

func (s *txScreen) Status() []seg { return s.status("transaction") }
