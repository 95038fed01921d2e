package main

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/bcspend/bcspend/bc"
	"github.com/bcspend/bcspend/bc/bcsim"
	"github.com/bcspend/bcspend/failure"
	"github.com/bcspend/bcspend/secretstore"
	"github.com/bcspend/bcspend/spend"
	"github.com/bcspend/bcspend/store"
	"github.com/bcspend/bcspend/ui"
)

// The console's real adapter (backend.go) driven call by call, as the
// console's commands call it, against a simulated tenant on loopback.

func appInput(secret string) ui.ConnInput {
	return ui.ConnInput{Tenant: bcsim.TenantID, Environment: bcsim.Environment, ClientID: bcsim.ClientID,
		Secret: secret, Flow: ui.FlowClientCredentials}
}

// connectBackend tests and saves a client-credentials connection with
// every company, as the wizard does.
func connectBackend(t *testing.T, b *backend) []ui.Company {
	t.Helper()
	return connectInput(t, b, appInput(bcsim.ClientSecret))
}

// connectInput tests and saves the connection in with every company.
func connectInput(t *testing.T, b *backend, in ui.ConnInput) []ui.Company {
	t.Helper()
	cos, err := b.TestConnection(t.Context(), in, func(ui.Step) {})
	if err != nil {
		t.Fatal(err)
	}
	ids := make([]string, len(cos))
	for i, c := range cos {
		ids[i] = c.ID
	}
	if err := b.SaveConnection(in, ids); err != nil {
		t.Fatal(err)
	}
	return cos
}

// Saving before a test is refused with what to do; the test reports its
// steps and the companies; saving stores the connection and the secret,
// which Info then shows without showing it.
func TestBackendTestAndSaveConnection(t *testing.T) {
	b, db, _ := simBackend(t, bcsim.Config{InvoicesPerMonth: 5})
	if err := b.SaveConnection(appInput(bcsim.ClientSecret), nil); err == nil || failure.ExitCode(err) != 2 || failure.Remedy(err) == "" {
		t.Fatalf("save before test: %v (exit %d)", err, failure.ExitCode(err))
	}
	var steps []ui.Step
	cos, err := b.TestConnection(t.Context(), appInput(bcsim.ClientSecret), func(s ui.Step) { steps = append(steps, s) })
	if err != nil || len(cos) == 0 {
		t.Fatalf("test: %v, %d companies", err, len(cos))
	}
	for _, s := range steps {
		if s.State == ui.StepFailed {
			t.Errorf("step %s failed: %v", s.Name, s.Err)
		}
	}
	if len(steps) < 3 {
		t.Errorf("steps %+v", steps)
	}
	if err := b.SaveConnection(appInput(bcsim.ClientSecret), []string{cos[0].ID}); err != nil {
		t.Fatal(err)
	}
	info := b.Info()
	if len(info.Connections) != 1 {
		t.Fatalf("info after save: %+v", info)
	}
	if c := info.Connections[0]; c.ClientID != bcsim.ClientID || c.Flow != ui.FlowClientCredentials || !c.HasSecret ||
		len(c.Companies) != 1 || c.Companies[0] != cos[0].Name || c.Health != ui.HealthNever {
		t.Fatalf("connection after save: %+v", c)
	}
	if conn, ok, _ := db.Connection(); !ok || len(conn.Companies) != 1 {
		t.Fatalf("stored connection %+v", conn)
	}
}

// A wrong secret fails the token step with Entra's code and a remedy, and
// the error is one the admin must act on.
func TestBackendTestConnectionReportsTheFailedStep(t *testing.T) {
	b, _, _ := simBackend(t, bcsim.Config{InvoicesPerMonth: 5})
	var failed []ui.Step
	_, err := b.TestConnection(t.Context(), appInput("wrong~secret-value-0123456789abcdefghijk"), func(s ui.Step) {
		if s.State == ui.StepFailed {
			failed = append(failed, s)
		}
	})
	if err == nil || failure.ExitCode(err) != 3 || failure.Remedy(err) == "" {
		t.Fatalf("wrong secret: %v (exit %d)", err, failure.ExitCode(err))
	}
	if len(failed) != 1 || failed[0].Name != "token" || !strings.Contains(failed[0].Err.Error(), "AADSTS7000215") {
		t.Fatalf("failed steps %+v", failed)
	}
}

// A company the app may not read is listed with the problem and the
// remedy, so the admin can leave it out.
func TestBackendTestConnectionNamesARefusedCompany(t *testing.T) {
	b, _, ten := simBackend(t, bcsim.Config{InvoicesPerMonth: 5})
	bad := ten.Companies()[1]
	ten.SetFaults(bcsim.Faults{DenyCompany: bad.ID})
	cos, err := b.TestConnection(t.Context(), appInput(bcsim.ClientSecret), func(ui.Step) {})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cos {
		if (c.ID == bad.ID) != (c.Problem != "") {
			t.Errorf("company %s problem %q", c.Name, c.Problem)
		}
		if c.ID == bad.ID && !strings.Contains(c.Problem, ". ") {
			t.Errorf("problem without a remedy: %q", c.Problem)
		}
	}
}

// Sync through the adapter: the summary counts what was stored, the
// history lists the run, and the views are derived again from the new data.
func TestBackendSyncSummaryHistoryAndViews(t *testing.T) {
	b, db, _ := simBackend(t, bcsim.Config{InvoicesPerMonth: 8})
	cos := connectBackend(t, b)
	if txs, err := b.Transactions(); err != nil || len(txs) != 0 {
		t.Fatalf("before the sync: %d transactions, %v", len(txs), err)
	}
	var mu sync.Mutex
	var progress []ui.SyncProgress
	sum, err := b.Sync(t.Context(), func(p ui.SyncProgress) { mu.Lock(); progress = append(progress, p); mu.Unlock() })
	if err != nil {
		t.Fatal(err)
	}
	if sum.Companies != len(cos) || sum.Invoices == 0 || sum.Lines < sum.Invoices || sum.Users == 0 || sum.Canceled {
		t.Fatalf("summary %+v", sum)
	}
	done := map[string]bool{}
	for _, p := range progress {
		if p.Done {
			done[p.Company] = true
		}
	}
	if len(done) != len(cos) {
		t.Errorf("companies reported done: %v", done)
	}
	run, ok, err := db.LastRun()
	if err != nil || !ok || run.Fetched != sum.Invoices {
		t.Fatalf("last run %+v (%v): summary says %d invoices", run, err, sum.Invoices)
	}
	hist := b.SyncHistory()
	if len(hist) != 1 || hist[0].Invoices != sum.Invoices || hist[0].Err != "" {
		t.Fatalf("history %+v", hist)
	}
	txs, err := b.Transactions()
	if err != nil || len(txs) == 0 {
		t.Fatalf("after the sync: %d transactions, %v", len(txs), err)
	}
	if users, err := b.Users(); err != nil || len(users) != sum.Users {
		t.Fatalf("users %d (%v), summary %d", len(users), err, sum.Users)
	}
}

// A cancelled sync is no error: the summary says cancelled.
func TestBackendSyncCancelled(t *testing.T) {
	b, _, _ := simBackend(t, bcsim.Config{InvoicesPerMonth: 8})
	connectBackend(t, b)
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	sum, err := b.Sync(ctx, func(ui.SyncProgress) {})
	if err != nil || !sum.Canceled {
		t.Fatalf("cancelled sync: %+v, %v", sum, err)
	}
	if h := b.SyncHistory(); len(h) != 1 || !h[0].Canceled {
		t.Fatalf("history %+v", h)
	}
}

// An expired secret stops the sync with the error the console offers to
// fix in place; a wrong replacement is refused and stored nowhere, the
// new secret is tested, stored, and the next sync works.
func TestBackendReplaceSecret(t *testing.T) {
	b, db, ten := simBackend(t, bcsim.Config{InvoicesPerMonth: 5})
	connectBackend(t, b)
	ten.SetFaults(bcsim.Faults{ExpireSecret: true})
	_, err := b.Sync(t.Context(), func(ui.SyncProgress) {})
	var be *failure.Error
	if !errors.As(err, &be) || be.Kind != failure.KindCredentials || failure.ExitCode(err) != 3 {
		t.Fatalf("sync with an expired secret: %v", err)
	}
	if h := b.SyncHistory(); len(h) != 1 || h[0].Err == "" || h[0].Remedy == "" {
		t.Fatalf("history of the failed run %+v", h)
	}
	if err := b.ReplaceSecret(t.Context(), "", "wrong~secret-value-0123456789abcdefghijk"); err == nil {
		t.Fatal("a wrong secret was accepted")
	}
	conn, _, _ := db.Connection()
	secrets := secretstore.Open(db, nil, conn.TenantID, conn.ClientID)
	if s, _, _ := secrets.Get(secretstore.ClientSecret); s != bcsim.ClientSecret {
		t.Fatal("a refused secret replaced the stored one")
	}
	fresh := ten.NewClientSecret()
	if err := b.ReplaceSecret(t.Context(), "", fresh); err != nil {
		t.Fatal(err)
	}
	if s, _, _ := secrets.Get(secretstore.ClientSecret); s != fresh {
		t.Fatal("the new secret was not stored")
	}
	if _, err := b.Sync(t.Context(), func(ui.SyncProgress) {}); err != nil {
		t.Fatalf("sync after the replacement: %v", err)
	}
}

// BCSPEND_CLIENT_SECRET overrides the stored secret for the console's
// sync too.
func TestBackendSyncUsesTheSecretFromTheEnvironment(t *testing.T) {
	b, _, _ := simBackend(t, bcsim.Config{InvoicesPerMonth: 5})
	connectBackend(t, b)
	t.Setenv("BCSPEND_CLIENT_SECRET", "wrong~secret-value-0123456789abcdefghijk")
	if _, err := b.Sync(t.Context(), func(ui.SyncProgress) {}); failure.ExitCode(err) != 3 {
		t.Fatalf("sync with a wrong secret in the environment: %v", err)
	}
}

// The granularity switch is stored, shown by Info, and re-derives the
// transactions: one per invoice line instead of one per invoice.
func TestBackendSetGranularity(t *testing.T) {
	b, db, _ := simBackend(t, bcsim.Config{InvoicesPerMonth: 8})
	connectBackend(t, b)
	sum, err := b.Sync(t.Context(), func(ui.SyncProgress) {})
	if err != nil {
		t.Fatal(err)
	}
	perInvoice, _ := b.Transactions()
	if err := b.SetGranularity(spend.PerLine); err != nil {
		t.Fatal(err)
	}
	perLine, _ := b.Transactions()
	if b.Info().Granularity != spend.PerLine || len(perLine) <= len(perInvoice) || sum.Lines <= sum.Invoices {
		t.Fatalf("per line: %s, %d transactions vs %d per invoice (%d lines synced)",
			b.Info().Granularity, len(perLine), len(perInvoice), sum.Lines)
	}
	if v, _, _ := db.Setting(store.SettingGranularity); v != string(spend.PerLine) {
		t.Fatalf("stored granularity %q", v)
	}
	if err := b.SetGranularity(spend.PerInvoice); err != nil {
		t.Fatal(err)
	}
	if again, _ := b.Transactions(); len(again) != len(perInvoice) {
		t.Fatalf("back per invoice: %d transactions, want %d", len(again), len(perInvoice))
	}
}

// Validate is the bc package's checks, field by field, with the remedy.
func TestBackendValidate(t *testing.T) {
	b, _, _ := simBackend(t, bcsim.Config{})
	for _, c := range []struct {
		field ui.Field
		value string
		ok    bool
	}{
		{ui.FieldTenant, "me@contoso.com", false}, {ui.FieldTenant, bcsim.TenantID, true},
		{ui.FieldEnvironment, "Prod env", false}, {ui.FieldEnvironment, bcsim.Environment, true},
		{ui.FieldClientID, "my-app", false}, {ui.FieldClientID, bcsim.ClientID, true},
		{ui.FieldSecret, "", false}, {ui.FieldSecret, bcsim.ClientSecret, true},
	} {
		err := b.Validate(c.field, c.value)
		if (err == nil) != c.ok || err != nil && failure.Remedy(err) == "" {
			t.Errorf("Validate(%v, %q) = %v (remedy %q)", c.field, c.value, err, failure.Remedy(err))
		}
	}
	var w *ui.FieldWarning
	if err := b.Validate(ui.FieldSecret, "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee"); !errors.As(err, &w) || !strings.Contains(w.Message, "Secret ID") {
		t.Errorf("a Secret ID as the secret: %v, want a warning", err)
	}
}

// The delegated flows through the adapter: the device code is reported
// and, once the admin approves, the pending sign-in is what the test and
// the save use; the browser flow hands the sign-in URL to the browser
// (here the demo's, which follows it on loopback).
func TestBackendDelegatedSignIn(t *testing.T) {
	for _, flow := range []ui.Flow{ui.FlowDeviceCode, ui.FlowBrowser} {
		t.Run(string(flow), func(t *testing.T) {
			b, db, ten := simBackend(t, bcsim.Config{InvoicesPerMonth: 5})
			b.openURL = b.demoBrowser
			in := ui.ConnInput{Tenant: bcsim.TenantID, Environment: bcsim.Environment, ClientID: bcsim.PublicClientID, Flow: flow}
			var events []ui.SignInEvent
			err := b.SignIn(t.Context(), in, func(e ui.SignInEvent) {
				events = append(events, e)
				if e.Kind == ui.SignInDeviceCode {
					if err := ten.ApproveDevice(e.UserCode); err != nil {
						t.Error(err)
					}
				}
			})
			if err != nil {
				t.Fatal(err)
			}
			want := ui.SignInDeviceCode
			if flow == ui.FlowBrowser {
				want = ui.SignInBrowser
			}
			if len(events) != 2 || events[0].Kind != want || events[0].URL == "" || events[1].Kind != ui.SignInDone {
				t.Fatalf("events %+v", events)
			}
			cos, err := b.TestConnection(t.Context(), in, func(ui.Step) {})
			if err != nil || len(cos) == 0 {
				t.Fatalf("test after sign-in: %v", err)
			}
			if err := b.SaveConnection(in, []string{cos[0].ID}); err != nil {
				t.Fatal(err)
			}
			conn, ok, _ := db.Connection()
			if cs := b.Info().Connections; !ok || bc.Flow(conn.Flow) != bcFlow(flow) || len(cs) != 1 || cs[0].Flow != flow {
				t.Fatalf("stored flow %q, info %+v, want %q", conn.Flow, b.Info().Connections, flow)
			}
			if _, err := b.Sync(t.Context(), func(ui.SyncProgress) {}); err != nil {
				t.Fatalf("sync with the stored refresh token: %v", err)
			}
		})
	}
}

// OpenURL is the configured opener (the browser, or the demo's).
func TestBackendOpenURL(t *testing.T) {
	b, _, _ := simBackend(t, bcsim.Config{})
	var opened []string
	b.openURL = func(u string) error { opened = append(opened, u); return nil }
	if err := b.OpenURL("http://127.0.0.1:1/x"); err != nil || len(opened) != 1 || opened[0] != "http://127.0.0.1:1/x" {
		t.Fatalf("opened %v, %v", opened, err)
	}
}
