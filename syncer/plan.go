package syncer

import (
	"sync"
	"time"

	"github.com/bcspend/bcspend/bc"
	"github.com/bcspend/bcspend/store"
)

// pass is one company's invoice query in this run: fresh, or the rest of
// an interrupted one.
type pass struct {
	company    store.Company
	id         string          // stamps LastSeenRun: the run that began the pass, kept across resumes
	state      store.SyncState // the checkpoint as committed so far
	resumed    bool            // an earlier process committed pages of it
	pagingDone bool            // every page is committed; only the finish is left
	windowFrom time.Time       // invoices dated before it are outside the window
	started    time.Time       // when this process took the pass up
	// mu guards state and the company's summary: a split pass's chains
	// commit from several goroutines, and BC's throttling waits are
	// reported from whichever request met them.
	mu *sync.Mutex
	// committedOne, when set, is told of every committed page (under mu).
	committedOne func()
}

// planPass decides what a company's pass is from its checkpoint.
//
//   - an interrupted pass is finished first, from its saved nextLink (an
//     interrupted incremental gives way to --full, which covers it);
//   - a company never synced gets the backfill;
//   - --full re-reads the window; otherwise only what changed is read.
//
// Checkpoint fields per mode: backfill and full keep the invoiceDate window
// in WindowFrom/WindowTo (full has an open end); incremental keeps its
// lastModifiedDateTime lower bound in WindowFrom, because CommitPage raises
// Watermark as pages land and a stale nextLink must restart from the bound
// the pass began with.
func planPass(c store.Company, st store.SyncState, ok bool, conn store.Connection, runID string, opt Options) pass {
	now := opt.Now().UTC()
	p := pass{company: c, id: runID, windowFrom: windowStart(conn.FirstConnected, now), started: now}
	switch {
	case ok && st.InProgress && !(opt.Full && st.Mode == store.ModeIncremental):
		p.state = st
		if st.RunID != "" {
			p.id = st.RunID
		}
		p.pagingDone = st.NextLink == "" && st.Pages > 0 && (len(st.Chains) == 0 || chainsDone(st.Chains))
		p.resumed = st.NextLink != "" || len(st.Chains) > 0 && st.Pages > 0 && !p.pagingDone
		return p
	case !ok:
		p.state = store.SyncState{Mode: store.ModeBackfill,
			WindowFrom: p.windowFrom, WindowTo: backfillEnd(conn.FirstConnected, now)}
	case opt.Full:
		p.state = store.SyncState{Mode: store.ModeFull, Watermark: st.Watermark, WindowFrom: p.windowFrom}
	default:
		p.state = store.SyncState{Mode: store.ModeIncremental, Watermark: st.Watermark,
			WindowFrom: sinceFor(st.Watermark, p.windowFrom, opt.Overlap)}
	}
	p.state.RunID, p.state.InProgress = runID, true
	return p
}

// query is the pass's query from its first page.
func (p *pass) query() bc.InvoiceQuery {
	if p.state.Mode == store.ModeIncremental {
		since := p.state.WindowFrom
		if since.IsZero() {
			since = p.windowFrom
		}
		return bc.InvoiceQuery{ChangedSince: since}
	}
	return bc.InvoiceQuery{PaidFrom: p.state.WindowFrom, PaidTo: p.state.WindowTo}
}
