package insights

import (
	"slices"
	"sort"
	"time"

	"github.com/bcspend/bcspend/money"
	"github.com/bcspend/bcspend/spend"
	"github.com/bcspend/bcspend/store"
)

// A charge is one bill of an application: the transactions of one invoice
// (several at line granularity) and of other invoices the same day, summed.
// A series is an application's charges for one company in one currency:
// prices are compared in the currency billed, so exchange-rate moves never
// look like price increases, and two companies paying the same app monthly
// do not look like a fortnightly bill.
type charge struct {
	Date        time.Time
	Amount      money.Amount
	Reporting   money.Amount // converted; meaningful only when !Unconverted
	Unconverted bool
	IDs         []string

	// From the stored invoices (store.Invoice): the lines the charge pays
	// (all of an invoice at invoice granularity, the matched one at line
	// granularity), the texts that may state a service period (those lines'
	// descriptions and the invoice's comment lines), the invoice numbers, and
	// the longest payment term (due date minus invoice date) in days.
	Lines    []*store.Line
	Texts    []textOf
	Invoices []string
	DueDays  int
}

// textOf is a line text and the invoice it is on, for evidence.
type textOf struct{ text, invoice string }

type seriesKey struct{ App, CompanyID, Currency string }

type series struct {
	seriesKey
	Company  string
	Category string
	Vendor   string
	Charges  []charge // oldest first
}

// keyParts identify the series in finding keys; a plan split off by amount
// shares them (its findings differ by their dates and amounts).
func (s *series) keyParts() []string { return []string{s.App, s.CompanyID, s.Currency} }

// buildSeries groups paid, matched transactions into series; invs are the
// stored invoices by id (lines, due dates).
func buildSeries(txs []spend.Transaction, invs map[string]*store.Invoice) []*series {
	byKey := map[seriesKey]*series{}
	var keys []seriesKey
	for i := range txs {
		t := &txs[i]
		if t.History || t.Ignored || t.App == "" || t.IsCreditMemo() { // a refund is no charge of a plan
			continue
		}
		k := seriesKey{t.App, t.CompanyID, t.Currency}
		s := byKey[k]
		if s == nil {
			s = &series{seriesKey: k, Company: t.Company, Category: t.Category, Vendor: t.VendorName}
			byKey[k] = s
			keys = append(keys, k)
		}
		s.add(t, invs[t.InvoiceID])
	}
	out := make([]*series, 0, len(keys))
	for _, k := range keys {
		s := byKey[k]
		sort.SliceStable(s.Charges, func(i, j int) bool { return s.Charges[i].Date.Before(s.Charges[j].Date) })
		out = append(out, s.plans()...)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.App != b.App {
			return a.App < b.App
		}
		if a.Company != b.Company {
			return a.Company < b.Company
		}
		return a.Currency < b.Currency
	})
	return out
}

// add merges t into the charge of its day, or starts one.
func (s *series) add(t *spend.Transaction, inv *store.Invoice) {
	d := t.Date()
	var c *charge
	for i := len(s.Charges) - 1; i >= 0 && i >= len(s.Charges)-4; i-- {
		if s.Charges[i].Date.Equal(d) {
			c = &s.Charges[i]
			c.Amount += t.Amount
			c.Reporting += t.AmountReporting
			c.Unconverted = c.Unconverted || t.Unconverted
			c.IDs = append(c.IDs, t.ID)
			break
		}
	}
	if c == nil {
		s.Charges = append(s.Charges, charge{Date: d, Amount: t.Amount, Reporting: t.AmountReporting,
			Unconverted: t.Unconverted, IDs: []string{t.ID}})
		c = &s.Charges[len(s.Charges)-1]
	}
	if inv != nil {
		c.addInvoice(inv, t.LineSequence)
	}
}

// addInvoice records what the stored invoice says about the charge: seq 0
// takes every line (invoice granularity), otherwise the line of that
// sequence; comment lines always count as text, since BC puts billing
// periods there.
func (c *charge) addInvoice(inv *store.Invoice, seq int) {
	if !slices.Contains(c.Invoices, inv.Number) {
		c.Invoices = append(c.Invoices, inv.Number)
		if !inv.DueDate.IsZero() && !inv.InvoiceDate.IsZero() {
			c.DueDays = max(c.DueDays, min(90, int(inv.DueDate.Sub(inv.InvoiceDate.Time).Hours()/24)))
		}
	}
	for i := range inv.Lines {
		l := &inv.Lines[i]
		comment := !l.Charged()
		if !comment && seq != 0 && l.Sequence != seq {
			continue
		}
		if comment && seq != 0 && containsText(c.Texts, l.Description, inv.Number) {
			continue // a second line of the invoice at line granularity: the comments are in already
		}
		if !comment {
			c.Lines = append(c.Lines, l)
		}
		for _, txt := range []string{l.Description} {
			if txt != "" {
				c.Texts = append(c.Texts, textOf{txt, inv.Number})
			}
		}
	}
}

func containsText(ts []textOf, text, invoice string) bool {
	for _, t := range ts {
		if t.text == text && t.invoice == invoice {
			return true
		}
	}
	return false
}

// planGap is the amount ratio that separates two plans of one app: a
// monthly seat bill and an annual one differ about twelvefold, while a seat
// count or price change within a plan stays well inside it.
const planGap = 2.5

// plans splits a series into one series per plan, clustering its charges by
// amount: charges whose sorted amounts step up by no more than planGap go
// together. Without this, an annual Slack Business+ bill among monthly Slack
// Pro bills would read as a 1,000% price increase and break the cadence.
func (s *series) plans() []*series {
	if len(s.Charges) < 2 {
		return []*series{s}
	}
	amounts := make([]money.Amount, len(s.Charges))
	for i, c := range s.Charges {
		amounts[i] = c.Amount
	}
	sort.Slice(amounts, func(i, j int) bool { return amounts[i] < amounts[j] })
	var bounds []money.Amount // upper bound of each cluster but the last
	for i := 1; i < len(amounts); i++ {
		lo, hi := amounts[i-1], amounts[i]
		if lo > 0 && float64(hi) > planGap*float64(lo) {
			bounds = append(bounds, lo)
		}
	}
	if len(bounds) == 0 {
		return []*series{s}
	}
	out := make([]*series, len(bounds)+1)
	for i := range out {
		out[i] = &series{seriesKey: s.seriesKey, Company: s.Company, Category: s.Category, Vendor: s.Vendor}
	}
	for _, c := range s.Charges { // already oldest first
		k := sort.Search(len(bounds), func(i int) bool { return c.Amount <= bounds[i] })
		out[k].Charges = append(out[k].Charges, c)
	}
	return out
}

func (s *series) ids() []string {
	var out []string
	for _, c := range s.Charges {
		out = append(out, c.IDs...)
	}
	return out
}

// Cadence is how often an application bills.
type Cadence string

// Cadences. Unknown means a single charge: nothing to infer from.
const (
	Monthly   Cadence = "monthly"
	Quarterly Cadence = "quarterly"
	Annual    Cadence = "annual"
	Irregular Cadence = "irregular"
	MultiYear Cadence = "multi-year" // only from a line's period: 15 months of history never show it
	Unknown   Cadence = "unknown"
)

// cadenceBand is the range of days between charges a cadence allows: BC
// invoice dates drift with weekends, month lengths and late bills.
type cadenceBand struct {
	cadence  Cadence
	min, max int
	months   int // the period, for predicting the next date
	grace    int // days after the expected date before a charge is "missed"
}

var bands = []cadenceBand{
	{Monthly, 25, 36, 1, 10},
	{Quarterly, 80, 100, 3, 20},
	{Annual, 340, 390, 12, 30},
}

// regularShare is how many of the intervals must fall in one band: one
// odd interval (a late bill, a plan change) does not make a series
// irregular, but a scatter does.
const regularShare = 0.75

// InferCadence classifies a series of charge dates (oldest first) by the
// days between consecutive charges: the band holding the median interval,
// if at least three quarters of the intervals fall in it too.
func InferCadence(dates []time.Time) Cadence {
	if len(dates) < 2 {
		return Unknown
	}
	gaps := make([]int, 0, len(dates)-1)
	for i := 1; i < len(dates); i++ {
		gaps = append(gaps, int(dates[i].Sub(dates[i-1]).Hours()/24+0.5))
	}
	sorted := append([]int(nil), gaps...)
	sort.Ints(sorted)
	median := sorted[len(sorted)/2]
	for _, b := range bands {
		if median < b.min || median > b.max {
			continue
		}
		in := 0
		for _, g := range gaps {
			if g >= b.min && g <= b.max {
				in++
			}
		}
		if float64(in) >= regularShare*float64(len(gaps)) {
			return b.cadence
		}
	}
	return Irregular
}

func bandOf(c Cadence) (cadenceBand, bool) {
	for _, b := range bands {
		if b.cadence == c {
			return b, true
		}
	}
	return cadenceBand{}, false
}

func (s *series) dates() []time.Time {
	out := make([]time.Time, len(s.Charges))
	for i, c := range s.Charges {
		out[i] = c.Date
	}
	return out
}
