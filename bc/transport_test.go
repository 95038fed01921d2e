package bc_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bcspend/bcspend/bc"
	"github.com/bcspend/bcspend/bc/bcsim"
	"github.com/bcspend/bcspend/failure"
)

// simClock makes the client wait on the tenant's clock: Sleep moves the
// simulated time and returns, Now reads it, so long waits take no real
// time and are measured exactly.
func simClock(ten *bcsim.Tenant, opt bc.ClientOptions) bc.ClientOptions {
	opt.Sleep = func(ctx context.Context, d time.Duration) error {
		ten.Advance(d)
		return ctx.Err()
	}
	opt.Now = ten.Now
	return opt
}

func paidWindow() bc.InvoiceQuery {
	return bc.InvoiceQuery{PaidFrom: simNow.AddDate(-1, 0, 0), PaidTo: simNow}
}

// Every request carries a fresh client-request-id, the product's
// User-Agent and Accept-Language: en-US, and a failure keeps both BC's
// correlation id and the request id.
func TestRequestsAreTraceable(t *testing.T) {
	ten, target := startSim(t, bcsim.Config{})
	c := newClient(t, appCreds(target, bcsim.ClientID, bcsim.ClientSecret), bc.ClientOptions{PageSize: 50})
	co := ten.Companies()[0].ID
	if _, _, err := fetchAll(t, c, co, paidWindow()); err != nil {
		t.Fatal(err)
	}
	ten.SetFaults(bcsim.Faults{RevokePermission: true})
	err := c.Invoices(context.Background(), co, paidWindow(), func(bc.InvoicePage) error { return nil })
	st := ten.Stats()
	all := st.Requests + st.EntraRequests // Entra's token requests too
	if st.Requests < 5 || st.EntraRequests == 0 || st.UserAgents["bcspend/"+bc.Version] != all || st.AcceptLanguages["en-US"] != all {
		t.Errorf("%d requests; User-Agents %v; Accept-Language %v", all, st.UserAgents, st.AcceptLanguages)
	}
	if st.RequestIDs != int(all) || st.RequestsWithoutID != 0 {
		t.Errorf("%d requests, %d distinct client-request-ids, %d without one", all, st.RequestIDs, st.RequestsWithoutID)
	}
	e, ok := failure.AsError(err)
	if !ok || len(e.CorrelationID) != 36 || len(e.RequestID) != 36 || !strings.Contains(failure.Support(err), e.CorrelationID) {
		t.Errorf("refusal %v: correlation %q, request id %q, support %q", err, codeOf(e), failure.Support(err), failure.Support(err))
	}
}

// BC can refuse a read as 400 Application_DialogException: that is a
// permission problem the admin must fix (exit 3), not a bcspend bug; and
// it is not the pre-25.0 contactEmail refusal either.
func TestPermissionRefusedAsDialog(t *testing.T) {
	ten, target := startSim(t, bcsim.Config{})
	c := newClient(t, appCreds(target, bcsim.ClientID, bcsim.ClientSecret), bc.ClientOptions{})
	ctx := context.Background()
	co := ten.Companies()[0].ID
	ten.SetFaults(bcsim.Faults{RevokePermission: true, RevokeAsDialog: true})
	err := c.Invoices(ctx, co, paidWindow(), func(bc.InvoicePage) error { return nil })
	e, ok := failure.AsError(err)
	if !ok || e.Status != 400 || e.Kind != failure.KindPermission || failure.ExitCode(err) != 3 ||
		!strings.Contains(e.Fix, "D365 READ") || !strings.Contains(e.Message, "Purchase Invoices") {
		t.Fatalf("dialog refusal of invoices: %v (kind %v, exit %d, remedy %q)", err, kindOf(e), failure.ExitCode(err), failure.Remedy(err))
	}

	ten.SetFaults(bcsim.Faults{RefuseUsers: true, RevokeAsDialog: true})
	ten.ResetStats()
	res, err := c.Users(ctx, co)
	if e, ok := failure.AsError(err); !ok || e.Kind != failure.KindPermission || !strings.Contains(e.Fix, "D365 AUTOMATION") || res.LegacyNoEmail {
		t.Fatalf("dialog refusal of users: %v (legacy fallback %v, remedy %q)", err, res.LegacyNoEmail, failure.Remedy(err))
	}
	if n := ten.Stats().Paths["users"]; n != 1 {
		t.Errorf("%d users requests: the contactEmail fallback ran for a permission refusal", n)
	}
}

func kindOf(e *failure.Error) failure.Kind {
	if e == nil {
		return ""
	}
	return e.Kind
}

// A page BC cannot build within its operation limit (408) is asked for
// again at half the size, from the same position, until it fits; the
// chain keeps the smaller size and every invoice arrives exactly once.
func TestSlowPagesHalveThePageSize(t *testing.T) {
	ten, target := startSim(t, bcsim.Config{})
	// 1 minute per invoice against BC's 8-minute limit: pages of 9 or more time out.
	ten.SetFaults(bcsim.Faults{EntityCost: time.Minute})
	c := newClient(t, appCreds(target, bcsim.ClientID, bcsim.ClientSecret), simClock(ten, bc.ClientOptions{PageSize: 100, MinPageSize: 2}))
	co := ten.Companies()[0].ID
	got, pages, err := fetchAll(t, c, co, paidWindow())
	if err != nil {
		t.Fatal(err)
	}
	checkExactlyOnce(t, got, paidInWindow(ten, co, simNow.AddDate(-1, 0, 0), simNow))
	// 100, 50, 25 and 12 time out once each; 6 fits and stays.
	if st := ten.Stats(); st.Faults != 4 || pages < len(got)/6 {
		t.Errorf("%d timeouts, %d pages for %d invoices; want 4 timeouts and pages of 6", st.Faults, pages, len(got))
	}
}

// Pages still too slow at the smallest size: the error says which size
// failed and how to ask for a smaller one.
func TestTooSlowAtTheFloorNamesThePageSize(t *testing.T) {
	ten, target := startSim(t, bcsim.Config{})
	ten.SetFaults(bcsim.Faults{EntityCost: time.Minute})
	c := newClient(t, appCreds(target, bcsim.ClientID, bcsim.ClientSecret), simClock(ten, bc.ClientOptions{PageSize: 40, MinPageSize: 20}))
	_, _, err := fetchAll(t, c, ten.Companies()[0].ID, paidWindow())
	e, ok := failure.AsError(err)
	if !ok || e.Code != "page_too_slow" || !strings.Contains(e.Message, "20 entries") ||
		!strings.Contains(e.Fix, "bcspend sync --page-size 10") || !strings.Contains(e.Fix, "config set page-size") {
		t.Fatalf("got %v (remedy %q)", err, failure.Remedy(err))
	}
}

// The client's own timeout counts as a slow page too: a page that never
// answers is asked for again, smaller, instead of resent as is.
func TestClientTimeoutHalvesThePageSize(t *testing.T) {
	ten, target := startSim(t, bcsim.Config{})
	// Pages of 20 never answer; one timeout (generous, so a loaded machine
	// still serves the pages of 10 in time) and the chain goes on at 10.
	ten.SetFaults(bcsim.Faults{HangAbove: 10})
	c := newClient(t, appCreds(target, bcsim.ClientID, bcsim.ClientSecret),
		simClock(ten, bc.ClientOptions{PageSize: 20, MinPageSize: 5, RequestTimeout: 3 * time.Second}))
	co := ten.Companies()[0].ID
	got, _, err := fetchAll(t, c, co, paidWindow())
	if err != nil {
		t.Fatal(err)
	}
	checkExactlyOnce(t, got, paidInWindow(ten, co, simNow.AddDate(-1, 0, 0), simNow))
	if st := c.Stats(); st.Retries != 1 {
		t.Errorf("%d retries; want the one timed-out page asked for again at half the size", st.Retries)
	}
}

// BC allows 6,000 requests per sliding 5 minutes and answers 429 without
// Retry-After beyond that: the client waits until the window has moved,
// however long that takes, instead of giving up after a minute and a half.
func TestThrottlingWaitsForTheWindowToMove(t *testing.T) {
	ten, target := startSim(t, bcsim.Config{})
	ten.SetFaults(bcsim.Faults{RateLimit: 4, RateWindow: 5 * time.Minute})
	c := newClient(t, appCreds(target, bcsim.ClientID, bcsim.ClientSecret), simClock(ten, bc.ClientOptions{PageSize: 40, MaxInFlight: 1}))
	co := ten.Companies()[0].ID
	start := ten.Now()
	got, pages, err := fetchAll(t, c, co, paidWindow())
	if err != nil {
		t.Fatalf("gave up after %s of simulated time: %v", ten.Now().Sub(start), err)
	}
	checkExactlyOnce(t, got, paidInWindow(ten, co, simNow.AddDate(-1, 0, 0), simNow))
	st, cs := ten.Stats(), c.Stats()
	if st.RateLimited == 0 || pages <= 8 || cs.ThrottleWait < 5*time.Minute || cs.Throttled != st.RateLimited {
		t.Errorf("%d pages, %d throttled by BC, client saw %d and waited %s", pages, st.RateLimited, cs.Throttled, cs.ThrottleWait)
	}
}

// Waits of concurrent requests overlap: the reported throttling time is
// the wall-clock time during which something waited, not the sum.
func TestConcurrentThrottleWaitsCountOnce(t *testing.T) {
	var mu sync.Mutex
	seen := map[string]bool{}
	api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		first := !seen[r.URL.Path]
		seen[r.URL.Path] = true
		mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		if first {
			w.WriteHeader(http.StatusTooManyRequests)
			_, _ = w.Write([]byte(`{"error":{"code":"Application_TooManyRequests","message":"Too many requests."}}`))
			return
		}
		_, _ = w.Write([]byte(`{"value":[]}`))
	}))
	defer api.Close()

	now := time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)
	var waits []time.Duration
	release := make(chan struct{})
	opt := bc.ClientOptions{
		Now: func() time.Time { mu.Lock(); defer mu.Unlock(); return now },
		// Both requests wait at the same time: the second to arrive moves
		// the clock by the longer wait and lets both go.
		Sleep: func(ctx context.Context, d time.Duration) error {
			mu.Lock()
			waits = append(waits, d)
			if len(waits) == 2 {
				now = now.Add(max(waits[0], waits[1]))
				close(release)
			}
			mu.Unlock()
			<-release
			return nil
		}}
	target := bc.Target{APIURL: api.URL, Tenant: bcsim.TenantID, Environment: bcsim.Environment}
	c := bc.NewClient(target, staticToken("t"), opt)
	var wg sync.WaitGroup
	for _, co := range []string{"a", "b"} {
		wg.Go(func() {
			if _, err := c.Vendors(context.Background(), co); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	st := c.Stats()
	if longest := max(waits[0], waits[1]); st.Throttled != 2 || st.ThrottleWait != longest {
		t.Errorf("waits %v: reported %s over %d waits, want %s (the union)", waits, st.ThrottleWait, st.Throttled, longest)
	}
}

type staticToken string

func (s staticToken) Token(context.Context) (string, error) { return string(s), nil }
func (staticToken) Invalidate()                             {}

// The connection test reads invoices in every company: a permission set
// limited to some companies shows up as refusals of the others, while the
// connection still works for the rest.
func TestProbeReadsEveryCompany(t *testing.T) {
	ten, target := startSim(t, bcsim.Config{})
	cos := ten.Companies()
	denied := cos[0]
	for _, c := range cos {
		if c.ID > denied.ID {
			denied = c // the last one listed: a probe of the first alone misses it
		}
	}
	ten.SetFaults(bcsim.Faults{DenyCompany: denied.ID, RevokeAsDialog: true})
	c := newClient(t, appCreds(target, bcsim.ClientID, bcsim.ClientSecret), bc.ClientOptions{})
	var invoices bc.Step
	res, err := bc.Probe(context.Background(), c, func(s bc.Step) {
		if s.Name == bc.StepInvoices {
			invoices = s
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Refused) != 1 || failure.ExitCode(res.Refused[denied.ID]) != 3 {
		t.Fatalf("refused %v; want only %s, as a permission error", res.Refused, denied.Name)
	}
	if !invoices.OK || !strings.Contains(invoices.Warn, denied.Name) || !strings.Contains(invoices.Detail, "2 of 3") {
		t.Errorf("invoices step %+v", invoices)
	}
	ten.SetFaults(bcsim.Faults{RevokePermission: true})
	if _, err := bc.Probe(context.Background(), c, nil); failure.ExitCode(err) != 3 {
		t.Errorf("no company readable: %v", err)
	}
}

// BC answers 408 after 8 minutes of work and 504 after 10: the client's
// own timeout must be longer, or it hangs up before BC can say which.
func TestDefaultRequestTimeoutOutlastsBC(t *testing.T) {
	if bc.DefaultRequestTimeout <= 10*time.Minute {
		t.Fatalf("default request timeout %s is not above BC's 10-minute limit", bc.DefaultRequestTimeout)
	}
}

// A gateway timeout (504, BC's 10-minute limit) halves the page like a
// 408: a server that answers only small pages is read completely, each
// page asked for at the size that worked.
func TestGatewayTimeoutHalvesThePageSize(t *testing.T) {
	var mu sync.Mutex
	var sizes []string
	var api *httptest.Server
	api = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		size := strings.TrimPrefix(r.Header.Get("Prefer"), "odata.maxpagesize=")
		mu.Lock()
		sizes = append(sizes, size)
		mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		if len(size) > 1 { // 10 and more take BC too long
			w.WriteHeader(http.StatusGatewayTimeout)
			_, _ = w.Write([]byte(`{"error":{"code":"GatewayTimeout","message":"The operation timed out."}}`))
			return
		}
		if r.URL.Query().Get("$skiptoken") == "" {
			_, _ = w.Write([]byte(`{"value":[{"id":"v1"}],"@odata.nextLink":"` + api.URL + r.URL.Path + `?$skiptoken=v1"}`))
			return
		}
		_, _ = w.Write([]byte(`{"value":[{"id":"v2"}]}`))
	}))
	defer api.Close()
	target := bc.Target{APIURL: api.URL, Tenant: bcsim.TenantID, Environment: bcsim.Environment}
	c := bc.NewClient(target, staticToken("t"), bc.ClientOptions{PageSize: 40, MinPageSize: 2})
	vs, err := c.Vendors(context.Background(), "a")
	if err != nil || len(vs) != 2 {
		t.Fatalf("%d vendors, %v", len(vs), err)
	}
	if got := strings.Join(sizes, ","); got != "40,20,10,5,5" {
		t.Errorf("page sizes asked %s; want 40,20,10,5 then 5 for the next page", got)
	}
}
