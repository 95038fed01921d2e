package ui

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/bcspend/bcspend/spend"
)

// overviewModel is a console over b with its tables and insights loaded,
// on the Overview tab.
func overviewModel(t *testing.T, b Backend, w, h int) Model {
	t.Helper()
	m := loaded(t, b, w, h)
	m = drive(m, m.ov.Load())
	m = press(m, "7")
	if m.tab != tabOverview || m.ov.data == nil {
		t.Fatalf("tab %d, data loaded %v", m.tab, m.ov.data != nil)
	}
	return m
}

// shownIDs are the IDs of the transactions the Transactions screen lists.
func shownIDs(m Model) []string {
	var ids []string
	for _, i := range m.txs.g.idx {
		ids = append(ids, m.txs.g.rows[i].ID)
	}
	slices.Sort(ids)
	return ids
}

// selectFinding moves the selection to the first finding of a kind.
func selectFinding(t *testing.T, m Model, kind string) (Model, *finding) {
	t.Helper()
	for i, f := range m.ov.data.items {
		if f.kind == kind {
			m = press(m, "g")
			for range i {
				m = press(m, "j")
			}
			if m.ov.sel != i {
				t.Fatalf("selected %d, want %d", m.ov.sel, i)
			}
			return m, f
		}
	}
	t.Fatalf("no %s finding", kind)
	return m, nil
}

// enter on a finding opens the Transactions tab with exactly the
// transactions behind it, under a breadcrumb; esc comes back.
func TestOverviewEnterOpensFindingTransactions(t *testing.T) {
	b := findingsBackend(t)
	m := overviewModel(t, b, 100, 30)
	m = press(m, "2", "/")
	m = typeText(m, "zoom") // a filter in force must not hide any of them
	m = press(m, "enter", "7")
	m, f := selectFinding(t, m, "Price increase")
	m = press(m, "enter")
	if m.tab != tabTx {
		t.Fatalf("tab %d after enter, want Transactions", m.tab)
	}
	want := slices.Sorted(slices.Values(f.ids))
	if got := shownIDs(m); !slices.Equal(got, want) || len(want) == 0 {
		t.Fatalf("shows %v, want exactly %v", got, want)
	}
	scr := screenText(m)
	all, _ := b.Transactions()
	for _, s := range []string{"Overview › Price increase: " + f.name, "esc back to Overview", fmt.Sprintf("2 of %d transactions", len(all))} {
		if !strings.Contains(scr, s) {
			t.Fatalf("screen lacks %q:\n%s", s, scr)
		}
	}
	m = press(m, "esc")
	if m.tab != tabOverview || m.txs.finding != "" || m.txs.g.Len() != m.txs.g.Total() {
		t.Fatalf("esc: tab %d finding %q, %d of %d rows", m.tab, m.txs.finding, m.txs.g.Len(), m.txs.g.Total())
	}
	if m.ov.sel != slices.Index(m.ov.data.items, f) {
		t.Fatal("esc lost the selected finding")
	}
}

// Every finding that has transactions opens exactly those; the users
// finding opens the Users screen on the users without an email.
func TestOverviewEveryFindingLinks(t *testing.T) {
	m := overviewModel(t, findingsBackend(t), 100, 30)
	kinds := map[string]bool{}
	for i, f := range m.ov.data.items {
		m = press(m, "7", "g")
		for range i {
			m = press(m, "j")
		}
		m = press(m, "enter")
		kinds[f.kind] = true
		if f.users {
			if m.tab != tabUsers || m.users.show != usersNoEmail {
				t.Fatalf("users finding: tab %d show %d", m.tab, m.users.show)
			}
			continue
		}
		want := slices.Sorted(slices.Values(f.ids))
		if got := shownIDs(m); m.tab != tabTx || !slices.Equal(got, want) {
			t.Fatalf("%s: tab %d shows %d transactions, want %d", f.crumb(), m.tab, len(got), len(want))
		}
		if m.txs.Breadcrumb() != f.crumb() {
			t.Fatalf("breadcrumb %q, want %q", m.txs.Breadcrumb(), f.crumb())
		}
		m = press(m, "esc")
	}
	for _, k := range []string{"Renewal", "Price increase", "Missed charge", "Ended plan", "Duplicate", "New vendor", "Overlap", "Users"} {
		if !kinds[k] {
			t.Errorf("no %s finding in %v", k, kinds)
		}
	}
}

// Drilling into an application after a finding shows the application,
// not the finding.
func TestOverviewFindingThenDrill(t *testing.T) {
	m := overviewModel(t, findingsBackend(t), 100, 30)
	m, _ = selectFinding(t, m, "Overlap")
	m = press(m, "enter", "1", "enter")
	if m.txs.finding != "" || !strings.Contains(m.txs.Breadcrumb(), "Applications › ") {
		t.Fatalf("breadcrumb %q", m.txs.Breadcrumb())
	}
	m = press(m, "esc")
	if m.tab != tabApps {
		t.Fatalf("esc went to tab %d", m.tab)
	}
}

// A fix reloads the report (the model re-matches), and a report asked for
// before a newer one is dropped.
func TestOverviewReloadsAfterFix(t *testing.T) {
	b := findingsBackend(t)
	m := overviewModel(t, b, 100, 30)
	before := m.ov.data
	stale := insightsCmd(b, m.ov.seq)
	m = press(m, "3", "f", "enter", "enter") // the biggest unmatched vendor → first catalog app
	rules, err := spend.LoadRules(b.db)
	if err != nil || len(rules) != 1 || m.ov.data == before || m.ov.data.unmatched >= before.unmatched {
		t.Fatalf("no reload after the fix: rules %v (%v), unmatched %v -> %v", rules, err, before.unmatched, m.ov.data.unmatched)
	}
	after := m.ov.data
	m = step(m, stale())
	if m.ov.data != after {
		t.Fatal("a stale report replaced a newer one")
	}
}

// Vendor names with escape sequences reach the screen inert.
func TestOverviewUntrustedText(t *testing.T) {
	m := overviewModel(t, findingsBackend(t), 100, 30)
	m, _ = selectFinding(t, m, "Duplicate")
	raw := m.View().Content
	if strings.Contains(raw, "\x1b]0;") || strings.Contains(raw, "\x07") || !strings.Contains(screenText(m), "EvilCorp Ltd") {
		t.Fatalf("duplicate row not inert:\n%q", screenText(m))
	}
}

// At 80x24 the findings list scrolls and the selection stays in view.
func TestOverviewScrollsAt80x24(t *testing.T) {
	m := overviewModel(t, findingsBackend(t), 80, 24)
	n := len(m.ov.data.items)
	m = press(m, "G")
	if m.ov.sel != n-1 || !strings.Contains(screenText(m), "› ") {
		t.Fatalf("G: sel %d of %d", m.ov.sel, n)
	}
	for range n {
		m = press(m, "k")
		if !strings.Contains(screenText(m), " › ") {
			t.Fatalf("selection %d scrolled out of view:\n%s", m.ov.sel, screenText(m))
		}
	}
	if m.ov.sel != 0 || m.ov.off != 0 {
		t.Fatalf("back at top: sel %d off %d", m.ov.sel, m.ov.off)
	}
}

// startFindings runs the console over findingsBackend with its tables
// loaded.
func startFindings(t *testing.T, w, h int) (*teaRun, *modelBackend) {
	t.Helper()
	b := findingsBackend(t)
	apps, _ := b.Apps()
	r := startTea(t, New(b, testOpts()...), w, h)
	r.waitFor(fmt.Sprintf("%d apps", len(apps)))
	return r, b
}

// Goldens of the Overview and of a finding's transactions.
func TestGoldenOverview(t *testing.T) {
	for _, sz := range sizes {
		t.Run(fmt.Sprintf("%dx%d", sz.w, sz.h), func(t *testing.T) {
			r, _ := startFindings(t, sz.w, sz.h)
			r.keys("7")
			r.waitFor("finding 1 of")
			requireGolden(t, r.finish())
		})
	}
}

// Scrolled into a section, its title stays on top.
func TestGoldenOverviewScrolled(t *testing.T) {
	r, _ := startFindings(t, 80, 24)
	r.keys("7")
	r.waitFor("Price increases")
	for i := 2; i <= 15 && !strings.Contains(r.screen(), "↑ continued"); i++ {
		r.keys("j")
		r.waitFor(fmt.Sprintf("finding %d of 15", i))
	}
	r.waitFor("↑ continued")
	requireGolden(t, r.finish())
}

func TestGoldenOverviewFinding(t *testing.T) {
	for _, sz := range sizes {
		t.Run(fmt.Sprintf("%dx%d", sz.w, sz.h), func(t *testing.T) {
			r, _ := startFindings(t, sz.w, sz.h)
			r.keys("7")
			r.waitFor("Price increases")
			r.keys("G")
			r.waitFor("finding 15 of 15")
			r.keys("k") // the overlap
			r.waitFor("finding 14 of 15")
			r.keys("enter")
			r.waitFor("esc back to Overview")
			requireGolden(t, r.finish())
		})
	}
}

// d dismisses the selected finding: it is stored through the backend with
// its key and fingerprint, the report reloads without it, and the status
// bar counts it.
func TestOverviewDismissFinding(t *testing.T) {
	b := findingsBackend(t)
	m := overviewModel(t, b, 100, 30)
	before := len(m.ov.data.items)
	m, sel := selectFinding(t, m, "Price increase")
	key := sel.id.Key
	m = press(m, "d")
	if ds, err := b.db.Dismissals(); err != nil || ds[key].Fingerprint != sel.id.Fingerprint || ds[key].Fingerprint == "" {
		t.Fatalf("dismissal not stored for %q: %v %v", key, ds, err)
	}
	if len(m.ov.data.items) != before-1 || m.ov.data.dismissed != 1 {
		t.Fatalf("after dismissing: %d findings (was %d), %d dismissed", len(m.ov.data.items), before, m.ov.data.dismissed)
	}
	for _, it := range m.ov.data.items {
		if it.id.Key == key {
			t.Fatalf("dismissed finding still listed: %s", it.text)
		}
	}
	if !strings.Contains(screenText(m), "1 dismissed") {
		t.Fatalf("status bar does not count the dismissal:\n%s", screenText(m))
	}
}

// The Renewals tab lists the contracts in the window, the notice
// deadline first (Salesforce's, set by the admin, is before Figma's
// renewal); v widens the window, a adds monthly plans, enter opens a
// contract's transactions and esc comes back to Renewals.
func TestRenewalsScreen(t *testing.T) {
	b := findingsBackend(t)
	m := loaded(t, b, 100, 30)
	m = drive(m, m.ov.Load())
	m = press(m, "8")
	if m.tab != tabRenewals {
		t.Fatalf("tab %d", m.tab)
	}
	names := func() []string {
		var out []string
		for _, r := range m.rn.rows() {
			out = append(out, r.app)
		}
		return out
	}
	if got := names(); !slices.Equal(got, []string{"Salesforce Sales Cloud", "Figma"}) {
		t.Fatalf("90 days: %v; want Salesforce (notice deadline) then Figma", got)
	}
	m = press(m, "v", "v") // 30 days: Salesforce's renewal is in 198, its notice deadline in 18
	if got := names(); !slices.Equal(got, []string{"Salesforce Sales Cloud", "Figma"}) {
		t.Fatalf("30 days: %v", got)
	}
	m = press(m, "v", "a") // 90 days with the monthly plans
	if got := names(); len(got) != 7 || got[0] != "Zoom" {
		t.Fatalf("with monthly plans: %v", got)
	}
	if !strings.Contains(screenText(m), "notice 18d") {
		t.Fatalf("no notice deadline shown:\n%s", screenText(m))
	}
	m = press(m, "g", "enter")
	if m.tab != tabTx || len(shownIDs(m)) == 0 {
		t.Fatalf("enter: tab %d, %d transactions", m.tab, len(shownIDs(m)))
	}
	m = press(m, "esc")
	if m.tab != tabRenewals {
		t.Fatalf("esc went to tab %d, want Renewals", m.tab)
	}
	m = press(m, "g", "d")
	if ds, _ := b.db.Dismissals(); len(ds) != 1 {
		t.Fatalf("d did not dismiss: %v", ds)
	}
}

func TestGoldenRenewals(t *testing.T) {
	for _, sz := range sizes {
		t.Run(fmt.Sprintf("%dx%d", sz.w, sz.h), func(t *testing.T) {
			r, _ := startFindings(t, sz.w, sz.h)
			r.keys("8")
			r.waitFor("2 renewals in 90 days")
			requireGolden(t, r.finish())
		})
	}
}
