package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"time"
)

// The sync lock: one sync at a time per file, for the whole run. bbolt's
// own lock is taken per transaction (handle.go), so between two pages of a
// sync other processes read and write the file; without this lock two
// syncs would interleave their pages and close each other's runs as
// interrupted. It is a flock on a sidecar file, <db>.lock, which also says
// who holds it (pid, what, since) for a process that must wait: that text
// is readable without taking any lock. The kernel drops a flock when its
// process dies, so a SIGKILLed sync leaves no stale lock, only stale text
// that nobody believes (the text counts only while the flock is held).

// lockInfoSuffix names the sidecar: bcspend.db -> bcspend.db.lock.
const lockInfoSuffix = ".lock"

// pollEvery is how often a waiting process retries a lock. Waiting is
// rare and short (a page commit, or a sync to finish); a poll keeps it
// portable and cancellable.
const pollEvery = 100 * time.Millisecond

// Holder is who holds the file, as its lock-info sidecar says.
type Holder struct {
	PID   int       `json:"pid"`
	What  string    `json:"what"` // "sync"
	Since time.Time `json:"since"`
}

// String is "the sync of pid 4242", or "another process" when unknown (an
// older bcspend, or a tool such as bbolt's CLI).
func (h Holder) String() string {
	if h.PID == 0 {
		return "another process"
	}
	what := h.What
	if what == "" {
		what = "bcspend"
	}
	return fmt.Sprintf("the %s of pid %d", what, h.PID)
}

// SyncLock is a held sync lock; Release ends it.
type SyncLock struct {
	f *os.File
}

// LockSync takes the sync lock of the file at path for this process. When
// another sync holds it, onWait (if set) is told who, and LockSync waits up
// to wait (or until ctx ends), then fails with a *LockedError naming the
// holder. Every sync takes it before BeginRun, so a run found "running"
// while nobody holds the lock was interrupted.
func LockSync(ctx context.Context, path string, wait time.Duration, onWait func(Holder)) (*SyncLock, error) {
	f, err := os.OpenFile(path+lockInfoSuffix, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("store: sync lock %s: %w; check permissions of the database directory or pass --db", path+lockInfoSuffix, err)
	}
	start := time.Now()
	var told Holder
	for {
		ok, err := tryLock(f, true)
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("store: sync lock %s: %w", path+lockInfoSuffix, err)
		}
		if ok {
			break
		}
		h := readHolder(path)
		if onWait != nil && h != told {
			onWait(h)
			told = h
		}
		if err := pause(ctx, start, wait); err != nil {
			f.Close()
			if errors.Is(err, errWaited) {
				return nil, &LockedError{Path: path, Holder: h, Waited: time.Since(start)}
			}
			return nil, err
		}
	}
	info, _ := json.Marshal(Holder{PID: os.Getpid(), What: "sync", Since: time.Now().UTC().Truncate(time.Second)})
	if err := f.Truncate(0); err == nil {
		_, _ = f.WriteAt(info, 0) // the text only informs; the flock is the lock
	}
	return &SyncLock{f: f}, nil
}

// Release ends the sync: the text is cleared first, so nobody reads a
// finished sync as the holder.
func (l *SyncLock) Release() {
	if l == nil || l.f == nil {
		return
	}
	_ = l.f.Truncate(0)
	_ = unlock(l.f)
	_ = l.f.Close()
	l.f = nil
}

var errWaited = errors.New("waited long enough")

// pause sleeps one poll, or returns errWaited when the wait since start is
// used up, or ctx's error.
func pause(ctx context.Context, start time.Time, wait time.Duration) error {
	left := wait - time.Since(start)
	if left <= 0 {
		return errWaited
	}
	t := time.NewTimer(min(left, pollEvery))
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// syncRunning reports whether a live process holds the sync lock of path
// (read-only probe: a missing sidecar means no sync ever ran here).
func syncRunning(path string) bool {
	f, err := os.Open(path + lockInfoSuffix)
	if err != nil {
		return false
	}
	defer f.Close()
	ok, err := tryLock(f, false)
	if err != nil || !ok {
		return err == nil
	}
	_ = unlock(f)
	return false
}

// readHolder is what the sidecar says, without any lock; the zero Holder
// when it says nothing (or nothing holds the sync lock).
func readHolder(path string) Holder {
	if !syncRunning(path) {
		return Holder{}
	}
	b, err := os.ReadFile(path + lockInfoSuffix)
	var h Holder
	if err != nil || json.Unmarshal(b, &h) != nil {
		return Holder{}
	}
	return h
}
