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
	rt, ok, err := db.NewSecrets(nil, conn.TenantID, conn.ClientID).Get(store.SecretRefreshToken)
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
	if s, _, _ := db.NewSecrets(nil, conn.TenantID, conn.ClientID).Get(store.SecretClientSecret); s != bcsim.ClientSecret {
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
	if s, _, _ := db.NewSecrets(nil, conn.TenantID, conn.ClientID).Get(store.SecretClientSecret); s != fresh {
		t.Fatal("the new secret was not stored (trimmed)")
	}
}

// Connecting to another tenant or environment waits for a running sync
// (it would go on writing the old connection's companies under the new
// one) and fails busy after the wait; the same target does not wait.
func TestConnectingElsewhereWaitsForARunningSync(t *testing.T) {
	_, target, db := setup(t)
	req := ConnectRequest{Target: target, ClientID: bcsim.ClientID, Flow: bc.FlowClientCredentials, ClientSecret: bcsim.ClientSecret,
		Wait: 100 * time.Millisecond}
	if _, err := Connect(context.Background(), db, req); err != nil {
		t.Fatal(err)
	}
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
	if err := save(db, &elsewhere, req, "", &res); !errors.Is(err, store.ErrBusy) {
		t.Fatalf("connecting another environment during a sync: %v; want busy", err)
	}
	if c, _, _ := db.Connection(); c.Environment != target.Environment {
		t.Fatalf("the connection changed to %q while the sync ran", c.Environment)
	}
}
