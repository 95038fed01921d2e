package export_test

import (
	"bytes"
	"encoding/csv"
	"testing"

	"github.com/bcspend/bcspend/export"
	"github.com/bcspend/bcspend/insights"
	"github.com/bcspend/bcspend/match"
	"github.com/bcspend/bcspend/money"
	"github.com/bcspend/bcspend/spend"
	"github.com/bcspend/bcspend/spend/spendtest"
)

// On the demo data, in its default reporting currency and in another,
// Applications + Unmatched = the Overview total, and the apps and
// unmatched exports summed in a spreadsheet give the same figures, to the
// cent; unconverted transactions are counted alike everywhere.
func TestDemoTotalsAgreeToTheCent(t *testing.T) {
	db := spendtest.Demo(t)
	for _, cur := range []string{"", "EUR"} {
		m, err := spend.Load(db, match.MustLoadBuiltin(), spend.Options{Now: spendtest.DemoNow, ReportingCurrency: cur})
		if err != nil {
			t.Fatal(err)
		}
		var apps, unmatched money.Amount
		uncApps, uncUnmatched := 0, 0
		for _, a := range m.Apps() {
			apps += a.Reporting
			uncApps += a.Unconverted
		}
		for _, u := range m.Unmatched() {
			unmatched += u.Reporting
			uncUnmatched += u.Unconverted
		}
		_, total, unconverted := m.Total()
		rep := insights.Compute(m, insights.Options{}).Totals
		cur := m.ReportingCurrency()
		t.Logf("%s: apps %s + unmatched %s = %s, %d unconverted", cur, apps, unmatched, total, unconverted)
		if apps == 0 || unmatched == 0 {
			t.Fatalf("%s: the demo should have matched and unmatched spend", cur)
		}
		if apps+unmatched != total || rep.Reporting != total || rep.UnmatchedReporting != unmatched {
			t.Errorf("%s: apps %s + unmatched %s != total %s; overview %s, overview unmatched %s",
				cur, apps, unmatched, total, rep.Reporting, rep.UnmatchedReporting)
		}
		if uncApps+uncUnmatched != unconverted || rep.Unconverted != unconverted {
			t.Errorf("%s: unconverted %d + %d, total %d, overview %d", cur, uncApps, uncUnmatched, unconverted, rep.Unconverted)
		}
		if got := columnSum(t, export.Apps(m, ""), "amount_12m", cur); got != apps {
			t.Errorf("%s: export apps sums to %s, the screen to %s", cur, got, apps)
		}
		if got := columnSum(t, export.Unmatched(m, ""), "amount", cur); got != unmatched {
			t.Errorf("%s: export unmatched sums to %s, the screen to %s", cur, got, unmatched)
		}
	}
}

// columnSum writes tb as CSV and adds up one amount column as a
// spreadsheet would, checking every row is in the reporting currency.
func columnSum(t *testing.T, tb export.Table, col, cur string) money.Amount {
	t.Helper()
	var b bytes.Buffer
	if err := export.Write(&b, tb); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	idx := map[string]int{}
	for i, h := range recs[0] {
		idx[h] = i
	}
	var sum money.Amount
	for _, r := range recs[1:] {
		if r[idx["currency"]] != cur {
			t.Fatalf("%s row in %s, not the reporting currency %s: %v", tb.Name, r[idx["currency"]], cur, r)
		}
		sum += money.MustParse(r[idx[col]])
	}
	return sum
}
