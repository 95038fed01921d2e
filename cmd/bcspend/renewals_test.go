package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bcspend/bcspend/insights"
)

// A contract renewing in 40 days with 60 days' notice is in the 30-day
// window by its notice deadline (already passed: first), and the ICS
// export carries both events.
func TestRenewalsCommandAndICS(t *testing.T) {
	db := spendDB(t)
	end := time.Now().UTC().AddDate(0, 0, 39).Format(time.DateOnly)
	set := append(append([]string{}, db...), "contract", "set", "--app", "Figma", "--company", "Cronus EU", "--end", end,
		"--term", "12", "--notice", "60", "--amount", "4500", "--currency", "EUR")
	if code, out, errOut := cli(t, "", set...); code != 0 {
		t.Fatalf("set: %d %s %s", code, out, errOut)
	}
	code, out, errOut := cli(t, "", append(append([]string{}, db...), "renewals", "--within", "30d", "--json")...)
	var ks []insights.Contract
	if code != 0 || json.Unmarshal([]byte(out), &ks) != nil {
		t.Fatalf("renewals: %d %s %s", code, out, errOut)
	}
	if len(ks) != 1 || ks[0].App != "Figma" || ks[0].NoticeDeadline.IsZero() || ks[0].ActBy() != ks[0].NoticeDeadline {
		t.Fatalf("window of 30 days: %+v", ks)
	}
	if code, out, _ := cli(t, "", append(append([]string{}, db...), "renewals")...); code != 0 || !strings.Contains(out, "notice deadline (renews") {
		t.Fatalf("text: %s", out)
	}
	path := filepath.Join(t.TempDir(), "renewals.ics")
	if code, _, errOut := cli(t, "", append(append([]string{}, db...), "export", "renewals", "--ics", "-o", path)...); code != 0 {
		t.Fatalf("export: %s", errOut)
	}
	data, _ := os.ReadFile(path)
	if strings.Count(string(data), "BEGIN:VEVENT\r\n") != 2 || !strings.Contains(string(data), "SUMMARY:Notice deadline: Figma") {
		t.Fatalf("calendar:\n%s", data)
	}
	if code, _, errOut := cli(t, "", append(append([]string{}, db...), "renewals", "--within", "soon")...); code != exitUsage ||
		!strings.Contains(errOut, "30d") {
		t.Fatalf("bad window: %d %s", code, errOut)
	}
}
