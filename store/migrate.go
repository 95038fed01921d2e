package store

import (
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// A migration moves the file from schema to-1 to schema to. Each runs in its
// own transaction together with the schema bump, so a crash mid-migration
// leaves the file at the previous version and the migration runs again.
type migration struct {
	to   int
	name string
	run  func(tx *bolt.Tx) error
}

// migrations is the table, in order; append only. The file's schema version
// is the `to` of the last one applied.
var migrations = []migration{
	{to: 1, name: "create buckets", run: migrateCreateBuckets},
	{to: 2, name: "insights buckets (dismissals, contracts, alerts-seen)", run: migrateInsightBuckets},
	{to: 3, name: "company info bucket", run: bucketMigration(bktCompanies)},
	{to: 4, name: "credit memo buckets", run: bucketsMigration(bktCreditMemos, bktCreditMemoIDs, bktCreditSync)},
	{to: 5, name: "several connections (connections, connection-names)", run: migrateConnections},
	{to: 6, name: "users of further connections (connection-users)", run: bucketMigration(bktConnectionUsers)},
}

// bucketsMigration adds several top-level buckets.
func bucketsMigration(names ...[]byte) func(tx *bolt.Tx) error {
	return func(tx *bolt.Tx) error {
		for _, n := range names {
			if err := bucketMigration(n)(tx); err != nil {
				return err
			}
		}
		return nil
	}
}

// bucketMigration adds one top-level bucket.
func bucketMigration(name []byte) func(tx *bolt.Tx) error {
	return func(tx *bolt.Tx) error {
		_, err := tx.CreateBucketIfNotExists(name)
		return err
	}
}

func knownSchema(ms []migration) int {
	if len(ms) == 0 {
		return 0
	}
	return ms[len(ms)-1].to
}

// schema1Buckets are the top-level buckets every file has from schema 1 on.
var schema1Buckets = [][]byte{bktConnection, bktSecrets, bktInvoices, bktInvoiceIDs, bktVendors,
	bktUsers, bktRates, bktSync, bktRuns, bktRunIDs, bktRules, bktRuleIDs, bktSettings}

func migrateCreateBuckets(tx *bolt.Tx) error {
	for _, name := range schema1Buckets {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return err
		}
	}
	return nil
}

// migrate applies every migration newer than the file's schema.
func (db *DB) migrate(ms []migration) error {
	cur, err := db.SchemaVersion()
	if err != nil {
		return err
	}
	for _, m := range ms {
		if m.to <= cur {
			continue
		}
		err := db.update("migrate to schema "+fmt.Sprint(m.to), func(tx *bolt.Tx) error {
			meta, err := top(tx, bktMeta)
			if err != nil {
				return err
			}
			cur := schemaOf(meta)
			if cur >= m.to {
				return nil
			}
			if cur != m.to-1 {
				return fmt.Errorf("store: no migration path from schema %d to %d", cur, m.to)
			}
			if err := m.run(tx); err != nil {
				return fmt.Errorf("store: migration %d (%s): %w", m.to, m.name, err)
			}
			return meta.Put(keySchema, schemaBytes(m.to))
		})
		if err != nil {
			return err
		}
	}
	return nil
}
