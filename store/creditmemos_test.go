package store

import (
	"testing"

	"github.com/bcspend/bcspend/bc"
	"github.com/bcspend/bcspend/money"
)

func sampleCreditMemo(n int, date bc.Date, against string) bc.PurchaseCreditMemo {
	inv := sampleInvoice(n, date)
	m := bc.PurchaseCreditMemo{
		ID: inv.ID, Number: "PCM-" + inv.Number, CreditMemoDate: date, PostingDate: inv.PostingDate, DueDate: inv.DueDate,
		VendorCreditMemoNumber: "CR-" + inv.VendorInvoiceNumber, VendorID: inv.VendorID, VendorNumber: inv.VendorNumber,
		VendorName: inv.VendorName, PayToName: inv.PayToName, CurrencyID: inv.CurrencyID, CurrencyCode: inv.CurrencyCode,
		TotalAmountExcludingTax: money.MustParse("10.5"), Status: bc.StatusPaid,
		LastModifiedDateTime: inv.LastModifiedDateTime, Lines: inv.Lines[:1], InvoiceID: bc.ZeroGUID,
	}
	if against != "" {
		m.InvoiceID, m.InvoiceNumber = against, "PI-000001"
	}
	return m
}

// A credit memo round-trips with the invoice it was applied to (a
// vendor-level one with none), re-committing it changes nothing, a status
// change counts as changed, its checkpoint is not the invoices', and a
// full reconcile marks the one BC no longer has.
func TestCreditMemosCommitReadAndReconcile(t *testing.T) {
	db, _ := openTemp(t)
	d := testDate(2026, 10, 3)
	page := []bc.PurchaseCreditMemo{sampleCreditMemo(1, d, guid(77)), sampleCreditMemo(2, d, "")}
	st := SyncState{Mode: ModeBackfill, InProgress: true, NextLink: "next"}
	res, err := db.CommitCreditMemoPage(testCompany, page, nil, st, "run-1")
	if err != nil || res.New != 2 {
		t.Fatalf("commit: %+v %v", res, err)
	}
	m, ok, err := db.CreditMemo(testCompany, guid(1))
	if err != nil || !ok {
		t.Fatalf("read: %v %v", ok, err)
	}
	if m.AppliesToID != guid(77) || m.AppliesToNumber != "PI-000001" || m.VendorInvoiceNumber != "CR-SL-1" ||
		!m.InvoiceDate.Equal(d.Time) || len(m.Lines) != 1 || m.Lines[0].NetAmount != money.MustParse("105.0001") || !m.Counts() {
		t.Errorf("read back %+v", m)
	}
	v, _, _ := db.CreditMemo(testCompany, guid(2))
	if v == nil || v.AppliesToID != "" || v.AppliesToNumber != "" {
		t.Errorf("vendor-level credit memo read back as %+v", v)
	}
	if res, _ := db.CommitCreditMemoPage(testCompany, page, nil, st, "run-1"); res.Unchanged != 2 {
		t.Errorf("re-commit: %+v, want 2 unchanged", res)
	}
	page[0].Status = bc.StatusCanceled
	if res, _ := db.CommitCreditMemoPage(testCompany, page[:1], nil, st, "run-2"); res.Changed != 1 {
		t.Errorf("status change: %+v, want 1 changed", res)
	}
	got, ok, err := db.CreditMemoSyncState(testCompany)
	if err != nil || !ok || got.NextLink != "next" {
		t.Errorf("credit memo checkpoint %+v %v %v", got, ok, err)
	}
	if _, ok, _ := db.SyncState(testCompany); ok {
		t.Error("the credit memo checkpoint was written as the invoices' one")
	}
	if n, err := db.MarkCreditMemosRemovedInRange(testCompany, "run-2", d.Time, d.Time); err != nil || n != 1 {
		t.Fatalf("removed %d, %v; want 1 (the one run-2 did not fetch)", n, err)
	}
	var seen []string
	_ = db.ForEachCreditMemo(testCompany, d.Time, d.Time, func(m *CreditMemo) error {
		if m.Removed {
			seen = append(seen, m.ID)
		}
		return nil
	})
	if len(seen) != 1 || seen[0] != guid(2) {
		t.Errorf("removed: %v, want only %s", seen, guid(2))
	}
	if n, _ := db.InvoiceCount(testCompany); n != 0 {
		t.Errorf("%d invoices stored; credit memos must not appear as invoices", n)
	}
}

// A file written before credit memos existed (schema 3) opens, gains the
// credit memo buckets, and keeps its invoices.
func TestSchema3FileOpensWithCreditMemos(t *testing.T) {
	path := t.TempDir() + "/old.db"
	cfg := defaultConfig()
	cfg.migrations = migrations[:3]
	old, err := open(path, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := old.CommitPage(testCompany, samplePage(1, 3, testDate(2026, 9, 1)), nil, SyncState{}, "r"); err != nil {
		t.Fatal(err)
	}
	if _, err := old.CommitCreditMemoPage(testCompany, nil, nil, SyncState{}, "r"); err == nil {
		t.Error("a schema-3 file took credit memos: the test does not build an old file")
	}
	_ = old.Close()
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if v, _ := db.SchemaVersion(); v != knownSchema(migrations) {
		t.Errorf("schema %d after open, want %d", v, knownSchema(migrations))
	}
	if n, _ := db.InvoiceCount(testCompany); n != 3 {
		t.Errorf("%d invoices after the migration, want 3", n)
	}
	if _, err := db.CommitCreditMemoPage(testCompany, []bc.PurchaseCreditMemo{sampleCreditMemo(9, testDate(2026, 9, 2), "")}, nil, SyncState{}, "r2"); err != nil {
		t.Errorf("commit after migration: %v", err)
	}
}
