// Package money holds exact decimal amounts. Spend is summed over hundreds of
// thousands of lines; float64 drifts, so amounts are fixed-point integers.
package money

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Scale is the number of decimal places an Amount keeps. BC rounds amounts to
// the currency's amount precision (two or three places); four leaves room.
const Scale = 4

const unit = 10000 // 10^Scale

// Amount is a decimal amount in units of 10^-Scale. The zero value is 0.
type Amount int64

// ErrSyntax is returned for text that is not a plain decimal number.
var ErrSyntax = errors.New("not a decimal number")

// ErrPrecision is returned for amounts with more than Scale decimal places.
var ErrPrecision = errors.New("more than 4 decimal places")

// ErrRange is returned for amounts that do not fit.
var ErrRange = errors.New("amount out of range")

// Parse reads a JSON-style decimal number ("-12.5", "1e3" is refused) exactly.
func Parse(s string) (Amount, error) {
	s = strings.TrimSpace(s)
	neg := false
	if strings.HasPrefix(s, "-") {
		neg, s = true, s[1:]
	} else if strings.HasPrefix(s, "+") {
		s = s[1:]
	}
	intPart, frac, _ := strings.Cut(s, ".")
	if intPart == "" && frac == "" || !digits(intPart) || !digits(frac) {
		return 0, fmt.Errorf("money: %q: %w", s, ErrSyntax)
	}
	frac = strings.TrimRight(frac, "0")
	if len(frac) > Scale {
		return 0, fmt.Errorf("money: %q: %w", s, ErrPrecision)
	}
	frac += strings.Repeat("0", Scale-len(frac))
	if intPart == "" {
		intPart = "0"
	}
	i, err := strconv.ParseInt(intPart, 10, 64)
	if err != nil || i > math.MaxInt64/unit-1 {
		return 0, fmt.Errorf("money: %q: %w", s, ErrRange)
	}
	f, _ := strconv.ParseInt(frac, 10, 64)
	v := Amount(i*unit + f)
	if neg {
		v = -v
	}
	return v, nil
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
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
// float64, so 0.1 + 0.2 stays 0.3.
func (a *Amount) UnmarshalJSON(b []byte) error {
	s := strings.Trim(string(b), `"`)
	if s == "null" || s == "" {
		*a = 0
		return nil
	}
	v, err := Parse(s)
	if err != nil {
		return err
	}
	*a = v
	return nil
}

// MarshalJSON writes the amount as a JSON number.
func (a Amount) MarshalJSON() ([]byte, error) { return []byte(a.String()), nil }
