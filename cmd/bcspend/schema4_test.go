package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/bcspend/bcspend/bc/bcsim"
	"github.com/bcspend/bcspend/store"
)

// schema4Tenant is the simulated tenant testdata/schema4-synced.db was
// synced from.
var schema4Tenant = bcsim.Config{Seed: 4, Companies: 1, InvoicesPerMonth: 6, Now: time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)}

// testdata/schema4-synced.db was written by the release before several
// connections (schema 4, commit a58a817): its own `bcspend connect` and
// `bcspend sync`, run as processes against schema4Tenant served on
// loopback (56 invoices of CRONUS USA, 122 users, one run; the secret in
// it is the simulator's demo secret).
// It opens as one connection with nothing lost; reconnected (the
// simulator now listens on another port) and with a second connection
// added beside it, one sync runs both: the first incrementally, finding
// nothing new, the second as a backfill.
func TestASchema4DatabaseSyncsIncrementallyBesideASecondConnection(t *testing.T) {
	_, g, path := simArgs(t, schema4Tenant)
	src, err := os.ReadFile(filepath.Join("testdata", "schema4-synced.db"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, src, 0o600); err != nil {
		t.Fatal(err)
	}
	first := func() (store.Connection, int, int, int) {
		t.Helper()
		db, err := store.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		conns, err := db.Connections()
		if err != nil || len(conns) == 0 {
			t.Fatalf("connections %+v, %v", conns, err)
		}
		c := conns[0]
		n, _ := db.InvoiceCount(c.Companies[0].StoreKey())
		users, _ := db.ConnectionUsers(c.ID)
		runs, _ := db.ConnectionRuns(c.ID, 0)
		return c, n, len(users), len(runs)
	}
	before, invoices, users, runs := first()
	if before.ID != "1" || before.Name != bcsim.TenantID+"/"+bcsim.Environment || invoices != 56 || users != 122 || runs != 1 {
		t.Fatalf("the schema-4 file opened as %+v with %d invoices, %d users, %d runs; want 56, 122, 1", before, invoices, users, runs)
	}
	reconnect := connectArgs(g, bcsim.ClientID, "client-credentials", "--client-secret-stdin")
	if code, out, errOut := cli(t, bcsim.ClientSecret, reconnect...); code != 0 {
		t.Fatalf("reconnect: %d\n%s%s", code, out, errOut)
	}
	_, g2, _ := simArgs(t, bcsim.Config{Seed: 5, Companies: 1, InvoicesPerMonth: 6, Now: schema4Tenant.Now})
	second := connectArgs(withDB(g2, path), bcsim.ClientID, "client-credentials", "--name", "second", "--client-secret-stdin")
	if code, out, errOut := cli(t, bcsim.ClientSecret, second...); code != 0 {
		t.Fatalf("connect a second: %d\n%s%s", code, out, errOut)
	}
	code, out, errOut := cli(t, "", append(g, "sync", "--json")...)
	var sum multiSummary
	if code != 0 || json.Unmarshal([]byte(out), &sum) != nil || len(sum.Connections) != 2 {
		t.Fatalf("sync: %d\n%s%s", code, out, errOut)
	}
	one, two := sum.Connections[0], sum.Connections[1]
	if one.Connection != before.Name || one.Companies[0].Mode != store.ModeIncremental || one.New != 0 || one.Changed != 0 {
		t.Fatalf("the first connection's sync: %s %s, %d new, %d changed; want incremental, nothing new", one.Connection, one.Companies[0].Mode, one.New, one.Changed)
	}
	if two.Connection != "second" || two.Companies[0].Mode != store.ModeBackfill || two.New == 0 {
		t.Fatalf("the second connection's sync: %s %s, %d new", two.Connection, two.Companies[0].Mode, two.New)
	}
	after, invoices, users, runs := first()
	if !after.FirstConnected.Equal(before.FirstConnected) || invoices != 56 || users != 122 || runs != 2 {
		t.Fatalf("the first connection after: %+v, %d invoices, %d users, %d runs", after, invoices, users, runs)
	}
}
