package bc

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bcspend/bcspend/failure"
)

// Tracer writes a support trace: for every request (to Business Central
// and to Entra) one file in its directory with the method, URL, request
// and response headers, status, timing and the response body, so an admin
// can send a failing case to support. What would let the reader act as
// the admin is removed before anything is written: the Authorization
// header, cookies, tokens, codes and secrets (by field name, by shape for
// JWTs, and literally for every token seen in an answer), and e-mail
// addresses (the tenant's people). Request bodies, where the client
// secret and refresh token travel, are never written.
type Tracer struct {
	dir  string
	base http.RoundTripper
	n    atomic.Int64

	mu   sync.Mutex
	seen []string // token values seen in answers, removed literally from later entries
}

// TraceBodyLimit is how much of one response body a trace entry keeps.
const TraceBodyLimit = 4 << 20

// NewTracer prepares dir (created 0700 if missing) for a trace. secrets
// are values to remove wherever they appear (e.g. the stored secret).
func NewTracer(dir string, secrets ...string) (*Tracer, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, &failure.Error{Kind: failure.KindInput, Code: "trace_dir", Message: "Cannot create the trace directory " + dir + ": " + err.Error(),
			Fix: "Pass --trace a directory you can write to."}
	}
	t := &Tracer{dir: dir, base: http.DefaultTransport}
	for _, s := range secrets {
		t.remember(s)
	}
	return t, nil
}

// Client returns a copy of base (nil: a default client) whose requests are
// traced.
func (t *Tracer) Client(base *http.Client) *http.Client {
	c := &http.Client{}
	if base != nil {
		*c = *base
	}
	if c.Transport != nil {
		t.base = c.Transport
	}
	c.Transport = t
	return c
}

// Dir is where the trace goes.
func (t *Tracer) Dir() string { return t.dir }

// RoundTrip traces one exchange; the entry is written when the body has
// been read and closed (or at once for a failed request).
func (t *Tracer) RoundTrip(req *http.Request) (*http.Response, error) {
	n := t.n.Add(1)
	start := time.Now()
	resp, err := t.base.RoundTrip(req)
	e := &traceEntry{t: t, n: n, req: req, start: start, headers: time.Since(start)}
	if err != nil {
		e.err = err
		e.write()
		return nil, err
	}
	e.resp = resp
	resp.Body = &tracedBody{ReadCloser: resp.Body, e: e}
	return resp, nil
}

type traceEntry struct {
	t       *Tracer
	n       int64
	req     *http.Request
	resp    *http.Response
	err     error
	start   time.Time
	headers time.Duration
	body    bytes.Buffer
	cut     bool
	once    sync.Once
}

// tracedBody copies what the client reads into the entry.
type tracedBody struct {
	io.ReadCloser
	e *traceEntry
}

func (b *tracedBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	if room := TraceBodyLimit - b.e.body.Len(); room > 0 {
		b.e.body.Write(p[:min(n, room)])
		b.e.cut = b.e.cut || n > room
	} else if n > 0 {
		b.e.cut = true
	}
	if err != nil && err != io.EOF {
		b.e.err = err
	}
	return n, err
}

func (b *tracedBody) Close() error {
	err := b.ReadCloser.Close()
	b.e.write()
	return err
}

func (e *traceEntry) write() {
	e.once.Do(func() {
		var b strings.Builder
		fmt.Fprintf(&b, "%s %s\n", e.req.Method, e.t.redactURL(e.req.URL))
		fmt.Fprintf(&b, "started: %s\n", e.start.UTC().Format(time.RFC3339Nano))
		writeHeaders(&b, "> ", e.req.Header)
		if e.resp != nil {
			fmt.Fprintf(&b, "status: %s\nheaders after: %s, body done after: %s\n", e.resp.Status,
				e.headers.Round(time.Millisecond), time.Since(e.start).Round(time.Millisecond))
			writeHeaders(&b, "< ", e.resp.Header)
		}
		if e.err != nil {
			fmt.Fprintf(&b, "error: %s\n", e.err)
		}
		body := e.t.redactBody(e.body.Bytes())
		fmt.Fprintf(&b, "\n%s\n", body)
		if e.cut {
			fmt.Fprintf(&b, "[body cut at %d bytes]\n", TraceBodyLimit)
		}
		name := filepath.Join(e.t.dir, fmt.Sprintf("%05d.txt", e.n))
		_ = os.WriteFile(name, []byte(e.t.redactText(b.String())), 0o600)
	})
}

// removedHeaders never reach a trace.
var removedHeaders = map[string]bool{"Authorization": true, "Cookie": true, "Set-Cookie": true, "Proxy-Authorization": true}

func writeHeaders(b *strings.Builder, prefix string, h http.Header) {
	keys := make([]string, 0, len(h))
	for k := range h {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		v := strings.Join(h[k], ", ")
		if removedHeaders[http.CanonicalHeaderKey(k)] {
			v = "[removed]"
		}
		fmt.Fprintf(b, "%s%s: %s\n", prefix, k, v)
	}
}

// secretFields are JSON fields whose values are credentials; secretParams
// adds the URL parameters (an authorization code only travels in a URL: in
// JSON, "code" is BC's error code, which a support trace needs).
var (
	secretFields = []string{"access_token", "refresh_token", "id_token", "client_secret", "device_code",
		"code_verifier", "client_assertion", "assertion", "password"}
	secretParams = append([]string{"code"}, secretFields...)
)

var (
	jwtRE   = regexp.MustCompile(`eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*`)
	emailRE = regexp.MustCompile(`[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+`)
	// A secret-bearing JSON field: "name": "value" (the value is JSON
	// string syntax, escapes included).
	jsonSecretRE = regexp.MustCompile(`"(` + strings.Join(secretFields, "|") + `)"\s*:\s*"((?:[^"\\]|\\.)*)"`)
)

func (t *Tracer) remember(v string) {
	if len(v) < 8 {
		return // too short to remove without mangling the trace
	}
	t.mu.Lock()
	t.seen = append(t.seen, v)
	t.mu.Unlock()
}

// redactBody removes secret JSON fields (remembering their values, so the
// same token is removed wherever else it turns up) and then what
// redactText removes.
func (t *Tracer) redactBody(b []byte) string {
	s := jsonSecretRE.ReplaceAllStringFunc(string(b), func(m string) string {
		sub := jsonSecretRE.FindStringSubmatch(m)
		t.remember(sub[2])
		return `"` + sub[1] + `":"[removed]"`
	})
	return s
}

// redactText removes known secrets, JWTs and e-mail addresses.
func (t *Tracer) redactText(s string) string {
	t.mu.Lock()
	seen := append([]string(nil), t.seen...)
	t.mu.Unlock()
	for _, v := range seen {
		s = strings.ReplaceAll(s, v, "[removed]")
		if q := url.QueryEscape(v); q != v {
			s = strings.ReplaceAll(s, q, "[removed]")
		}
	}
	s = jwtRE.ReplaceAllString(s, "[token removed]")
	return emailRE.ReplaceAllString(s, "[e-mail removed]")
}

// redactURL drops the values of credential parameters.
func (t *Tracer) redactURL(u *url.URL) string {
	c := *u
	c.User = nil
	q := c.Query()
	changed := false
	for _, p := range secretParams {
		if q.Has(p) {
			q.Set(p, "[removed]")
			changed = true
		}
	}
	if changed {
		c.RawQuery = q.Encode()
	}
	s, err := url.PathUnescape(c.String())
	if err != nil {
		s = c.String()
	}
	return s
}
