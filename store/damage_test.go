package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

// sampleFile writes a closed bcspend file with a few hundred invoices (so
// it spans branch and leaf pages), a connection and a finished run.
func sampleFile(t testing.TB, unfinishedRun bool) string { return sampleFileOf(t, 6, unfinishedRun) }

// sampleFileOf commits pages of 50 invoices.
func sampleFileOf(t testing.TB, pages int, unfinishedRun bool) string {
	t.Helper()
	db, path := openTemp(t)
	for i := range pages {
		if _, err := db.CommitPage(testCompany, samplePage(1+i*50, 50, testDate(2026, time.Month(1+i), 3)), nil, SyncState{}, "r1"); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.SaveConnection(Connection{TenantID: "t", Environment: "Production", ClientID: "c", Flow: "client-credentials"}); err != nil {
		t.Fatal(err)
	}
	if err := db.PutDecisions([]byte("fp"), sampleDecisions(pages*20)); err != nil {
		t.Fatal(err)
	}
	run, err := db.BeginRun(t0)
	if err != nil {
		t.Fatal(err)
	}
	if !unfinishedRun {
		run.Outcome = OutcomeOK
		if err := db.FinishRun(run); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// sampleDecisions are n stored decisions of some 100 bytes each.
func sampleDecisions(n int) []DecisionRecord {
	recs := make([]DecisionRecord, n)
	for i := range recs {
		recs[i] = DecisionRecord{Key: fmt.Appendf(nil, "vendor %d\x00line %d", i, i),
			Value: bytes.Repeat([]byte{byte(i)}, 100)}
	}
	return recs
}

// pagesOf lists the page ids of the given type ("leaf", "branch") in use.
func pagesOf(t testing.TB, path, typ string) []int {
	t.Helper()
	b, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, PreLoadFreelist: true})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	var ids []int
	_ = b.View(func(tx *bolt.Tx) error {
		for id := 2; id < int(tx.Size())/b.Info().PageSize; id++ {
			if p, err := tx.Page(id); err == nil && p != nil && p.Type == typ {
				ids = append(ids, id)
			}
		}
		return nil
	})
	if len(ids) == 0 {
		t.Fatalf("no %s page", typ)
	}
	return ids
}

// overwrite fills page id of the file with b.
func overwrite(t testing.TB, path string, id int, fill byte) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ps := os.Getpagesize()
	if _, err := f.WriteAt(bytes.Repeat([]byte{fill}, ps), int64(id*ps)); err != nil {
		t.Fatal(err)
	}
}

// wantDamaged checks err is a *DamagedError with the remedy.
func wantDamaged(t *testing.T, what string, err error) {
	t.Helper()
	var de *DamagedError
	if !errors.As(err, &de) || !errors.Is(err, ErrDamaged) {
		t.Fatalf("%s: err %T %v, want a damaged database", what, err, err)
	}
	if r := de.Remedy(); !strings.Contains(r, "backup") || !strings.Contains(r, "bcspend sync") || !strings.Contains(r, "doctor") {
		t.Errorf("%s: remedy %q", what, r)
	}
}

// everyRead runs the store's readers; each must return (an error or not),
// never panic or fault.
func everyRead(db *DB) []error {
	var errs []error
	add := func(err error) { errs = append(errs, err) }
	_, _, err := db.Connection()
	add(err)
	_, err = db.InvoiceCount(testCompany)
	add(err)
	add(db.ForEachInvoice(testCompany, time.Time{}, time.Time{}, func(*Invoice) error { return nil }))
	_, err = db.Users()
	add(err)
	_, err = db.Runs(0)
	add(err)
	_, _, err = db.SyncState(testCompany)
	add(err)
	_, _, err = db.Setting("granularity")
	add(err)
	_, err = db.Decisions([]byte("fp"), func(k, v []byte) {})
	add(err)
	return errs
}

// A truncated file (a full disk, a cut copy) is reported as damaged by
// every way in, before bbolt maps it, and is left byte for byte.
func TestTruncatedFileIsDamagedAndUntouched(t *testing.T) {
	full := sampleFile(t, false)
	data, err := os.ReadFile(full)
	if err != nil {
		t.Fatal(err)
	}
	// bbolt grows files ahead of use: only a cut into the pages the header
	// counts is damage.
	ps := os.Getpagesize()
	f, _ := os.Open(full)
	m, _ := newestMeta(f)
	f.Close()
	used := int(m.pgid) * ps
	for _, size := range []int{100, ps + 17, 2*ps + 100, used / 2, used - ps, used - 1} {
		path := filepath.Join(t.TempDir(), "cut.db")
		if err := os.WriteFile(path, data[:size], 0o600); err != nil {
			t.Fatal(err)
		}
		_, err := Open(path)
		wantDamaged(t, "Open", err)
		_, err = OpenReadOnly(path)
		wantDamaged(t, "OpenReadOnly", err)
		_, err = Check(path)
		wantDamaged(t, "Check", err)
		if after, _ := os.ReadFile(path); !bytes.Equal(after, data[:size]) {
			t.Fatalf("size %d: the damaged file was modified", size)
		}
	}
	// Cut only the unused tail: every page is there, the file is fine.
	path := filepath.Join(t.TempDir(), "tail.db")
	if err := os.WriteFile(path, data[:used], 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Check(path); err != nil {
		t.Fatalf("a file cut after its last page: %v", err)
	}
}

// A page overwritten by failing storage: reading never panics, the check
// names it, and after an unclean stop Open refuses before any write.
func TestCorruptedPageNeverPanics(t *testing.T) {
	for _, typ := range []string{"leaf", "branch"} {
		for _, fill := range []byte{0x00, 0xff, 0x02} {
			path := sampleFile(t, true)
			ids := pagesOf(t, path, typ)
			overwrite(t, path, ids[len(ids)/2], fill)
			before, _ := os.ReadFile(path)

			_, err := Open(path) // the last run never finished: checked before any write
			wantDamaged(t, typ+" Open after an unclean stop", err)
			_, err = Check(path)
			wantDamaged(t, typ+" Check", err)
			if db, err := OpenReadOnly(path); err == nil {
				for _, err := range everyRead(db) {
					if err != nil && !errors.Is(err, ErrDamaged) && !errors.Is(err, ErrCorruptRecord) {
						t.Errorf("%s %#x: read error %v is neither damage nor a corrupt record", typ, fill, err)
					}
				}
				wantDamaged(t, typ+" Verify", db.Verify())
				db.Close()
			} else {
				wantDamaged(t, typ+" OpenReadOnly", err)
			}
			if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
				t.Fatalf("%s %#x: the damaged file was modified", typ, fill)
			}
		}
	}
}

// The root page itself: every transaction starts there.
func TestCorruptedRootPageIsDamaged(t *testing.T) {
	path := sampleFile(t, false)
	overwrite(t, path, rootPage(t, path), 0xff)
	before, _ := os.ReadFile(path)
	_, err := Open(path)
	wantDamaged(t, "Open", err)
	_, err = Check(path)
	wantDamaged(t, "Check", err)
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Fatal("the damaged file was modified")
	}
}

// A page whose header names another page number (a block written to the
// wrong place) is damage the walk finds before bbolt reads the page as the
// one its parent meant.
func TestMisnumberedPageIsDamaged(t *testing.T) {
	path := sampleFile(t, false)
	root := rootPage(t, path)
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	id := make([]byte, 8)
	binary.LittleEndian.PutUint64(id, uint64(root+1))
	_, err = f.WriteAt(id, int64(root*os.Getpagesize()))
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	_, err = Open(path)
	wantDamaged(t, "Open", err)
	if !strings.Contains(err.Error(), fmt.Sprintf("page %d says it is page %d", root, root+1)) {
		t.Errorf("Open: %v, want the page that names another number", err)
	}
}

// rootPage reads the root bucket's page number from the newest meta page.
func rootPage(t testing.TB, path string) int {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m, _ := newestMeta(f)
	return int(m.root)
}

func TestCheckPassesAHealthyFile(t *testing.T) {
	path := sampleFile(t, false)
	r, err := Check(path)
	if err != nil || r.Schema != knownSchema(migrations) || r.Pages < 10 || r.Size == 0 {
		t.Fatalf("Check: %+v, %v", r, err)
	}
}

// A read-only file still opens for reading; a missing one is not created.
func TestOpenReadOnly(t *testing.T) {
	path := sampleFile(t, false)
	if err := os.Chmod(path, 0o400); err != nil {
		t.Fatal(err)
	}
	if os.Geteuid() != 0 { // root writes anyway; the read-only flag is what counts
		if _, err := Open(path); err == nil {
			t.Log("read-write open of a 0400 file succeeded")
		}
	}
	db, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	if n, err := db.InvoiceCount(testCompany); err != nil || n != 300 {
		t.Errorf("read: %d, %v", n, err)
	}
	if err := db.SetSetting("granularity", "line"); err == nil {
		t.Error("a write through a read-only DB succeeded")
	}
	db.Close()

	missing := filepath.Join(t.TempDir(), "typo", "bcspend.db")
	_, err = OpenReadOnly(missing)
	var me *MissingError
	if !errors.As(err, &me) || !errors.Is(err, os.ErrNotExist) || me.Remedy() == "" {
		t.Fatalf("missing: %v", err)
	}
	if _, err := os.Stat(filepath.Dir(missing)); !os.IsNotExist(err) {
		t.Error("OpenReadOnly created the directory")
	}
}

// Disk full while adding a rule: the remedy fits the command, not "sync".
func TestWriteErrorRemedyFitsEveryCommand(t *testing.T) {
	path := sampleFile(t, false)
	cfg := defaultConfig()
	cfg.openFile = func(name string, _ int, mode os.FileMode) (*os.File, error) {
		return os.OpenFile(name, os.O_RDONLY, mode)
	}
	db, err := open(path, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.PutRule("r1", []byte(`{}`))
	var we *WriteError
	if !errors.As(err, &we) || strings.Contains(we.Remedy(), "sync") || !strings.Contains(we.Remedy(), "same command") {
		t.Fatalf("rule on a full disk: %v", err)
	}
}

// Random damage to a real file: a thousand files with a few bytes changed
// each open, read and check without a panic, a fault or a hang (an empty
// branch page or an inline bucket posing as a branch once sent bbolt's
// cursor around forever; a write on a damaged tree corrupted the heap).
func TestRandomlyDamagedFilesNeverCrash(t *testing.T) {
	seed, err := os.ReadFile(sampleFileOf(t, 1, false))
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(1, 2))
	path := filepath.Join(t.TempDir(), "damaged.db")
	for range 1000 {
		data := append([]byte(nil), seed...)
		for range 1 + r.IntN(8) {
			data[r.IntN(len(data))] = byte(r.IntN(256))
		}
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		if db, err := Open(path); err == nil {
			everyRead(db)
			_ = db.Verify()
			_ = db.Close()
		}
		_, _ = Check(path)
	}
}

// BenchmarkWalkFile is the page walk every open does, on a file of 20,000
// invoices with four lines each.
func BenchmarkWalkFile(b *testing.B) {
	path := sampleFileOf(b, 400, false)
	for b.Loop() {
		if err := walkFile(path); err != nil {
			b.Fatal(err)
		}
	}
}
