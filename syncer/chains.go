package syncer

import (
	"context"
	"slices"
	"sync"
	"time"

	"github.com/bcspend/bcspend/bc"
	"github.com/bcspend/bcspend/failure"
	"github.com/bcspend/bcspend/store"
)

// unplanned reports whether the pass is a backfill or full one that has
// not been split yet (a single-chain checkpoint of an earlier process is
// finished as it was begun).
func (p *pass) unplanned() bool {
	return p.state.Mode != store.ModeIncremental && len(p.state.Chains) == 0 &&
		p.state.NextLink == "" && p.state.Pages == 0
}

// fetchSplit reads a split pass's chains in parallel (see split.go).
// When every chain has completed the pass goes on to finish; a chain's
// failure stops its siblings at their next page and fails the company
// with that error (committed pages stay).
func (r *runner) fetchSplit(ctx context.Context, p *pass, cs *CompanySummary) error {
	cc := &chainCommit{mu: p.mu, vendors: newVendorCache(r.client, r.db, p.company, p.state.Mode == store.ModeFull)}
	r.gate.join(p.company.StoreKey())
	defer r.gate.part(p.company.StoreKey())
	return eachChain(ctx, p.state.Chains, func(ctx context.Context, i int, _ store.ChainState) error {
		return r.chain(ctx, p, cs, cc, i)
	})
}

// eachChain runs f for every chain not done yet, side by side. The first
// failure cancels the others; the error returned is a real failure rather
// than the cancellations it caused (firstError).
func eachChain(ctx context.Context, chains []store.ChainState, f func(ctx context.Context, i int, ch store.ChainState) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	errs := make([]error, len(chains))
	var wg sync.WaitGroup
	for i, ch := range chains {
		if ch.Done {
			continue
		}
		wg.Go(func() {
			if errs[i] = f(ctx, i, ch); errs[i] != nil {
				cancel()
			}
		})
	}
	wg.Wait()
	return firstError(errs)
}

// firstError prefers a real failure over the cancellations it caused.
func firstError(errs []error) error {
	var first error
	for _, err := range errs {
		if err == nil {
			continue
		}
		if failure.KindOf(err) != failure.KindCanceled {
			return err
		}
		if first == nil {
			first = err
		}
	}
	return first
}

// planChains splits a new backfill or full pass's window with $count and
// saves the plan before the first page, so a killed run resumes the same
// ranges. A window too small to split stays one chain, read as before
// (only its total is kept, for progress).
func (r *runner) planChains(ctx context.Context, p *pass) error {
	count := func(ctx context.Context, from, to time.Time) (int, error) {
		return r.client.InvoiceCount(ctx, p.company.ID, bc.InvoiceQuery{PaidFrom: from, PaidTo: to})
	}
	chains, err := splitWindow(ctx, count, p.state.WindowFrom, p.state.WindowTo, day(r.opt.Now()), r.opt.Chains, r.opt.MinChain)
	if err != nil {
		return err
	}
	p.mu.Lock() // the credit memo pass's waits report this pass's state
	defer p.mu.Unlock()
	p.state.Chains, p.state.Expected = chains, 0
	for _, c := range chains {
		p.state.Expected += c.Expected
	}
	if len(chains) == 1 {
		p.state.Chains = nil
	}
	p.state.Updated = r.opt.Now()
	return r.db.SaveSyncState(p.company.StoreKey(), p.state)
}

// chainCommit serialises one company's commits: the checkpoint holds
// every chain, so each page rewrites it from the latest state (under the
// pass's mu). The shared vendor cache has a lock of its own because
// filling it is a request to BC, and a request that meets throttling
// reports its wait under the pass's mu.
type chainCommit struct {
	mu        *sync.Mutex
	vendorsMu sync.Mutex
	vendors   *vendorCache
}

// chain reads one range to its end. Between pages it passes through the
// run's gate, so fewer chains read while BC throttles. A saved nextLink
// BC refuses restarts the range from its first page, like a single pass.
func (r *runner) chain(ctx context.Context, p *pass, cs *CompanySummary, cc *chainCommit, i int) error {
	if err := r.gate.enter(ctx, p.company.StoreKey()); err != nil {
		return canceled(err)
	}
	held := true
	defer func() {
		if held {
			r.gate.leave(p.company.StoreKey())
		}
	}()
	cc.mu.Lock()
	ch := p.state.Chains[i]
	cc.mu.Unlock()
	q := bc.InvoiceQuery{PaidFrom: ch.From, PaidTo: ch.To, ResumeFrom: ch.NextLink}
	got := false
	each := func(pg bc.InvoicePage) error {
		got = true
		if err := r.commitChain(ctx, p, cs, cc, i, pg); err != nil {
			return err
		}
		r.gate.page()
		if pg.Next == "" {
			return nil
		}
		r.gate.leave(p.company.StoreKey())
		held = false
		if err := r.gate.enter(ctx, p.company.StoreKey()); err != nil {
			return canceled(err)
		}
		held = true
		return nil
	}
	err := r.client.Invoices(ctx, p.company.ID, q, each)
	if err == nil || q.ResumeFrom == "" || got || !staleLink(err) || ctx.Err() != nil {
		return err
	}
	cc.mu.Lock()
	st := p.state
	st.Chains = slices.Clone(st.Chains)
	st.Chains[i].NextLink, st.Chains[i].Pages, st.Chains[i].Fetched = "", 0, 0
	st.Updated = r.opt.Now()
	err = r.db.SaveSyncState(p.company.StoreKey(), st)
	if err == nil {
		p.state = st
	}
	cc.mu.Unlock()
	if err != nil {
		return err
	}
	q.ResumeFrom = ""
	return r.client.Invoices(ctx, p.company.ID, q, each)
}

// commitChain stores one page of chain i with the checkpoint that moves
// that chain past it, in one transaction.
func (r *runner) commitChain(ctx context.Context, p *pass, cs *CompanySummary, cc *chainCommit, i int, pg bc.InvoicePage) error {
	cc.vendorsMu.Lock()
	vs, err := cc.vendors.forPage(ctx, pg.Invoices)
	cc.vendorsMu.Unlock()
	if err != nil {
		return err
	}
	cc.mu.Lock()
	defer cc.mu.Unlock()
	st := p.state
	st.Chains = slices.Clone(st.Chains)
	c := &st.Chains[i]
	c.NextLink, c.Done = pg.Next, pg.Next == ""
	c.Pages++
	c.Fetched += len(pg.Invoices)
	st.Pages++
	st.Fetched += len(pg.Invoices)
	st.Watermark = maxModified(st.Watermark, pg.Invoices)
	st.Updated = r.opt.Now()
	res, err := r.db.CommitPage(p.company.StoreKey(), pg.Invoices, vs, st, p.id)
	if err != nil {
		return err
	}
	r.committed(p, cs, st, res, pg.Invoices, len(vs))
	return nil
}

// chainsDone reports whether a split pass has read every range.
func chainsDone(cs []store.ChainState) bool {
	for _, c := range cs {
		if !c.Done {
			return false
		}
	}
	return len(cs) > 0
}
