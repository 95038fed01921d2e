package store

import (
	"encoding/json"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Sync modes.
const (
	ModeBackfill    = "backfill"
	ModeIncremental = "incremental"
	ModeFull        = "full"
)

// SyncState is one company's checkpoint, written by CommitPage in the same
// transaction as the page it describes.
type SyncState struct {
	Watermark  time.Time // max lastModifiedDateTime committed
	RunID      string
	InProgress bool
	Mode       string // backfill | incremental | full
	NextLink   string // resume point: the @odata.nextLink after the last committed page
	WindowFrom time.Time
	WindowTo   time.Time
	Pages      int
	Fetched    int
	Updated    time.Time
	// Chains are the disjoint invoiceDate ranges of a split backfill or
	// full pass, each read as its own nextLink chain (NextLink above stays
	// empty then). Each page rewrites its chain's entry in the same
	// transaction as the page, so a crash resumes every chain where it
	// stopped.
	Chains []ChainState `json:",omitempty"`
	// Expected is BC's $count of the pass when it was planned (0 unknown).
	Expected int `json:",omitempty"`
}

// ChainState is one range of a split pass.
type ChainState struct {
	From     time.Time // first invoiceDate, inclusive
	To       time.Time // last invoiceDate, inclusive; zero = open end (full)
	NextLink string    // resume point; "" with Done false = not started
	Done     bool
	Pages    int
	Fetched  int
	Expected int // BC's $count of the range when it was planned
}

// SyncState returns the company's checkpoint; ok is false before its first
// page.
func (db *DB) SyncState(companyID string) (st SyncState, ok bool, err error) {
	return db.syncStateIn(bktSync, companyID)
}

// syncStateIn reads a checkpoint from bucket (invoices' or credit memos').
func (db *DB) syncStateIn(bucket []byte, companyID string) (st SyncState, ok bool, err error) {
	if companyID == "" {
		return st, false, fmt.Errorf("store: empty company id")
	}
	err = db.view(func(tx *bolt.Tx) error {
		b, err := top(tx, bucket)
		if err != nil {
			return err
		}
		v := b.Get([]byte(companyID))
		if v == nil {
			return nil
		}
		if err := json.Unmarshal(v, &st); err != nil {
			return &CorruptRecordError{What: "sync state", Key: companyID, Err: err}
		}
		ok = true
		return nil
	})
	return st, ok, err
}

// SaveSyncState writes the company's checkpoint outside a page (start of a
// run, end of a run). Updated defaults to now.
func (db *DB) SaveSyncState(companyID string, st SyncState) error {
	return db.saveSyncStateIn(bktSync, companyID, st)
}

func (db *DB) saveSyncStateIn(bucket []byte, companyID string, st SyncState) error {
	if companyID == "" {
		return fmt.Errorf("store: empty company id")
	}
	if st.Updated.IsZero() {
		st.Updated = db.now()
	}
	return db.update("save the sync checkpoint", func(tx *bolt.Tx) error {
		return putSyncStateIn(tx, bucket, companyID, st)
	})
}

// The checkpoint is a handful of fields rewritten once per page: JSON keeps
// it readable with bbolt's CLI and costs nothing that matters.
func putSyncState(tx *bolt.Tx, companyID string, st SyncState) error {
	return putSyncStateIn(tx, bktSync, companyID, st)
}

func putSyncStateIn(tx *bolt.Tx, bucket []byte, companyID string, st SyncState) error {
	b, err := top(tx, bucket)
	if err != nil {
		return err
	}
	st.Updated = st.Updated.UTC()
	v, err := json.Marshal(st)
	if err != nil {
		return err
	}
	return b.Put([]byte(companyID), v)
}
