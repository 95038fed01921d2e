package ui

import (
	"image/color"
	"reflect"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/bcspend/bcspend/money"
	"github.com/bcspend/bcspend/spend"
)

func txCursor(m Model) int { return m.txs.g.cursor }

func TestKeysMoveCursor(t *testing.T) {
	m := loaded(t, newFake(200), 100, 30)
	m = press(m, "2", "j", "j", "down")
	if got := txCursor(m); got != 3 {
		t.Fatalf("cursor %d after j j down, want 3", got)
	}
	m = press(m, "k", "up")
	if got := txCursor(m); got != 1 {
		t.Fatalf("cursor %d, want 1", got)
	}
	m = press(m, "G")
	if got := txCursor(m); got != 199 {
		t.Fatalf("G: cursor %d, want 199", got)
	}
	m = press(m, "g")
	if got := txCursor(m); got != 0 {
		t.Fatalf("g: cursor %d", got)
	}
	m = press(m, "pgdown")
	if got, page := txCursor(m), m.txs.g.Page(); got != page {
		t.Fatalf("pgdown: cursor %d, want %d", got, page)
	}
	m = press(m, "pgup")
	if txCursor(m) != 0 {
		t.Fatal("pgup did not return to the top")
	}
}

func TestTabsKeys(t *testing.T) {
	m := loaded(t, newFake(50), 100, 30)
	for _, c := range []struct {
		key  string
		want tab
	}{{"tab", tabTx}, {"tab", tabUnmatched}, {"shift+tab", tabTx}, {"5", tabIntegration}, {"6", tabSync}, {"tab", tabOverview}, {"tab", tabRenewals}, {"tab", tabApps}, {"shift+tab", tabRenewals}, {"7", tabOverview}, {"8", tabRenewals}, {"1", tabApps}} {
		m = press(m, c.key)
		if m.tab != c.want {
			t.Fatalf("after %s: tab %d, want %d", c.key, m.tab, c.want)
		}
	}
}

func TestQuitKeys(t *testing.T) {
	m := loaded(t, newFake(20), 100, 30)
	if _, cmd := m.Update(keyMsg("q")); cmd == nil || !isQuit(cmd) {
		t.Fatal("q does not quit at top level")
	}
	m = press(m, "/")
	if _, cmd := m.Update(keyMsg("q")); cmd != nil && isQuit(cmd) {
		t.Fatal("q quits while typing a filter")
	}
	if _, cmd := m.Update(keyMsg("ctrl+c")); cmd == nil || !isQuit(cmd) {
		t.Fatal("ctrl+c does not quit while typing")
	}
}

func isQuit(cmd tea.Cmd) bool {
	msg := cmd()
	if b, ok := msg.(tea.BatchMsg); ok {
		for _, c := range b {
			if c != nil && isQuit(c) {
				return true
			}
		}
		return false
	}
	_, ok := msg.(tea.QuitMsg)
	return ok
}

func TestSortKeysAndHeaderClick(t *testing.T) {
	m := loaded(t, newFake(200), 100, 30)
	m = press(m, "2") // transactions, date descending
	first := m.txs.g.rows[m.txs.g.idx[0]].PostingDate
	last := m.txs.g.rows[m.txs.g.idx[len(m.txs.g.idx)-1]].PostingDate
	if first.Before(last) {
		t.Fatal("transactions are not newest first")
	}
	m = press(m, "S")
	if !m.txs.g.rows[m.txs.g.idx[0]].PostingDate.Equal(last) {
		t.Fatal("S did not reverse")
	}
	m = press(m, "s") // next column: vendor (Company is hidden at 100)
	if m.txs.g.SortLabel() != "Vendor▲" {
		t.Fatalf("sort %q", m.txs.g.SortLabel())
	}
	names := make([]string, 0, 200)
	for _, i := range m.txs.g.idx {
		names = append(names, strings.ToLower(m.txs.g.rows[i].VendorName))
	}
	for i := 1; i < len(names); i++ {
		if names[i-1] > names[i] {
			t.Fatalf("not sorted by vendor at %d: %q > %q", i, names[i-1], names[i])
		}
	}
	// Click the Amount header (row 2 of the screen: tab bar, caption, header).
	x := strings.Index(strings.Split(screenText(m), "\n")[2], "Amount")
	m = drive(step(m, tea.MouseClickMsg{X: x, Y: 2, Button: tea.MouseLeft}), nil)
	if m.txs.g.SortLabel() != "Amount▲" {
		t.Fatalf("header click: sort %q", m.txs.g.SortLabel())
	}
	a := m.txs.g.rows[m.txs.g.idx[0]].Amount
	b := m.txs.g.rows[m.txs.g.idx[1]].Amount
	if a > b {
		t.Fatal("not ascending by amount")
	}
}

func TestFilterNarrowsAndEscClears(t *testing.T) {
	f := newFake(200)
	m := loaded(t, f, 100, 30)
	m = press(m, "2", "/")
	m = typeText(m, "zoom")
	if n := m.txs.g.Len(); n != 9+0 && n == 200 {
		t.Fatalf("filter did not narrow: %d", n)
	}
	for _, i := range m.txs.g.idx {
		r := m.txs.g.rows[i]
		if !strings.Contains(strings.ToLower(r.VendorName+r.Description+r.App), "zoom") {
			t.Fatalf("row %q does not match zoom", r.VendorName)
		}
	}
	if !strings.Contains(screenText(m), `filter "zoom"`) {
		t.Fatal("status line does not show the filter")
	}
	m = press(m, "backspace", "backspace") // "zo": widens again
	if m.txs.g.filter != "zo" {
		t.Fatalf("filter %q", m.txs.g.filter)
	}
	m = press(m, "enter") // keep it, leave editing
	if m.txs.Editing() || m.txs.g.filter != "zo" {
		t.Fatal("enter should keep the filter")
	}
	m = press(m, "esc")
	if m.txs.g.filter != "" || m.txs.g.Len() != 200 {
		t.Fatal("esc did not clear the filter")
	}
}

func TestDrillAndBack(t *testing.T) {
	m := loaded(t, newFake(200), 100, 30)
	m = press(m, "enter")
	if m.tab != tabTx || m.txs.app == "" {
		t.Fatal("enter did not drill into the application")
	}
	app := m.txs.app
	for _, i := range m.txs.g.idx {
		if m.txs.g.rows[i].App != app {
			t.Fatal("drill shows another application's row")
		}
	}
	if !strings.Contains(screenText(m), "Applications › "+app) {
		t.Fatal("breadcrumb missing")
	}
	m = press(m, "esc")
	if m.tab != tabApps || m.txs.app != "" {
		t.Fatal("esc did not go back")
	}
}

func TestMouseWheelAndClick(t *testing.T) {
	m := loaded(t, newFake(200), 100, 30)
	m = press(m, "2")
	m = step(m, tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	if m.txs.g.offset != 3 || m.txs.g.cursor != 3 {
		t.Fatalf("wheel: offset %d cursor %d", m.txs.g.offset, m.txs.g.cursor)
	}
	m = step(m, tea.MouseWheelMsg{Button: tea.MouseWheelUp})
	if m.txs.g.offset != 0 {
		t.Fatalf("wheel up: offset %d", m.txs.g.offset)
	}
	// Row 0 of the table is screen line 3.
	m = step(m, tea.MouseClickMsg{X: 10, Y: 3 + 5, Button: tea.MouseLeft})
	if m.txs.g.cursor != 5 {
		t.Fatalf("click: cursor %d, want 5", m.txs.g.cursor)
	}
	// A click on a tab opens it.
	x := strings.Index(strings.Split(screenText(m), "\n")[0], "Users")
	m = step(m, tea.MouseClickMsg{X: x, Y: 0, Button: tea.MouseLeft})
	if m.tab != tabUsers {
		t.Fatalf("tab click: tab %d", m.tab)
	}
}

func TestMouseClickTwiceOpens(t *testing.T) {
	m := loaded(t, newFake(200), 100, 30)
	m = step(m, tea.MouseClickMsg{X: 5, Y: 4, Button: tea.MouseLeft})
	m = drive(m.Update(tea.MouseClickMsg{X: 5, Y: 4, Button: tea.MouseLeft}))
	if m.tab != tabTx {
		t.Fatal("a second click on the selected row should open it")
	}
}

// x sends the backend the ids of the rows shown, filtered and sorted as
// shown; the dialog with the path stays until dismissed.
func TestExportWritesFilteredSortedView(t *testing.T) {
	f := newFake(200)
	m := loaded(t, f, 100, 30)
	m = press(m, "2", "/")
	m = typeText(m, "zoom")
	m = press(m, "enter", "S", "x")
	want := m.txs.g.Keys()
	if len(want) != 9 || !reflect.DeepEqual(f.exported, want) || f.exports[0] != "transactions" {
		t.Fatalf("exported %v %v, want the %d shown %v", f.exports, f.exported, len(want), want)
	}
	for i, id := range want {
		tx := m.txs.g.rows[m.txs.g.idx[i]]
		if tx.ID != id || !strings.Contains(tx.VendorName+tx.Description, "Zoom") {
			t.Fatalf("row %d: %s %s", i, id, tx.VendorName)
		}
		if i > 0 && tx.PostingDate.Before(m.txs.g.rows[m.txs.g.idx[i-1]].PostingDate) {
			t.Fatal("not in the view's (oldest first) order")
		}
	}
	for _, k := range []string{"j", "2", "1"} { // the dialog ignores other keys
		m = press(m, k)
		if !strings.Contains(screenText(m), "/tmp/bcspend-transactions.csv") || !strings.Contains(screenText(m), "9 rows of the transactions view") {
			t.Fatalf("after %q the dialog is gone:\n%s", k, screenText(m))
		}
	}
	if m = press(m, "esc"); strings.Contains(screenText(m), "/tmp/bcspend-transactions.csv") {
		t.Fatalf("esc did not close the dialog:\n%s", screenText(m))
	}
}

func TestUsersStatusFilter(t *testing.T) {
	m := loaded(t, newFake(10), 100, 30)
	m = press(m, "4")
	want := []int{8, 6, 2, 3, 8}
	for i, n := range want {
		if got := m.users.g.Len(); got != n {
			t.Fatalf("status filter %d (%s): %d users, want %d", i, userFilterNames[m.users.show], got, n)
		}
		m = press(m, "u")
	}
}

func TestHelpToggles(t *testing.T) {
	m := loaded(t, newFake(10), 100, 30)
	m = press(m, "?")
	if !strings.Contains(screenText(m), "On this screen") {
		t.Fatal("no full help")
	}
	m = press(m, "?")
	if m.showHelp {
		t.Fatal("? did not close the help")
	}
}

func TestMixedCurrenciesNeverAdded(t *testing.T) {
	m := spend.Money{"USD": money.MustParse("12400"), "EUR": money.MustParse("300"), "GBP": money.MustParse("5")}
	if got := fmtMoney(m); got != "12,400.00 USD +2" {
		t.Fatalf("fmtMoney = %q", got)
	}
	if got := fmtMoneyAll(m); got != "12,400.00 USD, 300.00 EUR, 5.00 GBP" {
		t.Fatalf("fmtMoneyAll = %q", got)
	}
	if got := fmtMoney(spend.Money{}); got != "-" {
		t.Fatalf("empty = %q", got)
	}
	if got := fmtAmount(money.MustParse("-1234567.891")); got != "-1,234,567.89" {
		t.Fatalf("fmtAmount = %q", got)
	}
}

func TestSparkline(t *testing.T) {
	var months [12]spend.Money
	for i := range months {
		months[i] = spend.Money{"USD": money.FromCents(int64(i * 100))}
	}
	months[3] = spend.Money{"EUR": money.FromCents(999999)}
	got := sparkline(months, "USD")
	if got != "·▁▂·▃▄▅▅▆▇██" && len([]rune(got)) != 12 {
		t.Fatalf("sparkline %q", got)
	}
	if []rune(got)[0] != '·' || []rune(got)[3] != '·' || []rune(got)[11] != '█' {
		t.Fatalf("sparkline %q", got)
	}
}

func TestDefaultFlow(t *testing.T) {
	env := func(kv ...string) func(string) string {
		return func(k string) string {
			for i := 0; i < len(kv); i += 2 {
				if kv[i] == k {
					return kv[i+1]
				}
			}
			return ""
		}
	}
	cases := []struct {
		env  func(string) string
		goos string
		want Flow
	}{
		{env("SSH_CONNECTION", "1.2.3.4 5 6.7.8.9 22", "DISPLAY", ":0"), "linux", FlowDeviceCode},
		{env(), "linux", FlowDeviceCode},
		{env("DISPLAY", ":0"), "linux", FlowClientCredentials},
		{env("WAYLAND_DISPLAY", "wayland-0"), "linux", FlowClientCredentials},
		{env(), "darwin", FlowClientCredentials},
		{env("SSH_CONNECTION", "x"), "windows", FlowDeviceCode},
	}
	for i, c := range cases {
		if got := defaultFlow(c.env, c.goos); got != c.want {
			t.Errorf("case %d: %s, want %s", i, got, c.want)
		}
	}
}

func TestNoColorAndBackground(t *testing.T) {
	m := New(newFake(5), WithEnv(func(k string) string {
		if k == "NO_COLOR" {
			return "yes" // any non-empty value
		}
		return ""
	}), WithAutoSync(false))
	if !m.c.noColor || !m.c.st.NoColor {
		t.Fatal("NO_COLOR=yes did not turn colour off")
	}
	m = New(newFake(5), testOpts(WithNoColor(false))...)
	m = step(m, tea.BackgroundColorMsg{Color: color.White})
	if m.c.st.Dark {
		t.Fatal("a white background should give light styles")
	}
	m = step(m, tea.BackgroundColorMsg{Color: color.Black})
	if !m.c.st.Dark {
		t.Fatal("a black background should give dark styles")
	}
}

func TestNarrowHidesLowPriorityColumns(t *testing.T) {
	m := loaded(t, newFake(20), 80, 24)
	hdr := strings.Split(screenText(m), "\n")[2]
	if strings.Contains(hdr, "Vendors") || strings.Contains(hdr, "Monthly avg") {
		t.Fatalf("narrow header keeps low-priority columns: %q", hdr)
	}
	if !strings.Contains(hdr, "12-mo spend") || !strings.Contains(hdr, "Application") {
		t.Fatalf("narrow header lost a key column: %q", hdr)
	}
	m = step(m, tea.WindowSizeMsg{Width: 160, Height: 40})
	hdr = strings.Split(screenText(m), "\n")[2]
	if !strings.Contains(hdr, "Vendors") || !strings.Contains(hdr, "Monthly avg") || !strings.Contains(hdr, "Last paid") {
		t.Fatalf("wide header hides columns: %q", hdr)
	}
}

func TestUntrustedTextIsSanitizedOnScreen(t *testing.T) {
	m := loaded(t, newFake(200), 100, 30)
	m = press(m, "3")
	s := m.View().Content
	if strings.Contains(s, "\x1b]0;") || strings.Contains(s, "\x07") || !strings.Contains(s, "EvilCorp Ltd") {
		t.Fatalf("unsanitized vendor on screen: %q", s)
	}
}

func TestFatalErrorModalRetry(t *testing.T) {
	f := newFake(50)
	f.syncErr = &remedyErr{"BC is down", "Try again later."}
	m := loaded(t, f, 100, 30)
	m = press(m, "r")
	if m.modal == nil || m.modal.remedy != "Try again later." || m.modal.retry == nil {
		t.Fatalf("modal %+v", m.modal)
	}
	f.syncErr = nil
	m = press(m, "r")
	if m.modal != nil {
		t.Fatal("retry did not close the modal")
	}
	if !strings.Contains(screenText(m), "Synced 100 invoices") {
		t.Fatalf("retry did not sync:\n%s", screenText(m))
	}
}

func TestFixPickerFuzzySearch(t *testing.T) {
	m := loaded(t, newFake(200), 100, 30)
	m = press(m, "2", "f")
	if m.fix == nil {
		t.Fatal("f did not open the picker")
	}
	m = typeText(m, "adbcc") // Adobe Creative Cloud
	if len(m.fix.items) == 0 || m.fix.items[0].app.Name != "Adobe Creative Cloud" {
		t.Fatalf("fuzzy top = %+v", m.fix.items)
	}
	m = press(m, "tab")
	if m.fix.base.Scope != ScopeVendor {
		t.Fatal("tab did not widen the scope to the vendor")
	}
	m = press(m, "esc", "esc")
	if m.fix != nil {
		t.Fatal("esc esc did not close the picker")
	}
}

func TestAutoSyncWhenStale(t *testing.T) {
	f := newFake(20)
	f.info.LastSync = fakeNow.Add(-30 * 60 * 60 * 1e9)
	m := New(f, testOpts(WithAutoSync(true))...)
	m = step(m, tea.WindowSizeMsg{Width: 100, Height: 30})
	found := false
	for _, c := range m.Init()().(tea.BatchMsg) {
		if c == nil {
			continue
		}
		if s, ok := c().(startSyncMsg); ok && s.trigger == "auto" {
			found = true
		}
	}
	if !found {
		t.Fatal("data older than 24 h did not start a sync")
	}
	nm, cmd := m.Update(startSyncMsg{trigger: "auto"})
	m = nm.(Model)
	m = step(m, loadCmd(f)())
	if !strings.Contains(screenText(m), "data was older than 24 h: syncing") {
		t.Fatalf("status line does not say why it syncs:\n%s", screenText(m))
	}
	m = drive(m, cmd)
	if !strings.Contains(screenText(m), "Synced 100 invoices") {
		t.Fatalf("auto sync did not finish:\n%s", screenText(m))
	}
}

func TestPasteIntoFilterAndSecret(t *testing.T) {
	m := loaded(t, newFake(200), 100, 30)
	m = press(m, "2", "/")
	m = step(m, tea.PasteMsg{Content: "Zoom\x1b[31m"})
	if m.txs.g.filter != "Zoom" {
		t.Fatalf("pasted filter %q", m.txs.g.filter)
	}
	m = press(m, "enter", "5", "p")
	m = step(m, tea.PasteMsg{Content: "  new~secret\n"})
	if m.integ.secret.value != "new~secret" {
		t.Fatalf("pasted secret %q", m.integ.secret.value)
	}
	if strings.Contains(screenText(m), "new~secret") {
		t.Fatal("secret shown in clear")
	}
}

func TestDisabledKeysSayWhy(t *testing.T) {
	m := loaded(t, newFake(20), 100, 30)
	m = press(m, "f")
	if !strings.Contains(screenText(m), "Matches are fixed per transaction or vendor") {
		t.Fatalf("f on Applications is silent:\n%s", screenText(m))
	}
	m = press(m, "5", "x")
	if !strings.Contains(screenText(m), "Filter and sort work on the tables") {
		t.Fatal("x on Integration is silent")
	}
}

func TestReconnectPrefillsAndEscReturns(t *testing.T) {
	m := loaded(t, newFake(20), 100, 30)
	m = press(m, "5", "c")
	if m.mode != modeWizard || m.wiz.fields[0].value != "contoso.onmicrosoft.com" || m.wiz.fields[3].value != "" {
		t.Fatalf("reconnect: mode %d fields %+v", m.mode, m.wiz.fields)
	}
	m = press(m, "esc")
	if m.mode != modeMain {
		t.Fatal("esc on the first step of a reconnect should return to the console")
	}
}

func TestGranularityToggle(t *testing.T) {
	f := newFake(20)
	m := loaded(t, f, 100, 30)
	m = press(m, "5", "t")
	if f.Info().Granularity != spend.PerLine || !strings.Contains(screenText(m), "line: one transaction per invoice line") {
		t.Fatalf("granularity not switched:\n%s", screenText(m))
	}
	m = press(m, "t")
	if f.Info().Granularity != spend.PerInvoice {
		t.Fatal("granularity not switched back")
	}
	_ = m
}

func TestFilterFindsEveryVendorOfAnApp(t *testing.T) {
	f := newFake(200)
	f.base[0].VendorName = "Second Vendor GmbH" // base[0] is an app's charge
	f.derive()
	m := loaded(t, f, 100, 30)
	m = press(m, "/")
	m = typeText(m, "second vendor")
	if m.apps.g.Len() != 1 {
		t.Fatalf("%d apps match a vendor hidden behind +N", m.apps.g.Len())
	}
}

func TestWizardCompaniesNeedOne(t *testing.T) {
	f := firstRun()
	m := New(f, testOpts(WithPrefill(demoInput))...)
	m = step(m, tea.WindowSizeMsg{Width: 100, Height: 30})
	m = drive(m, m.Init())
	m = press(m, "enter", "1", "enter", "enter")
	if m.wiz.step != stepTest || m.wiz.testErr != nil || len(m.wiz.companies) != 2 {
		t.Fatalf("step %d err %v companies %d", m.wiz.step, m.wiz.testErr, len(m.wiz.companies))
	}
	m = press(m, "enter", "a") // all off
	if anyTrue(m.wiz.chosen) || !strings.Contains(screenText(m), "Choose at least one company") {
		t.Fatal("a did not untick all")
	}
	m = press(m, "enter")
	if f.saved != nil {
		t.Fatal("saved with no company")
	}
	m = press(m, "space", "enter")
	if f.saved == nil || m.mode != modeMain {
		t.Fatal("did not save with one company")
	}
}

func TestWizardRetryAfterFix(t *testing.T) {
	f := firstRun()
	bad := demoInput
	bad.Environment = "Missing"
	m := New(f, testOpts(WithPrefill(bad))...)
	m = step(m, tea.WindowSizeMsg{Width: 100, Height: 30})
	m = drive(m, m.Init())
	m = press(m, "enter", "1", "enter", "enter")
	if m.wiz.testErr == nil || remedyOf(m.wiz.testErr) == "" {
		t.Fatal("the test should fail with a remedy")
	}
	m = press(m, "esc", "down")
	for range "Missing" {
		m = press(m, "backspace")
	}
	m = typeText(m, "Sandbox")
	m = press(m, "enter")
	if m.wiz.step != stepTest || m.wiz.testErr != nil {
		t.Fatalf("retest failed: step %d err %v", m.wiz.step, m.wiz.testErr)
	}
	if m.wiz.fields[3].value != demoInput.Secret {
		t.Fatal("going back lost the secret")
	}
}

// Overview exports its findings through the same backend call as the
// tables (the CLI's insights table), with the same lasting dialog.
func TestOverviewExportsFindings(t *testing.T) {
	f := newFake(200)
	m := loaded(t, f, 100, 30)
	m = press(m, "7")
	m = step(m, m.ov.Load()())
	m = press(m, "x")
	if len(f.exports) != 1 || f.exports[0] != "insights" || f.exported != nil {
		t.Fatalf("exports %v %v", f.exports, f.exported)
	}
	if s := screenText(m); !strings.Contains(s, "/tmp/bcspend-insights.csv") || !strings.Contains(s, "bcspend export insights") {
		t.Fatalf("no dialog:\n%s", s)
	}
}

// A name no application contains offers to create it, first and chosen;
// the scattered-letter matches below it are never preselected.
func TestFixPickerOffersCreateBeforeWeakMatches(t *testing.T) {
	f := newFake(200)
	m := loaded(t, f, 100, 30)
	m = press(m, "3", "f")
	m = typeText(m, "visma")
	if len(m.fix.items) < 2 || m.fix.items[0].create != "visma" || m.fix.cursor != 0 {
		t.Fatalf("items %+v cursor %d", m.fix.items[:min(3, len(m.fix.items))], m.fix.cursor)
	}
	m = press(m, "enter")
	if m.fix.state != fixCategory || !strings.Contains(screenText(m), "New application: visma") {
		t.Fatalf("no category step:\n%s", screenText(m))
	}
	m = typeText(m, "design")
	m = press(m, "enter")
	if len(f.custom) != 1 || f.custom[0].Name != "visma" || f.custom[0].Category != "Design" {
		t.Fatalf("created %+v", f.custom)
	}
	// A strong match (the name contains the text) stays first.
	m = loaded(t, newFake(200), 100, 30)
	m = press(m, "3", "f")
	m = typeText(m, "slack")
	if it := m.fix.items[m.fix.cursor]; it.app.Name != "Slack" {
		t.Fatalf("slack: cursor on %+v", it)
	}
}
