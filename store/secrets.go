package store

import (
	"time"

	bolt "go.etcd.io/bbolt"
)

// The secrets bucket is where package secretstore keeps a connection's
// client secret and refresh token when no OS keyring works. The store only
// holds the bytes under the account names secretstore gives it; choosing
// between the keyring and this bucket, and never leaking a value, is
// secretstore's job.

// FallbackSecret returns the value kept in the file under account; ok is
// false when there is none.
func (db *DB) FallbackSecret(account string) (v string, ok bool, err error) {
	err = db.view(func(tx *bolt.Tx) error {
		b, err := top(tx, bktSecrets)
		if err != nil {
			return err
		}
		if raw := b.Get([]byte(account)); raw != nil {
			v, ok = string(raw), true
		}
		return nil
	})
	return v, ok, err
}

// PutFallbackSecret keeps value in the file under account.
func (db *DB) PutFallbackSecret(account, value string) error {
	return db.update("save a secret", func(tx *bolt.Tx) error {
		b, err := top(tx, bktSecrets)
		if err != nil {
			return err
		}
		return b.Put([]byte(account), []byte(value))
	})
}

// DeleteFallbackSecret removes account's value from the file; a missing
// one costs no write.
func (db *DB) DeleteFallbackSecret(account string) error {
	return db.update("delete a secret", func(tx *bolt.Tx) error {
		b, err := top(tx, bktSecrets)
		if err != nil {
			return err
		}
		if b.Get([]byte(account)) == nil {
			return nil
		}
		return b.Delete([]byte(account))
	})
}

// FallbackNoticeDue reports, once per database file, that the notice
// "secrets are kept in this file" has not been shown yet, and records that
// it now has been. A failed write shows it again next time: harmless.
func (db *DB) FallbackNoticeDue() bool {
	if _, shown, err := db.Setting(settingSecretsNotice); err != nil || shown {
		return false
	}
	_ = db.SetSetting(settingSecretsNotice, db.now().UTC().Format(time.RFC3339))
	return true
}
