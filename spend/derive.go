package spend

import (
	"strconv"
	"strings"
	"time"

	"github.com/bcspend/bcspend/bc"
	"github.com/bcspend/bcspend/match"
	"github.com/bcspend/bcspend/money"
	"github.com/bcspend/bcspend/store"
)

// derived holds the transactions at the current granularity and, in
// parallel slices, what re-matching and aggregation need without touching
// strings: the match key, the month bucket, the currency and the vendor as
// small integers. They are computed once per derivation; a rule change
// only re-runs the matcher over the distinct keys.
type derived struct {
	txs    []Transaction
	key    []int32 // index into inputs
	month  []int8  // 0..11 within the trailing 12 months (11 = Now's month), -1 outside
	cur    []int32 // index into currencies
	vendor []int32 // index into vendors
	co     []int32 // company index

	inputs     []match.Input // one per distinct (vendor, descriptions)
	keyIdx     map[string]int32
	currencies []string
	curIdx     map[string]int32
	vendors    []string
	vendorIdx  map[string]int32

	buf   []byte   // scratch for keys
	descs []string // scratch for descriptions
}

// Date is the day a transaction counts on: the posting date (the day BC
// booked it and the day its exchange rate is taken), or the document date
// when the posting date is missing.
func (t *Transaction) Date() time.Time {
	if t.PostingDate.IsZero() || t.PostingDate.Year() <= 1 {
		return t.InvoiceDate
	}
	return t.PostingDate
}

// derive rebuilds m.d from the invoices in memory at m.gran.
func (m *Model) derive() {
	n := len(m.invoices)
	if m.gran == PerLine {
		n *= 4
	}
	d := derived{
		txs: make([]Transaction, 0, n), key: make([]int32, 0, n), month: make([]int8, 0, n),
		cur: make([]int32, 0, n), vendor: make([]int32, 0, n), co: make([]int32, 0, n),
		keyIdx: map[string]int32{}, curIdx: map[string]int32{}, vendorIdx: map[string]int32{},
	}
	nowMonth := monthNumber(m.now)
	for i, inv := range m.invoices {
		ci := m.invCo[i]
		base := m.baseTx(int(ci), inv)
		if m.gran == PerLine && hasChargeLines(inv) {
			for li := range inv.Lines {
				l := &inv.Lines[li]
				if l.LineType == bc.LineComment {
					continue
				}
				t := base
				t.ID = inv.ID + "/" + strconv.Itoa(l.Sequence)
				t.LineSequence = l.Sequence
				t.Description = joinDesc(l.Description, l.Description2)
				t.Amount = l.NetAmount
				d.descs = appendDescs(d.descs[:0], l)
				m.add(&d, t, ci, nowMonth)
			}
			continue
		}
		t := base
		t.Amount, t.Description = invoiceAmountAndText(inv)
		d.descs = d.descs[:0]
		for li := range inv.Lines {
			d.descs = appendDescs(d.descs, &inv.Lines[li])
		}
		m.add(&d, t, ci, nowMonth)
	}
	d.buf, d.descs = nil, nil
	m.d = d
}

// baseTx fills what every transaction of an invoice shares.
func (m *Model) baseTx(ci int, inv *store.Invoice) Transaction {
	c := &m.companies[ci]
	cur := inv.CurrencyCode
	if cur == "" {
		cur = c.LocalCurrency
	}
	return Transaction{
		ID: inv.ID, CompanyID: c.ID, Company: c.Name, InvoiceID: inv.ID,
		InvoiceNumber: inv.Number, VendorInvoiceNumber: inv.VendorInvoiceNumber,
		InvoiceDate: inv.InvoiceDate.Time, PostingDate: inv.PostingDate.Time,
		VendorNumber: inv.VendorNumber, VendorName: inv.VendorName,
		Currency: cur, Status: inv.Status, Department: inv.ShortcutDimension1Code,
		ReportingCurrency: m.reporting, History: !inv.Counts(),
	}
}

// add converts t, interns its keys and appends it.
func (m *Model) add(d *derived, t Transaction, ci int32, nowMonth int) {
	if v, ok := m.conv.convert(int(ci), t.Currency, t.Date(), t.Amount); ok {
		t.AmountReporting = v
	} else {
		t.Unconverted = true
	}
	d.txs = append(d.txs, t)
	d.key = append(d.key, d.internKey(t.VendorName))
	d.month = append(d.month, monthBucket(t.Date(), nowMonth))
	d.cur = append(d.cur, intern(&d.currencies, d.curIdx, t.Currency))
	d.vendor = append(d.vendor, intern(&d.vendors, d.vendorIdx, t.VendorName))
	d.co = append(d.co, ci)
}

// internKey finds or adds the match input (vendor, d.descs). The lookup
// converts the scratch buffer without allocating; only a new key copies.
func (d *derived) internKey(vendor string) int32 {
	d.buf = append(d.buf[:0], vendor...)
	for _, s := range d.descs {
		d.buf = append(d.buf, 0)
		d.buf = append(d.buf, s...)
	}
	if i, ok := d.keyIdx[string(d.buf)]; ok {
		return i
	}
	i := int32(len(d.inputs))
	d.keyIdx[string(d.buf)] = i
	d.inputs = append(d.inputs, match.Input{VendorName: vendor, Descriptions: append([]string(nil), d.descs...)})
	return i
}

func intern(list *[]string, idx map[string]int32, s string) int32 {
	if i, ok := idx[s]; ok {
		return i
	}
	i := int32(len(*list))
	idx[s] = i
	*list = append(*list, s)
	return i
}

// hasChargeLines reports whether the invoice has a line that is not a
// comment; one without (lines never fetched) stays a single transaction so
// its money is not lost at line granularity.
func hasChargeLines(inv *store.Invoice) bool {
	for i := range inv.Lines {
		if inv.Lines[i].LineType != bc.LineComment {
			return true
		}
	}
	return false
}

// invoiceAmountAndText is the invoice's total excluding tax (the sum of its
// lines' net amounts; the header total when no line was stored) and its
// distinct line descriptions.
func invoiceAmountAndText(inv *store.Invoice) (money.Amount, string) {
	if len(inv.Lines) == 0 {
		return inv.TotalAmountExcludingTax, ""
	}
	var sum money.Amount
	var parts []string
	for i := range inv.Lines {
		l := &inv.Lines[i]
		sum += l.NetAmount
		if s := joinDesc(l.Description, l.Description2); s != "" && !contains(parts, s) {
			parts = append(parts, s)
		}
	}
	return sum, strings.Join(parts, "; ")
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func joinDesc(a, b string) string {
	switch {
	case b == "":
		return a
	case a == "":
		return b
	}
	return a + " " + b
}

func appendDescs(dst []string, l *store.Line) []string {
	if l.Description != "" {
		dst = append(dst, l.Description)
	}
	if l.Description2 != "" {
		dst = append(dst, l.Description2)
	}
	return dst
}

func monthNumber(t time.Time) int { return t.Year()*12 + int(t.Month()) - 1 }

// monthBucket places a date in the trailing 12 months ending with Now's
// month: 11 is Now's month, 0 eleven months before, -1 outside.
func monthBucket(t time.Time, nowMonth int) int8 {
	diff := nowMonth - monthNumber(t)
	if diff < 0 || diff > 11 {
		return -1
	}
	return int8(11 - diff)
}
