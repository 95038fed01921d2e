package syncer_test

import (
	"context"
	"testing"
	"time"

	"github.com/bcspend/bcspend/bc/bcsim"
	"github.com/bcspend/bcspend/failure"
	"github.com/bcspend/bcspend/syncer"
)

// A saved nextLink refused because the permission set was removed (BC's
// 400 dialog shape) is not a stale link: the query does not restart, the
// resume position is kept for when the admin has fixed the permission,
// and the run asks the admin to act.
func TestPermissionRefusalOnResumeKeepsThePosition(t *testing.T) {
	e := newEnv(t, bcsimConfig())
	ctx, cancel := context.WithCancel(t.Context())
	_, _ = e.sync(ctx, oneChain(cancelAfter(1, cancel)))
	saved := map[string]string{}
	for _, c := range e.conn.Companies {
		if st, _, _ := e.db.SyncState(c.ID); st.NextLink != "" {
			saved[c.ID] = st.NextLink
		}
	}
	if len(saved) == 0 {
		t.Fatal("no company was interrupted mid-pass")
	}
	e.tenant.SetFaults(bcsim.Faults{RevokePermission: true, RevokeAsDialog: true})
	e.tenant.ResetStats()
	_, err := e.sync(context.Background(), syncer.Options{})
	if failure.ExitCode(err) != 3 {
		t.Fatalf("exit %d for %v; want 3 (the admin must restore the permission)", failure.ExitCode(err), err)
	}
	if n := e.tenant.Stats().Paths["purchaseInvoices"]; n != int64(len(e.conn.Companies)) {
		t.Errorf("%d invoice requests for %d companies: a refused resume was restarted", n, len(e.conn.Companies))
	}
	for id, link := range saved {
		if st, _, _ := e.db.SyncState(id); st.NextLink != link {
			t.Errorf("company %s: saved position %q became %q", id, link, st.NextLink)
		}
	}
	e.tenant.SetFaults(bcsim.Faults{})
	e.mustSync(syncer.Options{})
	e.checkAllCompanies("after the permission came back")
}

// Throttling shows while it lasts: a company waiting on BC's limit reports
// the wait in its progress, its summary says how long it waited, and the
// run's figure is wall-clock time (concurrent waits counted once).
func TestThrottlingWaitsAreReportedPerCompanyAndOnce(t *testing.T) {
	e := newEnv(t, bcsimConfig())
	e.tenant.SetFaults(bcsim.Faults{RateLimit: 6, RateWindow: 5 * time.Minute})
	var waiting []syncer.Progress
	start := e.tenant.Now()
	sum := e.mustSync(syncer.Options{Progress: func(p syncer.Progress) {
		if p.Waiting > 0 {
			waiting = append(waiting, p)
		}
	}})
	elapsed := e.tenant.Now().Sub(start)
	e.checkAllCompanies("after throttling")
	if len(waiting) == 0 || waiting[0].WaitStatus != 429 || waiting[0].WaitingUntil.IsZero() {
		t.Fatalf("no progress while waiting on throttling: %+v", waiting)
	}
	var perCompany time.Duration
	for _, c := range sum.Companies {
		perCompany += c.ThrottleWait
		if c.ThrottleWait == 0 || c.Throttled == 0 {
			t.Errorf("%s: no throttling wait reported (%d waits, %s)", c.Name, c.Throttled, c.ThrottleWait)
		}
	}
	if sum.ThrottleWait < 5*time.Minute || sum.ThrottleWait > elapsed || sum.ThrottleWaitText == "" {
		t.Errorf("run waited %s (%q) in %s of simulated time; per company %s", sum.ThrottleWait, sum.ThrottleWaitText, elapsed, perCompany)
	}
}
