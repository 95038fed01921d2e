package bcsim

import (
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

func ccForm(id, secret, scope string) url.Values {
	v := url.Values{"grant_type": {"client_credentials"}, "client_id": {id}, "scope": {scope}}
	if secret != "" {
		v.Set("client_secret", secret)
	}
	return v
}

func TestClientCredentialsErrors(t *testing.T) {
	tn, srv := start(t, Config{Seed: 1})
	bcScope := Resource + "/.default"
	cases := []struct {
		name   string
		url    string
		form   url.Values
		status int
		err    string
		code   int
	}{
		{"unknown tenant", srv.AuthorityURL() + "/00000000-0000-0000-0000-000000000001/oauth2/v2.0/token", ccForm(ClientID, ClientSecret, bcScope), 400, "invalid_request", 90002},
		{"unknown client", tokenURL(srv), ccForm("11111111-2222-3333-4444-555555555555", ClientSecret, bcScope), 400, "unauthorized_client", 700016},
		{"wrong secret", tokenURL(srv), ccForm(ClientID, "nope", bcScope), 401, "invalid_client", 7000215},
		{"secret id instead of value", tokenURL(srv), ccForm(ClientID, ClientSecretID, bcScope), 401, "invalid_client", 7000215},
		{"no secret", tokenURL(srv), ccForm(ClientID, "", bcScope), 401, "invalid_client", 7000218},
		{"expired secret", tokenURL(srv), ccForm(ExpiredClientID, ExpiredClientSecret, bcScope), 401, "invalid_client", 7000222},
		{"bad scope", tokenURL(srv), ccForm(ClientID, ClientSecret, Resource+"/Financials.ReadWrite.All"), 400, "invalid_scope", 70011},
		{"no consent", tokenURL(srv), ccForm(NoConsentClientID, NoConsentClientSecret, bcScope), 400, "invalid_grant", 65001},
	}
	for _, c := range cases {
		st, tr := postForm(t, c.url, c.form)
		if st != c.status || tr.Error != c.err || len(tr.ErrorCodes) != 1 || tr.ErrorCodes[0] != c.code {
			t.Errorf("%s: got %d %s %v, want %d %s %d", c.name, st, tr.Error, tr.ErrorCodes, c.status, c.err, c.code)
		}
	}
	// The domain works as well as the GUID.
	st, tr := postForm(t, srv.AuthorityURL()+"/"+TenantDomain+"/oauth2/v2.0/token", ccForm(ClientID, ClientSecret, bcScope))
	if st != 200 || tr.ExpiresIn != 3600 {
		t.Fatalf("domain tenant: %d %+v", st, tr)
	}
	tn.SetFaults(Faults{ExpireSecret: true})
	if st, tr := postForm(t, tokenURL(srv), ccForm(ClientID, ClientSecret, bcScope)); st != 401 || tr.ErrorCodes[0] != 7000222 {
		t.Fatalf("ExpireSecret: %d %+v", st, tr)
	}
}

func TestAppTokensAgainstBC(t *testing.T) {
	tn, srv := start(t, Config{Seed: 1})
	c := tn.Companies()[0]
	inv := root(srv) + "/companies(" + c.ID + ")/purchaseInvoices"
	users := srv.APIURL() + "/v2.0/" + TenantID + "/" + Environment + "/api/microsoft/automation/v2.0/companies(" + c.ID + ")/users"

	good := appToken(t, srv, ClientID, ClientSecret)
	for _, u := range []string{inv, users} {
		if resp, b := get(t, good, u, 5); resp.StatusCode != 200 {
			t.Fatalf("%s: %d %s", u, resp.StatusCode, b)
		}
	}
	notInBC := appToken(t, srv, NotInBCClientID, NotInBCClientSecret)
	noRoles := appToken(t, srv, NoRolesClientID, NoRolesClientSecret)
	for _, tok := range []string{notInBC, noRoles, "garbage", ""} {
		resp, b := get(t, tok, inv, 5)
		if resp.StatusCode != 401 || !strings.Contains(string(b), `"Authentication_InvalidCredentials"`) || !strings.Contains(string(b), "CorrelationId:  ") {
			t.Fatalf("want 401 JSON, got %d %s", resp.StatusCode, b)
		}
	}
	noAuto := appToken(t, srv, NoAutomationClientID, NoAutomationClientSecret)
	if resp, _ := get(t, noAuto, inv, 5); resp.StatusCode != 200 {
		t.Fatalf("no-automation app on invoices: %d", resp.StatusCode)
	}
	if resp, b := get(t, noAuto, users, 5); resp.StatusCode != 403 || !strings.Contains(string(b), "current permissions prevented the action") {
		t.Fatalf("no-automation app on users: %d %s", resp.StatusCode, b)
	}
	// A Graph token is a valid token for the wrong audience: XML 401.
	_, tr := postForm(t, tokenURL(srv), ccForm(ClientID, ClientSecret, GraphResource+"/.default"))
	resp, b := get(t, tr.AccessToken, inv, 5)
	if resp.StatusCode != 401 || !strings.Contains(string(b), "<code>Unauthorized</code>") {
		t.Fatalf("graph token: %d %s", resp.StatusCode, b)
	}
	// Unknown environment: routing-layer XML.
	resp, b = get(t, good, srv.APIURL()+"/v2.0/"+TenantID+"/Sandbox/api/v2.0/companies", 5)
	if resp.StatusCode != 404 || string(b) == "" || !strings.Contains(string(b), `<error xmlns="http://docs.oasis-open.org/odata/ns/metadata"><code>NoEnvironment</code><message>Environment does not exist.</message></error>`) {
		t.Fatalf("NoEnvironment: %d %s", resp.StatusCode, b)
	}
}

func TestTokenExpiry(t *testing.T) {
	tn, srv := start(t, Config{Seed: 1, TokenLifetime: time.Second})
	tok := appToken(t, srv, ClientID, ClientSecret)
	u := root(srv) + "/companies(" + tn.Companies()[0].ID + ")/vendors"
	if resp, _ := get(t, tok, u, 5); resp.StatusCode != 200 {
		t.Fatalf("fresh token: %d", resp.StatusCode)
	}
	tn.Advance(time.Second)
	resp, _ := get(t, tok, u, 5)
	if resp.StatusCode != 401 || !strings.Contains(resp.Header.Get("WWW-Authenticate"), "expired") {
		t.Fatalf("expired token: %d %v", resp.StatusCode, resp.Header)
	}
}

func deviceStart(t *testing.T, srv *Server, client string) (dc, uc string) {
	t.Helper()
	resp, err := http.PostForm(srv.AuthorityURL()+"/"+TenantID+"/oauth2/v2.0/devicecode",
		url.Values{"client_id": {client}, "scope": {Resource + "/Financials.ReadWrite.All offline_access"}})
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var d struct {
		DeviceCode, UserCode, VerificationURI, Message string
		ExpiresIn, Interval                            int
	}
	var raw map[string]any
	if err := jsonDecode(resp.Body, &raw); err != nil {
		t.Fatal(err)
	}
	d.DeviceCode, _ = raw["device_code"].(string)
	d.UserCode, _ = raw["user_code"].(string)
	d.VerificationURI, _ = raw["verification_uri"].(string)
	d.Message, _ = raw["message"].(string)
	if resp.StatusCode != 200 || d.DeviceCode == "" || len(d.UserCode) != 9 || d.VerificationURI == "" || raw["expires_in"] != float64(900) || raw["interval"] == nil || !strings.Contains(d.Message, d.UserCode) {
		t.Fatalf("devicecode: %d %v", resp.StatusCode, raw)
	}
	return d.DeviceCode, d.UserCode
}

func poll(t *testing.T, srv *Server, client, secret, dc string) (int, tokenResp) {
	v := url.Values{"grant_type": {deviceGrant}, "client_id": {client}, "device_code": {dc}}
	if secret != "" {
		v.Set("client_secret", secret)
	}
	return postForm(t, tokenURL(srv), v)
}

func TestDeviceCode(t *testing.T) {
	tn, srv := start(t, Config{Seed: 1, DeviceApproveAfter: 1})
	dc, _ := deviceStart(t, srv, PublicClientID)
	if _, tr := poll(t, srv, PublicClientID, "", dc); tr.Error != "authorization_pending" {
		t.Fatalf("first poll: %+v", tr)
	}
	if _, tr := poll(t, srv, PublicClientID, "", dc); tr.Error != "slow_down" {
		t.Fatalf("fast poll: %+v", tr)
	}
	tn.Advance(deviceInterval)
	st, tr := poll(t, srv, PublicClientID, "", dc)
	if st != 200 || tr.AccessToken == "" || tr.RefreshToken == "" {
		t.Fatalf("approved poll: %d %+v", st, tr)
	}
	// The delegated token reads BC, users included.
	c := tn.Companies()[0]
	if resp, b := get(t, tr.AccessToken, srv.APIURL()+"/v2.0/"+TenantID+"/"+Environment+"/api/microsoft/automation/v2.0/companies("+c.ID+")/users", 0); resp.StatusCode != 200 {
		t.Fatalf("delegated users: %d %s", resp.StatusCode, b)
	}
	if _, tr := poll(t, srv, PublicClientID, "", "nonsense"); tr.Error != "bad_verification_code" {
		t.Fatalf("bad code: %+v", tr)
	}

	// A public client must not send a secret; a confidential-only app cannot do device code without one.
	dc, uc := deviceStart(t, srv, PublicClientID)
	if st, tr := poll(t, srv, PublicClientID, "secret", dc); st != 401 || tr.ErrorCodes[0] != 700025 {
		t.Fatalf("public with secret: %d %+v", st, tr)
	}
	if err := tn.DeclineDevice(uc); err != nil {
		t.Fatal(err)
	}
	if _, tr := poll(t, srv, PublicClientID, "", dc); tr.Error != "authorization_declined" {
		t.Fatalf("declined: %+v", tr)
	}
	dc, uc = deviceStart(t, srv, PublicClientID)
	_ = tn.ExpireDevice(uc)
	if _, tr := poll(t, srv, PublicClientID, "", dc); tr.Error != "expired_token" {
		t.Fatalf("expired: %+v", tr)
	}
	dc, _ = deviceStart(t, srv, ConfidentialOnlyClientID)
	if st, tr := poll(t, srv, ConfidentialOnlyClientID, "", dc); st != 401 || tr.ErrorCodes[0] != 7000218 {
		t.Fatalf("confidential-only: %d %+v", st, tr)
	}
}

func TestDeviceManualApproval(t *testing.T) {
	tn, srv := start(t, Config{Seed: 1, DeviceApproveAfter: 1000})
	dc, uc := deviceStart(t, srv, PublicClientID)
	if _, tr := poll(t, srv, PublicClientID, "", dc); tr.Error != "authorization_pending" {
		t.Fatalf("pending: %+v", tr)
	}
	if err := tn.ApproveDevice(strings.ToLower(uc)); err != nil {
		t.Fatal(err)
	}
	tn.Advance(deviceInterval)
	if st, tr := poll(t, srv, PublicClientID, "", dc); st != 200 {
		t.Fatalf("after approval: %d %+v", st, tr)
	}
}

func pkce() (verifier, challenge string) {
	verifier = "verifier-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFG"
	h := sha256.Sum256([]byte(verifier))
	return verifier, base64.RawURLEncoding.EncodeToString(h[:])
}

// authorize runs the browser leg and returns the redirect's query.
func authorize(t *testing.T, srv *Server, v url.Values) (int, url.Values) {
	t.Helper()
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := c.Get(srv.AuthorityURL() + "/" + TenantID + "/oauth2/v2.0/authorize?" + v.Encode())
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	loc, _ := url.Parse(resp.Header.Get("Location"))
	if loc == nil {
		return resp.StatusCode, nil
	}
	return resp.StatusCode, loc.Query()
}

func TestAuthorizationCodePKCEAndRefreshRotation(t *testing.T) {
	tn, srv := start(t, Config{Seed: 1})
	verifier, challenge := pkce()
	redirect := "http://localhost:53123/callback"
	base := url.Values{"client_id": {PublicClientID}, "response_type": {"code"}, "redirect_uri": {redirect},
		"scope": {Resource + "/Financials.ReadWrite.All offline_access"}, "state": {"xyz"}}

	// PKCE is required for the public client; non-loopback redirects are refused.
	if st, qv := authorize(t, srv, base); st != 302 || qv.Get("error") != "invalid_request" || qv.Get("state") != "xyz" {
		t.Fatalf("no PKCE: %d %v", st, qv)
	}
	bad := cloneValues(base)
	bad.Set("redirect_uri", "https://evil.example/cb")
	if st, _ := authorize(t, srv, bad); st != 400 {
		t.Fatalf("evil redirect: %d", st)
	}
	ok := cloneValues(base)
	ok.Set("code_challenge", challenge)
	ok.Set("code_challenge_method", "S256")
	st, qv := authorize(t, srv, ok)
	if st != 302 || qv.Get("code") == "" || qv.Get("state") != "xyz" {
		t.Fatalf("authorize: %d %v", st, qv)
	}
	redeem := func(code, verifier, redirect string) (int, tokenResp) {
		return postForm(t, tokenURL(srv), url.Values{"grant_type": {"authorization_code"}, "client_id": {PublicClientID},
			"code": {code}, "redirect_uri": {redirect}, "code_verifier": {verifier}})
	}
	if st, tr := redeem(qv.Get("code"), "wrong-verifier", redirect); st != 400 || tr.Error != "invalid_grant" {
		t.Fatalf("wrong verifier: %d %+v", st, tr)
	}
	if st, tr := redeem(qv.Get("code"), verifier, "http://localhost:1/other"); st != 400 || tr.Error != "invalid_grant" {
		t.Fatalf("wrong redirect: %d %+v", st, tr)
	}
	st, tr := redeem(qv.Get("code"), verifier, redirect)
	if st != 200 || tr.AccessToken == "" || tr.RefreshToken == "" {
		t.Fatalf("redeem: %d %+v", st, tr)
	}
	if st, _ := redeem(qv.Get("code"), verifier, redirect); st != 400 {
		t.Fatalf("code reuse: %d", st)
	}

	refresh := func(rt string) (int, tokenResp) {
		return postForm(t, tokenURL(srv), url.Values{"grant_type": {"refresh_token"}, "client_id": {PublicClientID}, "refresh_token": {rt},
			"scope": {Resource + "/" + DelegatedScope + " offline_access"}})
	}
	st, tr2 := refresh(tr.RefreshToken)
	if st != 200 || tr2.RefreshToken == "" || tr2.RefreshToken == tr.RefreshToken {
		t.Fatalf("refresh: %d %+v", st, tr2)
	}
	if st, old := refresh(tr.RefreshToken); st != 400 || old.ErrorCodes[0] != 70008 {
		t.Fatalf("reused refresh token: %d %+v", st, old)
	}
	st, tr3 := refresh(tr2.RefreshToken)
	if st != 200 {
		t.Fatalf("rotated token: %d", st)
	}
	if resp, _ := get(t, tr3.AccessToken, root(srv)+"/companies", 0); resp.StatusCode != 200 {
		t.Fatalf("refreshed token with scope: %d", resp.StatusCode)
	}
	// Without scope, Entra may narrow the token: BC then refuses it.
	st, narrow := postForm(t, tokenURL(srv), url.Values{"grant_type": {"refresh_token"}, "client_id": {PublicClientID}, "refresh_token": {tr3.RefreshToken}})
	if st != 200 || narrow.RefreshToken == "" {
		t.Fatalf("refresh without scope: %d %+v", st, narrow)
	}
	if resp, _ := get(t, narrow.AccessToken, root(srv)+"/companies", 0); resp.StatusCode != 401 {
		t.Fatalf("narrowed token accepted by BC: %d", resp.StatusCode)
	}
	s := tn.Stats()
	if s.RefreshRotations != 3 || s.TokensIssued != 4 || s.RefreshWithoutScope != 1 {
		t.Fatalf("stats: %+v", s)
	}
}

func cloneValues(v url.Values) url.Values {
	out := url.Values{}
	for k, vs := range v {
		out[k] = append([]string(nil), vs...)
	}
	return out
}

func TestStartWildcardAddress(t *testing.T) {
	tn := New(Config{Seed: 1, Now: testNow, InvoicesPerMonth: 2})
	srv, err := tn.Start(":0")
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	if !strings.HasPrefix(srv.URL(), "http://127.0.0.1:") {
		t.Fatalf("URL %s", srv.URL())
	}
	appToken(t, srv, ClientID, ClientSecret)
}

// A device code lives 15 minutes of tenant time: advancing the clock
// past it expires the code, with no waiting.
func TestDeviceCodeExpiresByTheTenantClock(t *testing.T) {
	tn, srv := start(t, Config{Seed: 1, DeviceApproveAfter: 1000})
	dc, _ := deviceStart(t, srv, PublicClientID)
	if _, tr := poll(t, srv, PublicClientID, "", dc); tr.Error != "authorization_pending" {
		t.Fatalf("fresh code: %+v", tr)
	}
	tn.Advance(15*time.Minute + time.Second)
	if _, tr := poll(t, srv, PublicClientID, "", dc); tr.Error != "expired_token" {
		t.Fatalf("after 15 minutes: %+v", tr)
	}
}
