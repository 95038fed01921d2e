package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/bcspend/bcspend/bc/bcsim"
	"github.com/bcspend/bcspend/match"
	"github.com/bcspend/bcspend/money"
	"github.com/bcspend/bcspend/spend"
	"github.com/bcspend/bcspend/spend/spendtest"
	"github.com/bcspend/bcspend/store"
	"github.com/bcspend/bcspend/ui"
)

// The console over the real backend and the demo data (synced from the
// simulated tenant over loopback): what an admin sees, not a fake's view.

// probe keeps the last rendered screen as text.
type probe struct {
	ui.Model
	last *atomic.Pointer[string]
}

func (p probe) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	nm, cmd := p.Model.Update(msg)
	p.Model = nm.(ui.Model)
	return p, cmd
}

func (p probe) View() tea.View {
	v := p.Model.View()
	s := ansi.Strip(v.Content)
	p.last.Store(&s)
	return v
}

type consoleRun struct {
	*teatest.TestModel
	t    *testing.T
	last *atomic.Pointer[string]
	b    *backend
}

// demoBackend is the console's backend over the demo data on its day.
func demoBackend(t *testing.T) (*backend, *store.DB) {
	t.Helper()
	t.Setenv("BCSPEND_KEYRING", "off")
	db := spendtest.Demo(t)
	cat, err := match.LoadCatalog("")
	if err != nil {
		t.Fatal(err)
	}
	b := newBackend(db, &globals{DB: db.Path()}, cat)
	b.keyring, b.exportTo = nil, t.TempDir()
	b.now = func() time.Time { return spendtest.DemoNow }
	return b, db
}

func startConsole(t *testing.T, b *backend, w, h int) *consoleRun {
	t.Helper()
	m := ui.New(b, ui.WithClock(b.now), ui.WithEnv(func(string) string { return "" }), ui.WithNoColor(true), ui.WithAutoSync(false))
	p := probe{Model: m, last: &atomic.Pointer[string]{}}
	tm := teatest.NewTestModel(t, p, teatest.WithInitialTermSize(w, h),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.ASCII)))
	return &consoleRun{TestModel: tm, t: t, last: p.last, b: b}
}

func (r *consoleRun) screen() string {
	if s := r.last.Load(); s != nil {
		return *s
	}
	return ""
}

// waitUntil waits until ok holds for the screen. The deadline only bounds
// a failure: under -race on two loaded cores the console's first insights
// took longer than 10 s (seen in CI), which is slow, not wrong.
func (r *consoleRun) waitUntil(ok func(screen string) bool) {
	r.t.Helper()
	deadline := time.Now().Add(90 * time.Second)
	for !ok(r.screen()) {
		if time.Now().After(deadline) {
			r.t.Fatalf("the screen never got there; last screen:\n%s", r.screen())
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// loaded waits for the Applications screen with its data.
func (r *consoleRun) loaded() {
	r.t.Helper()
	r.waitUntil(func(s string) bool { return strings.Contains(s, " apps │") && !strings.Contains(s, " 0 apps │") })
}

func keyPress(k string) tea.KeyPressMsg {
	switch k {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "ctrl+c":
		return tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
	case "ctrl+u":
		return tea.KeyPressMsg{Code: 'u', Mod: tea.ModCtrl}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	}
	r := []rune(k)
	return tea.KeyPressMsg{Code: r[0], Text: k}
}

// finish quits and returns the last screen.
func (r *consoleRun) finish() string {
	r.t.Helper()
	r.Send(keyPress("ctrl+c"))
	m := r.FinalModel(r.t, teatest.WithFinalTimeout(10*time.Second)).(probe).Model
	return ansi.Strip(m.View().Content)
}

// The Applications screen of the demo, in its default reporting currency
// (the first company's, USD) and in EUR: one currency per screen, sorted
// by it, with the period stated.
func TestGoldenDemoApplications(t *testing.T) {
	for _, cur := range []string{"USD", "EUR"} {
		t.Run(cur, func(t *testing.T) {
			b, db := demoBackend(t)
			if cur != "USD" {
				if err := b.SetReportingCurrency(cur); err != nil {
					t.Fatal(err)
				}
			} else if v, ok, _ := db.Setting(store.SettingReportingCurrency); ok {
				t.Fatalf("the demo stored a reporting currency %q", v)
			}
			r := startConsole(t, b, 110, 32)
			r.loaded()
			golden.RequireEqual(t, []byte(r.finish()))
		})
	}
}

func (r *consoleRun) waitFor(s string) {
	r.t.Helper()
	r.waitUntil(func(screen string) bool { return strings.Contains(screen, s) })
}

func (r *consoleRun) keys(ks ...string) {
	for _, k := range ks {
		r.Send(keyPress(k))
	}
}

func (r *consoleRun) typeText(s string) {
	for _, c := range s {
		r.Send(keyPress(string(c)))
	}
}

// A CDW invoice that pays for several products is one transaction whose
// row says so; why lists the allocation; a fix can take one line.
func TestDemoSplitInvoiceRowWhyAndLineFix(t *testing.T) {
	b, _ := demoBackend(t)
	r := startConsole(t, b, 140, 34) // wide enough for the Method column
	r.loaded()
	r.keys("2", "/")
	r.typeText("more")
	r.keys("enter")
	r.waitFor(" more ")
	r.waitFor("Jira Service Ma… keyword") // the newest: a Jira Service Management invoice with Jira and Bitbucket lines
	r.keys("w")
	r.waitFor("This invoice is allocated by line amount:")
	r.waitFor("Jira                           484.64 USD  (484.64 USD)  line 10000")
	r.waitFor("Bitbucket                       22.62 USD  (22.62 USD)  line 30000")
	r.keys("esc", "f")
	r.waitFor("Scope: this whole invoice")
	r.keys("tab")
	r.waitFor("Scope: only line 10000 (now Jira) of this invoice")
	r.keys("enter") // the suggestion: Jira Service Management
	r.waitFor("moves 1 transaction / 484.64 USD from Jira to Jira Service Management")
	r.finish()
}

// The console's export of a view is the CLI's export of the same table
// with the same filter, byte for byte: Applications, Unmatched, one
// application's transactions, and the Overview's findings.
func TestConsoleExportEqualsCLIExport(t *testing.T) {
	b, db := demoBackend(t)
	prev := clock
	clock = func() time.Time { return spendtest.DemoNow }
	t.Cleanup(func() { clock = prev })
	r := startConsole(t, b, 120, 34)
	r.loaded()
	r.waitFor("▸ Salesforce Sales")
	steps := []struct {
		keys []string
		view string
		cli  []string
	}{
		{[]string{"x"}, "apps", []string{"export", "apps"}},
		{[]string{"3", "x"}, "unmatched", []string{"export", "unmatched"}},
		{[]string{"1", "enter", "x"}, "transactions", []string{"export", "transactions", "--app", "Salesforce Sales Cloud"}},
		{[]string{"7", "x"}, "insights", []string{"export", "insights"}},
	}
	for _, st := range steps {
		r.keys(st.keys...)
		r.waitFor("'bcspend export " + st.view + "'")
		r.keys("esc")
	}
	r.finish()
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	for _, st := range steps {
		files, err := filepath.Glob(filepath.Join(b.exportTo, "bcspend-"+st.view+"-*.csv"))
		if err != nil || len(files) != 1 {
			t.Fatalf("%s: exports %v %v", st.view, files, err)
		}
		console, err := os.ReadFile(files[0])
		if err != nil {
			t.Fatal(err)
		}
		code, out, errOut := cli(t, "", append([]string{"--db", db.Path()}, st.cli...)...)
		if code != 0 {
			t.Fatalf("%v: exit %d %s", st.cli, code, errOut)
		}
		if lines := bytes.Count(console, []byte("\n")); lines < 3 {
			t.Fatalf("%s: only %d lines exported", st.view, lines)
		}
		if !bytes.Equal(console, []byte(out)) {
			t.Errorf("%s: the console wrote\n%.2000s\nthe CLI\n%.2000s", st.view, console, out)
		}
	}
}

// Human output groups thousands as the console does; --json and CSV keep
// plain numbers (a script parses them).
func TestHumanOutputGroupsThousands(t *testing.T) {
	_, g, _ := connected(t, bcsim.Config{Now: spendtest.DemoNow})
	prev := clock
	clock = func() time.Time { return spendtest.DemoNow }
	t.Cleanup(func() { clock = prev })
	ungrouped := regexp.MustCompile(`\b\d{4,}(\.\d\d)?\b`)
	// Dates, times, years, ids and URLs are not amounts or counts.
	notNumbers := regexp.MustCompile(`[0-9a-f]{8}-[0-9a-f-]{27}|\d{4}-\d\d(-\d\d)?|\d\d:\d\d(:\d\d)?|\b20\d\d\b|\[[0-9a-f]+\]|https?://\S+|\d+ms|[+-]?\d+%`) // percentages are not amounts
	grouped := regexp.MustCompile(`\b\d{1,3}(,\d{3})+(\.\d\d)?\b`)
	human := func(what string, args ...string) string {
		t.Helper()
		code, out, errOut := cli(t, "", append(append([]string{}, g...), args...)...)
		if code != 0 {
			t.Fatalf("%s: exit %d %s", what, code, errOut)
		}
		for _, l := range strings.Split(out+errOut, "\n") {
			if m := ungrouped.FindString(notNumbers.ReplaceAllString(l, "")); m != "" {
				t.Errorf("%s: %q has an ungrouped number %s", what, l, m)
			}
		}
		if !grouped.MatchString(out) {
			t.Errorf("%s: no grouped number in\n%s", what, out)
		}
		return out
	}
	human("sync", "sync")
	human("status", "status")
	out := human("insights", "insights")
	if !strings.Contains(out, spend.PeriodDefinition) {
		t.Errorf("insights does not state the period:\n%.400s", out)
	}
	code, js, _ := cli(t, "", append(append([]string{}, g...), "insights", "--json")...)
	var r struct {
		Totals struct{ Reporting json.Number } `json:"totals"`
	}
	if code != 0 || json.Unmarshal([]byte(js), &r) != nil || strings.Contains(r.Totals.Reporting.String(), ",") || r.Totals.Reporting == "" {
		t.Errorf("insights --json total %q", r.Totals.Reporting)
	}
	_, csvOut, _ := cli(t, "", append(append([]string{}, g...), "export", "apps")...)
	recs, err := csv.NewReader(strings.NewReader(csvOut)).ReadAll()
	if err != nil || len(recs) < 2 {
		t.Fatalf("export apps: %v %d rows", err, len(recs))
	}
	for _, rec := range recs[1:] {
		if _, err := money.Parse(rec[6]); err != nil || strings.Contains(rec[6], ",") {
			t.Errorf("CSV amount_12m %q is not a plain number", rec[6])
		}
	}
}

// An admin meets a payroll product the catalog lacks (billed by Visma,
// whose other products it knows): typing its name offers to create it
// first (no weak match preselected), a category follows, the fix moves
// its spend, it appears on Applications, and D removes it with its rule
// after showing what goes.
func TestConsoleCustomAppCreateUseDelete(t *testing.T) {
	b, db := demoBackend(t)
	r := startConsole(t, b, 120, 34)
	r.loaded()
	fixVismaToANewApp(r)
	r.keys("1", "/")
	r.typeText("nordic payroll")
	r.keys("enter")
	r.waitFor("▸ Nordic Payroll               Finance      Visma Softwar…    4       3,774.04 USD")
	r.keys("D")
	r.waitFor("Remove Nordic Payroll? This removes Nordic Payroll and 1 rule; 4 transactions / 3,774.04 USD go back to unmatched.")
	r.keys("y")
	r.waitFor("Removed Nordic Payroll and its rules.")
	r.waitFor("No rows match the filter")
	r.finish()
	if apps, _ := db.CustomApps(); len(apps) != 0 {
		t.Errorf("custom apps left: %+v", apps)
	}
	if rules, _ := db.Rules(); len(rules) != 0 {
		t.Errorf("rules left: %d", len(rules))
	}
}
