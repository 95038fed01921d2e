package bcsim

import (
	"bufio"
	"context"
	"errors"
	"maps"
	"net"
	"net/http"
	"regexp"
	"sync"
	"time"
)

// Stats is what the tenant observed; tests assert the client's behaviour
// with it (at most 5 in flight, no needless requests, token reuse).
type Stats struct {
	Requests    int64 // BC API requests (both roots)
	InFlight    int   // BC API requests being processed now
	MaxInFlight int   // most BC API requests processed at once
	// BusyTime is the server time of all BC API requests, summed: from
	// entering processing to the first byte of the answer. Divided by 5
	// it is the floor of a sync's wall time at BC's 5 in flight.
	BusyTime time.Duration
	// Injected is the server time the simulator stands in for:
	// Config.Latency per request, and EntityLatency per invoice of a page,
	// which includes the page's rendering (slept only for what rendering
	// left of it). BusyTime exceeds it by the simulator's own work beyond
	// that, which real BC does on its own machines.
	Injected         time.Duration
	Paths            map[string]int64 // requests per entity set or Entra endpoint ("purchaseInvoices", "token", ...)
	Faults           int64            // requests answered by an injected 429/503/drop
	EntraRequests    int64            // requests to the Entra endpoints
	TokensIssued     int64            // access tokens issued (all grants)
	RefreshRotations int64            // refresh_token grants that rotated a refresh token
	// RefreshWithoutScope counts refresh_token grants that sent no scope;
	// Entra may narrow such a token, and the simulator does (the token
	// then lacks the Business Central scope).
	RefreshWithoutScope int64
	RateLimited         int64 // requests answered 429 by the RateLimit window
	// Request headers that requests (BC and Entra) carried: User-Agent and
	// Accept-Language values counted, client-request-id as the number of
	// distinct GUIDs seen and of requests without one.
	UserAgents        map[string]int64
	AcceptLanguages   map[string]int64
	RequestIDs        int
	RequestsWithoutID int64
}

type statsState struct {
	mu  sync.Mutex
	s   Stats
	ids map[string]bool
	// moved is closed (and replaced) whenever InFlight changes, so a test
	// can wait for a request to be at the server instead of sleeping.
	moved chan struct{}
}

func (s *statsState) init() {
	if s.moved == nil {
		s.moved = make(chan struct{})
	}
	s.s = Stats{Paths: map[string]int64{}, UserAgents: map[string]int64{}, AcceptLanguages: map[string]int64{}}
	s.ids = map[string]bool{}
}

// recordHeaders counts the traceability headers of one request.
func (t *Tenant) recordHeaders(r *http.Request) {
	id := r.Header.Get("client-request-id")
	t.statsDo(func(s *Stats) {
		s.UserAgents[r.Header.Get("User-Agent")]++
		s.AcceptLanguages[r.Header.Get("Accept-Language")]++
		if !guidRE.MatchString(id) {
			s.RequestsWithoutID++
			return
		}
		if !t.stats.ids[id] {
			t.stats.ids[id] = true
			s.RequestIDs++
		}
	})
}

var guidRE = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

// Stats returns a snapshot.
func (t *Tenant) Stats() Stats {
	t.stats.mu.Lock()
	defer t.stats.mu.Unlock()
	s := t.stats.s
	s.Paths = maps.Clone(s.Paths)
	s.UserAgents = maps.Clone(s.UserAgents)
	s.AcceptLanguages = maps.Clone(s.AcceptLanguages)
	return s
}

// ResetStats zeroes the counters; InFlight stays true to what is running,
// and MaxInFlight restarts from it.
func (t *Tenant) ResetStats() {
	t.stats.mu.Lock()
	defer t.stats.mu.Unlock()
	in := t.stats.s.InFlight
	t.stats.init()
	t.stats.s.InFlight, t.stats.s.MaxInFlight = in, in
}

func (t *Tenant) statsDo(fn func(*Stats)) {
	t.stats.mu.Lock()
	fn(&t.stats.s)
	t.stats.mu.Unlock()
}

// begin counts an API request entering processing; the returned func ends it.
func (t *Tenant) begin(path string) func() {
	start := time.Now()
	t.statsDo(func(s *Stats) {
		s.Requests++
		s.Paths[path]++
		s.InFlight++
		s.MaxInFlight = max(s.MaxInFlight, s.InFlight)
		t.stats.inFlightMoved()
	})
	return func() {
		busy := time.Since(start)
		t.statsDo(func(s *Stats) { s.InFlight--; s.BusyTime += busy; t.stats.inFlightMoved() })
	}
}

// inFlightMoved wakes WaitInFlight; call it with mu held.
func (s *statsState) inFlightMoved() {
	close(s.moved)
	s.moved = make(chan struct{})
}

// WaitInFlight returns once n BC API requests are being processed at
// once, or with ctx's error: a test that must act while a request is at
// the server (cancel it, kill the process) waits for that, not for a
// guessed duration.
func (t *Tenant) WaitInFlight(ctx context.Context, n int) error {
	for {
		t.stats.mu.Lock()
		in, moved := t.stats.s.InFlight, t.stats.moved
		t.stats.mu.Unlock()
		if in >= n {
			return nil
		}
		select {
		case <-moved:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// trackWriter ends the in-flight count just before the first byte of the
// answer leaves: a client that waits for a response before sending its
// next request can then never be seen with one request too many.
type trackWriter struct {
	http.ResponseWriter
	once sync.Once
	end  func()
}

func (w *trackWriter) done() { w.once.Do(w.end) }

func (w *trackWriter) WriteHeader(code int) {
	w.done()
	w.ResponseWriter.WriteHeader(code)
}

func (w *trackWriter) Write(b []byte) (int, error) {
	w.done()
	return w.ResponseWriter.Write(b)
}

func (w *trackWriter) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	w.done()
	if hj, ok := w.ResponseWriter.(http.Hijacker); ok {
		return hj.Hijack()
	}
	return nil, nil, errors.New("bcsim: connection cannot be hijacked")
}
