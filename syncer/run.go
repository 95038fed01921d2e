package syncer

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/bcspend/bcspend/bc"
	"github.com/bcspend/bcspend/failure"
	"github.com/bcspend/bcspend/store"
)

// ErrNoCompanies is returned when the connection tracks no company.
var ErrNoCompanies = &failure.Error{Kind: failure.KindInput, Code: "no_companies", Message: "The connection tracks no company",
	Fix: "Run `bcspend connect` again (or Integration > reconnect) and choose at least one company."}

// runner is one Run's shared state.
type runner struct {
	db     *store.DB
	client *bc.Client
	conn   store.Connection
	opt    Options
	runID  string
	gate   *gate // chains reading at once, across companies

	progressMu sync.Mutex
}

// Run syncs one connection, conn as the store holds it (its ID and its
// companies' store keys): every company of conn concurrently (one goroutine each; the
// shared client keeps all of them within BC's 5-requests-in-flight budget)
// and the environment's users once, then records the run in the history.
//
// The error is nil when every company synced (warnings, such as a refused
// users list, are in Summary.Warnings). Otherwise it is the most useful
// company error (one the admin must act on first), and Summary.Outcome
// says whether the run failed, was canceled or was partial; what was
// committed is kept either way.
func Run(ctx context.Context, db *store.DB, client *bc.Client, conn store.Connection, opt Options) (Summary, error) {
	opt.defaults()
	if opt.MinChain <= 0 {
		opt.MinChain = client.PageSize()
	}
	if len(conn.Companies) == 0 {
		return Summary{Outcome: store.OutcomeFailed, Error: problemOf(ErrNoCompanies)}, ErrNoCompanies
	}
	before := client.Stats()
	run, err := db.BeginConnectionRun(conn.ID, opt.Now())
	if err != nil {
		return Summary{Outcome: store.OutcomeFailed, Error: problemOf(err)}, err
	}
	r := &runner{db: db, client: client, conn: conn, opt: opt, runID: run.ID, gate: newGate(opt.Chains)}
	sum := Summary{RunID: run.ID, Connection: conn.Name, Start: run.Start}

	results := make([]CompanySummary, len(conn.Companies))
	errs := make([]error, len(conn.Companies))
	var users userResult
	var wg sync.WaitGroup
	for i, c := range conn.Companies {
		wg.Go(func() { results[i], errs[i] = r.company(ctx, c) })
	}
	wg.Go(func() { users = r.users(ctx) })
	wg.Wait()

	for _, c := range results {
		sum.add(c)
	}
	sum.Users = users.summary
	if users.warning != nil {
		sum.Warnings = append(sum.Warnings, *users.warning)
	}
	if users.legacy {
		sum.Warnings = append(sum.Warnings, Problem{Kind: "legacy", Message: bc.LegacyEmailWarning,
			Remedy: "Update the environment to Business Central 25.0 or later in the admin center."})
	}
	sum.Outcome, err = outcome(ctx, errs)
	sum.Error = problemOf(err)
	sum.End = opt.Now().UTC()
	after := client.Stats()
	sum.Requests, sum.Retries = after.Requests-before.Requests, after.Retries-before.Retries
	sum.Throttled, sum.ThrottleWait = after.Throttled-before.Throttled, after.ThrottleWait-before.ThrottleWait
	sum.ThrottleWaitText = sum.ThrottleWait.Round(time.Second).String()
	sum.Parallel, sum.PageSize = r.gate.chosen(), after.PageSize
	if ferr := db.FinishRun(sum.record()); ferr != nil {
		return sum, errors.Join(err, ferr)
	}
	return sum, err
}

// outcome classifies the companies' errors: canceled when the user
// stopped the run, partial when some companies made it, failed when none
// did. The error returned is the first one the admin must act on, else the
// first.
func outcome(ctx context.Context, errs []error) (string, error) {
	var first, admin error
	failed := 0
	for _, e := range errs {
		if e == nil {
			continue
		}
		failed++
		if first == nil {
			first = e
		}
		if admin == nil && failure.KindOf(e).NeedsAdmin() {
			admin = e
		}
	}
	if admin != nil {
		first = admin
	}
	switch {
	case failed == 0:
		return store.OutcomeOK, nil
	case ctx.Err() != nil:
		return store.OutcomeCanceled, canceled(first)
	case failed == len(errs):
		return store.OutcomeFailed, first
	}
	return store.OutcomePartial, first
}

// canceled makes sure a stop by the user reads as one, whatever request it
// happened to interrupt.
func canceled(err error) error {
	if failure.KindOf(err) == failure.KindCanceled {
		return err
	}
	return &failure.Error{Kind: failure.KindCanceled, Message: "Sync stopped",
		Fix: "Run `bcspend sync` again; it resumes from the last committed page.", Err: err}
}

// progress reports one company's figures; calls are serialised.
func (r *runner) progress(p Progress) {
	st := r.client.Stats()
	p.Throttled, p.ThrottleWait = st.Throttled, st.ThrottleWait
	r.progressMu.Lock()
	defer r.progressMu.Unlock()
	r.opt.Progress(p)
}
