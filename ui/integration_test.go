package ui

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

// twoConnections is the fake with a second connection: a sandbox read
// with a device code sign-in whose last sync failed, each connection with
// its own history.
func twoConnections() *fakeBackend {
	f := connected()
	f.info.Connections[0].Name = "production"
	f.info.Connections = append(f.info.Connections, ConnectionInfo{Name: "sandbox", Tenant: "contoso.onmicrosoft.com", Environment: "Sandbox-DK",
		ClientID: "99999999-8888-7777-6666-555555555555", Flow: FlowClientCredentials, Companies: []string{"CRONUS Danmark A/S"},
		SecretBackend: "OS keyring", HasSecret: true, Health: "failed", LastRun: fakeNow.Add(-26 * time.Hour), LastOK: fakeNow.Add(-50 * time.Hour),
		Problem: "AADSTS7000222: the client secret has expired", Remedy: "Create a new client secret in Entra and replace it here."})
	for i := range f.hist {
		f.hist[i].Connection = "production"
	}
	f.hist = append(f.hist, SyncRunInfo{Connection: "sandbox", Started: fakeNow.Add(-26 * time.Hour), Duration: time.Second, Trigger: "auto",
		Err: "AADSTS7000222: the client secret has expired", Remedy: "Create a new client secret in Entra and replace it here."})
	return f
}

// The Integration screen with two connections: both listed with their
// health, the one chosen with its details, what went wrong and its own
// history; the status line counts the connections.
func TestGoldenIntegrationTwoConnections(t *testing.T) {
	for _, sz := range sizes {
		t.Run(fmt.Sprintf("%dx%d", sz.w, sz.h), func(t *testing.T) {
			m := loaded(t, twoConnections(), sz.w, sz.h)
			m = press(m, "5", "j")
			scr := screenText(m)
			for _, want := range []string{"Connections (2)", "▸ sandbox", "✗ failed 26h ago", "Connection sandbox", "Sandb", "2 connections"} {
				if !strings.Contains(scr, want) {
					t.Errorf("the screen lacks %q:\n%s", want, scr)
				}
			}
			if strings.Contains(scr, "57 inv") {
				t.Errorf("the sandbox's history shows production's run:\n%s", scr)
			}
			requireGolden(t, m)
		})
	}
}

// The secret replaced, the sign-in and the reconnect are the chosen
// connection's, and no other's.
func TestIntegrationActsOnTheChosenConnection(t *testing.T) {
	f := twoConnections()
	m := loaded(t, f, 100, 30)
	m = press(m, "5", "j", "p")
	if !m.integ.editing || m.integ.target != "sandbox" {
		t.Fatalf("p on the sandbox: editing %v for %q", m.integ.editing, m.integ.target)
	}
	m = typeText(m, "fresh~value")
	m = press(m, "enter")
	if !slices.Equal(f.replaced, []string{"sandbox"}) {
		t.Fatalf("replaced the secret of %q, want only sandbox's", f.replaced)
	}
	if !strings.Contains(screenText(m), "saved for sandbox") {
		t.Errorf("no toast naming the sandbox:\n%s", screenText(m))
	}

	m = press(m, "k", "c")
	if m.mode != modeWizard || m.wiz.conn != "production" || m.wiz.fields[1].value != "Production" {
		t.Fatalf("c on production: mode %d, reconnecting %q with environment %q", m.mode, m.wiz.conn, m.wiz.fields[1].value)
	}
	m = press(m, "esc", "esc", "esc")
	m = press(m, "j", "c")
	if m.wiz.conn != "sandbox" || m.wiz.fields[1].value != "Sandbox-DK" || m.wiz.input().Connection != "sandbox" {
		t.Fatalf("c on the sandbox: reconnecting %q with environment %q", m.wiz.conn, m.wiz.fields[1].value)
	}
}

// A sync that fails on one connection's expired secret opens that
// connection's secret replacement, wherever the cursor was.
func TestAnExpiredSecretOpensItsConnectionsReplacement(t *testing.T) {
	f := twoConnections()
	f.syncErr = &namedErr{name: "sandbox", err: expiredErr{}}
	m := loaded(t, f, 100, 30)
	m = press(m, "5", "r")
	if m.tab != tabIntegration || !m.integ.editing || m.integ.target != "sandbox" || m.integ.selectedName() != "sandbox" {
		t.Fatalf("after the failed sync: tab %d, editing %v for %q", m.tab, m.integ.editing, m.integ.target)
	}
	if !strings.Contains(screenText(m), "The client secret of sandbox has expired") {
		t.Errorf("the reason does not name the connection:\n%s", screenText(m))
	}
}

// namedErr is an error in one connection, as service names them.
type namedErr struct {
	name string
	err  error
}

func (e *namedErr) Error() string      { return "connection " + e.name + ": " + e.err.Error() }
func (e *namedErr) Unwrap() error      { return e.err }
func (e *namedErr) Connection() string { return e.name }

// A delegated connection signs in again for itself: the new sign-in is
// kept for the chosen connection, and for no other.
func TestSignInAgainKeepsTheSignInOfTheChosenConnection(t *testing.T) {
	f := twoConnections()
	f.info.Connections[1].Flow = FlowDeviceCode
	f.approve <- struct{}{}
	m := loaded(t, f, 100, 30)
	m = press(m, "5", "j")
	if !strings.Contains(screenText(m), "p sign in again") {
		t.Fatalf("the help does not offer a new sign-in:\n%s", screenText(m))
	}
	m = press(m, "p")
	if m.mode != modeMain || !slices.Equal(f.kept, []string{"sandbox"}) {
		t.Fatalf("mode %d, kept the sign-in of %q; want sandbox's", m.mode, f.kept)
	}
	if !strings.Contains(screenText(m), "the sign-in of sandbox is saved") {
		t.Errorf("no toast naming the sandbox:\n%s", screenText(m))
	}
}

// What went wrong on a connection is Business Central's or Entra's text:
// the chosen connection's problem and remedy are made inert like its
// history's, so a hostile message cannot write to the clipboard.
func TestIntegrationProblemIsInert(t *testing.T) {
	f := twoConnections()
	f.info.Connections[1].Problem = "refused \x1b]52;c;aGVsbG8=\x07 by BC"
	f.info.Connections[1].Remedy = "ask \x1b]52;c;d29ybGQ=\x07 the admin"
	m := loaded(t, f, 100, 30)
	m = press(m, "5", "j")
	raw := m.View().Content
	if strings.Contains(raw, "\x1b]52") {
		t.Fatalf("the Integration screen passes an OSC 52 sequence through:\n%q", raw)
	}
	if scr := screenText(m); !strings.Contains(scr, "refused") || !strings.Contains(scr, "the admin") {
		t.Fatalf("the problem or remedy is not shown:\n%s", scr)
	}
}

// With two connections the same person can be a user of both
// environments: the Users screen names each row's connection; with one
// connection the column stays away.
func TestUsersOfTwoConnectionsNameTheirConnection(t *testing.T) {
	f := twoConnections()
	for i := range f.users {
		f.users[i].Connection = "production"
	}
	twin := f.users[0]
	// A connection's name is the admin's, or the tenant and environment:
	// made inert like every text the console shows.
	twin.ConnectionID, twin.Connection = "2", "sandbox\x1b]52;c;aGk=\x07"
	f.users = append(f.users, twin)
	m := press(loaded(t, f, 120, 30), "4")
	if strings.Contains(m.View().Content, "\x1b]52") {
		t.Fatal("a connection's name reaches the frame with its OSC 52 sequence")
	}
	scr := screenText(m)
	var rows []string
	for _, l := range strings.Split(scr, "\n") {
		if strings.Contains(l, twin.Email) {
			rows = append(rows, l)
		}
	}
	if !strings.Contains(scr, "Connection") || len(rows) != 2 || !strings.Contains(rows[0]+rows[1], "production") || !strings.Contains(rows[0]+rows[1], "sandbox") {
		t.Fatalf("the two %s users are not told apart by their connection:\n%s", twin.Email, scr)
	}
	if one := screenText(press(loaded(t, connected(), 120, 30), "4")); strings.Contains(one, "Connection") {
		t.Fatalf("one connection shows a Connection column:\n%s", one)
	}
}
