package bc

import (
	"context"
	"errors"
	"net/http"
	"sync"
	"time"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"

	"github.com/bcspend/bcspend/failure"
)

// Flow is how bcspend signs in.
type Flow string

// The three sign-in flows.
const (
	FlowClientCredentials Flow = "client-credentials" // service-to-service, app permissions
	FlowDevice            Flow = "device"             // a person signs in on another device
	FlowBrowser           Flow = "browser"            // a person signs in here, auth code + PKCE
)

// Flows lists them in the order the wizard offers them.
var Flows = []Flow{FlowClientCredentials, FlowDevice, FlowBrowser}

// ParseFlow accepts a flow name from the command line.
func ParseFlow(s string) (Flow, error) {
	for _, f := range Flows {
		if string(f) == s {
			return f, nil
		}
	}
	return "", &failure.Error{Kind: failure.KindInput, Code: "invalid_flow", Message: "Unknown sign-in flow '" + s + "'",
		Fix: "Use --flow client-credentials, device or browser."}
}

// Delegated reports whether a person signs in (and a refresh token exists).
func (f Flow) Delegated() bool { return f == FlowDevice || f == FlowBrowser }

// Credentials is what one connection signs in with. It is never printed:
// String hides the secrets.
type Credentials struct {
	Target
	ClientID     string
	Flow         Flow
	ClientSecret string // client credentials; optional for a confidential browser app; never sent by device flow
	RefreshToken string // delegated flows, from an earlier sign-in
	// OnRefreshToken is called each time Entra rotates the refresh token so
	// the new one is persisted before it is used.
	OnRefreshToken func(token string) error
	HTTPClient     *http.Client
}

// String keeps secrets out of logs and %v.
func (c Credentials) String() string {
	return "bc.Credentials{tenant=" + c.Tenant + " environment=" + c.Environment + " client=" + c.ClientID + " flow=" + string(c.Flow) + "}"
}

// GoString keeps secrets out of %#v.
func (c Credentials) GoString() string { return c.String() }

func (c Credentials) withClient(ctx context.Context) context.Context {
	return context.WithValue(ctx, oauth2.HTTPClient, c.httpClient())
}

// httpClient is the connection's client (or a default one) that follows
// no redirect (urls.go) and makes every request to Entra traceable
// (setRequestHeaders).
func (c Credentials) httpClient() *http.Client {
	hc := withoutRedirects(c.HTTPClient)
	hc.Transport = identified{base: hc.Transport}
	return hc
}

// identified adds the traceability headers to requests x/oauth2 makes.
type identified struct{ base http.RoundTripper }

func (t identified) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	setRequestHeaders(r.Header)
	base := t.base
	if base == nil {
		base = http.DefaultTransport
	}
	return base.RoundTrip(r)
}

// delegatedConfig is the public-client config for device and browser. The
// device flow must not send the secret (AADSTS700025), so it is left out
// unless the caller opts in for a confidential browser app.
func (c Credentials) delegatedConfig(withSecret bool) *oauth2.Config {
	cfg := &oauth2.Config{ClientID: c.ClientID, Endpoint: c.Endpoint(), Scopes: DelegatedScopes}
	if withSecret {
		cfg.ClientSecret = c.ClientSecret
	}
	return cfg
}

// TokenSource gives access tokens for API calls, fetching a new one before
// the old one expires and on Invalidate.
type TokenSource interface {
	Token(ctx context.Context) (string, error)
	// Invalidate drops the cached token so the next call fetches a new one
	// (used once after an unexpected 401).
	Invalidate()
}

// NewTokenSource builds the source for the connection's flow. Delegated
// flows need a RefreshToken from DeviceSignIn or BrowserSignIn.
func (c Credentials) NewTokenSource() (TokenSource, error) {
	if err := c.Target.Check(); err != nil {
		return nil, err
	}
	switch c.Flow {
	case FlowClientCredentials:
		if c.ClientSecret == "" {
			return nil, &failure.Error{Kind: failure.KindCredentials, Code: "missing_secret", Message: "No client secret is stored for this connection",
				Fix: "Provide it with --client-secret-stdin or BCSPEND_CLIENT_SECRET, or replace it on the Integration screen."}
		}
		cc := &clientcredentials.Config{ClientID: c.ClientID, ClientSecret: c.ClientSecret,
			TokenURL: c.Endpoint().TokenURL, Scopes: AppScopes, AuthStyle: oauth2.AuthStyleInParams}
		return &cachingSource{fetch: func(ctx context.Context) (*oauth2.Token, error) {
			return cc.Token(c.withClient(ctx))
		}}, nil
	case FlowDevice, FlowBrowser:
		if c.RefreshToken == "" {
			return nil, &failure.Error{Kind: failure.KindSignIn, Code: "no_refresh_token", Message: "Nobody has signed in for this connection yet",
				Fix: "Sign in with `bcspend connect --flow " + string(c.Flow) + "` or from the console."}
		}
		rs := &refreshSource{creds: c, refresh: c.RefreshToken}
		rs.fetch = rs.redeem
		return rs, nil
	}
	_, err := ParseFlow(string(c.Flow))
	return nil, err
}

// cachingSource caches one token until shortly before expiry.
type cachingSource struct {
	mu    sync.Mutex
	tok   *oauth2.Token
	fetch func(ctx context.Context) (*oauth2.Token, error)
}

// expiryMargin renews tokens early so a long page download does not start
// with a token that dies in flight.
const expiryMargin = 2 * time.Minute

func (s *cachingSource) Token(ctx context.Context) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.tok != nil && (s.tok.Expiry.IsZero() || time.Until(s.tok.Expiry) > expiryMargin) {
		return s.tok.AccessToken, nil
	}
	tok, err := s.fetch(ctx)
	if err != nil {
		return "", tokenError(err)
	}
	s.tok = tok
	return tok.AccessToken, nil
}

func (s *cachingSource) Invalidate() {
	s.mu.Lock()
	s.tok = nil
	s.mu.Unlock()
}

// refreshSource redeems the refresh token and persists every rotation.
// x/oauth2's ReuseTokenSource would keep the rotated token in memory only,
// and the next start would present a revoked one.
type refreshSource struct {
	cachingSource
	creds   Credentials
	refresh string
}

// redeem runs under cachingSource's lock.
func (s *refreshSource) redeem(ctx context.Context) (*oauth2.Token, error) {
	tok, err := s.creds.refreshGrant(ctx, s.refresh, s.creds.Flow == FlowBrowser && s.creds.ClientSecret != "")
	if err != nil {
		return nil, err
	}
	if tok.RefreshToken != "" && tok.RefreshToken != s.refresh {
		if s.creds.OnRefreshToken != nil {
			if err := s.creds.OnRefreshToken(tok.RefreshToken); err != nil {
				return nil, &failure.Error{Kind: failure.KindProtocol, Message: "Could not save the renewed sign-in",
					Fix: "Check that the database file is writable, then sign in again.", Err: err}
			}
		}
		s.refresh = tok.RefreshToken
	}
	return tok, nil
}

// tokenError classifies x/oauth2 failures using Microsoft's error_codes.
func tokenError(err error) error {
	var re *oauth2.RetrieveError
	if errors.As(err, &re) {
		status := 0
		if re.Response != nil {
			status = re.Response.StatusCode
		}
		e := classifyEntra(status, re.Body)
		if e.Code == "" && re.ErrorCode != "" {
			e.Code = re.ErrorCode
		}
		return e
	}
	if e := badTokenResponse(err); e != nil { // urls.go
		return e
	}
	return classifyTransport(err)
}
