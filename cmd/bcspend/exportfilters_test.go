package main

import (
	"strings"
	"testing"

	"github.com/bcspend/bcspend/bc/bcsim"
)

// An export filter that matches nothing is an error naming the closest
// valid values (not an empty file that looks like "no spend"); a name in
// another letter case is the same name; a flag the table does not take is
// refused.
func TestExportFiltersMustMatchAndApply(t *testing.T) {
	_, g, _ := connected(t, bcsim.Config{InvoicesPerMonth: 3})
	args := func(a ...string) []string { return append(append([]string{}, g...), a...) }
	if code, _, errOut := cli(t, "", args("sync")...); code != 0 {
		t.Fatalf("sync: %d %s", code, errOut)
	}
	cases := []struct {
		args []string
		want []string
	}{
		{[]string{"export", "transactions", "--app", "Slak"}, []string{`--app "Slak" matches no application`, `Did you mean "Slack"?`}},
		{[]string{"export", "apps", "--app", "Zzzzzzzz"}, []string{`matches no application`, "'bcspend export apps' lists them"}},
		{[]string{"export", "transactions", "--company", "Nope"}, []string{`--company "Nope" matches no company`, `"CRONUS UK Ltd."`, `"CRONUS USA, Inc."`}},
		{[]string{"export", "unmatched", "--company", "CRONUS UK"}, []string{`Did you mean "CRONUS UK Ltd."?`}},
		{[]string{"export", "users", "--company", "CRONUS UK Ltd."}, []string{"--company does not apply to export users", "takes only --output"}},
		{[]string{"export", "apps", "--since", "2026-01-01", "--unmatched"}, []string{"--since, --unmatched does not apply to export apps", "takes --app and --output"}},
		{[]string{"export", "renewals", "--app", "Slack"}, []string{"--app does not apply to export renewals"}},
	}
	for _, tc := range cases {
		code, out, errOut := cli(t, "", args(tc.args...)...)
		ok := code == exitUsage && out == ""
		for _, w := range tc.want {
			ok = ok && strings.Contains(errOut, w)
		}
		if !ok {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want %q", tc.args, code, out, errOut, tc.want)
		}
	}
	_, want, _ := cli(t, "", args("export", "transactions", "--company", "CRONUS UK Ltd.")...)
	code, out, errOut := cli(t, "", args("export", "transactions", "--company", "cronus uk ltd.", "--app", "slack")...)
	if code != 0 || strings.Count(out, "\n") < 2 || !strings.Contains(want, strings.Split(out, "\n")[1]) {
		t.Errorf("names in another case: exit %d %s\n%s", code, errOut, out)
	}
}
