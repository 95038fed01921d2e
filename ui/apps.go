package ui

import (
	"cmp"
	"fmt"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/bcspend/bcspend/spend"
)

// appsScreen is the home screen: one row per application, or (b cycles
// none → dimension 1 → dimension 2) per application and value of one of
// BC's two global dimensions, under BC's name for it.
type appsScreen struct {
	tableBase
	g      grid[spend.AppRow]
	split  [2]grid[spend.AppRow] // by dimension 1 and 2
	by     int                   // 0: not split; 1, 2: split by that dimension
	totals reportingTotal
	// removing is the custom application whose removal awaits y, with
	// what it takes along.
	removing, removal string
	// edit is a rename or recategorisation being typed (appedit.go).
	edit *appEdit
}

// removalMsg carries the preview of a custom application's removal;
// removedMsg its end.
type (
	removalMsg struct {
		app, text string
		err       error
	}
	removedMsg struct {
		app string
		err error
	}
)

func newAppsScreen(c *common) *appsScreen {
	empty := "No applications yet: press " + keyName(c.keys.Refresh) + " to sync, or wait for the first sync to finish."
	s := &appsScreen{g: newGrid(appColumns(), 4, true, empty)}
	s.g.keyOf, s.g.clearKey = func(r *spend.AppRow) string { return r.App }, keyName(c.keys.Back)
	for n := range s.split {
		s.split[n] = newGrid(splitColumns(c.info.dimensionLabel(n+1)), 5, true, empty)
		// An export of the split view writes its applications (the split
		// itself is in 'bcspend export insights', dimension rows).
		s.split[n].keyOf, s.split[n].clearKey = func(r *spend.AppRow) string { return r.App }, keyName(c.keys.Back)
	}
	s.tableBase = tableBase{c: c, name: "apps", t: &s.g}
	return s
}

// grid is the grid on screen: the applications, or their split.
func (s *appsScreen) grid() *grid[spend.AppRow] {
	if s.by > 0 {
		return &s.split[s.by-1]
	}
	return &s.g
}

// splitColumns are the Applications columns with the dimension value (under
// label, BC's name of the dimension) after the application.
func splitColumns(label string) []column[spend.AppRow] {
	cols := appColumns()
	dim := column[spend.AppRow]{title: label, width: min(max(width(label), 8), 18), text: func(r *spend.AppRow) string { return r.Dimension },
		cmp: func(a, b *spend.AppRow) int {
			return strings.Compare(strings.ToLower(a.Dimension), strings.ToLower(b.Dimension))
		}}
	return append(cols[:1:1], append([]column[spend.AppRow]{dim}, cols[1:]...)...)
}

// dimensionLabel is BC's name of global dimension n.
func (i Info) dimensionLabel(n int) string {
	l := i.Dimension1
	if n == 2 {
		l = i.Dimension2
	}
	if l == "" {
		l = fmt.Sprintf("Dimension %d", n)
	}
	return l
}

// splitNext cycles the split: none, dimension 1, dimension 2. The filter
// typed stays in force.
func (s *appsScreen) splitNext() {
	s.by = (s.by + 1) % 3
	s.t = s.grid() // the shared table keys drive the grid on screen
	s.t.SetFilter(s.filter.value)
}

func appColumns() []column[spend.AppRow] {
	return []column[spend.AppRow]{
		{title: "Application", minW: 12, flex: true, text: func(r *spend.AppRow) string { return r.App },
			cmp: func(a, b *spend.AppRow) int { return strings.Compare(strings.ToLower(a.App), strings.ToLower(b.App)) }},
		{title: "Category", width: 12, prio: 2, text: func(r *spend.AppRow) string { return r.Category },
			cmp: func(a, b *spend.AppRow) int { return strings.Compare(a.Category, b.Category) }},
		{title: "Vendors", width: 14, prio: 4, text: vendorsText, export: func(r *spend.AppRow) string { return strings.Join(r.Vendors, "; ") },
			cmp: func(a, b *spend.AppRow) int { return cmp.Compare(len(a.Vendors), len(b.Vendors)) }},
		{title: "Tx", width: 4, right: true, text: func(r *spend.AppRow) string { return strconv.Itoa(r.Transactions) },
			cmp: func(a, b *spend.AppRow) int { return cmp.Compare(a.Transactions, b.Transactions) }},
		{title: "12-mo spend", width: 18, right: true, text: func(r *spend.AppRow) string {
			return fmtReporting(r.Reporting, r.ReportingCurrency, r.Unconverted)
		}, export: func(r *spend.AppRow) string { return r.Reporting.Fixed2() },
			cmp: func(a, b *spend.AppRow) int { return cmp.Compare(a.Reporting, b.Reporting) }},
		{title: "Monthly avg", width: 13, prio: 5, right: true, text: func(r *spend.AppRow) string { return fmtAmount(r.MonthlyAverage()) },
			export: func(r *spend.AppRow) string { return r.MonthlyAverage().Fixed2() },
			cmp:    func(a, b *spend.AppRow) int { return cmp.Compare(a.Reporting, b.Reporting) }},
		{title: "12 months", width: 12, prio: 1, noExport: true, text: func(r *spend.AppRow) string { return sparkAmounts(r.ReportingMonths) },
			cmp: func(a, b *spend.AppRow) int { return cmp.Compare(a.ReportingMonths[11], b.ReportingMonths[11]) }}, // this month's spend
		{title: "Last paid", width: 10, prio: 3, text: func(r *spend.AppRow) string { return fmtDate(r.LastCharge) },
			cmp: func(a, b *spend.AppRow) int { return a.LastCharge.Compare(b.LastCharge) }},
	}
}

// vendorsText is the first vendor and how many more: "Atlassian Pty +1".
func vendorsText(r *spend.AppRow) string {
	switch len(r.Vendors) {
	case 0:
		return "-"
	case 1:
		return r.Vendors[0]
	}
	return fmt.Sprintf("%s +%d", r.Vendors[0], len(r.Vendors)-1)
}

// SetData shows fresh rows: the applications and their two splits (with
// their filter texts), the dimensions named as info says.
func (s *appsScreen) SetData(rows []spend.AppRow, hay []string, split [2][]spend.AppRow, splitHay [2][]string, info Info) {
	s.g.SetIndexed(rows, hay)
	for n := range s.split {
		s.split[n].setColumn(1, splitColumns(info.dimensionLabel(n + 1))[1])
		s.split[n].SetIndexed(split[n], splitHay[n])
	}
	s.sumTotals()
}

// sumTotals adds the visible rows' converted spend for the caption and
// the status line; unconverted transactions are counted, never summed.
func (s *appsScreen) sumTotals() {
	s.totals = reportingTotal{cur: s.c.info.ReportingCurrency}
	g := s.grid()
	for _, i := range g.idx {
		r := &g.rows[i]
		s.totals.add(r.Reporting, r.Unconverted)
	}
}

func (s *appsScreen) SetSize(w, h int) {
	s.g.SetSize(w, h-1)
	for n := range s.split {
		s.split[n].SetSize(w, h-1)
	}
}

func (s *appsScreen) Update(msg tea.KeyPressMsg) tea.Cmd {
	defer s.sumTotals()
	if s.edit != nil {
		return s.editKey(msg)
	}
	if cmd, ok := s.key(msg); ok {
		return cmd
	}
	k := s.c.keys
	if s.removing != "" {
		return s.confirmKey(msg)
	}
	switch {
	case key.Matches(msg, k.Remove):
		return s.askRemove()
	case key.Matches(msg, k.Rename):
		return s.startEdit(false)
	case key.Matches(msg, k.Recategorise):
		return s.startEdit(true)
	case key.Matches(msg, k.SplitBy):
		s.splitNext()
	case key.Matches(msg, k.Enter):
		return s.open()
	case key.Matches(msg, k.Refresh):
		return s.c.post(startSyncMsg{trigger: "manual"})
	}
	return nil
}

// askRemove previews removing the selected application, if custom.
func (s *appsScreen) askRemove() tea.Cmd {
	r, ok := s.grid().Selected()
	if !ok {
		return nil
	}
	if !s.custom(r.App) {
		return s.c.post(toastMsg{r.App + " is a catalog application: only custom ones can be removed."})
	}
	b, app := s.c.b, r.App
	return func() tea.Msg {
		text, err := b.PreviewRemoveApp(app)
		return removalMsg{app: app, text: text, err: err}
	}
}

func (s *appsScreen) custom(app string) bool {
	for _, a := range s.c.catalog {
		if a.Name == app {
			return a.Custom
		}
	}
	return false
}

// Removal shows what removing takes along and waits for y.
func (s *appsScreen) Removal(msg removalMsg) tea.Cmd {
	if msg.err != nil {
		return s.c.post(toastMsg{"Cannot remove " + msg.app + ": " + errText(msg.err)})
	}
	s.removing, s.removal = msg.app, msg.text
	return nil
}

func (s *appsScreen) confirmKey(msg tea.KeyPressMsg) tea.Cmd {
	app := s.removing
	s.removing, s.removal = "", ""
	if !key.Matches(msg, s.c.keys.Yes) {
		return nil
	}
	b := s.c.b
	return func() tea.Msg { return removedMsg{app: app, err: b.RemoveApp(app)} }
}

func (s *appsScreen) open() tea.Cmd {
	if r, ok := s.grid().Selected(); ok {
		return s.c.post(drillMsg{app: r.App, dim: s.by, value: r.Dimension})
	}
	return nil
}

func (s *appsScreen) Click(x, y int) tea.Cmd {
	defer s.sumTotals()
	if s.clickRow(x, y) {
		return s.open()
	}
	return nil
}

func (s *appsScreen) View() string {
	per := "per application"
	if s.by > 0 {
		per += " and " + s.c.info.dimensionLabel(s.by)
	}
	head := s.caption("Spend " + periodCaption(s.c.info.Period) + " " + per + " · total " + s.totals.String())
	if s.removing != "" {
		head = s.c.st.Warn.Render(fit(" Remove "+s.removing+"? This "+s.removal+". "+keyName(s.c.keys.Yes)+" removes, any other key keeps it", s.c.width))
	}
	if s.edit != nil {
		head = s.editView()
	}
	return head + "\n" + s.grid().View(&s.c.st)
}

func (s *appsScreen) HelpKeys() []key.Binding {
	k := s.c.keys
	return s.helpKeys(k.Up, k.Down, relabel(k.Enter, "transactions"),
		joined("custom app", k.Remove, k.Rename, k.Recategorise), k.SplitBy, k.Refresh)
}

func (s *appsScreen) Breadcrumb() string { return "Applications" }

func (s *appsScreen) Status() []seg {
	noun := "app"
	if s.by > 0 {
		noun = "app × " + s.c.info.dimensionLabel(s.by) + " row"
	}
	return append(s.status(noun), seg{"Σ " + s.totals.String(), 0})
}
