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
	// Key is the company's key in the per-company buckets when it is not
	// ID: a company of a second connection (connections.go). Use StoreKey.
	Key string `json:",omitempty"`
}

// Title is the company's name for people: BC's display name, else its name.
func (c Company) Title() string {
	if c.DisplayName != "" {
		return c.DisplayName
	}
	return c.Name
}

// StoreKey is the company's key in the store's per-company buckets.
func (c Company) StoreKey() string {
	if c.Key != "" {
		return c.Key
	}
	return c.ID
}

// Connection is where bcspend reads from: tenant, environment, Entra app
// and the chosen companies. It deliberately has no secret fields: the client
// secret and the refresh token live in Secrets, so printing a Connection can
// never leak one.
type Connection struct {
	// ID is the connection's stable key in the connections bucket ("1" for
	// the first, which a schema-4 file becomes); Name what the admin calls
	// it (default "tenant/environment", renamable).
	ID             string `json:",omitempty"`
	Name           string `json:",omitempty"`
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

// keyConnection is where schema 4 and older kept the one connection, in
// the connection bucket; migration 5 moves it to connections/1.
var keyConnection = []byte("current")

// SaveConnection stores c as the first connection (the one every command
// uses until several are supported end to end). FirstConnected is kept
// from the stored connection (or set to now for the first one); Updated is
// set to now.
func (db *DB) SaveConnection(c Connection) error {
	return db.update("save the connection", func(tx *bolt.Tx) error {
		b, err := top(tx, bktConnections)
		if err != nil {
			return err
		}
		old, ok, err := firstConnection(b)
		if err != nil {
			return err
		}
		if ok {
			c.ID = old.ID
			if !old.FirstConnected.IsZero() {
				c.FirstConnected = old.FirstConnected
			}
			if c.Name == "" && sameTarget(old, c) {
				c.Name = old.Name
			}
		} else {
			c.ID = firstConnectionID
		}
		_, err = putConnection(tx, b, c, db.now().UTC())
		return err
	})
}

// Connection returns the first connection; ok is false when there is none.
func (db *DB) Connection() (c Connection, ok bool, err error) {
	err = db.view(func(tx *bolt.Tx) error {
		b, err := top(tx, bktConnections)
		if err != nil {
			return err
		}
		c, ok, err = firstConnection(b)
		return err
	})
	return c, ok, err
}

// DeleteConnection forgets the first connection. Secrets are deleted
// separately (Secrets.Delete); synced data stays.
func (db *DB) DeleteConnection() error {
	return db.update("delete the connection", func(tx *bolt.Tx) error {
		b, err := top(tx, bktConnections)
		if err != nil {
			return err
		}
		c, ok, err := firstConnection(b)
		if err != nil || !ok {
			return err
		}
		return deleteConnection(tx, b, c)
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
		return c, false, &CorruptRecordError{What: "connection", Key: c.ID, Err: fmt.Errorf("%v", err)}
	}
	return c, true, nil
}
