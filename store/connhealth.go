package store

import (
	"time"

	bolt "go.etcd.io/bbolt"
)

// ConnectionHealth is one connection with how its syncs went: what the
// connections list and the console's Integration screen show.
type ConnectionHealth struct {
	Connection Connection
	// LastRun is the connection's newest run (Synced false: never synced);
	// its Outcome, ErrorMessage and Remedy say how it went.
	LastRun SyncRun
	Synced  bool
	// LastOK is when the newest run that succeeded ended (zero: none).
	LastOK time.Time
}

// HealthNever is the Status of a connection that was never synced.
const HealthNever = "never synced"

// Status is the last run's outcome (ok, partial, failed, canceled,
// running), or HealthNever.
func (h ConnectionHealth) Status() string {
	if !h.Synced {
		return HealthNever
	}
	return h.LastRun.Outcome
}

// ConnectionsHealth lists every connection, in the order they were added,
// with its newest run and its last successful one.
func (db *DB) ConnectionsHealth() ([]ConnectionHealth, error) {
	var out []ConnectionHealth
	err := db.view(func(tx *bolt.Tx) error {
		b, err := top(tx, bktConnections)
		if err != nil {
			return err
		}
		at := map[string]int{}
		err = forEachConnection(b, func(c Connection) error {
			at[c.ID] = len(out)
			out = append(out, ConnectionHealth{Connection: c})
			return nil
		})
		if err != nil {
			return err
		}
		return newestRuns(tx, func(r SyncRun) bool {
			i, ok := at[r.RunConnection()]
			if !ok {
				return true
			}
			h := &out[i]
			if !h.Synced {
				h.LastRun, h.Synced = r, true
			}
			if h.LastOK.IsZero() && r.Outcome == OutcomeOK {
				h.LastOK = r.End
			}
			return true
		})
	})
	return out, err
}

// newestRuns walks the runs newest first while fn returns true.
func newestRuns(tx *bolt.Tx, fn func(SyncRun) bool) error {
	runs, err := top(tx, bktRuns)
	if err != nil {
		return err
	}
	c := runs.Cursor()
	for k, v := c.Last(); k != nil; k, v = c.Prev() {
		r, err := decodeRun(k, v)
		if err != nil {
			return err
		}
		if !fn(r) {
			return nil
		}
	}
	return nil
}
