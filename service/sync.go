package service

import (
	"context"
	"fmt"
	"strings"
	"sync"

	"github.com/bcspend/bcspend/failure"
	"github.com/bcspend/bcspend/store"
	"github.com/bcspend/bcspend/syncer"
)

// ConnectionSync is one connection's part of a sync: its summary, and its
// error (nil when it synced).
type ConnectionSync struct {
	Connection store.Connection
	Summary    syncer.Summary
	Err        error
}

// SyncConnections runs one sync of the named connections (none: all of
// them): the same engine for `bcspend sync` and the console's sync action.
// It first takes the file's sync lock, waiting for a sync another process
// runs (up to opt.Wait): one sync at a time per file, while everything
// else reads and writes between its pages. The file is then checked page
// by page: a sync writes throughout, and a damaged file must not be
// written to at all.
//
// Connections that share BC's per-user limits (the same app registration
// on the same tenant: limitsOf) run one after the other, so together they
// stay within one user's 5 requests in flight; the others run side by
// side, each with its own client and its own adaptive gate. The error is
// one that stopped every connection (the lock, a damaged file, an unknown
// name); each connection's own error is in its result.
func SyncConnections(ctx context.Context, db *store.DB, opt Options, names []string, so syncer.Options) ([]ConnectionSync, error) {
	lock, err := lockSync(ctx, db, opt)
	if err != nil {
		return nil, err
	}
	defer lock.Release()
	if err := db.Verify(); err != nil {
		return nil, err
	}
	conns, err := SelectConnections(db, names)
	if err != nil {
		return nil, err
	}
	if err := overrideFits(opt, conns); err != nil {
		return nil, err
	}
	so.Progress = serialised(so.Progress)
	out := make([]ConnectionSync, len(conns))
	var wg sync.WaitGroup
	for _, group := range byLimits(conns) {
		wg.Go(func() {
			for _, i := range group {
				out[i] = syncOne(ctx, db, opt, conns[i], so)
			}
		})
	}
	wg.Wait()
	return out, nil
}

func syncOne(ctx context.Context, db *store.DB, opt Options, conn store.Connection, so syncer.Options) ConnectionSync {
	res := ConnectionSync{Connection: conn}
	client, err := openClient(db, opt, conn)
	if err != nil {
		res.Summary = syncer.Summary{Connection: conn.Name, Outcome: store.OutcomeFailed, Error: syncer.ProblemOf(err)}
		res.Err = err
		return res
	}
	res.Summary, res.Err = syncer.Run(ctx, db, client, conn, so)
	return res
}

// limitsOf is whose per-user limits a connection's requests count
// against: BC counts per user, and an app registration signing in with
// client credentials is one user per tenant (a delegated sign-in is the
// person, also per app and tenant). The authority is part of it: the same
// tenant id in another cloud is another directory.
func limitsOf(c store.Connection) string {
	return strings.ToLower(c.AuthorityURL + "\x00" + c.TenantID + "\x00" + c.ClientID)
}

// byLimits groups connection indexes by limitsOf, in connection order.
func byLimits(conns []store.Connection) [][]int {
	at := map[string]int{}
	var groups [][]int
	for i, c := range conns {
		k := limitsOf(c)
		g, ok := at[k]
		if !ok {
			g = len(groups)
			at[k] = g
			groups = append(groups, nil)
		}
		groups[g] = append(groups[g], i)
	}
	return groups
}

// serialised makes a progress callback safe for runs side by side: the
// syncer serialises one run's calls, not several runs'.
func serialised(fn func(syncer.Progress)) func(syncer.Progress) {
	if fn == nil {
		return nil
	}
	var mu sync.Mutex
	return func(p syncer.Progress) {
		mu.Lock()
		defer mu.Unlock()
		fn(p)
	}
}

func lockSync(ctx context.Context, db *store.DB, opt Options) (*store.SyncLock, error) {
	return store.LockSync(ctx, db.Path(), opt.syncWait(), opt.OnWait)
}

// Sync syncs every connection, or only opt.Connection when set, and
// returns the runs as one summary (Merge): what the console's sync action
// and a single-summary caller want.
func Sync(ctx context.Context, db *store.DB, opt Options, so syncer.Options) (syncer.Summary, error) {
	var names []string
	if opt.Connection != "" {
		names = []string{opt.Connection}
	}
	res, err := SyncConnections(ctx, db, opt, names, so)
	if err != nil {
		return syncer.Summary{Outcome: store.OutcomeFailed}, err
	}
	return Merge(res)
}

// Merge adds the connections' runs into one summary: the counts summed,
// the companies and warnings listed, the outcome and the error the worst
// (Worst). With several connections, each error and warning names its
// connection.
func Merge(res []ConnectionSync) (syncer.Summary, error) {
	if len(res) == 1 {
		return res[0].Summary, res[0].Err
	}
	var sum syncer.Summary
	var errs []error
	names := make([]string, 0, len(res))
	for i, r := range res {
		s := r.Summary
		names = append(names, r.Connection.Name)
		if i == 0 || s.Start.Before(sum.Start) && !s.Start.IsZero() {
			sum.Start = s.Start
		}
		if s.End.After(sum.End) {
			sum.End = s.End
		}
		sum.Companies = append(sum.Companies, s.Companies...)
		sum.Fetched, sum.New, sum.Changed, sum.Removed = sum.Fetched+s.Fetched, sum.New+s.New, sum.Changed+s.Changed, sum.Removed+s.Removed
		sum.Requests, sum.Retries, sum.Throttled = sum.Requests+s.Requests, sum.Retries+s.Retries, sum.Throttled+s.Throttled
		sum.ThrottleWait = max(sum.ThrottleWait, s.ThrottleWait)
		sum.Users = addUsers(sum.Users, s.Users)
		for _, w := range s.Warnings {
			w.Message = r.Connection.Name + ": " + w.Message
			sum.Warnings = append(sum.Warnings, w)
		}
		if sum.RunID == "" {
			sum.RunID = s.RunID
		}
		if r.Err != nil {
			errs = append(errs, Named(r.Connection.Name, r.Err))
		}
	}
	sum.Connection = strings.Join(names, ", ")
	sum.ThrottleWaitText = res[0].Summary.ThrottleWaitText
	sum.Outcome = worstOutcome(res)
	err := Worst(errs)
	sum.Error = syncer.ProblemOf(err)
	return sum, err
}

func addUsers(a, b *syncer.UsersSummary) *syncer.UsersSummary {
	if b == nil {
		return a
	}
	if a == nil {
		c := *b
		return &c
	}
	a.Total, a.Active, a.MissingEmail, a.New, a.Removed = a.Total+b.Total, a.Active+b.Active, a.MissingEmail+b.MissingEmail, a.New+b.New, a.Removed+b.Removed
	a.LegacyNoEmail = a.LegacyNoEmail || b.LegacyNoEmail
	return a
}

// worstOutcome: ok when every connection is, failed when none is, canceled
// when the user stopped it, partial otherwise.
func worstOutcome(res []ConnectionSync) string {
	ok, canceled := 0, false
	for _, r := range res {
		switch r.Summary.Outcome {
		case store.OutcomeOK:
			ok++
		case store.OutcomeCanceled:
			canceled = true
		}
	}
	switch {
	case canceled:
		return store.OutcomeCanceled
	case ok == len(res):
		return store.OutcomeOK
	case ok == 0 && allFailed(res):
		return store.OutcomeFailed
	}
	return store.OutcomePartial
}

func allFailed(res []ConnectionSync) bool {
	for _, r := range res {
		if r.Summary.Outcome != store.OutcomeFailed {
			return false
		}
	}
	return true
}

// Worst is the error a run of several parts reports and exits with: the
// first the admin must act on (exit 3), else the first.
func Worst(errs []error) error {
	for _, e := range errs {
		if failure.KindOf(e).NeedsAdmin() {
			return e
		}
	}
	if len(errs) > 0 {
		return errs[0]
	}
	return nil
}

// Named prefixes err with the connection it happened in; its kind,
// remedy and exit code stay err's.
func Named(connection string, err error) error {
	return &namedError{connection: connection, err: err}
}

type namedError struct {
	connection string
	err        error
}

func (e *namedError) Error() string { return fmt.Sprintf("connection %s: %v", e.connection, e.err) }
func (e *namedError) Unwrap() error { return e.err }
