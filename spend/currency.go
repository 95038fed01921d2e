package spend

import (
	"math/big"
	"sort"
	"time"

	"github.com/bcspend/bcspend/money"
	"github.com/bcspend/bcspend/store"
)

// Every amount keeps its own currency; the reporting currency is a second,
// converted figure. Conversion follows BC's Currency Exchange Rate table of
// the company that booked the charge: a row says exchangeRateAmount units of
// currencyCode are worth relationalExchangeRateAmount units of the
// relational currency (blank = the company's local currency), from its
// startingDate until the next row's. A foreign amount goes to the local
// currency, then to the reporting currency with the reporting currency's own
// rate, so each company's own table is the only source of truth.

// rateRow is one exchange rate row.
type rateRow struct {
	start    time.Time
	exchange money.Decimal // units of the currency ...
	relation money.Decimal // ... worth this many units of relCode
	relCode  string        // "" = the company's local currency
}

// companyRates is one company's rate table, rows per currency oldest first.
type companyRates struct {
	local string
	rows  map[string][]rateRow
}

func newCompanyRates(local string, rates []store.ExchangeRate) *companyRates {
	cr := &companyRates{local: local, rows: map[string][]rateRow{}}
	for _, r := range rates {
		rel := r.RelationalCurrency
		if rel == local {
			rel = ""
		}
		cr.rows[r.CurrencyCode] = append(cr.rows[r.CurrencyCode], rateRow{
			start: r.StartingDate, exchange: r.ExchangeAmount,
			relation: r.RelationalAmount, relCode: rel})
	}
	for _, rows := range cr.rows {
		sort.SliceStable(rows, func(i, j int) bool { return rows[i].start.Before(rows[j].start) })
	}
	return cr
}

// rowAt is the row in force on day: the last one starting on or before it.
func (cr *companyRates) rowAt(cur string, day time.Time) (rateRow, bool) {
	rows := cr.rows[cur]
	i := sort.Search(len(rows), func(i int) bool { return rows[i].start.After(day) })
	if i == 0 {
		return rateRow{}, false
	}
	return rows[i-1], true
}

// maxRateHops bounds chains of relational currencies (EUR quoted in USD
// quoted in local...), which a badly edited table could make circular.
const maxRateHops = 4

// toLocal is how many local units one unit of cur is worth on day.
func (cr *companyRates) toLocal(cur string, day time.Time, hops int) (*big.Rat, bool) {
	if cur == "" || cur == cr.local {
		return big.NewRat(1, 1), true
	}
	if hops >= maxRateHops {
		return nil, false
	}
	row, ok := cr.rowAt(cur, day)
	if !ok || row.exchange.Sign() <= 0 || row.relation.Sign() <= 0 {
		return nil, false
	}
	// Exact: BC's rates carry up to 6 places, and nothing is rounded
	// until the converted amount itself.
	f := new(big.Rat).Quo(row.relation.Rat(), row.exchange.Rat())
	if row.relCode == "" {
		return f, true
	}
	next, ok := cr.toLocal(row.relCode, day, hops+1)
	if !ok {
		return nil, false
	}
	return f.Mul(f, next), true
}

// factor is a cached conversion factor num/den; ok false means no rate.
type factor struct {
	ok       bool
	small    bool // num and den fit in int64: the fast path applies
	num, den int64
	rat      *big.Rat
}

type factorKey struct {
	company int32
	cur     string
	day     int64 // days since the epoch
}

// converter turns amounts into the reporting currency. Factors are cached
// per (company, currency, day): a store has few such triples and many
// charges, so the exact arithmetic runs once per triple.
type converter struct {
	reporting string
	companies []*companyRates
	cache     map[factorKey]factor
}

func newConverter(reporting string, companies []*companyRates) *converter {
	return &converter{reporting: reporting, companies: companies, cache: map[factorKey]factor{}}
}

// fork is a converter sharing the rate tables with its own cache, for one
// goroutine.
func (c *converter) fork() *converter { return newConverter(c.reporting, c.companies) }

// convert returns amount (in cur, booked by company ci on day) in the
// reporting currency, rounded half away from zero to money's 4 decimals.
func (c *converter) convert(ci int, cur string, day time.Time, amount money.Amount) (money.Amount, bool) {
	cr := c.companies[ci]
	if cur == "" {
		cur = cr.local
	}
	if cur == c.reporting {
		return amount, true
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
	if f.small {
		if v, ok := mulDivRound(int64(amount), f.num, f.den); ok {
			return money.Amount(v), true
		}
	}
	return bigMulRound(int64(amount), f.rat)
}

// factor is cur -> local -> reporting: (cur in local) / (reporting in local).
func (c *converter) factor(cr *companyRates, cur string, day time.Time) factor {
	from, ok := cr.toLocal(cur, day, 0)
	if !ok {
		return factor{}
	}
	to, ok := cr.toLocal(c.reporting, day, 0)
	if !ok || to.Sign() == 0 {
		return factor{}
	}
	r := new(big.Rat).Quo(from, to)
	f := factor{ok: true, rat: r}
	if r.Num().IsInt64() && r.Denom().IsInt64() {
		f.small, f.num, f.den = true, r.Num().Int64(), r.Denom().Int64()
	}
	return f
}

// Convert is the exact conversion on its own: amount × num / den rounded
// half away from zero. Tests and callers with their own rates use it.
func Convert(amount money.Amount, num, den int64) (money.Amount, bool) {
	if den == 0 {
		return 0, false
	}
	if v, ok := mulDivRound(int64(amount), num, den); ok {
		return money.Amount(v), true
	}
	return bigMulRound(int64(amount), new(big.Rat).SetFrac64(num, den))
}

func bigMulRound(a int64, r *big.Rat) (money.Amount, bool) {
	n := new(big.Int).Mul(big.NewInt(a), r.Num())
	d := r.Denom() // always positive
	q, m := new(big.Int).QuoRem(n, d, new(big.Int))
	// Half away from zero: |remainder|*2 >= den moves one unit outwards.
	if m.Sign() != 0 && new(big.Int).Lsh(new(big.Int).Abs(m), 1).Cmp(d) >= 0 {
		if n.Sign() < 0 {
			q.Sub(q, big.NewInt(1))
		} else {
			q.Add(q, big.NewInt(1))
		}
	}
	if !q.IsInt64() {
		return 0, false
	}
	return money.Amount(q.Int64()), true
}
