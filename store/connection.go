package store

import (
	"encoding/json"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Company is one BC company the admin chose to track.
type Company struct {
	ID            string
	Name          string
	DisplayName   string
	LocalCurrency string
}

// Connection is where bcspend reads from: tenant, environment, Entra app
// and the chosen companies. It deliberately has no secret fields: the client
// secret and the refresh token live in Secrets, so printing a Connection can
// never leak one.
type Connection struct {
	TenantID       string
	Environment    string
	ClientID       string
	Flow           string // client-credentials | device-code | browser
	AuthorityURL   string
	APIURL         string
	Companies      []Company
	FirstConnected time.Time
	Updated        time.Time
	Scopes         []string
}

var keyConnection = []byte("current")

// SaveConnection stores c as the one connection. FirstConnected is kept
// from the stored connection (or set to now for the first one); Updated is
// set to now.
func (db *DB) SaveConnection(c Connection) error {
	return db.update("save the connection", func(tx *bolt.Tx) error {
		b, err := top(tx, bktConnection)
		if err != nil {
			return err
		}
		now := db.now().UTC()
		if old, ok, err := decodeConnection(b.Get(keyConnection)); err == nil && ok && !old.FirstConnected.IsZero() {
			c.FirstConnected = old.FirstConnected
		}
		if c.FirstConnected.IsZero() {
			c.FirstConnected = now
		}
		c.Updated = now
		v, err := json.Marshal(c)
		if err != nil {
			return err
		}
		return b.Put(keyConnection, v)
	})
}

// Connection returns the stored connection; ok is false when there is none.
func (db *DB) Connection() (c Connection, ok bool, err error) {
	err = db.view(func(tx *bolt.Tx) error {
		b, err := top(tx, bktConnection)
		if err != nil {
			return err
		}
		c, ok, err = decodeConnection(b.Get(keyConnection))
		return err
	})
	return c, ok, err
}

// DeleteConnection forgets the connection. Secrets are deleted separately
// (Secrets.Delete); synced data stays.
func (db *DB) DeleteConnection() error {
	return db.update("delete the connection", func(tx *bolt.Tx) error {
		b, err := top(tx, bktConnection)
		if err != nil {
			return err
		}
		return b.Delete(keyConnection)
	})
}

// The connection is one small record read once per start, so it is JSON:
// readable with bbolt's CLI, and new fields need no migration.
func decodeConnection(v []byte) (Connection, bool, error) {
	var c Connection
	if v == nil {
		return c, false, nil
	}
	if err := json.Unmarshal(v, &c); err != nil {
		return c, false, &CorruptRecordError{What: "connection", Key: "current", Err: fmt.Errorf("%v", err)}
	}
	return c, true, nil
}
