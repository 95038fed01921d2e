package main

import (
	"strings"
	"testing"

	"github.com/bcspend/bcspend/spend"
	"github.com/bcspend/bcspend/spend/spendtest"
	"github.com/bcspend/bcspend/store"
	"github.com/bcspend/bcspend/ui"
)

// inferredBackend is the console's backend over the demo tenant (bcsim,
// synced) plus two vendors the catalog lacks whose lines read like
// subscriptions, so the matcher infers an application for each.
func inferredBackend(t *testing.T) (*backend, *store.DB) {
	t.Helper()
	b, db := demoBackend(t)
	conn, _, err := db.Connection()
	if err != nil || len(conn.Companies) == 0 {
		t.Fatalf("demo connection: %v", err)
	}
	last := spendtest.DemoNow.AddDate(0, 0, -10)
	invs := spendtest.Monthly(900001, "Zorblax Software GmbH", "Jahresabo Pro Plan 10 Nutzer", "40.00", "EUR", last, 2)
	invs = append(invs, spendtest.Monthly(900010, "Quuxly Ltd", "Annual subscription Pro plan 5 seats", "30.00", "EUR", last, 2)...)
	spendtest.Commit(t, db, conn.Companies[0].ID, invs...)
	return b, db
}

// In Unmatched, an inferred application is shown as such; a accepts it (a
// custom application in the category the admin chooses, then the preview
// and a vendor rule to it), d rejects it (the vendor stays unmatched and is
// no longer inferred, across restarts).
func TestConsoleInferredAppAcceptReject(t *testing.T) {
	b, db := inferredBackend(t)
	r := startConsole(t, b, 120, 34)
	r.loaded()
	r.keys("3")
	r.waitFor("Unmatched │")
	r.waitFor("inferred: Zorblax ")
	r.waitFor("inferred: Quuxly")
	r.keys("/")
	r.typeText("zorblax")
	r.keys("enter")
	r.waitFor("▸ Zorblax Software GmbH")
	r.waitFor("a accept inferred app · d reject inferred app")
	r.keys("a")
	r.waitFor("New application: Zorblax")
	r.typeText("financ")
	r.waitFor("▸ Finance")
	r.keys("enter")
	r.waitFor("Preview: ")
	r.keys("enter")
	r.waitFor("Saved: every Zorblax Software GmbH charge")
	r.keys("esc", "/")
	r.typeText("quuxly")
	r.keys("enter")
	r.waitFor("▸ Quuxly Ltd")
	r.keys("d")
	r.waitFor("Rejected Quuxly: Quuxly Ltd stays")
	r.waitUntil(func(s string) bool {
		return strings.Contains(s, "▸ Quuxly Ltd") && !strings.Contains(s, "inferred:") && strings.Contains(s, "1 of 5 vendors")
	})
	r.finish()

	apps, _ := db.CustomApps()
	if len(apps) != 1 || apps[0].Name != "Zorblax" || apps[0].Category != "Finance" {
		t.Errorf("custom apps: %+v", apps)
	}
	if rules, _ := db.Rules(); len(rules) != 1 {
		t.Errorf("rules: %d, want the one vendor rule", len(rules))
	}
	rows, err := b.Unmatched()
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range rows {
		if u.VendorName == "Zorblax Software GmbH" || u.Inferred != "" {
			t.Errorf("unmatched after accept and reject: %+v", u)
		}
	}
	found := false
	for _, a := range mustApps(t, b) {
		found = found || a.App == "Zorblax" && a.Transactions == 2
	}
	if !found {
		t.Error("the accepted application has not got the vendor's 2 charges")
	}
	if ds, _ := db.Dismissals(); ds[ui.InferredKey("Quuxly Ltd")].Fingerprint != "Quuxly" {
		t.Errorf("dismissals: %+v", ds)
	}
}

func mustApps(t *testing.T, b *backend) []spend.AppRow {
	t.Helper()
	apps, err := b.Apps()
	if err != nil {
		t.Fatal(err)
	}
	return apps
}
