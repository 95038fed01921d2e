package insights

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// Period is what an invoice line says about the service it bills: a date
// range ("Billing period Aug 13, 2026 - Aug 12, 2027", "01.01.2026 -
// 31.12.2026") or only a term ("annual", "12 months", "Jahreslizenz",
// "3-year"). Months is the term in whole months; Start and End are set only
// for a range (End is the last day of service).
type Period struct {
	Start, End time.Time
	Months     int
	Text       string // the words it was read from
}

// HasRange reports whether the period has dates, not just a term.
func (p Period) HasRange() bool { return !p.Start.IsZero() }

// ParsePeriod reads a service period from one line's text. A range wins
// over a term word; ok is false when the text says neither.
func ParsePeriod(text string) (Period, bool) {
	if len(text) > 500 { // BC caps a description at 100; a longer text is not a line
		text = text[:500]
	}
	lower := strings.ToLower(text)
	if p, ok := parseRange(lower); ok {
		return p, true
	}
	return parseTerm(lower)
}

// A dateHit is one date found in a text, with where it ends; numeric
// dates that could be read day-first or month-first carry both readings.
type dateHit struct {
	at, end int
	reads   []time.Time
}

var (
	reISO     = regexp.MustCompile(`\b(\d{4})-(\d{1,2})-(\d{1,2})\b`)
	reNumeric = regexp.MustCompile(`\b(\d{1,2})([./])(\d{1,2})[./](\d{4}|\d{2})\b`)
	// "aug 13, 2026", "august 13th 2026"
	reMonthFirst = regexp.MustCompile(`\b(\pL{3,10})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`)
	// "13 aug 2026", "13. august 2026", "1er janvier 2026", "13 de agosto de 2026"
	reDayFirst = regexp.MustCompile(`\b(\d{1,2})(?:st|nd|rd|th|er)?\.?\s+(?:de\s+)?(\pL{3,10})\.?,?\s+(?:de\s+)?(\d{4})\b`)
	// between two dates of a range: a dash or a word
	reRangeSep = regexp.MustCompile(`^\s*(?:-|–|—|to|until|through|thru|bis|til|till|au|al|a|hasta|–|~)\s*$`)
)

// monthNames maps month names and their usual abbreviations in English,
// German, Danish/Norwegian/Swedish, Dutch, French and Spanish to 1..12.
var monthNames = func() map[string]int {
	lists := [][]string{
		{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"},
		{"januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "dezember"},
		{"januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"},
		{"januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"},
		{"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"},
		{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
		{"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"},
	}
	m := map[string]int{"sept": 9, "mrz": 3, "mär": 3, "okt": 10, "dez": 12, "mei": 5, "mai": 5, "maj": 5, "déc": 12, "févr": 2, "janv": 1, "juil": 7, "avr": 4}
	for _, l := range lists {
		for i, name := range l {
			m[name] = i + 1
			if r := []rune(name); len(r) > 3 {
				if _, taken := m[string(r[:3])]; !taken {
					m[string(r[:3])] = i + 1
				}
			}
		}
	}
	return m
}()

func findDates(s string) []dateHit {
	var hits []dateHit
	for _, m := range reISO.FindAllStringSubmatchIndex(s, -1) {
		if t, ok := mkDate(atoi(s, m, 1), atoi(s, m, 2), atoi(s, m, 3)); ok {
			hits = append(hits, dateHit{m[0], m[1], []time.Time{t}})
		}
	}
	for _, m := range reNumeric.FindAllStringSubmatchIndex(s, -1) {
		a, b, y := atoi(s, m, 1), atoi(s, m, 3), atoi(s, m, 4)
		if y < 100 {
			y += 2000
		}
		var reads []time.Time
		if t, ok := mkDate(y, b, a); ok { // day first: 13.08.2026, 13/08/2026
			reads = append(reads, t)
		}
		if s[m[4]:m[5]] == "/" { // US month first: 08/13/2026
			if t, ok := mkDate(y, a, b); ok && a != b {
				reads = append(reads, t)
			}
		}
		if len(reads) > 0 {
			hits = append(hits, dateHit{m[0], m[1], reads})
		}
	}
	for _, m := range reMonthFirst.FindAllStringSubmatchIndex(s, -1) {
		if mo, ok := monthNames[s[m[2]:m[3]]]; ok {
			if t, ok := mkDate(atoi(s, m, 3), mo, atoi(s, m, 2)); ok {
				hits = append(hits, dateHit{m[0], m[1], []time.Time{t}})
			}
		}
	}
	for _, m := range reDayFirst.FindAllStringSubmatchIndex(s, -1) {
		if mo, ok := monthNames[s[m[4]:m[5]]]; ok {
			if t, ok := mkDate(atoi(s, m, 3), mo, atoi(s, m, 1)); ok {
				hits = append(hits, dateHit{m[0], m[1], []time.Time{t}})
			}
		}
	}
	return hits
}

// parseRange finds two dates joined by a range separator and takes the
// reading (for ambiguous numeric dates) that makes a period closest to a
// whole number of months.
func parseRange(s string) (Period, bool) {
	hits := findDates(s)
	for _, a := range hits {
		for _, b := range hits {
			if b.at < a.end || !reRangeSep.MatchString(s[a.end:b.at]) {
				continue
			}
			if p, ok := bestReading(a, b); ok {
				p.Text = s[a.at:b.end]
				return p, true
			}
		}
	}
	return Period{}, false
}

func bestReading(a, b dateHit) (Period, bool) {
	best, bestOff := Period{}, 1<<30
	for _, start := range a.reads {
		for _, end := range b.reads {
			if !end.After(start) || end.Sub(start) > 10*366*24*time.Hour {
				continue
			}
			months, off := wholeMonths(start, end)
			if months >= 1 && months <= 120 && off < bestOff {
				best, bestOff = Period{Start: start, End: end, Months: months}, off
			}
		}
	}
	return best, bestOff < 1<<30
}

// wholeMonths is the number of months from start to end inclusive
// (Aug 13 - Aug 12 next year is 12) and how many days it is off a whole
// number of months.
func wholeMonths(start, end time.Time) (int, int) {
	next := end.AddDate(0, 0, 1)
	n := (next.Year()-start.Year())*12 + int(next.Month()) - int(start.Month())
	best, off := n, 1<<30
	for _, k := range []int{n - 1, n, n + 1} {
		if k < 1 {
			continue
		}
		d := int(next.Sub(addMonths(start, k)).Hours() / 24)
		if d < 0 {
			d = -d
		}
		if d < off {
			best, off = k, d
		}
	}
	return best, off
}

// Term words: a number with a unit ("12 months", "3-year", "24 Monate"),
// or a word that names a period. Checked in order: multi-year first.
var (
	reTermNumber = regexp.MustCompile(`\b(\d{1,2})[\s-]*(years?|yrs?|jahre?s?|års?|ans?|años?|jaar|months?|mos?|monate?n?|måneder|månad(?:er)?|mois|meses|maanden)\b`)
	termWords    = []struct {
		re     *regexp.Regexp
		months int
	}{
		{regexp.MustCompile(`(?:^|[^\pL])(?:annual(?:ly)?|yearly|per year|a year|p\.a\.|jahres\pL*|jährlich\pL*|årlig\pL*|års\pL*|annuel\pL*|anual\pL*|jaarlijks\pL*)`), 12},
		{regexp.MustCompile(`(?:^|[^\pL])(?:quarterly|per quarter|quartal\pL*|vierteljährlich\pL*|kvartal\pL*|trimestr\pL*)`), 3},
		{regexp.MustCompile(`(?:^|[^\pL])(?:monthly|per month|a month|monatlich\pL*|monats\pL*|månedlig\pL*|månatlig\pL*|mensuel\pL*|mensual\pL*|maandelijks\pL*)`), 1},
	}
)

func parseTerm(s string) (Period, bool) {
	if m := reTermNumber.FindStringSubmatchIndex(s); m != nil {
		n := atoi(s, m, 1)
		unit := s[m[4]:m[5]]
		months := n
		if !strings.HasPrefix(unit, "m") {
			months = n * 12
		}
		if months >= 1 && months <= 120 {
			return Period{Months: months, Text: s[m[0]:m[1]]}, true
		}
	}
	for _, w := range termWords {
		if loc := w.re.FindStringIndex(s); loc != nil {
			return Period{Months: w.months, Text: strings.TrimLeftFunc(s[loc[0]:loc[1]], notLetter)}, true
		}
	}
	return Period{}, false
}

func notLetter(r rune) bool { return !unicode.IsLetter(r) }

func atoi(s string, m []int, group int) int {
	n, _ := strconv.Atoi(s[m[2*group]:m[2*group+1]])
	return n
}

// mkDate is a valid calendar date in a plausible year, or false.
func mkDate(y, m, d int) (time.Time, bool) {
	if y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31 {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	return t, t.Day() == d
}
