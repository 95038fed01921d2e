package syncer_test

import (
	"testing"
	"time"

	"github.com/bcspend/bcspend/bc"
	"github.com/bcspend/bcspend/money"
	"github.com/bcspend/bcspend/store"
	"github.com/bcspend/bcspend/syncer"
)

// A day in the life of the tenant after the first sync: an open invoice is
// paid, a paid one is canceled, one is corrected, one arrives already paid.
func TestIncrementalFollowsStatusChangesAndEdits(t *testing.T) {
	e := newEnv(t, bcsimConfig())
	e.mustSync(syncer.Options{})
	co := e.conn.Companies[0].ID
	e.tenant.Advance(time.Hour)

	open := e.pick(co, func(i bc.PurchaseInvoice) bool { return i.Status == bc.StatusOpen && e.inWindow(i) })
	paid := e.pick(co, func(i bc.PurchaseInvoice) bool { return i.Status == bc.StatusPaid && e.inWindow(i) })
	edited := e.pick(co, func(i bc.PurchaseInvoice) bool {
		return i.Status == bc.StatusPaid && e.inWindow(i) && i.ID != paid.ID && len(i.Lines) > 0 && i.Lines[0].LineType != bc.LineComment
	})
	must(t, e.tenant.SetStatus(co, open.ID, bc.StatusPaid))
	must(t, e.tenant.SetStatus(co, paid.ID, bc.StatusCanceled))
	must(t, e.tenant.UpdateInvoice(co, edited.ID, func(inv *bc.PurchaseInvoice) {
		inv.Lines[0].NetAmount += money.Amount(1000000) // +100.0000
	}))
	added := newPaidInvoice(t, e, co)
	draft := e.pick(co, func(i bc.PurchaseInvoice) bool { return i.Status == bc.StatusDraft })
	must(t, e.tenant.UpdateInvoice(co, draft.ID, func(inv *bc.PurchaseInvoice) { inv.VendorInvoiceNumber += "-R" }))

	e.tenant.ResetStats()
	sum := e.mustSync(syncer.Options{})
	if c := sum.Companies[0]; c.Mode != store.ModeIncremental || c.New != 2 || c.Changed != 2 {
		t.Errorf("company summary %+v: want incremental with 2 new (paid now, added) and 2 changed (canceled, edited)", c)
	}
	e.checkAllCompanies("after incremental")

	st := allStored(t, e.db, co)
	if inv := st[paid.ID]; inv == nil || inv.Status != bc.StatusCanceled || inv.Counts() {
		t.Errorf("canceled invoice: %+v; want kept as history with status Canceled, not counted", inv)
	}
	if inv := st[open.ID]; inv == nil || !inv.Counts() {
		t.Errorf("newly paid invoice not counted: %+v", inv)
	}
	if inv := st[added]; inv == nil || !inv.Counts() {
		t.Errorf("added paid invoice not counted: %+v", inv)
	}
	if _, ok := st[draft.ID]; ok {
		t.Errorf("a changed draft was stored; only paid invoices (and ones already held) belong in the store")
	}
	if st[edited.ID].TotalAmountExcludingTax != edited.TotalAmountExcludingTax+money.Amount(1000000) {
		t.Errorf("edited invoice total %v, want %v + 100", st[edited.ID].TotalAmountExcludingTax, edited.TotalAmountExcludingTax)
	}
	// The added invoice's vendor was unknown: its vendor is now stored.
	if _, ok, _ := e.db.Vendor(co, st[added].VendorID); !ok {
		t.Errorf("vendor of the added invoice not stored")
	}
}

// The budget: an incremental sync with nothing changed makes at most 5
// requests per company (companyInformation, generalLedgerSetup, one empty
// invoices page, one empty credit memos page, one empty changed-rates
// query) plus users.
func TestIncrementalWithNothingChangedIsCheap(t *testing.T) {
	e := newEnv(t, bcsimConfig())
	e.mustSync(syncer.Options{})
	before := counted(t, e.db, e.conn.Companies[0].ID)
	e.tenant.Advance(time.Hour)
	// Production page size: rates and users fit one page each, as they do
	// in a real environment with up to 1,000 rate rows and users.
	e.client = e.newClient(bc.ClientOptions{PageSize: 1000})
	e.tenant.ResetStats()
	sum := e.mustSync(syncer.Options{})

	budget := int64(5*len(e.conn.Companies) + 1)
	st := e.tenant.Stats()
	t.Logf("requests with nothing changed: %d (budget %d): %v", st.Requests, budget, st.Paths)
	if st.Requests > budget {
		t.Errorf("%d requests, budget %d: %v", st.Requests, budget, st.Paths)
	}
	if sum.Requests != st.Requests {
		t.Errorf("summary counts %d requests, tenant saw %d", sum.Requests, st.Requests)
	}
	if st.Paths["vendors"] != 0 {
		t.Errorf("vendors fetched although no invoice names an unknown vendor")
	}
	if sum.New != 0 || sum.Changed != 0 {
		t.Errorf("nothing changed but new %d changed %d", sum.New, sum.Changed)
	}
	for _, c := range sum.Companies {
		if c.Rates != 0 {
			t.Errorf("%s: %d exchange rates rewritten although none changed", c.Name, c.Rates)
		}
		if rates, _ := e.db.ExchangeRates(c.ID); len(rates) != len(e.tenant.Rates(c.ID)) {
			t.Errorf("%s: %d rates stored, tenant has %d", c.Name, len(rates), len(e.tenant.Rates(c.ID)))
		}
	}
	sameSets(t, "unchanged", before, counted(t, e.db, e.conn.Companies[0].ID))
}

// A run right after another, with the tenant clock not moved, re-reads
// only the overlap and changes nothing.
func TestIncrementalOverlapReReadsIdempotently(t *testing.T) {
	e := newEnv(t, bcsimConfig())
	e.mustSync(syncer.Options{})
	co := e.conn.Companies[0].ID
	paid := e.pick(co, func(i bc.PurchaseInvoice) bool { return i.Status == bc.StatusPaid && e.inWindow(i) })
	must(t, e.tenant.SetStatus(co, paid.ID, bc.StatusCorrective))
	e.mustSync(syncer.Options{})
	sum := e.mustSync(syncer.Options{}) // the change is inside the overlap: read again
	if sum.New != 0 || sum.Changed != 0 {
		t.Errorf("re-read overlap changed the store: new %d changed %d", sum.New, sum.Changed)
	}
	e.checkAllCompanies("after overlap")
}

func TestFullReconcileMarksDeletedInvoicesRemoved(t *testing.T) {
	e := newEnv(t, bcsimConfig())
	e.mustSync(syncer.Options{})
	co := e.conn.Companies[1].ID
	gone := e.pick(co, func(i bc.PurchaseInvoice) bool { return i.Status == bc.StatusPaid && e.inWindow(i) })
	must(t, e.tenant.DeleteInvoice(co, gone.ID))
	e.tenant.Advance(time.Hour)

	e.mustSync(syncer.Options{})
	if inv := allStored(t, e.db, co)[gone.ID]; inv == nil || inv.Removed {
		t.Fatalf("an incremental sync cannot see deletions; got %+v", inv)
	}
	sum := e.mustSync(syncer.Options{Full: true})
	if sum.Removed != 1 || sum.Companies[1].Removed != 1 || sum.Companies[1].Mode != store.ModeFull {
		t.Errorf("summary removed %d, company %+v; want 1 removed by a full pass", sum.Removed, sum.Companies[1])
	}
	inv := allStored(t, e.db, co)[gone.ID]
	if inv == nil || !inv.Removed || inv.Counts() {
		t.Errorf("deleted invoice %+v: want kept, flagged Removed, not counted", inv)
	}
	e.checkAllCompanies("after full")
	run, _, _ := e.db.LastRun()
	if run.Removed != 1 || run.Mode != store.ModeFull {
		t.Errorf("history %+v: want mode full with 1 removed", run)
	}
	// A full pass leaves the incremental watermark usable.
	e.client = e.newClient(bc.ClientOptions{PageSize: 1000})
	e.tenant.ResetStats()
	e.tenant.Advance(time.Hour)
	e.mustSync(syncer.Options{})
	if n := e.tenant.Stats().Requests; n > int64(5*len(e.conn.Companies)+1) {
		t.Errorf("incremental after full made %d requests", n)
	}
}

// newPaidInvoice adds a paid invoice dated today from a vendor no stored
// invoice references yet.
func newPaidInvoice(t *testing.T, e *env, co string) string {
	t.Helper()
	used := map[string]bool{}
	for _, inv := range allStored(t, e.db, co) {
		used[inv.VendorID] = true
	}
	var vendor bc.Vendor
	for _, v := range e.tenant.Vendors(co) {
		if !used[v.ID] {
			vendor = v
			break
		}
	}
	if vendor.ID == "" {
		t.Fatal("every vendor is referenced")
	}
	now := e.tenant.Now()
	id, err := e.tenant.AddInvoice(co, bc.PurchaseInvoice{
		InvoiceDate: bc.NewDate(now.Year(), now.Month(), now.Day()), PostingDate: bc.NewDate(now.Year(), now.Month(), now.Day()),
		VendorID: vendor.ID, VendorNumber: vendor.Number, VendorName: vendor.DisplayName, Status: bc.StatusPaid,
		Lines: []bc.PurchaseInvoiceLine{{Description: "New SaaS seat", Quantity: money.NewDecimal(1, 0), UnitCost: money.MustParseDecimal("99"), NetAmount: money.Amount(990000)}},
	})
	must(t, err)
	return id
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
