package main

import (
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"github.com/bcspend/bcspend/insights"
)

// An admin's correction is stored, shown by 'contract list' and exported
// by 'export contracts'; bad input is a usage error that says what to
// write instead.
func TestContractSetListExport(t *testing.T) {
	db := spendDB(t)
	set := append(append([]string{}, db...), "contract", "set", "--app", "Slack", "--company", "cronus eu",
		"--end", "2027-01-31", "--term", "12", "--notice", "60", "--auto-renew", "no", "--owner", "anna", "--notes", "seats via IT")
	if code, out, errOut := cli(t, "", set...); code != 0 || !strings.Contains(out, "notice by 2026-12-03 (60 days)") {
		t.Fatalf("set: exit %d\n%s\n%s", code, out, errOut)
	}
	code, out, errOut := cli(t, "", append(append([]string{}, db...), "contract", "list", "--json")...)
	var ks []insights.Contract
	if code != 0 || json.Unmarshal([]byte(out), &ks) != nil {
		t.Fatalf("list: exit %d %s %s", code, out, errOut)
	}
	var slack *insights.Contract
	for i := range ks {
		if ks[i].App == "Slack" && ks[i].Source == insights.SourceAdmin {
			slack = &ks[i]
		}
	}
	if slack == nil || slack.NoticeDays != 60 || slack.Owner != "anna" || slack.AutoRenew == nil || *slack.AutoRenew ||
		slack.TermMonths != 12 || slack.Start.Format("2006-01-02") != "2026-02-01" {
		t.Fatalf("Slack contract after the correction: %+v", slack)
	}
	code, out, errOut = cli(t, "", append(append([]string{}, db...), "export", "contracts")...)
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if code != 0 || err != nil || len(rows) < 2 {
		t.Fatalf("export: exit %d %v\n%s\n%s", code, err, out, errOut)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	found := false
	for _, r := range rows[1:] {
		if r[col["application"]] == "Slack" && r[col["source"]] == "admin" {
			found = r[col["notice_days"]] == "60" && r[col["auto_renew"]] == "false" && r[col["owner"]] == "anna" &&
				r[col["end"]] == "2027-01-31" && strings.Contains(r[col["evidence"]], "corrected by")
		}
	}
	if !found {
		t.Fatalf("exported contracts lack the correction:\n%s", out)
	}
	bad := append(append([]string{}, db...), "contract", "set", "--app", "Slack", "--company", "Cronus EU", "--auto-renew", "maybe")
	if code, _, errOut := cli(t, "", bad...); code != exitUsage || !strings.Contains(errOut, "what to do") {
		t.Fatalf("bad --auto-renew: exit %d %s", code, errOut)
	}
	if code, _, errOut := cli(t, "", append(append([]string{}, db...), "contract", "set", "--app", "Slack", "--company", "Nope")...); code != exitUsage ||
		!strings.Contains(errOut, "Cronus EU") {
		t.Fatalf("unknown company: exit %d %s", code, errOut)
	}
	if code, _, _ := cli(t, "", append(append([]string{}, db...), "contract", "delete", "--app", "Slack", "--company", "Cronus EU")...); code != 0 {
		t.Fatal("delete failed")
	}
	_, out, _ = cli(t, "", append(append([]string{}, db...), "export", "contracts")...)
	if strings.Contains(out, "anna") {
		t.Fatalf("the correction survived delete:\n%s", out)
	}
}
