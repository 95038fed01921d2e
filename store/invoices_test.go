package store

import (
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/bcspend/bcspend/bc"
	"github.com/bcspend/bcspend/money"
	bolt "go.etcd.io/bbolt"
)

// rawInvoices dumps the invoice buckets of a company: key -> value.
func rawInvoices(t *testing.T, db *DB) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := db.view(func(tx *bolt.Tx) error {
		for _, name := range [][]byte{bktInvoices, bktInvoiceIDs} {
			b, _ := sub(tx, name, testCompany, false)
			if b == nil {
				continue
			}
			_ = b.ForEach(func(k, v []byte) error {
				out[string(name)+"/"+string(k)] = string(v)
				return nil
			})
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestInvoiceRoundTripExact(t *testing.T) {
	db, _ := openTemp(t)
	w := sampleInvoice(7, testDate(2026, 3, 31))
	w.Lines[0].NetAmount = money.MustParse("-1234567.8901")
	w.VendorID = "not-a-guid"
	w.CurrencyID = guid(4242)
	w.CurrencyCode = "USD"
	w.Status = "Custom Status"
	w.Lines[1].LineType = "Something New"
	w.LastModifiedDateTime = time.Date(2026, 3, 31, 23, 59, 59, 999999999, time.UTC)
	state := SyncState{Mode: ModeBackfill, NextLink: "https://x/next?$skiptoken=1", Updated: t0}
	res, err := db.CommitPage(testCompany, []bc.PurchaseInvoice{w}, nil, state, "run-1")
	if err != nil {
		t.Fatal(err)
	}
	if res.New != 1 || res.Changed != 0 || res.Unchanged != 0 {
		t.Errorf("result = %+v", res)
	}
	got, ok, err := db.Invoice(testCompany, w.ID)
	if err != nil || !ok {
		t.Fatalf("Invoice: %v %v", ok, err)
	}
	want := fromWire(testCompany, &w)
	want.FirstSeen, want.LastSeenRun = t0, "run-1"
	if !reflect.DeepEqual(got, want) {
		t.Errorf("round trip:\n got %+v\nwant %+v", got, want)
	}
	if got.Lines[0].NetAmount.String() != "-1234567.8901" || got.TotalAmountIncludingTax.String() != "393.7503" {
		t.Errorf("amounts not exact: %v %v", got.Lines[0].NetAmount, got.TotalAmountIncludingTax)
	}
	if got.Lines[1].Description != "Slack Pro seats 1" || got.Lines[1].Sequence != 20000 {
		t.Errorf("line fields: %+v", got.Lines[1])
	}
	if got.Counts() {
		t.Error("an invoice with a non-Paid status counts")
	}
	if _, ok, _ := db.Invoice(testCompany, "nope"); ok {
		t.Error("found a missing invoice")
	}
}

func TestCommitPageIdempotent(t *testing.T) {
	db, _ := openTemp(t)
	page := samplePage(1, 50, testDate(2026, 10, 5))
	st := SyncState{Mode: ModeFull, NextLink: "n1", Pages: 1, Fetched: 50, Updated: t0}
	r1, err := db.CommitPage(testCompany, page, nil, st, "run-1")
	if err != nil || r1.New != 50 {
		t.Fatalf("first: %+v %v", r1, err)
	}
	before := rawInvoices(t, db)
	st.Updated = t0.Add(time.Hour) // a retry later must not restamp FirstSeen
	r2, err := db.CommitPage(testCompany, page, nil, st, "run-1")
	if err != nil {
		t.Fatal(err)
	}
	if r2.New != 0 || r2.Changed != 0 || r2.Unchanged != 50 {
		t.Errorf("second = %+v, want 0 new 0 changed", r2)
	}
	if after := rawInvoices(t, db); !reflect.DeepEqual(before, after) {
		t.Error("re-applying the same page changed stored bytes")
	}
	if n, _ := db.InvoiceCount(testCompany); n != 50 {
		t.Errorf("count = %d", n)
	}
	got, ok, err := db.SyncState(testCompany)
	if err != nil || !ok || got.NextLink != "n1" || got.RunID != "run-1" || got.Mode != ModeFull {
		t.Errorf("sync state = %+v %v %v", got, ok, err)
	}
	if !got.Watermark.Equal(page[0].LastModifiedDateTime) {
		t.Errorf("watermark = %v", got.Watermark)
	}

	// A changed amount counts as changed, once.
	page[3].Lines[2].NetAmount = money.MustParse("99.99")
	page[3].LastModifiedDateTime = page[3].LastModifiedDateTime.Add(time.Minute)
	r3, _ := db.CommitPage(testCompany, page, nil, st, "run-1")
	if r3.Changed != 1 || r3.New != 0 {
		t.Errorf("after edit = %+v", r3)
	}
	if r3.Watermark != page[3].LastModifiedDateTime {
		t.Errorf("watermark not raised: %v", r3.Watermark)
	}
	inv, _, _ := db.Invoice(testCompany, page[3].ID)
	if inv.FirstSeen != t0 || inv.Lines[2].NetAmount != money.MustParse("99.99") {
		t.Errorf("FirstSeen %v, amount %v", inv.FirstSeen, inv.Lines[2].NetAmount)
	}
}

func TestCommitPageDateChangeMovesRecord(t *testing.T) {
	db, _ := openTemp(t)
	w := sampleInvoice(1, testDate(2026, 1, 15))
	if _, err := db.CommitPage(testCompany, []bc.PurchaseInvoice{w}, nil, SyncState{Updated: t0}, "r1"); err != nil {
		t.Fatal(err)
	}
	w.InvoiceDate = testDate(2026, 2, 20)
	r, err := db.CommitPage(testCompany, []bc.PurchaseInvoice{w}, nil, SyncState{}, "r2")
	if err != nil || r.Changed != 1 {
		t.Fatalf("%+v %v", r, err)
	}
	raw := rawInvoices(t, db)
	if len(raw) != 2 { // one record + one index entry
		t.Errorf("raw = %d entries, want 2: %v", len(raw), keys(raw))
	}
	if _, ok := raw["invoices/20260220"+w.ID]; !ok {
		t.Errorf("record not at its new date key: %v", keys(raw))
	}
	var seen []string
	_ = db.ForEachInvoice(testCompany, testDate(2026, 1, 1).Time, testDate(2026, 1, 31).Time, func(inv *Invoice) error {
		seen = append(seen, inv.ID)
		return nil
	})
	if len(seen) != 0 {
		t.Errorf("January still holds the moved invoice")
	}
	inv, ok, _ := db.Invoice(testCompany, w.ID)
	if !ok || inv.InvoiceDate != testDate(2026, 2, 20) || inv.FirstSeen != t0 || inv.LastSeenRun != "r2" {
		t.Errorf("moved invoice = %+v", inv)
	}
}

func keys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestForEachInvoiceRange(t *testing.T) {
	db, _ := openTemp(t)
	var page []bc.PurchaseInvoice
	// 40 days x 30 invoices: more than one scan chunk.
	for d := 0; d < 40; d++ {
		date := bc.NewDate(2026, 1, 1+d)
		page = append(page, samplePage(d*100, 30, date)...)
	}
	if _, err := db.CommitPage(testCompany, page, nil, SyncState{}, "r"); err != nil {
		t.Fatal(err)
	}
	// Another company's invoices must not leak into the scan.
	if _, err := db.CommitPage("other", samplePage(1, 5, testDate(2026, 1, 10)), nil, SyncState{}, "r"); err != nil {
		t.Fatal(err)
	}
	count := func(from, to time.Time) (n int) {
		var last time.Time
		err := db.ForEachInvoice(testCompany, from, to, func(inv *Invoice) error {
			if inv.InvoiceDate.Before(last) {
				t.Errorf("out of order: %v after %v", inv.InvoiceDate, last)
			}
			if inv.CompanyID != testCompany {
				t.Errorf("company = %q", inv.CompanyID)
			}
			last = inv.InvoiceDate.Time
			n++
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	if n := count(time.Time{}, time.Time{}); n != 1200 {
		t.Errorf("all = %d, want 1200", n)
	}
	// January 10..20 inclusive = 11 days; a time of day in `to` still
	// includes that day.
	if n := count(testDate(2026, 1, 10).Time, time.Date(2026, 1, 20, 15, 0, 0, 0, time.UTC)); n != 330 {
		t.Errorf("Jan 10..20 = %d, want 330", n)
	}
	if n := count(testDate(2026, 2, 1).Time, time.Time{}); n != 9*30 {
		t.Errorf("from Feb 1 = %d, want 270", n)
	}
	if n := count(testDate(2027, 1, 1).Time, time.Time{}); n != 0 {
		t.Errorf("future = %d", n)
	}
	stop := errors.New("stop")
	n := 0
	err := db.ForEachInvoice(testCompany, time.Time{}, time.Time{}, func(*Invoice) error {
		n++
		if n == 3 {
			return stop
		}
		return nil
	})
	if err != stop || n != 3 {
		t.Errorf("stop: %v after %d", err, n)
	}
	ids := 0
	_ = db.ForEachCompanyInvoiceID(testCompany, func(string) error { ids++; return nil })
	if ids != 1200 {
		t.Errorf("ids = %d", ids)
	}
	comps, _ := db.InvoiceCompanies()
	if len(comps) != 2 {
		t.Errorf("companies = %v", comps)
	}
	// Writing from inside the callback must not deadlock.
	err = db.ForEachInvoice(testCompany, testDate(2026, 1, 1).Time, testDate(2026, 1, 1).Time, func(inv *Invoice) error {
		return db.SetSetting("last", inv.ID)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestMarkRemoved(t *testing.T) {
	db, _ := openTemp(t)
	page := samplePage(1, 10, testDate(2026, 5, 1))
	if _, err := db.CommitPage(testCompany, page, nil, SyncState{}, "inc-1"); err != nil {
		t.Fatal(err)
	}
	// A full run sees only the first 7: 3 were deleted in BC.
	if _, err := db.CommitPage(testCompany, page[:7], nil, SyncState{Mode: ModeFull}, "full-1"); err != nil {
		t.Fatal(err)
	}
	n, err := db.MarkRemoved(testCompany, "full-1")
	if err != nil || n != 3 {
		t.Fatalf("MarkRemoved = %d, %v; want 3", n, err)
	}
	if n, _ := db.MarkRemoved(testCompany, "full-1"); n != 0 {
		t.Errorf("second MarkRemoved = %d, want 0", n)
	}
	if c, _ := db.InvoiceCount(testCompany); c != 10 {
		t.Errorf("removed invoices deleted: count %d", c)
	}
	counted := 0
	_ = db.ForEachInvoice(testCompany, time.Time{}, time.Time{}, func(inv *Invoice) error {
		if inv.Counts() {
			counted++
		}
		if inv.Removed && inv.RemovedAt.IsZero() {
			t.Error("removed without date")
		}
		return nil
	})
	if counted != 7 {
		t.Errorf("counted = %d, want 7", counted)
	}
	if _, err := db.MarkRemoved(testCompany, ""); err == nil {
		t.Error("empty run id accepted")
	}
	// Reappearing in BC restores it, as a change.
	r, _ := db.CommitPage(testCompany, page[8:9], nil, SyncState{}, "inc-2")
	if r.Changed != 1 {
		t.Errorf("restore = %+v", r)
	}
	inv, _, _ := db.Invoice(testCompany, page[8].ID)
	if inv.Removed || !inv.Counts() {
		t.Errorf("not restored: %+v", inv)
	}
	// Statuses other than Paid are history.
	page[0].Status = bc.StatusCanceled
	_, _ = db.CommitPage(testCompany, page[:1], nil, SyncState{}, "inc-3")
	inv, _, _ = db.Invoice(testCompany, page[0].ID)
	if inv.Counts() || inv.Status != bc.StatusCanceled {
		t.Errorf("canceled invoice counts: %+v", inv.Status)
	}
}

func TestCommitPageRejectsBadInputAtomically(t *testing.T) {
	db, _ := openTemp(t)
	page := samplePage(1, 3, testDate(2026, 5, 1))
	page[2].ID = ""
	if _, err := db.CommitPage(testCompany, page, nil, SyncState{NextLink: "x"}, "r"); err == nil {
		t.Fatal("accepted an invoice without id")
	}
	if n, _ := db.InvoiceCount(testCompany); n != 0 {
		t.Errorf("partial page stored: %d", n)
	}
	if _, ok, _ := db.SyncState(testCompany); ok {
		t.Error("checkpoint written for a rejected page")
	}
	if _, err := db.CommitPage("", nil, nil, SyncState{}, "r"); err == nil {
		t.Error("empty company accepted")
	}
}

func TestCommitPageVendorsAndSyncState(t *testing.T) {
	db, _ := openTemp(t)
	vendors := []Vendor{
		{ID: guid(2), Number: "V002", DisplayName: "Zoom", Email: "billing@zoom.us", Website: "zoom.us", CurrencyCode: "USD", LastModified: t0},
		{ID: guid(1), Number: "V001", DisplayName: "Atlassian", Blocked: "Payment", LastModified: t0},
	}
	st := SyncState{Watermark: t0.Add(time.Hour), RunID: "r", InProgress: true, Mode: ModeIncremental, NextLink: "nl",
		WindowFrom: t0.Add(-24 * time.Hour), WindowTo: t0, Pages: 3, Fetched: 300, Updated: t0}
	if _, err := db.CommitPage(testCompany, samplePage(1, 1, testDate(2026, 1, 1)), vendors, st, "r"); err != nil {
		t.Fatal(err)
	}
	got, err := db.Vendors(testCompany)
	if err != nil || len(got) != 2 || got[0] != vendors[1] || got[1] != vendors[0] {
		t.Errorf("vendors = %+v %v", got, err)
	}
	v, ok, err := db.Vendor(testCompany, guid(2))
	if err != nil || !ok || v != vendors[0] {
		t.Errorf("vendor = %+v %v %v", v, ok, err)
	}
	vendors[0].Email = "ap@zoom.us"
	if err := db.UpsertVendors(testCompany, vendors[:1]); err != nil {
		t.Fatal(err)
	}
	if v, _, _ := db.Vendor(testCompany, guid(2)); v.Email != "ap@zoom.us" {
		t.Errorf("upsert lost: %+v", v)
	}
	gs, ok, err := db.SyncState(testCompany)
	if err != nil || !ok || !reflect.DeepEqual(gs, st) {
		t.Errorf("sync state:\n got %+v\nwant %+v", gs, st)
	}
	st.InProgress, st.NextLink = false, ""
	if err := db.SaveSyncState(testCompany, st); err != nil {
		t.Fatal(err)
	}
	if gs, _, _ := db.SyncState(testCompany); gs.InProgress || gs.NextLink != "" {
		t.Errorf("SaveSyncState: %+v", gs)
	}
	if _, ok, _ := db.SyncState("unknown"); ok {
		t.Error("state for unknown company")
	}
}

func TestMarkRemovedInRange(t *testing.T) {
	db, _ := openTemp(t)
	old := samplePage(1, 5, testDate(2024, 6, 1))
	recent := samplePage(100, 5, testDate(2026, 6, 1))
	if _, err := db.CommitPage(testCompany, append(old, recent...), nil, SyncState{}, "inc"); err != nil {
		t.Fatal(err)
	}
	// A full run over 2025-12-01.. sees 3 of the 5 recent ones.
	if _, err := db.CommitPage(testCompany, recent[:3], nil, SyncState{}, "full"); err != nil {
		t.Fatal(err)
	}
	n, err := db.MarkRemovedInRange(testCompany, "full", testDate(2025, 12, 1).Time, time.Time{})
	if err != nil || n != 2 {
		t.Fatalf("MarkRemovedInRange = %d %v; want 2", n, err)
	}
	for _, w := range old {
		if inv, _, _ := db.Invoice(testCompany, w.ID); inv.Removed {
			t.Errorf("invoice outside the window marked removed: %s", w.ID)
		}
	}
}

func TestCommitPageRejectsOutOfRangeDates(t *testing.T) {
	db, _ := openTemp(t)
	w := sampleInvoice(1, bc.NewDate(10000, 1, 1))
	if _, err := db.CommitPage(testCompany, []bc.PurchaseInvoice{w}, nil, SyncState{}, "r"); err == nil {
		t.Fatal("year 10000 accepted")
	}
}

func TestConcurrentUse(t *testing.T) {
	db, _ := openTemp(t)
	done := make(chan error, 6)
	for c := 0; c < 3; c++ {
		company := guid(c)
		go func() {
			for p := 0; p < 5; p++ {
				if _, err := db.CommitPage(company, samplePage(p*20, 20, testDate(2026, 1, 1+p)), nil, SyncState{}, "r"); err != nil {
					done <- err
					return
				}
			}
			done <- nil
		}()
		go func() {
			for i := 0; i < 20; i++ {
				if err := db.ForEachInvoice(company, time.Time{}, time.Time{}, func(*Invoice) error { return nil }); err != nil {
					done <- err
					return
				}
			}
			done <- nil
		}()
	}
	for i := 0; i < 6; i++ {
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	}
	for c := 0; c < 3; c++ {
		if n, _ := db.InvoiceCount(guid(c)); n != 100 {
			t.Errorf("company %d: %d invoices", c, n)
		}
	}
}
