package syncer_test

import (
	"testing"

	"github.com/bcspend/bcspend/bc/bcsim"
	"github.com/bcspend/bcspend/store"
	"github.com/bcspend/bcspend/syncer"
)

// A second connection to an environment whose companies have the first's
// ids (a sandbox copied from production keeps them) syncs into its own
// store keys: both connections end up with the whole window, their own
// checkpoints, users and runs, and neither's sync touches the other's.
func TestASecondConnectionSyncsIntoItsOwnKeys(t *testing.T) {
	e := newEnv(t, bcsim.Config{Companies: 1})
	copyOf := e.conn
	copyOf.ID, copyOf.Name = "", "sandbox copy"
	second, err := e.db.AddConnection(copyOf)
	if err != nil {
		t.Fatal(err)
	}
	first := e.mustSync(syncer.Options{})
	e.conn = second
	sum := e.mustSync(syncer.Options{})
	if first.Companies[0].Mode != store.ModeBackfill || sum.Companies[0].Mode != store.ModeBackfill {
		t.Fatalf("modes %s then %s; want two backfills (the second connection has its own checkpoint)",
			first.Companies[0].Mode, sum.Companies[0].Mode)
	}
	if sum.Connection != "sandbox copy" || sum.New != first.New || sum.New == 0 {
		t.Fatalf("second connection's run: %s, %d new; the first's %d", sum.Connection, sum.New, first.New)
	}
	id, key := second.Companies[0].ID, second.Companies[0].StoreKey()
	for _, k := range []string{id, key} {
		n, err := e.db.InvoiceCount(k)
		if err != nil || n != first.Fetched {
			t.Errorf("invoices under %q: %d, %v; want %d", k, n, err, first.Fetched)
		}
		if st, ok, _ := e.db.SyncState(k); !ok || st.InProgress {
			t.Errorf("checkpoint under %q: %+v, %v", k, st, ok)
		}
		if rates, _ := e.db.ExchangeRates(k); len(rates) == 0 {
			t.Errorf("no exchange rates under %q", k)
		}
		if vs, _ := e.db.Vendors(k); len(vs) == 0 {
			t.Errorf("no vendors under %q", k)
		}
		if ci, ok, _ := e.db.CompanyInfo(k); !ok || ci.LocalCurrency == "" {
			t.Errorf("company info under %q: %+v", k, ci)
		}
	}
	for _, c := range []store.Connection{e.db0(), second} {
		if us, _ := e.db.ConnectionUsers(c.ID); len(us) != len(e.tenant.Users()) {
			t.Errorf("connection %s has %d users; the tenant %d", c.Name, len(us), len(e.tenant.Users()))
		}
		if runs, _ := e.db.ConnectionRuns(c.ID, 0); len(runs) != 1 || runs[0].Outcome != store.OutcomeOK {
			t.Errorf("connection %s runs %+v", c.Name, runs)
		}
	}
	// The first connection's next sync is incremental: the second's
	// backfill did not reset or reuse its checkpoint.
	e.conn = e.db0()
	if again := e.mustSync(syncer.Options{}); again.Companies[0].Mode != store.ModeIncremental || again.New != 0 {
		t.Fatalf("the first connection again: %s, %d new", again.Companies[0].Mode, again.New)
	}
}

// db0 is the first connection as stored.
func (e *env) db0() store.Connection {
	c, _, err := e.db.Connection()
	if err != nil {
		e.t.Fatal(err)
	}
	return c
}
