package store

import (
	"testing"

	bolt "go.etcd.io/bbolt"
)

// A file made by schema 1 (before the insights buckets) opens, migrates to
// schema 2 and keeps what it had; dismissals then survive a reopen.
func TestInsightBucketsMigrationAndDismissals(t *testing.T) {
	db, path := openTemp(t)
	if err := db.SetSetting("k", "v"); err != nil {
		t.Fatal(err)
	}
	// Take the file back to schema 1: drop the new buckets, reset the version.
	err := db.update("downgrade", func(tx *bolt.Tx) error {
		for _, b := range [][]byte{bktDismissals, bktContracts, bktAlertsSeen} {
			if err := tx.DeleteBucket(b); err != nil {
				return err
			}
		}
		return tx.Bucket(bktMeta).Put(keySchema, schemaBytes(1))
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Dismissals(); err == nil {
		t.Fatal("schema 1 file has a dismissals bucket")
	}
	db.Close()
	db, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if v, _ := db.SchemaVersion(); v != knownSchema(migrations) {
		t.Fatalf("schema %d after open, want the latest, %d", v, knownSchema(migrations))
	}
	if v, ok, _ := db.Setting("k"); !ok || v != "v" {
		t.Fatalf("setting lost: %q", v)
	}
	d := Dismissal{Key: "overlap|Monitoring", Fingerprint: "abc", By: "anna", At: t0, Note: "both needed"}
	if err := db.PutDismissal(d); err != nil {
		t.Fatal(err)
	}
	if err := db.PutDismissal(Dismissal{Key: "x"}); err == nil {
		t.Error("a dismissal without a fingerprint was stored")
	}
	ds, err := db.Dismissals()
	if err != nil || len(ds) != 1 || ds[d.Key] != d || !ds[d.Key].Hides(d.Key, "abc") || ds[d.Key].Hides(d.Key, "abd") {
		t.Fatalf("dismissals %+v, %v", ds, err)
	}
	if err := db.DeleteDismissal(d.Key); err != nil {
		t.Fatal(err)
	}
	if ds, _ := db.Dismissals(); len(ds) != 0 {
		t.Fatalf("after delete: %+v", ds)
	}
	if err := db.SetAlertsSeen(map[string]string{"a": "1", "b": "2"}); err != nil {
		t.Fatal(err)
	}
	if err := db.SetAlertsSeen(map[string]string{"b": "3"}); err != nil {
		t.Fatal(err)
	}
	if seen, err := db.AlertsSeen(); err != nil || len(seen) != 1 || seen["b"] != "3" {
		t.Fatalf("alerts seen %v, %v", seen, err)
	}
}
