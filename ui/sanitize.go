package ui

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// sanitize makes untrusted BC text (vendor names, descriptions) safe to put
// on a terminal: escape sequences (CSI, OSC, DCS, ...) are removed whole,
// other control characters and invalid UTF-8 are dropped, and line breaks
// and tabs become spaces so a row stays one line.
func sanitize(s string) string {
	if isPlain(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			i++
		case r == 0x1b:
			i += escapeLen(s[i:])
		case r == 0x9b: // C1 CSI
			i += size + csiBodyLen(s[i+size:])
		case r == 0x9d || r == 0x90 || r == 0x98 || r == 0x9e || r == 0x9f: // C1 OSC, DCS, SOS, PM, APC
			i += size + stringBodyLen(s[i+size:])
		case r == '\t' || r == '\n' || r == '\r':
			b.WriteByte(' ')
			i += size
		case unicode.IsControl(r) || r == '\u2028' || r == '\u2029' || isBidi(r):
			i += size
		default:
			b.WriteString(s[i : i+size])
			i += size
		}
	}
	return b.String()
}

// isPlain is the fast path: printable ASCII needs no work.
func isPlain(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] >= 0x7f {
			return false
		}
	}
	return true
}

// isBidi reports the bidirectional overrides that can reorder what follows.
func isBidi(r rune) bool {
	return (r >= '\u202a' && r <= '\u202e') || (r >= '\u2066' && r <= '\u2069') || r == '\u200e' || r == '\u200f'
}

// escapeLen is the length of the escape sequence starting with ESC at s[0].
func escapeLen(s string) int {
	if len(s) < 2 {
		return len(s)
	}
	switch s[1] {
	case '[':
		return 2 + csiBodyLen(s[2:])
	case ']', 'P', 'X', '^', '_':
		return 2 + stringBodyLen(s[2:])
	}
	// Two-character escape (ESC c, ESC 7, ...), possibly with
	// intermediates (ESC ( B).
	n := 1
	for n < len(s) && s[n] >= 0x20 && s[n] <= 0x2f {
		n++
	}
	if n < len(s) && s[n] >= 0x30 && s[n] <= 0x7e {
		n++
	}
	return n
}

// csiBodyLen is the length of a CSI's parameters and final byte.
func csiBodyLen(s string) int {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x40 && c <= 0x7e {
			return i + 1
		}
		if c < 0x20 || c > 0x3f && c < 0x40 || c >= 0x80 {
			return i // malformed: stop here, the rest is filtered normally
		}
	}
	return len(s)
}

// stringBodyLen is the length of an OSC/DCS/... body up to and including its
// terminator (BEL, ESC \ or C1 ST). An unterminated body runs to the end.
func stringBodyLen(s string) int {
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == 0x07:
			return i + 1
		case s[i] == 0x1b && i+1 < len(s) && s[i+1] == '\\':
			return i + 2
		case s[i] == 0xc2 && i+1 < len(s) && s[i+1] == 0x9c:
			return i + 2
		}
	}
	return len(s)
}

// sanitizeLines is sanitize for multi-line text: the line breaks stay.
func sanitizeLines(s string) string {
	lines := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	for i, l := range lines {
		lines[i] = sanitize(l)
	}
	return strings.Join(lines, "\n")
}
