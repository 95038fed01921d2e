package store

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"os"
	"runtime/debug"
	"strings"

	bolt "go.etcd.io/bbolt"
)

// A damaged file (truncated by a full disk or a bad copy, a page
// overwritten by failing storage) makes bbolt panic or fault on its memory
// map: "assertion failed: Page expected", SIGSEGV, SIGBUS. bcspend checks
// the file before bbolt maps it, turns a panic or fault while reading it
// into a *DamagedError, and never writes to a damaged file.

// bbolt's on-disk meta page (go.etcd.io/bbolt/internal/common): a 16-byte
// page header, then magic, version, page size, flags (uint32 each), the
// root bucket (pgid, sequence), the freelist pgid, the high-water pgid,
// the txid and an FNV-64a checksum of everything before it.
const (
	boltMagic      = 0xED0CDAED
	boltVersion    = 2
	pageHeaderSize = 16
	metaSize       = 64
	noFreelist     = ^uint64(0)
)

type boltMeta struct {
	magic, version, pageSize   uint32
	root, freelist, pgid, txid uint64
	valid                      bool // magic, version and checksum hold
}

func parseMeta(b []byte) boltMeta {
	if len(b) < pageHeaderSize+metaSize {
		return boltMeta{}
	}
	m := b[pageHeaderSize : pageHeaderSize+metaSize]
	le := binary.LittleEndian // bbolt writes native order; bcspend's platforms are little-endian
	meta := boltMeta{magic: le.Uint32(m[0:]), version: le.Uint32(m[4:]), pageSize: le.Uint32(m[8:]),
		root: le.Uint64(m[16:]), freelist: le.Uint64(m[32:]), pgid: le.Uint64(m[40:]), txid: le.Uint64(m[48:])}
	h := fnv.New64a()
	h.Write(m[:56])
	meta.valid = meta.magic == boltMagic && meta.version == boltVersion && h.Sum64() == le.Uint64(m[56:])
	return meta
}

// checkFile reads the two meta pages with plain reads (no memory map) and
// checks the file holds every page the newest valid one counts. It returns
// nil for a file that is not bbolt at all (Open reports that as foreign)
// and a *DamagedError for a bbolt file that cannot be read safely.
func checkFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return nil // Open reports it with its own remedy
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil || info.Size() == 0 {
		return nil
	}
	size := info.Size()
	m0, m1 := readMetas(f)
	if !m0.valid && !m1.valid {
		if m0.magic != boltMagic && m1.magic != boltMagic {
			return nil // not a bbolt file
		}
		return damaged(path, "both of its header pages are unreadable")
	}
	m := newer(m0, m1)
	ps := uint64(m.pageSize)
	switch {
	case ps < 512 || ps > 1<<20 || ps&(ps-1) != 0:
		return damaged(path, fmt.Sprintf("its header names a page size of %d bytes", ps))
	case m.pgid < 2 || m.pgid > uint64(size)/ps:
		return damaged(path, fmt.Sprintf("it is truncated: %d bytes hold %d of its %d pages", size, uint64(size)/ps, m.pgid))
	case m.root >= m.pgid || m.root < 2:
		return damaged(path, fmt.Sprintf("its root page %d lies outside its %d pages", m.root, m.pgid))
	case m.freelist != noFreelist && (m.freelist >= m.pgid || m.freelist < 2):
		return damaged(path, fmt.Sprintf("its freelist page %d lies outside its %d pages", m.freelist, m.pgid))
	}
	return nil
}

// DamagedError: the file is a bbolt file bcspend cannot read safely. It is
// never written to; the data in it may still matter to a recovery.
type DamagedError struct {
	Path   string
	Detail string
}

func damaged(path, detail string) *DamagedError { return &DamagedError{Path: path, Detail: detail} }

// ErrDamaged matches a *DamagedError with errors.Is.
var ErrDamaged = errors.New("damaged database")

func (e *DamagedError) Error() string {
	return fmt.Sprintf("damaged database %s: %s; it was left untouched", e.Path, e.Detail)
}

// Remedy says how to get going again without losing more.
func (e *DamagedError) Remedy() string {
	return fmt.Sprintf("restore %s from a backup, or move it aside (mv %s %s.damaged) and run 'bcspend connect' and 'bcspend sync' again to rebuild it from Business Central; 'bcspend doctor' shows what is wrong",
		e.Path, e.Path, e.Path)
}

// Is matches ErrDamaged.
func (e *DamagedError) Is(target error) bool { return target == ErrDamaged }

// guarded runs fn (one bbolt call on b) so that a panic or a memory fault
// in it becomes a *DamagedError when the file is indeed damaged. bbolt
// rolls the transaction back on a panic, so nothing half-written is
// committed. A panic on an intact file is a bug, not damage: it is
// re-raised.
func guarded(path string, b *bolt.DB, fn func() error) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		r := recover()
		if r == nil {
			return
		}
		if derr := verify(path, b); derr != nil {
			err = derr
			return
		}
		panic(r)
	}()
	return fn()
}

// openBolt is bolt.Open that reports a panic or fault inside it (bbolt
// reading a damaged header or freelist) as damage: it runs no code of ours.
func openBolt(path string, opt *bolt.Options) (b *bolt.DB, err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			b, err = nil, damaged(path, fmt.Sprintf("opening it failed (%v)", r))
		}
	}()
	return bolt.Open(path, 0o600, opt)
}

// unclean reports whether the last process that wrote the file stopped
// without finishing: a sync run still "running" in the history (killed,
// crashed, or the machine lost power). bbolt's commits are atomic, so the
// file should be whole; after such a stop, it is checked page by page
// before anything is written to it. One sync runs its connections side by
// side, so the run a killed sync left "running" need not be the newest:
// the newest uncleanRuns runs are looked at.
func unclean(tx *bolt.Tx) bool {
	runs := tx.Bucket(bktRuns)
	if runs == nil {
		return false
	}
	c := runs.Cursor()
	n := 0
	for k, v := c.Last(); k != nil && n < uncleanRuns; k, v = c.Prev() {
		var r struct{ Outcome string }
		if json.Unmarshal(v, &r) == nil && r.Outcome == OutcomeRunning {
			return true
		}
		n++
	}
	return false
}

// uncleanRuns bounds the look back: more than one sync's runs (one per
// connection), and a few dozen small decodes per open.
const uncleanRuns = 64

// verify reports what is wrong with the file, or nil: the header and size
// check, then bbolt's own consistency check of every page (tx.Check) in a
// read transaction. A fault while checking is damage too.
func verify(path string, b *bolt.DB) (err error) {
	if err := walkFile(path); err != nil {
		return err
	}
	if b == nil {
		return nil
	}
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			err = damaged(path, fmt.Sprintf("reading it failed (%v)", r))
		}
	}()
	return b.View(func(tx *bolt.Tx) error {
		var problems []string
		for cerr := range tx.Check() {
			if len(problems) < 3 {
				problems = append(problems, cerr.Error())
			}
		}
		if len(problems) > 0 {
			return damaged(path, "bbolt's consistency check failed: "+strings.Join(problems, "; "))
		}
		return nil
	})
}

// Verify runs the full check (header, size, every page) on the open file;
// service.Sync calls it before a sync writes anything.
func (db *DB) Verify() error {
	return db.withHandle(false, func(b *bolt.DB) error { return verify(db.path, b) })
}

// Check is `bcspend doctor`: it reads path without writing to it or
// creating it, and returns what is wrong, or nil for a healthy bcspend
// file. The file is opened read-only, so another process may have it open.
func Check(path string) (Report, error) {
	var r Report
	info, err := os.Stat(path)
	if err != nil {
		return r, fmt.Errorf("store: %w; check the path or pass --db", err)
	}
	r.Size = info.Size()
	if !info.Mode().IsRegular() {
		return r, &ForeignFileError{Path: path, Reason: "not a regular file"}
	}
	if err := checkFile(path); err != nil {
		return r, err
	}
	db, err := OpenReadOnly(path)
	if err != nil {
		return r, err
	}
	defer db.Close()
	err = db.withHandle(false, func(b *bolt.DB) error {
		if err := verify(path, b); err != nil {
			return err
		}
		return guarded(path, b, func() error {
			return b.View(func(tx *bolt.Tx) error {
				r.Schema = schemaOf(tx.Bucket(bktMeta))
				r.Pages = int64(tx.Size()) / int64(b.Info().PageSize)
				for _, name := range schema1Buckets {
					if tx.Bucket(name) == nil {
						return damaged(path, fmt.Sprintf("its %q bucket is missing", name))
					}
				}
				return nil
			})
		})
	})
	return r, err
}

// Report is what Check found in a healthy file.
type Report struct {
	Size   int64 // bytes
	Pages  int64
	Schema int
}
