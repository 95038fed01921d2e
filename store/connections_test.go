package store

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// testdata/schema4.db was written by the release before several
// connections (schema 4): one connection, 25 invoices of one company, a
// user, a rule, a setting and a secret in the file. It opens as one
// connection named tenant/environment with nothing lost.
func TestASchema4FileOpensAsOneConnection(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("testdata", "schema4.db"))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "bcspend.db")
	if err := os.WriteFile(path, src, 0o600); err != nil {
		t.Fatal(err)
	}
	db, err := Open(path)
	if err != nil {
		t.Fatalf("open the schema-4 file: %v", err)
	}
	defer db.Close()
	if v, _ := db.SchemaVersion(); v != knownSchema(migrations) {
		t.Fatalf("schema %d after open; want %d", v, knownSchema(migrations))
	}
	conns, err := db.Connections()
	if err != nil || len(conns) != 1 {
		t.Fatalf("connections %+v, %v; want one", conns, err)
	}
	c := conns[0]
	if c.ID != "1" || c.Name != "contoso.onmicrosoft.com/Production" || c.ClientID != "11111111-2222-3333-4444-555555555555" ||
		len(c.Companies) != 1 || c.Companies[0].StoreKey() != testCompany || c.FirstConnected.IsZero() {
		t.Fatalf("migrated connection %+v", c)
	}
	if one, ok, err := db.Connection(); err != nil || !ok || one.Name != c.Name {
		t.Fatalf("Connection() = %+v, %v, %v", one, ok, err)
	}
	n := 0
	if err := db.ForEachInvoice(c.Companies[0].StoreKey(), time.Time{}, time.Time{}, func(*Invoice) error { n++; return nil }); err != nil || n != 25 {
		t.Errorf("invoices after the migration: %d, %v; want 25", n, err)
	}
	if us, err := db.Users(); err != nil || len(us) != 1 {
		t.Errorf("users: %d, %v", len(us), err)
	}
	if rs, err := db.Rules(); err != nil || len(rs) != 1 {
		t.Errorf("rules: %d, %v", len(rs), err)
	}
	if v, ok, _ := db.Setting(SettingGranularity); !ok || v != "line" {
		t.Errorf("setting: %q %v", v, ok)
	}
	if s, ok, err := db.FallbackSecret(c.TenantID + "/" + c.ClientID + "/client-secret"); err != nil || !ok || s != "fixture-secret-not-real" {
		t.Errorf("secret: ok %v, %v", ok, err)
	}
}

// A second connection gets the next id, a unique name and its own
// company keys (a sandbox copy keeps production's company ids); the first
// stays what Connection returns.
func TestConnectionsAddRenameKeepTheFirst(t *testing.T) {
	db, _ := openTemp(t)
	first := Connection{TenantID: "t", Environment: "Production-US", ClientID: "c", Companies: []Company{{ID: testCompany, Name: "US"}}}
	if err := db.SaveConnection(first); err != nil {
		t.Fatal(err)
	}
	dk := Connection{TenantID: "t", Environment: "Production-DK", ClientID: "c", Companies: []Company{{ID: testCompany, Name: "DK"}}}
	added, err := db.AddConnection(dk)
	if err != nil {
		t.Fatal(err)
	}
	if added.ID != "2" || added.Name != "t/Production-DK" || added.Companies[0].StoreKey() != "2:"+testCompany {
		t.Fatalf("added %+v", added)
	}
	if _, err := db.AddConnection(dk); !errors.Is(err, ErrConnectionName) {
		t.Fatalf("a second connection of the same name: %v", err)
	}
	if err := db.RenameConnection("t/Production-DK", "Denmark"); err != nil {
		t.Fatal(err)
	}
	if err := db.RenameConnection("t/Production-DK", "x"); !errors.Is(err, ErrConnectionName) {
		t.Fatalf("rename of the old name: %v", err)
	}
	conns, _ := db.Connections()
	if len(conns) != 2 || conns[0].Name != "t/Production-US" || conns[1].Name != "Denmark" {
		t.Fatalf("connections %+v", conns)
	}
	if c, _, _ := db.Connection(); c.ID != "1" || c.Companies[0].StoreKey() != testCompany {
		t.Fatalf("Connection() = %+v; want the first", c)
	}
	// The freed name is usable again.
	if _, err := db.AddConnection(dk); err != nil {
		t.Fatalf("the freed name: %v", err)
	}
}
