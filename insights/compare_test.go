package insights_test

import (
	"testing"

	"github.com/bcspend/bcspend/spend/spendtest"
)

// October 2026 (the last complete month on 2026-11-24) against September
// and October 2025, per application and category.
func TestPeriodComparison(t *testing.T) {
	db := spendtest.Open(t)
	spendtest.Connect(t, db)
	slack := spendtest.Monthly(100, "Slack Technologies Ltd", "Slack Pro", "100.00", "EUR", day(2026, 11, 10), 14)
	slack[12].Lines[0].Amount = "150.00" // 2026-10
	slack[11].Lines[0].Amount = "120.00" // 2026-09
	slack[0].Lines[0].Amount = "80.00"   // 2025-10
	spendtest.Commit(t, db, spendtest.CompanyEU, slack...)
	spendtest.Commit(t, db, spendtest.CompanyEU, inv{N: 300, Vendor: "Figma Inc", Date: day(2026, 10, 14), Local: "EUR",
		Lines: []ln{{Desc: "Figma Organization", Amount: "50.00"}}})
	c := compute(t, db).Comparison
	if c.Period != "2026-10" || c.Previous != "2026-09" || c.LastYear != "2025-10" || !c.LastYearKnown {
		t.Fatalf("periods: %+v", c)
	}
	if c.Total.Current != amt("200") || c.Total.Previous != amt("120") || c.Total.LastYear != amt("80") || c.Total.VsLastYear != 1.5 {
		t.Errorf("total: %+v", c.Total)
	}
	if len(c.Apps) != 2 || c.Apps[0].Name != "Slack" || c.Apps[0].Current != amt("150") || c.Apps[0].VsPrevious != 0.25 ||
		len(c.Apps[0].TransactionIDs) != 1 || c.Apps[1].Name != "Figma" || c.Apps[1].Previous != 0 {
		t.Errorf("apps: %+v", c.Apps)
	}
	if len(c.Categories) != 2 {
		t.Errorf("categories: %+v", c.Categories)
	}
}
