package store

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Custom applications are the ones an admin creates (from the fix picker
// or 'bcspend apps add') for software the catalog does not know. Like
// rules, sync never touches them.
//
// custom-apps: lower-cased name -> JSON CustomApp
var bktCustomApps = []byte("custom-apps")

// CustomApp is one admin-made application.
type CustomApp struct {
	Name     string    `json:"name"`
	Category string    `json:"category"`
	Vendors  []string  `json:"vendors,omitempty"` // vendor names that identify it
	Created  time.Time `json:"created"`
}

func customKey(name string) []byte { return []byte(strings.ToLower(strings.TrimSpace(name))) }

// PutCustomApp stores a, replacing the app of the same name (any case).
func (db *DB) PutCustomApp(a CustomApp) error {
	if strings.TrimSpace(a.Name) == "" {
		return fmt.Errorf("store: custom application without a name")
	}
	data, err := json.Marshal(a)
	if err != nil {
		return err
	}
	return db.update("save application "+a.Name, func(tx *bolt.Tx) error {
		b, err := tx.CreateBucketIfNotExists(bktCustomApps)
		if err != nil {
			return err
		}
		return b.Put(customKey(a.Name), data)
	})
}

// DeleteCustomApp removes the app name; an absent one is not an error.
func (db *DB) DeleteCustomApp(name string) error {
	return db.update("delete application "+name, func(tx *bolt.Tx) error {
		if b := tx.Bucket(bktCustomApps); b != nil {
			return b.Delete(customKey(name))
		}
		return nil
	})
}

// CustomApps lists the custom applications by name.
func (db *DB) CustomApps() ([]CustomApp, error) {
	var out []CustomApp
	err := db.view(func(tx *bolt.Tx) error {
		b := tx.Bucket(bktCustomApps)
		if b == nil {
			return nil // none created yet
		}
		return b.ForEach(func(k, v []byte) error {
			var a CustomApp
			if err := json.Unmarshal(v, &a); err != nil {
				return fmt.Errorf("store: custom application %q is unreadable (%v); remove it with 'bcspend apps remove %s'", k, err, k)
			}
			out = append(out, a)
			return nil
		})
	})
	sort.Slice(out, func(i, j int) bool { return strings.ToLower(out[i].Name) < strings.ToLower(out[j].Name) })
	return out, err
}
