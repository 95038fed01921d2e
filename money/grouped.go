package money

import "strings"

// Grouped renders the amount for people: two decimals (rounded half away
// from zero, as Fixed2) with thousands separators, "-1,234,567.89". The
// console and every human-readable CLI output use it; CSV and JSON keep
// the plain Fixed2 / String forms.
func (a Amount) Grouped() string {
	s := a.Fixed2()
	neg := strings.HasPrefix(s, "-")
	intPart, frac, _ := strings.Cut(strings.TrimPrefix(s, "-"), ".")
	g := groupDigits(intPart)
	if neg {
		g = "-" + g
	}
	return g + "." + frac
}

// GroupInt renders a count with thousands separators: "12,345".
func GroupInt(n int64) string {
	if n < 0 {
		if n == -n { // MinInt64 has no positive twin
			return "-9,223,372,036,854,775,808"
		}
		return "-" + GroupInt(-n)
	}
	var b [20]byte
	i := len(b)
	for {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			break
		}
	}
	return groupDigits(string(b[i:]))
}

func groupDigits(d string) string {
	if len(d) <= 3 {
		return d
	}
	var b strings.Builder
	b.Grow(len(d) + len(d)/3)
	for i := 0; i < len(d); i++ {
		if i > 0 && (len(d)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteByte(d[i])
	}
	return b.String()
}

// Plural words a count for people, grouped like GroupInt: "1 company",
// "0 users", "12,345 invoices". The CLI, the console and the connection
// test's steps all count this way.
func Plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return GroupInt(int64(n)) + " " + many
}
