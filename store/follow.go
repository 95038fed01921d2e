package store

import (
	"fmt"
	"os"
)

// Following the file: a process that shows what it read (the console)
// learns that another process committed without taking any lock. bbolt
// numbers its commits; the newest number is in the file's header pages,
// which checkFile already reads with plain reads.

// TxID is the number of the newest transaction committed to the file, by
// any process, read from its header pages without a lock. A header page
// being written at that instant fails its checksum and the other one
// counts, so a torn read shows the commit before.
func (db *DB) TxID() (uint64, error) {
	f, err := os.Open(db.path)
	if err != nil {
		return 0, fmt.Errorf("store: %w; check that %s is still there", err, db.path)
	}
	defer f.Close()
	m := newer(readMetas(f))
	if !m.valid {
		return 0, damaged(db.path, "both of its header pages are unreadable")
	}
	return m.txid, nil
}

// MarkSeen records that what the caller holds reflects the file up to
// commit txid (read with TxID before reading the data). Commits through
// this DB that directly follow it advance it, so the caller's own writes
// are not taken for another process's.
func (db *DB) MarkSeen(txid uint64) {
	db.mu.Lock()
	db.seen = txid
	db.mu.Unlock()
}

// Changed reports whether the file has commits the caller has not seen:
// another process (a scheduled sync, a rule from the command line) wrote.
func (db *DB) Changed() (bool, error) {
	t, err := db.TxID()
	if err != nil {
		return false, err
	}
	db.mu.Lock()
	defer db.mu.Unlock()
	return t != db.seen, nil
}

// committed advances seen past this DB's own commit id.
func (db *DB) committed(id uint64) {
	db.mu.Lock()
	if db.seen != 0 && db.seen+1 == id {
		db.seen = id
	}
	db.mu.Unlock()
}
