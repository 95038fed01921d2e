package spend_test

import (
	"errors"
	"testing"
	"time"

	"github.com/bcspend/bcspend/failure"
	"github.com/bcspend/bcspend/spend"
	"github.com/bcspend/bcspend/spend/spendtest"
	"github.com/bcspend/bcspend/store"
)

// Worked by hand: EUR company, USD rates 100 USD = 92.50 EUR from 1 Jan and
// 90.00 EUR from 1 Jul; no GBP rate.
//
//	1000.00 USD on 10 Mar  ->  925.00 EUR
//	1000.00 USD on 10 Aug  ->  900.00 EUR
//	 200.00 EUR on  1 Sep  ->  200.00 EUR
//	  50.00 GBP on  1 Oct  ->  unconverted (counted, not summed)
//	total 2025.00 EUR, monthly average 2025/12 = 168.75
//
// In USD: 200 EUR / 0.90 = 222.2222 USD, so 2222.2222; average 185.185 ->
// 185.19 (half away from zero).
func TestAppRowInReportingCurrencyByHand(t *testing.T) {
	db := spendtest.Open(t)
	spendtest.Connect(t, db)
	spendtest.PutRates(t, db, spendtest.CompanyEU,
		spendtest.Rate{Currency: "USD", Start: spendtest.Day(2026, 1, 1), Exchange: "100", Relational: "92.50"},
		spendtest.Rate{Currency: "USD", Start: spendtest.Day(2026, 7, 1), Exchange: "100", Relational: "90.00"})
	slack := func(n int, d, cur, amount string) st {
		day, err := time.Parse(time.DateOnly, d)
		if err != nil {
			t.Fatal(err)
		}
		return st{N: n, Vendor: "Slack Technologies Ltd", Date: day, Currency: cur, Local: "EUR",
			Lines: []ln{{Desc: "Slack Pro", Amount: amount}}}
	}
	spendtest.Commit(t, db, spendtest.CompanyEU,
		slack(1, "2026-03-10", "USD", "1000.00"), slack(2, "2026-08-10", "USD", "1000.00"),
		slack(3, "2026-09-01", "", "200.00"), slack(4, "2026-10-01", "GBP", "50.00"))

	r := appRow(t, load(t, db, ""), "Slack")
	if r.ReportingCurrency != "EUR" || r.Reporting.Fixed2() != "2025.00" || r.MonthlyAverage().Fixed2() != "168.75" {
		t.Errorf("EUR: %s %s, average %s; want 2025.00 EUR, 168.75", r.Reporting, r.ReportingCurrency, r.MonthlyAverage())
	}
	if r.Unconverted != 1 || r.UnconvertedSpend["GBP"] != amt("50") || len(r.UnconvertedSpend) != 1 {
		t.Errorf("unconverted %d %v; want 1 and 50.00 GBP", r.Unconverted, r.UnconvertedSpend)
	}
	if r.ReportingMonths[3] != amt("925") || r.ReportingMonths[8] != amt("900") || r.ReportingMonths[10] != 0 {
		t.Errorf("months %v", r.ReportingMonths) // Dec 2025 is month 0
	}

	if _, err := spend.SetReportingCurrency(db, "usd"); err != nil {
		t.Fatal(err)
	}
	r = appRow(t, load(t, db, ""), "Slack")
	if r.ReportingCurrency != "USD" || r.Reporting.Fixed2() != "2222.22" || r.MonthlyAverage().Fixed2() != "185.19" {
		t.Errorf("USD: %s %s, average %s; want 2222.22 USD, 185.19", r.Reporting, r.ReportingCurrency, r.MonthlyAverage())
	}
}

// The setting defaults to the first company's local currency, accepts only
// currencies the data can convert to, and says which those are.
func TestReportingCurrencySetting(t *testing.T) {
	db := spendtest.Open(t)
	spendtest.Connect(t, db)
	spendtest.PutRates(t, db, spendtest.CompanyEU, spendtest.Rate{Currency: "USD", Start: spendtest.Day(2026, 1, 1), Exchange: "1", Relational: "0.9"})
	spendtest.Commit(t, db, spendtest.CompanyEU, st{N: 1, Vendor: "Figma Inc", Date: spendtest.Day(2026, 5, 1), Local: "EUR", Lines: []ln{{Desc: "Figma", Amount: "1"}}})
	cs, err := spend.ReportingCurrency(db)
	if err != nil || cs.Value != "EUR" || cs.Default != "EUR" || !cs.IsDefault || len(cs.Known) != 2 {
		t.Fatalf("%+v %v; want EUR by default, EUR and USD known", cs, err)
	}
	_, err = spend.SetReportingCurrency(db, "JPY")
	var e *failure.Error
	if !errors.As(err, &e) || e.Kind != failure.KindInput || e.Fix != "use one of: EUR, USD (the companies' local currencies and those with exchange rates in Business Central)" {
		t.Fatalf("JPY: %v", err)
	}
	if _, ok, _ := db.Setting(store.SettingReportingCurrency); ok {
		t.Fatal("a refused currency was stored")
	}
	if cur, err := spend.SetReportingCurrency(db, " usd "); err != nil || cur != "USD" {
		t.Fatalf("usd: %q %v", cur, err)
	}
	if cs, _ := spend.ReportingCurrency(db); cs.Value != "USD" || cs.IsDefault {
		t.Fatalf("after set: %+v", cs)
	}
}

// Unmatched spend uses the same period as everything else, so Applications
// + Unmatched = the total.
func TestUnmatchedUsesThePeriod(t *testing.T) {
	db := spendtest.Open(t)
	spendtest.Connect(t, db)
	spendtest.Commit(t, db, spendtest.CompanyEU,
		st{N: 1, Vendor: "Acme Widgets GmbH", Date: spendtest.Day(2025, 11, 30), Local: "EUR", Lines: []ln{{Desc: "Widgets", Amount: "1000"}}},
		st{N: 2, Vendor: "Acme Widgets GmbH", Date: spendtest.Day(2025, 12, 1), Local: "EUR", Lines: []ln{{Desc: "Widgets", Amount: "10"}}})
	m := load(t, db, "")
	u := m.Unmatched()
	if len(u) != 1 || u[0].Reporting != amt("10") || u[0].Transactions != 1 {
		t.Fatalf("unmatched %+v; want only the charge of 1 Dec 2025 (the period starts then)", u)
	}
	if _, rep, _ := m.Total(); rep != amt("10") {
		t.Fatalf("total %s", rep)
	}
}
