package syncer_test

import (
	"context"
	"testing"
	"time"

	"github.com/bcspend/bcspend/bc"
	"github.com/bcspend/bcspend/bc/bcsim"
	"github.com/bcspend/bcspend/store"
	"github.com/bcspend/bcspend/syncer"
)

// splitOpt splits the split tenant's windows (~720 paid invoices a
// company, pages of 40) into 7 chains of about 3 pages.
func splitOpt() syncer.Options { return syncer.Options{MinChain: minChain} }

const minChain = 100

// splitConfig is the tenant of these tests: three times the default
// invoices, so every chain spans several pages.
func splitConfig(tweaks ...func(*bcsim.Config)) bcsim.Config {
	c := bcsimConfig(tweaks...)
	c.InvoicesPerMonth = 60
	return c
}

// checkChains checks a company's split checkpoint: more than one range,
// contiguous from the window's first day to its last (to zero: open), all
// read, and their invoices adding up to the pass's.
func checkChains(t *testing.T, e *env, companyID string, to time.Time) store.SyncState {
	t.Helper()
	st, _, err := e.db.SyncState(companyID)
	if err != nil {
		t.Fatal(err)
	}
	from, _ := e.window()
	if len(st.Chains) < 2 {
		t.Fatalf("%d chains: the window was not split", len(st.Chains))
	}
	next, fetched := from, 0
	for i, c := range st.Chains {
		if !c.From.Equal(next) || !c.Done || c.NextLink != "" {
			t.Errorf("chain %d %+v: want from %s, done", i, c, next.Format(time.DateOnly))
		}
		next, fetched = c.To.AddDate(0, 0, 1), fetched+c.Fetched
	}
	if last := st.Chains[len(st.Chains)-1].To; !last.Equal(to) {
		t.Errorf("last chain ends %s, want %s", last, to)
	}
	if fetched != st.Fetched || st.Expected != st.Fetched {
		t.Errorf("chains fetched %d, pass %d, expected by $count %d", fetched, st.Fetched, st.Expected)
	}
	return st
}

// A backfill reads each company's window as disjoint ranges at once and
// stores exactly the tenant's paid invoices, within BC's 5 in flight.
func TestSplitBackfillReadsDisjointRangesInParallel(t *testing.T) {
	e := newEnv(t, splitConfig(func(c *bcsim.Config) { c.Companies = 1; c.Latency = 10 * time.Millisecond }))
	e.mustSync(splitOpt())
	_, to := e.window()
	checkChains(t, e, e.conn.Companies[0].ID, to)
	e.checkAllCompanies("split backfill")
	st := e.tenant.Stats()
	if st.MaxInFlight > bc.MaxInFlight {
		t.Errorf("max in flight %d > %d", st.MaxInFlight, bc.MaxInFlight)
	}
	if st.MaxInFlight < 2 {
		t.Errorf("max in flight %d: one company's chains did not overlap", st.MaxInFlight)
	}
}

// The cap holds across companies and chains: three companies of ten
// chains each never have more than 5 requests at BC.
func TestSplitKeepsFiveInFlightAcrossCompanies(t *testing.T) {
	e := newEnv(t, splitConfig(func(c *bcsim.Config) { c.Latency = 5 * time.Millisecond }))
	e.mustSync(syncer.Options{MinChain: 40})
	if st := e.tenant.Stats(); st.MaxInFlight != bc.MaxInFlight {
		t.Errorf("max in flight %d, want exactly %d (never more; all slots used)", st.MaxInFlight, bc.MaxInFlight)
	}
	e.checkAllCompanies("split, three companies")
}

// A split backfill stopped after n pages resumes every chain where it
// stopped: the store ends identical to an uninterrupted run's.
func TestSplitBackfillStoppedAnywhereResumesToTheSameStore(t *testing.T) {
	ref := newEnv(t, splitConfig())
	ref.mustSync(splitOpt())
	for _, n := range []int{1, 3, 6} {
		e := newEnv(t, splitConfig())
		ctx, cancel := context.WithCancel(t.Context())
		opt := cancelAfter(n, cancel)
		opt.MinChain = minChain
		_, _ = e.sync(ctx, opt)
		cancel()
		partial := 0
		for _, c := range e.conn.Companies {
			st, _, _ := e.db.SyncState(c.ID)
			if st.InProgress && len(st.Chains) > 1 && st.Pages > 0 {
				partial++
			}
		}
		if partial == 0 {
			t.Fatalf("after %d pages: no split pass was interrupted", n)
		}
		sum := e.mustSync(splitOpt())
		if !sum.Companies[0].Resumed && !sum.Companies[1].Resumed && !sum.Companies[2].Resumed {
			t.Errorf("after %d pages: no company resumed", n)
		}
		for _, c := range e.conn.Companies {
			sameSets(t, "resumed split "+c.Name, counted(t, ref.db, c.ID), counted(t, e.db, c.ID))
			// Each chain went on from its own position: across both
			// processes no invoice was read twice.
			if st, _, _ := e.db.SyncState(c.ID); st.Fetched != len(e.wantPaid(c.ID)) {
				t.Errorf("after %d pages: %s read %d invoices for %d paid", n, c.Name, st.Fetched, len(e.wantPaid(c.ID)))
			}
		}
		e.checkAllCompanies("resumed split")
	}
}

// --full marks removed only what no chain returned, and only once every
// chain has completed: an interrupted split reconcile marks nothing.
func TestSplitFullMarksRemovedOnlyAfterAllChains(t *testing.T) {
	e := newEnv(t, splitConfig())
	e.mustSync(splitOpt())
	co := e.conn.Companies[0].ID
	gone := e.pick(co, func(i bc.PurchaseInvoice) bool { return i.Status == bc.StatusPaid && e.inWindow(i) })
	must(t, e.tenant.DeleteInvoice(co, gone.ID))

	ctx, cancel := context.WithCancel(t.Context())
	opt := cancelAfter(2, cancel)
	opt.Full, opt.MinChain = true, minChain
	first, _ := e.sync(ctx, opt)
	cancel()
	interrupted := 0
	for _, c := range e.conn.Companies {
		if st, _, _ := e.db.SyncState(c.ID); !st.InProgress {
			continue // this one completed before the stop
		}
		interrupted++
		for _, inv := range allStored(t, e.db, c.ID) {
			if inv.Removed {
				t.Fatalf("%s: %s marked removed by an interrupted reconcile", c.Name, inv.ID)
			}
		}
	}
	if interrupted == 0 {
		t.Fatal("no reconcile was interrupted")
	}
	sum := e.mustSync(splitOpt())
	removed := 0
	for _, c := range append(first.Companies, sum.Companies...) {
		removed += c.Removed
	}
	if removed != 1 {
		t.Errorf("%d removed, want 1", removed)
	}
	if inv := allStored(t, e.db, co)[gone.ID]; inv == nil || !inv.Removed {
		t.Errorf("deleted invoice not marked removed: %+v", inv)
	}
	checkChains(t, e, co, time.Time{})
	e.checkAllCompanies("after split full")
}

// Throttling takes chains away, slow pages make pages smaller, and the run
// says what it chose: in the summary (--json) and in the history.
func TestSplitAdaptsToThrottlingAndSlowPages(t *testing.T) {
	e := newEnv(t, splitConfig())
	e.tenant.SetFaults(bcsim.Faults{RateLimit: 8, RateWindow: time.Minute,
		EntityCost: time.Second, OperationLimit: 30 * time.Second})
	sum := e.mustSync(splitOpt())
	if sum.Parallel >= syncer.DefaultChains || sum.Parallel < 1 {
		t.Errorf("parallel %d after throttling; want fewer than %d", sum.Parallel, syncer.DefaultChains)
	}
	if sum.PageSize >= 40 || sum.PageSize < 1 {
		t.Errorf("page size %d after 408s; want below the configured 40", sum.PageSize)
	}
	run, _, err := e.db.LastRun()
	if err != nil || run.Parallel != sum.Parallel || run.PageSize != sum.PageSize {
		t.Errorf("history %+v (%v): want parallel %d, page size %d", run, err, sum.Parallel, sum.PageSize)
	}
	e.checkAllCompanies("adapted split")
}
