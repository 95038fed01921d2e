package store

import (
	"errors"
	"fmt"
	"os"
	"time"

	bolt "go.etcd.io/bbolt"
	bolterr "go.etcd.io/bbolt/errors"
)

// No process holds the file longer than one transaction. bbolt's flock
// belongs to an open handle (shared for a read-only one, exclusive for a
// writable one) and lasts until the handle is closed, so a DB opens a bbolt
// handle for each transaction and closes it when the last transaction using
// it ends. A console that shows what it read holds nothing while idle, and
// a sync holds the exclusive lock for one committed page at a time.
//
// Within one process the transactions of one DB share the open handle: a
// read joins any open handle, a write needs a writable one and waits for
// the process's own reads on a read-only handle to end first (a read
// must therefore never start a write inside its callback).
//
// Reopening is cheap because the expensive checks of Open (the page walk,
// the full check after an unclean stop) ran once; each reopen checks the
// two header pages with plain reads (checkFile) and each transaction the
// file's magic and schema (another bcspend may have migrated it since).

// acquire returns an open handle for one transaction; release ends it.
func (db *DB) acquire(write bool) (*bolt.DB, error) {
	write = write && !db.readOnly // a read-only DB's writes fail in bbolt
	db.mu.Lock()
	defer db.mu.Unlock()
	for {
		if db.closed {
			return nil, bolterr.ErrDatabaseNotOpen
		}
		if db.h != nil && (!write || db.hWrite) {
			db.refs++
			return db.h, nil
		}
		if db.h == nil || db.refs == 0 {
			break
		}
		db.cond.Wait()
	}
	if db.h != nil {
		_ = db.h.Close()
		db.h = nil
	}
	h, err := db.openHandle(write)
	if err != nil {
		return nil, err
	}
	db.h, db.hWrite, db.refs = h, write, 1
	return h, nil
}

func (db *DB) release() {
	db.mu.Lock()
	defer db.mu.Unlock()
	db.refs--
	if db.refs == 0 && db.h != nil && (db.pins == 0 || db.closed) {
		_ = db.h.Close()
		db.h = nil
	}
	db.cond.Broadcast()
}

// withHandle runs fn with a handle held; fn may run several transactions
// on it (the check functions of damage.go).
func (db *DB) withHandle(write bool, fn func(*bolt.DB) error) error {
	h, err := db.acquire(write)
	if err != nil {
		return err
	}
	defer db.release()
	return fn(h)
}

// openHandle opens the file for one transaction, waiting up to db.wait for
// another process's lock (telling onWait who holds it, once).
func (db *DB) openHandle(write bool) (*bolt.DB, error) {
	if db.ready {
		if err := db.stillOurs(); err != nil {
			return nil, err
		}
	}
	// PreLoadFreelist: a read-only handle otherwise loads its freelist on
	// first need, and tx.Check (Verify) does that in its own goroutine
	// without the lock bbolt's beginTx holds to read it, a data race with a
	// read joining the handle. Reading the synced freelist page is cheap.
	opt := bolt.Options{ReadOnly: !write, OpenFile: db.cfg.openFile, Timeout: time.Nanosecond, PreLoadFreelist: true}
	start := time.Now()
	b, err := openBolt(db.path, &opt)
	if errors.Is(err, bolterr.ErrTimeout) && db.wait > 0 {
		if db.onWait != nil {
			db.onWait(readHolder(db.path))
		}
		opt.Timeout = max(db.wait-time.Since(start), time.Nanosecond)
		b, err = openBolt(db.path, &opt)
	}
	if errors.Is(err, bolterr.ErrTimeout) {
		return nil, &LockedError{Path: db.path, Holder: readHolder(db.path), Waited: time.Since(start)}
	}
	if err != nil {
		return nil, classifyOpenErr(db.path, err)
	}
	return b, nil
}

// stillOurs checks, before a reopen, that the file is still there (a
// writable bbolt open would silently create a new, empty one) and that its
// header pages are sound.
func (db *DB) stillOurs() error {
	info, err := os.Stat(db.path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return fmt.Errorf("store: %s was removed or moved while bcspend had it open; restore it, or restart bcspend to start a new one", db.path)
	case err != nil:
		return fmt.Errorf("store: %w; check permissions or pass --db", err)
	case info.Size() == 0:
		return fmt.Errorf("store: %s was emptied while bcspend had it open; restore it from a backup", db.path)
	}
	return checkFile(db.path)
}

// Pin keeps the file open (and locked) until the returned function is
// called: for a burst of transactions that would otherwise reopen it each
// time. Nothing that waits on the user or the network may run while pinned.
func (db *DB) Pin() (unpin func()) {
	db.mu.Lock()
	db.pins++
	db.mu.Unlock()
	return func() {
		db.mu.Lock()
		defer db.mu.Unlock()
		db.pins--
		if db.pins == 0 && db.refs == 0 && db.h != nil {
			_ = db.h.Close()
			db.h = nil
		}
	}
}
