package store

import (
	"bytes"
	"crypto/rand"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"
)

func TestOpenCreatesPrivateFileAndDir(t *testing.T) {
	db, path := openTemp(t)
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := fi.Mode().Perm(); got != 0o600 {
		t.Errorf("file mode = %o, want 600", got)
	}
	di, err := os.Stat(filepath.Dir(path))
	if err != nil {
		t.Fatal(err)
	}
	if got := di.Mode().Perm(); got != 0o700 {
		t.Errorf("dir mode = %o, want 700", got)
	}
	v, err := db.SchemaVersion()
	if err != nil || v != knownSchema(migrations) {
		t.Errorf("schema = %d, %v; want %d", v, err, knownSchema(migrations))
	}
	// Reopen: ours, nothing to do.
	db.Close()
	db2, err := Open(path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	db2.Close()
}

func assertForeign(t *testing.T, path string, before []byte) {
	t.Helper()
	db, err := Open(path)
	if err == nil {
		db.Close()
		t.Fatal("Open succeeded on a foreign file")
	}
	var fe *ForeignFileError
	if !errors.As(err, &fe) || !errors.Is(err, ErrForeign) {
		t.Fatalf("err = %T %v; want *ForeignFileError", err, err)
	}
	after, rerr := os.ReadFile(path)
	if rerr != nil {
		t.Fatal(rerr)
	}
	if !bytes.Equal(before, after) {
		t.Fatal("foreign file was modified")
	}
	if !strings.Contains(fe.Remedy(), "--db") {
		t.Errorf("remedy %q does not mention --db", fe.Remedy())
	}
}

func TestOpenRandomBytesLeftUntouched(t *testing.T) {
	path := filepath.Join(t.TempDir(), "random.db")
	data := make([]byte, 64*1024)
	_, _ = rand.Read(data)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	assertForeign(t, path, data)

	short := filepath.Join(t.TempDir(), "short.db")
	if err := os.WriteFile(short, []byte("hello, I am a text file\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	assertForeign(t, short, []byte("hello, I am a text file\n"))
}

func TestOpenForeignBboltLeftUntouched(t *testing.T) {
	path := filepath.Join(t.TempDir(), "other.db")
	// A bbolt file of another application, written without a synced
	// freelist so that a careless read-write open would rewrite it.
	o, err := bolt.Open(path, 0o600, &bolt.Options{NoFreelistSync: true})
	if err != nil {
		t.Fatal(err)
	}
	err = o.Update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucket([]byte("widgets"))
		if err != nil {
			return err
		}
		return b.Put([]byte("k"), []byte("v"))
	})
	if err != nil {
		t.Fatal(err)
	}
	o.Close()
	before, _ := os.ReadFile(path)
	assertForeign(t, path, before)

	// Same with a "meta" bucket that lacks our magic.
	path2 := filepath.Join(t.TempDir(), "other2.db")
	o, err = bolt.Open(path2, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	_ = o.Update(func(tx *bolt.Tx) error {
		b, _ := tx.CreateBucket([]byte("meta"))
		return b.Put([]byte("magic"), []byte("someone-else"))
	})
	o.Close()
	before2, _ := os.ReadFile(path2)
	assertForeign(t, path2, before2)
}

func TestMigrationRunsOnceAndNewerSchemaRefuses(t *testing.T) {
	path := filepath.Join(t.TempDir(), "m.db")
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.SetSetting("k", "v"); err != nil {
		t.Fatal(err)
	}
	db.Close()

	runs := 0
	next := knownSchema(migrations) + 1
	cfg := defaultConfig()
	cfg.migrations = append(append([]migration(nil), migrations...), migration{
		to: next, name: "test", run: func(tx *bolt.Tx) error {
			runs++
			_, err := tx.CreateBucket([]byte("test-migration"))
			return err
		},
	})
	for i := 0; i < 2; i++ {
		db, err = open(path, cfg)
		if err != nil {
			t.Fatalf("open with migration: %v", err)
		}
		if v, _ := db.SchemaVersion(); v != next {
			t.Errorf("schema = %d, want %d", v, next)
		}
		if v, ok, _ := db.Setting("k"); !ok || v != "v" {
			t.Errorf("setting lost in migration: %q %v", v, ok)
		}
		db.Close()
	}
	if runs != 1 {
		t.Errorf("migration ran %d times, want 1", runs)
	}

	// This binary (without the test migration) must refuse the newer file
	// and leave it alone.
	before, _ := os.ReadFile(path)
	db, err = Open(path)
	if err == nil {
		db.Close()
		t.Fatal("opened a newer-schema file")
	}
	var se *SchemaError
	if !errors.As(err, &se) || !errors.Is(err, ErrSchemaTooNew) || se.Found != next {
		t.Fatalf("err = %T %v; want *SchemaError found %d", err, err, next)
	}
	if !strings.Contains(err.Error(), "newer") && !strings.Contains(err.Error(), "knows only") {
		t.Errorf("unclear message: %v", err)
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Error("newer-schema file was modified")
	}
}

func TestEmptyFileIsInitialised(t *testing.T) {
	path := filepath.Join(t.TempDir(), "empty.db")
	if err := os.WriteFile(path, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	db, err := Open(path)
	if err != nil {
		t.Fatalf("Open on empty file: %v", err)
	}
	db.Close()
	fi, _ := os.Stat(path)
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("mode = %o, want 600", fi.Mode().Perm())
	}
}

func TestDefaultPath(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", "/x/data")
	if p, err := DefaultPath(); err != nil || p != "/x/data/bcspend/bcspend.db" {
		t.Errorf("DefaultPath = %q, %v", p, err)
	}
	t.Setenv("XDG_DATA_HOME", "")
	t.Setenv("HOME", "/home/ann")
	if p, err := DefaultPath(); err != nil || p != "/home/ann/.local/share/bcspend/bcspend.db" {
		t.Errorf("DefaultPath = %q, %v", p, err)
	}
}

func TestWriteErrorKeepsCommittedData(t *testing.T) {
	path := filepath.Join(t.TempDir(), "w.db")
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.CommitPage(testCompany, samplePage(1, 3, testDate(2026, 11, 1)), nil, SyncState{}, "r1"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	before, _ := os.ReadFile(path)

	// Reopen with a read-only descriptor: every commit's write fails, as on
	// a full or read-only disk.
	cfg := defaultConfig()
	cfg.openFile = func(name string, _ int, mode os.FileMode) (*os.File, error) {
		return os.OpenFile(name, os.O_RDONLY, mode)
	}
	db, err = open(path, cfg)
	if err != nil {
		t.Fatalf("open read-only fd: %v", err)
	}
	_, err = db.CommitPage(testCompany, samplePage(10, 3, testDate(2026, 11, 2)), nil, SyncState{}, "r2")
	db.Close()
	var we *WriteError
	if !errors.As(err, &we) || !errors.Is(err, ErrWrite) {
		t.Fatalf("err = %T %v; want *WriteError", err, err)
	}
	if !strings.Contains(err.Error(), "free disk space (or make the file writable), then run the same command again; nothing committed was lost") {
		t.Errorf("message lacks the remedy: %v", err)
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Error("file changed by a failed commit")
	}
	db, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if n, _ := db.InvoiceCount(testCompany); n != 3 {
		t.Errorf("after failed commit: %d invoices, want 3", n)
	}
}
