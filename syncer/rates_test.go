package syncer

import (
	"strings"
	"testing"
	"time"

	"github.com/bcspend/bcspend/money"
	"github.com/bcspend/bcspend/store"
)

func TestMergeRates(t *testing.T) {
	t0 := time.Date(2026, 11, 1, 8, 0, 0, 0, time.UTC)
	rate := func(id string, amount int64, mod time.Time) store.ExchangeRate {
		return store.ExchangeRate{ID: id, CurrencyCode: "EUR", StartingDate: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC),
			ExchangeAmount: money.NewDecimal(1, 0), RelationalAmount: money.NewDecimal(amount, 4), LastModified: mod}
	}
	stored := []store.ExchangeRate{rate("a", 9200, t0), rate("b", 9300, t0)}
	cases := []struct {
		name    string
		changed []store.ExchangeRate
		n       int
		want    map[string]int64
	}{
		{"overlap re-read", []store.ExchangeRate{rate("b", 9300, t0)}, 0, map[string]int64{"a": 9200, "b": 9300}},
		{"edited row", []store.ExchangeRate{rate("B", 9400, t0.Add(time.Hour))}, 1, map[string]int64{"a": 9200, "b": 9400}},
		{"new row", []store.ExchangeRate{rate("c", 9500, t0.Add(time.Hour))}, 1, map[string]int64{"a": 9200, "b": 9300, "c": 9500}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			merged, n := mergeRates(stored, tc.changed)
			got := map[string]int64{}
			for _, r := range merged {
				a := money.MustParse(r.RelationalAmount.String())
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
	if stored[1].RelationalAmount != money.NewDecimal(9300, 4) {
		t.Error("mergeRates modified the stored slice")
	}
}
