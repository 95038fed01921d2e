package syncer_test

import (
	"strings"
	"testing"
	"time"

	"github.com/bcspend/bcspend/bc"
	"github.com/bcspend/bcspend/bc/bcsim"
	"github.com/bcspend/bcspend/failure"
	"github.com/bcspend/bcspend/store"
	"github.com/bcspend/bcspend/syncer"
)

func TestBackfillStoresExactlyThePaidInvoicesOfTheWindow(t *testing.T) {
	e := newEnv(t, bcsimConfig())
	sum := e.mustSync(syncer.Options{})

	e.checkAllCompanies("after backfill")
	// The tenant has history outside the window and invoices in every
	// status, so "exactly" is a real claim.
	from, _ := e.window()
	var outside, unpaid int
	for _, c := range e.conn.Companies {
		for _, inv := range e.tenant.Invoices(c.ID) {
			if inv.InvoiceDate.Before(from) {
				outside++
			}
			if inv.Status != bc.StatusPaid {
				unpaid++
			}
		}
		if n := len(allStored(t, e.db, c.ID)); n != len(e.wantPaid(c.ID)) {
			t.Errorf("%s: %d invoices stored, want only the %d paid ones", c.Name, n, len(e.wantPaid(c.ID)))
		}
	}
	if outside == 0 || unpaid == 0 {
		t.Fatalf("tenant has %d invoices before the window and %d unpaid: the test proves nothing", outside, unpaid)
	}
	for _, c := range sum.Companies {
		if c.Mode != store.ModeBackfill || !c.OK || c.Pages < 2 {
			t.Errorf("company %s: mode %s ok %v pages %d; want a multi-page backfill", c.Name, c.Mode, c.OK, c.Pages)
		}
	}
	if sum.New != sum.Fetched || sum.Changed != 0 {
		t.Errorf("summary fetched %d new %d changed %d: a first sync only adds", sum.Fetched, sum.New, sum.Changed)
	}
}

func TestBackfillStoresReferencedVendorsRatesUsersAndHistory(t *testing.T) {
	e := newEnv(t, bcsimConfig())
	sum := e.mustSync(syncer.Options{})

	for _, c := range e.conn.Companies {
		referenced := map[string]bool{}
		for _, inv := range allStored(t, e.db, c.ID) {
			referenced[inv.VendorID] = true
		}
		vendors, err := e.db.Vendors(c.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range vendors {
			if !referenced[v.ID] {
				t.Errorf("%s: vendor %s stored but no invoice references it", c.Name, v.DisplayName)
			}
			delete(referenced, v.ID)
		}
		if len(referenced) > 0 {
			t.Errorf("%s: %d referenced vendors not stored", c.Name, len(referenced))
		}
		rates, err := e.db.ExchangeRates(c.ID)
		if err != nil || len(rates) == 0 || len(rates) != len(e.tenant.Rates(c.ID)) {
			t.Errorf("%s: %d rates stored (err %v), tenant has %d", c.Name, len(rates), err, len(e.tenant.Rates(c.ID)))
		}
		st, ok, err := e.db.SyncState(c.ID)
		if err != nil || !ok || st.InProgress || st.NextLink != "" || st.Watermark.IsZero() {
			t.Errorf("%s: checkpoint %+v (ok %v, err %v): want final, with a watermark", c.Name, st, ok, err)
		}
	}
	users, err := e.db.Users()
	if err != nil || len(users) != len(e.tenant.Users()) || sum.Users == nil || sum.Users.Total != len(users) {
		t.Errorf("users: %d stored (err %v), tenant %d, summary %+v", len(users), err, len(e.tenant.Users()), sum.Users)
	}
	runs, err := e.db.Runs(0)
	if err != nil || len(runs) != 1 {
		t.Fatalf("runs %v err %v", runs, err)
	}
	r := runs[0]
	if r.Outcome != store.OutcomeOK || r.Fetched != sum.Fetched || r.New != sum.New || r.Requests == 0 ||
		r.Mode != store.ModeBackfill || len(r.Companies) != len(e.conn.Companies) || r.End.Before(r.Start) {
		t.Errorf("history %+v does not match summary %+v", r, sum)
	}
}

func TestCompaniesSyncConcurrentlyWithinFiveInFlight(t *testing.T) {
	e := newEnv(t, bcsimConfig(func(c *bcsim.Config) { c.Latency = 15 * time.Millisecond }))
	e.mustSync(syncer.Options{})
	st := e.tenant.Stats()
	if st.MaxInFlight > bc.MaxInFlight {
		t.Errorf("max in flight %d > %d", st.MaxInFlight, bc.MaxInFlight)
	}
	if st.MaxInFlight < 2 {
		t.Errorf("max in flight %d: companies did not overlap", st.MaxInFlight)
	}
	e.checkAllCompanies("concurrent")
}

func TestUsersRefusedIsAWarningNotAFailure(t *testing.T) {
	e := newEnv(t, bcsimConfig())
	e.tenant.SetFaults(bcsim.Faults{RefuseUsers: true})
	sum, err := e.sync(t.Context(), syncer.Options{})
	if err != nil || sum.Outcome != store.OutcomeOK {
		t.Fatalf("outcome %s err %v: a refused users list must not fail the sync", sum.Outcome, err)
	}
	if len(sum.Warnings) != 1 || sum.Warnings[0].Kind != string(failure.KindPermission) || sum.Warnings[0].Remedy == "" ||
		!strings.Contains(sum.Warnings[0].Message, "Users were not synced") {
		t.Fatalf("warnings %+v", sum.Warnings)
	}
	if sum.Users != nil {
		t.Errorf("users summary %+v, want none", sum.Users)
	}
	e.checkAllCompanies("users refused")
	run, _, _ := e.db.LastRun()
	if run.Outcome != store.OutcomeOK || run.ErrorKind != "warning" || run.Remedy == "" {
		t.Errorf("history %+v: want ok with the warning and its remedy", run)
	}
}
