package untrusted

import (
	"testing"
	"unicode/utf8"
)

func TestText(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Zoom Video Communications Inc.", "Zoom Video Communications Inc."},
		{"", ""},
		{"Café Müller GmbH", "Café Müller GmbH"},
		{"Evil\x1b[31mCorp\x1b[0m", "EvilCorp"},
		{"title\x1b]0;pwned\x07 end", "title end"},
		{"osc8 \x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\", "osc8 link"},
		{"\x1b]0;title\x1b\\after", "after"},
		{"clear\x1b[2J\x1b[H", "clear"},
		{"dcs\x1bPq#0;2;0;0;0\x1b\\done", "dcsdone"},
		{"c1 csi \u009b31m red", "c1 csi  red"},
		{"bell\x07 bs\x08 del\x7f nul\x00", "bell bs del nul"},
		{"line\nbreak\ttab\rcr\vvt\fff", "line break tab cr vt ff"},
		{"Acme\r\nInc", "Acme  Inc"},
		{"sep\u2028para\u2029nel\u0085", "sep para nel "},
		{"bidi \u202eevil\u202c \u2066iso\u2069 \u200fmark", "bidi evil iso mark"},
		{"zero\u200bwidth \u200dj\u2060w\ufeffbom", "zerowidth jwbom"},
		{"Micro\u200bsoft", "Microsoft"},
		{"\ufeffAcme", "Acme"},
		{"keep \u200c zwnj", "keep \u200c zwnj"},
		{"bad utf8 \xff end", "bad utf8 \uFFFD end"},
		{"lone esc at end\x1b", "lone esc at end"},
		{"\x1b", ""},
		{"esc charset \x1b(B ok", "esc charset  ok"},
		{"unterminated \x1b]0;title", "unterminated "},
		{"日本語 ✓ 😀", "日本語 ✓ 😀"},
		{"=HYPERLINK(\"x\")", "=HYPERLINK(\"x\")"}, // formulas are the CSV writer's business
	}
	for _, c := range cases {
		if got := Text(c.in); got != c.want {
			t.Errorf("Text(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestLinesKeepsBreaks(t *testing.T) {
	if got := Lines("a\x1b[1m\r\nb\x07\nc\td"); got != "a\nb\nc d" {
		t.Fatalf("%q", got)
	}
}

// inert is the property: valid UTF-8 without controls, escapes, line
// breaks or bidi controls.
func inert(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if isDropped(r) || isSpaceControl(r) && r != ' ' {
			return false
		}
	}
	return true
}

func FuzzText(f *testing.F) {
	for _, s := range []string{"Zoom", "\x1b[31mred", "\x1b]0;t\x07", "\u009b1m", "\xff", "a\nb", "\x1b", "\x1bP\x1b\\", "\u202e", "\xc2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Text(s)
		if !inert(got) {
			t.Fatalf("Text(%q) = %q is not inert", s, got)
		}
		if Text(got) != got {
			t.Fatalf("not idempotent: %q -> %q -> %q", s, got, Text(got))
		}
		if plain(s) && got != s {
			t.Fatalf("changed plain text %q", s)
		}
	})
}
