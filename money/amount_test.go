package money

import (
	"encoding/json"
	"errors"
	"testing"
)

func TestParse(t *testing.T) {
	cases := []struct {
		in   string
		want Amount
		err  error
	}{
		{"0", 0, nil},
		{"12.5", 125000, nil},
		{"-0.0001", -1, nil},
		{"1234567.89", 12345678900, nil},
		{".5", 5000, nil},
		{"3.", 30000, nil},
		{"0.10000", 1000, nil},
		{"1.00001", 0, ErrPrecision},
		{"1e3", 0, ErrSyntax},
		{"", 0, ErrSyntax},
		{"-", 0, ErrSyntax},
		{"12,50", 0, ErrSyntax},
		{"99999999999999999999", 0, ErrRange},
	}
	for _, c := range cases {
		got, err := Parse(c.in)
		if !errors.Is(err, c.err) || got != c.want {
			t.Errorf("Parse(%q) = %d, %v; want %d, %v", c.in, got, err, c.want, c.err)
		}
	}
}

func TestFormatting(t *testing.T) {
	cases := []struct {
		a           Amount
		str, fixed2 string
	}{
		{MustParse("12.5"), "12.50", "12.50"},
		{MustParse("-0.125"), "-0.125", "-0.13"},
		{MustParse("0.004"), "0.004", "0.00"},
		{MustParse("-0.004"), "-0.004", "0.00"},
		{MustParse("1000"), "1000.00", "1000.00"},
		{FromCents(-1999), "-19.99", "-19.99"},
	}
	for _, c := range cases {
		if c.a.String() != c.str || c.a.Fixed2() != c.fixed2 {
			t.Errorf("%d: String %q Fixed2 %q; want %q %q", c.a, c.a.String(), c.a.Fixed2(), c.str, c.fixed2)
		}
	}
}

func TestJSONExact(t *testing.T) {
	var v struct{ A, B Amount }
	if err := json.Unmarshal([]byte(`{"A":0.1,"B":0.2}`), &v); err != nil {
		t.Fatal(err)
	}
	if v.A+v.B != MustParse("0.3") {
		t.Fatalf("0.1+0.2 = %s", v.A+v.B)
	}
	b, _ := json.Marshal(v)
	if string(b) != `{"A":0.10,"B":0.20}` {
		t.Fatalf("marshal: %s", b)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"0", "-1.25", "1e5", ".", "9999.9999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, err := Parse(s)
		if err != nil {
			return
		}
		b, err := Parse(a.String())
		if err != nil || a != b {
			t.Fatalf("round trip %q -> %s -> %d (%v)", s, a, b, err)
		}
	})
}
