package bcsim

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
)

// The Entra ID side: /{tenant}/oauth2/v2.0/{token,devicecode,authorize}.

const deviceGrant = "urn:ietf:params:oauth:grant-type:device_code"

// deviceInterval is the polling interval handed out; short, because tests
// and the demo wait through it.
const deviceInterval = time.Second

type deviceFlow struct {
	userCode, clientID, scope   string
	polls                       int
	approved, declined, claimed bool
	expires, lastPoll           time.Time
}

type authCode struct {
	clientID, redirect, challenge, scope string
	expires                              time.Time
	used                                 bool
}

type grant struct{ clientID, scope string }

type authState struct {
	mu      sync.Mutex
	devices map[string]*deviceFlow // by device_code
	codes   map[string]*authCode
	refresh map[string]grant
	renewed []string // secrets added to the main app by NewClientSecret
	issued  []string // every access and refresh token handed out
}

// IssuedTokens lists every access and refresh token the tenant has handed
// out, so a test can prove none of them leaks (into a trace, a log, an
// export).
func (t *Tenant) IssuedTokens() []string {
	t.auth.mu.Lock()
	defer t.auth.mu.Unlock()
	return append([]string(nil), t.auth.issued...)
}

func (s *authState) init() {
	s.devices = map[string]*deviceFlow{}
	s.codes = map[string]*authCode{}
	s.refresh = map[string]grant{}
}

func knownTenant(t string) bool {
	return strings.EqualFold(t, TenantID) || strings.EqualFold(t, TenantDomain)
}

// serveEntra routes /entra/... (the prefix already stripped).
func (t *Tenant) serveEntra(w http.ResponseWriter, r *http.Request, path string) {
	t.statsDo(func(s *Stats) { s.EntraRequests++ })
	if path == "devicelogin" {
		t.statsDo(func(s *Stats) { s.Paths["devicelogin"]++ })
		t.deviceLogin(w, r)
		return
	}
	parts := strings.Split(path, "/")
	if len(parts) != 4 || parts[1] != "oauth2" || parts[2] != "v2.0" {
		http.NotFound(w, r)
		return
	}
	ep := parts[3]
	t.statsDo(func(s *Stats) { s.Paths[ep]++ })
	if !knownTenant(parts[0]) {
		if ep == "authorize" {
			http.Error(w, "AADSTS90002: Tenant '"+parts[0]+"' not found.", http.StatusBadRequest)
			return
		}
		errUnknownTenant(parts[0]).write(w)
		return
	}
	switch ep {
	case "token":
		t.token(w, r)
	case "devicecode":
		t.deviceCode(w, r)
	case "authorize":
		t.authorize(w, r)
	default:
		http.NotFound(w, r)
	}
}

// clientAuth reads client_id and client_secret from the form or Basic auth.
func clientAuth(r *http.Request) (id, secret string, hasSecret bool) {
	id = r.PostForm.Get("client_id")
	secret = r.PostForm.Get("client_secret")
	hasSecret = r.PostForm.Has("client_secret") && secret != ""
	if u, p, ok := r.BasicAuth(); ok {
		id, _ = url.QueryUnescape(u)
		secret, _ = url.QueryUnescape(p)
		hasSecret = secret != ""
	}
	return id, secret, hasSecret
}

// checkClient authenticates the client as Entra does for public and
// confidential apps.
func (t *Tenant) checkClient(a *app, secret string, has bool) *entraError {
	if a.public {
		if has {
			return errPublicSecret
		}
		return nil
	}
	if !has {
		if a.allowPublic {
			return nil // "Allow public client flows": device code and PKCE without a secret
		}
		return errNeedSecret
	}
	if a.id == ClientID && t.renewedSecret(secret) {
		return nil // a fresh secret outlives the expired one
	}
	if secret != a.secret {
		return errBadSecret
	}
	if a.secretExpired || a.id == ClientID && t.Faults().ExpireSecret {
		return errExpiredSecret
	}
	return nil
}

func (t *Tenant) token(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		eErr(400, "invalid_request", 900561, "The endpoint only accepts POST requests.").write(w)
		return
	}
	if err := r.ParseForm(); err != nil {
		eErr(400, "invalid_request", 900144, "The request body must contain the following parameter: 'grant_type'.").write(w)
		return
	}
	id, secret, has := clientAuth(r)
	if id == "" {
		eErr(400, "invalid_request", 900144, "The request body must contain the following parameter: 'client_id'.").write(w)
		return
	}
	a := lookupApp(id)
	if a == nil {
		errUnknownClient(id).write(w)
		return
	}
	var resp *tokenResponse
	var e *entraError
	switch r.PostForm.Get("grant_type") {
	case "client_credentials":
		resp, e = t.clientCredentials(a, secret, has, r.PostForm.Get("scope"))
	case deviceGrant:
		resp, e = t.deviceToken(a, secret, has, r.PostForm.Get("device_code"))
	case "authorization_code":
		resp, e = t.codeToken(a, secret, has, r.PostForm)
	case "refresh_token":
		resp, e = t.refreshToken(a, secret, has, r.PostForm.Get("refresh_token"), r.PostForm)
	default:
		e = errGrantType
	}
	if e != nil {
		e.write(w)
		return
	}
	t.statsDo(func(s *Stats) { s.TokensIssued++ })
	t.auth.mu.Lock()
	t.auth.issued = append(t.auth.issued, resp.AccessToken)
	if resp.RefreshToken != "" {
		t.auth.issued = append(t.auth.issued, resp.RefreshToken)
	}
	t.auth.mu.Unlock()
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store, no-cache")
	_ = json.NewEncoder(w).Encode(resp)
}

type tokenResponse struct {
	TokenType    string `json:"token_type"`
	Scope        string `json:"scope,omitempty"`
	ExpiresIn    int64  `json:"expires_in"`
	ExtExpiresIn int64  `json:"ext_expires_in"`
	AccessToken  string `json:"access_token"`
	RefreshToken string `json:"refresh_token,omitempty"`
}

func (t *Tenant) clientCredentials(a *app, secret string, has bool, scope string) (*tokenResponse, *entraError) {
	if !has {
		return nil, errNeedSecret // the client credentials grant always needs the secret
	}
	if e := t.checkClient(a, secret, has); e != nil {
		return nil, e
	}
	aud := ""
	switch strings.TrimSpace(scope) {
	case Resource + "/.default", Resource + "//.default":
		aud = Resource
	case GraphResource + "/.default":
		aud = GraphResource // a valid token for the wrong API
	default:
		return nil, errBadScope(scope)
	}
	if !a.consent {
		return nil, errNoConsent
	}
	c := t.baseClaims(a, aud)
	c.Roles = a.roles
	return t.issue(c, "", ""), nil
}

func (t *Tenant) baseClaims(a *app, aud string) claims {
	now := t.Now()
	// exp is whole seconds; round up so the token never dies before the
	// expires_in the client was promised.
	exp := now.Add(t.cfg.TokenLifetime)
	expUnix := exp.Unix()
	if exp.Nanosecond() > 0 {
		expUnix++
	}
	return claims{
		Aud: aud, Iss: "https://sts.windows.net/" + TenantID + "/",
		Iat: now.Unix(), Nbf: now.Unix(), Exp: expUnix,
		Tid: TenantID, AppID: a.id, Azp: a.id, Oid: "9a8b7c6d-0000-4000-8000-" + strings.ReplaceAll(a.id[24:], "-", ""),
		Ver: "1.0", Jti: rand.Text(),
	}
}

// issue signs c; a delegated grant with offline_access also gets a refresh token.
func (t *Tenant) issue(c claims, clientID, scope string) *tokenResponse {
	resp := &tokenResponse{
		TokenType:    "Bearer",
		ExpiresIn:    int64(t.cfg.TokenLifetime / time.Second),
		ExtExpiresIn: int64(t.cfg.TokenLifetime / time.Second),
		AccessToken:  t.sign(c),
	}
	if c.Scp != "" {
		resp.Scope = Resource + "/" + DelegatedScope
		if hasWord(scope, "offline_access") {
			resp.RefreshToken = "1.bcsim." + rand.Text() + rand.Text()
			t.auth.mu.Lock()
			t.auth.refresh[resp.RefreshToken] = grant{clientID: clientID, scope: scope}
			t.auth.mu.Unlock()
		}
	}
	return resp
}

func (t *Tenant) delegated(a *app, scope string) *tokenResponse {
	c := t.baseClaims(a, Resource)
	c.Scp = DelegatedScope
	c.Upn, c.Name = DemoUser, "CRONUS Admin"
	c.Oid = "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f"
	return t.issue(c, a.id, scope)
}

// delegatedScopeOK accepts a BC delegated scope plus OpenID extras.
func delegatedScopeOK(scope string) bool {
	bcScope := false
	for _, s := range strings.Fields(scope) {
		switch s {
		case Resource + "/" + DelegatedScope, Resource + "/user_impersonation", Resource + "/.default":
			bcScope = true
		case "openid", "profile", "email", "offline_access":
		default:
			return false
		}
	}
	return bcScope
}

func hasWord(s, w string) bool {
	for _, f := range strings.Fields(s) {
		if f == w {
			return true
		}
	}
	return false
}

func (t *Tenant) deviceCode(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil || r.Method != http.MethodPost {
		eErr(400, "invalid_request", 900144, "The request body must contain the following parameter: 'client_id'.").write(w)
		return
	}
	id := r.PostForm.Get("client_id")
	if lookupApp(id) == nil {
		errUnknownClient(id).write(w)
		return
	}
	scope := r.PostForm.Get("scope")
	if !delegatedScopeOK(scope) {
		errBadScope(scope).write(w)
		return
	}
	dc, uc := rand.Text()+rand.Text(), userCode()
	expires := t.Now().Add(15 * time.Minute)
	t.auth.mu.Lock()
	t.auth.devices[dc] = &deviceFlow{userCode: uc, clientID: lookupApp(id).id, scope: scope, expires: expires}
	t.auth.mu.Unlock()
	verify := "http://" + r.Host + "/entra/devicelogin"
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_ = json.NewEncoder(w).Encode(map[string]any{
		"device_code":      dc,
		"user_code":        uc,
		"verification_uri": verify,
		"expires_in":       900,
		"interval":         int(deviceInterval / time.Second),
		"message":          "To sign in, use a web browser to open the page " + verify + " and enter the code " + uc + " to authenticate.",
	})
}

// userCode is nine characters without look-alikes, as Microsoft issues them.
func userCode() string {
	const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
	b := []byte(rand.Text())
	out := make([]byte, 9)
	for i := range out {
		out[i] = alphabet[int(b[i])%len(alphabet)]
	}
	return string(out)
}

func devErr(code string, aad int, desc string) *entraError { return eErr(400, code, aad, desc) }

func (t *Tenant) deviceToken(a *app, secret string, has bool, dc string) (*tokenResponse, *entraError) {
	if e := t.checkClient(a, secret, has); e != nil {
		return nil, e
	}
	now, paced := t.Now(), t.runningNow()
	t.auth.mu.Lock()
	defer t.auth.mu.Unlock()
	f := t.auth.devices[dc]
	switch {
	case f == nil || f.clientID != a.id:
		return nil, devErr("bad_verification_code", 70000, "The provided value for the input parameter 'device_code' is not valid.")
	case now.After(f.expires):
		return nil, devErr("expired_token", 70019, "Verification code expired.")
	case f.declined:
		return nil, devErr("authorization_declined", 70000, "The user declined the sign-in request.")
	case f.claimed:
		return nil, devErr("invalid_grant", 54005, "OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.")
	case !f.lastPoll.IsZero() && paced.Sub(f.lastPoll) < deviceInterval/2:
		f.lastPoll = paced
		return nil, devErr("slow_down", 70016, "OAuth 2.0 device flow error. Polling too fast; slow down.")
	}
	f.lastPoll = paced
	f.polls++
	if f.polls > t.cfg.DeviceApproveAfter {
		f.approved = true
	}
	if !f.approved {
		return nil, devErr("authorization_pending", 70016, "OAuth 2.0 device flow error. Authorization is pending. Continue polling.")
	}
	f.claimed = true
	t.auth.mu.Unlock()
	resp := t.delegated(a, f.scope)
	t.auth.mu.Lock()
	return resp, nil
}

// findDevice applies fn to the flow with userCode.
func (t *Tenant) findDevice(userCode string, fn func(*deviceFlow)) error {
	t.auth.mu.Lock()
	defer t.auth.mu.Unlock()
	for _, f := range t.auth.devices {
		if strings.EqualFold(f.userCode, strings.TrimSpace(userCode)) {
			fn(f)
			return nil
		}
	}
	return fmt.Errorf("device code %s: %w", userCode, ErrNotFound)
}

// ApproveDevice signs the demo user in for a pending device code.
func (t *Tenant) ApproveDevice(userCode string) error {
	return t.findDevice(userCode, func(f *deviceFlow) { f.approved = true })
}

// DeclineDevice makes the next poll answer authorization_declined.
func (t *Tenant) DeclineDevice(userCode string) error {
	return t.findDevice(userCode, func(f *deviceFlow) { f.declined = true })
}

// ExpireDevice makes the next poll answer expired_token.
func (t *Tenant) ExpireDevice(userCode string) error {
	past := t.Now().Add(-time.Second)
	return t.findDevice(userCode, func(f *deviceFlow) { f.expires = past })
}

// deviceLogin is the verification page: GET ?user_code=X approves.
func (t *Tenant) deviceLogin(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	uc := r.URL.Query().Get("user_code")
	if uc == "" {
		_, _ = w.Write([]byte(`<html><body><h1>bcsim sign-in</h1><form><input name="user_code"><button>Next</button></form></body></html>`))
		return
	}
	if err := t.ApproveDevice(uc); err != nil {
		w.WriteHeader(http.StatusBadRequest)
		_, _ = w.Write([]byte("<html><body>Unknown code " + html.EscapeString(uc) + "</body></html>"))
		return
	}
	_, _ = w.Write([]byte("<html><body>You have signed in to bcspend as " + DemoUser + ". You may now close this window.</body></html>"))
}

// loopbackRedirect accepts only http://localhost or http://127.0.0.1 (any port).
func loopbackRedirect(s string) bool {
	u, err := url.Parse(s)
	if err != nil || u.Scheme != "http" {
		return false
	}
	h := u.Hostname()
	return h == "localhost" || h == "127.0.0.1"
}

// authorize auto-approves the demo user and redirects back with a code.
func (t *Tenant) authorize(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	a := lookupApp(q.Get("client_id"))
	if a == nil {
		http.Error(w, "AADSTS700016: Application with identifier '"+q.Get("client_id")+"' was not found in the directory.", http.StatusBadRequest)
		return
	}
	redirect := q.Get("redirect_uri")
	if !loopbackRedirect(redirect) {
		http.Error(w, "AADSTS50011: The redirect URI '"+redirect+"' specified in the request does not match the redirect URIs configured for the application.", http.StatusBadRequest)
		return
	}
	back := func(v url.Values) {
		v.Set("state", q.Get("state"))
		u, _ := url.Parse(redirect)
		u.RawQuery = v.Encode()
		http.Redirect(w, r, u.String(), http.StatusFound)
	}
	fail := func(code string, aad int, desc string) {
		back(url.Values{"error": {code}, "error_description": {fmt.Sprintf("AADSTS%d: %s", aad, desc)}, "error_codes": {fmt.Sprint(aad)}})
	}
	challenge := q.Get("code_challenge")
	switch {
	case q.Get("response_type") != "code":
		fail("unsupported_response_type", 700054, "response_type 'code' is required.")
	case !delegatedScopeOK(q.Get("scope")):
		fail("invalid_scope", 70011, "The provided value for the input parameter 'scope' is not valid.")
	case a.public && challenge == "":
		fail("invalid_request", 9002325, "Proof Key for Code Exchange is required for cross-origin authorization code redemption.")
	case challenge != "" && q.Get("code_challenge_method") != "S256":
		fail("invalid_request", 50148, "The code_challenge_method must be S256.")
	case !a.consent:
		fail("consent_required", 65001, "The user or administrator has not consented to use the application.")
	default:
		code, expires := "0.bcsim."+rand.Text()+rand.Text(), t.Now().Add(10*time.Minute)
		t.auth.mu.Lock()
		t.auth.codes[code] = &authCode{clientID: a.id, redirect: redirect, challenge: challenge, scope: q.Get("scope"), expires: expires}
		t.auth.mu.Unlock()
		back(url.Values{"code": {code}, "session_state": {"bcsim"}})
	}
}

func (t *Tenant) codeToken(a *app, secret string, has bool, f url.Values) (*tokenResponse, *entraError) {
	if e := t.checkClient(a, secret, has); e != nil {
		return nil, e
	}
	now := t.Now()
	t.auth.mu.Lock()
	c := t.auth.codes[f.Get("code")]
	var e *entraError
	switch {
	case c == nil || c.clientID != a.id || now.After(c.expires):
		e = eErr(400, "invalid_grant", 9002313, "Invalid request. Request is malformed or invalid: the authorization code is invalid or has expired.")
	case c.used:
		e = eErr(400, "invalid_grant", 54005, "OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.")
	case f.Get("redirect_uri") != c.redirect:
		e = eErr(400, "invalid_grant", 50011, "The redirect URI specified in the request does not match the one used to obtain the authorization code.")
	case c.challenge != "" && s256(f.Get("code_verifier")) != c.challenge:
		e = eErr(400, "invalid_grant", 501481, "The Code_Verifier does not match the code_challenge supplied in the authorization request.")
	default:
		c.used = true
	}
	t.auth.mu.Unlock()
	if e != nil {
		return nil, e
	}
	return t.delegated(a, c.scope), nil
}

func s256(verifier string) string {
	h := sha256.Sum256([]byte(verifier))
	return b64.EncodeToString(h[:])
}

// refreshToken rotates: the old refresh token dies with this use. The
// request should name its scopes (MSAL always does): one without scope
// gets a narrowed access token that lacks the Business Central scope, as
// Entra may issue, and one naming a scope outside the grant is refused.
func (t *Tenant) refreshToken(a *app, secret string, has bool, rt string, form url.Values) (*tokenResponse, *entraError) {
	if e := t.checkClient(a, secret, has); e != nil {
		return nil, e
	}
	scope := form.Get("scope")
	if scope != "" && !delegatedScopeOK(scope) {
		return nil, errBadScope(scope)
	}
	t.auth.mu.Lock()
	g, ok := t.auth.refresh[rt]
	if ok && g.clientID == a.id {
		delete(t.auth.refresh, rt)
	}
	t.auth.mu.Unlock()
	if !ok || g.clientID != a.id {
		return nil, errRefresh
	}
	t.statsDo(func(s *Stats) { s.RefreshRotations++ })
	if scope == "" {
		t.statsDo(func(s *Stats) { s.RefreshWithoutScope++ })
		return t.narrowed(a, g.scope), nil
	}
	return t.delegated(a, g.scope), nil
}

// narrowed is a refreshed token that lost the Business Central scope
// (only the OpenID ones are left); its refresh token still rotates.
func (t *Tenant) narrowed(a *app, scope string) *tokenResponse {
	resp := t.delegated(a, scope)
	c := t.baseClaims(a, Resource)
	c.Scp = "openid profile"
	c.Upn, c.Name = DemoUser, "CRONUS Admin"
	resp.AccessToken, resp.Scope = t.sign(c), "openid profile"
	return resp
}

// NewClientSecret adds a secret to the main demo app, as an admin does in
// Certificates & secrets when the old one expired; it stays valid whatever
// ExpireSecret says about the original.
func (t *Tenant) NewClientSecret() string {
	t.auth.mu.Lock()
	defer t.auth.mu.Unlock()
	s := fmt.Sprintf("bcs8Q~renewed.Secret-%04d-%s", len(t.auth.renewed)+1, ClientSecret[len(ClientSecret)-8:])
	t.auth.renewed = append(t.auth.renewed, s)
	return s
}

func (t *Tenant) renewedSecret(secret string) bool {
	t.auth.mu.Lock()
	defer t.auth.mu.Unlock()
	for _, s := range t.auth.renewed {
		if s == secret {
			return true
		}
	}
	return false
}
