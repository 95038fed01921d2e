package insights_test

import (
	"testing"

	"github.com/bcspend/bcspend/spend/spendtest"
)

// An overlap is a job one company pays two vendors for: Slack and
// Microsoft Teams both chat for the EU company. Tools of one broad catalog
// category that do different jobs (Jira tracks issues, Asana manages work;
// GitHub hosts code, Postman tests APIs) are not one.
func TestOverlapsAreJobsNotCategories(t *testing.T) {
	db := spendtest.Open(t)
	spendtest.Connect(t, db)
	var invs []inv
	invs = append(invs, spendtest.Monthly(100, "Slack Technologies Ltd", "Slack Pro", "800.00", "EUR", day(2026, 11, 3), 6)...)
	invs = append(invs, spendtest.Monthly(200, "Microsoft Ireland Operations Ltd", "Microsoft Teams Essentials", "300.00", "EUR", day(2026, 11, 5), 6)...)
	invs = append(invs, spendtest.Monthly(300, "Atlassian Pty Ltd", "Jira Software Cloud", "500.00", "EUR", day(2026, 11, 2), 6)...)
	invs = append(invs, spendtest.Monthly(400, "Asana Inc", "Asana Premium", "400.00", "EUR", day(2026, 11, 8), 6)...)
	invs = append(invs, spendtest.Monthly(500, "GitHub Inc", "GitHub Enterprise", "700.00", "EUR", day(2026, 11, 9), 6)...)
	invs = append(invs, spendtest.Monthly(600, "Postman Inc", "Postman Professional", "600.00", "EUR", day(2026, 11, 9), 6)...)
	spendtest.Commit(t, db, spendtest.CompanyEU, invs...)
	r := compute(t, db)
	if len(r.Overlaps) != 1 {
		t.Fatalf("overlaps %+v; want only team chat", r.Overlaps)
	}
	o := r.Overlaps[0]
	if o.Job != "team chat" || len(o.Apps) != 2 || o.Apps[0].App != "Slack" || o.Apps[1].App != "Microsoft Teams" ||
		o.AtStake != amt("1800") || len(o.Companies) != 1 || o.Companies[0] != "Cronus EU" || len(o.TransactionIDs) != 12 {
		t.Errorf("team chat overlap: %+v", o)
	}
}

// Two subsidiaries on their own accounting tool (QuickBooks in the US,
// Xero in the EU) are two choices, not one company paying twice; when the
// EU company also pays QuickBooks, it is an overlap of that company.
func TestOverlapsAreWithinOneCompany(t *testing.T) {
	db := spendtest.Open(t)
	spendtest.Connect(t, db)
	spendtest.Commit(t, db, spendtest.CompanyEU, spendtest.Monthly(100, "Xero Limited", "Xero Established", "60.00", "EUR", day(2026, 11, 3), 6)...)
	spendtest.Commit(t, db, spendtest.CompanyUS, spendtest.Monthly(200, "Intuit Inc", "QuickBooks Online Advanced", "200.00", "USD", day(2026, 11, 4), 6)...)
	if r := compute(t, db); len(r.Overlaps) != 0 {
		t.Fatalf("tools of two companies reported as an overlap: %+v", r.Overlaps)
	}
	spendtest.Commit(t, db, spendtest.CompanyEU, spendtest.Monthly(300, "Intuit Inc", "QuickBooks Online Advanced", "90.00", "EUR", day(2026, 11, 10), 3)...)
	r := compute(t, db)
	if len(r.Overlaps) != 1 || r.Overlaps[0].Job != "small-business accounting" || len(r.Overlaps[0].Companies) != 1 ||
		r.Overlaps[0].Companies[0] != "Cronus EU" {
		t.Fatalf("overlaps %+v; want accounting in Cronus EU", r.Overlaps)
	}
}

// The list is short: at most five jobs, the most money at stake first, and
// none whose money at stake is under 0.25% of the spend.
func TestOverlapListIsCappedByMoney(t *testing.T) {
	db := spendtest.Open(t)
	spendtest.Connect(t, db)
	pairs := []struct{ v1, d1, v2, d2, small string }{
		{"Slack Technologies Ltd", "Slack Pro", "Microsoft Ireland Operations Ltd", "Microsoft Teams Essentials", "600.00"},
		{"Box Inc", "Box Business", "Dropbox International Unlimited Company", "Dropbox Business", "500.00"},
		{"AgileBits Inc", "1Password Business", "LastPass US LP", "LastPass Business", "400.00"},
		{"Zendesk Inc", "Zendesk Suite", "Intercom R&D Unlimited Company", "Intercom", "300.00"},
		{"RealtimeBoard Inc", "Miro Business", "Tactivos Inc", "Mural Team", "200.00"},
		{"Tableau Software LLC", "Tableau Creator", "Domo Inc", "Domo", "100.00"},
		// 3 a month against about 100,000 in total: under 0.25%.
		{"Calendly LLC", "Calendly Teams", "Doodle AG", "Doodle Pro", "3.00"},
	}
	var invs []inv
	for i, p := range pairs {
		invs = append(invs, spendtest.Monthly(1000*(i+1), p.v1, p.d1, "1000.00", "EUR", day(2026, 11, 3), 6)...)
		invs = append(invs, spendtest.Monthly(1000*(i+1)+100, p.v2, p.d2, p.small, "EUR", day(2026, 11, 6), 6)...)
	}
	spendtest.Commit(t, db, spendtest.CompanyEU, invs...)
	r := compute(t, db)
	want := []string{"team chat", "file sharing", "password manager", "customer help desk", "whiteboard"}
	if len(r.Overlaps) != len(want) {
		t.Fatalf("%d overlaps, want %d: %+v", len(r.Overlaps), len(want), r.Overlaps)
	}
	for i, w := range want {
		if r.Overlaps[i].Job != w {
			t.Errorf("overlap %d is %s, want %s", i, r.Overlaps[i].Job, w)
		}
	}
}
