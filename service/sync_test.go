package service

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bcspend/bcspend/bc"
	"github.com/bcspend/bcspend/bc/bcsim"
	"github.com/bcspend/bcspend/failure"
	"github.com/bcspend/bcspend/store"
	"github.com/bcspend/bcspend/syncer"
)

// tenantOn starts a small simulated tenant on loopback.
func tenantOn(t *testing.T, seed int64) (*bcsim.Tenant, bc.Target) {
	t.Helper()
	ten := bcsim.New(bcsim.Config{Seed: seed, Companies: 1, InvoicesPerMonth: 6, Now: time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)})
	srv, err := ten.Start("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	return ten, bc.Target{AuthorityURL: srv.AuthorityURL(), APIURL: srv.APIURL(), Tenant: bcsim.TenantID, Environment: bcsim.Environment}
}

// usAndDK connects two simulated tenants in one database: "us" with the
// main app registration, "dk" with the one given.
func usAndDK(t *testing.T, dkClientID, dkSecret string) (us, dk *bcsim.Tenant, db *store.DB) {
	t.Helper()
	us, usTarget := tenantOn(t, 1)
	dk, dkTarget := tenantOn(t, 2)
	db, err := store.Open(filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	for _, c := range []struct {
		target           bc.Target
		name, id, secret string
	}{{usTarget, "us", bcsim.ClientID, bcsim.ClientSecret}, {dkTarget, "dk", dkClientID, dkSecret}} {
		req := ConnectRequest{Target: c.target, ClientID: c.id, Flow: bc.FlowClientCredentials, ClientSecret: c.secret, Name: c.name}
		if _, err := Connect(context.Background(), db, req); err != nil {
			t.Fatal(err)
		}
	}
	return us, dk, db
}

// A sync runs every connection; one whose admin must act fails with its
// name in the error and exit code 3 while the other syncs; --connection
// runs just the one named.
func TestSyncRunsEveryConnectionAndNamesTheFailedOne(t *testing.T) {
	_, dkTenant, db := usAndDK(t, bcsim.ClientID, bcsim.ClientSecret)
	dkTenant.SetFaults(bcsim.Faults{ExpireSecret: true})
	res, err := SyncConnections(context.Background(), db, Options{}, nil, syncer.Options{})
	if err != nil || len(res) != 2 {
		t.Fatalf("sync: %d results, %v", len(res), err)
	}
	if res[0].Err != nil || res[0].Summary.Outcome != store.OutcomeOK || res[0].Summary.New == 0 || res[0].Summary.Connection != "us" {
		t.Fatalf("us: %+v, %v", res[0].Summary, res[0].Err)
	}
	if failure.ExitCode(res[1].Err) != 3 || res[1].Summary.Outcome != store.OutcomeFailed {
		t.Fatalf("dk: %+v, %v", res[1].Summary, res[1].Err)
	}
	sum, err := Merge(res)
	if failure.ExitCode(err) != 3 || !strings.HasPrefix(err.Error(), "connection dk: ") || failure.Remedy(err) == "" ||
		sum.Outcome != store.OutcomePartial || sum.New != res[0].Summary.New {
		t.Fatalf("merged: %+v, %v", sum, err)
	}
	h, _ := db.ConnectionsHealth()
	if h[0].Status() != store.OutcomeOK || h[1].Status() != store.OutcomeFailed || h[1].LastRun.Remedy == "" {
		t.Fatalf("health %+v", h)
	}
	// Only the named one runs.
	res, err = SyncConnections(context.Background(), db, Options{}, []string{"us"}, syncer.Options{})
	if err != nil || len(res) != 1 || res[0].Err != nil || res[0].Summary.Companies[0].Mode != store.ModeIncremental {
		t.Fatalf("sync --connection us: %+v, %v", res, err)
	}
	if _, err := SyncConnections(context.Background(), db, Options{}, []string{"se"}, syncer.Options{}); failure.ExitCode(err) != 2 {
		t.Fatalf("an unknown connection: %v", err)
	}
	if runs, _ := db.ConnectionRuns("2", 0); len(runs) != 1 {
		t.Fatalf("dk ran %d times; want once", len(runs))
	}
}

// Connections of one app registration on one tenant share BC's per-user
// limits, so they run one after the other; others run side by side.
func TestConnectionsSharingLimitsRunOneAfterTheOther(t *testing.T) {
	a := store.Connection{AuthorityURL: "https://login.example/", TenantID: "T", ClientID: "C", Environment: "US"}
	b := a
	b.Environment, b.TenantID = "DK", "t"
	other := a
	other.TenantID = "u"
	app2 := a
	app2.ClientID = "D"
	got := byLimits([]store.Connection{a, other, b, app2})
	if len(got) != 3 || len(got[0]) != 2 || got[0][0] != 0 || got[0][1] != 2 || got[1][0] != 1 || got[2][0] != 3 {
		t.Fatalf("groups %v; want [[0 2] [1] [3]]", got)
	}
}

// Two connections of one app registration on one tenant (two environments,
// here two names for the simulator's one) share BC's 5 requests in
// flight: synced together they never have more at the server.
func TestConnectionsOfOneAppAndTenantShareFiveInFlight(t *testing.T) {
	ten := bcsim.New(bcsim.Config{Seed: 3, InvoicesPerMonth: 10, Latency: 3 * time.Millisecond, Now: time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)})
	srv, err := ten.Start("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	target := bc.Target{AuthorityURL: srv.AuthorityURL(), APIURL: srv.APIURL(), Tenant: bcsim.TenantID, Environment: bcsim.Environment}
	db, err := store.Open(filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, name := range []string{"a", "b"} {
		req := ConnectRequest{Target: target, ClientID: bcsim.ClientID, Flow: bc.FlowClientCredentials, ClientSecret: bcsim.ClientSecret, Name: name}
		if _, err := Connect(context.Background(), db, req); err != nil {
			t.Fatal(err)
		}
	}
	ten.ResetStats()
	res, err := SyncConnections(context.Background(), db, Options{Client: bc.ClientOptions{PageSize: 20}}, nil, syncer.Options{})
	if err != nil || len(res) != 2 || res[0].Err != nil || res[1].Err != nil {
		t.Fatalf("sync: %+v, %v", res, err)
	}
	if st := ten.Stats(); st.MaxInFlight > bc.MaxInFlight {
		t.Fatalf("%d requests in flight at the simulator at once; want at most %d", st.MaxInFlight, bc.MaxInFlight)
	}
}

// BCSPEND_CLIENT_SECRET is one app registration's secret: a sync of
// connections of two apps refuses it before any request (it would fail on
// the other app as an invalid secret and send the admin to replace a
// secret that is fine), naming both; a sync of one of them uses it.
func TestTheSecretOverrideIsRefusedForConnectionsOfTwoApps(t *testing.T) {
	usTenant, dkTenant, db := usAndDK(t, bcsim.ConfidentialOnlyClientID, bcsim.ConfidentialOnlyClientSecret)
	sent := func() int64 {
		a, b := usTenant.Stats(), dkTenant.Stats()
		return a.Requests + a.EntraRequests + b.Requests + b.EntraRequests
	}
	before := sent()
	opt := Options{SecretOverride: bcsim.ClientSecret}
	_, err := SyncConnections(context.Background(), db, opt, nil, syncer.Options{})
	if failure.ExitCode(err) != 2 || !strings.Contains(err.Error(), "us") || !strings.Contains(err.Error(), "dk") || !strings.Contains(failure.Remedy(err), "--connection") {
		t.Fatalf("a sync of both with one override: %v (%s)", err, failure.Remedy(err))
	}
	if after := sent(); after != before {
		t.Fatalf("%d requests were sent before refusing", after-before)
	}
	res, err := SyncConnections(context.Background(), db, opt, []string{"us"}, syncer.Options{})
	if err != nil || len(res) != 1 || res[0].Err != nil || res[0].Summary.New == 0 {
		t.Fatalf("sync --connection us with its override: %+v, %v", res, err)
	}
}
