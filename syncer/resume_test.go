package syncer_test

import (
	"context"
	"testing"

	"github.com/bcspend/bcspend/bc"
	"github.com/bcspend/bcspend/failure"
	"github.com/bcspend/bcspend/store"
	"github.com/bcspend/bcspend/syncer"
)

// cancelAfter returns Options whose Progress cancels the run once the
// first company has committed n pages.
//
// These tests are about one chain's checkpoint (the incremental pass, a
// window too small to split, a checkpoint of an older version): oneChain
// keeps the backfill whole; split_test.go interrupts split passes.
func cancelAfter(n int, cancel context.CancelFunc) syncer.Options {
	return syncer.Options{Progress: func(p syncer.Progress) {
		if p.Pages >= n {
			cancel()
		}
	}}
}

// oneChain reads every window as one chain.
func oneChain(o syncer.Options) syncer.Options {
	o.Chains = 1
	return o
}

func TestCancelStopsAtAPageBoundaryAndTheNextRunResumes(t *testing.T) {
	e := newEnv(t, bcsimConfig())
	ctx, cancel := context.WithCancel(t.Context())
	sum, err := e.sync(ctx, oneChain(cancelAfter(2, cancel)))
	if e, ok := failure.AsError(err); !ok || e.Kind != failure.KindCanceled {
		t.Fatalf("err %v: want a canceled failure.Error", err)
	}
	if sum.Outcome != store.OutcomeCanceled {
		t.Errorf("outcome %s, want canceled", sum.Outcome)
	}
	if run, _, _ := e.db.LastRun(); run.Outcome != store.OutcomeCanceled || run.ErrorKind != string(failure.KindCanceled) {
		t.Errorf("history %+v: want canceled", run)
	}
	interrupted := 0
	for _, c := range e.conn.Companies {
		st, _, _ := e.db.SyncState(c.ID)
		if st.InProgress && st.NextLink != "" {
			interrupted++
			// What was committed is intact: every stored invoice is one of
			// the tenant's, to the last line.
			want, got := e.wantPaid(c.ID), counted(t, e.db, c.ID)
			if len(got) != st.Fetched {
				t.Errorf("%s: %d stored, checkpoint says %d fetched", c.Name, len(got), st.Fetched)
			}
			for id, g := range got {
				if want[id] != g {
					t.Errorf("%s: committed invoice differs: %s", c.Name, g)
				}
			}
		}
	}
	if interrupted == 0 {
		t.Fatal("no company was interrupted mid-pass; the test proves nothing")
	}

	sum = e.mustSync(syncer.Options{})
	resumed := 0
	for _, c := range sum.Companies {
		if c.Resumed {
			resumed++
			if c.Mode != store.ModeBackfill {
				t.Errorf("%s resumed as %s, want the interrupted backfill", c.Name, c.Mode)
			}
		}
	}
	if resumed != interrupted {
		t.Errorf("%d companies resumed, %d were interrupted", resumed, interrupted)
	}
	e.checkAllCompanies("after resume")
	for _, c := range e.conn.Companies {
		if n, _ := e.db.InvoiceCount(c.ID); n != len(e.wantPaid(c.ID)) {
			t.Errorf("%s: %d invoices stored, want %d: duplicates or strays", c.Name, n, len(e.wantPaid(c.ID)))
		}
	}
}

// A saved nextLink BC refuses (stale skiptoken) restarts that company's
// query from its first page.
func TestRefusedNextLinkRestartsTheCompanyQuery(t *testing.T) {
	e := newEnv(t, bcsimConfig())
	ctx, cancel := context.WithCancel(t.Context())
	_, _ = e.sync(ctx, oneChain(cancelAfter(1, cancel)))
	broken := 0
	for _, c := range e.conn.Companies {
		st, _, _ := e.db.SyncState(c.ID)
		if st.NextLink == "" {
			continue
		}
		st.NextLink += "&$bogus=stale" // BC answers 400 to an option it does not know
		must(t, e.db.SaveSyncState(c.ID, st))
		broken++
	}
	if broken == 0 {
		t.Fatal("nothing to break")
	}
	sum := e.mustSync(syncer.Options{})
	restarted := 0
	for _, c := range sum.Companies {
		if !c.Resumed {
			continue
		}
		restarted++
		if c.Fetched != len(e.wantPaid(c.ID)) {
			t.Errorf("%s: %d fetched after the restart; want the whole query again (%d)", c.Name, c.Fetched, len(e.wantPaid(c.ID)))
		}
	}
	if restarted != broken {
		t.Errorf("%d companies restarted, %d links broken", restarted, broken)
	}
	e.checkAllCompanies("after restart")
}

// A full pass interrupted is finished by the next run even without --full,
// reconcile included.
func TestInterruptedFullPassIsFinishedByTheNextRun(t *testing.T) {
	e := newEnv(t, bcsimConfig())
	e.mustSync(syncer.Options{})
	co := e.conn.Companies[0].ID
	gone := e.pick(co, func(i bc.PurchaseInvoice) bool { return i.Status == bc.StatusPaid && e.inWindow(i) })
	must(t, e.tenant.DeleteInvoice(co, gone.ID))

	ctx, cancel := context.WithCancel(t.Context())
	opt := oneChain(cancelAfter(1, cancel))
	opt.Full = true
	_, _ = e.sync(ctx, opt)
	if st, _, _ := e.db.SyncState(co); !st.InProgress || st.Mode != store.ModeFull {
		t.Fatalf("checkpoint %+v: want an interrupted full pass", st)
	}
	sum := e.mustSync(syncer.Options{})
	if sum.Companies[0].Mode != store.ModeFull || sum.Companies[0].Removed != 1 {
		t.Errorf("company %+v: want the full pass finished with 1 removed", sum.Companies[0])
	}
	if inv := allStored(t, e.db, co)[gone.ID]; inv == nil || !inv.Removed {
		t.Errorf("deleted invoice not marked removed: %+v", inv)
	}
	e.checkAllCompanies("after resumed full")
}
