package syncer_test

import (
	"testing"
	"time"

	"github.com/bcspend/bcspend/bc"
	"github.com/bcspend/bcspend/bc/bcsim"
	"github.com/bcspend/bcspend/failure"
	"github.com/bcspend/bcspend/store"
	"github.com/bcspend/bcspend/syncer"
)

// Throttling, overload, dropped connections and short-lived tokens cost
// retries, never data.
func TestFaultStormsFinishWithCompleteData(t *testing.T) {
	cases := []struct {
		name   string
		cfg    func(*bcsim.Config)
		faults bcsim.Faults
		check  func(t *testing.T, sum syncer.Summary, st bcsim.Stats)
	}{
		{name: "429 and 503 storm with Retry-After",
			faults: bcsim.Faults{Rate429: 0.25, Rate503: 0.15, RetryAfter: 2 * time.Second},
			check: func(t *testing.T, sum syncer.Summary, st bcsim.Stats) {
				if sum.Throttled == 0 || sum.ThrottleWait < time.Second || st.Faults == 0 {
					t.Errorf("throttled %d, waited %s, faults %d: want the storm seen and Retry-After honoured", sum.Throttled, sum.ThrottleWait, st.Faults)
				}
			}},
		{name: "dropped connections",
			faults: bcsim.Faults{DropRate: 0.2},
			check: func(t *testing.T, sum syncer.Summary, st bcsim.Stats) {
				if sum.Retries == 0 {
					t.Error("no retries: no connection was dropped")
				}
			}},
		{name: "tokens expiring mid-run",
			cfg: func(c *bcsim.Config) { c.TokenLifetime = 1500 * time.Millisecond; c.Latency = 5 * time.Millisecond },
			check: func(t *testing.T, sum syncer.Summary, st bcsim.Stats) {
				if st.TokensIssued < 3 {
					t.Errorf("%d tokens issued: tokens did not expire during the run", st.TokensIssued)
				}
			}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			cfg := bcsimConfig()
			if tc.cfg != nil {
				tc.cfg(&cfg)
			}
			e := newEnv(t, cfg)
			e.tenant.SetFaults(tc.faults)
			sum := e.mustSync(syncer.Options{})
			e.checkAllCompanies(tc.name)
			st := e.tenant.Stats()
			if st.MaxInFlight > bc.MaxInFlight {
				t.Errorf("max in flight %d", st.MaxInFlight)
			}
			tc.check(t, sum, st)
			if run, _, _ := e.db.LastRun(); run.Retries != int(sum.Retries) || run.ThrottleWait != sum.ThrottleWait {
				t.Errorf("history retries %d wait %s, summary %d %s", run.Retries, run.ThrottleWait, sum.Retries, sum.ThrottleWait)
			}
		})
	}
}

// The secret expires after the first page: the run ends with an error the
// admin must act on (exit 3), what was committed stays intact, and once
// the secret is replaced the next run completes.
func TestExpiredSecretMidRunNeedsTheAdminAndCorruptsNothing(t *testing.T) {
	// Tokens shorter than the client's renewal margin: every request asks
	// Entra, so the expiry bites at the next request.
	e := newEnv(t, bcsimConfig(func(c *bcsim.Config) { c.TokenLifetime = 1500 * time.Millisecond }))
	opt := syncer.Options{Progress: func(p syncer.Progress) {
		if p.Pages == 1 {
			e.tenant.SetFaults(bcsim.Faults{ExpireSecret: true})
		}
	}}
	sum, err := e.sync(t.Context(), opt)
	be, ok := failure.AsError(err)
	if !ok || be.Kind != failure.KindCredentials || failure.ExitCode(err) != 3 || be.Remedy() == "" {
		t.Fatalf("err %v (%+v): want a credentials error with a remedy, exit 3", err, be)
	}
	if sum.Outcome != store.OutcomeFailed && sum.Outcome != store.OutcomePartial {
		t.Errorf("outcome %s", sum.Outcome)
	}
	run, _, _ := e.db.LastRun()
	if run.ErrorKind != string(failure.KindCredentials) || run.ErrorCode != "AADSTS7000222" || run.Remedy == "" {
		t.Errorf("history %+v: want the classified error with its remedy", run)
	}
	for _, c := range e.conn.Companies {
		want := e.wantPaid(c.ID)
		for id, g := range counted(t, e.db, c.ID) {
			if want[id] != g {
				t.Errorf("%s: committed invoice corrupted: %s", c.Name, g)
			}
		}
	}

	e.tenant.SetFaults(bcsim.Faults{}) // the admin replaced the secret
	e.mustSync(syncer.Options{})
	e.checkAllCompanies("after the secret was replaced")
}

// One company failing does not cost the others their progress.
func TestOneCompanyFailingIsPartial(t *testing.T) {
	e := newEnv(t, bcsimConfig())
	bad := e.conn.Companies[1]
	e.client = e.newClient(bc.ClientOptions{MaxRetries: 2})
	e.tenant.SetFaults(bcsim.Faults{FailCompany: bad.ID})
	sum, err := e.sync(t.Context(), syncer.Options{})
	if err == nil || sum.Outcome != store.OutcomePartial {
		t.Fatalf("outcome %s err %v: want partial with an error", sum.Outcome, err)
	}
	for _, c := range sum.Companies {
		if c.OK == (c.ID == bad.ID) {
			t.Errorf("company %s ok=%v", c.Name, c.OK)
		}
		if c.ID != bad.ID {
			sameSets(t, c.Name, e.wantPaid(c.ID), counted(t, e.db, c.ID))
		}
	}
	if run, _, _ := e.db.LastRun(); run.Outcome != store.OutcomePartial || run.ErrorKind != string(failure.KindServer) {
		t.Errorf("history %+v", run)
	}
	e.tenant.SetFaults(bcsim.Faults{})
	e.mustSync(syncer.Options{})
	e.checkAllCompanies("after recovery")
}
