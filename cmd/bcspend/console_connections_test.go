package main

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/bcspend/bcspend/bc/bcsim"
	"github.com/bcspend/bcspend/secretstore"
	"github.com/bcspend/bcspend/store"
	"github.com/bcspend/bcspend/ui"
)

// connectNamed tests and saves a client-credentials connection called
// name with every company, through the adapter as the wizard does.
func connectNamed(t *testing.T, b *backend, name, clientID, secret string) {
	t.Helper()
	in := ui.ConnInput{Connection: name, Tenant: bcsim.TenantID, Environment: bcsim.Environment, ClientID: clientID,
		Secret: secret, Flow: ui.FlowClientCredentials}
	connectInput(t, b, in)
}

func appSecret(t *testing.T, db *store.DB, clientID string) string {
	t.Helper()
	s, _, err := secretstore.Open(db, nil, bcsim.TenantID, clientID).Get(secretstore.ClientSecret)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// Two connections to one tenant and environment through two app
// registrations (secrets are kept per tenant and app). The second's
// secret expires: the console's sync opens the replacement of that
// connection's secret, the new one is tested against it and stored for it,
// and the first's secret is untouched; the next sync reads both. The
// Integration screen lists both with their health, and the companies,
// which share their names, are labelled with their connection.
func TestConsoleReplacesTheSecretOfTheSecondConnectionOnly(t *testing.T) {
	b, db, ten := simBackend(t, bcsim.Config{InvoicesPerMonth: 3})
	connectNamed(t, b, "production", bcsim.ConfidentialOnlyClientID, bcsim.ConfidentialOnlyClientSecret)
	connectNamed(t, b, "second", bcsim.ClientID, bcsim.ClientSecret)
	if _, err := b.Sync(t.Context(), func(ui.SyncProgress) {}); err != nil {
		t.Fatal(err)
	}
	ten.SetFaults(bcsim.Faults{ExpireSecret: true}) // the main app's: the second connection's
	fresh := ten.NewClientSecret()

	r := startConsole(t, b, 120, 40)
	r.loaded()
	r.keys("5")
	r.waitFor("Connections (2)")
	r.waitFor("▸ production")
	r.keys("6", "r")
	r.waitFor("Replace the client secret of second")
	r.waitFor("The client secret of second has expired")
	r.typeText(fresh)
	r.keys("enter")
	r.waitFor("New client secret tested and saved for second")
	if got := appSecret(t, db, bcsim.ClientID); got != fresh {
		t.Fatal("the second connection's new secret was not stored")
	}
	if got := appSecret(t, db, bcsim.ConfidentialOnlyClientID); got != bcsim.ConfidentialOnlyClientSecret {
		t.Fatal("replacing the second connection's secret changed the first's")
	}
	r.keys("r")
	r.waitFor("Synced")
	r.keys("5", "j")
	r.waitFor("Connection second")
	r.waitUntil(func(s string) bool { return strings.Count(s, "✓ ok just now") >= 2 })
	labelled := func(s string) bool { return strings.Contains(s, "(production)") && strings.Contains(s, "(second)") }
	r.keys("6")
	r.waitFor("[6 Sync]") // else the last screen may pass for this one
	r.waitUntil(labelled) // the Sync screen's bars
	// The company column is the first a narrow screen drops: at 120 cells
	// the Transactions have none, so the check ran on the Sync screen still
	// shown, and failed when the Transactions came first (under load).
	r.Send(tea.WindowSizeMsg{Width: 180, Height: 40})
	r.keys("2")
	r.waitFor("[2 Transactions]")
	r.waitUntil(labelled) // the Transactions' company column
	r.finish()
}

// Signing in again on a delegated connection stores the new sign-in (its
// refresh token) for that connection, keeps its companies and its
// first-connection date, and leaves the other connection's secret alone;
// the next sync reads with it.
func TestBackendKeepSignInRenewsOneConnection(t *testing.T) {
	b, db, ten := simBackend(t, bcsim.Config{InvoicesPerMonth: 3})
	connectNamed(t, b, "app", bcsim.ConfidentialOnlyClientID, bcsim.ConfidentialOnlyClientSecret)
	in := ui.ConnInput{Connection: "anna", Tenant: bcsim.TenantID, Environment: bcsim.Environment, ClientID: bcsim.PublicClientID, Flow: ui.FlowDeviceCode}
	approve := func(e ui.SignInEvent) {
		if e.Kind == ui.SignInDeviceCode {
			if err := ten.ApproveDevice(e.UserCode); err != nil {
				t.Error(err)
			}
		}
	}
	if err := b.SignIn(t.Context(), in, approve); err != nil {
		t.Fatal(err)
	}
	cos, err := b.TestConnection(t.Context(), in, func(ui.Step) {})
	if err != nil {
		t.Fatal(err)
	}
	if err := b.SaveConnection(in, []string{cos[0].ID}); err != nil {
		t.Fatal(err)
	}
	before, _, _ := db.ConnectionNamed("anna")
	token := func() string {
		s, _, err := secretstore.Open(db, nil, bcsim.TenantID, bcsim.PublicClientID).Get(secretstore.RefreshToken)
		if err != nil || s == "" {
			t.Fatalf("refresh token %q: %v", s, err)
		}
		return s
	}
	old := token()

	if err := b.SignIn(t.Context(), in, approve); err != nil {
		t.Fatal(err)
	}
	if err := b.KeepSignIn(t.Context(), in); err != nil {
		t.Fatal(err)
	}
	if token() == old {
		t.Fatal("the new sign-in was not stored")
	}
	after, _, _ := db.ConnectionNamed("anna")
	if len(after.Companies) != 1 || after.Companies[0].ID != cos[0].ID || !after.FirstConnected.Equal(before.FirstConnected) || after.ID != before.ID {
		t.Fatalf("the connection changed: %+v, was %+v", after, before)
	}
	if conns, _ := db.Connections(); len(conns) != 2 {
		t.Fatalf("%d connections, want the same 2", len(conns))
	}
	if got := appSecret(t, db, bcsim.ConfidentialOnlyClientID); got != bcsim.ConfidentialOnlyClientSecret {
		t.Fatal("the other connection's secret changed")
	}
	if _, err := b.Sync(t.Context(), func(ui.SyncProgress) {}); err != nil {
		t.Fatalf("sync after the new sign-in: %v", err)
	}
}
