package export

import (
	"strings"
	"unicode/utf8"
)

// Vendor names and line descriptions come from BC, where anyone who can
// create a vendor can type anything: ANSI escapes that repaint a terminal,
// newlines that break naive parsers, and leading =, +, -, @ that a
// spreadsheet runs as a formula (CSV injection). Every cell goes through
// Sanitize, the one place that makes text inert.

// Sanitize returns s safe for a spreadsheet cell:
//   - invalid UTF-8 becomes U+FFFD;
//   - ANSI escape sequences (CSI, OSC, DCS and friends, 7-bit or C1) are
//     removed with their parameters;
//   - tab, CR, LF, VT, FF and the Unicode line/paragraph separators become a
//     space; every other control character and the bidirectional overrides
//     (which can make a cell read differently than it is) are removed;
//   - a cell whose first non-space character is =, +, -, @ (or their
//     full-width forms) gets a leading single quote, so no spreadsheet
//     evaluates it.
//
// Sanitize(Sanitize(s)) == Sanitize(s). Plain printable ASCII that starts
// harmlessly is returned without allocating.
func Sanitize(s string) string {
	if clean(s) {
		return s
	}
	out := stripControls(s)
	if formulaStart(out) {
		out = "'" + out
	}
	return out
}

// Clean removes escape sequences and control characters like Sanitize but
// adds no quote: for text printed to a terminal, where a leading "=" is
// harmless but an escape sequence is not.
func Clean(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c > 0x7e {
			return stripControls(s)
		}
	}
	return s
}

// SanitizeNumber is Sanitize for numeric columns: a plain decimal number
// ("-12.50", "3") stays as it is, so a spreadsheet reads it as a number;
// anything else is treated as text.
func SanitizeNumber(s string) string {
	if IsNumber(s) {
		return s
	}
	return Sanitize(s)
}

// IsNumber reports whether s is a plain decimal: an optional minus, digits,
// optionally a dot and digits. No exponent, no plus, no spaces: nothing a
// spreadsheet could read as anything but the number.
func IsNumber(s string) bool {
	s = strings.TrimPrefix(s, "-")
	intPart, frac, hasDot := strings.Cut(s, ".")
	return digits(intPart) && (!hasDot || digits(frac))
}

func digits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// clean is the fast path: printable ASCII only, harmless first character.
func clean(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c > 0x7e {
			return false
		}
	}
	return !formulaStart(s)
}

// formulaStart reports whether the first non-space character would make a
// spreadsheet parse the cell as a formula.
func formulaStart(s string) bool {
	s = strings.TrimLeft(s, " ")
	r, _ := utf8.DecodeRuneInString(s)
	switch r {
	case '=', '+', '-', '@', '＝', '＋', '－', '＠':
		return true
	}
	return false
}

// stripControls does the character work of Sanitize.
func stripControls(s string) string {
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

func isSpaceControl(r rune) bool {
	switch r {
	case '\t', '\n', '\r', '\v', '\f', 0x85, 0x2028, 0x2029:
		return true
	}
	return false
}

// isDropped: C0 and C1 controls, DEL, and the bidi embedding, override and
// isolate controls.
func isDropped(r rune) bool {
	return r < 0x20 || r >= 0x7f && r <= 0x9f ||
		r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 || r == 0x200e || r == 0x200f || r == 0x061c
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
// ESC \ or C1 ST); an unterminated one runs to the end of the cell.
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
