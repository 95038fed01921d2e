package bcsim

import (
	"bufio"
	"errors"
	"maps"
	"net"
	"net/http"
	"sync"
)

// Stats is what the tenant observed; tests assert the client's behaviour
// with it (at most 5 in flight, no needless requests, token reuse).
type Stats struct {
	Requests         int64            // BC API requests (both roots)
	InFlight         int              // BC API requests being processed now
	MaxInFlight      int              // most BC API requests processed at once
	Paths            map[string]int64 // requests per entity set or Entra endpoint ("purchaseInvoices", "token", ...)
	Faults           int64            // requests answered by an injected 429/503/drop
	EntraRequests    int64            // requests to the Entra endpoints
	TokensIssued     int64            // access tokens issued (all grants)
	RefreshRotations int64            // refresh_token grants that rotated a refresh token
}

type statsState struct {
	mu sync.Mutex
	s  Stats
}

func (s *statsState) init() { s.s.Paths = map[string]int64{} }

// Stats returns a snapshot.
func (t *Tenant) Stats() Stats {
	t.stats.mu.Lock()
	defer t.stats.mu.Unlock()
	s := t.stats.s
	s.Paths = maps.Clone(s.Paths)
	return s
}

// ResetStats zeroes the counters; InFlight stays true to what is running,
// and MaxInFlight restarts from it.
func (t *Tenant) ResetStats() {
	t.stats.mu.Lock()
	defer t.stats.mu.Unlock()
	in := t.stats.s.InFlight
	t.stats.s = Stats{Paths: map[string]int64{}, InFlight: in, MaxInFlight: in}
}

func (t *Tenant) statsDo(fn func(*Stats)) {
	t.stats.mu.Lock()
	fn(&t.stats.s)
	t.stats.mu.Unlock()
}

// begin counts an API request entering processing; the returned func ends it.
func (t *Tenant) begin(path string) func() {
	t.statsDo(func(s *Stats) {
		s.Requests++
		s.Paths[path]++
		s.InFlight++
		s.MaxInFlight = max(s.MaxInFlight, s.InFlight)
	})
	return func() { t.statsDo(func(s *Stats) { s.InFlight-- }) }
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
