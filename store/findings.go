package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"
	bolterr "go.etcd.io/bbolt/errors"
)

// What the admin decides about insights, kept apart from what sync writes
// so no re-sync or reconcile touches it. All three are small JSON records
// keyed by the finding's key or the contract's key (docs/STORAGE.md).
var (
	bktDismissals = []byte("dismissals")  // finding key -> Dismissal
	bktContracts  = []byte("contracts")   // app 0x00 companyId -> Contract
	bktAlertsSeen = []byte("alerts-seen") // finding key -> fingerprint already reported
)

// migrateInsightBuckets is schema 2: the buckets of dismissals, contract
// corrections and the headless alerts' memory.
func migrateInsightBuckets(tx *bolt.Tx) error {
	for _, name := range [][]byte{bktDismissals, bktContracts, bktAlertsSeen} {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return err
		}
	}
	return nil
}

// Dismissal is an admin's "seen it, nothing to do" on one insights finding.
// It hides the finding only while the finding's facts still hash to
// Fingerprint: a changed finding (another date, amount or app) comes back.
type Dismissal struct {
	Key         string    `json:"key"`
	Fingerprint string    `json:"fingerprint"`
	By          string    `json:"by"`
	At          time.Time `json:"at"`
	Note        string    `json:"note,omitempty"`
}

// Hides reports whether the dismissal still covers a finding with this key
// and fingerprint.
func (d Dismissal) Hides(key, fingerprint string) bool {
	return d.Key == key && d.Fingerprint == fingerprint
}

// PutDismissal stores d, replacing an earlier dismissal of the same key.
func (db *DB) PutDismissal(d Dismissal) error {
	if d.Key == "" || d.Fingerprint == "" {
		return errors.New("store: a dismissal needs the finding's key and fingerprint")
	}
	return putJSON(db, "dismiss finding", bktDismissals, d.Key, d)
}

// DeleteDismissal brings a dismissed finding back; an absent key is no error.
func (db *DB) DeleteDismissal(key string) error {
	return db.update("undo dismissal", func(tx *bolt.Tx) error {
		b, err := top(tx, bktDismissals)
		if err != nil {
			return err
		}
		return b.Delete([]byte(key))
	})
}

// Dismissals are every stored dismissal by finding key.
func (db *DB) Dismissals() (map[string]Dismissal, error) {
	return allJSON[Dismissal](db, bktDismissals)
}

// AlertsSeen are the findings the headless alerts already reported: key ->
// fingerprint.
func (db *DB) AlertsSeen() (map[string]string, error) {
	return allJSON[string](db, bktAlertsSeen)
}

// SetAlertsSeen replaces the headless alerts' memory with seen, in one
// transaction: findings gone since are forgotten, so one that comes back
// alerts again.
func (db *DB) SetAlertsSeen(seen map[string]string) error {
	return db.update("remember reported alerts", func(tx *bolt.Tx) error {
		if err := tx.DeleteBucket(bktAlertsSeen); err != nil && !errors.Is(err, bolterr.ErrBucketNotFound) {
			return err
		}
		b, err := tx.CreateBucket(bktAlertsSeen)
		if err != nil {
			return err
		}
		for k, v := range seen {
			if err := putJSONIn(b, k, v); err != nil {
				return err
			}
		}
		return nil
	})
}

func putJSON(db *DB, op string, bucket []byte, key string, v any) error {
	return db.update(op, func(tx *bolt.Tx) error {
		b, err := top(tx, bucket)
		if err != nil {
			return err
		}
		return putJSONIn(b, key, v)
	})
}

func putJSONIn(b *bolt.Bucket, key string, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return b.Put([]byte(key), data)
}

// allJSON decodes every record of a JSON bucket; a record that does not
// decode is reported with its key, since it means the file was damaged.
func allJSON[T any](db *DB, bucket []byte) (map[string]T, error) {
	out := map[string]T{}
	err := db.view(func(tx *bolt.Tx) error {
		b, err := top(tx, bucket)
		if err != nil {
			return err
		}
		return b.ForEach(func(k, v []byte) error {
			var x T
			if err := json.Unmarshal(v, &x); err != nil {
				return fmt.Errorf("store: %s record %q does not decode (%v); the file is damaged: move it away and sync again (its dismissals and contract corrections are lost)", bucket, k, err)
			}
			out[string(k)] = x
			return nil
		})
	})
	return out, err
}
