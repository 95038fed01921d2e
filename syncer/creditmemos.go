package syncer

import (
	"context"
	"errors"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/bcspend/bcspend/bc"
	"github.com/bcspend/bcspend/store"
)

// Credit memos (refunds) follow the invoices' rules with a checkpoint of
// their own (store.CreditMemoSyncState): a backfill of the paid ones dated
// (creditMemoDate) in the one-year window, then only what changed since
// the watermark, whatever its status, of which only paid ones in the
// window and ones already held are kept; --full re-reads the window and
// marks what BC no longer has. A big window is split into chains by the
// same $count planning as invoices (splitWindow with a credit memo
// counter). The pass runs beside the company's invoice pass (see
// invoicesAndCredits), so a database synced before bcspend knew credit
// memos backfills them on its next run.

// creditPass is one company's credit memo pass: a pass with credit memo
// I/O.
type creditPass struct {
	pass
	cs *CompanySummary
	// mode is the pass's mode, fixed when planned: chains read it while
	// others rewrite state under mu.
	mode string
}

// creditMemos runs the company's credit memo pass; mu is the company's
// lock (the summary is shared with the invoice pass's wait reports).
func (r *runner) creditMemos(ctx context.Context, c store.Company, cs *CompanySummary, mu *sync.Mutex) error {
	st, ok, err := r.db.CreditMemoSyncState(c.StoreKey())
	if errors.Is(err, store.ErrCorruptRecord) {
		st, ok, err = store.SyncState{}, false, nil // re-reading the window repairs it
	}
	if err != nil {
		return err
	}
	p := &creditPass{pass: planPass(c, st, ok, r.conn, r.runID, r.opt), cs: cs}
	p.mu, p.mode = mu, p.state.Mode
	if p.id == r.runID && !p.resumed && !p.pagingDone {
		if err := r.db.SaveCreditMemoSyncState(c.StoreKey(), p.state); err != nil {
			return err
		}
	}
	if !p.pagingDone {
		if err := r.fetchCredits(ctx, p); err != nil {
			return err
		}
	}
	return r.finishCredits(p)
}

func (r *runner) fetchCredits(ctx context.Context, p *creditPass) error {
	if p.unplanned() {
		count := func(ctx context.Context, from, to time.Time) (int, error) {
			return r.client.CreditMemoCount(ctx, p.company.ID, bc.InvoiceQuery{PaidFrom: from, PaidTo: to})
		}
		chains, err := splitWindow(ctx, count, p.state.WindowFrom, p.state.WindowTo, day(r.opt.Now()), r.opt.Chains, r.opt.MinChain)
		if err != nil {
			return err
		}
		if len(chains) > 1 {
			p.state.Chains = chains
		}
		if err := r.db.SaveCreditMemoSyncState(p.company.StoreKey(), p.state); err != nil {
			return err
		}
	}
	vendors := newVendorCache(r.client, r.db, p.company, false)
	if len(p.state.Chains) == 0 {
		q := p.query()
		q.ResumeFrom = p.state.NextLink
		return r.readCredits(ctx, p, q, -1, vendors)
	}
	var vmu sync.Mutex
	return eachChain(ctx, p.state.Chains, func(ctx context.Context, i int, ch store.ChainState) error {
		q := bc.InvoiceQuery{PaidFrom: ch.From, PaidTo: ch.To, ResumeFrom: ch.NextLink}
		return r.readCredits(ctx, p, q, i, &lockedVendors{mu: &vmu, c: vendors})
	})
}

// pageVendors is what a credit memo page needs of the vendor cache.
type pageVendors interface {
	forPage(ctx context.Context, invs []bc.PurchaseInvoice) ([]store.Vendor, error)
}

// lockedVendors shares one vendor cache between chains.
type lockedVendors struct {
	mu *sync.Mutex
	c  *vendorCache
}

func (l *lockedVendors) forPage(ctx context.Context, invs []bc.PurchaseInvoice) ([]store.Vendor, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.c.forPage(ctx, invs)
}

// readCredits pages q (chain i, or the whole pass when i < 0), committing
// each page; a saved link BC refuses restarts from the first page.
func (r *runner) readCredits(ctx context.Context, p *creditPass, q bc.InvoiceQuery, i int, vendors pageVendors) error {
	got := false
	each := func(pg bc.CreditMemoPage) error {
		got = true
		return r.commitCredits(ctx, p, pg, i, vendors)
	}
	err := r.client.CreditMemos(ctx, p.company.ID, q, each)
	if err == nil || q.ResumeFrom == "" || got || !staleLink(err) || ctx.Err() != nil {
		return err
	}
	q.ResumeFrom = ""
	return r.client.CreditMemos(ctx, p.company.ID, q, each)
}

// commitCredits stores one page with the checkpoint past it.
func (r *runner) commitCredits(ctx context.Context, p *creditPass, pg bc.CreditMemoPage, i int, vendors pageVendors) error {
	keep, err := r.acceptCredits(p, pg.CreditMemos)
	if err != nil {
		return err
	}
	vs, err := vendors.forPage(ctx, vendorRefs(keep))
	if err != nil {
		return err
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	st := p.state
	if i < 0 {
		st.NextLink = pg.Next
	} else {
		st.Chains = slices.Clone(st.Chains)
		c := &st.Chains[i]
		c.NextLink, c.Done = pg.Next, pg.Next == ""
		c.Pages++
		c.Fetched += len(pg.CreditMemos)
	}
	st.Pages++
	st.Fetched += len(pg.CreditMemos)
	for k := range pg.CreditMemos {
		if m := pg.CreditMemos[k].LastModifiedDateTime.UTC(); m.After(st.Watermark) {
			st.Watermark = m
		}
	}
	st.Updated = r.opt.Now()
	res, err := r.db.CommitCreditMemoPage(p.company.StoreKey(), keep, vs, st, p.id)
	if err != nil {
		return err
	}
	st.Watermark = res.Watermark
	p.state = st
	p.cs.CreditMemos.Fetched += len(pg.CreditMemos)
	p.cs.CreditMemos.New += res.New
	p.cs.CreditMemos.Changed += res.Changed
	p.cs.Vendors += len(vs)
	return nil
}

// acceptCredits is accept for credit memos: an incremental page keeps paid
// ones dated in the window and any already held (a Paid -> Canceled change
// must reach the store), nothing else.
func (r *runner) acceptCredits(p *creditPass, ms []bc.PurchaseCreditMemo) ([]bc.PurchaseCreditMemo, error) {
	if p.mode != store.ModeIncremental {
		return ms, nil
	}
	keep := make([]bc.PurchaseCreditMemo, 0, len(ms))
	for i := range ms {
		m := &ms[i]
		if m.Status == bc.StatusPaid && !m.CreditMemoDate.Before(p.windowFrom) {
			keep = append(keep, *m)
			continue
		}
		if _, held, err := r.db.CreditMemo(p.company.StoreKey(), m.ID); held || err != nil {
			keep = append(keep, *m)
		}
	}
	return keep, nil
}

// vendorRefs is what the vendor cache reads of a page: its vendor ids.
func vendorRefs(ms []bc.PurchaseCreditMemo) []bc.PurchaseInvoice {
	out := make([]bc.PurchaseInvoice, len(ms))
	for i := range ms {
		out[i] = bc.PurchaseInvoice{VendorID: strings.ToLower(ms[i].VendorID)}
	}
	return out
}

// finishCredits is finish for credit memos.
func (r *runner) finishCredits(p *creditPass) error {
	if p.state.Mode == store.ModeFull {
		n, err := r.db.MarkCreditMemosRemovedInRange(p.company.StoreKey(), p.id, p.state.WindowFrom, p.state.WindowTo)
		if err != nil {
			return err
		}
		p.mu.Lock()
		p.cs.CreditMemos.Removed += n
		p.mu.Unlock()
	}
	st := p.state
	st.InProgress, st.NextLink = false, ""
	st.Watermark = finalWatermark(st.Watermark, p.started)
	st.Updated = r.opt.Now()
	return r.db.SaveCreditMemoSyncState(p.company.StoreKey(), st)
}
