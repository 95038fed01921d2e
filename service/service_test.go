package service

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bcspend/bcspend/bc"
	"github.com/bcspend/bcspend/bc/bcsim"
	"github.com/bcspend/bcspend/failure"
	"github.com/bcspend/bcspend/secretstore"
	"github.com/bcspend/bcspend/store"
)

func setup(t *testing.T) (*bcsim.Tenant, bc.Target, *store.DB) {
	t.Helper()
	ten := bcsim.New(bcsim.Config{Seed: 1, Now: time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)})
	srv, err := ten.Start("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	db, err := store.Open(filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return ten, bc.Target{AuthorityURL: srv.AuthorityURL(), APIURL: srv.APIURL(), Tenant: bcsim.TenantID, Environment: bcsim.Environment}, db
}

func storedRefresh(t *testing.T, db *store.DB) string {
	t.Helper()
	conn, _, _ := db.Connection()
	rt, ok, err := secretstore.Open(db, nil, conn.TenantID, conn.ClientID).Get(secretstore.RefreshToken)
	if !ok || err != nil {
		t.Fatalf("no refresh token stored: %v", err)
	}
	return rt
}

func TestRotatedRefreshTokensArePersisted(t *testing.T) {
	_, target, db := setup(t)
	_, err := Connect(context.Background(), db, ConnectRequest{Target: target, ClientID: bcsim.PublicClientID, Flow: bc.FlowDevice})
	if err != nil {
		t.Fatal(err)
	}
	first := storedRefresh(t, db)
	// Each start of bcspend opens a client from what is stored; each refresh
	// rotates the token and the store must follow, or the next start fails.
	for i := 0; i < 3; i++ {
		client, _, err := OpenClient(db, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := client.Companies(context.Background()); err != nil {
			t.Fatalf("start %d: %v", i, err)
		}
	}
	if last := storedRefresh(t, db); last == first {
		t.Fatal("the rotated refresh token was not persisted")
	}
}

func TestConnectKeepsFirstConnectionDate(t *testing.T) {
	_, target, db := setup(t)
	req := ConnectRequest{Target: target, ClientID: bcsim.ClientID, Flow: bc.FlowClientCredentials, ClientSecret: bcsim.ClientSecret}
	res1, err := Connect(context.Background(), db, req)
	if err != nil {
		t.Fatal(err)
	}
	res2, err := Connect(context.Background(), db, req)
	if err != nil {
		t.Fatal(err)
	}
	if !res2.Connection.FirstConnected.Equal(res1.Connection.FirstConnected) {
		t.Fatalf("reconnecting moved the first connection date: %v -> %v", res1.Connection.FirstConnected, res2.Connection.FirstConnected)
	}
}

func TestReplaceSecretTestsBeforeSaving(t *testing.T) {
	ten, target, db := setup(t)
	_, err := Connect(context.Background(), db, ConnectRequest{Target: target, ClientID: bcsim.ClientID, Flow: bc.FlowClientCredentials, ClientSecret: bcsim.ClientSecret})
	if err != nil {
		t.Fatal(err)
	}
	probe := func(c *bc.Client) error { _, err := bc.Probe(context.Background(), c, nil); return err }
	ten.SetFaults(bcsim.Faults{ExpireSecret: true})
	client, _, _ := OpenClient(db, Options{})
	if err := probe(client); !isExpired(err) {
		t.Fatalf("want an expired secret, got %v", err)
	}
	// A wrong replacement is refused and the stored secret is untouched.
	if err := ReplaceSecret(db, Options{}, "wrong-value", probe); err == nil {
		t.Fatal("a wrong secret was accepted")
	}
	conn, _, _ := db.Connection()
	if s, _, _ := secretstore.Open(db, nil, conn.TenantID, conn.ClientID).Get(secretstore.ClientSecret); s != bcsim.ClientSecret {
		t.Fatal("a failed replacement changed the stored secret")
	}
	if err := ReplaceSecret(db, Options{}, "  ", probe); failure.ExitCode(err) != 2 {
		t.Fatalf("empty secret: %v", err)
	}
}

func isExpired(err error) bool {
	e, ok := failure.AsError(err)
	return ok && e.SecretExpired() && strings.Contains(e.Fix, "new client secret")
}

func TestReplaceExpiredSecretWithANewOne(t *testing.T) {
	ten, target, db := setup(t)
	_, err := Connect(context.Background(), db, ConnectRequest{Target: target, ClientID: bcsim.ClientID, Flow: bc.FlowClientCredentials, ClientSecret: bcsim.ClientSecret})
	if err != nil {
		t.Fatal(err)
	}
	ten.SetFaults(bcsim.Faults{ExpireSecret: true})
	fresh := ten.NewClientSecret()
	probe := func(c *bc.Client) error { _, err := bc.Probe(context.Background(), c, nil); return err }
	if err := ReplaceSecret(db, Options{}, "  "+fresh+"\n", probe); err != nil {
		t.Fatal(err)
	}
	client, _, err := OpenClient(db, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := probe(client); err != nil {
		t.Fatalf("the replaced secret does not work: %v", err)
	}
	conn, _, _ := db.Connection()
	if s, _, _ := secretstore.Open(db, nil, conn.TenantID, conn.ClientID).Get(secretstore.ClientSecret); s != fresh {
		t.Fatal("the new secret was not stored (trimmed)")
	}
}

// Connecting to another tenant or environment adds a connection, even
// while a sync runs (its data has keys of its own, so nothing waits); the
// first connection is left as it was.
func TestConnectingElsewhereAddsAConnectionDuringASync(t *testing.T) {
	_, target, db := setup(t)
	req := ConnectRequest{Target: target, ClientID: bcsim.ClientID, Flow: bc.FlowClientCredentials, ClientSecret: bcsim.ClientSecret}
	if _, err := Connect(context.Background(), db, req); err != nil {
		t.Fatal(err)
	}
	first, _, _ := db.Connection()
	lock, err := store.LockSync(context.Background(), db.Path(), time.Second, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Release()
	if _, err := Connect(context.Background(), db, req); err != nil {
		t.Fatalf("reconnecting the same target during a sync: %v", err)
	}
	elsewhere := store.Connection{TenantID: target.Tenant, Environment: "Sandbox", ClientID: bcsim.ClientID, Flow: string(bc.FlowClientCredentials)}
	var res ConnectResult
	if err := save(db, &elsewhere, req, "", &res); err != nil {
		t.Fatalf("connecting another environment during a sync: %v", err)
	}
	conns, _ := db.Connections()
	if len(conns) != 2 || conns[0].ID != first.ID || conns[0].Environment != target.Environment || !conns[0].FirstConnected.Equal(first.FirstConnected) ||
		conns[1].Name != target.Tenant+"/Sandbox" || res.Connection.ID != conns[1].ID {
		t.Fatalf("connections %+v", conns)
	}
}

// A named connect reconnects that connection (the same tenant and
// environment only) or adds a new one; without a name, the connection of
// the same target is reconnected.
func TestConnectByName(t *testing.T) {
	_, target, db := setup(t)
	req := ConnectRequest{Target: target, ClientID: bcsim.ClientID, Flow: bc.FlowClientCredentials, ClientSecret: bcsim.ClientSecret}
	if _, err := Connect(context.Background(), db, req); err != nil {
		t.Fatal(err)
	}
	req.Name = "copy"
	added, err := Connect(context.Background(), db, req)
	if err != nil || added.Connection.ID != "2" || added.Connection.Name != "copy" {
		t.Fatalf("connect --name copy: %+v, %v", added.Connection, err)
	}
	again, err := Connect(context.Background(), db, req)
	if err != nil || again.Connection.ID != "2" {
		t.Fatalf("reconnect --name copy: %+v, %v", again.Connection, err)
	}
	// Without a name two connections now read this target: ambiguous.
	req.Name = ""
	if _, err := Connect(context.Background(), db, req); failure.ExitCode(err) != 2 || !strings.Contains(err.Error(), `"copy"`) {
		t.Fatalf("an ambiguous reconnect: %v", err)
	}
	elsewhere := store.Connection{TenantID: target.Tenant, Environment: "Sandbox", ClientID: bcsim.ClientID}
	req.Name = "copy"
	var res ConnectResult
	if err := save(db, &elsewhere, req, "", &res); failure.ExitCode(err) != 2 || failure.Remedy(err) == "" {
		t.Fatalf("pointing %q at another environment: %v", req.Name, err)
	}
	if conns, _ := db.Connections(); len(conns) != 2 || conns[1].Environment != target.Environment {
		t.Fatalf("connections %+v", conns)
	}
}

// A command on one connection takes the only one, or the one named; with
// several and no name it says which names exist.
func TestTargetConnection(t *testing.T) {
	_, target, db := setup(t)
	if _, err := TargetConnection(db, ""); !errors.Is(err, ErrNotConnected) {
		t.Fatalf("no connection: %v", err)
	}
	req := ConnectRequest{Target: target, ClientID: bcsim.ClientID, Flow: bc.FlowClientCredentials, ClientSecret: bcsim.ClientSecret}
	if _, err := Connect(context.Background(), db, req); err != nil {
		t.Fatal(err)
	}
	if c, err := TargetConnection(db, ""); err != nil || c.ID != "1" {
		t.Fatalf("the only one: %+v, %v", c, err)
	}
	req.Name = "copy"
	if _, err := Connect(context.Background(), db, req); err != nil {
		t.Fatal(err)
	}
	_, err := TargetConnection(db, "")
	if failure.ExitCode(err) != 2 || !strings.Contains(err.Error(), `"copy"`) || !strings.Contains(err.Error(), bcsim.TenantID) ||
		!strings.Contains(failure.Remedy(err), "--connection") {
		t.Fatalf("ambiguous: %v (%s)", err, failure.Remedy(err))
	}
	if c, err := TargetConnection(db, "copy"); err != nil || c.ID != "2" {
		t.Fatalf("by name: %+v, %v", c, err)
	}
	if _, err := TargetConnection(db, "nope"); failure.ExitCode(err) != 2 || !strings.Contains(failure.Remedy(err), `"copy"`) {
		t.Fatalf("unknown: %v", err)
	}
}

// Removing a connection deletes its secrets only when no other connection
// of the same app registration and tenant is left to use them.
func TestRemoveConnectionKeepsSharedSecrets(t *testing.T) {
	_, target, db := setup(t)
	req := ConnectRequest{Target: target, ClientID: bcsim.ClientID, Flow: bc.FlowClientCredentials, ClientSecret: bcsim.ClientSecret}
	if _, err := Connect(context.Background(), db, req); err != nil {
		t.Fatal(err)
	}
	req.Name = "copy"
	if _, err := Connect(context.Background(), db, req); err != nil {
		t.Fatal(err)
	}
	secret := func() bool {
		_, ok, err := secretstore.Open(db, nil, bcsim.TenantID, bcsim.ClientID).Get(secretstore.ClientSecret)
		if err != nil {
			t.Fatal(err)
		}
		return ok
	}
	if _, err := RemoveConnection(db, Options{}, "copy"); err != nil || !secret() {
		t.Fatalf("remove copy: %v; secret kept %v", err, secret())
	}
	if _, err := RemoveConnection(db, Options{}, "copy"); failure.ExitCode(err) != 2 {
		t.Fatalf("remove it again: %v", err)
	}
	if _, err := RemoveConnection(db, Options{}, bcsim.TenantID+"/"+bcsim.Environment); err != nil || secret() {
		t.Fatalf("remove the last: %v; secret kept %v", err, secret())
	}
}
