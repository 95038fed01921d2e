package syncer_test

import (
	"testing"
	"time"

	"github.com/bcspend/bcspend/bc"
	"github.com/bcspend/bcspend/money"
	"github.com/bcspend/bcspend/store"
	"github.com/bcspend/bcspend/syncer"
)

// wantCredits is the tenant's own answer: its paid credit memos dated in
// the window, by id.
func (e *env) wantCredits(companyID string) map[string]bool {
	from, to := e.window()
	out := map[string]bool{}
	for _, m := range e.tenant.CreditMemos(companyID) {
		d := m.CreditMemoDate.Time
		if m.Status == bc.StatusPaid && !d.Before(from) && !d.After(to) {
			out[m.ID] = true
		}
	}
	return out
}

// storedCredits is what the store nets: the credit memos that count.
func storedCredits(t *testing.T, db *store.DB, companyID string) map[string]*store.CreditMemo {
	t.Helper()
	out := map[string]*store.CreditMemo{}
	err := db.ForEachCreditMemo(companyID, time.Time{}, time.Time{}, func(m *store.CreditMemo) error {
		out[m.ID] = m
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func (e *env) checkCredits(what string) {
	e.t.Helper()
	for _, c := range e.conn.Companies {
		want := e.wantCredits(c.ID)
		got := storedCredits(e.t.(*testing.T), e.db, c.ID)
		n := 0
		for id, m := range got {
			if m.Counts() {
				n++
				if !want[id] {
					e.t.Errorf("%s: %s: credit memo %s (%s) counts but is not a paid one of the window", what, c.Name, m.Number, m.Status)
				}
			}
		}
		if n != len(want) {
			e.t.Errorf("%s: %s: %d credit memos count, want %d", what, c.Name, n, len(want))
		}
	}
}

// Credit memos follow the invoices' rules: a backfill (split into chains
// when big enough, pages of 2) stores exactly the paid ones of the window;
// an incremental run adds a new paid one, records a Paid -> Canceled
// change and leaves an open one out; --full marks one deleted in BC as
// removed.
func TestCreditMemosFollowTheInvoicesRules(t *testing.T) {
	e := newEnv(t, bcsimConfig())
	e.client = e.newClient(bc.ClientOptions{PageSize: 2})
	sum := e.mustSync(syncer.Options{MinChain: 1, Chains: 3})
	e.checkCredits("backfill")
	all := 0
	for _, c := range sum.Companies {
		all += len(e.tenant.CreditMemos(c.ID))
		if c.CreditMemos.New != len(e.wantCredits(c.ID)) || c.CreditMemos.Fetched < 2 {
			t.Errorf("%s: credit memo counts %+v, want %d new", c.Name, c.CreditMemos, len(e.wantCredits(c.ID)))
		}
	}
	st, _, _ := e.db.CreditMemoSyncState(e.conn.Companies[0].ID)
	if len(st.Chains) < 2 || st.InProgress {
		t.Errorf("credit memo checkpoint %+v: want a finished split pass", st)
	}

	co := e.conn.Companies[0].ID
	e.tenant.Advance(time.Hour)
	var paid bc.PurchaseCreditMemo
	for _, m := range e.tenant.CreditMemos(co) {
		if e.wantCredits(co)[m.ID] {
			paid = m
			break
		}
	}
	must(t, e.tenant.UpdateCreditMemo(co, paid.ID, func(m *bc.PurchaseCreditMemo) { m.Status = bc.StatusCanceled }))
	today := bc.Date{Time: e.tenant.Now().Truncate(24 * time.Hour)}
	line := []bc.PurchaseCreditMemoLine{{Description: "Credit: 2 unused seats", Quantity: money.NewDecimal(1, 0),
		UnitCost: money.NewDecimal(4000, 2), NetAmount: money.MustParse("40")}}
	newID, err := e.tenant.AddCreditMemo(co, bc.PurchaseCreditMemo{CreditMemoDate: today, PostingDate: today,
		VendorID: paid.VendorID, VendorNumber: paid.VendorNumber, VendorName: paid.VendorName, Status: bc.StatusPaid, Lines: line})
	must(t, err)
	openID, err := e.tenant.AddCreditMemo(co, bc.PurchaseCreditMemo{CreditMemoDate: today, PostingDate: today,
		VendorID: paid.VendorID, VendorNumber: paid.VendorNumber, VendorName: paid.VendorName, Status: bc.StatusOpen, Lines: line})
	must(t, err)
	e.mustSync(syncer.Options{})
	e.checkCredits("incremental")
	got := storedCredits(t, e.db, co)
	if m := got[paid.ID]; m == nil || m.Status != bc.StatusCanceled || m.Counts() {
		t.Errorf("the canceled credit memo is stored as %+v", m)
	}
	if m := got[newID]; m == nil || !m.Counts() || m.AppliesToID != "" || m.Lines[0].NetAmount != money.MustParse("40") {
		t.Errorf("the new vendor-level credit memo is stored as %+v", m)
	}
	if got[openID] != nil {
		t.Error("an open credit memo was stored")
	}

	must(t, e.tenant.DeleteCreditMemo(co, newID))
	e.tenant.Advance(time.Hour)
	sum = e.mustSync(syncer.Options{Full: true})
	// The deleted one, and the canceled one: a full pass reads paid ones
	// only, so what it no longer returns is history (as for invoices).
	if sum.Companies[0].CreditMemos.Removed != 2 {
		t.Errorf("full reconcile removed %d credit memos, want 2", sum.Companies[0].CreditMemos.Removed)
	}
	if m := storedCredits(t, e.db, co)[newID]; m == nil || !m.Removed || m.Counts() {
		t.Errorf("the deleted credit memo is stored as %+v", m)
	}
	e.checkCredits("full")
	if all == 0 {
		t.Fatal("the tenant has no credit memos: the test proves nothing")
	}
}
