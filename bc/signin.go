package bc

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"html"
	"net"
	"net/http"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"time"

	"golang.org/x/oauth2"

	"github.com/bcspend/bcspend/failure"
)

// DeviceCode is what the person must see to sign in on another device.
type DeviceCode struct {
	UserCode        string
	VerificationURI string
	Expires         time.Time
	Message         string
}

// DeviceSignIn runs the device code flow: it asks Entra for a code, calls
// show with it, and polls until someone signs in, the code expires or ctx
// ends. The secret is never sent (public client), refresh included.
func (c Credentials) DeviceSignIn(ctx context.Context, show func(DeviceCode)) (*oauth2.Token, error) {
	if err := c.Target.Check(); err != nil {
		return nil, err
	}
	cfg := c.delegatedConfig(false)
	hctx := c.withClient(ctx)
	da, err := cfg.DeviceAuth(hctx)
	if err != nil {
		return nil, tokenError(err)
	}
	code := DeviceCode{UserCode: da.UserCode, VerificationURI: da.VerificationURI, Expires: da.Expiry}
	if code.Expires.IsZero() {
		code.Expires = time.Now().Add(15 * time.Minute)
	}
	code.Message = fmt.Sprintf("To sign in, open %s and enter the code %s.", code.VerificationURI, code.UserCode)
	show(code)
	tok, err := cfg.DeviceAccessToken(hctx, da)
	if err != nil {
		if ctx.Err() != nil {
			return nil, classifyTransport(ctx.Err())
		}
		return nil, tokenError(err)
	}
	return tok, c.persist(tok)
}

// BrowserOptions tunes the browser flow.
type BrowserOptions struct {
	// Open opens the URL in a browser; nil uses $BROWSER or the platform opener.
	Open func(url string) error
	// Show is called with the URL before opening, so it can always be printed
	// as a fallback.
	Show func(url string)
	// Timeout bounds the wait for the redirect; 0 means 5 minutes.
	Timeout time.Duration
}

// BrowserSignIn runs authorization code + PKCE with a loopback redirect on
// 127.0.0.1 (Entra ignores the port of http://localhost redirects).
func (c Credentials) BrowserSignIn(ctx context.Context, opt BrowserOptions) (*oauth2.Token, error) {
	if err := c.Target.Check(); err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, &failure.Error{Kind: failure.KindNetwork, Message: "Could not listen on 127.0.0.1 for the sign-in redirect",
			Fix: "Use the device code flow instead (--flow device).", Err: err}
	}
	defer ln.Close()
	port := ln.Addr().(*net.TCPAddr).Port
	cfg := c.delegatedConfig(c.ClientSecret != "")
	cfg.RedirectURL = "http://localhost:" + strconv.Itoa(port)
	state, verifier := randomState(), oauth2.GenerateVerifier()
	// Browsers may resolve localhost to ::1 first; serve there too when we can.
	if ln6, err := net.Listen("tcp", "[::1]:"+strconv.Itoa(port)); err == nil {
		defer ln6.Close()
		defer finishRedirect(serveRedirect(ln6, state, nil))
	}
	authURL := cfg.AuthCodeURL(state, oauth2.S256ChallengeOption(verifier))
	result := make(chan redirectResult, 1)
	defer finishRedirect(serveRedirect(ln, state, result))

	if opt.Show != nil {
		opt.Show(authURL)
	}
	open := opt.Open
	if open == nil {
		open = OpenBrowser
	}
	if err := open(authURL); err != nil && opt.Show == nil {
		return nil, &failure.Error{Kind: failure.KindNetwork, Message: "Could not open a browser", Fix: "Open this URL yourself: " + authURL, Err: err}
	}
	timeout := opt.Timeout
	if timeout == 0 {
		timeout = 5 * time.Minute
	}
	var res redirectResult
	select {
	case res = <-result:
	case <-time.After(timeout):
		return nil, &failure.Error{Kind: failure.KindSignIn, Code: "timeout", Message: "Nobody completed the browser sign-in in time",
			Fix: "Start again, or use the device code flow when no browser can reach this machine (SSH)."}
	case <-ctx.Done():
		return nil, classifyTransport(ctx.Err())
	}
	if res.state != state {
		return nil, &failure.Error{Kind: failure.KindSignIn, Code: "state_mismatch", Message: "The sign-in redirect carried the wrong state",
			Fix: "Start the sign-in again from this terminal; do not reuse an old browser tab."}
	}
	if res.errCode != "" {
		e := classifyEntra(http.StatusBadRequest, []byte(fmt.Sprintf(`{"error":%q,"error_description":%q}`, res.errCode, res.errDesc)))
		return nil, e
	}
	tok, err := cfg.Exchange(c.withClient(ctx), res.code, oauth2.VerifierOption(verifier))
	if err != nil {
		return nil, tokenError(err)
	}
	return tok, c.persist(tok)
}

func (c Credentials) persist(tok *oauth2.Token) error {
	if tok.RefreshToken == "" {
		return &failure.Error{Kind: failure.KindConsent, Code: "no_refresh_token", Message: "Entra returned no refresh token",
			Fix: "The app must be allowed the offline_access permission; grant consent again."}
	}
	if c.OnRefreshToken != nil {
		return c.OnRefreshToken(tok.RefreshToken)
	}
	return nil
}

type redirectResult struct{ code, state, errCode, errDesc string }

// serveRedirect answers the browser's redirect once and reports it. A
// redirect with another state is not this sign-in (an old tab, or a forged
// link): the browser must not be told it signed in.
func serveRedirect(ln net.Listener, state string, out chan<- redirectResult) *http.Server {
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		if q.Get("code") == "" && q.Get("error") == "" {
			http.NotFound(w, r)
			return
		}
		res := redirectResult{code: q.Get("code"), state: q.Get("state"), errCode: q.Get("error"), errDesc: q.Get("error_description")}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		switch {
		case res.state != state:
			w.WriteHeader(http.StatusBadRequest)
			fmt.Fprint(w, "<p>Sign-in failed: this page does not belong to the sign-in running in the terminal. Start the sign-in again there.</p>")
		case res.errCode != "":
			fmt.Fprintf(w, "<p>Sign-in failed: %s. Return to the terminal.</p>", html.EscapeString(res.errCode))
		default:
			fmt.Fprint(w, "<p>bcspend is signed in. You can close this tab and return to the terminal.</p>")
		}
		if out != nil {
			select {
			case out <- res:
			default:
			}
		}
	})
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	return srv
}

// finishRedirect stops a redirect listener once the browser has its page:
// the handler reports the redirect before its response leaves, and closing
// the server at once would cut that response off, leaving the browser with
// a broken connection instead of the page that says what happened.
func finishRedirect(srv *http.Server) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if srv.Shutdown(ctx) != nil {
		_ = srv.Close()
	}
}

func randomState() string {
	b := make([]byte, 24)
	_, _ = rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

// OpenBrowser opens url with $BROWSER (which may hold several commands
// separated by ':'; %s is replaced by the URL) or the platform opener.
func OpenBrowser(url string) error {
	if env := os.Getenv("BROWSER"); env != "" {
		var errs []error
		for _, cmd := range strings.Split(env, ":") {
			if err := runOpener(cmd, url); err == nil {
				return nil
			} else {
				errs = append(errs, err)
			}
		}
		return errors.Join(errs...)
	}
	switch runtime.GOOS {
	case "darwin":
		return start(exec.Command("open", url))
	case "windows":
		return start(exec.Command("rundll32", "url.dll,FileProtocolHandler", url))
	}
	return start(exec.Command("xdg-open", url))
}

// start runs an opener without waiting for it, and reaps it when it exits
// so no zombie is left behind.
func start(cmd *exec.Cmd) error {
	if err := cmd.Start(); err != nil {
		return err
	}
	go func() { _ = cmd.Wait() }()
	return nil
}

func runOpener(cmd, url string) error {
	fields := strings.Fields(cmd)
	if len(fields) == 0 {
		return errors.New("empty $BROWSER entry")
	}
	replaced := false
	for i, f := range fields {
		if strings.Contains(f, "%s") {
			fields[i], replaced = strings.ReplaceAll(f, "%s", url), true
		}
	}
	if !replaced {
		fields = append(fields, url)
	}
	return start(exec.Command(fields[0], fields[1:]...))
}

// HasDisplay guesses whether a browser can open here; over SSH or without a
// display the device code flow is the better default.
func HasDisplay() bool {
	if os.Getenv("SSH_CONNECTION") != "" || os.Getenv("SSH_TTY") != "" {
		return false
	}
	if runtime.GOOS == "linux" || runtime.GOOS == "freebsd" {
		return os.Getenv("DISPLAY") != "" || os.Getenv("WAYLAND_DISPLAY") != ""
	}
	return true
}
