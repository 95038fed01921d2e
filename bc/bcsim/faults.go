package bcsim

import (
	"math/rand/v2"
	"net/http"
	"strconv"
	"sync"
	"time"
)

// Faults are switched at runtime to exercise the client's retry and error
// paths. The zero value is a healthy tenant.
type Faults struct {
	Rate429    float64       // share of API requests answered 429 Application_TooManyRequests
	Rate503    float64       // share answered 503 (BC's queue timeout)
	RetryAfter time.Duration // Retry-After on 429/503, whole seconds rounded up; 0 = no header
	DropRate   float64       // share of requests whose connection is hijacked and closed mid-body (the client sees a truncated 200)
	// ExpireSecret makes the main demo app's secret expired: new tokens
	// fail with 7000222; tokens already issued keep working until they expire.
	ExpireSecret     bool
	RevokePermission bool   // 403 on purchaseInvoices and their lines (BC permission set removed)
	RefuseUsers      bool   // 403 on the automation users endpoint
	FailCompany      string // a company id whose every request answers 500
	// DenyCompany is a company whose invoices are refused (403) while the
	// others work: a permission set limited to some companies.
	DenyCompany string
	// RevokeAsDialog makes RevokePermission, RefuseUsers and DenyCompany
	// answer as BC's application layer can: 400 Application_DialogException
	// "You do not have permissions to read ...", not 403.
	RevokeAsDialog bool
	// Slow pages (purchaseInvoices lists, built invoice by invoice): a page
	// costs EntityCost of server time per invoice, and one costing more
	// than OperationLimit (default 8 minutes, BC's) answers 408. Nothing
	// waits for real: the tenant clock moves by the limit instead.
	EntityCost     time.Duration
	OperationLimit time.Duration
	// HangAbove (> 0) makes invoice pages of more than this many invoices
	// never answer until the client hangs up: the client's own timeout.
	HangAbove int
	// RateLimit (> 0) answers 429 without Retry-After to API requests
	// beyond this many accepted within the sliding RateWindow (default 5
	// minutes) of the tenant clock, like BC's 6,000 per 5 minutes.
	RateLimit  int
	RateWindow time.Duration
	// Every makes the rate faults deterministic: every Nth API request
	// (counted from SetFaults) gets the first fault whose rate is non-zero,
	// in the order 429, 503, drop (429 when no rate is set); rates are then
	// not drawn at random.
	Every int
}

type faultKind int

const (
	faultNone faultKind = iota
	fault429
	fault503
	faultDrop
)

type faultState struct {
	mu   sync.Mutex
	f    Faults
	n    int64
	rng  *rand.Rand
	hits []time.Time // accepted requests inside the rate window, oldest first
}

func (s *faultState) init(seed int64) { s.rng = rand.New(rand.NewPCG(uint64(seed), 0xfa17)) }

// SetFaults replaces the active faults and restarts the Every count.
func (t *Tenant) SetFaults(f Faults) {
	t.faults.mu.Lock()
	t.faults.f, t.faults.n, t.faults.hits = f, 0, nil
	t.faults.mu.Unlock()
}

// Faults returns the active faults.
func (t *Tenant) Faults() Faults {
	t.faults.mu.Lock()
	defer t.faults.mu.Unlock()
	return t.faults.f
}

// next decides the transport-level fault for one API request.
func (s *faultState) next() (faultKind, Faults) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f := s.f
	s.n++
	if f.Every > 0 {
		if s.n%int64(f.Every) != 0 {
			return faultNone, f
		}
		switch {
		case f.Rate429 > 0:
			return fault429, f
		case f.Rate503 > 0:
			return fault503, f
		case f.DropRate > 0:
			return faultDrop, f
		}
		return fault429, f
	}
	if f.Rate429+f.Rate503+f.DropRate <= 0 {
		return faultNone, f
	}
	x := s.rng.Float64()
	switch {
	case x < f.Rate429:
		return fault429, f
	case x < f.Rate429+f.Rate503:
		return fault503, f
	case x < f.Rate429+f.Rate503+f.DropRate:
		return faultDrop, f
	}
	return faultNone, f
}

// inject answers the request with the fault and reports whether it did.
func inject(w http.ResponseWriter, k faultKind, f Faults) bool {
	switch k {
	case fault429:
		retryAfter(w, f.RetryAfter)
		bcError(w, http.StatusTooManyRequests, "Application_TooManyRequests", "Too many requests reached.  Actual (101).  Maximum (100).")
	case fault503:
		retryAfter(w, f.RetryAfter)
		bcError(w, http.StatusServiceUnavailable, "Unavailable", "The request was queued for too long and timed out. Please try again later.")
	case faultDrop:
		drop(w)
	default:
		return false
	}
	return true
}

func retryAfter(w http.ResponseWriter, d time.Duration) {
	if d > 0 {
		w.Header().Set("Retry-After", strconv.FormatInt(int64((d+time.Second-1)/time.Second), 10))
	}
}

// cutResponse is what a dropped request receives before the connection
// closes: a status line and the start of a body that never completes.
const cutResponse = "HTTP/1.1 200 OK\r\nContent-Type: application/json; odata.metadata=minimal\r\nContent-Length: 65536\r\n\r\n{\"value\":[{\"@odata.etag\":"

// drop hijacks the connection, sends the head of a response and closes it
// mid-body, like a reset in flight. Closing before any byte would be
// invisible: Go's transport silently retries an idempotent request on a
// reused connection that closed without answering.
func drop(w http.ResponseWriter) {
	if hj, ok := w.(http.Hijacker); ok {
		if conn, buf, err := hj.Hijack(); err == nil {
			_, _ = buf.WriteString(cutResponse)
			_ = buf.Flush()
			_ = conn.Close()
			return
		}
	}
	panic(http.ErrAbortHandler)
}

// DefaultOperationLimit is BC's: an operation over 8 minutes answers 408.
const DefaultOperationLimit = 8 * time.Minute

// rateLimited counts one API request at now against the sliding window
// and reports whether it is over the limit (then it is not counted: only
// accepted requests fill the window, so waiting clears it).
func (s *faultState) rateLimited(now time.Time) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	f := s.f
	if f.RateLimit <= 0 {
		return false
	}
	window := f.RateWindow
	if window <= 0 {
		window = 5 * time.Minute
	}
	i := 0
	for i < len(s.hits) && !s.hits[i].After(now.Add(-window)) {
		i++
	}
	s.hits = s.hits[i:]
	if len(s.hits) >= f.RateLimit {
		return true
	}
	s.hits = append(s.hits, now)
	return false
}

// throttle answers 429 as BC does when the request budget is used up: no
// Retry-After.
func throttle(w http.ResponseWriter) {
	bcError(w, http.StatusTooManyRequests, "Application_TooManyRequests",
		"Rate limit exceeded: 6000 requests per 5 minutes. Please try again later.")
}

// slowPage applies the slow-page faults to an invoice page of n entries;
// it reports whether it answered (408) or the client hung up.
func (t *Tenant) slowPage(w http.ResponseWriter, r *http.Request, n int) bool {
	f := t.Faults()
	if f.HangAbove > 0 && n > f.HangAbove {
		<-r.Context().Done()
		return true
	}
	if f.EntityCost <= 0 {
		return false
	}
	limit := f.OperationLimit
	if limit <= 0 {
		limit = DefaultOperationLimit
	}
	if time.Duration(n)*f.EntityCost <= limit {
		return false
	}
	t.Advance(limit)
	t.statsDo(func(s *Stats) { s.Faults++ })
	bcError(w, http.StatusRequestTimeout, "RequestTimeout",
		"The operation has timed out because it took longer than "+limit.String()+".")
	return true
}

// refuse answers a permission refusal in the configured shape; object is
// BC's table name, caption its plural caption.
func refuse(w http.ResponseWriter, f Faults, object, caption string) {
	if f.RevokeAsDialog {
		bcError(w, http.StatusBadRequest, "Application_DialogException", "You do not have permissions to read "+caption+".")
		return
	}
	forbidden(w, object)
}
