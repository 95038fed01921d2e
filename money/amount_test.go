package money

import (
	"encoding/json"
	"errors"
	"strings"
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
		{"1e3", 10000000, nil},
		{"1.08401234E2", 0, ErrPrecision},
		{"1.084E2", 1084000, nil},
		{"12500E-3", 125000, nil},
		{"-2.5e-4", -3, ErrPrecision},
		{"0e999999999", 0, nil},
		{"1e999999999", 0, ErrRange},
		{"1e-999999999", 0, ErrPrecision},
		{"1.000000000000000000000000", 10000, nil},
		{"", 0, ErrSyntax},
		{"-", 0, ErrSyntax},
		{".", 0, ErrSyntax},
		{"1e", 0, ErrSyntax},
		{"1e+", 0, ErrSyntax},
		{"12,50", 0, ErrSyntax},
		{"0x10", 0, ErrSyntax},
		{"99999999999999999999", 0, ErrRange},
		{"922337203685477.5807", 9223372036854775807, nil},
		{"922337203685477.5808", 0, ErrRange},
	}
	for _, c := range cases {
		got, err := Parse(c.in)
		if !errors.Is(err, c.err) || (c.err == nil && got != c.want) {
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

// A value that does not fit is reported with the JSON path of its field,
// which is what lets bc name the entity's field in a data error.
func TestJSONErrorNamesTheField(t *testing.T) {
	var v struct {
		Lines []struct {
			Net Amount  `json:"netAmount"`
			Qty Decimal `json:"quantity"`
		} `json:"lines"`
	}
	err := json.Unmarshal([]byte(`{"lines":[{"netAmount":1.00001}]}`), &v)
	var te *json.UnmarshalTypeError
	if !errors.As(err, &te) || te.Field != "lines.netAmount" || !strings.Contains(te.Value, "1.00001") ||
		!strings.Contains(te.Value, "more than 4 decimal places") {
		t.Fatalf("error %v (%#v)", err, te)
	}
	err = json.Unmarshal([]byte(`{"lines":[{"quantity":"abc"}]}`), &v)
	if !errors.As(err, &te) || te.Field != "lines.quantity" {
		t.Fatalf("error %v", err)
	}
}

func BenchmarkUnmarshalAmount(b *testing.B) {
	lits := [][]byte{[]byte("1234.56"), []byte("0"), []byte("-19.99"), []byte("100.00")}
	var a Amount
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if err := a.UnmarshalJSON(lits[i%len(lits)]); err != nil {
			b.Fatal(err)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"0", "-1.25", "1e5", ".", "9999.9999", "1.5E-3", "-0e7", "00012.3400"} {
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
		// Every Amount is a Decimal with the same value.
		d, err := ParseDecimal(s)
		if err != nil || d != DecimalOf(a) {
			t.Fatalf("%q: Decimal %v (%v), Amount %s", s, d, err, a)
		}
	})
}
