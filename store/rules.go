package store

import (
	"encoding/binary"
	"errors"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// Rules are the matcher's (and the admin's manual fixes'), stored as opaque
// blobs in the order they were first added: the matcher applies them in
// that order. Nothing in sync touches these buckets, so a rule survives
// every re-sync, full reconcile included.
//
// rules:    8-byte big-endian sequence -> uvarint len(id), id, data
// rule-ids: id -> 8-byte sequence (so an update keeps its place)

// ruleBuckets are the rules in order and the index from id to position.
func ruleBuckets(tx *bolt.Tx) (rules, ids *bolt.Bucket, err error) {
	if rules, err = top(tx, bktRules); err != nil {
		return nil, nil, err
	}
	ids, err = top(tx, bktRuleIDs)
	return rules, ids, err
}

// PutRule adds the rule id, or replaces its data in place.
func (db *DB) PutRule(id string, data []byte) error {
	if id == "" {
		return errors.New("store: empty rule id")
	}
	return db.update("save rule", func(tx *bolt.Tx) error {
		rules, ids, err := ruleBuckets(tx)
		if err != nil {
			return err
		}
		key := clone(ids.Get([]byte(id)))
		if key == nil {
			seq, err := rules.NextSequence()
			if err != nil {
				return err
			}
			key = binary.BigEndian.AppendUint64(nil, seq)
			if err := ids.Put([]byte(id), key); err != nil {
				return err
			}
		}
		v := binary.AppendUvarint(nil, uint64(len(id)))
		v = append(append(v, id...), data...)
		return rules.Put(key, v)
	})
}

// DeleteRule removes the rule id; deleting an absent rule is not an error.
func (db *DB) DeleteRule(id string) error {
	return db.update("delete rule", func(tx *bolt.Tx) error {
		rules, ids, err := ruleBuckets(tx)
		if err != nil {
			return err
		}
		key := clone(ids.Get([]byte(id)))
		if key == nil {
			return nil
		}
		return errors.Join(rules.Delete(key), ids.Delete([]byte(id)))
	})
}

// Rules returns every rule's data in order.
func (db *DB) Rules() ([][]byte, error) {
	var out [][]byte
	err := db.view(func(tx *bolt.Tx) error {
		rules, err := top(tx, bktRules)
		if err != nil {
			return err
		}
		return rules.ForEach(func(k, v []byte) error {
			n, w := binary.Uvarint(v)
			if w <= 0 || n > uint64(len(v)-w) {
				return &CorruptRecordError{What: "rule", Key: fmt.Sprintf("%x", k), Err: errShort}
			}
			out = append(out, clone(v[w+int(n):]))
			return nil
		})
	})
	return out, err
}
