package syncer

import (
	"errors"
	"time"

	"github.com/bcspend/bcspend/failure"
	"github.com/bcspend/bcspend/store"
)

// Summary is what a run did, for the one-line report, --json and the
// console. The same figures go to the run history.
type Summary struct {
	RunID string `json:"run_id"`
	// Connection is the name of the connection the run synced.
	Connection string           `json:"connection"`
	Start      time.Time        `json:"start"`
	End        time.Time        `json:"end"`
	Outcome    string           `json:"outcome"` // ok | failed | canceled | partial
	Companies  []CompanySummary `json:"companies"`
	Fetched    int              `json:"fetched"`
	New        int              `json:"new"`
	Changed    int              `json:"changed"`
	Removed    int              `json:"removed"`
	Users      *UsersSummary    `json:"users,omitempty"` // nil when users were not synced
	Requests   int64            `json:"requests"`
	Retries    int64            `json:"retries"`
	Throttled  int64            `json:"throttled"`
	// ThrottleWait is wall-clock time during which at least one request
	// waited on BC's limits (waits of concurrent companies overlap and
	// count once); ThrottleWaitText is the same, for people.
	ThrottleWait     time.Duration `json:"throttle_wait_ns"`
	ThrottleWaitText string        `json:"throttle_wait"`
	// Parallel is how many chains the run read at once at its lowest: the
	// most (Options.Chains) unless BC's throttling took some away.
	// PageSize is the smallest page it asked for: the configured size
	// unless slow pages halved it.
	Parallel int       `json:"parallel"`
	PageSize int       `json:"page_size"`
	Warnings []Problem `json:"warnings,omitempty"`
	Error    *Problem  `json:"error,omitempty"`
}

// CreditMemoCounts is what a credit memo pass read and stored.
type CreditMemoCounts struct {
	Fetched int `json:"fetched"`
	New     int `json:"new"`
	Changed int `json:"changed"`
	Removed int `json:"removed"`
}

// CompanySummary is one company's part of a run.
type CompanySummary struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Mode     string `json:"mode"`
	Resumed  bool   `json:"resumed,omitempty"`
	Chains   int    `json:"chains"`             // ranges the pass read (1 unsplit)
	Expected int    `json:"expected,omitempty"` // BC's $count of the pass
	Pages    int    `json:"pages"`
	Fetched  int    `json:"fetched"`
	Lines    int    `json:"lines"`
	New      int    `json:"new"`
	Changed  int    `json:"changed"`
	Removed  int    `json:"removed"`
	Vendors  int    `json:"vendors"` // vendors stored or refreshed
	// CreditMemos is what the company's credit memo pass did; the figures
	// above are the invoices'.
	CreditMemos CreditMemoCounts `json:"credit_memos"`
	Rates       int              `json:"rates"` // exchange rate rows stored
	// Throttled and ThrottleWait are this company's waits on BC's limits.
	Throttled    int           `json:"throttled"`
	ThrottleWait time.Duration `json:"throttle_wait_ns"`
	OK           bool          `json:"ok"`
	Error        *Problem      `json:"error,omitempty"`
	// Warnings did not fail the company (no exchange rates page); they are
	// also in the run's Warnings.
	Warnings []Problem `json:"warnings,omitempty"`
}

// UsersSummary is the users part of a run.
type UsersSummary struct {
	Total         int  `json:"total"`
	Active        int  `json:"active"`
	MissingEmail  int  `json:"missing_email"`
	New           int  `json:"new"`
	Removed       int  `json:"removed"`
	LegacyNoEmail bool `json:"legacy_no_email,omitempty"`
}

// Problem is a classified error or warning: what happened and what to do.
type Problem struct {
	Kind    string `json:"kind"`
	Code    string `json:"code,omitempty"`
	Message string `json:"message"`
	Remedy  string `json:"remedy,omitempty"`
	// Support is BC's correlation id and the request id, for a support case.
	Support string `json:"support,omitempty"`
}

// ProblemOf is err as a sync summary reports it: the CLI's --json prints
// every error this way.
func ProblemOf(err error) *Problem { return problemOf(err) }

// problemOf classifies err the way the history stores it.
func problemOf(err error) *Problem {
	if err == nil {
		return nil
	}
	p := &Problem{Kind: "other", Message: err.Error(), Remedy: failure.Remedy(err), Support: failure.Support(err)}
	if e, ok := failure.AsError(err); ok {
		p.Kind, p.Code = string(e.Kind), e.Code
	}
	var we *store.WriteError
	if errors.As(err, &we) {
		p.Kind = "storage"
	}
	return p
}

// add folds a company's figures into the totals.
func (s *Summary) add(c CompanySummary) {
	s.Companies = append(s.Companies, c)
	s.Warnings = append(s.Warnings, c.Warnings...)
	s.Fetched += c.Fetched
	s.New += c.New
	s.Changed += c.Changed
	s.Removed += c.Removed
}

// record is the history entry for s.
func (s *Summary) record() store.SyncRun {
	r := store.SyncRun{ID: s.RunID, Start: s.Start, End: s.End, Outcome: s.Outcome, Mode: s.mode(),
		Fetched: s.Fetched, New: s.New, Changed: s.Changed, Removed: s.Removed,
		Requests: int(s.Requests), Retries: int(s.Retries), ThrottleWait: s.ThrottleWait,
		Companies: map[string]store.RunCounts{}, Parallel: s.Parallel, PageSize: s.PageSize}
	for _, c := range s.Companies {
		r.Companies[c.ID] = store.RunCounts{Fetched: c.Fetched, New: c.New, Changed: c.Changed, Removed: c.Removed}
	}
	switch {
	case s.Error != nil:
		r.ErrorKind, r.ErrorCode, r.ErrorMessage, r.Remedy = s.Error.Kind, s.Error.Code, s.Error.Message, s.Error.Remedy
		r.Support = s.Error.Support
	case len(s.Warnings) > 0:
		// A warning does not fail the run; it is kept so `status` and the
		// console can show its remedy.
		w := s.Warnings[0]
		r.ErrorKind, r.ErrorCode, r.ErrorMessage, r.Remedy = "warning", w.Code, w.Message, w.Remedy
		r.Support = w.Support
	}
	return r
}

// mode names the run after its companies' modes: one word when they agree.
func (s *Summary) mode() string {
	m := ""
	for _, c := range s.Companies {
		switch {
		case m == "":
			m = c.Mode
		case m != c.Mode:
			return "mixed"
		}
	}
	return m
}
