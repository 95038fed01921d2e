package spend_test

import (
	"testing"
	gotime "time"

	"github.com/bcspend/bcspend/money"
	"github.com/bcspend/bcspend/spend"
	"github.com/bcspend/bcspend/spend/spendtest"
	"github.com/bcspend/bcspend/store"
)

// Rates with BC's 6 decimal places convert exactly, round once at the end,
// half away from zero. Every figure below is worked by hand from the rows.
//
// Company EU (local EUR) has USD at 100 = 92.123456 EUR and GBP at
// 1 = 1.171349 EUR; on 2026-07-01 a new USD row says 100 = 92.12345 EUR.
func TestSixDecimalRatesConvertExactly(t *testing.T) {
	rates := []spendtest.Rate{
		{Currency: "USD", Start: spendtest.Day(2026, 1, 1), Exchange: "100", Relational: "92.123456"},
		{Currency: "USD", Start: spendtest.Day(2026, 7, 1), Exchange: "100", Relational: "92.12345"},
		{Currency: "GBP", Start: spendtest.Day(2026, 1, 1), Exchange: "1", Relational: "1.171349"},
	}
	inv := func(n, month int, cur, amount string) st {
		return st{N: n, Vendor: "Figma Inc", Date: spendtest.Day(2026, gotime.Month(month), 2), Currency: cur, Local: "EUR",
			Lines: []ln{{Desc: "Figma", Amount: amount}}}
	}
	invs := []st{
		inv(1, 5, "USD", "1000.00"), // 1000 × 0.92123456 = 921.23456 -> 921.2346 (a 4-place rate, 92.1235, would give 921.235)
		inv(2, 8, "USD", "100.00"),  // 100 × 0.9212345 = 92.12345, exactly half -> 92.1235 (half-even would give 92.1234)
		inv(3, 5, "GBP", "12.34"),   // 12.34 × 1.171349 = 14.45444666 EUR, kept exact
	}

	t.Run("reporting in the local currency", func(t *testing.T) {
		m := loadWith(t, "", rates, invs)
		want := map[string]string{spendtest.GUID(1): "921.2346", spendtest.GUID(2): "92.1235", spendtest.GUID(3): "14.4544"}
		checkConverted(t, m, want)
	})
	t.Run("reporting in USD through EUR", func(t *testing.T) {
		m := loadWith(t, "USD", rates, invs)
		// 12.34 GBP × 1.171349 / 0.92123456 = 15.690300046... -> 15.6903. Rounding
		// the EUR step first (14.4544 / 0.92123456 = 15.69019...) would give 15.6902.
		want := map[string]string{spendtest.GUID(1): "1000.00", spendtest.GUID(2): "100.00", spendtest.GUID(3): "15.6903"}
		checkConverted(t, m, want)
	})
}

func loadWith(t *testing.T, reporting string, rates []spendtest.Rate, invs []st) *spend.Model {
	t.Helper()
	db := spendtest.Open(t)
	spendtest.Connect(t, db)
	if reporting != "" {
		if err := db.SetSetting(store.SettingReportingCurrency, reporting); err != nil {
			t.Fatal(err)
		}
	}
	spendtest.PutRates(t, db, spendtest.CompanyEU, rates...)
	spendtest.Commit(t, db, spendtest.CompanyEU, invs...)
	return load(t, db, "")
}

func checkConverted(t *testing.T, m *spend.Model, want map[string]string) {
	t.Helper()
	seen := 0
	for _, x := range m.Transactions(spend.Filter{}) {
		w, ok := want[x.ID]
		if !ok {
			continue
		}
		seen++
		if x.Unconverted || x.AmountReporting != money.MustParse(w) {
			t.Errorf("%s %s -> %s %s (unconverted %v); want %s", x.Amount, x.Currency, x.AmountReporting, m.ReportingCurrency(), x.Unconverted, w)
		}
	}
	if seen != len(want) {
		t.Fatalf("found %d of %d transactions", seen, len(want))
	}
}
