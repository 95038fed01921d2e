package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/bcspend/bcspend/bc"
	"github.com/bcspend/bcspend/bc/bcsim"
	"github.com/bcspend/bcspend/store"
	"github.com/bcspend/bcspend/syncer"
	"github.com/bcspend/bcspend/ui"
)

// readTrace concatenates every file of a trace directory.
func readTrace(t *testing.T, dir string) (string, int) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no trace files in %s (%v)", dir, err)
	}
	var b strings.Builder
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		b.Write(data)
	}
	return b.String(), len(files)
}

// tenantSecrets is everything of the tenant's that must never reach a
// trace: the app secret, every token it issued, every e-mail address.
func tenantSecrets(ten *bcsim.Tenant) []string {
	out := append([]string{bcsim.ClientSecret}, ten.IssuedTokens()...)
	for _, c := range ten.Companies() {
		for _, v := range ten.Vendors(c.ID) {
			if v.Email != "" {
				out = append(out, v.Email)
			}
		}
	}
	for _, u := range ten.Users() {
		if u.ContactEmail != nil && *u.ContactEmail != "" {
			out = append(out, *u.ContactEmail)
		}
	}
	return out
}

// A support trace of a real sync has every request, with its status,
// timing and headers and the response bodies, and none of the secret,
// the tokens (access and refresh) or the tenant's e-mail addresses.
func TestSyncTraceHoldsEveryRequestAndNoSecret(t *testing.T) {
	for _, flow := range []struct{ name, client string }{
		{"client-credentials", bcsim.ClientID},
		{"device", bcsim.PublicClientID},
	} {
		t.Run(flow.name, func(t *testing.T) {
			ten, g, _ := simArgs(t, bcsim.Config{InvoicesPerMonth: 10})
			stdin, extra := "", []string{}
			if flow.name == "client-credentials" {
				stdin, extra = bcsim.ClientSecret, []string{"--client-secret-stdin"}
			}
			if code, out, errOut := cli(t, stdin, connectArgs(g, flow.client, flow.name, extra...)...); code != 0 {
				t.Fatalf("connect: exit %d\n%s%s", code, out, errOut)
			}
			ten.ResetStats()
			dir := filepath.Join(t.TempDir(), "trace")
			code, out, errOut := cli(t, "", append(g, "sync", "--trace", dir, "--page-size", "50")...)
			if code != 0 || !strings.Contains(errOut, "trace written to "+dir) {
				t.Fatalf("sync --trace: exit %d\n%s%s", code, out, errOut)
			}
			trace, files := readTrace(t, dir)
			st := ten.Stats()
			if want := int(st.Requests + st.EntraRequests); files != want {
				t.Errorf("%d trace entries for %d requests", files, want)
			}
			for _, must := range []string{"GET http", "/purchaseInvoices?", "/users?", "status: 200 OK", "body done after:",
				"> Client-Request-Id: ", "< Content-Type: application/json", `"value":[`, "> Authorization: [removed]", "[e-mail removed]"} {
				if !strings.Contains(trace, must) {
					t.Errorf("trace lacks %q", must)
				}
			}
			if flow.name == "device" && st.RefreshRotations == 0 {
				t.Error("the sync refreshed no token: the refresh token was never at risk")
			}
			secrets := tenantSecrets(ten)
			if len(secrets) < 20 {
				t.Fatalf("only %d secrets to look for", len(secrets))
			}
			for _, s := range secrets {
				if strings.Contains(trace, s) {
					t.Errorf("trace contains %q", s)
				}
			}
		})
	}
}

// throttlingOnce throttles a sync of connected's tenant for one window:
// it needs about 100 requests, so 60 per 5 minutes holds the rest back
// until the window moves, 5 to 8 minutes of waiting. A request's own waits
// then stay under the client's 20-minute throttling budget. At 5 per 5
// minutes the sync waited about 2 hours and one request's waits came to 7
// to 19 minutes (60 runs), so under load one crossed the budget: "Business
// Central kept throttling requests for 21m4s".
var throttlingOnce = bcsim.Faults{RateLimit: 60, RateWindow: 5 * time.Minute}

// `sync --json` and the progress lines show throttling: the wait while it
// lasts, per company and for the run, on the simulated tenant's clock.
func TestSyncShowsThrottlingWaits(t *testing.T) {
	ten, g, _ := connected(t, bcsim.Config{InvoicesPerMonth: 20})
	clientHook = func(o *bc.ClientOptions) {
		o.Sleep = func(ctx context.Context, d time.Duration) error { ten.Advance(d); return ctx.Err() }
		o.Now = ten.Now
	}
	t.Cleanup(func() { clientHook = nil })
	ten.SetFaults(throttlingOnce)
	code, out, errOut := cli(t, "", append(g, "sync", "--json", "--page-size", "40")...)
	var sum syncer.Summary
	if code != 0 || json.Unmarshal([]byte(out), &sum) != nil {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	if !strings.Contains(errOut, "Business Central is throttling requests; waiting ") {
		t.Errorf("no wait in the progress lines:\n%s", errOut)
	}
	// Which companies the window holds back depends on the order of their
	// requests; the ones it held say so.
	waited := slices.ContainsFunc(sum.Companies, func(c syncer.CompanySummary) bool { return c.ThrottleWait > 0 })
	if sum.ThrottleWait < 5*time.Minute || sum.ThrottleWaitText == "" || !waited {
		t.Errorf("summary: run waited %s (%q), a company's wait reported: %v", sum.ThrottleWait, sum.ThrottleWaitText, waited)
	}
}

// The console's Sync screen shows a company's wait on throttling while it
// lasts (as the phase next to its progress bar).
func TestConsoleSyncShowsTheThrottlingWait(t *testing.T) {
	ten, _, path := connected(t, bcsim.Config{InvoicesPerMonth: 20})
	clientHook = func(o *bc.ClientOptions) {
		o.Sleep = func(ctx context.Context, d time.Duration) error { ten.Advance(d); return ctx.Err() }
		o.Now = ten.Now
		o.PageSize = 40
	}
	t.Cleanup(func() { clientHook = nil })
	ten.SetFaults(throttlingOnce)
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var phases []string
	if _, err := newBackend(db, &globals{DB: path}, nil).Sync(context.Background(), func(p ui.SyncProgress) {
		phases = append(phases, p.Phase)
	}); err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(phases, func(p string) bool { return strings.HasPrefix(p, "Business Central is throttling requests; waiting ") }) {
		t.Errorf("no waiting phase among %d progress reports", len(phases))
	}
}

// The page size can be a setting: syncs then ask for pages of that size.
func TestPageSizeSetting(t *testing.T) {
	ten, g, _ := connected(t, bcsim.Config{InvoicesPerMonth: 10})
	if code, _, errOut := cli(t, "", append(g, "config", "set", "page-size", "0")...); code != exitUsage {
		t.Fatalf("page-size 0: exit %d\n%s", code, errOut)
	}
	if code, _, errOut := cli(t, "", append(g, "config", "set", "page-size", "7")...); code != 0 {
		t.Fatalf("set page-size: exit %d\n%s", code, errOut)
	}
	ten.ResetStats()
	code, out, errOut := cli(t, "", append(g, "sync", "--json")...)
	var sum syncer.Summary
	if code != 0 || json.Unmarshal([]byte(out), &sum) != nil {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	if c := sum.Companies[0]; c.Pages < c.Fetched/7 || c.Fetched < 14 {
		t.Errorf("%d pages for %d invoices: the page-size setting was not used", c.Pages, c.Fetched)
	}
}

// A failure keeps BC's correlation id and the request id: printed with
// the remedy, kept in the run history and shown again by `status`.
func TestFailureShowsAndKeepsTheCorrelationID(t *testing.T) {
	ten, g, _ := connected(t, bcsim.Config{InvoicesPerMonth: 10})
	ten.SetFaults(bcsim.Faults{RevokePermission: true, RevokeAsDialog: true})
	dir := filepath.Join(t.TempDir(), "trace")
	code, _, errOut := cli(t, "", append(g, "sync", "--trace", dir)...)
	if code != exitAdmin || !strings.Contains(errOut, "what to do: On the app's card") || !strings.Contains(errOut, "for a support case: correlation id ") {
		t.Fatalf("sync: exit %d\n%s", code, errOut)
	}
	// The trace of the failing case has BC's answer as it was: code and correlation id.
	corr := errOut[strings.Index(errOut, "correlation id ")+len("correlation id "):][:36]
	if trace, _ := readTrace(t, dir); !strings.Contains(trace, `"code":"Application_DialogException"`) || !strings.Contains(trace, corr) {
		t.Errorf("the trace lacks BC's error code or correlation id %s", corr)
	}
	_, out, _ := cli(t, "", append(g, "status")...)
	if !strings.Contains(out, "  support:     correlation id ") || !strings.Contains(out, "request id ") {
		t.Errorf("status does not show the support ids:\n%s", out)
	}
}
