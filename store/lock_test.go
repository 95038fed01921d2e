package store

import (
	"context"
	"errors"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

// holdFile takes bbolt's exclusive lock the way an older bcspend (or any
// process in the middle of a write) does: a raw writable bbolt handle.
// bbolt's flock is per open file description, so this contends with the
// DB's own handles in the same process as another process would.
func holdFile(t *testing.T, path string) *bolt.DB {
	t.Helper()
	b, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = b.Close() })
	return b
}

func TestAnOpenDBHoldsNoLockBetweenTransactions(t *testing.T) {
	console, path := openTemp(t)
	if err := console.SetSetting("k", "1"); err != nil {
		t.Fatal(err)
	}
	// The way the console keeps it: open, read once, idle.
	if _, _, err := console.Setting("k"); err != nil {
		t.Fatal(err)
	}
	// A writer (another process's sync) gets the exclusive lock at once.
	b, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Nanosecond})
	if err != nil {
		t.Fatalf("exclusive open while a DB is open and idle: %v", err)
	}
	b.Close()
	other, err := OpenWith(path, Options{Wait: time.Nanosecond})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if err := other.SetSetting("k", "2"); err != nil {
		t.Fatal(err)
	}
	if v, _, err := console.Setting("k"); err != nil || v != "2" {
		t.Fatalf("the idle DB reads %q, %v; want the other writer's 2", v, err)
	}
}

func TestAWriteWaitsForTheLockThenFailsBusy(t *testing.T) {
	db, path := openTemp(t)
	db.wait = 150 * time.Millisecond
	var told []Holder
	db.onWait = func(h Holder) { told = append(told, h) }
	holdFile(t, path)
	err := db.SetSetting("k", "v")
	var le *LockedError
	if !errors.As(err, &le) || !errors.Is(err, ErrBusy) {
		t.Fatalf("err = %T %v; want *LockedError", err, err)
	}
	if len(told) != 1 || told[0].PID != 0 {
		t.Errorf("onWait told %v; want once, holder unknown", told)
	}
	if !strings.Contains(err.Error(), "is busy: another process holds it") || !strings.Contains(le.Remedy(), "--wait") {
		t.Errorf("message %q / remedy %q", err, le.Remedy())
	}
}

func TestAWaitingWriteGoesInWhenTheHolderLetsGo(t *testing.T) {
	db, path := openTemp(t)
	db.wait = time.Minute
	held := holdFile(t, path)
	waiting := make(chan struct{})
	db.onWait = func(Holder) { close(waiting) }
	done := make(chan error)
	go func() { done <- db.SetSetting("k", "v") }()
	<-waiting // the write is waiting on the lock
	held.Close()
	if err := <-done; err != nil {
		t.Fatalf("write after the holder let go: %v", err)
	}
}

func TestTheSyncLockNamesItsHolderAndWaits(t *testing.T) {
	_, path := openTemp(t)
	first, err := LockSync(context.Background(), path, time.Second, nil)
	if err != nil {
		t.Fatal(err)
	}
	var told []Holder
	_, err = LockSync(context.Background(), path, 150*time.Millisecond, func(h Holder) { told = append(told, h) })
	var le *LockedError
	if !errors.As(err, &le) {
		t.Fatalf("second LockSync: %v; want *LockedError", err)
	}
	want := "the sync of pid " + strconv.Itoa(os.Getpid())
	if len(told) != 1 || told[0].String() != want || le.Holder.String() != want {
		t.Fatalf("told %v, error holder %v; want %q", told, le.Holder, want)
	}
	if !strings.Contains(le.Remedy(), "wait for that sync") {
		t.Errorf("remedy %q", le.Remedy())
	}
	// A transaction blocked by a raw holder while a sync runs names the sync.
	db2, err := OpenWith(path, Options{Wait: time.Nanosecond})
	if err != nil {
		t.Fatal(err)
	}
	defer db2.Close()
	holder := holdFile(t, path)
	if err := db2.SetSetting("k", "v"); !errors.As(err, &le) || le.Holder.String() != want {
		t.Errorf("write during a sync: %v; want busy naming %q", err, want)
	}
	holder.Close()

	first.Release()
	if h := readHolder(path); h.PID != 0 {
		t.Errorf("after Release the holder is %v; want nobody", h)
	}
	again, err := LockSync(context.Background(), path, time.Nanosecond, nil)
	if err != nil {
		t.Fatalf("LockSync after Release: %v", err)
	}
	again.Release()
}

func TestLockSyncGivesUpWhenCanceled(t *testing.T) {
	_, path := openTemp(t)
	first, err := LockSync(context.Background(), path, time.Second, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer first.Release()
	ctx, cancel := context.WithCancel(context.Background())
	_, err = LockSync(ctx, path, time.Hour, func(Holder) { cancel() })
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v; want context.Canceled", err)
	}
}

func TestChangedSeesOnlyOtherWriters(t *testing.T) {
	console, path := openTemp(t)
	id, err := console.TxID()
	if err != nil {
		t.Fatal(err)
	}
	console.MarkSeen(id)
	if ch, err := console.Changed(); err != nil || ch {
		t.Fatalf("Changed right after MarkSeen = %v, %v", ch, err)
	}
	if err := console.SetSetting("k", "mine"); err != nil {
		t.Fatal(err)
	}
	if ch, _ := console.Changed(); ch {
		t.Fatal("the DB's own write counts as another's")
	}
	other, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if err := other.SetSetting("k", "theirs"); err != nil {
		t.Fatal(err)
	}
	if ch, _ := console.Changed(); !ch {
		t.Fatal("another DB's commit went unnoticed")
	}
	// An own write after another's does not hide it.
	if err := console.SetSetting("k", "mine again"); err != nil {
		t.Fatal(err)
	}
	if ch, _ := console.Changed(); !ch {
		t.Fatal("an own write after another's hid it")
	}
}

func TestAFileRemovedWhileOpenIsNotRecreated(t *testing.T) {
	db, path := openTemp(t)
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	err := db.SetSetting("k", "v")
	if err == nil || !strings.Contains(err.Error(), "removed or moved") {
		t.Fatalf("write to a removed file: %v", err)
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("the write created a new file: %v", err)
	}
}
