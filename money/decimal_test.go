package money

import (
	"encoding/json"
	"errors"
	"math/big"
	"testing"
)

func TestParseDecimal(t *testing.T) {
	cases := []struct {
		in, want string
		err      error
	}{
		{"108.401234", "108.401234", nil},   // a BC exchange rate, 6 places
		{"1.08401234E2", "108.401234", nil}, // the same in exponent form
		{"0.33333", "0.33333", nil},         // a quantity, 5 places
		{"12.345670", "12.34567", nil},      // trailing zeros are not digits
		{"100", "100", nil},
		{"100.000000", "100", nil},
		{"-0.00001", "-0.00001", nil},
		{"1e-18", "0.000000000000000001", nil},
		{"1e-19", "", ErrPrecision},
		{"5E+3", "5000", nil},
		{"0", "0", nil},
		{"-0.0", "0", nil},
		{"9223372036854775807", "9223372036854775807", nil},
		{"9223372036854775808", "", ErrRange},
		{"1e19", "", ErrRange},
		{"1,5", "", ErrSyntax},
		{"NaN", "", ErrSyntax},
	}
	for _, c := range cases {
		d, err := ParseDecimal(c.in)
		if !errors.Is(err, c.err) || (c.err == nil && d.String() != c.want) {
			t.Errorf("ParseDecimal(%q) = %s, %v; want %s, %v", c.in, d, err, c.want, c.err)
		}
	}
}

func TestDecimalCanonicalAndExact(t *testing.T) {
	if MustParseDecimal("1.50") != NewDecimal(15, 1) || NewDecimal(1500, 3) != NewDecimal(15, 1) {
		t.Fatal("equal values must compare equal")
	}
	if r := MustParseDecimal("108.401234").Rat(); r.Cmp(big.NewRat(108401234, 1000000)) != 0 {
		t.Fatalf("Rat = %s", r)
	}
	if DecimalOf(MustParse("-12.5")) != MustParseDecimal("-12.5") {
		t.Fatal("DecimalOf")
	}
	var v struct{ R Decimal }
	if err := json.Unmarshal([]byte(`{"R":1.08401234E2}`), &v); err != nil || v.R.String() != "108.401234" {
		t.Fatalf("%v %v", v.R, err)
	}
	if err := json.Unmarshal([]byte(`{"R":"0.5"}`), &v); err != nil || v.R != NewDecimal(5, 1) {
		t.Fatalf("quoted: %v %v", v.R, err)
	}
	b, _ := json.Marshal(struct{ R Decimal }{MustParseDecimal("0.000001")})
	if string(b) != `{"R":0.000001}` {
		t.Fatalf("marshal %s", b)
	}
}

func FuzzParseDecimal(f *testing.F) {
	for _, s := range []string{"108.401234", "1.08401234E2", "-0.00001", "1e-18", "00.10", "7E+2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDecimal(s)
		if err != nil {
			return
		}
		e, err := ParseDecimal(d.String())
		if err != nil || e != d {
			t.Fatalf("round trip %q -> %s -> %s (%v)", s, d, e, err)
		}
		if d.Scale() > 0 && d.Coef()%10 == 0 {
			t.Fatalf("%q not canonical: %d e-%d", s, d.Coef(), d.Scale())
		}
	})
}
