package ui

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestSanitize(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Zoom Video Communications Inc.", "Zoom Video Communications Inc."},
		{"Café Müller GmbH", "Café Müller GmbH"},
		{"Evil\x1b[31mCorp\x1b[0m", "EvilCorp"},
		{"title\x1b]0;pwned\x07 end", "title end"},
		{"osc8 \x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\", "osc8 link"},
		{"clear\x1b[2J\x1b[H", "clear"},
		{"dcs\x1bPq#0;2;0;0;0\x1b\\done", "dcsdone"},
		{"c1 csi \u009b31m red", "c1 csi  red"},
		{"bell\x07 bs\x08 del\x7f", "bell bs del"},
		{"line\nbreak\ttab\rcr", "line break tab cr"},
		{"bidi \u202eevil\u202c", "bidi evil"},
		{"bad utf8 \xff\xfe end", "bad utf8  end"},
		{"lone esc at end\x1b", "lone esc at end"},
		{"esc charset \x1b(B ok", "esc charset  ok"},
		{"unterminated \x1b]0;title", "unterminated "},
		{"日本語 ✓ 😀", "日本語 ✓ 😀"},
	}
	for _, c := range cases {
		if got := sanitize(c.in); got != c.want {
			t.Errorf("sanitize(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestSanitizeLinesKeepsBreaks(t *testing.T) {
	if got := sanitizeLines("a\x1b[1m\r\nb\x07"); got != "a\nb" {
		t.Fatalf("%q", got)
	}
}

// safeForTerminal is the property: no C0/C1 control, no ESC, valid UTF-8,
// no bidi override.
func safeForTerminal(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if unicode.IsControl(r) || isBidi(r) || r == '\u2028' || r == '\u2029' {
			return false
		}
	}
	return true
}

func FuzzSanitize(f *testing.F) {
	for _, s := range []string{"Zoom", "\x1b[31mred", "\x1b]0;t\x07", "\u009b1m", "\xff", "a\nb", "\x1b", "\x1bP\x1b\\", "\u202e"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := sanitize(s)
		if !safeForTerminal(got) {
			t.Fatalf("sanitize(%q) = %q is not safe", s, got)
		}
		if sanitize(got) != got {
			t.Fatalf("not idempotent: %q -> %q -> %q", s, got, sanitize(got))
		}
		if len(got) > len(s) {
			t.Fatalf("grew: %q -> %q", s, got)
		}
		if isPlain(s) && got != s {
			t.Fatalf("changed plain text %q", s)
		}
		_ = strings.Count(got, "")
	})
}
