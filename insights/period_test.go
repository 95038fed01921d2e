package insights_test

import (
	"testing"
	"time"

	"github.com/bcspend/bcspend/insights"
)

func TestParsePeriod(t *testing.T) {
	d := day
	cases := []struct {
		text       string
		start, end time.Time
		months     int
	}{
		{"Billing period Aug 13, 2026 - Aug 12, 2027", d(2026, 8, 13), d(2027, 8, 12), 12},
		{"Billing period Jan 3, 2026 - Feb 2, 2026; New Relic full platform users", d(2026, 1, 3), d(2026, 2, 2), 1},
		{"Subscription 2026-01-01 to 2028-12-31", d(2026, 1, 1), d(2028, 12, 31), 36},
		{"Leistungszeitraum 01.04.2026 - 31.03.2027", d(2026, 4, 1), d(2027, 3, 31), 12},
		{"Zeitraum: 1. April 2026 bis 31. März 2027", d(2026, 4, 1), d(2027, 3, 31), 12},
		{"Periode 1. januar 2026 til 31. december 2026", d(2026, 1, 1), d(2026, 12, 31), 12},
		{"Période du 1er janvier 2026 au 31 décembre 2026", d(2026, 1, 1), d(2026, 12, 31), 12},
		{"Service 13/08/2026 – 12/08/2027", d(2026, 8, 13), d(2027, 8, 12), 12},
		{"Service 08/13/2026 - 08/12/2027", d(2026, 8, 13), d(2027, 8, 12), 12}, // US order: 13 is no month
		{"Licence 01/02/2026 - 31/01/2027", d(2026, 2, 1), d(2027, 1, 31), 12},  // day first: the whole year fits
		{"Support 1 Mar 2026 - 31 May 2026", d(2026, 3, 1), d(2026, 5, 31), 3},  // a quarter
		{"Tableau Creator Aug 1st, 2026 through Jul 31st, 2027", d(2026, 8, 1), d(2027, 7, 31), 12},
		{"Slack Business+ annual plan", time.Time{}, time.Time{}, 12},
		{"Zoom Rooms annual license", time.Time{}, time.Time{}, 12},
		{"Domain renewal - 1 year", time.Time{}, time.Time{}, 12},
		{"Veeam 3-year subscription", time.Time{}, time.Time{}, 36},
		{"Support contract 24 months", time.Time{}, time.Time{}, 24},
		{"Adobe Jahreslizenz Acrobat Pro", time.Time{}, time.Time{}, 12},
		{"Microsoft 365 E3 årsabonnement", time.Time{}, time.Time{}, 12},
		{"TeamViewer 12 Monate", time.Time{}, time.Time{}, 12},
		{"Abonnement annuel", time.Time{}, time.Time{}, 12},
		{"Slack Pro - monthly subscription", time.Time{}, time.Time{}, 1},
		{"Wartung vierteljährlich", time.Time{}, time.Time{}, 3},
	}
	for _, c := range cases {
		p, ok := insights.ParsePeriod(c.text)
		if !ok || !p.Start.Equal(c.start) || !p.End.Equal(c.end) || p.Months != c.months {
			t.Errorf("%q: %+v %v; want %s..%s, %d months", c.text, p, ok, c.start.Format(time.DateOnly), c.end.Format(time.DateOnly), c.months)
		}
	}
	for _, text := range []string{"Slack Pro seats", "PO 4711 - requested by Anna", "Invoice 2026-11-03", "Nov 2026",
		"Version 10.4.2026", "Annually renewing? see 13/13/2026 - 14/14/2027", "Dell Latitude 5450", ""} {
		if p, ok := insights.ParsePeriod(text); ok && p.HasRange() {
			t.Errorf("%q read as a range: %+v", text, p)
		}
	}
	for _, text := range []string{"Slack Pro seats", "PO 4711 - requested by Anna", "Dell Latitude 5450", "Yearbook printing"} {
		if p, ok := insights.ParsePeriod(text); ok {
			t.Errorf("%q read as a period: %+v", text, p)
		}
	}
}

// FuzzParsePeriod: any text parses without panicking, and a range it
// returns is forward, at most ten years, with a term of at least a month.
func FuzzParsePeriod(f *testing.F) {
	for _, s := range []string{"Billing period Aug 13, 2026 - Aug 12, 2027", "01.04.2026 - 31.03.2027", "08/13/2026 - 08/12/2027",
		"1. April 2026 bis 31. März 2027", "3-year", "Jahreslizenz", "2026-01-01 to 2028-12-31", "99/99/9999 - 00.00.0000", "décembre"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, ok := insights.ParsePeriod(s)
		if !ok {
			return
		}
		if p.Months < 1 || p.Months > 120 {
			t.Fatalf("%q: term %d months", s, p.Months)
		}
		if p.HasRange() && (!p.End.After(p.Start) || p.End.Sub(p.Start) > 10*366*24*time.Hour) {
			t.Fatalf("%q: range %v..%v", s, p.Start, p.End)
		}
	})
}
