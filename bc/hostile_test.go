package bc

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bcspend/bcspend/failure"
)

// hostile is a small server on loopback that answers like Entra and BC
// only as far as a test wants: api serves every /bc/ request. It counts
// every request it receives.
type hostile struct {
	srv      *httptest.Server
	requests atomic.Int64
	target   Target
}

const hostileTenant, hostileEnv = "11111111-2222-3333-4444-555555555555", "Production"

func newHostile(t *testing.T, api http.HandlerFunc) *hostile {
	t.Helper()
	h := &hostile{}
	h.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.requests.Add(1)
		if strings.HasSuffix(r.URL.Path, "/oauth2/v2.0/token") {
			w.Header().Set("Content-Type", "application/json")
			_, _ = w.Write([]byte(`{"access_token":"hostile-token","token_type":"Bearer","expires_in":3600}`))
			return
		}
		api(w, r)
	}))
	t.Cleanup(h.srv.Close)
	h.target = Target{AuthorityURL: h.srv.URL + "/entra", APIURL: h.srv.URL + "/bc", Tenant: hostileTenant, Environment: hostileEnv}
	return h
}

// client signs in with client credentials and never waits long between
// retries.
func (h *hostile) client(t *testing.T) *Client {
	t.Helper()
	creds := Credentials{Target: h.target, ClientID: hostileTenant, ClientSecret: "s3cret-value", Flow: FlowClientCredentials}
	ts, err := creds.NewTokenSource()
	if err != nil {
		t.Fatal(err)
	}
	return NewClient(h.target, ts, ClientOptions{MaxRetries: 2, Sleep: func(context.Context, time.Duration) error { return nil }})
}

func (h *hostile) companiesURL() string { return h.target.APIRoot() + "/companies" }

func writeJSON(w http.ResponseWriter, s string) {
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write([]byte(s))
}

// A nextLink that points to itself, or back to an earlier page, ends the
// list with an error at the first repeat.
func TestRepeatedNextLinkIsDetected(t *testing.T) {
	for name, next := range map[string]func(h *hostile, r *http.Request) string{
		"self": func(h *hostile, r *http.Request) string { return h.companiesURL() },
		"ping-pong": func(h *hostile, r *http.Request) string {
			if r.URL.Query().Get("page") == "b" {
				return h.companiesURL()
			}
			return h.companiesURL() + "?page=b"
		},
	} {
		t.Run(name, func(t *testing.T) {
			var h *hostile
			h = newHostile(t, func(w http.ResponseWriter, r *http.Request) {
				writeJSON(w, `{"value":[{"id":"c1","name":"A"}],"@odata.nextLink":"`+next(h, r)+`"}`)
			})
			_, err := h.client(t).Companies(context.Background())
			e, ok := failure.AsError(err)
			if !ok || e.Code != "paging_loop" || e.Fix == "" {
				t.Fatalf("err %v: want paging_loop", err)
			}
			if n := h.requests.Load(); n > 4 {
				t.Errorf("%d requests for a loop of at most 2 links", n)
			}
		})
	}
}

// A server that hands out fresh links forever is stopped at the page cap.
func TestEndlessNextLinksStopAtThePageCap(t *testing.T) {
	old := maxPagesPerChain
	maxPagesPerChain = 50
	t.Cleanup(func() { maxPagesPerChain = old })
	var page atomic.Int64
	var h *hostile
	h = newHostile(t, func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, `{"value":[],"@odata.nextLink":"`+h.companiesURL()+"?$skiptoken="+strconv.FormatInt(page.Add(1), 10)+`"}`)
	})
	_, err := h.client(t).Companies(context.Background())
	if e, ok := failure.AsError(err); !ok || e.Code != "paging_loop" || !strings.Contains(e.Message, "50 pages") {
		t.Fatalf("err %v: want the page cap", err)
	}
	if n := page.Load(); n != 50 {
		t.Errorf("%d pages served, want exactly the cap", n)
	}
}

// A body of a gigabyte is cut at the limit: the client stops reading long
// before the server stops writing, and says what happened.
func TestHugeBodyIsRefusedAtTheLimit(t *testing.T) {
	var written atomic.Int64
	h := newHostile(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		chunk := []byte(strings.Repeat(`{"id":"x","name":"yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy"},`, 1000))
		_, _ = w.Write([]byte(`{"value":[`))
		for written.Load() < 1<<30 {
			n, err := w.Write(chunk)
			written.Add(int64(n))
			if err != nil {
				return
			}
		}
	})
	_, err := h.client(t).Companies(context.Background())
	if e, ok := failure.AsError(err); !ok || e.Code != "response_too_large" || e.Fix == "" {
		t.Fatalf("err %v: want response_too_large", err)
	}
	h.srv.CloseClientConnections()
	if n := written.Load(); n >= 1<<30 {
		t.Errorf("the server wrote the whole %d bytes: the client read them all", n)
	}
}

// Many tiny objects: a small body that would decode into gigabytes of
// records is refused by count.
func TestPageOfTooManyRecordsIsRefused(t *testing.T) {
	h := newHostile(t, func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, `{"value":[`+strings.Repeat(`{},`, maxObjects)+`{}]}`)
	})
	_, err := h.client(t).Companies(context.Background())
	if e, ok := failure.AsError(err); !ok || e.Code != "bad_response" || !strings.Contains(e.Message, "records") {
		t.Fatalf("err %v: want too many records", err)
	}
}

// HTML or a corrupt value is a bad response, never "could not reach", and
// is not retried (the same server sends the same answer).
func TestBadBodyIsABadResponseNotANetworkFailure(t *testing.T) {
	for name, body := range map[string]string{
		"html":          `<!DOCTYPE html><html><body>Proxy login</body></html>`,
		"corrupt value": `{"value":[{"id":"c1","systemModifiedAt":"yesterday"}]}`,
		"no value":      `{"@odata.context":"x"}`,
		"trailing":      `{"value":[]} {"value":[]}`,
	} {
		t.Run(name, func(t *testing.T) {
			var apiCalls atomic.Int64
			h := newHostile(t, func(w http.ResponseWriter, r *http.Request) {
				apiCalls.Add(1)
				writeJSON(w, body)
			})
			_, err := h.client(t).Companies(context.Background())
			e, ok := failure.AsError(err)
			if !ok || e.Kind != failure.KindProtocol || e.Code != "bad_response" || strings.Contains(e.Message, "reach") {
				t.Fatalf("err %v (%+v): want a bad response", err, e)
			}
			if n := apiCalls.Load(); n != 1 {
				t.Errorf("%d API requests: a bad answer must not be retried", n)
			}
		})
	}
}

// A body cut mid-stream is still a network failure, retried.
func TestCutBodyIsRetried(t *testing.T) {
	var calls atomic.Int64
	h := newHostile(t, func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) == 1 {
			w.Header().Set("Content-Length", "100")
			_, _ = w.Write([]byte(`{"value":[`))
			return // the server closes after fewer bytes than promised
		}
		writeJSON(w, `{"value":[{"id":"c1","name":"A"}]}`)
	})
	cs, err := h.client(t).Companies(context.Background())
	if err != nil || len(cs) != 1 || calls.Load() != 2 {
		t.Fatalf("companies %v, err %v, %d calls: want one retry", cs, err, calls.Load())
	}
}

// A token endpoint that answers 200 with HTML (a proxy's sign-in page) is a
// bad answer, not "could not reach the service".
func TestTokenEndpointAnsweringHTMLIsABadResponse(t *testing.T) {
	h := newHostile(t, func(w http.ResponseWriter, r *http.Request) {})
	h.srv.Config.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		_, _ = w.Write([]byte("<html><body>Please sign in to the proxy</body></html>"))
	})
	creds := Credentials{Target: h.target, ClientID: hostileTenant, ClientSecret: "s3cret-value", Flow: FlowClientCredentials}
	ts, err := creds.NewTokenSource()
	if err != nil {
		t.Fatal(err)
	}
	_, err = ts.Token(context.Background())
	if e, ok := failure.AsError(err); !ok || e.Kind != failure.KindProtocol || e.Code != "bad_token_response" || strings.Contains(e.Message, "reach") {
		t.Fatalf("err %v: want a bad token response", err)
	}
}
