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
		return r.db.PutExchangeRates(key, all)
	}
	changed, err := r.client.ExchangeRatesChangedSince(ctx, id, latestRate(stored).Add(-r.opt.Overlap))
	if err != nil || len(changed) == 0 {
		return err
	}
	merged, n := mergeRates(stored, changed)
	if n == 0 {
		return nil // only the overlap, read again
	}
	cs.Rates = n
	return r.db.PutExchangeRates(key, merged)
}

func latestRate(rates []bc.CurrencyExchangeRate) time.Time {
	var t time.Time
	for _, x := range rates {
		if x.LastModifiedDateTime.After(t) {
			t = x.LastModifiedDateTime
		}
	}
	return t
}

// mergeRates replaces stored rows by id with their changed versions and
// appends new ones; n counts rows that differ from what was stored.
func mergeRates(stored, changed []bc.CurrencyExchangeRate) (merged []bc.CurrencyExchangeRate, n int) {
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
func sameRate(a, b bc.CurrencyExchangeRate) bool {
	return a.CurrencyCode == b.CurrencyCode && a.StartingDate.Format(bc.DateLayout) == b.StartingDate.Format(bc.DateLayout) &&
		a.ExchangeRateAmount == b.ExchangeRateAmount && a.RelationalCurrencyCode == b.RelationalCurrencyCode &&
		a.RelationalExchangeRateAmount == b.RelationalExchangeRateAmount &&
		a.LastModifiedDateTime.Equal(b.LastModifiedDateTime)
}
