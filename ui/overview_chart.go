package ui

import (
	"fmt"
	"strings"

	"github.com/bcspend/bcspend/insights"
	"github.com/bcspend/bcspend/money"
)

// chartRows is the height of the monthly bar chart: taller when the
// terminal leaves room for the findings.
func (s *overviewScreen) chartRows() int {
	if s.height >= 27 {
		return 4
	}
	return 2
}

// chart is the monthly spend as a bar chart across the width: a column of
// blocks per month scaled to the biggest month, its amount on top of the
// biggest, month labels under, and the comparison of the last complete
// month with the month before and a year before.
func (s *overviewScreen) chart() []string {
	st := &s.c.st
	d := s.data
	ms := d.months
	if len(ms) == 0 {
		return []string{" " + st.Bold.Render("Monthly  ") + " no spend yet"}
	}
	rows := s.chartRows()
	colW := max(3, min(9, (s.width-12)/len(ms))) // room for "max 270k" on the right
	top := money.Amount(0)
	for _, m := range ms {
		top = max(top, m.Reporting)
	}
	var lines []string
	for r := rows; r >= 1; r-- {
		var b strings.Builder
		b.WriteString(" ")
		for _, m := range ms {
			b.WriteString(barCell(m.Reporting, top, r, rows, colW))
		}
		lines = append(lines, b.String())
	}
	var lab strings.Builder
	lab.WriteString(" ")
	for _, m := range ms {
		name := m.Month
		if len(name) == 7 {
			name = monthAbbrev(name)
			if len(name) >= colW {
				name = name[:3] // "Jan 26" does not fit a narrow column
			}
		}
		lab.WriteString(cell(name, colW, false))
	}
	lines = append(lines, st.Dim.Render(fit(lab.String(), s.width)))
	lines[0] += st.Dim.Render(" max " + fmtCompact(top))
	lines = append(lines, comparisonLine(d.cmp, d.cur, s.width))
	return lines
}

// barCell is one month's column in chart row r (1 = bottom) of rows: full
// blocks below the top, an eighth-block at the top, blank above; the
// column keeps one blank cell between months.
func barCell(v, top money.Amount, r, rows, w int) string {
	if top <= 0 || v <= 0 {
		return strings.Repeat(" ", w)
	}
	eighths := int(float64(v)/float64(top)*float64(rows*8) + 0.5)
	eighths = max(1, eighths)
	fill := eighths - (r-1)*8
	var c string
	switch {
	case fill >= 8:
		c = "█"
	case fill <= 0:
		c = " "
	default:
		c = string([]rune("▁▂▃▄▅▆▇")[fill-1])
	}
	return strings.Repeat(c, w-1) + " "
}

var monthNames3 = []string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

// monthAbbrev turns "2026-11" into "Nov", January into "Jan 26".
func monthAbbrev(ym string) string {
	var y, m int
	if _, err := fmt.Sscanf(ym, "%d-%d", &y, &m); err != nil || m < 1 || m > 12 {
		return ym
	}
	if m == 1 {
		return fmt.Sprintf("Jan %02d", y%100)
	}
	return monthNames3[m-1]
}

// comparisonLine: "Nov 2026 281k USD · vs Oct +176% · vs Nov 2025 +12%".
func comparisonLine(c insights.Comparison, cur string, w int) string {
	if c.Period == "" {
		return ""
	}
	t := c.Total
	line := fmt.Sprintf(" Last full month %s: %s %s · vs %s %s", c.Period, fmtAmount(t.Current), cur, c.Previous, changeText(t.Current, t.Previous))
	if c.LastYearKnown {
		line += fmt.Sprintf(" · vs %s %s", c.LastYear, changeText(t.Current, t.LastYear))
	} else {
		line += " · no data a year back"
	}
	return fit(line, w)
}

func changeText(cur, prev money.Amount) string {
	if prev == 0 {
		if cur == 0 {
			return "±0"
		}
		return "new"
	}
	return fmt.Sprintf("%+.0f%%", float64(cur-prev)/float64(prev)*100)
}
