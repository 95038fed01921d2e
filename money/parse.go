package money

import (
	"errors"
	"math"
)

// The one decimal reader behind Amount and Decimal. It works on bytes and
// never allocates: it runs for every amount of every line a sync decodes.

// ErrSyntax is returned for text that is not a decimal number.
var ErrSyntax = errors.New("not a decimal number")

// ErrPrecision is returned for a value with more decimal places than the
// type keeps (Amount: 4, Decimal: 18).
var ErrPrecision = errors.New("too many decimal places")

// ErrRange is returned for a value that does not fit.
var ErrRange = errors.New("out of range")

// parts is ±coef × 10^exp with coef's trailing zeros moved into exp, so
// coef is as small as the value allows ("1.50" is 15e-1, "100" is 1e2).
type parts struct {
	neg  bool
	coef uint64
	exp  int
}

// maxExp bounds the exponent a number may carry: beyond it nothing fits
// anyway, and the bound keeps the arithmetic below from overflowing.
const maxExp = 1000

// scan reads a JSON number (sign, digits, optional fraction, optional
// exponent: "-12.5", "1.08401234E2"); a leading '+', ".5" and "3." are
// accepted too. Significant digits beyond what a uint64 holds are ErrRange.
func scan(b []byte) (p parts, err error) {
	i := 0
	if i < len(b) && (b[i] == '-' || b[i] == '+') {
		p.neg = b[i] == '-'
		i++
	}
	zeros := 0 // zeros read but not yet multiplied into coef
	digits := 0
	add := func(d byte) bool {
		digits++
		if d == '0' {
			zeros++
			return true
		}
		if p.coef != 0 {
			for ; zeros >= 0; zeros-- {
				if p.coef > math.MaxUint64/10 {
					return false
				}
				p.coef *= 10
			}
		}
		zeros = 0
		if p.coef > math.MaxUint64-uint64(d-'0') {
			return false
		}
		p.coef += uint64(d - '0')
		return true
	}
	for ; i < len(b) && b[i] >= '0' && b[i] <= '9'; i++ {
		if !add(b[i]) {
			return p, ErrRange
		}
	}
	if i < len(b) && b[i] == '.' {
		for i++; i < len(b) && b[i] >= '0' && b[i] <= '9'; i++ {
			if !add(b[i]) {
				return p, ErrRange
			}
			p.exp--
		}
	}
	if digits == 0 {
		return p, ErrSyntax
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		eneg := false
		if i < len(b) && (b[i] == '-' || b[i] == '+') {
			eneg = b[i] == '-'
			i++
		}
		start, e := i, 0
		for ; i < len(b) && b[i] >= '0' && b[i] <= '9'; i++ {
			if e < maxExp*10 {
				e = e*10 + int(b[i]-'0')
			}
		}
		if i == start {
			return p, ErrSyntax
		}
		if eneg {
			e = -e
		}
		p.exp += e
	}
	if i != len(b) {
		return p, ErrSyntax
	}
	if p.coef == 0 {
		return parts{}, nil
	}
	p.exp += zeros
	if p.exp > maxExp || p.exp < -maxExp {
		if p.exp > 0 {
			return p, ErrRange
		}
		return p, ErrPrecision
	}
	return p, nil
}

// scaled is ±coef × 10^(exp+places) as an int64, or the reason it is not
// an integer that fits.
func (p parts) scaled(places int) (int64, error) {
	e := p.exp + places
	if e < 0 {
		return 0, ErrPrecision
	}
	v := p.coef
	for ; e > 0; e-- {
		if v > math.MaxInt64/10 {
			return 0, ErrRange
		}
		v *= 10
	}
	if v > math.MaxInt64 {
		return 0, ErrRange
	}
	if p.neg {
		return -int64(v), nil
	}
	return int64(v), nil
}

// trimSpace drops ASCII blanks around b without allocating.
func trimSpace(b []byte) []byte {
	for len(b) > 0 && (b[0] == ' ' || b[0] == '\t' || b[0] == '\n' || b[0] == '\r') {
		b = b[1:]
	}
	for len(b) > 0 && (b[len(b)-1] == ' ' || b[len(b)-1] == '\t' || b[len(b)-1] == '\n' || b[len(b)-1] == '\r') {
		b = b[:len(b)-1]
	}
	return b
}

// jsonLiteral is a JSON number's text, also when BC (or a proxy) quoted it
// (IEEE754Compatible=true sends decimals as strings); null reads as empty.
func jsonLiteral(b []byte) []byte {
	if len(b) >= 2 && b[0] == '"' && b[len(b)-1] == '"' {
		b = b[1 : len(b)-1]
	}
	if string(b) == "null" {
		return nil
	}
	return b
}
