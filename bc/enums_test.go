package bc

import "testing"

func TestEnumEscapes(t *testing.T) {
	cases := []struct{ wire, name string }{
		{"In_x0020_Review", "In Review"},
		{"Fixed_x0020_Asset", "Fixed Asset"},
		{"Allocation_x0020_Account", "Allocation Account"},
		{"_x0020_", " "},
		{"G_x002F_L_x0020_Account", "G/L Account"},
		{"Paid", "Paid"},
		{"All", "All"},
	}
	for _, c := range cases {
		if got := DecodeEnum(c.wire); got != c.name {
			t.Errorf("DecodeEnum(%q) = %q, want %q", c.wire, got, c.name)
		}
		if got := EncodeEnum(c.name); got != c.wire {
			t.Errorf("EncodeEnum(%q) = %q, want %q", c.name, got, c.wire)
		}
	}
	for _, s := range []string{"_x", "_x00", "_xZZZZ_", "a_x0020", "Canceled_"} {
		if got := DecodeEnum(s); got != s {
			t.Errorf("DecodeEnum(%q) = %q: not an escape, must stay", s, got)
		}
	}
	if got := (InvoiceQuery{}).Filter(); got != "status eq 'Paid'" {
		t.Errorf("filter %q", got)
	}
}

func FuzzEnumRoundTrip(f *testing.F) {
	for _, s := range []string{"In Review", " ", "G/L Account", "_x0020_", "a_xb", "Ünïcødé ✓"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, r := range s {
			if r > 0xFFFF || r == 0xFFFD {
				return // outside what BC's UTF-16 escapes carry
			}
		}
		if got := DecodeEnum(EncodeEnum(s)); got != s {
			t.Fatalf("%q -> %q -> %q", s, EncodeEnum(s), got)
		}
	})
}
