// Package money holds exact decimal amounts. Spend is summed over hundreds of
// thousands of lines; float64 drifts, so amounts are fixed-point integers.
package money

import (
	"fmt"
	"strings"
)

// Scale is the number of decimal places an Amount keeps. BC rounds amounts to
// the currency's amount precision (two or three places); four leaves room.
const Scale = 4

const unit = 10000 // 10^Scale

// Amount is a decimal amount in units of 10^-Scale. The zero value is 0.
type Amount int64

// Parse reads a decimal number exactly: plain ("-12.5") or in exponent form
// ("1.08401234E2"), never through float64. More than Scale significant
// decimal places is ErrPrecision, a value beyond int64 units ErrRange.
func Parse(s string) (Amount, error) {
	a, err := parseAmount(trimSpace([]byte(s)))
	if err != nil {
		return 0, fmt.Errorf("money: %q: %w", s, err)
	}
	return a, nil
}

func parseAmount(b []byte) (Amount, error) {
	p, err := scan(b)
	if err != nil {
		return 0, err
	}
	v, err := p.scaled(Scale)
	return Amount(v), err
}

// MustParse is Parse for constants in tests and generated data.
func MustParse(s string) Amount {
	a, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return a
}

// FromCents builds an amount from an integer number of hundredths.
func FromCents(c int64) Amount { return Amount(c * (unit / 100)) }

// String renders the amount with every significant decimal, at least two
// ("12.50", "-0.125").
func (a Amount) String() string {
	s := a.fixed(Scale)
	for strings.HasSuffix(s, "0") && len(s)-strings.IndexByte(s, '.') > 3 {
		s = s[:len(s)-1]
	}
	return s
}

// Fixed2 renders the amount rounded half away from zero to two decimals, the
// form used in CSV and tables.
func (a Amount) Fixed2() string { return a.fixed(2) }

func (a Amount) fixed(places int) string {
	v := int64(a)
	neg := v < 0
	if neg {
		v = -v
	}
	div := int64(1)
	for i := places; i < Scale; i++ {
		div *= 10
	}
	v = (v + div/2) / div
	p := int64(1)
	for i := 0; i < places; i++ {
		p *= 10
	}
	s := fmt.Sprintf("%d.%0*d", v/p, places, v%p)
	if neg && v != 0 {
		s = "-" + s
	}
	return s
}

// Float is for display scaling only (sparklines, percentages), never sums.
func (a Amount) Float() float64 { return float64(a) / unit }

// UnmarshalJSON reads a JSON number (or a quoted one) without going through
// float64, so 0.1 + 0.2 stays 0.3. A value Amount cannot hold exactly is a
// *json.UnmarshalTypeError, which encoding/json completes with the path of
// the field, so the caller can say which field of which entity it was.
func (a *Amount) UnmarshalJSON(b []byte) error {
	lit := jsonLiteral(b)
	if len(lit) == 0 {
		*a = 0
		return nil
	}
	v, err := parseAmount(lit)
	if err != nil {
		return typeError(b, err, amountType, Scale)
	}
	*a = v
	return nil
}

// MarshalJSON writes the amount as a JSON number.
func (a Amount) MarshalJSON() ([]byte, error) { return []byte(a.String()), nil }
