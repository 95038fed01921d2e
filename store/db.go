// Package store is bcspend's memory: one bbolt file holding the connection,
// the secrets fallback, invoices with their lines, vendors, users, exchange
// rates, sync state and history, rules and settings. Every write is one bbolt
// transaction, so a run killed at any instant leaves either the whole page
// (records and checkpoint) or none of it. docs/STORAGE.md has the layout.
package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"
	bolterr "go.etcd.io/bbolt/errors"
)

// DefaultWait is how long a transaction waits for another process's lock
// unless Options.Wait says otherwise: another process holds the file for
// one transaction at a time (handle.go), so the wait is normally short.
const DefaultWait = 10 * time.Second

// magic marks a bbolt file as ours; a bbolt file without it belongs to
// another application and is never written to.
const magic = "bcspend-store"

// Bucket names. Top-level buckets are created by migration 1.
var (
	bktMeta       = []byte("meta")
	bktConnection = []byte("connection")
	bktSecrets    = []byte("secrets")
	bktInvoices   = []byte("invoices")     // company -> date+id -> invoice
	bktInvoiceIDs = []byte("invoice-ids")  // company -> id -> date key
	bktVendors    = []byte("vendors")      // company -> vendor id -> vendor
	bktUsers      = []byte("users")        // user security id -> user
	bktRates      = []byte("rates")        // company -> currency+date+id -> rate
	bktSync       = []byte("sync")         // company -> sync state
	bktRuns       = []byte("runs")         // seq -> run
	bktRunIDs     = []byte("run-ids")      // run id -> seq
	bktRules      = []byte("rules")        // seq -> rule
	bktRuleIDs    = []byte("rule-ids")     // rule id -> seq
	bktSettings   = []byte("settings")     // key -> value
	bktCompanies  = []byte("company-info") // company -> what BC says about the company (JSON)

	keyMagic   = []byte("magic")
	keySchema  = []byte("schema")
	keyCreated = []byte("created")
)

// DB is an open bcspend file. Its methods are safe for concurrent use. It
// holds no lock between transactions (handle.go), so other processes read
// and write the file while a DB is open.
type DB struct {
	path     string
	cfg      config
	readOnly bool
	now      func() time.Time
	wait     time.Duration
	onWait   func(Holder)
	known    int  // the newest schema this binary knows
	ready    bool // Open's checks passed: reopens check the header only

	mu     sync.Mutex
	cond   sync.Cond // on mu: a handle's last transaction ended
	h      *bolt.DB  // open while a transaction runs (or pinned)
	hWrite bool
	refs   int // transactions running on h
	pins   int
	closed bool
	seen   uint64 // see MarkSeen
}

// Options tune how a DB waits for other processes.
type Options struct {
	// Wait is how long a transaction (and LockSync) waits for another
	// process's lock before failing with a *LockedError; 0 is DefaultWait.
	Wait time.Duration
	// OnWait is told who holds the file when a wait begins, e.g. to print
	// "waiting for the sync of pid 4242". It must not use the DB.
	OnWait func(Holder)
	// Now is the clock the file's stamps are read from (the first
	// connection, which dates the sync window, among them); nil is
	// time.Now. A test against a simulated tenant on a fixed day passes
	// the tenant's clock.
	Now func() time.Time
}

// config holds what tests vary; Open uses defaultConfig.
type config struct {
	timeout    time.Duration
	onWait     func(Holder)
	migrations []migration
	openFile   func(string, int, os.FileMode) (*os.File, error)
	now        func() time.Time
}

func defaultConfig() config {
	return config{timeout: DefaultWait, migrations: migrations, now: time.Now}
}

func (o Options) config() config {
	cfg := defaultConfig()
	if o.Wait > 0 {
		cfg.timeout = o.Wait
	}
	cfg.onWait = o.OnWait
	if o.Now != nil {
		cfg.now = o.Now
	}
	return cfg
}

func newDB(path string, cfg config, readOnly bool) *DB {
	db := &DB{path: path, cfg: cfg, readOnly: readOnly, now: cfg.now, wait: cfg.timeout,
		onWait: cfg.onWait, known: knownSchema(cfg.migrations)}
	db.cond.L = &db.mu
	return db
}

// DefaultPath is $XDG_DATA_HOME/bcspend/bcspend.db, or
// ~/.local/share/bcspend/bcspend.db when XDG_DATA_HOME is unset.
func DefaultPath() (string, error) {
	if d := os.Getenv("XDG_DATA_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "bcspend", "bcspend.db"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("store: no home directory for the default database path (%v); pass --db", err)
	}
	return filepath.Join(home, ".local", "share", "bcspend", "bcspend.db"), nil
}

// Open opens or creates the bcspend file at path: the directory is created
// 0700 and the file 0600 (it may hold secrets). It fails after DefaultWait
// with a *LockedError if another process holds the file, with a
// *ForeignFileError if the file is not ours (the file is not touched), and
// with a *SchemaError if a newer bcspend wrote it. Pending migrations run
// before Open returns. The DB holds no lock once Open returns.
func Open(path string) (*DB, error) {
	return open(path, defaultConfig())
}

// OpenWith is Open with how to wait for other processes.
func OpenWith(path string, opt Options) (*DB, error) {
	return open(path, opt.config())
}

func open(path string, cfg config) (*DB, error) {
	if path == "" {
		return nil, errors.New("store: empty database path; pass --db")
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("store: create directory for %s: %w; check permissions or pass --db", path, err)
	}
	db := newDB(path, cfg, false)
	if err := db.precheck(); err != nil {
		return nil, err
	}
	// Setup runs on one writable handle, which creates a missing file.
	unpin := db.Pin()
	defer unpin()
	if err := db.withHandle(true, func(*bolt.DB) error { return db.setup(cfg.migrations) }); err != nil {
		_ = db.Close()
		return nil, err
	}
	// An existing file may predate the 0600 rule; it can hold secrets.
	_ = os.Chmod(path, 0o600)
	db.ready = true
	return db, nil
}

// OpenReadOnly opens an existing bcspend file for commands that only read
// (status, export): it creates no directory or file, writes nothing, and
// works on a file the user may not write (0400, a read-only mount). Every
// write through the returned DB fails. A file at an older schema is
// migrated first with Open, which needs write access.
func OpenReadOnly(path string) (*DB, error) {
	return openReadOnly(path, defaultConfig())
}

// OpenReadOnlyWith is OpenReadOnly with how to wait for other processes.
func OpenReadOnlyWith(path string, opt Options) (*DB, error) {
	return openReadOnly(path, opt.config())
}

func openReadOnly(path string, cfg config) (*DB, error) {
	info, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil, &MissingError{Path: path}
	case err != nil:
		return nil, fmt.Errorf("store: %w; check permissions or pass --db", err)
	case !info.Mode().IsRegular():
		return nil, &ForeignFileError{Path: path, Reason: "not a regular file"}
	case info.Size() == 0:
		return nil, &MissingError{Path: path}
	}
	if err := checkFile(path); err != nil {
		return nil, err
	}
	db := newDB(path, cfg, true)
	var fresh bool
	var schema int
	err = db.withHandle(false, func(*bolt.DB) error {
		// Under the shared lock no writer moves pages.
		if err := walkFile(path); err != nil {
			return err
		}
		return db.view(func(tx *bolt.Tx) (err error) {
			fresh, err = checkMeta(tx, path, db.known)
			if err == nil && !fresh {
				schema = schemaOf(tx.Bucket(bktMeta))
			}
			return err
		})
	})
	if err != nil {
		return nil, err
	}
	if fresh || schema < db.known {
		return open(path, cfg) // initialise or migrate: needs to write
	}
	db.ready = true
	return db, nil
}

// precheck inspects an existing non-empty file read-only before the
// read-write open: a read-write bbolt open may write (it syncs a missing
// freelist), and a foreign, too-new or damaged file must stay
// byte-identical. After an unclean stop the whole file is checked
// (damage.go) before anything writes to it.
func (db *DB) precheck() error {
	path := db.path
	info, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) || err == nil && info.Size() == 0 {
		return nil // new file (or one we created and died before initialising)
	}
	if err != nil {
		return fmt.Errorf("store: %w; check permissions or pass --db", err)
	}
	if !info.Mode().IsRegular() {
		return &ForeignFileError{Path: path, Reason: "not a regular file"}
	}
	if err := checkFile(path); err != nil {
		return err
	}
	return db.withHandle(false, func(b *bolt.DB) error {
		// Under the shared lock no writer moves pages: every page is checked
		// before bbolt reads past the header (or writes, which on a damaged
		// tree corrupts memory).
		if err := walkFile(path); err != nil {
			return err
		}
		dirty := false
		err := guarded(path, b, func() error {
			return b.View(func(tx *bolt.Tx) error {
				_, err := checkMeta(tx, path, db.known)
				// A run still "running" is interrupted only when no sync
				// holds the sync lock: a live one is mid-run in another process.
				dirty = err == nil && unclean(tx) && !syncRunning(path)
				return err
			})
		})
		if err != nil || !dirty {
			return err
		}
		return verify(path, b)
	})
}

func classifyOpenErr(path string, err error) error {
	switch {
	case errors.Is(err, ErrDamaged):
		return err
	case errors.Is(err, bolterr.ErrTimeout):
		return &LockedError{Path: path, Holder: readHolder(path)}
	case errors.Is(err, bolterr.ErrInvalid), errors.Is(err, bolterr.ErrVersionMismatch),
		errors.Is(err, bolterr.ErrChecksum), errors.Is(err, bolterr.ErrInvalidMapping):
		return &ForeignFileError{Path: path, Reason: "not a bbolt database: " + err.Error()}
	}
	return fmt.Errorf("store: open %s: %w; check permissions and free space, or pass --db", path, err)
}

// checkMeta reports whether tx holds an empty file (fresh: no buckets at
// all), or ours at a schema we can read; anything else is an error.
func checkMeta(tx *bolt.Tx, path string, known int) (fresh bool, err error) {
	meta := tx.Bucket(bktMeta)
	if meta == nil {
		empty := true
		_ = tx.ForEach(func([]byte, *bolt.Bucket) error { empty = false; return errStop })
		if !empty {
			return false, &ForeignFileError{Path: path, Reason: "a bbolt file of another application"}
		}
		return true, nil
	}
	if string(meta.Get(keyMagic)) != magic {
		return false, &ForeignFileError{Path: path, Reason: "a bbolt file of another application"}
	}
	if v := schemaOf(meta); v > known {
		return false, &SchemaError{Path: path, Found: v, Known: known}
	}
	return false, nil
}

var errStop = errors.New("stop")

func schemaOf(meta *bolt.Bucket) int {
	v := meta.Get(keySchema)
	if len(v) != 4 {
		return 0
	}
	return int(binary.BigEndian.Uint32(v))
}

// setup writes the meta bucket into a fresh file, then runs migrations.
func (db *DB) setup(ms []migration) error {
	known := knownSchema(ms)
	var fresh bool
	err := db.view(func(tx *bolt.Tx) (err error) {
		fresh, err = checkMeta(tx, db.path, known)
		return err
	})
	if err != nil {
		return err
	}
	if !fresh {
		return db.migrate(ms) // opening an up-to-date file writes nothing
	}
	err = db.update("initialise the database", func(tx *bolt.Tx) error {
		fresh, err := checkMeta(tx, db.path, known)
		if err != nil || !fresh {
			return err
		}
		meta, err := tx.CreateBucket(bktMeta)
		if err != nil {
			return err
		}
		var e encoder
		e.time(db.now())
		return errors.Join(meta.Put(keyMagic, []byte(magic)), meta.Put(keySchema, schemaBytes(0)),
			meta.Put(keyCreated, e.b))
	})
	if err != nil {
		return err
	}
	return db.migrate(ms)
}

func schemaBytes(v int) []byte { return binary.BigEndian.AppendUint32(nil, uint32(v)) }

// Path is the file this DB was opened from.
func (db *DB) Path() string { return db.path }

// Close ends the DB; a transaction still running finishes first.
func (db *DB) Close() error {
	db.mu.Lock()
	defer db.mu.Unlock()
	db.closed = true
	if db.h != nil && db.refs == 0 {
		err := db.h.Close()
		db.h = nil
		return err
	}
	return nil
}

// SchemaVersion is the schema the file is at.
func (db *DB) SchemaVersion() (int, error) {
	var v int
	err := db.view(func(tx *bolt.Tx) error {
		v = schemaOf(tx.Bucket(bktMeta))
		return nil
	})
	return v, err
}

// fnError marks an error returned by our own code inside a transaction, so
// update can tell it apart from a failed commit.
type fnError struct{ err error }

func (e fnError) Error() string { return e.err.Error() }

// update runs fn in one read-write transaction. Errors from fn come back
// as they are; a commit failure (disk full, I/O) becomes a *WriteError that
// says nothing committed was lost, which bbolt's atomic commit guarantees.
//
// A panic or memory fault on a damaged file comes back as a *DamagedError
// (damage.go); bbolt rolls the transaction back, so nothing is written.
func (db *DB) update(op string, fn func(tx *bolt.Tx) error) error {
	h, err := db.acquire(true)
	if errors.Is(err, bolterr.ErrDatabaseNotOpen) {
		return fmt.Errorf("store: %s: the database is closed", op)
	}
	if err != nil {
		return err
	}
	defer db.release()
	var id uint64
	err = guarded(db.path, h, func() error {
		return h.Update(func(tx *bolt.Tx) error {
			if err := db.sound(tx); err != nil {
				return fnError{err}
			}
			if err := fn(tx); err != nil {
				return fnError{err}
			}
			id = uint64(tx.ID())
			return nil
		})
	})
	if err == nil {
		db.committed(id)
	}
	if errors.Is(err, ErrDamaged) {
		return err
	}
	var fe fnError
	if errors.As(err, &fe) {
		return fe.err
	}
	if errors.Is(err, bolterr.ErrDatabaseNotOpen) {
		return fmt.Errorf("store: %s: the database is closed", op)
	}
	if err != nil {
		return &WriteError{Op: op, Err: err}
	}
	return nil
}

// view runs fn in a read-only transaction; a damaged file is an error, not
// a panic (see update).
func (db *DB) view(fn func(tx *bolt.Tx) error) error {
	h, err := db.acquire(false)
	if errors.Is(err, bolterr.ErrDatabaseNotOpen) {
		return errors.New("store: the database is closed")
	}
	if err != nil {
		return err
	}
	defer db.release()
	return guarded(db.path, h, func() error {
		return h.View(func(tx *bolt.Tx) error {
			if err := db.sound(tx); err != nil {
				return err
			}
			return fn(tx)
		})
	})
}

// sound checks, in every transaction after Open, that the file is still
// ours at a schema this binary knows: the file is reopened for each
// transaction, and another bcspend (a newer one, too) may have changed it
// meanwhile. Three lookups in the meta bucket.
func (db *DB) sound(tx *bolt.Tx) error {
	if !db.ready {
		return nil // Open is checking and initialising it
	}
	fresh, err := checkMeta(tx, db.path, db.known)
	if err == nil && fresh {
		err = &ForeignFileError{Path: db.path, Reason: "it was replaced by an empty bbolt file while bcspend had it open"}
	}
	return err
}

// top returns a top-level bucket; migration 1 creates them all, so a
// missing one means the file was damaged.
func top(tx *bolt.Tx, name []byte) (*bolt.Bucket, error) {
	b := tx.Bucket(name)
	if b == nil {
		return nil, fmt.Errorf("store: bucket %q missing; the file is damaged: move it away and sync again", name)
	}
	return b, nil
}

// sub returns the per-company sub-bucket of a top-level bucket, creating it
// when create is set and the transaction is writable. A nil bucket with a
// nil error means "nothing stored for this company yet".
func sub(tx *bolt.Tx, name []byte, companyID string, create bool) (*bolt.Bucket, error) {
	if companyID == "" {
		return nil, errors.New("store: empty company id")
	}
	t, err := top(tx, name)
	if err != nil {
		return nil, err
	}
	if create {
		return t.CreateBucketIfNotExists([]byte(companyID))
	}
	return t.Bucket([]byte(companyID)), nil
}

func clone(b []byte) []byte { return append([]byte(nil), b...) }
