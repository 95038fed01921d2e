package main

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bcspend/bcspend/bc/bcsim"
	"github.com/bcspend/bcspend/match"
	"github.com/bcspend/bcspend/store"
)

// simBackend is the console's backend on an empty database, pointed at a
// simulated tenant on loopback.
func simBackend(t *testing.T, cfg bcsim.Config) (*backend, *store.DB, *bcsim.Tenant) {
	t.Helper()
	t.Setenv("BCSPEND_KEYRING", "off")
	t.Setenv("BCSPEND_CLIENT_SECRET", "")
	if cfg.Seed == 0 {
		cfg.Seed = 1
	}
	if cfg.Now.IsZero() {
		cfg.Now = time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)
	}
	ten := bcsim.New(cfg)
	srv, err := ten.Start("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Close() })
	db, err := store.Open(filepath.Join(t.TempDir(), "bcspend.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	cat, err := match.LoadCatalog("")
	if err != nil {
		t.Fatal(err)
	}
	b := newBackend(db, &globals{DB: db.Path(), AuthorityURL: srv.AuthorityURL(), APIURL: srv.APIURL()}, cat)
	b.keyring, b.exportTo = nil, t.TempDir()
	now := cfg.Now
	b.now = func() time.Time { return now }
	return b, db, ten
}

// The wizard over the real adapter and a simulated tenant: a Secret ID
// pasted for the secret is flagged under the field (ValidateSecret's
// warning) without stopping the wizard; Entra then refuses it and the test
// says what to do; the secret's Value connects, saves and syncs.
func TestConsoleWizardSecretIDWarningThenConnect(t *testing.T) {
	b, db, _ := simBackend(t, bcsim.Config{InvoicesPerMonth: 5})
	r := startConsole(t, b, 110, 34)
	r.waitFor("Setup checklist")
	r.keys("enter")
	r.waitFor("How should")
	r.keys("1", "enter") // client credentials
	r.waitFor("Connection details")
	r.typeText(bcsim.TenantID)
	r.keys("tab")
	r.typeText(bcsim.Environment)
	r.keys("tab")
	r.typeText(bcsim.ClientID)
	r.keys("tab")
	r.typeText("aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee")
	r.waitFor("! This looks like the Secret ID, not the secret's Value")
	r.keys("enter") // a warning does not block: the test runs and Entra refuses
	r.waitFor("AADSTS7000215")
	r.waitUntil(func(s string) bool { return !strings.Contains(s, "Working…") })
	if _, ok, err := db.Connection(); err != nil || ok {
		t.Fatalf("a refused secret saved a connection (%v)", err)
	}
	r.keys("esc")
	r.waitFor("Connection details")
	r.keys("ctrl+u")
	r.typeText(bcsim.ClientSecret)
	r.waitUntil(func(s string) bool {
		return !strings.Contains(s, "Secret ID") && strings.Count(s, "✓ looks right") == 4
	})
	r.keys("enter")
	r.waitFor("Connection works")
	r.keys("enter")
	r.waitFor("Which companies")
	r.keys("enter")
	r.waitFor("Synced ")
	screen := r.finish()
	conn, ok, err := db.Connection()
	if err != nil || !ok || conn.ClientID != bcsim.ClientID || len(conn.Companies) == 0 {
		t.Fatalf("saved connection %+v, %v, %v", conn, ok, err)
	}
	if strings.Contains(screen, bcsim.ClientSecret) {
		t.Fatal("the secret is on screen")
	}
}
