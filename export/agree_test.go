package export_test

import (
	"bytes"
	"encoding/csv"
	"slices"
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
		checkRefunds(t, m)
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

// checkRefunds: the demo's paid credit memos are in the totals above
// (netted, negative), and each is a credit_memo row of the transactions
// export.
func checkRefunds(t *testing.T, m *spend.Model) {
	t.Helper()
	n := 0
	var netted money.Amount
	for _, tx := range m.Transactions(spend.Filter{}) {
		if tx.IsCreditMemo() {
			n++
			netted += tx.AmountReporting
		}
	}
	if n == 0 || netted >= 0 {
		t.Fatalf("the demo has %d paid credit memos netting %s: the totals above prove nothing about refunds", n, netted)
	}
	var b bytes.Buffer
	if err := export.Write(&b, export.Transactions(m, spend.Filter{})); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := slices.Index(recs[0], "document_type")
	rows := 0
	for _, r := range recs[1:] {
		if r[col] == spend.DocCreditMemo {
			rows++
		}
	}
	if col < 0 || rows != n {
		t.Errorf("export has %d credit_memo rows (column at %d), the model %d credit memos", rows, col, n)
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
