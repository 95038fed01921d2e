package syncer

import (
	"time"

	"github.com/bcspend/bcspend/bc"
)

// DefaultOverlap is how far before the last watermark an incremental run
// starts reading again: it absorbs clock skew between BC's servers and
// changes committed while the previous run was paging. Re-reading is
// harmless (upserts are idempotent); missing a change is not.
const DefaultOverlap = 10 * time.Minute

// Options tune one Run. The zero value is a normal run.
type Options struct {
	// Full re-reads the whole window and marks invoices BC no longer
	// returns as removed.
	Full bool
	// Now is the clock for the window and the run history; default
	// time.Now. Tests pass the simulated tenant's clock.
	Now func() time.Time
	// Progress receives a company's figures after each committed page and
	// once when the company is done. Calls are serialised, so it needs no
	// locking of its own, but it must return quickly.
	Progress func(Progress)
	// Overlap overrides DefaultOverlap.
	Overlap time.Duration
	// Chains is the most ranges one company's backfill or full pass is
	// split into, and the most chains the run reads at once; default
	// DefaultChains. 1 reads each company as one chain.
	Chains int
	// MinChain is the fewest invoices worth a chain of their own; default
	// the client's page size (a range smaller than one page saves no
	// time). A window with fewer is read as one chain.
	MinChain int
}

// DefaultChains is twice BC's 5 requests in flight: while one chain
// commits a page, another is waiting for the slot it freed.
const DefaultChains = 2 * bc.MaxInFlight

func (o *Options) defaults() {
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Overlap <= 0 {
		o.Overlap = DefaultOverlap
	}
	if o.Chains <= 0 {
		o.Chains = DefaultChains
	}
	if o.Progress == nil {
		o.Progress = func(Progress) {}
	}
}

// Progress is one company's state during a run, for a per-company bar.
type Progress struct {
	// Connection is the name of the company's connection; CompanyID the
	// company's store key (store.Company.StoreKey: its BC id in the first
	// connection), unique across the connections of one sync.
	Connection string
	CompanyID  string
	Company    string // display name
	Mode       string // backfill | incremental | full
	Resumed    bool   // continuing an interrupted run's pages
	Pages      int    // pages committed by this run
	Invoices   int    // invoices fetched by this run
	// Expected is BC's $count of the pass's invoices when it was planned
	// (0 unknown: an incremental pass); Read is how many of them are
	// committed, by this run and any interrupted one before it.
	Expected int
	Read     int
	// Chains is how many ranges the pass reads at once (1 unsplit);
	// ChainsDone how many have completed.
	Chains, ChainsDone int
	// Started is when this run began the company, for rate and ETA.
	Started time.Time
	Lines   int // their lines
	New     int
	Changed int
	// Throttled and ThrottleWait are the client's, shared by all
	// companies: BC's limits are per user, not per company. ThrottleWait
	// is wall-clock time with at least one request waiting.
	Throttled    int64
	ThrottleWait time.Duration
	// CompanyThrottled and CompanyThrottleWait are this company's waits so
	// far: how many, and how long.
	CompanyThrottled    int
	CompanyThrottleWait time.Duration
	// Waiting is set while the company waits on Business Central's limits
	// (WaitStatus 429: throttled, 503: BC's queue was full) until
	// WaitingUntil. The event that ends a wait has WaitStatus set and
	// Waiting zero; other events have neither.
	Waiting      time.Duration
	WaitingUntil time.Time
	WaitStatus   int
	Done         bool
	Err          error // set with Done when the company failed
}

// Rate is invoices committed per second by this run so far.
func (p Progress) Rate(now time.Time) float64 {
	el := now.Sub(p.Started).Seconds()
	if p.Started.IsZero() || el <= 0 {
		return 0
	}
	return float64(p.Invoices) / el
}

// ETA is how long the rest of the pass takes at this run's rate; ok is
// false while there is no total or no rate yet.
func (p Progress) ETA(now time.Time) (time.Duration, bool) {
	r := p.Rate(now)
	if p.Done || p.Expected <= 0 || r <= 0 {
		return 0, false
	}
	left := max(0, p.Expected-p.Read)
	return time.Duration(float64(left) / r * float64(time.Second)), true
}

// Fraction is how much of the pass is read, 0 to 1 (0 when unknown).
func (p Progress) Fraction() float64 {
	switch {
	case p.Done:
		return 1
	case p.Expected <= 0:
		return 0
	}
	return min(1, float64(p.Read)/float64(p.Expected))
}
