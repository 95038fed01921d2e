package money

import (
	"math"
	"testing"
)

func TestGrouped(t *testing.T) {
	for _, c := range []struct {
		a    Amount
		want string
	}{
		{MustParse("0"), "0.00"}, {MustParse("999.995"), "1,000.00"}, {MustParse("-1234567.891"), "-1,234,567.89"},
		{MustParse("100000"), "100,000.00"}, {MustParse("-0.004"), "0.00"}, {MustParse("12.5"), "12.50"},
	} {
		if got := c.a.Grouped(); got != c.want {
			t.Errorf("%s: %q, want %q", c.a, got, c.want)
		}
	}
	for n, want := range map[int64]string{0: "0", 999: "999", 1000: "1,000", -1234567: "-1,234,567", math.MinInt64: "-9,223,372,036,854,775,808"} {
		if got := GroupInt(n); got != want {
			t.Errorf("%d: %q, want %q", n, got, want)
		}
	}
}

func TestPlural(t *testing.T) {
	cases := []struct {
		n    int
		want string
	}{
		{0, "0 companies"}, {1, "1 company"}, {2, "2 companies"}, {1000, "1,000 companies"}, {1234567, "1,234,567 companies"},
	}
	for _, c := range cases {
		if got := Plural(c.n, "company", "companies"); got != c.want {
			t.Errorf("Plural(%d) = %q; want %q", c.n, got, c.want)
		}
	}
}
