package bc

import (
	"context"
	"net/url"
	"time"
)

// ExchangeRatesChangedSince lists a company's exchange rates modified after
// since, so an incremental sync reads only new or edited rows instead of
// the whole table. Deleted rows are not reported (only ExchangeRates shows
// their absence).
func (c *Client) ExchangeRatesChangedSince(ctx context.Context, companyID string, since time.Time) ([]CurrencyExchangeRate, error) {
	var out []CurrencyExchangeRate
	v := url.Values{"$filter": {"lastModifiedDateTime gt " + since.UTC().Format("2006-01-02T15:04:05.000Z")}}
	u := company(c.target.APIRoot(), companyID, "currencyExchangeRates") + "?" + encodeQuery(v)
	err := eachPage(c, ctx, u, routeAPI, func(p Page[CurrencyExchangeRate]) error {
		out = append(out, p.Value...)
		return nil
	})
	return out, err
}
