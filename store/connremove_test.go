package store

import (
	"errors"
	"testing"

	"github.com/bcspend/bcspend/bc"
)

// twoConnections stores US (the first) and a sandbox copy DK whose
// company keeps the same BC id, each with a page of invoices, a credit
// memo, users, a run and a contract correction.
func twoConnections(t *testing.T) (*DB, Connection, Connection) {
	t.Helper()
	db, _ := openTemp(t)
	if err := db.SaveConnection(Connection{TenantID: "t", Environment: "US", ClientID: "c",
		Companies: []Company{{ID: testCompany, Name: "CRONUS"}}}); err != nil {
		t.Fatal(err)
	}
	us, _, _ := db.Connection()
	dk, err := db.AddConnection(Connection{TenantID: "t", Environment: "DK", ClientID: "c",
		Companies: []Company{{ID: testCompany, Name: "CRONUS"}}})
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range []Connection{us, dk} {
		key := c.Companies[0].StoreKey()
		if _, err := db.CommitPage(key, samplePage(1, 3+i, testDate(2026, 10, 1)), nil, SyncState{}, "r"); err != nil {
			t.Fatal(err)
		}
		memo := bc.PurchaseCreditMemo{ID: guid(700), Number: "PCM-1", CreditMemoDate: testDate(2026, 10, 2), Status: bc.StatusPaid}
		if _, err := db.CommitCreditMemoPage(key, []bc.PurchaseCreditMemo{memo}, nil, SyncState{}, "r"); err != nil {
			t.Fatal(err)
		}
		users := []bc.User{{UserSecurityID: guid(1), UserName: "ANNA"}, {UserSecurityID: guid(2 + i), UserName: "BO"}}
		if _, err := db.ReplaceConnectionUsers(c.ID, users, t0); err != nil {
			t.Fatal(err)
		}
		run, err := db.BeginConnectionRun(c.ID, t0)
		if err != nil {
			t.Fatal(err)
		}
		if err := db.FinishRun(run); err != nil {
			t.Fatal(err)
		}
		if err := db.PutContract(Contract{App: "Slack", CompanyID: key, By: "admin", At: t0}); err != nil {
			t.Fatal(err)
		}
	}
	return db, us, dk
}

// Removing a connection previews and then deletes exactly its own data,
// although its company has the same BC id as the other's.
func TestRemoveConnectionDeletesOnlyItsData(t *testing.T) {
	for _, gone := range []int{0, 1} {
		db, us, dk := twoConnections(t)
		conns := []Connection{us, dk}
		rm, kept := conns[gone], conns[1-gone]
		pre, err := db.PreviewRemoval(rm.Name)
		if err != nil {
			t.Fatal(err)
		}
		want := Removal{Connection: rm, Companies: 1, Invoices: 3 + gone, CreditMemos: 1, Users: 2, Runs: 1}
		if pre.Companies != want.Companies || pre.Invoices != want.Invoices || pre.CreditMemos != want.CreditMemos ||
			pre.Users != want.Users || pre.Runs != want.Runs || pre.Connection.ID != rm.ID {
			t.Fatalf("preview %+v; want %+v", pre, want)
		}
		if n, _ := db.InvoiceCount(rm.Companies[0].StoreKey()); n != 3+gone {
			t.Fatalf("the preview removed something: %d invoices left", n)
		}
		got, err := db.RemoveConnection(rm.Name)
		if err != nil || got.Invoices != pre.Invoices {
			t.Fatalf("remove: %+v, %v", got, err)
		}
		conns, _ = db.Connections()
		if len(conns) != 1 || conns[0].ID != kept.ID {
			t.Fatalf("connections after removing %s: %+v", rm.Name, conns)
		}
		if _, ok, _ := db.ConnectionNamed(rm.Name); ok {
			t.Errorf("the name %q still resolves", rm.Name)
		}
		key := rm.Companies[0].StoreKey()
		if n, _ := db.InvoiceCount(key); n != 0 {
			t.Errorf("%d invoices of the removed connection left", n)
		}
		if _, ok, _ := db.CreditMemo(key, guid(700)); ok {
			t.Errorf("the removed connection's credit memo is left")
		}
		if us, _ := db.ConnectionUsers(rm.ID); len(us) != 0 {
			t.Errorf("users of the removed connection left: %+v", us)
		}
		if runs, _ := db.ConnectionRuns(rm.ID, 0); len(runs) != 0 {
			t.Errorf("runs of the removed connection left: %+v", runs)
		}
		// The other connection is whole.
		kk := kept.Companies[0].StoreKey()
		if n, _ := db.InvoiceCount(kk); n != 3+(1-gone) {
			t.Errorf("the kept connection has %d invoices", n)
		}
		if _, ok, _ := db.CreditMemo(kk, guid(700)); !ok {
			t.Errorf("the kept connection lost its credit memo")
		}
		if us, _ := db.ConnectionUsers(kept.ID); len(us) != 2 {
			t.Errorf("the kept connection has %d users", len(us))
		}
		if runs, _ := db.ConnectionRuns(kept.ID, 0); len(runs) != 1 {
			t.Errorf("the kept connection has %d runs", len(runs))
		}
		cs, _ := db.Contracts()
		if _, ok := cs[contractKey("Slack", kk)]; !ok || len(cs) != 1 {
			t.Errorf("contracts after the removal: %v", cs)
		}
	}
}

func TestRemoveAnUnknownConnection(t *testing.T) {
	db, _, _ := twoConnections(t)
	if _, err := db.PreviewRemoval("nope"); !errors.Is(err, ErrNoConnection) {
		t.Fatalf("preview of an unknown name: %v", err)
	}
	if _, err := db.RemoveConnection("nope"); !errors.Is(err, ErrNoConnection) {
		t.Fatalf("remove of an unknown name: %v", err)
	}
	if conns, _ := db.Connections(); len(conns) != 2 {
		t.Fatalf("connections %+v", conns)
	}
}

// Each connection has its own users: replacing one's list never marks the
// other's users removed; Users lists both, each with its connection.
func TestUsersArePerConnection(t *testing.T) {
	db, us, dk := twoConnections(t)
	if _, err := db.ReplaceConnectionUsers(dk.ID, nil, t0); err != nil {
		t.Fatal(err)
	}
	for _, u := range must(t)(db.ConnectionUsers(us.ID)) {
		if u.Removed || u.ConnectionID != us.ID {
			t.Errorf("first connection's user %+v", u)
		}
	}
	for _, u := range must(t)(db.ConnectionUsers(dk.ID)) {
		if !u.Removed || u.ConnectionID != dk.ID {
			t.Errorf("second connection's user %+v; want removed", u)
		}
	}
	all := must(t)(db.Users())
	if len(all) != 4 || all[0].UserName != "ANNA" || all[0].ConnectionID != us.ID || all[1].ConnectionID != dk.ID {
		t.Fatalf("all users %+v", all)
	}
}

func must(t *testing.T) func([]User, error) []User {
	return func(us []User, err error) []User {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return us
	}
}

// A run of one connection does not close another's that is under way
// (one sync runs connections side by side); a killed run is closed by its
// own connection's next run.
func TestRunsArePerConnection(t *testing.T) {
	db, us, dk := twoConnections(t)
	a, err := db.BeginConnectionRun(us.ID, t0)
	if err != nil {
		t.Fatal(err)
	}
	b, err := db.BeginConnectionRun(dk.ID, t0)
	if err != nil {
		t.Fatal(err)
	}
	if runs, _ := db.ConnectionRuns(us.ID, 1); runs[0].ID != a.ID || runs[0].Outcome != OutcomeRunning {
		t.Fatalf("the first connection's run after the second began: %+v", runs[0])
	}
	// a's process is killed; b finishes; us syncs again.
	if err := db.FinishRun(b); err != nil {
		t.Fatal(err)
	}
	if _, err := db.BeginConnectionRun(us.ID, t0.Add(1)); err != nil {
		t.Fatal(err)
	}
	runs, _ := db.ConnectionRuns(us.ID, 0)
	if len(runs) != 3 || runs[1].ID != a.ID || runs[1].Outcome != OutcomeFailed || runs[1].ErrorKind != "interrupted" {
		t.Fatalf("the first connection's runs: %+v", runs)
	}
	if dks, _ := db.ConnectionRuns(dk.ID, 0); dks[0].ID != b.ID || dks[0].Outcome != OutcomeOK || dks[0].Connection != dk.ID {
		t.Fatalf("the second connection's newest run: %+v", dks[0])
	}
	h, err := db.ConnectionsHealth()
	if err != nil || len(h) != 2 {
		t.Fatalf("health %+v, %v", h, err)
	}
	if h[0].Status() != OutcomeRunning || h[0].LastOK.IsZero() || h[1].Status() != OutcomeOK || h[1].LastRun.ID != b.ID {
		t.Fatalf("health %+v", h)
	}
}

// A reconnect updates the connection in place and keeps its first
// connection date; pointing it at another environment is refused.
func TestUpdateConnectionKeepsItsTarget(t *testing.T) {
	db, _, dk := twoConnections(t)
	upd := dk
	upd.ClientID = "c2"
	upd.FirstConnected = t0.AddDate(5, 0, 0)
	got, err := db.UpdateConnection(upd)
	if err != nil || got.ClientID != "c2" || !got.FirstConnected.Equal(dk.FirstConnected) || got.Name != dk.Name {
		t.Fatalf("update: %+v, %v", got, err)
	}
	upd.Environment = "SE"
	if _, err := db.UpdateConnection(upd); !errors.Is(err, ErrConnectionTarget) {
		t.Fatalf("update to another environment: %v", err)
	}
	if c, ok, _ := db.ConnectionNamed(dk.Name); !ok || c.Environment != "DK" || c.ClientID != "c2" {
		t.Fatalf("stored %+v", c)
	}
}

func TestHealthOfANeverSyncedConnection(t *testing.T) {
	db, _ := openTemp(t)
	if _, err := db.AddConnection(Connection{TenantID: "t", Environment: "e"}); err != nil {
		t.Fatal(err)
	}
	h, err := db.ConnectionsHealth()
	if err != nil || len(h) != 1 || h[0].Status() != HealthNever {
		t.Fatalf("health %+v, %v", h, err)
	}
}
