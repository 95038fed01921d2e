package store

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"
)

func readDecisions(t *testing.T, db *DB, fp string) (map[string]string, int) {
	t.Helper()
	got := map[string]string{}
	skipped, err := db.Decisions([]byte(fp), func(k, v []byte) { got[string(k)] = string(v) })
	if err != nil {
		t.Fatal(err)
	}
	return got, skipped
}

// Decisions come back as stored, for their fingerprint only; storing
// another fingerprint's drops the old ones, which no build reads again.
func TestDecisionsAreKeptPerFingerprint(t *testing.T) {
	db, path := openTemp(t)
	if got, _ := readDecisions(t, db, "fp1"); len(got) != 0 {
		t.Fatalf("a new file has decisions %v", got)
	}
	recs := []DecisionRecord{{Key: []byte("b"), Value: []byte("2")}, {Key: []byte("a"), Value: []byte("1")},
		{Key: []byte(strings.Repeat("k", MaxDecisionKey+1)), Value: []byte("long")}, {Key: nil, Value: []byte("none")}}
	if err := db.PutDecisions([]byte("fp1"), recs); err != nil {
		t.Fatal(err)
	}
	if err := db.PutDecisions([]byte("fp1"), []DecisionRecord{{Key: []byte("a"), Value: []byte("1'")}}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	got, _ := readDecisions(t, db, "fp1")
	if len(got) != 2 || got["a"] != "1'" || got["b"] != "2" {
		t.Errorf("fp1 holds %v, want a=1' and b=2 (no empty or overlong key)", got)
	}
	if got, _ := readDecisions(t, db, "fp2"); len(got) != 0 {
		t.Errorf("fp2 reads fp1's %v", got)
	}
	if err := db.PutDecisions([]byte("fp2"), []DecisionRecord{{Key: []byte("a"), Value: []byte("x")}}); err != nil {
		t.Fatal(err)
	}
	if got, _ := readDecisions(t, db, "fp1"); len(got) != 0 {
		t.Errorf("fp1's decisions outlived fp2's save: %v", got)
	}
	if got, _ := readDecisions(t, db, "fp2"); got["a"] != "x" {
		t.Errorf("fp2 holds %v", got)
	}
	if err := db.PutDecisions(nil, recs); err == nil {
		t.Error("decisions saved without a fingerprint")
	}
}

// A record whose bytes changed (a flipped bit, a cut value) or that was
// copied under another key or fingerprint fails its checksum and is
// skipped, counted; its neighbours are read.
func TestDamagedDecisionRecordsAreSkipped(t *testing.T) {
	db, path := openTemp(t)
	recs := []DecisionRecord{{Key: []byte("a"), Value: []byte("alpha")}, {Key: []byte("b"), Value: []byte("beta")},
		{Key: []byte("c"), Value: []byte("gamma")}, {Key: []byte("d"), Value: []byte("delta")}}
	if err := db.PutDecisions([]byte("fp1"), recs); err != nil {
		t.Fatal(err)
	}
	db.Close()
	b, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = b.Update(func(tx *bolt.Tx) error {
		bk := tx.Bucket(bktDecisions).Bucket([]byte("fp1"))
		a := append([]byte(nil), bk.Get([]byte("a"))...)
		a[len(a)-1] ^= 1
		c := append([]byte(nil), bk.Get([]byte("c"))...)
		other, err := tx.Bucket(bktDecisions).CreateBucket([]byte("fp0"))
		if err != nil {
			return err
		}
		return errors.Join(bk.Put([]byte("a"), a), bk.Put([]byte("b"), []byte{1, 2}),
			bk.Put([]byte("e"), c), other.Put([]byte("c"), c))
	})
	b.Close()
	if err != nil {
		t.Fatal(err)
	}
	db, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	got, skipped := readDecisions(t, db, "fp1")
	if len(got) != 2 || got["c"] != "gamma" || got["d"] != "delta" || skipped != 3 {
		t.Errorf("read %v, %d skipped; want c and d, 3 skipped (a flipped, b cut, c's record under e)", got, skipped)
	}
	if got, skipped := readDecisions(t, db, "fp0"); len(got) != 0 || skipped != 1 {
		t.Errorf("fp0 (fp1's record copied in) reads %v, %d skipped", got, skipped)
	}
}

// A read-only open (status, export) reads stored decisions and cannot
// write them.
func TestDecisionsReadOnly(t *testing.T) {
	db, path := openTemp(t)
	if err := db.PutDecisions([]byte("fp"), []DecisionRecord{{Key: []byte("k"), Value: []byte("v")}}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	before, _ := os.ReadFile(path)
	ro, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if got, _ := readDecisions(t, ro, "fp"); got["k"] != "v" {
		t.Errorf("read-only open reads %v", got)
	}
	if err := ro.PutDecisions([]byte("fp"), nil); err == nil {
		t.Error("a read-only open saved decisions")
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("the read-only open changed the file")
	}
}
