package store

import (
	"errors"
	"fmt"
	"strings"

	bolt "go.etcd.io/bbolt"
	bolterr "go.etcd.io/bbolt/errors"
)

// Removal is what removing a connection deletes: the preview the admin
// confirms, and afterwards what went. Rules, custom applications,
// settings, dismissals and secrets are not in it: the first four apply to
// every connection, and secrets are the caller's (another connection of
// the same app registration and tenant may use them).
type Removal struct {
	Connection  Connection
	Companies   int
	Invoices    int
	CreditMemos int
	Users       int
	Runs        int
}

// companyBuckets are the nested per-company buckets, keyed by StoreKey;
// companyRecords the top-level ones keyed by it.
var (
	companyBuckets = [][]byte{bktInvoices, bktInvoiceIDs, bktVendors, bktRates, bktCreditMemos, bktCreditMemoIDs}
	companyRecords = [][]byte{bktSync, bktCreditSync, bktCompanies}
)

// PreviewRemoval counts what RemoveConnection(name) would delete.
func (db *DB) PreviewRemoval(name string) (Removal, error) {
	var r Removal
	err := db.view(func(tx *bolt.Tx) error {
		c, err := namedConnection(tx, name)
		if err != nil {
			return err
		}
		r, err = countRemoval(tx, c)
		return err
	})
	return r, err
}

// RemoveConnection deletes the connection called name and everything
// synced from it in one transaction: its companies' invoices, credit
// memos, vendors, rates, company information, sync state and contract
// corrections, its users and its runs. Every other connection's data is
// untouched.
func (db *DB) RemoveConnection(name string) (Removal, error) {
	var r Removal
	err := db.update("remove a connection", func(tx *bolt.Tx) error {
		c, err := namedConnection(tx, name)
		if err != nil {
			return err
		}
		if r, err = countRemoval(tx, c); err != nil {
			return err
		}
		b, err := top(tx, bktConnections)
		if err != nil {
			return err
		}
		return errors.Join(deleteCompanies(tx, c), deleteUsers(tx, c.ID), deleteRuns(tx, c.ID), deleteConnection(tx, b, c))
	})
	return r, err
}

func namedConnection(tx *bolt.Tx, name string) (Connection, error) {
	id, err := connectionIDOf(tx, name)
	if err != nil {
		return Connection{}, err
	}
	b, err := top(tx, bktConnections)
	if err != nil {
		return Connection{}, err
	}
	c, ok, err := connectionByID(b, id)
	if err == nil && (!ok || id == "") {
		err = fmt.Errorf("%w: none is named %q; 'bcspend connections list' shows the names", ErrNoConnection, name)
	}
	return c, err
}

func countRemoval(tx *bolt.Tx, c Connection) (Removal, error) {
	r := Removal{Connection: c, Companies: len(c.Companies)}
	for _, co := range c.Companies {
		r.Invoices += nestedCount(tx, bktInvoiceIDs, co.StoreKey())
		r.CreditMemos += nestedCount(tx, bktCreditMemoIDs, co.StoreKey())
	}
	if b, err := usersBucket(tx, c.ID, false); err != nil {
		return r, err
	} else if b != nil {
		r.Users = b.Stats().KeyN
	}
	err := forEachRunOf(tx, c.ID, func(k []byte, _ SyncRun) error { r.Runs++; return nil })
	return r, err
}

func nestedCount(tx *bolt.Tx, bucket []byte, key string) int {
	if t := tx.Bucket(bucket); t != nil {
		if b := t.Bucket([]byte(key)); b != nil {
			return b.Stats().KeyN
		}
	}
	return 0
}

func deleteCompanies(tx *bolt.Tx, c Connection) error {
	keys := map[string]bool{}
	for _, co := range c.Companies {
		key := co.StoreKey()
		keys[key] = true
		for _, name := range companyBuckets {
			t, err := top(tx, name)
			if err != nil {
				return err
			}
			if err := t.DeleteBucket([]byte(key)); err != nil && !errors.Is(err, bolterr.ErrBucketNotFound) {
				return err
			}
		}
		for _, name := range companyRecords {
			t, err := top(tx, name)
			if err != nil {
				return err
			}
			if err := t.Delete([]byte(key)); err != nil {
				return err
			}
		}
	}
	return deleteContractsOf(tx, keys)
}

// deleteContractsOf drops the admin's contract corrections of the removed
// companies (keyed application 0x00 company key).
func deleteContractsOf(tx *bolt.Tx, companies map[string]bool) error {
	b, err := top(tx, bktContracts)
	if err != nil {
		return err
	}
	var gone [][]byte
	err = b.ForEach(func(k, _ []byte) error {
		if i := strings.LastIndexByte(string(k), 0); i >= 0 && companies[string(k[i+1:])] {
			gone = append(gone, clone(k))
		}
		return nil
	})
	for _, k := range gone {
		err = errors.Join(err, b.Delete(k))
	}
	return err
}

func deleteUsers(tx *bolt.Tx, connID string) error {
	if connID != firstConnectionID {
		t, err := top(tx, bktConnectionUsers)
		if err != nil {
			return err
		}
		if err := t.DeleteBucket([]byte(connID)); err != nil && !errors.Is(err, bolterr.ErrBucketNotFound) {
			return err
		}
		return nil
	}
	// The first connection's users are the top-level bucket itself: empty it.
	b, err := top(tx, bktUsers)
	if err != nil {
		return err
	}
	var keys [][]byte
	_ = b.ForEach(func(k, _ []byte) error { keys = append(keys, clone(k)); return nil })
	for _, k := range keys {
		err = errors.Join(err, b.Delete(k))
	}
	return err
}

func deleteRuns(tx *bolt.Tx, connID string) error {
	runs, ids, err := runBuckets(tx)
	if err != nil {
		return err
	}
	type kv struct{ k, id []byte }
	var gone []kv
	err = forEachRunOf(tx, connID, func(k []byte, r SyncRun) error {
		gone = append(gone, kv{clone(k), []byte(r.ID)})
		return nil
	})
	for _, g := range gone {
		err = errors.Join(err, runs.Delete(g.k), ids.Delete(g.id))
	}
	return err
}

// forEachRunOf calls fn for each run of connection connID, oldest first.
func forEachRunOf(tx *bolt.Tx, connID string, fn func(k []byte, r SyncRun) error) error {
	runs, err := top(tx, bktRuns)
	if err != nil {
		return err
	}
	return runs.ForEach(func(k, v []byte) error {
		r, err := decodeRun(k, v)
		if err != nil || r.RunConnection() != connID {
			return err
		}
		return fn(k, r)
	})
}
