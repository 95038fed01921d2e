package bcsim

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"testing"
	"time"
)

var testNow = time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)

// start runs a tenant on loopback for one test.
func start(t *testing.T, cfg Config) (*Tenant, *Server) {
	t.Helper()
	if cfg.Now.IsZero() {
		cfg.Now = testNow
	}
	tn := New(cfg)
	srv, err := tn.Start("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Close() })
	return tn, srv
}

type tokenResp struct {
	AccessToken  string `json:"access_token"`
	RefreshToken string `json:"refresh_token"`
	ExpiresIn    int    `json:"expires_in"`
	Error        string `json:"error"`
	ErrorCodes   []int  `json:"error_codes"`
}

// postForm posts to an Entra endpoint and decodes the JSON answer.
func postForm(t *testing.T, u string, v url.Values) (int, tokenResp) {
	t.Helper()
	resp, err := http.PostForm(u, v)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var tr tokenResp
	if err := json.NewDecoder(resp.Body).Decode(&tr); err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, tr
}

func tokenURL(srv *Server) string { return srv.AuthorityURL() + "/" + TenantID + "/oauth2/v2.0/token" }

func appToken(t *testing.T, srv *Server, id, secret string) string {
	t.Helper()
	st, tr := postForm(t, tokenURL(srv), url.Values{"grant_type": {"client_credentials"}, "client_id": {id}, "client_secret": {secret}, "scope": {Resource + "/.default"}})
	if st != 200 || tr.AccessToken == "" {
		t.Fatalf("token: %d %+v", st, tr)
	}
	return tr.AccessToken
}

func root(srv *Server) string {
	return srv.APIURL() + "/v2.0/" + TenantID + "/" + Environment + "/api/v2.0"
}

// get fetches a BC URL with a token and optional page size.
func get(t *testing.T, tok, u string, pageSize int) (*http.Response, []byte) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, u, nil)
	if tok != "" {
		req.Header.Set("Authorization", "Bearer "+tok)
	}
	if pageSize > 0 {
		req.Header.Set("Prefer", "odata.maxpagesize="+itoa(int64(pageSize)))
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, b
}

// getAll follows nextLink to the end and returns every entity.
func getAll[T any](t *testing.T, tok, u string, pageSize int) ([]T, int) {
	t.Helper()
	var all []T
	pages := 0
	for u != "" {
		resp, b := get(t, tok, u, pageSize)
		if resp.StatusCode != 200 {
			t.Fatalf("GET %s: %d %s", u, resp.StatusCode, b)
		}
		var p struct {
			Value    []T    `json:"value"`
			NextLink string `json:"@odata.nextLink"`
		}
		if err := json.Unmarshal(b, &p); err != nil {
			t.Fatal(err)
		}
		all = append(all, p.Value...)
		pages++
		u = p.NextLink
	}
	return all, pages
}

func q(s string) string { return url.QueryEscape(s) }

func jsonDecode(r io.Reader, v any) error { return json.NewDecoder(r).Decode(v) }

// baseClaimsFor builds an app token's claims without an HTTP round trip.
func (t *Tenant) baseClaimsFor(clientID string) claims {
	a := lookupApp(clientID)
	c := t.baseClaims(a, Resource)
	c.Roles = a.roles
	return c
}
