package store

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// FuzzOpenFile opens arbitrary bytes as the database: Open never panics or
// faults, every reader on a file that opened returns instead of crashing,
// and a file refused as damaged or foreign is left byte for byte.
func FuzzOpenFile(f *testing.F) {
	// Small files (one page of invoices) keep the fuzzer's mutations fast.
	healthy, err := os.ReadFile(sampleFileOf(f, 1, false))
	if err != nil {
		f.Fatal(err)
	}
	unclean, err := os.ReadFile(sampleFileOf(f, 1, true))
	if err != nil {
		f.Fatal(err)
	}
	ps := os.Getpagesize()
	f.Add(healthy)
	f.Add(unclean)
	f.Add(healthy[:len(healthy)/3])
	f.Add(healthy[:2*ps+1])
	f.Add([]byte("SQLite format 3\x00"))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "fuzz.db")
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		db, err := Open(path)
		if err != nil {
			if errors.Is(err, ErrDamaged) || errors.Is(err, ErrForeign) {
				if after, _ := os.ReadFile(path); !bytes.Equal(after, data) {
					t.Fatalf("a refused file was modified: %v", err)
				}
			}
			return
		}
		everyRead(db)
		_ = db.Verify()
		_ = db.Close()
		_, _ = Check(path)
	})
}
