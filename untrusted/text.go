// Package untrusted makes text that comes from Business Central (vendor
// names, line descriptions, company and user names) inert. Anyone who can
// create a vendor in BC can type anything into it: ANSI escape sequences
// that repaint or retitle a terminal, line breaks that split a table row or
// a log line, bidirectional overrides that make text read differently than
// it is. Every display, CSV cell and matcher input passes through Text, the
// one place that knows these rules.
package untrusted

import (
	"strings"
	"unicode/utf8"
)

// Text returns s safe to show on one line:
//   - escape sequences (CSI, OSC, DCS, SOS, PM, APC, 7-bit or C1) are removed
//     with their parameters and terminator;
//   - tab, CR, LF, VT, FF, NEL and the Unicode line/paragraph separators
//     become a space, so a row stays one row;
//   - every other C0/C1 control, DEL, the bidi embedding, override and
//     isolate controls, and the zero-width characters (U+200B, U+200D,
//     U+2060, U+FEFF: they make two names that look alike differ, and hide
//     text inside a word) are removed;
//   - invalid UTF-8 becomes U+FFFD.
//
// Text(Text(s)) == Text(s), and printable ASCII is returned as is without
// allocating.
func Text(s string) string {
	if plain(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteRune(utf8.RuneError)
		case r == 0x1b:
			i += escapeLen(s[i:])
			continue
		case r == 0x9b: // C1 CSI: parameters and final byte follow, as after ESC [
			i += size + csiLen(s[i+size:])
			continue
		case r == 0x90 || r == 0x9d || r == 0x98 || r == 0x9e || r == 0x9f: // C1 DCS, OSC, SOS, PM, APC
			i += size + stringLen(s[i+size:])
			continue
		case isSpaceControl(r):
			b.WriteByte(' ')
		case isDropped(r):
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// Lines is Text for multi-line text: the line breaks stay, everything else
// on each line is made inert.
func Lines(s string) string {
	lines := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	for i, l := range lines {
		lines[i] = Text(l)
	}
	return strings.Join(lines, "\n")
}

// plain is the fast path: printable ASCII only.
func plain(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c > 0x7e {
			return false
		}
	}
	return true
}

func isSpaceControl(r rune) bool {
	switch r {
	case '\t', '\n', '\r', '\v', '\f', 0x85, 0x2028, 0x2029:
		return true
	}
	return false
}

// isDropped: C0 and C1 controls, DEL, the bidi embedding, override and
// isolate controls (and the marks, which are invisible), and the zero-width
// space, joiner, word joiner and byte order mark. U+200C (zero-width
// non-joiner) stays: Persian and Indic spelling needs it.
func isDropped(r rune) bool {
	return r < 0x20 || r >= 0x7f && r <= 0x9f ||
		r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 || r == 0x200e || r == 0x200f || r == 0x061c ||
		r == 0x200b || r == 0x200d || r == 0x2060 || r == 0xfeff
}

// escapeLen is the length of the escape sequence at the start of s (which
// begins with ESC), at least 1.
func escapeLen(s string) int {
	if len(s) < 2 {
		return len(s)
	}
	switch s[1] {
	case '[':
		return 2 + csiLen(s[2:])
	case ']', 'P', 'X', '^', '_':
		return 2 + stringLen(s[2:])
	}
	if c := s[1]; c >= 0x20 && c <= 0x2f { // intermediates, then one final byte
		n := 2
		for n < len(s) && s[n] >= 0x20 && s[n] <= 0x2f {
			n++
		}
		if n < len(s) && s[n] >= 0x30 && s[n] <= 0x7e {
			n++
		}
		return n
	}
	if c := s[1]; c >= 0x30 && c <= 0x7e {
		return 2
	}
	return 1 // a lone ESC: drop it, keep what follows
}

// csiLen is the length of a CSI's parameter, intermediate and final bytes.
func csiLen(s string) int {
	n := 0
	for n < len(s) && s[n] >= 0x20 && s[n] <= 0x3f {
		n++
	}
	if n < len(s) && s[n] >= 0x40 && s[n] <= 0x7e {
		n++
	}
	return n
}

// stringLen is the length of a control string's body and terminator (BEL,
// ESC \ or C1 ST); an unterminated one runs to the end.
func stringLen(s string) int {
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == 0x07:
			return i + 1
		case s[i] == 0x1b && i+1 < len(s) && s[i+1] == '\\':
			return i + 2
		case s[i] == 0xc2 && i+1 < len(s) && s[i+1] == 0x9c: // U+009C ST
			return i + 2
		}
	}
	return len(s)
}
