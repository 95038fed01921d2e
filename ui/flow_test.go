package ui

import (
	"fmt"

	"github.com/charmbracelet/x/exp/golden"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// A first run: invalid input gets a specific message, valid input passes,
// the test runs, companies are chosen, the sync runs and the console lands
// on Applications.
func TestFlowWizardInvalidThenValid(t *testing.T) {
	f := firstRun()
	r := startTea(t, New(f, testOpts()...), 100, 30)
	r.waitFor("Setup checklist")
	r.keys("enter")
	r.waitFor("How should")
	r.keys("1", "enter") // client credentials
	r.waitFor("Connection details")

	r.typeText("me@contoso.com")
	r.waitFor("Tenant ID is neither a GUID nor a domain")
	r.keys("ctrl+u")
	r.typeText("contoso.onmicrosoft.com")
	r.waitFor("✓ looks right")
	r.keys("tab")
	r.typeText("Production")
	r.keys("tab")
	r.typeText("my-app")
	r.waitFor("Client ID is not a GUID")
	r.keys("ctrl+u")
	r.typeText("11111111-2222-3333-4444-555555555555")
	r.keys("tab")
	r.typeText("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee")
	r.waitFor("looks like the Secret ID")
	r.keys("ctrl+u")
	r.typeText("abc~real-secret-value")
	r.keys("enter")
	r.waitFor("Connection works: 2 companies found")

	// Going back keeps what was typed.
	r.keys("esc")
	r.waitFor("[contoso.onmicrosoft.com")
	r.keys("enter")
	r.waitFor("Connection works")
	r.keys("enter")
	r.waitFor("Which companies")
	r.keys("enter")
	r.waitFor("32 apps")
	r.waitFor("Synced 100 invoices")
	m := r.finish()
	if m.tab != tabApps || m.mode != modeMain {
		t.Fatalf("ended on tab %d mode %d, want Applications", m.tab, m.mode)
	}
	if f.saved == nil || f.saved.Secret != "abc~real-secret-value" || f.saved.Tenant != "contoso.onmicrosoft.com" {
		t.Fatalf("saved %+v", f.saved)
	}
	if strings.Contains(screenText(m), "abc~real") {
		t.Fatal("the secret is on screen")
	}
}

// Device code: shown big with the URL, enter copies and opens the browser,
// a new code comes when it expires, and approval continues to the test.
func TestFlowDeviceCodeSignIn(t *testing.T) {
	f := firstRun()
	var now atomic.Pointer[time.Time]
	t0 := fakeNow
	now.Store(&t0)
	clock := WithClock(func() time.Time { return *now.Load() })
	in := ConnInput{Tenant: "contoso.com", Environment: "Production", ClientID: demoInput.ClientID, Flow: FlowDeviceCode}
	r := startTea(t, New(f, testOpts(WithPrefill(in), clock)...), 100, 30)
	r.waitFor("Setup checklist")
	r.keys("enter", "enter", "enter")
	r.waitFor("A B C D - E F G 1")
	r.waitFor("https://microsoft.com/devicelogin")
	r.waitFor("expires in 15:00")
	r.keys("enter")
	r.waitFor("Code copied")
	eventually(t, func() bool {
		got := f.openedURLs()
		return len(got) == 1 && got[0] == "https://microsoft.com/devicelogin"
	})
	t1 := fakeNow.Add(16 * time.Minute)
	now.Store(&t1)
	r.waitFor("A B C D - E F G 2")
	r.waitFor("previous code expired")
	f.approve <- struct{}{}
	r.waitFor("Connection works")
	m := r.finish()
	if m.mode != modeWizard || m.wiz.step != stepTest {
		t.Fatalf("mode %d step %d", m.mode, m.wiz.step)
	}
}

// esc cancels a sign-in and goes back to the fields, keeping them.
func TestFlowSignInEscCancels(t *testing.T) {
	f := firstRun()
	in := ConnInput{Tenant: "contoso.com", Environment: "Production", ClientID: demoInput.ClientID, Flow: FlowBrowser}
	r := startTea(t, New(f, testOpts(WithPrefill(in))...), 100, 30)
	r.waitFor("Setup checklist")
	r.keys("enter", "enter", "enter")
	r.waitFor("open this URL yourself")
	r.keys("esc")
	r.waitFor("Connection details")
	r.waitFor("[contoso.com")
	r.finish()
}

// A sync from the Sync tab, cancelled after the first company: what was
// committed is kept and said so.
func TestFlowSyncCancelKeepsCommitted(t *testing.T) {
	f := connected()
	f.syncGate = make(chan struct{})
	r := startTea(t, New(f, testOpts()...), 100, 30)
	r.waitFor("32 apps")
	r.keys("6", "r")
	r.waitFor("40/40 invoices")
	r.keys("esc")
	r.waitFor("Sync cancelled")
	r.waitFor("Kept what was committed")
	r.finish()
}

// Fixing an unmatched vendor takes f, enter (preview), enter (save), and
// the totals move: the fake really re-derives.
func TestFlowFixVendorMovesTotals(t *testing.T) {
	f := connected()
	r := startTea(t, New(f, testOpts()...), 100, 30)
	r.waitFor("total 230,370.44 EUR")
	r.keys("3")
	r.waitFor("6 vendors")
	r.keys("j", "j") // TeamViewer, suggestion Zoom
	r.keys("f", "enter")
	r.waitFor("moves 4 transactions / 6,141.72 EUR from (unmatched) to Zoom")
	r.keys("enter")
	r.waitFor("5 vendors")
	r.waitFor("Saved: every TeamViewer Germany GmbH charge → Zoom")
	r.keys("1")
	r.waitFor("total 236,512.16 EUR")
	m := r.finish()
	requireGolden(t, m)
	if f.venRule["V9002"].App != "Zoom" {
		t.Fatalf("rules %+v", f.venRule)
	}
}

// An expired secret goes straight to its replacement; a bad one shows the
// remedy; a good one is tested and saved with nothing else retyped.
func TestFlowReplaceExpiredSecret(t *testing.T) {
	f := connected()
	f.expired = true
	r := startTea(t, New(f, testOpts()...), 100, 30)
	r.waitFor("32 apps")
	r.keys("r")
	r.waitFor("The client secret has expired")
	r.waitFor("Integration › replace secret")
	r.typeText("still-bad")
	r.keys("enter")
	r.waitFor("Entra rejected the client secret")
	r.waitFor("not its Secret ID")
	r.keys("ctrl+u")
	r.typeText("fresh~value")
	r.keys("enter")
	r.waitFor("New client secret tested and saved")
	r.keys("r")
	r.waitFor("Synced 100 invoices")
	r.waitFor("Last sync      ✓ ok just now")
	m := r.finish()
	requireGolden(t, m)
}

func (f *fakeBackend) openedURLs() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.opened...)
}

// eventually waits up to waitBound for cond.
func eventually(t *testing.T, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(waitBound); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		if cond() {
			return
		}
	}
	t.Fatal("condition never held")
}

// The Sync tab while a sync runs: per company progress with a bar, pages
// and throttling waits. Golden of the live screen (quitting cancels it).
func TestGoldenSyncInProgress(t *testing.T) {
	for _, sz := range sizes {
		t.Run(fmt.Sprintf("%dx%d", sz.w, sz.h), func(t *testing.T) {
			f := connected()
			f.syncGate = make(chan struct{})
			r := startTea(t, New(f, testOpts()...), sz.w, sz.h)
			r.waitFor("32 apps")
			r.keys("6", "r")
			r.waitFor("✓ CRONUS USA, Inc.")
			r.waitFor("esc cancel sync")
			golden.RequireEqual(t, []byte(r.screen()))
			r.finish()
		})
	}
}

func TestGoldenTooSmall(t *testing.T) {
	r := startTea(t, New(connected(), testOpts()...), 60, 20)
	r.waitFor("Terminal too small")
	requireGolden(t, r.finish())
}

// The connection test reads every company: one the connection cannot
// read is marked with why and left unticked, so the others are saved.
func TestFlowCompanyWithoutPermissionIsMarkedAndUnticked(t *testing.T) {
	f := firstRun()
	f.refuse = "c2"
	r := startTea(t, New(f, testOpts(WithPrefill(demoInput))...), 140, 30)
	r.waitFor("Setup checklist")
	r.keys("enter", "enter", "enter")
	r.waitFor("Connection works")
	r.keys("enter")
	r.waitFor("[ ] CRONUS UK Ltd.  ✗ cannot read its invoices: Business Central denied access")
	r.waitFor("[x] CRONUS USA, Inc.")
	r.keys("enter")
	r.waitFor("32 apps")
	r.finish()
}

// The Sync tab 40% through a split backfill: BC's $count gives every bar
// a total from the start, so the bars stand at 40%, with ranges, rate,
// elapsed, ETA and throttling per company and for the whole run.
func TestGoldenSyncSplitAt40Percent(t *testing.T) {
	for _, sz := range sizes {
		t.Run(fmt.Sprintf("%dx%d", sz.w, sz.h), func(t *testing.T) {
			f := connected()
			f.splitAt40 = true
			r := startTea(t, New(f, testOpts()...), sz.w, sz.h)
			r.waitFor("32 apps")
			r.keys("6", "r")
			r.waitFor("2,000/5,000 invoices")
			r.waitFor("4,000/10,000 invoices")
			r.waitFor("6,000/15,000 invoices")
			golden.RequireEqual(t, []byte(r.screen()))
			r.finish()
		})
	}
}
