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
// Applications + Unmatched = the Overview total exactly (they sum the same
// converted amounts), every exported row shows its screen row's figure to
// the cent, and the exports summed in a spreadsheet differ from the screen
// totals by row rounding only (at most half a cent a row); unconverted
// transactions are counted alike everywhere.
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
		var want []string
		for _, a := range m.Apps() {
			want = append(want, a.Reporting.Fixed2())
		}
		checkColumn(t, export.Apps(m, ""), "amount_12m", cur, want, apps)
		want = want[:0]
		for _, u := range m.Unmatched() {
			want = append(want, u.Reporting.Fixed2())
		}
		checkColumn(t, export.Unmatched(m, ""), "amount", cur, want, unmatched)
	}
}

// checkColumn writes tb as CSV and checks one amount column: every row in
// the reporting currency with the screen's figure, and the column's sum
// within row rounding of the screen's total.
func checkColumn(t *testing.T, tb export.Table, col, cur string, want []string, total money.Amount) {
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
	if len(recs)-1 != len(want) {
		t.Fatalf("%s: %d rows, the screen %d", tb.Name, len(recs)-1, len(want))
	}
	var sum money.Amount
	for i, r := range recs[1:] {
		if r[idx["currency"]] != cur || r[idx[col]] != want[i] {
			t.Fatalf("%s row %d: %s %s, the screen %s %s", tb.Name, i, r[idx[col]], r[idx["currency"]], want[i], cur)
		}
		sum += money.MustParse(r[idx[col]])
	}
	if d := sum - total; d*2 > money.FromCents(int64(len(want))) || -d*2 > money.FromCents(int64(len(want))) {
		t.Errorf("%s: rows sum to %s, the total is %s: more than row rounding", tb.Name, sum, total)
	}
}
