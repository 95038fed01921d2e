package export

import (
	"bufio"
	"fmt"
	"hash/fnv"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/bcspend/bcspend/insights"
	"github.com/bcspend/bcspend/untrusted"
)

// Renewals calendar (RFC 5545): one all-day event per contract renewal and
// one per notice deadline, for calendars to subscribe to or import.
// Events keep their UID from one export to the next (a hash of the
// contract and the date), so a re-import updates instead of duplicating.

// WriteICS writes the calendar of contracts to w.
func WriteICS(w io.Writer, generated time.Time, cs []insights.Contract) error {
	bw := bufio.NewWriter(w)
	c := &icsWriter{w: bw}
	c.line("BEGIN:VCALENDAR")
	c.line("VERSION:2.0")
	c.line("PRODID:-//bcspend//renewals//EN")
	c.line("CALSCALE:GREGORIAN")
	c.line("METHOD:PUBLISH")
	c.line("X-WR-CALNAME:SaaS renewals (bcspend)")
	stamp := generated.UTC().Format("20060102T150405Z")
	for i := range cs {
		k := &cs[i]
		if !k.NoticeDeadline.IsZero() {
			c.event(stamp, k, "notice", k.NoticeDeadline, fmt.Sprintf("Notice deadline: %s (%s), renews %s", k.App, k.Company,
				k.NextRenewal.Format(time.DateOnly)))
		}
		c.event(stamp, k, "renewal", k.NextRenewal, fmt.Sprintf("Renewal: %s (%s) %s %s", k.App, k.Company, k.Amount.Fixed2(), k.Currency))
	}
	c.line("END:VCALENDAR")
	if c.err != nil {
		return c.err
	}
	return bw.Flush()
}

// WriteICSFile writes the calendar to path atomically, as WriteFile does.
func WriteICSFile(path string, generated time.Time, cs []insights.Contract) error {
	return writeAtomic(path, func(w io.Writer) error { return WriteICS(w, generated, cs) })
}

type icsWriter struct {
	w   *bufio.Writer
	err error
}

func (c *icsWriter) event(stamp string, k *insights.Contract, what string, on time.Time, summary string) {
	desc := k.Message
	if len(k.Evidence) > 0 {
		desc += "\nEvidence: " + strings.Join(k.Evidence, "; ")
	}
	if k.Owner != "" {
		desc += "\nOwner: " + k.Owner
	}
	if k.Notes != "" {
		desc += "\nNotes: " + k.Notes
	}
	c.line("BEGIN:VEVENT")
	c.line("UID:" + uid(k.Key, what, on) + "@bcspend")
	c.line("DTSTAMP:" + stamp)
	c.line("DTSTART;VALUE=DATE:" + on.Format("20060102"))
	c.line("DTEND;VALUE=DATE:" + on.AddDate(0, 0, 1).Format("20060102"))
	c.line("SUMMARY:" + icsText(summary))
	c.line("DESCRIPTION:" + icsText(desc))
	c.line("CATEGORIES:" + strings.ToUpper(what))
	c.line("TRANSP:TRANSPARENT")
	if what == "notice" {
		c.line("BEGIN:VALARM")
		c.line("ACTION:DISPLAY")
		c.line("DESCRIPTION:" + icsText(summary))
		c.line("TRIGGER:-P14D")
		c.line("END:VALARM")
	}
	c.line("END:VEVENT")
}

func uid(key, what string, on time.Time) string {
	h := fnv.New64a()
	fmt.Fprintf(h, "%s\x00%s\x00%s", key, what, on.Format(time.DateOnly))
	return fmt.Sprintf("%016x", h.Sum64())
}

// icsText makes BC text inert (untrusted.Text keeps line breaks out of
// it, so each part of desc is sanitised apart) and escapes it as an RFC
// 5545 TEXT value: backslash, semicolon and comma escaped, line breaks as \n.
func icsText(s string) string {
	parts := strings.Split(s, "\n")
	for i, p := range parts {
		p = untrusted.Text(p)
		p = strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`).Replace(p)
		parts[i] = p
	}
	return strings.Join(parts, `\n`)
}

// line writes one content line, folded at 75 octets (RFC 5545 3.1: CRLF
// then a space), never inside a UTF-8 sequence.
func (c *icsWriter) line(s string) {
	if c.err != nil {
		return
	}
	first := true
	for len(s) > 0 {
		limit := 75
		if !first {
			limit = 74 // the leading space counts
		}
		n := min(len(s), limit)
		for n < len(s) && n > 0 && !utf8.RuneStart(s[n]) {
			n--
		}
		if !first {
			_, c.err = c.w.WriteString(" ")
		}
		if c.err == nil {
			_, c.err = c.w.WriteString(s[:n] + "\r\n")
		}
		s, first = s[n:], false
	}
}
