package store

import (
	"bytes"
	"errors"
	"fmt"
	"time"

	"github.com/bcspend/bcspend/bc"
	bolt "go.etcd.io/bbolt"
)

// Credit memos (refunds) are kept like invoices, in buckets of their own
// (schema 4): credit-memos/<company>/<YYYYMMDD><id> -> credit memo,
// credit-memo-ids/<company>/<id> -> YYYYMMDD, and their sync checkpoint
// in credit-memo-sync/<company>. The record is the invoice record (same
// codec, same fields) behind a short prefix naming the invoice the credit
// was applied to, so a reader of one can read the other.
var (
	bktCreditMemos   = []byte("credit-memos")
	bktCreditMemoIDs = []byte("credit-memo-ids")
	bktCreditSync    = []byte("credit-memo-sync")
)

// CreditMemo is a stored purchase credit memo. Invoice holds it in the
// invoice's shape: InvoiceDate is BC's creditMemoDate and
// VendorInvoiceNumber its vendorCreditMemoNumber; amounts are positive,
// as BC sends them. Counts (Paid, not removed) says whether it is netted.
type CreditMemo struct {
	Invoice
	// AppliesToID and AppliesToNumber are BC's invoiceId and invoiceNumber:
	// the invoice the credit was applied to, "" for a credit on the vendor
	// as a whole (BC sends the all-zero GUID).
	AppliesToID     string
	AppliesToNumber string
}

// creditMemoFormat1: byte 0x01 | appliesToId guid | appliesToNumber str |
// the invoice record (encodeInvoice) of the embedded Invoice.
const creditMemoFormat1 = 0x01

func creditFromWire(companyID string, w *bc.PurchaseCreditMemo) *CreditMemo {
	inv := fromWire(companyID, &bc.PurchaseInvoice{
		ID: w.ID, Number: w.Number, InvoiceDate: w.CreditMemoDate, PostingDate: w.PostingDate, DueDate: w.DueDate,
		VendorInvoiceNumber: w.VendorCreditMemoNumber, VendorID: w.VendorID, VendorNumber: w.VendorNumber,
		VendorName: w.VendorName, PayToName: w.PayToName, CurrencyID: w.CurrencyID, CurrencyCode: w.CurrencyCode,
		PricesIncludeTax: w.PricesIncludeTax, DiscountAmount: w.DiscountAmount,
		TotalAmountExcludingTax: w.TotalAmountExcludingTax, TotalTaxAmount: w.TotalTaxAmount,
		TotalAmountIncludingTax: w.TotalAmountIncludingTax, Status: w.Status,
		LastModifiedDateTime: w.LastModifiedDateTime, ShortcutDimension1Code: w.ShortcutDimension1Code,
		ShortcutDimension2Code: w.ShortcutDimension2Code, Lines: w.Lines,
	})
	m := &CreditMemo{Invoice: *inv}
	if w.AgainstInvoice() {
		m.AppliesToID, m.AppliesToNumber = w.InvoiceID, w.InvoiceNumber
	}
	return m
}

func appendCreditPrefix(b []byte, m *CreditMemo) []byte {
	e := encoder{b}
	e.byte1(creditMemoFormat1)
	e.guid(m.AppliesToID)
	e.str(m.AppliesToNumber)
	return e.b
}

func encodeCreditMemo(m *CreditMemo) []byte {
	return append(appendCreditPrefix(make([]byte, 0, 256), m), encodeInvoice(&m.Invoice)...)
}

// creditBC is the BC part of the record, which decides "changed".
func creditBC(m *CreditMemo) []byte {
	return appendInvoiceBC(appendCreditPrefix(nil, m), &m.Invoice)
}

func decodeCreditMemoKV(companyID string, k, v []byte, a *arena) (*CreditMemo, error) {
	if len(k) < dateKeyLen {
		return nil, &CorruptRecordError{What: "credit memo key", Key: string(k), Err: errShort}
	}
	d := newStringDecoder(v, nil)
	if d.byte1() != creditMemoFormat1 {
		return nil, &CorruptRecordError{What: "credit memo", Key: string(k[dateKeyLen:]), Err: errors.New("unknown credit memo format")}
	}
	m := &CreditMemo{AppliesToID: d.guid(), AppliesToNumber: d.str()}
	if d.err != nil {
		return nil, &CorruptRecordError{What: "credit memo", Key: string(k[dateKeyLen:]), Err: d.err}
	}
	inv, err := decodeInvoiceKVIn(companyID, k, d.b, a)
	if err != nil {
		return nil, &CorruptRecordError{What: "credit memo", Key: string(k[dateKeyLen:]), Err: err}
	}
	if m.AppliesToID == bc.ZeroGUID {
		m.AppliesToID = ""
	}
	m.Invoice = *inv
	return m, nil
}

// CommitCreditMemoPage is CommitPage for credit memos: the page, its
// vendors and the company's credit memo checkpoint in one transaction,
// upserts keyed by BC id and idempotent.
func (db *DB) CommitCreditMemoPage(companyID string, memos []bc.PurchaseCreditMemo, vendors []Vendor, state SyncState, runID string) (PageResult, error) {
	var res PageResult
	if err := validateCreditPage(companyID, memos, runID); err != nil {
		return res, err
	}
	state = db.pageCheckpoint(state, runID, len(memos), func(i int) time.Time { return memos[i].LastModifiedDateTime })
	err := db.update("commit a page of credit memos", func(tx *bolt.Tx) error {
		recs, err := sub(tx, bktCreditMemos, companyID, true)
		if err != nil {
			return err
		}
		ids, err := sub(tx, bktCreditMemoIDs, companyID, true)
		if err != nil {
			return err
		}
		for i := range memos {
			m := creditFromWire(companyID, &memos[i])
			m.LastSeenRun = runID
			c, err := upsertCreditMemo(recs, ids, m, state.Updated)
			if err != nil {
				return err
			}
			res.count(c)
		}
		if err := putVendors(tx, companyID, vendors); err != nil {
			return err
		}
		return putSyncStateIn(tx, bktCreditSync, companyID, state)
	})
	if err != nil {
		return PageResult{}, err
	}
	res.Watermark = state.Watermark
	return res, nil
}

func validateCreditPage(companyID string, memos []bc.PurchaseCreditMemo, runID string) error {
	if companyID == "" || runID == "" {
		return errors.New("store: CommitCreditMemoPage: empty company or run id")
	}
	for i := range memos {
		m := &memos[i]
		if m.ID == "" {
			return fmt.Errorf("store: CommitCreditMemoPage: credit memo %q has no id; nothing of the page was stored", m.Number)
		}
		for _, t := range []time.Time{m.CreditMemoDate.Time, m.PostingDate.Time, m.DueDate.Time, m.LastModifiedDateTime} {
			if y := t.UTC().Year(); y < 1 || y > 9999 {
				return fmt.Errorf("store: CommitCreditMemoPage: credit memo %s has a date outside years 1..9999 (%s); nothing of the page was stored", m.ID, t.Format(time.RFC3339))
			}
		}
	}
	return nil
}

// upsertCreditMemo is upsertInvoice for credit memos.
func upsertCreditMemo(recs, ids *bolt.Bucket, m *CreditMemo, now time.Time) (upsertClass, error) {
	return upsertDated(recs, ids, dated{id: m.ID, date: m.InvoiceDate.Time, firstSeen: &m.FirstSeen,
		encode: func() []byte { return encodeCreditMemo(m) },
		keep: func(oldKey, oldVal []byte) (readable, unchanged bool) {
			old, err := decodeCreditMemoKV(m.CompanyID, oldKey, oldVal, nil)
			if err != nil {
				return false, false
			}
			m.FirstSeen = old.FirstSeen
			return true, !old.Removed && bytes.Equal(creditBC(old), creditBC(m))
		}}, now)
}

// CreditMemo returns one credit memo by id; ok is false when it is not stored.
func (db *DB) CreditMemo(companyID, id string) (m *CreditMemo, ok bool, err error) {
	err = db.view(func(tx *bolt.Tx) error {
		recs, err := sub(tx, bktCreditMemos, companyID, false)
		if err != nil || recs == nil {
			return err
		}
		ids, err := sub(tx, bktCreditMemoIDs, companyID, false)
		if err != nil || ids == nil {
			return err
		}
		date := ids.Get([]byte(id))
		if date == nil {
			return nil
		}
		key := invoiceKey(date, id)
		m, err = decodeCreditMemoKV(companyID, key, recs.Get(key), nil)
		ok = err == nil
		return err
	})
	return m, ok, err
}

// ForEachCreditMemo is ForEachInvoice for credit memos: those dated
// (creditMemoDate) in [from, to], in date order, removed ones included.
func (db *DB) ForEachCreditMemo(companyID string, from, to time.Time, fn func(*CreditMemo) error) error {
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
	decode := func(k, v []byte) (*CreditMemo, error) { return decodeCreditMemoKV(companyID, k, v, nil) }
	return scanDecoded(db, bktCreditMemos, companyID, start, inRange, decode, fn)
}

// CreditMemoSyncState is the company's credit memo checkpoint; ok is
// false before its first page.
func (db *DB) CreditMemoSyncState(companyID string) (st SyncState, ok bool, err error) {
	return db.syncStateIn(bktCreditSync, companyID)
}

// SaveCreditMemoSyncState writes the credit memo checkpoint outside a page.
func (db *DB) SaveCreditMemoSyncState(companyID string, st SyncState) error {
	return db.saveSyncStateIn(bktCreditSync, companyID, st)
}

// MarkCreditMemosRemovedInRange ends a full reconcile of credit memos as
// MarkRemovedInRange does for invoices: those dated in [from, to] that the
// run keepRunID did not fetch were deleted in BC and are kept as removed.
func (db *DB) MarkCreditMemosRemovedInRange(companyID, keepRunID string, from, to time.Time) (int, error) {
	if keepRunID == "" {
		return 0, errors.New("store: MarkCreditMemosRemovedInRange: empty run id would mark every credit memo removed")
	}
	n := 0
	err := db.update("mark removed credit memos", func(tx *bolt.Tx) error {
		recs, err := sub(tx, bktCreditMemos, companyID, false)
		if err != nil || recs == nil {
			return err
		}
		var changes []kvPair
		c := recs.Cursor()
		k, v := c.Seek(dateKey(from))
		for ; k != nil; k, v = c.Next() {
			if !to.IsZero() && bytes.Compare(k[:min(len(k), dateKeyLen)], dateKey(to)) > 0 {
				break
			}
			m, err := decodeCreditMemoKV(companyID, k, v, nil)
			if err != nil || m.Removed || m.LastSeenRun == keepRunID {
				continue // an unreadable record is left for the next sync to repair
			}
			m.Removed, m.RemovedAt = true, db.now().UTC()
			changes = append(changes, kvPair{clone(k), encodeCreditMemo(m)})
		}
		for _, ch := range changes {
			if err := recs.Put(ch.k, ch.v); err != nil {
				return err
			}
		}
		n = len(changes)
		return nil
	})
	return n, err
}
