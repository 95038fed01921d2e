package spend

import (
	"math"
	"math/bits"

	"github.com/bcspend/bcspend/money"
)

// mulDivRound computes a*num/den rounded half away from zero in 128-bit
// integer arithmetic, without allocating. ok is false when an intermediate
// or the result does not fit; the caller then falls back to math/big.
func mulDivRound(a, num, den int64) (int64, bool) {
	if den == 0 {
		return 0, false
	}
	neg := (a < 0) != (num < 0) != (den < 0)
	ua, un, ud := abs64(a), abs64(num), abs64(den)
	hi, lo := bits.Mul64(ua, un)
	if hi >= ud {
		return 0, false // the quotient would not fit in 64 bits
	}
	q, r := bits.Div64(hi, lo, ud)
	if r >= ud-r { // 2r >= den, written so it cannot overflow
		q++
	}
	if q > math.MaxInt64 {
		return 0, false
	}
	v := int64(q)
	if neg {
		v = -v
	}
	return v, true
}

func abs64(v int64) uint64 {
	if v < 0 {
		return uint64(-v) // MinInt64 wraps to 1<<63, which is its magnitude
	}
	return uint64(v)
}

// divRound is a/n rounded half away from zero to the cent (money keeps
// four places; converted amounts and averages are shown and exported with
// two).
func divRound(a money.Amount, n int64) money.Amount {
	v, _ := mulDivRound(int64(a), 1, n*100) // n*100 ≥ 1: never overflows
	return money.Amount(v * 100)
}
