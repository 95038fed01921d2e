package main

import (
	"encoding/json"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/bcspend/bcspend/bc/bcsim"
)

// jsonErr is the error document --json prints on stdout.
type jsonErr struct {
	Error struct {
		Kind, Code, Message, Remedy string
		ExitCode                    int `json:"exit_code"`
	} `json:"error"`
}

// With --json every error is one JSON document on stdout (kind, code,
// message, remedy, exit code), the text still on stderr: a parse error, a
// bad value, a missing database, a command-line mistake.
func TestJSONErrorsOnStdout(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "none.db")
	cases := []struct {
		args     []string
		code     int
		kind     string
		inRemedy string
	}{
		{[]string{"--db", missing, "status", "--json"}, exitAdmin, "not-found", "bcspend connect"},
		{[]string{"--db", missing, "config", "get", "nope", "--json"}, exitUsage, "input", "page-size"},
		{[]string{"--db", missing, "insights", "--json"}, exitOther, "other", "bcspend sync"},
		{[]string{"--db", missing, "sync", "--json", "--bogus"}, exitUsage, "input", "bcspend sync --help"},
		{[]string{"--db", missing, "insights", "--json", "extra"}, exitUsage, "input", "insights --help"},
	}
	for _, tc := range cases {
		code, out, errOut := cli(t, "", tc.args...)
		var e jsonErr
		if err := json.Unmarshal([]byte(out), &e); err != nil || code != tc.code || e.Error.ExitCode != code || e.Error.Kind != tc.kind ||
			e.Error.Message == "" || !strings.Contains(e.Error.Remedy, tc.inRemedy) || !strings.Contains(errOut, "what to do:") {
			t.Errorf("%v: exit %d (%v), stdout %s, stderr %q", tc.args, code, err, out, errOut)
		}
	}
}

func TestStatusJSON(t *testing.T) {
	ten, g, _ := connected(t, bcsim.Config{InvoicesPerMonth: 2})
	if code, _, errOut := cli(t, "", append(g, "sync")...); code != 0 {
		t.Fatalf("sync: %d %s", code, errOut)
	}
	var st struct {
		Connection struct{ TenantID, Secret string } `json:"connection"`
		Companies  []struct {
			Name     string
			Invoices int
		}
		LastSync struct{ Outcome string } `json:"last_sync"`
		Problem  *struct{ Kind, Remedy string }
	}
	code, out, _ := cli(t, "", append(g, "status", "--json")...)
	if err := json.Unmarshal([]byte(out), &st); err != nil || code != 0 || len(st.Companies) != 3 || st.Companies[0].Invoices == 0 ||
		st.LastSync.Outcome != "ok" || st.Problem != nil || st.Connection.Secret != "stored" || strings.Contains(out, bcsim.ClientSecret) {
		t.Fatalf("status --json: exit %d %v\n%s", code, err, out)
	}
	if !strings.Contains(out, `"tenant_id": "`+bcsim.TenantID+`"`) {
		t.Errorf("no tenant_id:\n%s", out)
	}
	ten.SetFaults(bcsim.Faults{ExpireSecret: true})
	cli(t, "", append(g, "sync")...)
	st.Problem = nil
	code, out, _ = cli(t, "", append(g, "status", "--json")...)
	if err := json.Unmarshal([]byte(out), &st); err != nil || code != exitAdmin || st.LastSync.Outcome != "failed" || st.Problem == nil ||
		st.Problem.Kind != "credentials" || st.Problem.Remedy == "" {
		t.Fatalf("status --json after a failed sync: exit %d %v\n%s", code, err, out)
	}
}

// Every --json document uses snake_case keys (ISO currency codes, keys of
// per-currency maps, aside); match --json keeps its decision fields.
func TestJSONKeysAreSnakeCase(t *testing.T) {
	_, g, _ := connected(t, bcsim.Config{InvoicesPerMonth: 3})
	args := func(a ...string) []string { return append(append([]string{}, g...), a...) }
	cli(t, "", args("apps", "add", "Visma", "--category", "Finance", "--vendor", "Visma AS")...)
	cli(t, "", args("rules", "add", "--vendor", "Acme Ltd", "--app", "Slack", "--yes")...)
	docs := map[string][]string{
		"sync": args("sync", "--json"), "status": args("status", "--json"), "config list": args("config", "list", "--json"),
		"config get": args("config", "get", "page-size", "--json"), "apps": args("apps", "list", "--json"),
		"rules": args("rules", "list", "--json"), "match": args("match", "Slack Technologies", "Slack Pro", "--json"),
		"insights": args("insights", "--json"), "contracts": args("contract", "list", "--json"), "renewals": args("renewals", "--json"),
		"error": args("config", "get", "nope", "--json"),
	}
	snake := regexp.MustCompile(`^[a-z][a-z0-9_]*$|^[A-Z]{3}$`)
	for name, a := range docs {
		_, out, errOut := cli(t, "", a...)
		var v any
		if err := json.Unmarshal([]byte(out), &v); err != nil {
			t.Errorf("%s: %v\n%s%s", name, err, out, errOut)
			continue
		}
		for _, k := range jsonKeys(v) {
			if !snake.MatchString(k) {
				t.Errorf("%s --json: key %q is not snake_case", name, k)
			}
		}
	}
	_, out, _ := cli(t, "", docs["match"]...)
	var m struct {
		Decision map[string]any `json:"decision"`
	}
	if json.Unmarshal([]byte(out), &m); m.Decision["app"] != "Slack" || m.Decision["method"] == nil || m.Decision["confidence"] == nil || m.Decision["reason"] == nil {
		t.Errorf("match --json decision: %s", out)
	}
}

func jsonKeys(v any) []string {
	var keys []string
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			keys = append(append(keys, k), jsonKeys(e)...)
		}
	case []any:
		for _, e := range x {
			keys = append(keys, jsonKeys(e)...)
		}
	}
	return keys
}

// --quiet (cron) prints nothing when all is well, and only the error when
// not; what --json asks for still prints.
func TestQuietPrintsOnlyErrors(t *testing.T) {
	ten, g, _ := connected(t, bcsim.Config{InvoicesPerMonth: 2})
	if code, out, errOut := cli(t, "", append(g, "sync", "--quiet")...); code != 0 || out != "" || errOut != "" {
		t.Fatalf("sync --quiet: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	if code, out, _ := cli(t, "", append(g, "--quiet", "sync", "--json")...); code != 0 || !strings.Contains(out, `"run_id"`) {
		t.Errorf("--quiet sync --json: exit %d %q", code, out)
	}
	ten.SetFaults(bcsim.Faults{ExpireSecret: true})
	code, out, errOut := cli(t, "", append(g, "sync", "-q")...)
	if code != exitAdmin || out != "" || !strings.Contains(errOut, "bcspend: The client secret has expired") || !strings.Contains(errOut, "what to do:") || strings.Contains(errOut, "page") {
		t.Errorf("sync -q, expired secret: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}

// Progress written to a log (stderr not a terminal) carries a UTC
// timestamp on every line, so a cron log says when each step happened.
func TestProgressLinesAreTimestampedInALog(t *testing.T) {
	_, g, _ := connected(t, bcsim.Config{InvoicesPerMonth: 3})
	code, _, errOut := cli(t, "", append(g, "sync", "--page-size", "20")...)
	stamp := regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ \S`)
	lines := strings.Split(strings.TrimSpace(errOut), "\n")
	if code != 0 || len(lines) < 3 {
		t.Fatalf("sync: exit %d\n%s", code, errOut)
	}
	for _, l := range lines {
		if !stamp.MatchString(l) {
			t.Errorf("progress line without a timestamp: %q", l)
		}
	}
}
