package spend

import (
	"math/big"
	"time"

	"github.com/bcspend/bcspend/money"
)

// centUnits is one cent in money's units.
const centUnits = 100

// convertCents is convert rounded once, half away from zero, straight to
// the cent (no intermediate rounding to money's four places, which could
// round twice: 0.12495 -> 0.1250 -> 0.13). A converted amount is kept to
// the cent as BC keeps an amount in local currency, so every sum of
// converted amounts (a screen total, an export column summed in a
// spreadsheet) agrees to the cent with the figures it is made of.
func (c *converter) convertCents(ci int, cur string, day time.Time, amount money.Amount) (money.Amount, bool) {
	cr := c.companies[ci]
	if cur == "" {
		cur = cr.local
	}
	if cur == c.reporting {
		return divRound(amount, 1), true
	}
	k := factorKey{company: int32(ci), cur: cur, day: day.Unix() / 86400}
	f, seen := c.cache[k]
	if !seen {
		f = c.factor(cr, cur, day)
		c.cache[k] = f
	}
	if !f.ok {
		return 0, false
	}
	if f.small && f.den <= (1<<62)/centUnits {
		if v, ok := mulDivRound(int64(amount), f.num, f.den*centUnits); ok {
			return money.Amount(v * centUnits), true
		}
	}
	v, ok := bigMulRound(int64(amount), new(big.Rat).Quo(f.rat, big.NewRat(centUnits, 1)))
	return v * centUnits, ok
}
