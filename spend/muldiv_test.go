package spend

import (
	"math"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/bcspend/bcspend/money"
)

// bigRound is the reference: a*num/den rounded half away from zero.
func bigRound(a, num, den int64) *big.Int {
	r := new(big.Rat).SetFrac(new(big.Int).Mul(big.NewInt(a), big.NewInt(num)), big.NewInt(den))
	n, d := r.Num(), r.Denom()
	q, m := new(big.Int).QuoRem(n, d, new(big.Int))
	if new(big.Int).Lsh(new(big.Int).Abs(m), 1).Cmp(d) >= 0 {
		if n.Sign() < 0 {
			q.Sub(q, big.NewInt(1))
		} else {
			q.Add(q, big.NewInt(1))
		}
	}
	return q
}

func TestMulDivRoundMatchesBig(t *testing.T) {
	cases := [][3]int64{
		{5, 1, 2}, {-5, 1, 2}, {15, 1, 10}, {-15, 1, 10}, {14, 1, 10}, {1, 1, 3}, {2, 1, 3}, {-2, 1, 3},
		{math.MaxInt64, 1, 1}, {math.MinInt64 + 1, 1, 1}, {math.MaxInt64, 3, 7}, {10000000, 925, 1000},
		{123456789, 11713, 10000}, {7, -3, 2}, {7, 3, -2},
	}
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 20000; i++ {
		cases = append(cases, [3]int64{r.Int64N(1<<50) - 1<<49, r.Int64N(1<<30) + 1, r.Int64N(1<<30) + 1})
	}
	for _, c := range cases {
		want := bigRound(c[0], c[1], c[2])
		got, ok := Convert(money.Amount(c[0]), c[1], c[2])
		if !want.IsInt64() {
			if ok {
				t.Errorf("%v: got %d, want overflow", c, got)
			}
			continue
		}
		if !ok || int64(got) != want.Int64() {
			t.Errorf("%d*%d/%d = %d (ok %v), want %s", c[0], c[1], c[2], got, ok, want)
		}
	}
}

func FuzzConvert(f *testing.F) {
	f.Add(int64(12345), int64(925), int64(1000))
	f.Fuzz(func(t *testing.T, a, num, den int64) {
		if den == 0 {
			return
		}
		want := bigRound(a, num, den)
		got, ok := Convert(money.Amount(a), num, den)
		if want.IsInt64() != ok || ok && int64(got) != want.Int64() {
			t.Fatalf("%d*%d/%d = %d (ok %v), want %s", a, num, den, got, ok, want)
		}
	})
}
