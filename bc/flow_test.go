package bc_test

import (
	"context"
	"errors"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bcspend/bcspend/bc"
	"github.com/bcspend/bcspend/bc/bcsim"
	"github.com/bcspend/bcspend/failure"
)

// The flows below run against the simulated tenant over real HTTP on
// loopback: the same server `bcspend demo` uses.

var simNow = time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)

func startSim(t *testing.T, cfg bcsim.Config) (*bcsim.Tenant, bc.Target) {
	t.Helper()
	if cfg.Now.IsZero() {
		cfg.Now = simNow
	}
	if cfg.Seed == 0 {
		cfg.Seed = 1
	}
	ten := bcsim.New(cfg)
	srv, err := ten.Start("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	return ten, bc.Target{AuthorityURL: srv.AuthorityURL(), APIURL: srv.APIURL(), Tenant: bcsim.TenantID, Environment: bcsim.Environment}
}

func appCreds(target bc.Target, id, secret string) bc.Credentials {
	return bc.Credentials{Target: target, ClientID: id, ClientSecret: secret, Flow: bc.FlowClientCredentials}
}

// fastRetries keeps fault tests quick without changing the retry logic.
var fastRetries = bc.ClientOptions{BaseBackoff: time.Millisecond, MaxBackoff: 5 * time.Millisecond, MaxRetries: 20,
	Sleep: func(ctx context.Context, d time.Duration) error {
		if d > 20*time.Millisecond {
			d = 20 * time.Millisecond // honour Retry-After in spirit, not in wall time
		}
		select {
		case <-time.After(d):
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	}}

func newClient(t *testing.T, creds bc.Credentials, opt bc.ClientOptions) *bc.Client {
	t.Helper()
	ts, err := creds.NewTokenSource()
	if err != nil {
		t.Fatal(err)
	}
	return bc.NewClient(creds.Target, ts, opt)
}

func TestClientCredentialsEndToEnd(t *testing.T) {
	ten, target := startSim(t, bcsim.Config{})
	c := newClient(t, appCreds(target, bcsim.ClientID, bcsim.ClientSecret), bc.ClientOptions{})
	var steps []string
	res, err := bc.Probe(context.Background(), c, func(s bc.Step) {
		if !s.OK {
			t.Errorf("step %s failed: %v", s.Name, s.Err)
		}
		steps = append(steps, s.Name)
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"token", "environment", "companies", "invoices", "users endpoint"}; strings.Join(steps, ",") != strings.Join(want, ",") {
		t.Errorf("steps %v, want %v", steps, want)
	}
	if len(res.Companies) != len(ten.Companies()) || len(res.Companies) < 3 || res.UsersErr != nil {
		t.Errorf("companies %d (tenant has %d), users err %v", len(res.Companies), len(ten.Companies()), res.UsersErr)
	}
	// The tenant may also be addressed by its domain.
	target.Tenant = bcsim.TenantDomain
	c2 := newClient(t, appCreds(target, bcsim.ClientID, bcsim.ClientSecret), bc.ClientOptions{})
	if _, err := c2.Companies(context.Background()); err != nil {
		t.Errorf("tenant by domain: %v", err)
	}
}

func TestDeviceCodeFlowAndRefreshRotation(t *testing.T) {
	ten, target := startSim(t, bcsim.Config{DeviceApproveAfter: 1})
	var mu sync.Mutex
	var saved []string
	creds := bc.Credentials{Target: target, ClientID: bcsim.PublicClientID, Flow: bc.FlowDevice,
		// A secret must never be sent by the device flow (AADSTS700025).
		ClientSecret: "must-not-be-sent",
		OnRefreshToken: func(rt string) error {
			mu.Lock()
			saved = append(saved, rt)
			mu.Unlock()
			return nil
		}}
	var shown bc.DeviceCode
	tok, err := creds.DeviceSignIn(context.Background(), func(d bc.DeviceCode) { shown = d })
	if err != nil {
		t.Fatal(err)
	}
	if shown.UserCode == "" || !strings.HasPrefix(shown.VerificationURI, "http") || time.Until(shown.Expires) < 10*time.Minute {
		t.Errorf("device code shown: %+v", shown)
	}
	if len(saved) != 1 || saved[0] != tok.RefreshToken {
		t.Fatalf("refresh token not persisted after sign-in: %v", saved)
	}
	first := saved[0]
	creds.RefreshToken = first
	ts, err := creds.NewTokenSource()
	if err != nil {
		t.Fatal(err)
	}
	c := bc.NewClient(target, ts, bc.ClientOptions{})
	if _, err := c.Companies(context.Background()); err != nil {
		t.Fatal(err)
	}
	ts.Invalidate() // forces a second refresh
	if _, err := c.Companies(context.Background()); err != nil {
		t.Fatal(err)
	}
	if len(saved) != 3 || saved[1] == first || saved[2] == saved[1] {
		t.Fatalf("every rotation must be persisted, got %d tokens", len(saved))
	}
	// The first refresh token was rotated away: reusing it is refused.
	stale := creds
	stale.RefreshToken = first
	ts2, _ := stale.NewTokenSource()
	_, err = ts2.Token(context.Background())
	if failure.ExitCode(err) != 3 || !strings.Contains(failure.Remedy(err), "Sign in again") {
		t.Errorf("stale refresh token: %v (remedy %q)", err, failure.Remedy(err))
	}
	if st := ten.Stats(); st.RefreshRotations < 2 || st.RefreshWithoutScope != 0 {
		t.Errorf("tenant saw %d rotations, %d without scope (Entra may narrow those)", st.RefreshRotations, st.RefreshWithoutScope)
	}
}

func TestDeviceCodeOnConfidentialAppNamesTheSwitch(t *testing.T) {
	_, target := startSim(t, bcsim.Config{})
	creds := bc.Credentials{Target: target, ClientID: bcsim.ConfidentialOnlyClientID, Flow: bc.FlowDevice}
	_, err := creds.DeviceSignIn(context.Background(), func(bc.DeviceCode) {})
	e, ok := failure.AsError(err)
	if !ok || e.Code != "AADSTS7000218" || !strings.Contains(e.Fix, "Allow public client flows") || failure.ExitCode(err) != 3 {
		t.Fatalf("got %v", err)
	}
}

// TestMain doubles as the fake browser: when BCSPEND_FAKE_BROWSER is set,
// the test binary is run as $BROWSER and follows the authorize redirect.
func TestMain(m *testing.M) {
	if os.Getenv("BCSPEND_FAKE_BROWSER") == "1" {
		resp, err := http.Get(os.Args[len(os.Args)-1])
		if err != nil {
			os.Exit(1)
		}
		resp.Body.Close()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

func TestBrowserFlowWithFakeBrowser(t *testing.T) {
	_, target := startSim(t, bcsim.Config{})
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv("BCSPEND_FAKE_BROWSER", "1")
	t.Setenv("BROWSER", exe)
	var refresh, shown string
	creds := bc.Credentials{Target: target, ClientID: bcsim.PublicClientID, Flow: bc.FlowBrowser,
		OnRefreshToken: func(rt string) error { refresh = rt; return nil }}
	tok, err := creds.BrowserSignIn(context.Background(), bc.BrowserOptions{Timeout: 20 * time.Second, Show: func(u string) { shown = u }})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(shown, "code_challenge_method=S256") || !strings.Contains(shown, "state=") || !strings.Contains(shown, "offline_access") {
		t.Errorf("authorize URL lacks PKCE, state or offline_access: %s", shown)
	}
	if refresh == "" || refresh != tok.RefreshToken {
		t.Fatalf("refresh token not persisted")
	}
	creds.RefreshToken = refresh
	c := newClient(t, creds, bc.ClientOptions{})
	if _, err := c.Companies(context.Background()); err != nil {
		t.Fatal(err)
	}
}

func TestClassifiedErrorsFromTheTenant(t *testing.T) {
	_, target := startSim(t, bcsim.Config{})
	wrongEnv := target
	wrongEnv.Environment = "Produktion"
	wrongTenant := target
	wrongTenant.Tenant = "00000000-0000-4000-8000-00000000dead"
	cases := []struct {
		name     string
		creds    bc.Credentials
		code     string
		inRemedy string
	}{
		{"wrong secret", appCreds(target, bcsim.ClientID, "not-the-secret"), "AADSTS7000215", "Value"},
		{"secret id pasted", appCreds(target, bcsim.ClientID, bcsim.ClientSecretID), "AADSTS7000215", "Secret ID"},
		{"expired secret", appCreds(target, bcsim.ExpiredClientID, bcsim.ExpiredClientSecret), "AADSTS7000222", "new client secret"},
		{"unknown client", appCreds(target, "99999999-9999-4999-8999-999999999999", "x"), "AADSTS700016", "Client ID"},
		{"unknown tenant", appCreds(wrongTenant, bcsim.ClientID, bcsim.ClientSecret), "AADSTS90002", "Tenant ID"},
		{"no consent", appCreds(target, bcsim.NoConsentClientID, bcsim.NoConsentClientSecret), "AADSTS65001", "Grant admin consent"},
		{"app not in BC", appCreds(target, bcsim.NotInBCClientID, bcsim.NotInBCClientSecret), "Authentication_InvalidCredentials", "Microsoft Entra Applications"},
		{"token without roles", appCreds(target, bcsim.NoRolesClientID, bcsim.NoRolesClientSecret), "Authentication_InvalidCredentials", "API.ReadWrite.All"},
		{"wrong environment", appCreds(wrongEnv, bcsim.ClientID, bcsim.ClientSecret), "NoEnvironment", "Environment Name"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			client := newClient(t, c.creds, bc.ClientOptions{})
			_, err := bc.Probe(context.Background(), client, nil)
			e, ok := failure.AsError(err)
			if !ok || e.Code != c.code || !strings.Contains(e.Fix, c.inRemedy) || failure.ExitCode(err) != 3 {
				t.Fatalf("got %v (code %q, exit %d, remedy %q); want %s with %q", err, codeOf(e), failure.ExitCode(err), failure.Remedy(err), c.code, c.inRemedy)
			}
			if strings.Contains(err.Error(), c.creds.ClientSecret) && len(c.creds.ClientSecret) > 3 {
				t.Fatal("secret in error text")
			}
		})
	}
}

func codeOf(e *failure.Error) string {
	if e == nil {
		return ""
	}
	return e.Code
}

func TestUsersRefusedWhileInvoicesWork(t *testing.T) {
	_, target := startSim(t, bcsim.Config{})
	client := newClient(t, appCreds(target, bcsim.NoAutomationClientID, bcsim.NoAutomationClientSecret), bc.ClientOptions{})
	res, err := bc.Probe(context.Background(), client, nil)
	if err != nil {
		t.Fatalf("probe must pass when only users are refused: %v", err)
	}
	if !strings.Contains(failure.Remedy(res.UsersErr), "Automation.ReadWrite.All") {
		t.Fatalf("users error %v, remedy %q", res.UsersErr, failure.Remedy(res.UsersErr))
	}
}

func TestMissingPermissionSetAndUnknownCompany(t *testing.T) {
	ten, target := startSim(t, bcsim.Config{})
	client := newClient(t, appCreds(target, bcsim.ClientID, bcsim.ClientSecret), bc.ClientOptions{})
	ctx := context.Background()
	err := client.Invoices(ctx, "00000000-0000-4000-8000-000000000000", bc.InvoiceQuery{}, func(bc.InvoicePage) error { return nil })
	if e, ok := failure.AsError(err); !ok || e.Kind != failure.KindNotFound {
		t.Errorf("unknown company: %v", err)
	}
	ten.SetFaults(bcsim.Faults{RevokePermission: true})
	err = client.Invoices(ctx, ten.Companies()[0].ID, bc.InvoiceQuery{}, func(bc.InvoicePage) error { return nil })
	if e, ok := failure.AsError(err); !ok || e.Status != 403 || !strings.Contains(e.Fix, "permission sets") {
		t.Errorf("missing permission set: %v", err)
	}
}

func TestPre25EnvironmentUsersWithoutEmail(t *testing.T) {
	ten, target := startSim(t, bcsim.Config{Pre25: true})
	client := newClient(t, appCreds(target, bcsim.ClientID, bcsim.ClientSecret), bc.ClientOptions{})
	res, err := client.Users(context.Background(), ten.Companies()[0].ID)
	if err != nil || !res.LegacyNoEmail || len(res.Users) < 100 {
		t.Fatalf("pre-25 users: %d users, legacy %v, err %v", len(res.Users), res.LegacyNoEmail, err)
	}
}

// paidInWindow is the tenant's own answer to the backfill query.
func paidInWindow(ten *bcsim.Tenant, companyID string, from, to time.Time) map[string]bool {
	// The filter compares bare dates: the whole first and last day count.
	from = time.Date(from.Year(), from.Month(), from.Day(), 0, 0, 0, 0, time.UTC)
	to = time.Date(to.Year(), to.Month(), to.Day(), 0, 0, 0, 0, time.UTC)
	want := map[string]bool{}
	for _, inv := range ten.Invoices(companyID) {
		d := inv.InvoiceDate.Time
		if inv.Status == bc.StatusPaid && !d.Before(from) && !d.After(to) {
			want[inv.ID] = true
		}
	}
	return want
}

func fetchAll(t *testing.T, c *bc.Client, companyID string, q bc.InvoiceQuery) (map[string]int, int, error) {
	got := map[string]int{}
	pages := 0
	err := c.Invoices(context.Background(), companyID, q, func(p bc.InvoicePage) error {
		pages++
		for _, inv := range p.Invoices {
			got[inv.ID]++
			if inv.Status != bc.StatusPaid {
				t.Errorf("invoice %s has status %q", inv.Number, inv.Status)
			}
		}
		return nil
	})
	return got, pages, err
}

func checkExactlyOnce(t *testing.T, got map[string]int, want map[string]bool) {
	t.Helper()
	for id, n := range got {
		if n != 1 || !want[id] {
			t.Errorf("invoice %s returned %d times (expected %v)", id, n, want[id])
		}
	}
	if len(got) != len(want) {
		t.Errorf("got %d invoices, want %d", len(got), len(want))
	}
}

func TestPagingReturnsEveryPaidInvoiceExactlyOnce(t *testing.T) {
	ten, target := startSim(t, bcsim.Config{})
	client := newClient(t, appCreds(target, bcsim.ClientID, bcsim.ClientSecret), bc.ClientOptions{PageSize: 17})
	from, to := simNow.AddDate(-1, 0, 0), simNow
	for _, co := range ten.Companies() {
		got, pages, err := fetchAll(t, client, co.ID, bc.InvoiceQuery{PaidFrom: from, PaidTo: to})
		if err != nil {
			t.Fatal(err)
		}
		want := paidInWindow(ten, co.ID, from, to)
		if pages < 10 {
			t.Errorf("%s: only %d pages; the test needs many", co.Name, pages)
		}
		checkExactlyOnce(t, got, want)
	}
}

func TestRetriesUnderFaultsStillReturnEverything(t *testing.T) {
	faults := map[string]bcsim.Faults{
		"429 storm":          {Rate429: 0.3, RetryAfter: time.Second},
		"503 storm":          {Rate503: 0.3, RetryAfter: time.Second},
		"dropped connection": {DropRate: 0.2},
	}
	for name, f := range faults {
		t.Run(name, func(t *testing.T) {
			ten, target := startSim(t, bcsim.Config{})
			co := ten.Companies()[0]
			client := newClient(t, appCreds(target, bcsim.ClientID, bcsim.ClientSecret), withPageSize(fastRetries, 25))
			ten.SetFaults(f)
			from, to := simNow.AddDate(-1, 0, 0), simNow
			got, _, err := fetchAll(t, client, co.ID, bc.InvoiceQuery{PaidFrom: from, PaidTo: to})
			if err != nil {
				t.Fatal(err)
			}
			checkExactlyOnce(t, got, paidInWindow(ten, co.ID, from, to))
			if client.Stats().Retries == 0 {
				t.Error("no retries recorded: the fault did not fire")
			}
		})
	}
}

func withPageSize(o bc.ClientOptions, n int) bc.ClientOptions { o.PageSize = n; return o }

// Tokens that live shorter than the renewal margin are replaced before
// every request, so a long run never sends an expired one.
func TestShortLivedTokensAreRenewedMidRun(t *testing.T) {
	ten, target := startSim(t, bcsim.Config{TokenLifetime: time.Second})
	client := newClient(t, appCreds(target, bcsim.ClientID, bcsim.ClientSecret), bc.ClientOptions{PageSize: 50})
	co := ten.Companies()[0]
	pages := 0
	err := client.Invoices(context.Background(), co.ID, bc.InvoiceQuery{PaidFrom: simNow.AddDate(-1, 0, 0), PaidTo: simNow},
		func(bc.InvoicePage) error { pages++; return nil })
	if err != nil {
		t.Fatal(err)
	}
	if got := ten.Stats().TokensIssued; pages < 3 || got < int64(pages) {
		t.Errorf("%d pages with %d tokens issued; want a fresh token per page", pages, got)
	}
}

// staleOnce hands out an invalid token first, as a cached token that BC
// no longer accepts, then delegates.
type staleOnce struct {
	bc.TokenSource
	served, invalidated int
}

func (s *staleOnce) Token(ctx context.Context) (string, error) {
	s.served++
	if s.invalidated == 0 {
		return "eyJhbGciOiJIUzI1NiJ9.e30.stale", nil
	}
	return s.TokenSource.Token(ctx)
}

func (s *staleOnce) Invalidate() { s.invalidated++; s.TokenSource.Invalidate() }

// A 401 on a token the client believed valid costs one fresh token and one
// retry, not a failed run.
func TestRejectedTokenIsReplacedOnce(t *testing.T) {
	_, target := startSim(t, bcsim.Config{})
	ts, err := appCreds(target, bcsim.ClientID, bcsim.ClientSecret).NewTokenSource()
	if err != nil {
		t.Fatal(err)
	}
	stale := &staleOnce{TokenSource: ts}
	client := bc.NewClient(target, stale, bc.ClientOptions{})
	if _, err := client.Companies(context.Background()); err != nil {
		t.Fatalf("a rejected token must be replaced, got %v", err)
	}
	if stale.invalidated != 1 || stale.served != 2 {
		t.Fatalf("invalidated %d times, %d tokens served; want 1 and 2", stale.invalidated, stale.served)
	}
}

func TestNeverMoreThanFiveInFlight(t *testing.T) {
	ten, target := startSim(t, bcsim.Config{Latency: 30 * time.Millisecond})
	client := newClient(t, appCreds(target, bcsim.ClientID, bcsim.ClientSecret), bc.ClientOptions{})
	if _, err := client.Companies(context.Background()); err != nil { // token first
		t.Fatal(err)
	}
	ten.ResetStats()
	var wg sync.WaitGroup
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := client.Companies(context.Background()); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	st := ten.Stats()
	if st.MaxInFlight > bc.MaxInFlight || st.MaxInFlight < 2 {
		t.Fatalf("server saw at most %d requests in flight; want 2..%d", st.MaxInFlight, bc.MaxInFlight)
	}
}

func TestCancellationStopsPromptly(t *testing.T) {
	ten, target := startSim(t, bcsim.Config{Latency: 20 * time.Second})
	client := newClient(t, appCreds(target, bcsim.ClientID, bcsim.ClientSecret), bc.ClientOptions{})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { _, err := client.Companies(ctx); done <- err }()
	wait, stop := context.WithTimeout(context.Background(), 10*time.Second)
	defer stop()
	if err := ten.WaitInFlight(wait, 1); err != nil { // cancel while BC is working on it
		t.Fatalf("the request never reached the simulator: %v", err)
	}
	cancel()
	select {
	case err := <-done:
		if e, ok := failure.AsError(err); !ok || e.Kind != failure.KindCanceled {
			t.Fatalf("got %v, want a cancellation", err)
		}
		if !errors.Is(err, context.Canceled) {
			t.Errorf("cancellation should unwrap to context.Canceled: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("request did not stop after cancel (simulated latency is 20 s)")
	}
}

// The connection test counts the way the CLI and the console do (one
// money.Plural): a big environment's users step reads "1,203 users".
func TestProbeCountsUsersGrouped(t *testing.T) {
	ten, target := startSim(t, bcsim.Config{})
	for len(ten.Users()) < 1203 {
		if _, err := ten.AddUser(bc.User{UserName: "U" + strconv.Itoa(len(ten.Users())), DisplayName: "u"}); err != nil {
			t.Fatal(err)
		}
	}
	c := newClient(t, appCreds(target, bcsim.ClientID, bcsim.ClientSecret), bc.ClientOptions{})
	var detail string
	if _, err := bc.Probe(context.Background(), c, func(s bc.Step) {
		if s.Name == bc.StepUsers {
			detail = s.Detail
		}
	}); err != nil {
		t.Fatal(err)
	}
	if detail != "1,203 users" {
		t.Errorf("users step %q; want %q", detail, "1,203 users")
	}
}
