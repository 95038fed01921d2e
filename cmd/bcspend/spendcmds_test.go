package main

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bcspend/bcspend/insights"
	"github.com/bcspend/bcspend/spend/spendtest"
	"github.com/bcspend/bcspend/store"
)

// spendDB writes a small store (a known app, an unknown vendor, a hostile
// vendor name) and returns the --db flags pointing at it.
func spendDB(t *testing.T) []string {
	t.Helper()
	t.Setenv("BCSPEND_KEYRING", "off")
	path := filepath.Join(t.TempDir(), "bcspend.db")
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	spendtest.Connect(t, db)
	d := spendtest.Day(2026, 10, 1)
	invs := spendtest.Monthly(1, "Slack Technologies Ltd", "Slack Pro", "100.00", "EUR", d, 3)
	invs = append(invs, spendtest.Monthly(10, "Acme Widgets GmbH", "Widget platform", "40.00", "EUR", d, 2)...)
	invs = append(invs, spendtest.Inv{N: 20, Vendor: "=cmd|' /C calc'!A0 \x1b[31mEvil", Date: d, Local: "EUR",
		Lines: []spendtest.Line{{Desc: "\x1b]0;pwned\x07thing", Amount: "5"}}})
	spendtest.Commit(t, db, spendtest.CompanyEU, invs...)
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	return []string{"--db", path}
}

func TestMatchCommandWithoutDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "none", "bcspend.db")
	code, out, errOut := cli(t, "", "--db", path, "match", "Slack Technologies Ltd", "Slack Pro seats", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var res matchOutput
	if err := json.Unmarshal([]byte(out), &res); err != nil || res.Decision.App != "Slack" || res.Decision.Reason == "" {
		t.Fatalf("decision: %v %s", err, out)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Error("match created a database")
	}
	if code, out, _ := cli(t, "", "--db", path, "match", "Acme Widgets GmbH"); code != 0 || !strings.Contains(out, "no application matched") {
		t.Errorf("unknown vendor: %d %s", code, out)
	}
	if code, _, _ := cli(t, "", "--db", path, "match"); code != exitUsage {
		t.Errorf("no vendor: exit %d", code)
	}
}

// An admin adds a rule from a script: without --yes nothing is saved;
// with it the preview shows what moves and the rule applies at once.
func TestRulesCommandFlow(t *testing.T) {
	g := spendDB(t)
	args := func(a ...string) []string { return append(append([]string{}, g...), a...) }
	code, out, errOut := cli(t, "", args("rules", "add", "--vendor", "Acme Widgets", "--app", "figma")...)
	if code != exitUsage || !strings.Contains(errOut, "--yes") || !strings.Contains(out, "moves 2 transactions / 80.00 EUR from (unmatched) to Figma") {
		t.Fatalf("without --yes: exit %d\n%s\n%s", code, out, errOut)
	}
	if _, out, _ := cli(t, "", args("rules", "list")...); !strings.Contains(out, "No rules") {
		t.Fatalf("a rule was saved without confirmation: %s", out)
	}
	if code, out, errOut := cli(t, "", args("rules", "add", "--vendor", "Acme Widgets", "--app", "Figma", "--yes")...); code != 0 || !strings.Contains(out, "Saved rule") {
		t.Fatalf("with --yes: %d %s %s", code, out, errOut)
	}
	_, out, _ = cli(t, "", args("rules", "list", "--json")...)
	var rules []struct{ ID, Kind, App string }
	if err := json.Unmarshal([]byte(out), &rules); err != nil || len(rules) != 1 || rules[0].App != "Figma" {
		t.Fatalf("rules list: %v %s", err, out)
	}
	if _, out, _ := cli(t, "", args("export", "apps", "--app", "Figma")...); !strings.Contains(out, "Figma,Design,Acme Widgets GmbH,2,") {
		t.Errorf("the rule did not move the money: %s", out)
	}
	if _, out, _ := cli(t, "", args("match", "Acme Widgets GmbH")...); !strings.Contains(out, "Figma") {
		t.Errorf("match ignores stored rules: %s", out)
	}
	if code, _, _ := cli(t, "", args("rules", "add", "--contains", "widget")...); code != exitUsage {
		t.Errorf("--contains without --app/--ignore: exit %d", code)
	}
	if code, _, _ := cli(t, "", args("rules", "remove", "r-nope", "--yes")...); code != exitUsage {
		t.Errorf("unknown id: exit %d", code)
	}
	if code, out, errOut := cli(t, "", args("rules", "remove", rules[0].ID, "--yes")...); code != 0 || !strings.Contains(out, "from Figma to (unmatched)") {
		t.Errorf("remove: %d %s %s", code, out, errOut)
	}
}

func TestExportCommand(t *testing.T) {
	g := spendDB(t)
	args := func(a ...string) []string { return append(append([]string{}, g...), a...) }
	code, out, errOut := cli(t, "", args("export", "transactions", "--since", "2026-09-01")...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(rows) != 6 || rows[0][0] != "company" {
		t.Fatalf("stdout CSV: %v %q", err, out)
	}
	if strings.ContainsAny(out, "\x1b\x07") || !strings.Contains(out, "'=cmd|") {
		t.Errorf("hostile vendor not neutralised: %q", out)
	}
	file := filepath.Join(t.TempDir(), "u.csv")
	if code, _, errOut := cli(t, "", args("export", "-o", file, "unmatched")...); code != 0 {
		t.Fatalf("-o: %d %s", code, errOut)
	}
	if info, err := os.Stat(file); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("file: %v %v", info, err)
	}
	for _, bad := range [][]string{{"export"}, {"export", "bogus"}, {"export", "transactions", "--since", "01/02/2026"},
		{"export", "transactions", "--since", "2026-02-01", "--until", "2026-01-01"}} {
		if code, _, errOut := cli(t, "", args(bad...)...); code != exitUsage || !strings.Contains(errOut, "what to do:") {
			t.Errorf("%v: exit %d %s", bad, code, errOut)
		}
	}
	code, _, errOut = cli(t, "", "--db", filepath.Join(t.TempDir(), "nope.db"), "export", "apps")
	if code != exitOther || !strings.Contains(errOut, "bcspend sync") {
		t.Errorf("no database: %d %s", code, errOut)
	}
}

func TestInsightsCommand(t *testing.T) {
	g := spendDB(t)
	code, out, errOut := cli(t, "", append(g, "insights", "--json")...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var r insights.Report
	if err := json.Unmarshal([]byte(out), &r); err != nil || r.Totals.Applications != 1 || r.ReportingCurrency != "EUR" {
		t.Fatalf("report: %v %s", err, out)
	}
	code, out, _ = cli(t, "", append(g, "insights")...)
	if code != 0 || !strings.Contains(out, "run-rate") || strings.ContainsAny(out, "\x1b\x07") {
		t.Errorf("text report: %d %q", code, out)
	}
}

// A rule's vendor name is BC's text (the console saves a fix with the
// vendor's name as BC sent it), and match echoes its input: both --json
// outputs go through the sanitiser, so `jq -r` cannot turn an escape in
// them back into a clipboard write.
func TestRulesAndMatchJSONAreInert(t *testing.T) {
	g := spendDB(t)
	args := func(a ...string) []string { return append(append([]string{}, g...), a...) }
	hostile := "Acme\x1b]52;c;aGk=\x07 Widgets\u200b"
	if code, out, errOut := cli(t, "", args("rules", "add", "--vendor", hostile, "--app", "Figma", "--yes")...); code != 0 {
		t.Fatalf("rules add: %d %s %s", code, out, errOut)
	}
	for _, cmd := range [][]string{{"rules", "list", "--json"}, {"match", hostile, "--json"}} {
		code, out, errOut := cli(t, "", args(cmd...)...)
		if code != 0 {
			t.Fatalf("%v: exit %d %s", cmd, code, errOut)
		}
		var v any
		if err := json.Unmarshal([]byte(out), &v); err != nil {
			t.Fatalf("%v: %v\n%s", cmd, err, out)
		}
		if strings.Contains(out, `\u001b`) || strings.Contains(out, "\u200b") || !strings.Contains(out, "Widgets") {
			t.Errorf("%v: BC text not inert:\n%s", cmd, out)
		}
	}
}
