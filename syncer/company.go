package syncer

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/bcspend/bcspend/bc"
	"github.com/bcspend/bcspend/store"
)

// company syncs one company: what it says about itself (local currency,
// dimension codes), its invoice pass, then its exchange rates.
// Every page is committed with its checkpoint, so an error here loses
// nothing already fetched.
func (r *runner) company(ctx context.Context, c store.Company) (cs CompanySummary, err error) {
	cs = CompanySummary{ID: c.ID, Name: c.Title()}
	mu := new(sync.Mutex)
	p := pass{mu: mu}
	ctx = bc.WithWaitObserver(ctx, func(w bc.Wait) {
		mu.Lock()
		defer mu.Unlock()
		r.waited(&p, &cs, w)
	})
	ci, err := r.companyInfo(ctx, c)
	if refused(err) {
		err = r.companyInfoRefused(c, &cs, err)
	}
	if err == nil {
		var begun pass
		begun, err = r.begin(c)
		mu.Lock()
		p, p.mu = begun, mu
		mu.Unlock()
	}
	if err == nil {
		cs.Mode, cs.Resumed = p.state.Mode, p.resumed
		r.report(&p, &cs, false, nil)
		err = r.invoicesAndCredits(ctx, c, &p, &cs)
	}
	if err == nil {
		err = r.rates(ctx, &p, &cs)
		switch {
		case missingRates(err):
			err = r.ratesMissing(c, &ci, &cs)
		case err == nil:
			err = r.ratesRead(c, &ci)
		}
	}
	cs.OK, cs.Error = err == nil, problemOf(err)
	cs.Chains, cs.Expected = max(1, len(p.state.Chains)), p.state.Expected
	r.report(&p, &cs, true, err)
	return cs, err
}

// invoicesAndCredits runs the invoice pass and the credit memo pass side
// by side: each has its own checkpoint, and the credit memos' requests
// fill the slots the invoice chains leave at their end (run one after the
// other, the credit memo pass was a tenth of a one-company backfill). The
// credit memos start once the first invoice page is committed (or the
// invoice pass has ended), so invoices, the spend, come first. The
// company's mu guards the summary both write. An invoice failure cancels
// the credit memos and is the error returned.
func (r *runner) invoicesAndCredits(ctx context.Context, c store.Company, p *pass, cs *CompanySummary) error {
	cctx, cancel := context.WithCancel(ctx)
	defer cancel()
	first := make(chan struct{})
	var once sync.Once
	begin := func() { once.Do(func() { close(first) }) }
	p.committedOne = begin
	credits := make(chan error, 1)
	go func() {
		select {
		case <-first:
			credits <- r.creditMemos(cctx, c, cs, p.mu)
		case <-cctx.Done():
			credits <- cctx.Err()
		}
	}()
	err := r.fetch(ctx, p, cs)
	begin()
	if err == nil {
		p.mu.Lock()
		err = r.finish(p, cs)
		p.mu.Unlock()
	}
	if err != nil {
		cancel()
		<-credits
		return err
	}
	return <-credits
}

// begin plans the pass and, for a new one, saves its checkpoint before the
// first request: a run killed before its first page then resumes the same
// pass (a --full stays a full) instead of forgetting it.
func (r *runner) begin(c store.Company) (pass, error) {
	st, ok, err := r.db.SyncState(c.StoreKey())
	if errors.Is(err, store.ErrCorruptRecord) {
		// An unreadable checkpoint starts over with a backfill: upserts
		// are idempotent, so re-reading the window repairs, never doubles.
		st, ok, err = store.SyncState{}, false, nil
	}
	if err != nil {
		return pass{}, err
	}
	p := planPass(c, st, ok, r.conn, r.runID, r.opt)
	if p.id == r.runID && !p.resumed && !p.pagingDone {
		err = r.db.SaveSyncState(c.StoreKey(), p.state)
	}
	return p, err
}

// fetch pages through the pass's query, committing each page. A saved
// nextLink that BC refuses (skiptokens go stale) restarts the query from
// its first page: upserts are idempotent, so re-reading costs requests,
// never correctness.
func (r *runner) fetch(ctx context.Context, p *pass, cs *CompanySummary) error {
	if p.pagingDone {
		return nil
	}
	if p.unplanned() {
		if err := r.planChains(ctx, p); err != nil {
			return err
		}
	}
	if len(p.state.Chains) > 0 {
		return r.fetchSplit(ctx, p, cs)
	}
	vendors := newVendorCache(r.client, r.db, p.company, p.state.Mode == store.ModeFull)
	q := p.query()
	q.ResumeFrom = p.state.NextLink
	got := false
	each := func(pg bc.InvoicePage) error {
		got = true
		return r.commit(ctx, p, pg, vendors, cs)
	}
	err := r.client.Invoices(ctx, p.company.ID, q, each)
	if err == nil || q.ResumeFrom == "" || got || !staleLink(err) || ctx.Err() != nil {
		return err
	}
	p.mu.Lock()
	p.state.NextLink, p.state.Pages, p.state.Fetched = "", 0, 0
	p.state.Updated = p.started
	err = r.db.SaveSyncState(p.company.StoreKey(), p.state)
	p.mu.Unlock()
	if err != nil {
		return err
	}
	q.ResumeFrom = ""
	return r.client.Invoices(ctx, p.company.ID, q, each)
}

// committed moves the pass to the checkpoint st, which CommitPage has just
// stored with a page of invoices, and adds the page to the company's figures.
func (r *runner) committed(p *pass, cs *CompanySummary, st store.SyncState, res store.PageResult, invs []bc.PurchaseInvoice, vendors int) {
	st.Watermark = res.Watermark
	p.state = st
	cs.Pages++
	cs.Fetched += len(invs)
	cs.Lines += countLines(invs)
	cs.New += res.New
	cs.Changed += res.Changed
	cs.Vendors += vendors
	if p.committedOne != nil {
		p.committedOne()
	}
	r.report(p, cs, false, nil)
}

// staleLink reports whether a failed resume deserves a restart: BC did
// not accept the saved link (expired skiptoken, or a link to a host the
// connection no longer uses). Auth, throttling and network failures would
// fail the restart the same way, so they are returned instead.
func staleLink(err error) bool {
	return bc.StaleLink(err)
}

// commit stores one page with its checkpoint in one transaction.
func (r *runner) commit(ctx context.Context, p *pass, pg bc.InvoicePage, vendors *vendorCache, cs *CompanySummary) error {
	keep, err := r.accept(p, pg.Invoices)
	if err != nil {
		return err
	}
	vs, err := vendors.forPage(ctx, keep)
	if err != nil {
		return err
	}
	st := p.state
	st.NextLink = pg.Next
	st.Pages++
	st.Fetched += len(pg.Invoices)
	// Skipped invoices were seen too: the watermark covers the whole page.
	st.Watermark = maxModified(st.Watermark, pg.Invoices)
	st.Updated = r.opt.Now()
	res, err := r.db.CommitPage(p.company.StoreKey(), keep, vs, st, p.id)
	if err != nil {
		return err
	}
	p.mu.Lock() // the credit memo pass writes the summary too
	defer p.mu.Unlock()
	r.committed(p, cs, st, res, pg.Invoices, len(vs))
	return nil
}

// accept filters an incremental page: it returns every invoice whatever
// its status, but only paid ones dated inside the window are new spend;
// any other is stored only when bcspend already holds it, so a Paid ->
// Canceled change is recorded (and stops counting) while drafts and old
// invoices stay out. Backfill and full queries are already filtered by BC.
func (r *runner) accept(p *pass, invs []bc.PurchaseInvoice) ([]bc.PurchaseInvoice, error) {
	if p.state.Mode != store.ModeIncremental {
		return invs, nil
	}
	keep := make([]bc.PurchaseInvoice, 0, len(invs))
	for i := range invs {
		inv := &invs[i]
		if inv.Status == bc.StatusPaid && !inv.InvoiceDate.Before(p.windowFrom) {
			keep = append(keep, *inv)
			continue
		}
		// An unreadable stored copy counts as held: BC's copy repairs it.
		if _, held, err := r.db.Invoice(p.company.StoreKey(), inv.ID); held || err != nil {
			keep = append(keep, *inv)
		}
	}
	return keep, nil
}

// finish closes a pass whose pages are all committed: a full pass marks
// what BC no longer returned as removed, then the watermark is made final
// and the checkpoint leaves InProgress. Both steps are idempotent, so a
// kill between them is finished by the next run.
func (r *runner) finish(p *pass, cs *CompanySummary) error {
	if p.state.Mode == store.ModeFull {
		n, err := r.db.MarkRemovedInRange(p.company.StoreKey(), p.id, p.state.WindowFrom, p.state.WindowTo)
		if err != nil {
			return err
		}
		cs.Removed = n
	}
	st := p.state
	st.InProgress, st.NextLink = false, ""
	st.Watermark = finalWatermark(st.Watermark, p.started)
	st.Updated = r.opt.Now()
	if err := r.db.SaveSyncState(p.company.StoreKey(), st); err != nil {
		return err
	}
	p.state = st
	return nil
}

// report sends the company's progress.
func (r *runner) report(p *pass, cs *CompanySummary, done bool, err error) {
	r.progress(r.progressOf(p, cs, done, err))
}

func (r *runner) progressOf(p *pass, cs *CompanySummary, done bool, err error) Progress {
	chains, finished := 1, 0
	if n := len(p.state.Chains); n > 0 {
		chains = n
		for _, c := range p.state.Chains {
			if c.Done {
				finished++
			}
		}
	}
	return Progress{Connection: r.conn.Name, CompanyID: p.company.StoreKey(), Company: cs.Name, Mode: p.state.Mode, Resumed: p.resumed,
		Pages: cs.Pages, Invoices: cs.Fetched, Lines: cs.Lines, New: cs.New, Changed: cs.Changed,
		Expected: p.state.Expected, Read: p.state.Fetched, Chains: chains, ChainsDone: finished, Started: p.started,
		CompanyThrottled: cs.Throttled, CompanyThrottleWait: cs.ThrottleWait, Done: done, Err: err}
}

// waited reports a wait on BC's limits while it lasts and adds it to the
// company's figures when it ends. Its caller holds p.mu: the requests of a
// split pass (counts, chains) wait from several goroutines at once.
func (r *runner) waited(p *pass, cs *CompanySummary, w bc.Wait) {
	if !w.Done {
		cs.Throttled++
		r.gate.throttled()
	}
	pr := r.progressOf(p, cs, false, nil)
	pr.WaitStatus = w.Status
	if w.Done {
		cs.ThrottleWait += w.Duration
		pr.CompanyThrottleWait = cs.ThrottleWait
	} else {
		pr.Waiting, pr.WaitingUntil = w.Duration, w.Until
	}
	r.progress(pr)
}

// maxModified is the later of w and the page's latest lastModifiedDateTime.
func maxModified(w time.Time, invs []bc.PurchaseInvoice) time.Time {
	for i := range invs {
		if m := invs[i].LastModifiedDateTime.UTC(); m.After(w) {
			w = m
		}
	}
	return w
}

func countLines(invs []bc.PurchaseInvoice) int {
	n := 0
	for i := range invs {
		n += len(invs[i].Lines)
	}
	return n
}
