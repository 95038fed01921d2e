package store

import (
	"errors"
	"fmt"
	"os"
	"time"
)

// Sentinels for errors.Is; the typed errors below match them, so callers can
// branch on the kind without caring about the details. Each typed error also
// has a Remedy method (failure.Remedier), which the CLI and the console print.
var (
	ErrLocked        = errors.New("database in use by another process")
	ErrForeign       = errors.New("not a bcspend database")
	ErrSchemaTooNew  = errors.New("database written by a newer bcspend")
	ErrWrite         = errors.New("database write failed")
	ErrCorruptRecord = errors.New("stored record unreadable")
)

// ErrBusy is ErrLocked: the file stayed busy for the whole wait. The CLI
// exits with its own code for it, so a script can tell busy from broken.
var ErrBusy = ErrLocked

// LockedError: another process held the file (bbolt's lock for a
// transaction, or the sync lock for a run) for longer than this one was
// willing to wait. Nothing was written.
type LockedError struct {
	Path   string
	Holder Holder        // who, when the lock-info sidecar says
	Waited time.Duration // how long this process waited
}

func (e *LockedError) Error() string {
	return fmt.Sprintf("%s is busy: %s holds it (waited %s); nothing was changed", e.Path, e.Holder, e.Waited.Round(time.Second))
}

// Remedy says how to get past the lock.
func (e *LockedError) Remedy() string {
	if e.Holder.What == "sync" {
		return "wait for that sync to finish and run the command again, or give it longer with --wait"
	}
	return "close the other program that has the file open (an older bcspend holds it while it runs), or give it longer with --wait, or use --db"
}

// Is matches ErrLocked (and so ErrBusy).
func (e *LockedError) Is(target error) bool { return target == ErrLocked }

// ForeignFileError: the file exists but is not ours (not bbolt at all, or a
// bbolt file of another application). It is never written to: it may be
// somebody's data.
type ForeignFileError struct {
	Path   string
	Reason string
}

func (e *ForeignFileError) Error() string {
	return fmt.Sprintf("%s is not a bcspend database (%s); it was left untouched", e.Path, e.Reason)
}

// Remedy says how to proceed without risking the file.
func (e *ForeignFileError) Remedy() string {
	return "use --db to choose another file, or move this one away if you are sure it is not needed"
}

// Is matches ErrForeign.
func (e *ForeignFileError) Is(target error) bool { return target == ErrForeign }

// SchemaError: the file's schema is newer than this binary knows; opening it
// could misread or damage records a newer bcspend wrote.
type SchemaError struct {
	Path  string
	Found int
	Known int
}

func (e *SchemaError) Error() string {
	return fmt.Sprintf("%s has schema version %d but this bcspend knows only up to %d; it was left untouched", e.Path, e.Found, e.Known)
}

// Remedy says to upgrade.
func (e *SchemaError) Remedy() string {
	return "upgrade bcspend to the version that wrote this file, or use --db to choose another file"
}

// Is matches ErrSchemaTooNew.
func (e *SchemaError) Is(target error) bool { return target == ErrSchemaTooNew }

// WriteError: a transaction could not be committed (disk full, I/O error,
// read-only file system). bbolt commits atomically, so everything committed
// before is intact and the failed transaction left no trace.
type WriteError struct {
	Op  string
	Err error
}

func (e *WriteError) Error() string {
	return fmt.Sprintf("store: %s: %v; %s", e.Op, e.Err, e.Remedy())
}

// Remedy is the one-sentence fix. It fits every command that writes (sync,
// rules add, config set, connect): the failed transaction left no trace.
func (e *WriteError) Remedy() string {
	return "free disk space (or make the file writable), then run the same command again; nothing committed was lost"
}

// Unwrap exposes the I/O error (e.g. syscall.ENOSPC).
func (e *WriteError) Unwrap() error { return e.Err }

// Is matches ErrWrite.
func (e *WriteError) Is(target error) bool { return target == ErrWrite }

// MissingError: a command that only reads found no database at the path;
// it creates none (a mistyped --db must not leave a directory and a file).
type MissingError struct{ Path string }

func (e *MissingError) Error() string { return "no bcspend database at " + e.Path }

// Remedy says where a database comes from.
func (e *MissingError) Remedy() string {
	return "check --db (or BCSPEND_DB); to start one, run 'bcspend connect ...' then 'bcspend sync', or try 'bcspend demo'"
}

// Is matches os.ErrNotExist, so callers can treat it as a missing file.
func (e *MissingError) Is(target error) bool { return target == os.ErrNotExist }

// CorruptRecordError: one stored value does not decode. The rest of the file
// is fine; BC records can be fetched again.
type CorruptRecordError struct {
	What string // "invoice", "user", ...
	Key  string
	Err  error
}

func (e *CorruptRecordError) Error() string {
	return fmt.Sprintf("store: stored %s %q is unreadable: %v; run a full sync to fetch it again", e.What, e.Key, e.Err)
}

// Remedy says how to repair.
func (e *CorruptRecordError) Remedy() string {
	return "run a full sync (bcspend sync --full) to fetch the record again"
}

// Unwrap exposes the decoder error.
func (e *CorruptRecordError) Unwrap() error { return e.Err }

// Is matches ErrCorruptRecord.
func (e *CorruptRecordError) Is(target error) bool { return target == ErrCorruptRecord }
