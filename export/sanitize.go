package export

import (
	"strings"
	"unicode/utf8"

	"github.com/bcspend/bcspend/untrusted"
)

// Vendor names and line descriptions come from BC, where anyone who can
// create a vendor can type anything: ANSI escapes that repaint a terminal,
// newlines that break naive parsers, and leading =, +, -, @ that a
// spreadsheet runs as a formula (CSV injection). Every cell goes through
// Sanitize, the one place that makes text inert.

// Sanitize returns s safe for a spreadsheet cell: untrusted.Text makes it
// inert (no escapes, controls, line breaks or bidi overrides), and a cell
// whose first non-space character is =, +, -, @ (or their full-width forms)
// gets a leading single quote, so no spreadsheet evaluates it.
//
// Sanitize(Sanitize(s)) == Sanitize(s). Plain printable ASCII that starts
// harmlessly is returned without allocating.
func Sanitize(s string) string {
	if clean(s) {
		return s
	}
	out := untrusted.Text(s)
	if formulaStart(out) {
		out = "'" + out
	}
	return out
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
