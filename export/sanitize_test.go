package export

import (
	"testing"
	"unicode/utf8"
)

func TestSanitize(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Slack Technologies Ltd", "Slack Technologies Ltd"},
		{"", ""},
		{"=HYPERLINK(\"http://evil\",\"x\")", "'=HYPERLINK(\"http://evil\",\"x\")"},
		{"+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"},
		{"-2+3", "'-2+3"},
		{"-12.50", "'-12.50"}, // a text column: even a number-looking vendor name stays text
		{"@SUM(A1:A2)", "'@SUM(A1:A2)"},
		{"\t=1+1", "' =1+1"},
		{"\r=1+1", "' =1+1"},
		{"  =1+1", "'  =1+1"},
		{"＝1+1", "'＝1+1"},
		{"Acme\nInc", "Acme Inc"},
		{"Acme\r\nInc", "Acme  Inc"},
		{"\x1b[31mRed Vendor\x1b[0m", "Red Vendor"},
		{"\x1b]8;;http://evil\x07link\x1b]8;;\x07", "link"},
		{"\x1b]0;title\x1b\\after", "after"},
		{"bell\x07 and nul\x00", "bell and nul"},
		{"\u009b31mC1 CSI", "C1 CSI"},
		{"right\u202eto left", "rightto left"},
		{"Café Zürich GmbH", "Café Zürich GmbH"},
		{"bad\xffutf8", "bad\uFFFDutf8"},
		{"\x1b", ""},
		{"a=b", "a=b"},
	}
	for _, c := range cases {
		if got := Sanitize(c.in); got != c.want {
			t.Errorf("Sanitize(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestSanitizeNumber(t *testing.T) {
	for in, want := range map[string]string{
		"-12.50": "-12.50", "0.00": "0.00", "1234": "1234", "-0.5": "-0.5",
		"-1+2": "'-1+2", "1e5": "1e5", "=1": "'=1", "": "", "-": "'-", "--1": "'--1",
	} {
		if got := SanitizeNumber(in); got != want {
			t.Errorf("SanitizeNumber(%q) = %q, want %q", in, got, want)
		}
	}
}

// safe is the property every sanitized cell has.
func safe(t *testing.T, in, s string) {
	t.Helper()
	if !utf8.ValidString(s) {
		t.Fatalf("Sanitize(%q) = %q: invalid UTF-8", in, s)
	}
	for _, r := range s {
		if r < 0x20 || r >= 0x7f && r <= 0x9f || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 || r == 0x2028 || r == 0x2029 {
			t.Fatalf("Sanitize(%q) = %q: control character %U left", in, s, r)
		}
	}
	if formulaStart(s) {
		t.Fatalf("Sanitize(%q) = %q: a spreadsheet would evaluate it", in, s)
	}
	if again := Sanitize(s); again != s {
		t.Fatalf("Sanitize not idempotent: %q -> %q -> %q", in, s, again)
	}
}

func FuzzSanitize(f *testing.F) {
	for _, s := range []string{"=1+1", "\x1b[31mx", "\t@a", "－1", "\u009b1m", "a\x1b]0;t\x07b", "\xc2", "plain"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		s := Sanitize(in)
		safe(t, in, s)
		if clean(in) && s != in {
			t.Fatalf("clean input %q changed to %q", in, s)
		}
		if n := SanitizeNumber(in); n != s && !IsNumber(in) {
			t.Fatalf("SanitizeNumber(%q) = %q differs from Sanitize for a non-number", in, n)
		}
	})
}
