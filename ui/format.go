package ui

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"time"

	"github.com/bcspend/bcspend/money"
	"github.com/bcspend/bcspend/spend"
)

// dominant returns the currency with the largest absolute amount, ties broken
// by code so the choice is stable.
func dominant(m spend.Money) (string, money.Amount) {
	cur, amt := "", money.Amount(0)
	for c, a := range m {
		if cur == "" || abs(a) > abs(amt) || abs(a) == abs(amt) && c < cur {
			cur, amt = c, a
		}
	}
	return cur, amt
}

func abs(a money.Amount) money.Amount {
	if a < 0 {
		return -a
	}
	return a
}

// fmtMoney shows the dominant currency and how many others there are:
// "12,400.00 USD +2". Currencies are never added together.
func fmtMoney(m spend.Money) string {
	cur, amt := dominant(m)
	if cur == "" {
		return "-"
	}
	s := fmtAmount(amt) + " " + cur
	if n := nonZero(m) - 1; n > 0 {
		s += fmt.Sprintf(" +%d", n)
	}
	return s
}

// fmtMoneyAll lists every currency, biggest first: "1,200.00 USD, 300.00 EUR".
func fmtMoneyAll(m spend.Money) string {
	cs := currencies(m)
	if len(cs) == 0 {
		return "0.00"
	}
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = fmtAmount(m[c]) + " " + c
	}
	return strings.Join(parts, ", ")
}

// currencies lists m's currencies, biggest absolute amount first.
func currencies(m spend.Money) []string {
	cs := make([]string, 0, len(m))
	for c, a := range m {
		if a != 0 || len(m) == 1 {
			cs = append(cs, c)
		}
	}
	sort.Slice(cs, func(i, j int) bool {
		if abs(m[cs[i]]) != abs(m[cs[j]]) {
			return abs(m[cs[i]]) > abs(m[cs[j]])
		}
		return cs[i] < cs[j]
	})
	return cs
}

func nonZero(m spend.Money) int {
	n := 0
	for _, a := range m {
		if a != 0 {
			n++
		}
	}
	if n == 0 && len(m) > 0 {
		return 1
	}
	return n
}

// fmtAmount renders an amount with two decimals and thousands separators
// (money.Grouped: the CLI's human output uses the same).
func fmtAmount(a money.Amount) string { return a.Grouped() }

var sparkRunes = []rune("▁▂▃▄▅▆▇█")

// sparkline draws the 12 months of one currency of per-currency sums.
func sparkline(months [12]spend.Money, cur string) string {
	var vals [12]money.Amount
	for i, m := range months {
		vals[i] = m[cur]
	}
	return sparkAmounts(vals)
}

// sparkAmounts draws 12 monthly amounts, scaled to the biggest. Months
// without spend are a blank-ish dot.
func sparkAmounts(months [12]money.Amount) string {
	var vals [12]float64
	maxV := 0.0
	for i, a := range months {
		vals[i] = a.Float()
		maxV = math.Max(maxV, vals[i])
	}
	var b strings.Builder
	for _, v := range vals {
		switch {
		case v <= 0 || maxV <= 0:
			b.WriteRune('·')
		default:
			idx := int(math.Ceil(v/maxV*float64(len(sparkRunes)))) - 1
			idx = max(0, min(idx, len(sparkRunes)-1))
			b.WriteRune(sparkRunes[idx])
		}
	}
	return b.String()
}

// fmtReporting is a converted amount with its currency, and a star when
// some transactions could not be converted (the caption counts them).
func fmtReporting(a money.Amount, cur string, unconverted int) string {
	s := fmtAmount(a) + " " + cur
	if unconverted > 0 {
		s += "*"
	}
	return s
}

// reportingTotal sums converted amounts and counts the unconverted
// transactions beside them: those are never added in.
type reportingTotal struct {
	cur         string
	sum         money.Amount
	unconverted int
}

func (t *reportingTotal) add(a money.Amount, unconverted int) {
	t.sum += a
	t.unconverted += unconverted
}

// String is "144,064.00 EUR" or "144,064.00 EUR · 3 unconverted".
func (t reportingTotal) String() string {
	s := strings.TrimSpace(fmtAmount(t.sum) + " " + t.cur)
	if t.unconverted > 0 {
		s += fmt.Sprintf(" · %s unconverted*", fmtInt(t.unconverted))
	}
	return s
}

// periodCaption is "Dec 2025 – 24 Nov 2026"; the Integration screen
// states the definition (spend.PeriodDefinition).
func periodCaption(p spend.Period) string { return p.String() }

func fmtDate(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.Format("2006-01-02")
}

// fmtAge says how old something is, in words: "3 min", "5 h", "2 days".
func fmtAge(now, t time.Time) string {
	if t.IsZero() {
		return "never"
	}
	d := now.Sub(t)
	switch {
	case d < time.Minute:
		return "just now"
	case d < time.Hour:
		return fmt.Sprintf("%dm ago", int(d.Minutes()))
	case d < 48*time.Hour:
		return fmt.Sprintf("%dh ago", int(d.Hours()))
	default:
		return fmt.Sprintf("%dd ago", int(d.Hours()/24))
	}
}

func fmtDuration(d time.Duration) string {
	if d < time.Second {
		return "0s"
	}
	return d.Round(time.Second).String()
}

// fmtInt adds thousands separators.
func fmtInt(n int) string { return money.GroupInt(int64(n)) }
