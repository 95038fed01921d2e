package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Several connections in one file (schema 5; docs/STORAGE.md, "Several
// connections"). Each connection is a record in `connections` under a
// stable id; `connection-names` maps its unique name to the id. The first
// connection (id "1", what a schema-4 file's one connection becomes) keys
// its companies' data by the BC company id, as before, so the migration
// rewrites no data; a later connection n keys them "n:<companyId>", since
// a sandbox copied from production keeps its company ids.
//
// The commands still use one connection (Connection, SaveConnection);
// Connections, AddConnection and RenameConnection are the layer the
// connections commands will stand on.

const firstConnectionID = "1"

var (
	bktConnections     = []byte("connections")      // id -> Connection JSON
	bktConnectionNames = []byte("connection-names") // name -> id
	bktConnectionUsers = []byte("connection-users") // id -> userSecurityId -> user (connections other than "1")
)

// ErrConnectionName matches a name that is taken or empty.
var ErrConnectionName = errors.New("connection name unusable")

// DefaultConnectionName is "tenant/environment".
func DefaultConnectionName(c Connection) string { return c.TenantID + "/" + c.Environment }

// Connections lists every connection, in the order they were added.
func (db *DB) Connections() ([]Connection, error) {
	var out []Connection
	err := db.view(func(tx *bolt.Tx) error {
		b, err := top(tx, bktConnections)
		if err != nil {
			return err
		}
		return forEachConnection(b, func(c Connection) error { out = append(out, c); return nil })
	})
	return out, err
}

// AddConnection stores c as a new connection with the next id, its name
// (default "tenant/environment", unique) and its companies' store keys.
// Its first-connection date is now unless c brings one (a test on a
// simulated clock).
func (db *DB) AddConnection(c Connection) (Connection, error) {
	err := db.update("add a connection", func(tx *bolt.Tx) error {
		b, err := top(tx, bktConnections)
		if err != nil {
			return err
		}
		seq, err := b.NextSequence()
		if err != nil {
			return err
		}
		c.ID = strconv.FormatUint(seq, 10)
		if _, taken, _ := connectionByID(b, c.ID); taken {
			return fmt.Errorf("store: connection id %s is taken; the connections bucket is damaged", c.ID)
		}
		c, err = putConnection(tx, b, c, db.now().UTC())
		return err
	})
	if err != nil {
		return Connection{}, err
	}
	return c, nil
}

// RenameConnection gives the connection named from the name to.
func (db *DB) RenameConnection(from, to string) error {
	to = strings.TrimSpace(to)
	return db.update("rename a connection", func(tx *bolt.Tx) error {
		b, err := top(tx, bktConnections)
		if err != nil {
			return err
		}
		names, err := top(tx, bktConnectionNames)
		if err != nil {
			return err
		}
		id := names.Get([]byte(from))
		if id == nil {
			return fmt.Errorf("%w: no connection is named %q; 'bcspend connections list' shows the names", ErrConnectionName, from)
		}
		c, ok, err := connectionByID(b, string(id))
		if err != nil || !ok {
			return fmt.Errorf("store: connection %q has no record; the file is damaged: %v", from, err)
		}
		c.Name = to
		_, err = putConnection(tx, b, c, c.Updated)
		return err
	})
}

// putConnection writes c (FirstConnected set on its first save, Updated to
// now) with its name in the index and its companies' store keys.
func putConnection(tx *bolt.Tx, b *bolt.Bucket, c Connection, now time.Time) (Connection, error) {
	names, err := top(tx, bktConnectionNames)
	if err != nil {
		return c, err
	}
	if c.Name = strings.TrimSpace(c.Name); c.Name == "" {
		c.Name = DefaultConnectionName(c)
	}
	if owner := names.Get([]byte(c.Name)); owner != nil && string(owner) != c.ID {
		return c, fmt.Errorf("%w: another connection is already named %q; choose another name", ErrConnectionName, c.Name)
	}
	if old, ok, _ := connectionByID(b, c.ID); ok && old.Name != c.Name {
		if err := names.Delete([]byte(old.Name)); err != nil {
			return c, err
		}
	}
	c.Companies = append([]Company(nil), c.Companies...) // the caller's slice stays as it was
	for i := range c.Companies {
		c.Companies[i].Key = companyKey(c.ID, c.Companies[i].ID)
	}
	if c.FirstConnected.IsZero() {
		c.FirstConnected = now
	}
	c.Updated = now
	v, err := json.Marshal(c)
	if err != nil {
		return c, err
	}
	// The first connection is saved under "1" without NextSequence: keep
	// the sequence past every id in use.
	if n, err := strconv.ParseUint(c.ID, 10, 64); err == nil && b.Sequence() < n {
		if err := b.SetSequence(n); err != nil {
			return c, err
		}
	}
	return c, errors.Join(b.Put([]byte(c.ID), v), names.Put([]byte(c.Name), []byte(c.ID)))
}

// companyKey is "" (the id itself) for the first connection's companies.
func companyKey(connID, companyID string) string {
	if connID == firstConnectionID || connID == "" {
		return ""
	}
	return connID + ":" + companyID
}

func deleteConnection(tx *bolt.Tx, b *bolt.Bucket, c Connection) error {
	names, err := top(tx, bktConnectionNames)
	if err != nil {
		return err
	}
	return errors.Join(b.Delete([]byte(c.ID)), names.Delete([]byte(c.Name)))
}

// firstConnection is the connection with the lowest id.
func firstConnection(b *bolt.Bucket) (c Connection, ok bool, err error) {
	err = forEachConnection(b, func(x Connection) error {
		c, ok = x, true
		return errStop
	})
	if errors.Is(err, errStop) {
		err = nil
	}
	return c, ok, err
}

// forEachConnection walks the connections in id order (ids are decimal
// sequence numbers, so shorter first, then bytes).
func forEachConnection(b *bolt.Bucket, fn func(Connection) error) error {
	var keys [][]byte
	if err := b.ForEach(func(k, _ []byte) error { keys = append(keys, clone(k)); return nil }); err != nil {
		return err
	}
	sortIDs(keys)
	for _, k := range keys {
		c, _, err := connectionByID(b, string(k))
		if err != nil {
			return err
		}
		if err := fn(c); err != nil {
			return err
		}
	}
	return nil
}

func sortIDs(keys [][]byte) {
	for i := 1; i < len(keys); i++ {
		for j := i; j > 0 && idLess(keys[j], keys[j-1]); j-- {
			keys[j], keys[j-1] = keys[j-1], keys[j]
		}
	}
}

func idLess(a, b []byte) bool {
	if len(a) != len(b) {
		return len(a) < len(b)
	}
	return bytes.Compare(a, b) < 0
}

func connectionByID(b *bolt.Bucket, id string) (Connection, bool, error) {
	c, ok, err := decodeConnection(b.Get([]byte(id)))
	if err == nil && ok {
		c.ID = id
	}
	return c, ok, err
}

func sameTarget(a, b Connection) bool {
	return strings.EqualFold(a.TenantID, b.TenantID) && strings.EqualFold(a.Environment, b.Environment)
}

// migrateConnections moves schema 4's one connection (connection/current)
// to connections/1 under its default name. Nothing else changes: the
// first connection's companies keep their data keys.
func migrateConnections(tx *bolt.Tx) error {
	b, err := tx.CreateBucketIfNotExists(bktConnections)
	if err != nil {
		return err
	}
	if _, err := tx.CreateBucketIfNotExists(bktConnectionNames); err != nil {
		return err
	}
	old, err := top(tx, bktConnection)
	if err != nil {
		return err
	}
	c, ok, err := decodeConnection(old.Get(keyConnection))
	if err != nil || !ok {
		return err
	}
	c.ID = firstConnectionID
	if _, err := putConnection(tx, b, c, c.Updated); err != nil {
		return err
	}
	return old.Delete(keyConnection)
}

// ErrNoConnection matches a connection name or id that is not in the file.
var ErrNoConnection = errors.New("no such connection")

// ConnectionNamed returns the connection called name; ok is false when
// there is none.
func (db *DB) ConnectionNamed(name string) (c Connection, ok bool, err error) {
	err = db.view(func(tx *bolt.Tx) error {
		var id string
		if id, err = connectionIDOf(tx, name); err != nil || id == "" {
			return err
		}
		b, err := top(tx, bktConnections)
		if err != nil {
			return err
		}
		c, ok, err = connectionByID(b, id)
		return err
	})
	return c, ok, err
}

func connectionIDOf(tx *bolt.Tx, name string) (string, error) {
	names, err := top(tx, bktConnectionNames)
	if err != nil {
		return "", err
	}
	return string(names.Get([]byte(strings.TrimSpace(name)))), nil
}

// ErrConnectionTarget matches an update that would point a connection at
// another tenant or environment.
var ErrConnectionTarget = errors.New("a connection's tenant and environment are fixed")

// UpdateConnection rewrites the stored connection c.ID (a reconnect: new
// client id, flow, companies, scopes or name), keeping its first-connection
// date. Its tenant and environment cannot change: its data and sync state
// are those of one environment, so another one is another connection.
func (db *DB) UpdateConnection(c Connection) (Connection, error) {
	err := db.update("update a connection", func(tx *bolt.Tx) error {
		b, err := top(tx, bktConnections)
		if err != nil {
			return err
		}
		old, ok, err := connectionByID(b, c.ID)
		if err != nil {
			return err
		}
		if !ok {
			return fmt.Errorf("%w: connection id %q; 'bcspend connections list' shows them", ErrNoConnection, c.ID)
		}
		if !sameTarget(old, c) {
			return fmt.Errorf("%w: connection %q reads %s, not %s; connect with another --name to add one for %s",
				ErrConnectionTarget, old.Name, DefaultConnectionName(old), DefaultConnectionName(c), DefaultConnectionName(c))
		}
		if c.Name == "" {
			c.Name = old.Name
		}
		c.FirstConnected = old.FirstConnected
		c, err = putConnection(tx, b, c, db.now().UTC())
		return err
	})
	if err != nil {
		return Connection{}, err
	}
	return c, nil
}
