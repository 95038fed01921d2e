package bc

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bcspend/bcspend/failure"
)

func TestCheckServiceURL(t *testing.T) {
	for _, ok := range []string{"https://login.microsoftonline.com", "https://api.businesscentral.dynamics.com/",
		"http://127.0.0.1:8080/bc", "http://[::1]:1/entra", "http://localhost:3", "http://127.9.9.9"} {
		if err := CheckServiceURL("--api-url", ok); err != nil {
			t.Errorf("%s refused: %v", ok, err)
		}
	}
	for _, bad := range []string{"http://bc.example.com", "http://10.0.0.1:8080", "http://localhost.example.com",
		"ftp://127.0.0.1", "javascript:alert(1)", "https://", "http://user:pw@127.0.0.1", "//127.0.0.1",
		"api.businesscentral.dynamics.com", "https://x/?a=b", "http://0.0.0.0:80"} {
		err := CheckServiceURL("--api-url", bad)
		if e, ok := failure.AsError(err); !ok || e.Kind != failure.KindInput || failure.ExitCode(err) != 2 || !strings.Contains(e.Message, "--api-url") || e.Fix == "" {
			t.Errorf("%s: %v, want an input error naming the flag", bad, err)
		}
	}
}

// countingDialer stands for the network: it counts connection attempts and
// makes none, so a test can prove nothing was sent without sending anything.
func countingDialer(dials *atomic.Int64) *http.Client {
	return &http.Client{Transport: &http.Transport{DialContext: func(context.Context, string, string) (net.Conn, error) {
		dials.Add(1)
		return nil, errors.New("test: no network")
	}}}
}

// Plain http to another machine is refused by every flow before a single
// connection is attempted: the secret and the token never leave.
func TestPlainHTTPToAnotherHostIsRefusedBeforeAnyRequest(t *testing.T) {
	for _, tc := range []struct{ name, authority, api, flag string }{
		{"authority", "http://login.example.com", "https://api.example.com", "--authority-url"},
		{"api", "https://login.example.com", "http://api.example.com", "--api-url"},
		{"scheme", "https://login.example.com", "gopher://api.example.com", "--api-url"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var dials atomic.Int64
			hc := countingDialer(&dials)
			target := Target{AuthorityURL: tc.authority, APIURL: tc.api, Tenant: hostileTenant, Environment: hostileEnv}
			check := func(what string, err error) {
				t.Helper()
				if e, ok := failure.AsError(err); !ok || e.Kind != failure.KindInput || !strings.Contains(e.Message, tc.flag) {
					t.Errorf("%s: %v, want an input error naming %s", what, err, tc.flag)
				}
			}
			creds := Credentials{Target: target, ClientID: hostileTenant, ClientSecret: "s3cret-value", Flow: FlowClientCredentials, HTTPClient: hc}
			_, err := creds.NewTokenSource()
			check("client credentials", err)
			creds.Flow = FlowDevice
			_, err = creds.DeviceSignIn(context.Background(), func(DeviceCode) {})
			check("device", err)
			_, err = creds.BrowserSignIn(context.Background(), BrowserOptions{Open: func(string) error { return nil }, Timeout: time.Second})
			check("browser", err)
			c := NewClient(target, staticToken("tok"), ClientOptions{HTTPClient: hc})
			_, err = c.Companies(context.Background())
			check("api", err)
			if n := dials.Load(); n != 0 {
				t.Errorf("%d connection attempts: the refusal came too late", n)
			}
		})
	}
}

type staticToken string

func (s staticToken) Token(context.Context) (string, error) { return string(s), nil }
func (staticToken) Invalidate()                             {}

// elsewhere is another server on another port of the same host; it counts
// what reaches it.
type elsewhere struct {
	srv                  *httptest.Server
	hits, withAuth, body atomic.Int64
}

func newElsewhere(t *testing.T) *elsewhere {
	e := &elsewhere{}
	e.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		e.hits.Add(1)
		if r.Header.Get("Authorization") != "" {
			e.withAuth.Add(1)
		}
		if b, _ := io.ReadAll(r.Body); strings.Contains(string(b), "s3cret") {
			e.body.Add(1)
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"access_token":"stolen","token_type":"Bearer","expires_in":3600,"value":[]}`))
	}))
	t.Cleanup(e.srv.Close)
	return e
}

// A 307 from the token endpoint would make Go POST the secret again to
// wherever it points.
func TestTokenEndpointRedirectIsNotFollowed(t *testing.T) {
	other := newElsewhere(t)
	h := newHostile(t, func(w http.ResponseWriter, r *http.Request) {})
	h.srv.Config.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, other.srv.URL+"/token", http.StatusTemporaryRedirect)
	})
	creds := Credentials{Target: h.target, ClientID: hostileTenant, ClientSecret: "s3cret-value", Flow: FlowClientCredentials}
	ts, err := creds.NewTokenSource()
	if err != nil {
		t.Fatal(err)
	}
	_, err = ts.Token(context.Background())
	if e, ok := failure.AsError(err); !ok || e.Code != "redirect_refused" || e.Fix == "" {
		t.Fatalf("err %v: want redirect_refused", err)
	}
	if other.hits.Load() != 0 || other.body.Load() != 0 {
		t.Fatalf("the redirect was followed: %d hits, %d with the secret", other.hits.Load(), other.body.Load())
	}
}

// An API redirect to another port of the same host would carry the bearer
// token there (Go keeps Authorization when only the port differs).
func TestAPIRedirectIsNotFollowed(t *testing.T) {
	other := newElsewhere(t)
	h := newHostile(t, func(w http.ResponseWriter, r *http.Request) {
		u, _ := url.Parse(other.srv.URL)
		u.Path = r.URL.Path
		http.Redirect(w, r, u.String(), http.StatusFound)
	})
	_, err := h.client(t).Companies(context.Background())
	if e, ok := failure.AsError(err); !ok || e.Code != "redirect_refused" {
		t.Fatalf("err %v: want redirect_refused", err)
	}
	if other.hits.Load() != 0 || other.withAuth.Load() != 0 {
		t.Fatalf("the redirect was followed: %d hits, %d with the token", other.hits.Load(), other.withAuth.Load())
	}
}

// A redirect to the sign-in listener with another state is not this
// sign-in: the browser page must not say it signed in.
func TestBrowserRedirectWithWrongStateDoesNotSaySignedIn(t *testing.T) {
	h := newHostile(t, func(w http.ResponseWriter, r *http.Request) {})
	creds := Credentials{Target: h.target, ClientID: hostileTenant, Flow: FlowBrowser}
	page := make(chan string, 1)
	_, err := creds.BrowserSignIn(context.Background(), BrowserOptions{Timeout: 10 * time.Second, Open: func(auth string) error {
		u, err := url.Parse(auth)
		if err != nil {
			return err
		}
		go func() {
			resp, err := http.Get(u.Query().Get("redirect_uri") + "/?code=abc&state=forged")
			if err != nil {
				page <- err.Error()
				return
			}
			defer resp.Body.Close()
			b, _ := io.ReadAll(resp.Body)
			page <- string(b)
		}()
		return nil
	}})
	if e, ok := failure.AsError(err); !ok || e.Code != "state_mismatch" {
		t.Fatalf("err %v: want state_mismatch", err)
	}
	if got := <-page; strings.Contains(got, "signed in") || !strings.Contains(got, "failed") {
		t.Fatalf("browser page with a forged state: %q", got)
	}
}
