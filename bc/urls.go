package bc

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"

	"github.com/bcspend/bcspend/failure"
)

// The client secret is POSTed to the authority and the bearer token sent to
// the API host, so both must be reached over TLS. Plain http is allowed
// only to this machine (the simulated tenant, a local test server), where
// nothing crosses a network.

// CheckServiceURL accepts https://host[/path], or http:// to a loopback
// address (localhost, 127.0.0.0/8, ::1). flag names the option in the
// error (e.g. "--api-url"); the error is failure.KindInput (exit 2).
func CheckServiceURL(flag, raw string) error {
	u, err := url.Parse(strings.TrimSpace(raw))
	bad := func(why string) error {
		return &failure.Error{Kind: failure.KindInput, Code: "invalid_url", Message: flag + " " + quoteURL(raw) + " " + why,
			Fix: "Use an https:// URL (the defaults are " + DefaultAuthorityURL + " and " + DefaultAPIURL + "); plain http:// is accepted only for 127.0.0.1, [::1] or localhost."}
	}
	switch {
	case err != nil:
		return bad("is not a URL")
	case u.Host == "" || u.Hostname() == "":
		return bad("has no host")
	case u.User != nil:
		return bad("carries a user name or password")
	case u.RawQuery != "" || u.Fragment != "":
		return bad("has a query or fragment")
	case u.Scheme == "https":
		return nil
	case u.Scheme == "http" && isLoopbackHost(u.Hostname()):
		return nil
	case u.Scheme == "http":
		return bad("uses plain http to a host that is not this machine: the client secret and tokens would cross the network unencrypted")
	}
	return bad("is neither https:// nor http:// to this machine")
}

// quoteURL shows a URL the admin typed without letting control characters
// through.
func quoteURL(s string) string {
	if len(s) > 200 {
		s = s[:200] + "..."
	}
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return -1
		}
		return r
	}, "'"+s+"'")
}

func isLoopbackHost(h string) bool {
	if strings.EqualFold(h, "localhost") {
		return true
	}
	ip := net.ParseIP(h)
	return ip != nil && ip.IsLoopback()
}

// Check applies CheckServiceURL to both service roots of t.
func (t Target) Check() error {
	if err := CheckServiceURL("--authority-url", t.authority()); err != nil {
		return err
	}
	return CheckServiceURL("--api-url", t.api())
}

// withoutRedirects returns a copy of c (or a new client) that never follows
// a redirect. Followed, a 307 from the token endpoint would POST the secret
// again to wherever it points, and Go keeps the Authorization header on a
// redirect to another port of the same host. Neither Entra's token endpoint
// nor the BC API redirects, so a redirect is an error to report.
func withoutRedirects(c *http.Client) *http.Client {
	var cp http.Client
	if c != nil {
		cp = *c
	}
	cp.CheckRedirect = refuseRedirect
	return &cp
}

func refuseRedirect(req *http.Request, via []*http.Request) error {
	from := ""
	if len(via) > 0 {
		from = via[len(via)-1].URL.Host
	}
	return &failure.Error{Kind: failure.KindProtocol, Code: "redirect_refused",
		Message: "The server at " + from + " answered with a redirect to " + req.URL.Scheme + "://" + req.URL.Host + ", which bcspend does not follow",
		Fix:     "Point --authority-url and --api-url at the services themselves (" + DefaultAuthorityURL + ", " + DefaultAPIURL + "); a redirect could carry the secret or the token elsewhere."}
}

// badTokenResponse: x/oauth2 reports a 200 it cannot use (HTML from a
// proxy or a captive portal, JSON without an access token) as a plain
// error, where a network failure is a *url.Error. The answer arrived, so
// "could not reach" would send the admin to check the wrong thing.
func badTokenResponse(err error) *failure.Error {
	var ue *url.Error
	var oe *net.OpError
	var be *failure.Error
	if errors.As(err, &ue) || errors.As(err, &oe) || errors.As(err, &be) || errors.Is(err, io.ErrUnexpectedEOF) ||
		errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return nil
	}
	return &failure.Error{Kind: failure.KindProtocol, Code: "bad_token_response", Err: err,
		Message: "The sign-in service answered with something that is not a token (" + firstSentence(err.Error()) + ")",
		Fix:     "Check --authority-url points at Entra (" + DefaultAuthorityURL + "); a proxy or sign-in page may be answering instead."}
}
