package syncer

import (
	"strings"
	"testing"
	"time"

	"github.com/bcspend/bcspend/bc"
	"github.com/bcspend/bcspend/money"
)

func TestMergeRates(t *testing.T) {
	t0 := time.Date(2026, 11, 1, 8, 0, 0, 0, time.UTC)
	rate := func(id string, amount int64, mod time.Time) bc.CurrencyExchangeRate {
		return bc.CurrencyExchangeRate{ID: id, CurrencyCode: "EUR", StartingDate: bc.NewDate(2026, 11, 1),
			ExchangeRateAmount: money.NewDecimal(1, 0), RelationalExchangeRateAmount: money.NewDecimal(amount, 4), LastModifiedDateTime: mod}
	}
	stored := []bc.CurrencyExchangeRate{rate("a", 9200, t0), rate("b", 9300, t0)}
	cases := []struct {
		name    string
		changed []bc.CurrencyExchangeRate
		n       int
		want    map[string]int64
	}{
		{"overlap re-read", []bc.CurrencyExchangeRate{rate("b", 9300, t0)}, 0, map[string]int64{"a": 9200, "b": 9300}},
		{"edited row", []bc.CurrencyExchangeRate{rate("B", 9400, t0.Add(time.Hour))}, 1, map[string]int64{"a": 9200, "b": 9400}},
		{"new row", []bc.CurrencyExchangeRate{rate("c", 9500, t0.Add(time.Hour))}, 1, map[string]int64{"a": 9200, "b": 9300, "c": 9500}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			merged, n := mergeRates(stored, tc.changed)
			got := map[string]int64{}
			for _, r := range merged {
				a := money.MustParse(r.RelationalExchangeRateAmount.String())
				got[strings.ToLower(r.ID)] = int64(a)
			}
			if n != tc.n || len(got) != len(tc.want) {
				t.Fatalf("n %d rows %v, want n %d rows %v", n, got, tc.n, tc.want)
			}
			for id, v := range tc.want {
				if got[id] != v {
					t.Errorf("row %s = %d, want %d", id, got[id], v)
				}
			}
		})
	}
	if stored[1].RelationalExchangeRateAmount != money.NewDecimal(9300, 4) {
		t.Error("mergeRates modified the stored slice")
	}
}
