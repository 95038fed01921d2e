package syncer

import (
	"context"
	"strings"
	"time"

	"github.com/bcspend/bcspend/bc"
	"github.com/bcspend/bcspend/store"
)

// rates stores the company's exchange rates. A backfill or full pass (or a
// company with none stored) reads the whole table and replaces the stored
// one, which also drops rows deleted in BC; an incremental pass asks only
// for rows changed since the latest stored one (minus the overlap), which
// is one request with an empty answer on most runs however long the table
// grows.
func (r *runner) rates(ctx context.Context, p *pass, cs *CompanySummary) error {
	id, key := p.company.ID, p.company.StoreKey()
	stored, err := r.db.ExchangeRates(key)
	if err != nil {
		return err
	}
	if p.state.Mode != store.ModeIncremental || len(stored) == 0 {
		all, err := r.client.ExchangeRates(ctx, id)
		if err != nil {
			return err
		}
		cs.Rates = len(all)
		return r.db.PutExchangeRates(key, storeRates(all))
	}
	changed, err := r.client.ExchangeRatesChangedSince(ctx, id, latestRate(stored).Add(-r.opt.Overlap))
	if err != nil || len(changed) == 0 {
		return err
	}
	merged, n := mergeRates(stored, storeRates(changed))
	if n == 0 {
		return nil // only the overlap, read again
	}
	cs.Rates = n
	return r.db.PutExchangeRates(key, merged)
}

func latestRate(rates []store.ExchangeRate) time.Time {
	var t time.Time
	for _, x := range rates {
		if x.LastModified.After(t) {
			t = x.LastModified
		}
	}
	return t
}

// mergeRates replaces stored rows by id with their changed versions and
// appends new ones; n counts rows that differ from what was stored.
func mergeRates(stored, changed []store.ExchangeRate) (merged []store.ExchangeRate, n int) {
	at := make(map[string]int, len(stored))
	merged = append(merged, stored...)
	for i, x := range merged {
		at[strings.ToLower(x.ID)] = i
	}
	for _, x := range changed {
		i, ok := at[strings.ToLower(x.ID)]
		switch {
		case !ok:
			at[strings.ToLower(x.ID)] = len(merged)
			merged = append(merged, x)
			n++
		case !sameRate(merged[i], x):
			merged[i] = x
			n++
		}
	}
	return merged, n
}

// sameRate compares what the store keeps (dates as calendar days, times
// to the millisecond BC sends).
func sameRate(a, b store.ExchangeRate) bool {
	return a.CurrencyCode == b.CurrencyCode && a.StartingDate.Format(bc.DateLayout) == b.StartingDate.Format(bc.DateLayout) &&
		a.ExchangeAmount == b.ExchangeAmount && a.RelationalCurrency == b.RelationalCurrency &&
		a.RelationalAmount == b.RelationalAmount &&
		a.LastModified.Equal(b.LastModified)
}

// storeRates is the one place BC's exchange rate rows become the store's.
func storeRates(ws []bc.CurrencyExchangeRate) []store.ExchangeRate {
	out := make([]store.ExchangeRate, len(ws))
	for i, w := range ws {
		out[i] = store.ExchangeRate{ID: w.ID, CurrencyCode: w.CurrencyCode, StartingDate: w.StartingDate.Time,
			ExchangeAmount: w.ExchangeRateAmount, RelationalCurrency: w.RelationalCurrencyCode,
			RelationalAmount: w.RelationalExchangeRateAmount, LastModified: w.LastModifiedDateTime}
	}
	return out
}
