package main

import (
	"fmt"
	"strings"
	"time"

	"github.com/bcspend/bcspend/store"

	"github.com/bcspend/bcspend/money"
)

// The console follows the file (ui.Follower): the backend remembers what
// its model reflects (the file's newest commit and sync run when the read
// began) and, when another process committed since, drops the model and
// says what changed.

// seenState is what the model was read from.
type seenState struct {
	txid     uint64
	run      string // the newest sync run's id
	running  bool   // that run was under way (another process syncing)
	rules    int
	loadedAt time.Time
}

// midSyncReload is how often the console re-reads while another process
// syncs: every page is a commit, and a backfill commits for minutes.
const midSyncReload = 30 * time.Second

// seeing reads what the file holds now, before the model is read from it.
func (b *backend) seeing() seenState {
	s := seenState{loadedAt: b.now()}
	s.txid, _ = b.db.TxID() // unreadable: 0, the next look reloads
	if run, ok, err := b.db.LastRun(); err == nil && ok {
		s.run, s.running = run.ID, run.Outcome == store.OutcomeRunning
	}
	if rules, err := b.db.Rules(); err == nil {
		s.rules = len(rules)
	}
	return s
}

// Changed implements ui.Follower: cheap (the file's header) while nothing
// changed; otherwise the model is dropped and the change described.
func (b *backend) Changed() (string, bool, error) {
	changed, err := b.db.Changed()
	if err != nil || !changed {
		return "", false, err
	}
	b.mu.Lock()
	old := b.seen
	b.mu.Unlock()
	now := b.seeing()
	what, reload := describeChange(b.db, old, now)
	if !reload {
		return "", false, nil
	}
	if err := b.reloadCatalog(); err != nil { // a custom application may be new
		return "", false, err
	}
	return what, true, nil
}

// describeChange says what another process changed between two looks, and
// whether to reload now: during another process's sync only every
// midSyncReload.
func describeChange(db *store.DB, old, now seenState) (string, bool) {
	if now.running && now.run == old.run && now.loadedAt.Sub(old.loadedAt) < midSyncReload {
		return "", false
	}
	var runs []store.SyncRun
	if now.run != old.run || old.running {
		all, _ := db.Runs(50)
		for _, r := range all {
			if r.ID == old.run && !old.running {
				break
			}
			runs = append(runs, r)
			if r.ID == old.run {
				break
			}
		}
	}
	var parts []string
	for i := len(runs) - 1; i >= 0; i-- {
		parts = append(parts, runText(runs[i]))
	}
	if d := now.rules - old.rules; d > 0 {
		parts = append(parts, fmt.Sprintf("rules: %s added in another bcspend", money.Plural(d, "rule", "rules")))
	} else if d < 0 {
		parts = append(parts, fmt.Sprintf("rules: %s removed in another bcspend", money.Plural(-d, "rule", "rules")))
	}
	if len(parts) == 0 {
		return "Another bcspend changed the data; reloaded.", true
	}
	return strings.Join(parts, "; "), true
}

// runText is one run in a toast: "sync: 12 new invoices, 3 changed".
func runText(r store.SyncRun) string {
	if r.Outcome == store.OutcomeRunning {
		return "sync running in another bcspend: showing what it has committed so far"
	}
	out := "sync: " + money.Plural(r.New, "new invoice", "new invoices")
	if r.Changed > 0 {
		out += fmt.Sprintf(", %s changed", num(r.Changed))
	}
	if r.Removed > 0 {
		out += fmt.Sprintf(", %s removed", num(r.Removed))
	}
	if r.Outcome != store.OutcomeOK {
		out += " (" + r.Outcome + ")"
	}
	return out
}
