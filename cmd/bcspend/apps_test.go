package main

import (
	"strings"
	"testing"
)

// A custom application from the command line: added, used by a rule,
// renamed with its rules, exported in the catalog format, removed with its
// rules only after --yes.
func TestAppsCommandLifecycle(t *testing.T) {
	g := spendDB(t)
	run := func(wantCode int, wantOut string, args ...string) string {
		t.Helper()
		code, out, errOut := cli(t, "", append(append([]string{}, g...), args...)...)
		if code != wantCode || !strings.Contains(out, wantOut) {
			t.Fatalf("%v: exit %d (want %d)\nstdout: %s\nstderr: %s", args, code, wantCode, out, errOut)
		}
		return errOut
	}
	run(0, "No custom applications", "apps", "list")
	run(0, "Added Widgetly (Manufacturing)", "apps", "add", "Widgetly", "--category", "Manufacturing")
	run(2, "", "apps", "add", "Slack", "--category", "Chat") // a catalog app
	run(2, "", "apps", "add", "NoCategory")
	run(0, "Saved rule", "rules", "add", "--vendor", "Acme Widgets GmbH", "--app", "Widgetly", "--yes")
	run(0, "Widgetly,Manufacturing,Acme Widgets GmbH,2,", "export", "apps")
	run(0, "Renamed Widgetly to Widgets Pro", "apps", "rename", "Widgetly", "Widgets Pro")
	run(0, "Widgets Pro,Manufacturing,Acme Widgets GmbH,2,", "export", "apps")
	run(0, "Widgets Pro  (Manufacturing)", "apps", "list")
	run(0, "app | Widgets Pro | Manufacturing | unknown.invalid", "export", "catalog")
	run(0, "", "apps", "recategorise", "Widgets Pro", "Tools")
	if e := run(2, "removes Widgets Pro and 1 rule; 2 transactions / 80.00 EUR go back to unmatched", "apps", "remove", "widgets pro"); !strings.Contains(e, "--yes") {
		t.Errorf("remove without --yes: %s", e)
	}
	run(0, "Removed Widgets Pro", "apps", "remove", "Widgets Pro", "--yes")
	run(0, "No rules", "rules", "list")
	run(0, "Acme Widgets GmbH,2,EUR,80.00", "export", "unmatched")
}
