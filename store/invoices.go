package store

import (
	"bytes"
	"errors"
	"fmt"
	"time"

	"github.com/bcspend/bcspend/bc"
	"github.com/bcspend/bcspend/money"
	bolt "go.etcd.io/bbolt"
)

// Invoice is a stored purchase invoice: every BC field of
// bc.PurchaseInvoice except @odata noise, its lines, and what bcspend
// itself knows about it.
type Invoice struct {
	CompanyID string

	ID                      string
	Number                  string
	InvoiceDate             bc.Date
	PostingDate             bc.Date
	DueDate                 bc.Date
	VendorInvoiceNumber     string
	VendorID                string
	VendorNumber            string
	VendorName              string
	PayToName               string
	CurrencyID              string
	CurrencyCode            string
	PricesIncludeTax        bool
	DiscountAmount          money.Amount
	TotalAmountExcludingTax money.Amount
	TotalTaxAmount          money.Amount
	TotalAmountIncludingTax money.Amount
	Status                  string
	LastModifiedDateTime    time.Time
	ShortcutDimension1Code  string
	ShortcutDimension2Code  string
	Lines                   []Line

	FirstSeen   time.Time // when bcspend first stored it
	LastSeenRun string    // the last sync run that fetched it
	Removed     bool      // deleted in BC (found by a full reconcile): history, not counted
	RemovedAt   time.Time
}

// Line is a stored purchase invoice line, identified within its invoice by
// Sequence. Only the net* amounts are kept: on posted invoices the others
// read 0.
type Line struct {
	Sequence              int
	LineType              string
	LineObjectNumber      string
	Description           string
	Quantity              money.Decimal
	UnitCost              money.Decimal
	DiscountAmount        money.Amount
	NetAmount             money.Amount
	NetTaxAmount          money.Amount
	NetAmountIncludingTax money.Amount
}

// Charged reports whether the line is a charge: any type but a comment,
// which BC sends with no amount (not only BC's "Charge (Item)" type).
func (l *Line) Charged() bool { return l.LineType != bc.LineComment }

// Counts says whether the invoice is spend: paid and still in BC. Anything
// else is kept as history.
func (inv *Invoice) Counts() bool { return inv.Status == bc.StatusPaid && !inv.Removed }

// fromWire converts a BC invoice (the store's only input shape).
func fromWire(companyID string, w *bc.PurchaseInvoice) *Invoice {
	inv := &Invoice{
		CompanyID: companyID, ID: w.ID, Number: w.Number,
		InvoiceDate: day(w.InvoiceDate), PostingDate: day(w.PostingDate), DueDate: day(w.DueDate),
		VendorInvoiceNumber: w.VendorInvoiceNumber, VendorID: w.VendorID, VendorNumber: w.VendorNumber,
		VendorName: w.VendorName, PayToName: w.PayToName, CurrencyID: w.CurrencyID,
		CurrencyCode: w.CurrencyCode, PricesIncludeTax: w.PricesIncludeTax,
		DiscountAmount: w.DiscountAmount, TotalAmountExcludingTax: w.TotalAmountExcludingTax,
		TotalTaxAmount: w.TotalTaxAmount, TotalAmountIncludingTax: w.TotalAmountIncludingTax,
		Status: w.Status, LastModifiedDateTime: w.LastModifiedDateTime.UTC(),
		ShortcutDimension1Code: w.ShortcutDimension1Code, ShortcutDimension2Code: w.ShortcutDimension2Code,
	}
	if len(w.Lines) > 0 {
		inv.Lines = make([]Line, len(w.Lines))
		for i, l := range w.Lines {
			inv.Lines[i] = Line{
				Sequence: l.Sequence, LineType: l.LineType, LineObjectNumber: l.LineObjectNumber,
				Description: l.Description, Quantity: l.Quantity,
				UnitCost: l.UnitCost, DiscountAmount: l.DiscountAmount, NetAmount: l.NetAmount,
				NetTaxAmount: l.NetTaxAmount, NetAmountIncludingTax: l.NetAmountIncludingTax,
			}
		}
	}
	return inv
}

// day normalises a BC date to midnight UTC of its calendar day, the form
// the codec stores, so what goes in is what comes out.
func day(d bc.Date) bc.Date { return bc.Date{Time: calendarDay(d.Time)} }

// calendarDay is t's date at midnight UTC (the zero time stays zero): the
// form dates take in keys and values.
func calendarDay(t time.Time) time.Time {
	if t.IsZero() {
		return time.Time{}
	}
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// Value layout, format 2 (docs/STORAGE.md):
//
//	byte 0x01 | number str | invoiceDate postingDate dueDate date |
//	vendorInvoiceNumber str | vendorId guid | vendorNumber vendorName payToName str |
//	currencyId guid | currencyCode str | pricesIncludeTax bool |
//	discount totalExcl totalTax totalIncl amount | status symbol | lastModified time |
//	dim1 dim2 str | line count uvarint | lines... |
//	firstSeen time | lastSeenRun str | removed bool | removedAt time
//
//	line: sequence varint | lineType symbol | lineObjectNumber description description2 str |
//	      quantity unitCost decimal | discount net netTax netIncl amount
//
// The id is not repeated: it is the tail of the key. Format 1, written
// before quantities and unit costs could carry BC's 5 places, is the same
// with quantity and unitCost as amounts; it is still read.
const (
	invoiceFormat1 = 0x01
	invoiceFormat2 = 0x02
)

var statusTable = []string{bc.StatusPaid, bc.StatusOpen, bc.StatusDraft, bc.StatusInReview,
	bc.StatusCanceled, bc.StatusCorrective, " ", ""}

var lineTypeTable = []string{bc.LineAccount, bc.LineItem, bc.LineComment, "Resource", "Fixed Asset",
	"Charge", "Allocation Account", ""}

// minLineSize is the fewest bytes an encoded line takes (11 one-byte fields
// in format 1, 13 in format 2).
const minLineSize = 11

// appendInvoiceBC writes the BC part of the record (everything but the
// local fields), which is also what decides "changed".
func appendInvoiceBC(b []byte, inv *Invoice) []byte {
	e := encoder{b}
	e.byte1(invoiceFormat2)
	e.str(inv.Number)
	e.date(inv.InvoiceDate.Time)
	e.date(inv.PostingDate.Time)
	e.date(inv.DueDate.Time)
	e.str(inv.VendorInvoiceNumber)
	e.guid(inv.VendorID)
	e.str(inv.VendorNumber)
	e.str(inv.VendorName)
	e.str(inv.PayToName)
	e.guid(inv.CurrencyID)
	e.str(inv.CurrencyCode)
	e.bool(inv.PricesIncludeTax)
	e.amount(inv.DiscountAmount)
	e.amount(inv.TotalAmountExcludingTax)
	e.amount(inv.TotalTaxAmount)
	e.amount(inv.TotalAmountIncludingTax)
	e.symbol(inv.Status, statusTable)
	e.time(inv.LastModifiedDateTime)
	e.str(inv.ShortcutDimension1Code)
	e.str(inv.ShortcutDimension2Code)
	e.uvarint(uint64(len(inv.Lines)))
	for i := range inv.Lines {
		l := &inv.Lines[i]
		e.varint(int64(l.Sequence))
		e.symbol(l.LineType, lineTypeTable)
		e.str(l.LineObjectNumber)
		e.str(l.Description)
		e.str("") // description2: BC's API v2.0 lines have none (docs/STORAGE.md)
		e.decimal(l.Quantity)
		e.decimal(l.UnitCost)
		e.amount(l.DiscountAmount)
		e.amount(l.NetAmount)
		e.amount(l.NetTaxAmount)
		e.amount(l.NetAmountIncludingTax)
	}
	return e.b
}

func encodeInvoice(inv *Invoice) []byte {
	e := encoder{appendInvoiceBC(make([]byte, 0, 256), inv)}
	e.time(inv.FirstSeen)
	e.str(inv.LastSeenRun)
	e.bool(inv.Removed)
	e.time(inv.RemovedAt)
	return e.b
}

// decodeInvoice reads a value written by encodeInvoice; the caller sets ID
// and CompanyID from the key. It never panics on arbitrary bytes.
func decodeInvoice(v []byte) (*Invoice, error) {
	return decodeInvoiceIn(v, nil)
}

// decodeInvoiceIn is decodeInvoice with the record's memory taken from a
// (nil: allocated on its own).
func decodeInvoiceIn(v []byte, a *arena) (*Invoice, error) {
	d := newStringDecoder(v, a)
	format := d.byte1()
	if format != invoiceFormat1 && format != invoiceFormat2 {
		return nil, fmt.Errorf("unknown invoice format")
	}
	var inv *Invoice
	if a != nil {
		inv = a.invoice()
	} else {
		inv = &Invoice{}
	}
	inv.Number = d.str()
	inv.InvoiceDate = bc.Date{Time: d.date()}
	inv.PostingDate = bc.Date{Time: d.date()}
	inv.DueDate = bc.Date{Time: d.date()}
	inv.VendorInvoiceNumber = d.str()
	inv.VendorID = d.guid()
	inv.VendorNumber = d.str()
	inv.VendorName = d.str()
	inv.PayToName = d.str()
	inv.CurrencyID = d.guid()
	inv.CurrencyCode = d.str()
	inv.PricesIncludeTax = d.bool()
	inv.DiscountAmount = d.amount()
	inv.TotalAmountExcludingTax = d.amount()
	inv.TotalTaxAmount = d.amount()
	inv.TotalAmountIncludingTax = d.amount()
	inv.Status = d.symbol(statusTable)
	inv.LastModifiedDateTime = d.time()
	inv.ShortcutDimension1Code = d.str()
	inv.ShortcutDimension2Code = d.str()
	if n := d.count(minLineSize); n > 0 {
		if a != nil {
			inv.Lines = a.lineSlice(n)
		} else {
			inv.Lines = make([]Line, n)
		}
		for i := range inv.Lines {
			l := &inv.Lines[i]
			l.Sequence = int(d.varint())
			l.LineType = d.symbol(lineTypeTable)
			l.LineObjectNumber = d.str()
			l.Description = d.str()
			d.str() // description2, always empty
			if format == invoiceFormat1 {
				l.Quantity, l.UnitCost = money.DecimalOf(d.amount()), money.DecimalOf(d.amount())
			} else {
				l.Quantity, l.UnitCost = d.decimal(), d.decimal()
			}
			l.DiscountAmount = d.amount()
			l.NetAmount = d.amount()
			l.NetTaxAmount = d.amount()
			l.NetAmountIncludingTax = d.amount()
		}
	}
	inv.FirstSeen = d.time()
	inv.LastSeenRun = d.str()
	inv.Removed = d.bool()
	inv.RemovedAt = d.time()
	if err := d.finish(); err != nil {
		return nil, err
	}
	return inv, nil
}

// Keys. invoices/<company>/<YYYYMMDD><id>: the ASCII date sorts like the
// calendar, so a date range is one cursor Seek plus a forward walk over
// exactly the records in range, and each company's records sit together.
// invoice-ids/<company>/<id> -> YYYYMMDD finds a record by id and lets an
// upsert whose date changed delete the old key.
const dateKeyLen = 8

// dateKey is the calendar day of t in t's own location: a range bound
// given in local time means that local day, and stored invoice dates are
// midnight UTC already (see day).
func dateKey(t time.Time) []byte {
	if t.IsZero() {
		return []byte("00010101")
	}
	return []byte(t.Format("20060102"))
}

func invoiceKey(date []byte, id string) []byte {
	k := make([]byte, 0, len(date)+len(id))
	return append(append(k, date...), id...)
}

// PageResult counts what CommitPage did with a page.
type PageResult struct {
	New, Changed, Unchanged int
	Watermark               time.Time // the checkpoint's watermark as stored
}

// CommitPage stores one page of invoices (with their lines) and vendors
// and the company's sync checkpoint in ONE transaction: after a crash the
// file holds either the page and the checkpoint that points past it, or
// neither, so a resumed run neither loses nor double-counts. Upserts are
// keyed by BC id and idempotent: committing the same page again writes
// nothing and counts every invoice Unchanged.
//
// The checkpoint's Watermark is raised to the page's latest
// lastModifiedDateTime (never lowered); RunID defaults to runID and
// Updated to now. Invoices are stamped LastSeenRun = runID; FirstSeen is
// state.Updated (or now) for new ones.
func (db *DB) CommitPage(companyID string, invoices []bc.PurchaseInvoice, vendors []Vendor, state SyncState, runID string) (PageResult, error) {
	var res PageResult
	if err := validatePage(companyID, invoices, runID); err != nil {
		return res, err
	}
	state = db.pageCheckpoint(state, runID, len(invoices), func(i int) time.Time { return invoices[i].LastModifiedDateTime })
	err := db.update("commit a page of invoices", func(tx *bolt.Tx) error {
		recs, err := sub(tx, bktInvoices, companyID, true)
		if err != nil {
			return err
		}
		ids, err := sub(tx, bktInvoiceIDs, companyID, true)
		if err != nil {
			return err
		}
		setFill(recs, ids, companyID, invoices)
		for i := range invoices {
			inv := fromWire(companyID, &invoices[i])
			inv.LastSeenRun = runID
			c, err := upsertInvoice(recs, ids, inv, state.Updated)
			if err != nil {
				return err
			}
			res.count(c)
		}
		if err := putVendors(tx, companyID, vendors); err != nil {
			return err
		}
		return putSyncState(tx, companyID, state)
	})
	if err != nil {
		return PageResult{}, err
	}
	res.Watermark = state.Watermark
	return res, nil
}

func validatePage(companyID string, invoices []bc.PurchaseInvoice, runID string) error {
	if companyID == "" {
		return errors.New("store: CommitPage: empty company id")
	}
	if runID == "" {
		return errors.New("store: CommitPage: empty run id")
	}
	for i := range invoices {
		inv := &invoices[i]
		if inv.ID == "" {
			return fmt.Errorf("store: CommitPage: invoice %q has no id; nothing of the page was stored", inv.Number)
		}
		// The key holds the date as 8 digits and the codec years 1..9999:
		// refuse what could not be read back rather than store it.
		for _, t := range []time.Time{inv.InvoiceDate.Time, inv.PostingDate.Time, inv.DueDate.Time, inv.LastModifiedDateTime} {
			if y := t.UTC().Year(); y < 1 || y > 9999 {
				return fmt.Errorf("store: CommitPage: invoice %s has a date outside years 1..9999 (%s); nothing of the page was stored", inv.ID, t.Format(time.RFC3339))
			}
		}
	}
	return nil
}

// appendFill is how full bbolt packs a page before splitting it when a
// page of invoices lands entirely after the bucket's last key (a backfill
// walking forward in time): bbolt's default split at 50% would leave those
// pages half empty for good. Keys landing in the middle keep the default,
// which suits random inserts better (measured: 0.9 costs ~35% more disk
// there). The setting lasts one transaction.
const appendFill = 0.9

func setFill(recs, ids *bolt.Bucket, companyID string, invoices []bc.PurchaseInvoice) {
	if len(invoices) == 0 {
		return
	}
	minKey, minID := []byte(nil), ""
	for i := range invoices {
		inv := &invoices[i]
		k := invoiceKey(dateKey(day(inv.InvoiceDate).Time), inv.ID)
		if minKey == nil || bytes.Compare(k, minKey) < 0 {
			minKey = k
		}
		if minID == "" || inv.ID < minID {
			minID = inv.ID
		}
	}
	if last, _ := recs.Cursor().Last(); bytes.Compare(minKey, last) > 0 {
		recs.FillPercent = appendFill
	}
	if last, _ := ids.Cursor().Last(); bytes.Compare([]byte(minID), last) > 0 {
		ids.FillPercent = appendFill
	}
}

type upsertClass int

const (
	upsertUnchanged upsertClass = iota
	upsertNew
	upsertChanged
)

// count adds one upserted record to the page's figures.
func (r *PageResult) count(c upsertClass) {
	switch c {
	case upsertNew:
		r.New++
	case upsertChanged:
		r.Changed++
	default:
		r.Unchanged++
	}
}

// pageCheckpoint is the checkpoint a page of n records commits with:
// Updated defaults to now and RunID to runID, and the Watermark rises to
// the latest of the records' modified times (never lowered); all in UTC.
func (db *DB) pageCheckpoint(state SyncState, runID string, n int, modified func(i int) time.Time) SyncState {
	if state.Updated.IsZero() {
		state.Updated = db.now()
	}
	state.Updated = state.Updated.UTC()
	if state.RunID == "" {
		state.RunID = runID
	}
	for i := 0; i < n; i++ {
		if m := modified(i).UTC(); m.After(state.Watermark) {
			state.Watermark = m
		}
	}
	state.Watermark = state.Watermark.UTC()
	return state
}

// upsertInvoice stores inv (LastSeenRun set), keeping FirstSeen of the
// stored record, moving it when its date changed, and writing only when
// the bytes differ. A record seen again after being marked removed is
// restored and counts as changed.
func upsertInvoice(recs, ids *bolt.Bucket, inv *Invoice, now time.Time) (upsertClass, error) {
	return upsertDated(recs, ids, dated{id: inv.ID, date: inv.InvoiceDate.Time, firstSeen: &inv.FirstSeen,
		encode: func() []byte { return encodeInvoice(inv) },
		keep: func(oldKey, oldVal []byte) (readable, unchanged bool) {
			old, err := decodeInvoice(oldVal)
			if err != nil {
				return false, false
			}
			inv.FirstSeen = old.FirstSeen
			return true, !old.Removed && bytes.Equal(appendInvoiceBC(nil, old), appendInvoiceBC(nil, inv))
		}}, now)
}

// dated is what upsertDated needs of a stored document (an invoice or a
// credit memo): its id and date, where its FirstSeen lives, its encoding,
// and keep, which reads the stored record (readable) and, when it is,
// takes their FirstSeen and says whether BC's part is unchanged.
type dated struct {
	id        string
	date      time.Time
	firstSeen *time.Time
	encode    func() []byte
	keep      func(oldKey, oldVal []byte) (readable, unchanged bool)
}

// upsertDated is the one upsert of a document keyed by date and id (see
// upsertInvoice).
func upsertDated(recs, ids *bolt.Bucket, d dated, now time.Time) (upsertClass, error) {
	id := []byte(d.id)
	newDate := dateKey(d.date)
	newKey := invoiceKey(newDate, d.id)
	oldDate := clone(ids.Get(id))
	if oldDate == nil {
		*d.firstSeen = now
		if err := recs.Put(newKey, d.encode()); err != nil {
			return 0, err
		}
		return upsertNew, ids.Put(id, newDate)
	}
	oldKey := invoiceKey(oldDate, d.id)
	oldVal := clone(recs.Get(oldKey))
	class := upsertChanged
	if readable, unchanged := d.keep(oldKey, oldVal); !readable {
		// Unreadable or missing: BC's copy repairs it.
		*d.firstSeen = now
	} else if unchanged {
		class = upsertUnchanged
	}
	val := d.encode()
	if !bytes.Equal(oldDate, newDate) {
		if err := recs.Delete(oldKey); err != nil {
			return 0, err
		}
		if err := ids.Put(id, newDate); err != nil {
			return 0, err
		}
	} else if bytes.Equal(oldVal, val) {
		return class, nil
	}
	return class, recs.Put(newKey, val)
}

// Invoice returns one invoice by id; ok is false when it is not stored.
func (db *DB) Invoice(companyID, id string) (inv *Invoice, ok bool, err error) {
	err = db.view(func(tx *bolt.Tx) error {
		recs, err := sub(tx, bktInvoices, companyID, false)
		if err != nil || recs == nil {
			return err
		}
		ids, err := sub(tx, bktInvoiceIDs, companyID, false)
		if err != nil || ids == nil {
			return err
		}
		date := ids.Get([]byte(id))
		if date == nil {
			return nil
		}
		key := invoiceKey(date, id)
		inv, err = decodeInvoiceKV(companyID, key, recs.Get(key))
		ok = err == nil
		return err
	})
	return inv, ok, err
}

func decodeInvoiceKV(companyID string, k, v []byte) (*Invoice, error) {
	return decodeInvoiceKVIn(companyID, k, v, nil)
}

func decodeInvoiceKVIn(companyID string, k, v []byte, a *arena) (*Invoice, error) {
	if len(k) < dateKeyLen {
		return nil, &CorruptRecordError{What: "invoice key", Key: string(k), Err: errShort}
	}
	inv, err := decodeInvoiceIn(v, a)
	if err != nil {
		return nil, &CorruptRecordError{What: "invoice", Key: string(k[dateKeyLen:]), Err: err}
	}
	inv.CompanyID = companyID
	if a != nil {
		inv.ID = a.str(k[dateKeyLen:])
	} else {
		inv.ID = string(k[dateKeyLen:])
	}
	return inv, nil
}

// scanChunk is how many records a scan decodes per read transaction. The
// callback runs between transactions, so it may write to the DB, and no
// read transaction stays open long enough to stall the file's growth.
const scanChunk = 512

// ForEachInvoice calls fn for every stored invoice of the company whose
// invoice date lies in [from, to] (calendar days, both inclusive; a zero
// from or to leaves that end open), in date order, removed ones included
// (check Removed / Counts). An error from fn stops the scan and is
// returned. The scan is not one snapshot: it reads in chunks.
func (db *DB) ForEachInvoice(companyID string, from, to time.Time, fn func(*Invoice) error) error {
	var start, stop []byte
	if !from.IsZero() {
		start = dateKey(from)
	}
	if !to.IsZero() {
		stop = dateKey(to)
	}
	inRange := func(k []byte) bool {
		return stop == nil || bytes.Compare(k[:min(len(k), dateKeyLen)], stop) <= 0
	}
	// Records are decoded inside the read transaction: decoding copies
	// what it keeps, so the raw bytes need no copy of their own; the
	// copies come from an arena, in blocks.
	a := &arena{}
	decode := func(k, v []byte) (*Invoice, error) { return decodeInvoiceKVIn(companyID, k, v, a) }
	return scanDecoded(db, bktInvoices, companyID, start, inRange, decode, fn)
}

// scan walks a company sub-bucket from start while inRange holds, in
// chunks of scanChunk records: each chunk is copied out of one read
// transaction and handed to fn after it closes.
func (db *DB) scan(bucket []byte, companyID string, start []byte, inRange func(k []byte) bool, fn func(k, v []byte) error) error {
	type kv struct{ k, v []byte }
	decode := func(k, v []byte) (kv, error) { return kv{clone(k), clone(v)}, nil }
	return scanDecoded(db, bucket, companyID, start, inRange, decode, func(e kv) error { return fn(e.k, e.v) })
}

// scanDecoded is scan with the records decoded inside the transaction:
// decode must copy whatever it keeps of k and v (they point into the
// mmap). A decode error is handed over in its place, after the records
// before it, and ends the scan.
func scanDecoded[T any](db *DB, bucket []byte, companyID string, start []byte, inRange func(k []byte) bool,
	decode func(k, v []byte) (T, error), fn func(T) error) error {
	// One handle for the whole scan: reopening it per chunk re-faults the
	// memory map each time (+30% CPU on 100,000 invoices). Its shared lock
	// lasts the scan; a write from fn swaps it for a writable handle.
	defer db.Pin()()
	next := start
	skipFirst := false
	var chunk []T
	for {
		chunk = chunk[:0]
		var derr error
		err := db.view(func(tx *bolt.Tx) error {
			b, err := sub(tx, bucket, companyID, false)
			if err != nil || b == nil {
				return err
			}
			c := b.Cursor()
			var k, v []byte
			if next == nil {
				k, v = c.First()
			} else {
				k, v = c.Seek(next)
			}
			if skipFirst && k != nil && bytes.Equal(k, next) {
				k, v = c.Next()
			}
			last := k
			for ; k != nil && len(chunk) < scanChunk; k, v = c.Next() {
				if v == nil {
					continue // a nested bucket: not ours to read here
				}
				if !inRange(k) {
					break
				}
				e, err := decode(k, v)
				if err != nil {
					derr = err
					break
				}
				chunk = append(chunk, e)
				last = k
			}
			next = clone(last)
			return nil
		})
		if err != nil {
			return err
		}
		for _, e := range chunk {
			if err := fn(e); err != nil {
				return err
			}
		}
		if derr != nil {
			return derr
		}
		if len(chunk) < scanChunk {
			return nil
		}
		skipFirst = true
	}
}

// InvoiceCount is the number of invoices stored for the company, removed
// ones included.
func (db *DB) InvoiceCount(companyID string) (int, error) {
	n := 0
	err := db.view(func(tx *bolt.Tx) error {
		ids, err := sub(tx, bktInvoiceIDs, companyID, false)
		if err != nil || ids == nil {
			return err
		}
		n = ids.Stats().KeyN
		return nil
	})
	return n, err
}

// ForEachCompanyInvoiceID calls fn with every stored invoice id of the
// company, in id order.
func (db *DB) ForEachCompanyInvoiceID(companyID string, fn func(id string) error) error {
	return db.scan(bktInvoiceIDs, companyID, nil, func([]byte) bool { return true }, func(k, _ []byte) error {
		return fn(string(k))
	})
}

// InvoiceCompanies lists the companies that have invoices stored.
func (db *DB) InvoiceCompanies() ([]string, error) {
	var out []string
	err := db.view(func(tx *bolt.Tx) error {
		t, err := top(tx, bktInvoices)
		if err != nil {
			return err
		}
		return t.ForEachBucket(func(k []byte) error {
			out = append(out, string(k))
			return nil
		})
	})
	return out, err
}

// MarkRemoved ends a full reconcile: every invoice of the company that is
// not removed and was not fetched by the run keepRunID was deleted in BC.
// It is marked Removed (kept as history, no longer counted), never deleted.
// One transaction; returns how many were marked.
func (db *DB) MarkRemoved(companyID, keepRunID string) (int, error) {
	return db.MarkRemovedInRange(companyID, keepRunID, time.Time{}, time.Time{})
}

// MarkRemovedInRange is MarkRemoved limited to invoices dated in [from, to]
// (calendar days, inclusive; zero = open end), for a reconcile that
// fetched only a date window: invoices outside it were not asked for, so
// their absence proves nothing.
func (db *DB) MarkRemovedInRange(companyID, keepRunID string, from, to time.Time) (int, error) {
	if keepRunID == "" {
		return 0, errors.New("store: MarkRemoved: empty run id would mark every invoice removed")
	}
	n := 0
	err := db.update("mark removed invoices", func(tx *bolt.Tx) error {
		recs, err := sub(tx, bktInvoices, companyID, false)
		if err != nil || recs == nil {
			return err
		}
		changes := removals(recs, companyID, keepRunID, from, to, db.now().UTC())
		// Written after the walk: bbolt cursors must not see their bucket change.
		for _, c := range changes {
			if err := recs.Put(c.k, c.v); err != nil {
				return err
			}
		}
		n = len(changes)
		return nil
	})
	return n, err
}

type kvPair struct{ k, v []byte }

func removals(recs *bolt.Bucket, companyID, keepRunID string, from, to time.Time, now time.Time) []kvPair {
	var out []kvPair
	c := recs.Cursor()
	k, v := c.First()
	if !from.IsZero() {
		k, v = c.Seek(dateKey(from))
	}
	var stop []byte
	if !to.IsZero() {
		stop = dateKey(to)
	}
	for ; k != nil; k, v = c.Next() {
		if stop != nil && bytes.Compare(k[:min(len(k), dateKeyLen)], stop) > 0 {
			break
		}
		inv, err := decodeInvoiceKV(companyID, k, v)
		if err != nil || inv.Removed || inv.LastSeenRun == keepRunID {
			// An unreadable record is left for the next sync to repair or
			// report; it must not block marking the others.
			continue
		}
		inv.Removed, inv.RemovedAt = true, now
		out = append(out, kvPair{clone(k), encodeInvoice(inv)})
	}
	return out
}
