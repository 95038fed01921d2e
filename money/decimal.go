package money

import (
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"reflect"
	"strconv"
)

// Decimal is an exact decimal for the numbers BC sends that are not amounts
// of money: exchange-rate amounts (up to 6 places), quantities and unit
// costs (up to 5), each kept with exactly the digits BC sent.
//
// Why a second type rather than more places in Amount: amounts are summed,
// converted and compared hundreds of thousands of times per screen, as
// plain int64s with 4 places (every currency's minor unit fits: ISO 4217
// has none finer than 4); 6 places would cut the range to 9.2e12 units,
// which an IDR or VND company's yearly spend can exceed. Rates are only
// read to build conversion factors (once per company, currency and day),
// quantities and unit costs are only stored and shown, so they can afford a
// representation whose scale travels with the value.
//
// The value is coef × 10^-scale, kept canonical (no trailing zero in coef
// when scale > 0), so == compares values. The zero value is 0.
type Decimal struct {
	coef  int64
	scale uint8
}

// MaxDecimalScale is the most decimal places a Decimal keeps (an int64
// coefficient has 18 full digits).
const MaxDecimalScale = 18

// NewDecimal is coef × 10^-scale; scale must be 0..MaxDecimalScale.
func NewDecimal(coef int64, scale int) Decimal {
	if scale < 0 || scale > MaxDecimalScale {
		panic("money: decimal scale out of range")
	}
	d := Decimal{coef: coef, scale: uint8(scale)}
	for d.scale > 0 && d.coef%10 == 0 {
		d.coef /= 10
		d.scale--
	}
	return d
}

// ParseDecimal reads a decimal number exactly, plain or in exponent form.
func ParseDecimal(s string) (Decimal, error) {
	d, err := parseDecimal(trimSpace([]byte(s)))
	if err != nil {
		return Decimal{}, fmt.Errorf("money: %q: %w", s, err)
	}
	return d, nil
}

// MustParseDecimal is ParseDecimal for constants in tests and generated data.
func MustParseDecimal(s string) Decimal {
	d, err := ParseDecimal(s)
	if err != nil {
		panic(err)
	}
	return d
}

func parseDecimal(b []byte) (Decimal, error) {
	p, err := scan(b)
	if err != nil {
		return Decimal{}, err
	}
	if p.exp >= 0 {
		v, err := p.scaled(0)
		return Decimal{coef: v}, err
	}
	if -p.exp > MaxDecimalScale {
		return Decimal{}, ErrPrecision
	}
	if p.coef > math.MaxInt64 {
		return Decimal{}, ErrRange
	}
	v := int64(p.coef)
	if p.neg {
		v = -v
	}
	return Decimal{coef: v, scale: uint8(-p.exp)}, nil
}

// Coef and Scale are the parts of the value coef × 10^-scale, for codecs.
func (d Decimal) Coef() int64 { return d.coef }

// Scale is the number of decimal places the value has.
func (d Decimal) Scale() int { return int(d.scale) }

// Sign is -1, 0 or +1.
func (d Decimal) Sign() int {
	switch {
	case d.coef < 0:
		return -1
	case d.coef > 0:
		return 1
	}
	return 0
}

// IsZero reports whether the value is 0.
func (d Decimal) IsZero() bool { return d.coef == 0 }

// Rat is the exact value as a fraction.
func (d Decimal) Rat() *big.Rat {
	den := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(d.scale)), nil)
	return new(big.Rat).SetFrac(big.NewInt(d.coef), den)
}

// DecimalOf is an Amount's exact value as a Decimal.
func DecimalOf(a Amount) Decimal { return NewDecimal(int64(a), Scale) }

// String renders every digit and no more: "100", "108.401234", "-0.5".
func (d Decimal) String() string {
	s := strconv.FormatInt(d.coef, 10)
	if d.scale == 0 {
		return s
	}
	neg := d.coef < 0
	if neg {
		s = s[1:]
	}
	for len(s) <= int(d.scale) {
		s = "0" + s
	}
	s = s[:len(s)-int(d.scale)] + "." + s[len(s)-int(d.scale):]
	if neg {
		s = "-" + s
	}
	return s
}

// UnmarshalJSON reads a JSON number (or a quoted one) exactly; like
// Amount's, a value it cannot hold is a *json.UnmarshalTypeError.
func (d *Decimal) UnmarshalJSON(b []byte) error {
	lit := jsonLiteral(b)
	if len(lit) == 0 {
		*d = Decimal{}
		return nil
	}
	v, err := parseDecimal(lit)
	if err != nil {
		return typeError(b, err, decimalType, MaxDecimalScale)
	}
	*d = v
	return nil
}

// MarshalJSON writes the value as a JSON number.
func (d Decimal) MarshalJSON() ([]byte, error) { return []byte(d.String()), nil }

var (
	amountType  = reflect.TypeFor[Amount]()
	decimalType = reflect.TypeFor[Decimal]()
)

// typeError says what was wrong with the literal in the form encoding/json
// adds the field path to.
func typeError(lit []byte, err error, t reflect.Type, places int) error {
	s := string(lit)
	if len(s) > 40 {
		s = s[:40] + "..."
	}
	why := err.Error()
	if err == ErrPrecision {
		why = "more than " + strconv.Itoa(places) + " decimal places"
	}
	return &json.UnmarshalTypeError{Value: "number " + s + " (" + why + ")", Type: t}
}
