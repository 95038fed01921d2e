package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"slices"

	bolt "go.etcd.io/bbolt"
)

// Decisions are the matcher's outcomes, one per distinct input (a vendor
// and its descriptions), kept so that a console starting on the same
// catalog, rules and bcspend build reads them instead of deciding again:
// deciding 18,000 inputs with a fresh matcher was most of a cold start
// (docs/PERFORMANCE.md, "Session 26"). They are a cache, never the only
// copy of anything: the caller names them by a fingerprint of everything a
// decision depends on, and only the newest fingerprint's are kept.
//
// decisions / <fingerprint>: input key -> checksum (4 bytes) + payload
//
// The store treats keys and payloads as opaque (spend encodes and checks
// them). The checksum, CRC-32C of the fingerprint, the key and the payload,
// catches a damaged record and one copied under another key or
// fingerprint: such a record is skipped, so its input is decided again.
var bktDecisions = []byte("decisions")

// MaxDecisionKey is the longest input key stored; longer inputs (an
// invoice of hundreds of lines) are decided again at every start rather
// than stored under a key bbolt would spread over several pages.
const MaxDecisionKey = 2048

// DecisionRecord is one stored decision: its input's key and its payload.
type DecisionRecord struct{ Key, Value []byte }

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

func decisionSum(fp, key, payload []byte) uint32 {
	c := crc32.Update(0, castagnoli, fp)
	c = crc32.Update(c, castagnoli, key)
	return crc32.Update(c, castagnoli, payload)
}

// Decisions calls fn with every record stored under the fingerprint fp
// whose checksum holds, in key order, and returns how many were skipped as
// damaged. key and value are valid only during the call: they are the
// file's memory. No records (another fingerprint's, or none yet) is not an
// error. fn must not write to db.
func (db *DB) Decisions(fp []byte, fn func(key, value []byte)) (skipped int, err error) {
	err = db.view(func(tx *bolt.Tx) error {
		top := tx.Bucket(bktDecisions)
		if top == nil || len(fp) == 0 {
			return nil
		}
		b := top.Bucket(fp)
		if b == nil {
			return nil
		}
		c := b.Cursor()
		for k, v := c.First(); k != nil; k, v = c.Next() {
			if len(v) < 4 || binary.BigEndian.Uint32(v) != decisionSum(fp, k, v[4:]) {
				skipped++
				continue
			}
			fn(k, v[4:])
		}
		return nil
	})
	return skipped, err
}

// PutDecisions stores recs under the fingerprint fp, replacing records of
// the same keys, in one transaction, and first drops every other
// fingerprint's records: they were decided by another catalog, other rules
// or another build, and are never read again by this one. Records with a
// key empty or longer than MaxDecisionKey are left out. A crash leaves the
// file with all of recs or none (bbolt commits atomically).
func (db *DB) PutDecisions(fp []byte, recs []DecisionRecord) error {
	if len(fp) == 0 || len(fp) > bolt.MaxKeySize {
		return errors.New("store: decisions need a fingerprint")
	}
	recs = slices.Clone(recs)
	slices.SortFunc(recs, func(a, b DecisionRecord) int { return bytes.Compare(a.Key, b.Key) })
	return db.update("save decisions", func(tx *bolt.Tx) error {
		top, err := tx.CreateBucketIfNotExists(bktDecisions)
		if err != nil {
			return err
		}
		if err := dropOtherFingerprints(top, fp); err != nil {
			return err
		}
		b, err := top.CreateBucketIfNotExists(fp)
		if err != nil {
			return err
		}
		b.FillPercent = 0.9 // written in key order, mostly once
		// bbolt keeps the values it is given until the commit: one arena.
		n := 0
		for _, r := range recs {
			n += 4 + len(r.Value)
		}
		arena := make([]byte, 0, n)
		for _, r := range recs {
			if len(r.Key) == 0 || len(r.Key) > MaxDecisionKey {
				continue
			}
			at := len(arena)
			arena = binary.BigEndian.AppendUint32(arena, decisionSum(fp, r.Key, r.Value))
			arena = append(arena, r.Value...)
			if err := b.Put(r.Key, arena[at:]); err != nil {
				return fmt.Errorf("store: save decision: %w", err)
			}
		}
		return nil
	})
}

// dropOtherFingerprints deletes every entry of the decisions bucket but
// fp's. Keys are collected first: bbolt forbids deleting under a cursor's
// ForEach.
func dropOtherFingerprints(top *bolt.Bucket, fp []byte) error {
	var old [][]byte
	c := top.Cursor()
	for k, _ := c.First(); k != nil; k, _ = c.Next() {
		if !bytes.Equal(k, fp) {
			old = append(old, clone(k))
		}
	}
	for _, k := range old {
		var err error
		if top.Bucket(k) != nil {
			err = top.DeleteBucket(k)
		} else {
			err = top.Delete(k)
		}
		if err != nil {
			return err
		}
	}
	return nil
}
