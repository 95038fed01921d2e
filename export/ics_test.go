package export_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bcspend/bcspend/export"
	"github.com/bcspend/bcspend/insights"
	"github.com/bcspend/bcspend/money"
)

// icsEvent is one VEVENT as a calendar reads it: property name to value
// (TEXT unescaped), with the parameters kept in the name ("DTSTART;VALUE=DATE").
type icsEvent map[string]string

// parseICS is a small RFC 5545 reader: CRLF lines, unfolding, a
// VCALENDAR around VEVENTs (with nested VALARMs), TEXT unescaping. It
// fails the test on anything a strict calendar would refuse.
func parseICS(t *testing.T, data []byte) []icsEvent {
	t.Helper()
	s := string(data)
	if !strings.HasSuffix(s, "\r\n") || strings.Contains(strings.ReplaceAll(s, "\r\n", ""), "\n") {
		t.Fatalf("lines must end in CRLF, and no bare LF:\n%q", s)
	}
	var lines []string
	for _, phys := range strings.Split(strings.TrimSuffix(s, "\r\n"), "\r\n") {
		if len(phys) > 75 {
			t.Fatalf("line of %d octets (max 75): %q", len(phys), phys)
		}
		if strings.HasPrefix(phys, " ") || strings.HasPrefix(phys, "\t") {
			if len(lines) == 0 {
				t.Fatal("continuation before any line")
			}
			lines[len(lines)-1] += phys[1:]
			continue
		}
		lines = append(lines, phys)
	}
	var events []icsEvent
	var stack []string
	var cur icsEvent
	for _, l := range lines {
		name, value, ok := strings.Cut(l, ":")
		if !ok {
			t.Fatalf("no colon in %q", l)
		}
		switch name {
		case "BEGIN":
			stack = append(stack, value)
			if value == "VEVENT" {
				cur = icsEvent{}
			}
			continue
		case "END":
			if len(stack) == 0 || stack[len(stack)-1] != value {
				t.Fatalf("END:%s does not close %v", value, stack)
			}
			stack = stack[:len(stack)-1]
			if value == "VEVENT" {
				events = append(events, cur)
			}
			continue
		}
		if name == "SUMMARY" || name == "DESCRIPTION" {
			checkEscaped(t, value)
		}
		if len(stack) > 0 && stack[len(stack)-1] == "VEVENT" {
			cur[name] = unescapeText(value)
		}
	}
	if len(stack) != 0 || !strings.HasPrefix(s, "BEGIN:VCALENDAR\r\n") || !strings.Contains(s, "\r\nVERSION:2.0\r\n") ||
		!strings.Contains(s, "\r\nPRODID:") {
		t.Fatalf("not a VCALENDAR with VERSION and PRODID (open %v)", stack)
	}
	return events
}

// checkEscaped fails on a TEXT value with a bare comma or semicolon, which
// a calendar would read as a list separator.
func checkEscaped(t *testing.T, v string) {
	t.Helper()
	for i := 0; i < len(v); i++ {
		switch v[i] {
		case '\\':
			i++
		case ',', ';':
			t.Fatalf("unescaped %q in TEXT %q", v[i], v)
		}
	}
}

func unescapeText(v string) string {
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		if v[i] == '\\' && i+1 < len(v) {
			i++
			switch v[i] {
			case 'n', 'N':
				b.WriteByte('\n')
			default:
				b.WriteByte(v[i])
			}
			continue
		}
		b.WriteByte(v[i])
	}
	return b.String()
}

func TestRenewalsICSParsesBack(t *testing.T) {
	gen := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	no := false
	cs := []insights.Contract{
		{App: "ServiceNow ITSM", Company: "CRONUS USA, Inc.", Currency: "USD", Amount: money.MustParse("54000"),
			NextRenewal: time.Date(2027, 8, 13, 0, 0, 0, 0, time.UTC), NoticeDays: 90,
			NoticeDeadline: time.Date(2027, 5, 15, 0, 0, 0, 0, time.UTC), AutoRenew: &no, Owner: "Anna; IT",
			Message:  "ServiceNow ITSM (CRONUS USA, Inc.): annual contract 2026-08-13 to 2027-08-12, renews 2027-08-13",
			Evidence: []string{`line "billing period aug 13, 2026 - aug 12, 2027" on invoice 108481`},
			Ident:    insights.Ident{Key: "notice|ServiceNow ITSM|co|USD|12"}},
		{App: "Évil\x1b]0;pwn\x07 Ünïcødé Vendor with a very long name that needs folding, twice over, ok", Company: "CRONUS UK Ltd.",
			Currency: "EUR", Amount: money.MustParse("12.5"), NextRenewal: time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC),
			Message: strings.Repeat("ü long text ", 20), Ident: insights.Ident{Key: "notice|evil|co2|EUR|12"}},
	}
	var buf bytes.Buffer
	if err := export.WriteICS(&buf, gen, cs); err != nil {
		t.Fatal(err)
	}
	evs := parseICS(t, buf.Bytes())
	if len(evs) != 3 {
		t.Fatalf("%d events, want notice + renewal + renewal:\n%s", len(evs), buf.String())
	}
	notice, renewal := evs[0], evs[1]
	if notice["DTSTART;VALUE=DATE"] != "20270515" || notice["DTEND;VALUE=DATE"] != "20270516" || notice["CATEGORIES"] != "NOTICE" ||
		notice["SUMMARY"] != "Notice deadline: ServiceNow ITSM (CRONUS USA, Inc.), renews 2027-08-13" {
		t.Errorf("notice event: %v", notice)
	}
	if renewal["DTSTART;VALUE=DATE"] != "20270813" || renewal["SUMMARY"] != "Renewal: ServiceNow ITSM (CRONUS USA, Inc.) 54000.00 USD" ||
		!strings.Contains(renewal["DESCRIPTION"], "\nEvidence: line \"billing period aug 13, 2026 - aug 12, 2027\" on invoice 108481") ||
		!strings.Contains(renewal["DESCRIPTION"], "\nOwner: Anna; IT") || renewal["DTSTAMP"] != "20261201T090000Z" {
		t.Errorf("renewal event: %v", renewal)
	}
	uids := map[string]bool{}
	for _, e := range evs {
		if !strings.HasSuffix(e["UID"], "@bcspend") || uids[e["UID"]] {
			t.Errorf("UID %q missing or repeated", e["UID"])
		}
		uids[e["UID"]] = true
	}
	evil := evs[2]["SUMMARY"]
	if strings.ContainsAny(evil, "\x1b\x07") || !strings.Contains(evil, "Ünïcødé") || !strings.Contains(evil, "folding, twice over") {
		t.Errorf("BC text must reach the calendar inert and whole: %q", evil)
	}
	// Stable UIDs: the same contracts export the same events.
	var again bytes.Buffer
	_ = export.WriteICS(&again, gen, cs)
	if !bytes.Equal(buf.Bytes(), again.Bytes()) {
		t.Error("two exports of the same contracts differ")
	}
	path := filepath.Join(t.TempDir(), "renewals.ics")
	if err := export.WriteICSFile(path, gen, cs); err != nil {
		t.Fatal(err)
	}
	if data, err := os.ReadFile(path); err != nil || !bytes.Equal(data, buf.Bytes()) {
		t.Fatalf("file: %v", err)
	}
}
