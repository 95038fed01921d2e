package main

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/bcspend/bcspend/insights"
	"github.com/bcspend/bcspend/spend/spendtest"
)

// 'insights --since-last-run --json' prints the alerts once: a second call
// prints [] (cron mails nothing), and the text form prints nothing.
func TestInsightsSinceLastRun(t *testing.T) {
	db := spendDB(t)
	defer func(c func() time.Time) { clock = c }(clock)
	clock = func() time.Time { return spendtest.Day(2026, 10, 20) }
	args := append(append([]string{}, db...), "insights", "--since-last-run", "--json")
	code, out, errOut := cli(t, "", args...)
	var first []insights.Alert
	if code != 0 || json.Unmarshal([]byte(out), &first) != nil || len(first) == 0 {
		t.Fatalf("first call: %d %s %s", code, out, errOut)
	}
	if strings.Contains(out, `\u001b`) || strings.Contains(out, `\u0007`) || !strings.Contains(out, "Evil") {
		t.Fatalf("BC text must be inert in --json too:\n%s", out)
	}
	newVendor := false
	for _, a := range first {
		newVendor = newVendor || a.Kind == insights.KindNewVendor
		if a.Key == "" || a.Fingerprint == "" {
			t.Errorf("alert without identity: %+v", a)
		}
	}
	if !newVendor {
		t.Errorf("the vendors first paid in August are new on 2026-10-20: %+v", first)
	}
	code, out, _ = cli(t, "", args...)
	var second []insights.Alert
	if code != 0 || json.Unmarshal([]byte(out), &second) != nil || len(second) != 0 {
		t.Fatalf("second call must print []: %d %q", code, out)
	}
	if code, out, _ := cli(t, "", append(append([]string{}, db...), "insights", "--since-last-run")...); code != 0 || out != "" {
		t.Fatalf("text form with nothing new: %d %q", code, out)
	}
}
