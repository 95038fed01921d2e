package ui

import (
	"cmp"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/bcspend/bcspend/spend"
)

// unmatchedScreen groups unmatched spend by vendor, biggest first. Fixing a
// vendor is f (picker opens on the suggestion), enter (preview), enter (save).
type unmatchedScreen struct {
	tableBase
	g      grid[spend.UnmatchedRow]
	totals reportingTotal
}

func newUnmatchedScreen(c *common) *unmatchedScreen {
	s := &unmatchedScreen{g: newGrid(unmatchedColumns(), 2, true, "Nothing unmatched: every charge is matched or ignored.")}
	s.g.keyOf, s.g.clearKey = func(r *spend.UnmatchedRow) string { return r.VendorName }, keyName(c.keys.Back)
	s.tableBase = tableBase{c: c, name: "unmatched", t: &s.g}
	return s
}

func unmatchedColumns() []column[spend.UnmatchedRow] {
	return []column[spend.UnmatchedRow]{
		{title: "Vendor", minW: 16, flex: true, text: func(r *spend.UnmatchedRow) string { return r.VendorName },
			cmp: func(a, b *spend.UnmatchedRow) int {
				return strings.Compare(strings.ToLower(a.VendorName), strings.ToLower(b.VendorName))
			}},
		{title: "Tx", width: 4, right: true, text: func(r *spend.UnmatchedRow) string { return strconv.Itoa(r.Transactions) },
			cmp: func(a, b *spend.UnmatchedRow) int { return cmp.Compare(a.Transactions, b.Transactions) }},
		{title: "Spend", width: 18, right: true, text: func(r *spend.UnmatchedRow) string {
			return fmtReporting(r.Reporting, r.ReportingCurrency, r.Unconverted)
		}, export: func(r *spend.UnmatchedRow) string { return r.Reporting.Fixed2() },
			cmp: func(a, b *spend.UnmatchedRow) int { return cmp.Compare(abs(a.Reporting), abs(b.Reporting)) }},
		{title: "Suggestion", width: 22, text: suggestionText,
			cmp: func(a, b *spend.UnmatchedRow) int { return strings.Compare(suggestionText(a), suggestionText(b)) }},
		{title: "Sample description", width: 26, prio: 1, text: func(r *spend.UnmatchedRow) string { return r.SampleDesc }},
	}
}

func (s *unmatchedScreen) SetData(rows []spend.UnmatchedRow, hay []string) {
	s.g.SetIndexed(rows, hay)
	s.sumTotals()
}

// sumTotals adds the visible vendors' converted spend (see appsScreen).
func (s *unmatchedScreen) sumTotals() {
	s.totals = reportingTotal{cur: s.c.info.ReportingCurrency}
	for _, i := range s.g.idx {
		r := &s.g.rows[i]
		s.totals.add(r.Reporting, r.Unconverted)
	}
}

func (s *unmatchedScreen) SetSize(w, h int) { s.g.SetSize(w, h-1) }

func (s *unmatchedScreen) Update(msg tea.KeyPressMsg) tea.Cmd {
	defer s.sumTotals()
	if cmd, ok := s.key(msg); ok {
		return cmd
	}
	k := s.c.keys
	switch {
	case key.Matches(msg, k.Fix), key.Matches(msg, k.Enter):
		return s.fix()
	case key.Matches(msg, k.Accept):
		return s.acceptInferred()
	case key.Matches(msg, k.Reject):
		return s.rejectInferred()
	case key.Matches(msg, k.Refresh):
		return s.c.post(startSyncMsg{trigger: "manual"})
	}
	return nil
}

// suggestionText marks an inferred application apart from a catalog
// guess: the inferred one is new, and a or d decides it. The mark comes
// first so a narrow column cuts the name, not the mark.
func suggestionText(r *spend.UnmatchedRow) string {
	if r.Inferred != "" {
		return "inferred: " + r.Inferred
	}
	return orDash(r.Suggestion, "-")
}

// InferredKey is the dismissal key under which rejecting the inferred
// application of vendor is stored (Backend.Dismiss, with the application
// as fingerprint): the backend stops inferring it while the name is the
// same, and 'bcspend dismiss --list/--undo' shows and restores it.
func InferredKey(vendor string) string { return "inferred-app|" + vendor }

// acceptInferred makes the selected vendor's inferred application real: a
// custom application of that name, in the category the admin chooses (the
// fix picker opens at it, "Other" or the catalog guess's category chosen),
// then the preview and a vendor rule to it, past and future charges. When
// an application of that name exists already, the rule is saved at once.
func (s *unmatchedScreen) acceptInferred() tea.Cmd {
	r, ok := s.g.Selected()
	if !ok || r.Inferred == "" {
		return nil
	}
	f := Fix{Scope: ScopeVendor, VendorNumber: r.VendorNumber, VendorName: r.VendorName}
	for _, a := range s.c.catalog {
		if strings.EqualFold(a.Name, r.Inferred) {
			f.App = a.Name
			b := s.c.b
			return func() tea.Msg { return appliedMsg{fix: f, err: b.ApplyFix(f)} }
		}
	}
	return s.c.post(openFixMsg{fix: f, suggestion: r.Suggestion, newApp: r.Inferred,
		title: r.VendorName + " · " + fmtReporting(r.Reporting, r.ReportingCurrency, r.Unconverted)})
}

// rejectInferred drops the inferred application: the vendor stays
// unmatched with the catalog's guess, and is not inferred again under
// that name.
func (s *unmatchedScreen) rejectInferred() tea.Cmd {
	r, ok := s.g.Selected()
	if !ok || r.Inferred == "" {
		return nil
	}
	b, vendor, app := s.c.b, r.VendorName, r.Inferred
	return func() tea.Msg {
		return rejectedMsg{vendor: vendor, app: app, err: b.Dismiss(InferredKey(vendor), app)}
	}
}

func (s *unmatchedScreen) fix() tea.Cmd {
	r, ok := s.g.Selected()
	if !ok {
		return nil
	}
	f := Fix{Scope: ScopeVendor, VendorNumber: r.VendorNumber, VendorName: r.VendorName}
	return s.c.post(openFixMsg{fix: f, suggestion: r.Suggestion, title: r.VendorName + " · " + fmtReporting(r.Reporting, r.ReportingCurrency, r.Unconverted)})
}

func (s *unmatchedScreen) Click(x, y int) tea.Cmd {
	if s.clickRow(x, y) {
		return s.fix()
	}
	return nil
}

func (s *unmatchedScreen) View() string {
	return s.caption(periodCaption(s.c.info.Period)+" · "+s.totals.String()+" · "+keyName(s.c.keys.Fix)+" fix, "+keyName(s.c.keys.Enter)+" previews, "+keyName(s.c.keys.Enter)+" saves") +
		"\n" + s.g.View(&s.c.st)
}

func (s *unmatchedScreen) HelpKeys() []key.Binding {
	k := s.c.keys
	if r, ok := s.g.Selected(); ok && r.Inferred != "" {
		return s.helpKeys(k.Fix, k.Accept, k.Reject)
	}
	return s.helpKeys(k.Fix)
}

func (s *unmatchedScreen) Breadcrumb() string { return "Unmatched" }

func (s *unmatchedScreen) Status() []seg {
	return append(s.status("vendor"), seg{"Σ " + s.totals.String(), 0})
}
