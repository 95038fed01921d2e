package store

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Run outcomes. OutcomeRunning is stored while a run is under way; a run
// still "running" when the next one begins was killed, and is closed then
// as failed/interrupted.
const (
	OutcomeRunning  = "running"
	OutcomeOK       = "ok"
	OutcomeFailed   = "failed"
	OutcomeCanceled = "canceled"
	OutcomePartial  = "partial"
)

// MaxRuns is how many runs the history keeps; older ones are pruned by
// BeginRun so the history cannot grow without bound.
const MaxRuns = 1000

// RunCounts are one company's figures in a run.
type RunCounts struct {
	Fetched, New, Changed, Removed int
}

// SyncRun is one sync's history entry: one connection's run (a sync of
// several connections records one run each).
type SyncRun struct {
	ID string
	// Connection is the id of the connection synced; "" in runs recorded
	// before several connections, which were all the first's (RunConnection).
	Connection   string `json:",omitempty"`
	Start, End   time.Time
	Outcome      string // running | ok | failed | canceled | partial
	Mode         string
	Fetched      int
	New          int
	Changed      int
	Removed      int
	Requests     int
	Retries      int
	ThrottleWait time.Duration
	ErrorKind    string
	ErrorCode    string
	ErrorMessage string
	Remedy       string
	Support      string // BC's correlation id and the request id of the failure
	Companies    map[string]RunCounts
	// Parallel is how many chains the run read at once at its lowest
	// (fewer when BC throttled); PageSize the smallest page it asked for
	// (smaller when pages timed out).
	Parallel int `json:",omitempty"`
	PageSize int `json:",omitempty"`
}

// runs/<8-byte big-endian sequence> -> JSON, so the newest run is the last
// key and Runs walks backwards; run-ids/<id> -> sequence.

// RunConnection is the id of the connection r synced.
func (r SyncRun) RunConnection() string {
	if r.Connection == "" {
		return firstConnectionID
	}
	return r.Connection
}

// BeginRun records a new run of the first connection; see BeginConnectionRun.
func (db *DB) BeginRun(start time.Time) (SyncRun, error) {
	return db.BeginConnectionRun(firstConnectionID, start)
}

// BeginConnectionRun records a new run of connection connID started at
// start and returns it with its ID (unique within the file, ordered like
// the runs). That connection's runs left "running" by a killed process are
// closed as failed/interrupted first; other connections' runs are left
// alone, since one sync may run several connections side by side.
func (db *DB) BeginConnectionRun(connID string, start time.Time) (SyncRun, error) {
	run := SyncRun{Connection: connID, Start: start.UTC(), Outcome: OutcomeRunning}
	if connID == "" {
		return SyncRun{}, fmt.Errorf("store: a run needs its connection")
	}
	err := db.update("record the start of a sync run", func(tx *bolt.Tx) error {
		runs, ids, err := runBuckets(tx)
		if err != nil {
			return err
		}
		if err := closeInterrupted(runs, connID, start.UTC()); err != nil {
			return err
		}
		seq, err := runs.NextSequence()
		if err != nil {
			return err
		}
		run.ID = fmt.Sprintf("%s-%d", run.Start.Format("20060102T150405Z"), seq)
		key := binary.BigEndian.AppendUint64(nil, seq)
		if err := ids.Put([]byte(run.ID), key); err != nil {
			return err
		}
		if err := putRun(runs, key, &run); err != nil {
			return err
		}
		return pruneRuns(runs, ids)
	})
	if err != nil {
		return SyncRun{}, err
	}
	return run, nil
}

func runBuckets(tx *bolt.Tx) (runs, ids *bolt.Bucket, err error) {
	if runs, err = top(tx, bktRuns); err != nil {
		return nil, nil, err
	}
	ids, err = top(tx, bktRunIDs)
	return runs, ids, err
}

func putRun(runs *bolt.Bucket, key []byte, run *SyncRun) error {
	v, err := json.Marshal(run)
	if err != nil {
		return err
	}
	return runs.Put(key, v)
}

func closeInterrupted(runs *bolt.Bucket, connID string, now time.Time) error {
	type kv struct {
		k   []byte
		run SyncRun
	}
	var open []kv
	c := runs.Cursor()
	// Only the connection's last few can still be running (each began
	// after the one before it closed, under the sync lock); walk back
	// until its newest closed one.
	for k, v := c.Last(); k != nil; k, v = c.Prev() {
		var r SyncRun
		if json.Unmarshal(v, &r) != nil {
			break
		}
		if r.RunConnection() != connID {
			continue
		}
		if r.Outcome != OutcomeRunning {
			break
		}
		r.Outcome, r.End = OutcomeFailed, now
		r.ErrorKind = "interrupted"
		r.ErrorMessage = "the run stopped before finishing (process killed or crashed)"
		r.Remedy = "nothing to do: the next sync resumed from the last committed page"
		open = append(open, kv{clone(k), r})
	}
	for _, o := range open {
		if err := putRun(runs, o.k, &o.run); err != nil {
			return err
		}
	}
	return nil
}

func pruneRuns(runs, ids *bolt.Bucket) error {
	n := runs.Stats().KeyN
	if n <= MaxRuns {
		return nil
	}
	type kv struct{ k, id []byte }
	var old []kv
	c := runs.Cursor()
	for k, v := c.First(); k != nil && len(old) < n-MaxRuns; k, v = c.Next() {
		var r SyncRun
		_ = json.Unmarshal(v, &r)
		old = append(old, kv{clone(k), []byte(r.ID)})
	}
	var err error
	for _, o := range old {
		err = errors.Join(err, runs.Delete(o.k))
		if len(o.id) > 0 {
			err = errors.Join(err, ids.Delete(o.id))
		}
	}
	return err
}

// FinishRun stores the final figures of a run begun with BeginRun. End
// defaults to now and Outcome to ok.
func (db *DB) FinishRun(run SyncRun) error {
	if run.End.IsZero() {
		run.End = db.now()
	}
	run.Start, run.End = run.Start.UTC(), run.End.UTC()
	if run.Outcome == "" || run.Outcome == OutcomeRunning {
		run.Outcome = OutcomeOK
	}
	return db.update("record the end of a sync run", func(tx *bolt.Tx) error {
		runs, ids, err := runBuckets(tx)
		if err != nil {
			return err
		}
		key := clone(ids.Get([]byte(run.ID)))
		if key == nil {
			return fmt.Errorf("store: FinishRun: unknown run %q (begin it with BeginRun)", run.ID)
		}
		if run.Connection == "" {
			var begun SyncRun
			if json.Unmarshal(runs.Get(key), &begun) == nil {
				run.Connection = begun.Connection
			}
		}
		return putRun(runs, key, &run)
	})
}

// Runs returns up to limit runs of every connection, newest first (limit
// <= 0: all).
func (db *DB) Runs(limit int) ([]SyncRun, error) {
	return db.runsWhere(limit, func(SyncRun) bool { return true })
}

// ConnectionRuns returns up to limit runs of connection connID, newest
// first (limit <= 0: all).
func (db *DB) ConnectionRuns(connID string, limit int) ([]SyncRun, error) {
	return db.runsWhere(limit, func(r SyncRun) bool { return r.RunConnection() == connID })
}

func (db *DB) runsWhere(limit int, keep func(SyncRun) bool) ([]SyncRun, error) {
	var out []SyncRun
	err := db.view(func(tx *bolt.Tx) error {
		runs, err := top(tx, bktRuns)
		if err != nil {
			return err
		}
		c := runs.Cursor()
		for k, v := c.Last(); k != nil && (limit <= 0 || len(out) < limit); k, v = c.Prev() {
			r, err := decodeRun(k, v)
			if err != nil {
				return err
			}
			if keep(r) {
				out = append(out, r)
			}
		}
		return nil
	})
	return out, err
}

// LastRun returns the newest run; ok is false when there is none.
func (db *DB) LastRun() (SyncRun, bool, error) {
	runs, err := db.Runs(1)
	if err != nil || len(runs) == 0 {
		return SyncRun{}, false, err
	}
	return runs[0], true, nil
}

func decodeRun(k, v []byte) (SyncRun, error) {
	var r SyncRun
	if err := json.Unmarshal(v, &r); err != nil {
		return r, &CorruptRecordError{What: "sync run", Key: fmt.Sprintf("%x", k), Err: err}
	}
	return r, nil
}
