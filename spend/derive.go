package spend

import (
	"encoding/binary"
	"strconv"
	"strings"
	"time"

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
	month  []int8  // 0..11 within the period (11 = Now's month), -1 outside
	cur    []int32 // index into currencies
	vendor []int32 // index into vendors
	co     []int32 // company index

	// units are what is matched and summed: one per charge line (or one
	// for an invoice without charge lines), at both granularities, so the
	// spend per application cannot depend on the granularity. Transaction
	// i owns units[txUnit[i]:txUnit[i+1]]; at line granularity exactly one.
	units  []unit
	txUnit []int32
	decs   []match.Decision // per input, then one per manual fix (unit.dec)

	inputs     []match.Input // one per distinct (vendor, descriptions)
	keys       []string      // per input, its key (appendInputKey)
	keyIdx     map[string]int32
	currencies []string
	curIdx     map[string]int32
	vendors    []string
	vendorIdx  map[string]int32
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

// derive rebuilds m.d from the invoices in memory at m.gran. Each part is
// derived on its own goroutine straight into its slice range, with private
// intern tables that are merged afterwards (the merge only touches the
// distinct keys, currencies and vendors, not the transactions).
func (m *Model) derive() {
	offs := make([]int, len(m.parts)+1)
	uoffs := make([]int, len(m.parts)+1)
	for i, p := range m.parts {
		offs[i+1] = offs[i] + countTxs(p.all(), m.gran)
		uoffs[i+1] = uoffs[i] + countTxs(p.all(), PerLine)
	}
	n, nu := offs[len(m.parts)], uoffs[len(m.parts)]
	d := derived{
		txs: make([]Transaction, n), month: make([]int8, n),
		cur: make([]int32, n), vendor: make([]int32, n), co: make([]int32, n),
		units: make([]unit, nu), txUnit: make([]int32, n+1),
		keyIdx: map[string]int32{}, curIdx: map[string]int32{}, vendorIdx: map[string]int32{},
	}
	d.txUnit[n] = int32(nu)
	locals := make([]*interner, len(m.parts))
	parallel(len(m.parts), func(i int) {
		w := &partWriter{m: m, d: &d, j: offs[i], u: uoffs[i], ci: int32(m.parts[i].ci), in: newInterner(),
			conv: m.conv.fork(), nowMonth: monthNumber(m.now), credit: m.parts[i].credit}
		w.derive(m.parts[i].all())
		locals[i] = w.in
	})
	for i, in := range locals {
		d.merge(in, offs[i], offs[i+1], uoffs[i], uoffs[i+1])
	}
	m.d = d
}

// countTxs is how many transactions derive makes of invs.
func countTxs(invs []*store.Invoice, g Granularity) int {
	if g != PerLine {
		return len(invs)
	}
	n := 0
	for _, inv := range invs {
		k := 0
		for i := range inv.Lines {
			if inv.Lines[i].Charged() {
				k++
			}
		}
		n += max(k, 1)
	}
	return n
}

// partWriter derives one part into d[j:].
type partWriter struct {
	m        *Model
	d        *derived
	j        int   // next transaction
	u        int   // next unit
	invKey   int32 // the current invoice's input
	ci       int32
	in       *interner
	conv     *converter
	nowMonth int
	credit   map[*store.Invoice]*store.CreditMemo // the part's credit memos among its documents
}

func (w *partWriter) derive(invs []*store.Invoice) {
	for _, inv := range invs {
		base := w.m.baseTx(int(w.ci), inv)
		if cm := w.credit[inv]; cm != nil {
			markCredit(&base, cm)
		}
		w.invKey = w.invoiceKey(inv)
		if w.m.gran == PerLine && hasChargeLines(inv) {
			for li := range inv.Lines {
				l := &inv.Lines[li]
				if !l.Charged() {
					continue
				}
				t := base
				t.ID = inv.ID + "/" + strconv.Itoa(l.Sequence)
				t.LineSequence = l.Sequence
				t.Description = l.Description
				t.Amount = l.NetAmount
				w.d.txUnit[w.j] = int32(w.u)
				w.addUnit(&t, l)
				w.put(&t)
			}
			continue
		}
		t := base
		t.Amount, t.Description = invoiceAmountAndText(inv)
		w.d.txUnit[w.j] = int32(w.u)
		if !hasChargeLines(inv) {
			w.addUnit(&t, nil)
		}
		for li := range inv.Lines {
			if l := &inv.Lines[li]; l.Charged() {
				w.addUnit(&t, l)
			}
		}
		w.put(&t)
	}
}

// invoiceKey is the match input of the whole invoice: its vendor and
// every description on it.
func (w *partWriter) invoiceKey(inv *store.Invoice) int32 {
	w.in.descs = w.in.descs[:0]
	for li := range inv.Lines {
		w.in.descs = appendDescs(w.in.descs, &inv.Lines[li])
	}
	return w.in.key(inv.VendorName)
}

// unit is one matched and summed charge of a transaction. A line that
// says nothing either way (a PO reference, a billing period: method none)
// takes its invoice's decision, at both granularities.
type unit struct {
	key    int32 // index into inputs: vendor and this charge's descriptions
	ikey   int32 // index into inputs: the whole invoice (invoiceKey)
	dec    int32 // index into derived.decs, set by rematch
	seq    int32 // the line's sequence; 0 for an invoice without charge lines
	amount money.Amount
	rep    money.Amount // converted; 0 when the transaction is Unconverted
}

// addUnit adds the charge l of t (nil: the whole of an invoice without
// charge lines, matched on every description it has), converted on its
// own so the sum is the same at both granularities.
func (w *partWriter) addUnit(t *Transaction, l *store.Line) {
	un := unit{amount: t.Amount, key: w.invKey, ikey: w.invKey}
	if l != nil {
		un.amount, un.seq = l.NetAmount, int32(l.Sequence)
		w.in.descs = appendDescs(w.in.descs[:0], l)
		un.key = w.in.key(t.VendorName)
	}
	if v, ok := w.conv.convert(int(w.ci), t.Currency, t.Date(), un.amount); ok {
		un.rep = v
	} else {
		t.Unconverted = true
	}
	w.d.units[w.u] = un
	w.u++
}

// put stores t, whose units were just added, with its (part-local)
// interned keys; its converted amount is the sum of its units'.
func (w *partWriter) put(t *Transaction) {
	d, j := w.d, w.j
	t.AmountReporting = 0
	if !t.Unconverted {
		for _, un := range d.units[d.txUnit[j]:w.u] {
			t.AmountReporting += un.rep
		}
	} else {
		for k := d.txUnit[j]; k < int32(w.u); k++ {
			d.units[k].rep = 0
		}
	}
	d.txs[j] = *t
	d.month[j] = monthBucket(t.Date(), w.nowMonth)
	d.cur[j] = intern(&w.in.currencies, w.in.curIdx, t.Currency)
	d.vendor[j] = intern(&w.in.vendors, w.in.vendorIdx, t.VendorName)
	d.co[j] = w.ci
	w.j++
}

// interner is one worker's private intern tables.
type interner struct {
	keyIdx     map[string]int32
	keys       []string
	inputs     []match.Input
	currencies []string
	curIdx     map[string]int32
	vendors    []string
	vendorIdx  map[string]int32

	buf   []byte   // scratch for keys
	descs []string // scratch for descriptions
}

func newInterner() *interner {
	return &interner{keyIdx: map[string]int32{}, curIdx: map[string]int32{}, vendorIdx: map[string]int32{}}
}

// key finds or adds the match input (vendor, in.descs). The lookup
// converts the scratch buffer without allocating; only a new key copies.
func (in *interner) key(vendor string) int32 {
	in.buf = appendInputKey(in.buf[:0], vendor, in.descs)
	if i, ok := in.keyIdx[string(in.buf)]; ok {
		return i
	}
	i := int32(len(in.inputs))
	k := string(in.buf)
	in.keyIdx[k] = i
	in.keys = append(in.keys, k)
	in.inputs = append(in.inputs, match.Input{VendorName: vendor, Descriptions: append([]string(nil), in.descs...)})
	return i
}

// appendInputKey appends the key of the input (vendor, descs): each
// string after its length, so no two inputs share a key whatever bytes
// BC's text holds (with a separator byte instead, a vendor named "A\x00B"
// with no line and "A" with the line "B" were one input and took one
// decision). Stored decisions are keyed by it too (decisions.go).
func appendInputKey(b []byte, vendor string, descs []string) []byte {
	b = binary.AppendUvarint(b, uint64(len(vendor)))
	b = append(b, vendor...)
	for _, s := range descs {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	return b
}

// merge adds a part's intern tables to d's and rewrites the part's
// indexes (transactions [lo, hi), units [ulo, uhi)) from local to global.
func (d *derived) merge(in *interner, lo, hi, ulo, uhi int) {
	keys := make([]int32, len(in.keys))
	for i, k := range in.keys {
		g, ok := d.keyIdx[k]
		if !ok {
			g = int32(len(d.inputs))
			d.keyIdx[k] = g
			d.inputs = append(d.inputs, in.inputs[i])
			d.keys = append(d.keys, k)
		}
		keys[i] = g
	}
	curs := remap(in.currencies, &d.currencies, d.curIdx)
	vendors := remap(in.vendors, &d.vendors, d.vendorIdx)
	for j := lo; j < hi; j++ {
		d.cur[j] = curs[d.cur[j]]
		d.vendor[j] = vendors[d.vendor[j]]
	}
	for u := ulo; u < uhi; u++ {
		d.units[u].key = keys[d.units[u].key]
		d.units[u].ikey = keys[d.units[u].ikey]
	}
}

func remap(local []string, global *[]string, idx map[string]int32) []int32 {
	out := make([]int32, len(local))
	for i, s := range local {
		out[i] = intern(global, idx, s)
	}
	return out
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
		Currency: cur, Status: inv.Status, DocumentType: DocInvoice, Dimension1: inv.ShortcutDimension1Code, Dimension2: inv.ShortcutDimension2Code,
		ReportingCurrency: m.reporting, History: !inv.Counts(),
	}
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
		if inv.Lines[i].Charged() {
			return true
		}
	}
	return false
}

// invoiceAmountAndText is the invoice's total excluding tax (the sum of its
// lines' net amounts; the header total when no line was stored) and its
// distinct line descriptions joined with "; ". It allocates only the
// joined text, and nothing when one line carries all the text.
func invoiceAmountAndText(inv *store.Invoice) (money.Amount, string) {
	if len(inv.Lines) == 0 {
		return inv.TotalAmountExcludingTax, ""
	}
	var sum money.Amount
	var seen [8]string
	parts := seen[:0]
	size := 0
	for i := range inv.Lines {
		l := &inv.Lines[i]
		sum += l.NetAmount
		s := l.Description
		if s != "" && !contains(parts, s) {
			parts = append(parts, s)
			size += len(s) + 2
		}
	}
	switch len(parts) {
	case 0:
		return sum, ""
	case 1:
		return sum, parts[0]
	}
	var b strings.Builder
	b.Grow(size)
	for i, p := range parts {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(p)
	}
	return sum, b.String()
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func appendDescs(dst []string, l *store.Line) []string {
	if l.Description != "" {
		dst = append(dst, l.Description)
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
