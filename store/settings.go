package store

import (
	bolt "go.etcd.io/bbolt"
)

// Setting keys used across packages.
const (
	SettingGranularity       = "transaction-granularity" // invoice | line
	SettingReportingCurrency = "reporting-currency"
)

// settingSecretsNotice records that the keyring-fallback notice was shown.
const settingSecretsNotice = "internal.secrets-notice-shown"

// Setting returns the value stored for key; ok is false when unset.
func (db *DB) Setting(key string) (value string, ok bool, err error) {
	err = db.view(func(tx *bolt.Tx) error {
		b, err := top(tx, bktSettings)
		if err != nil {
			return err
		}
		if v := b.Get([]byte(key)); v != nil {
			value, ok = string(v), true
		}
		return nil
	})
	return value, ok, err
}

// SetSetting stores value under key.
func (db *DB) SetSetting(key, value string) error {
	return db.update("save setting "+key, func(tx *bolt.Tx) error {
		b, err := top(tx, bktSettings)
		if err != nil {
			return err
		}
		return b.Put([]byte(key), []byte(value))
	})
}

// DeleteSetting removes key (back to its default).
func (db *DB) DeleteSetting(key string) error {
	return db.update("delete setting "+key, func(tx *bolt.Tx) error {
		b, err := top(tx, bktSettings)
		if err != nil {
			return err
		}
		return b.Delete([]byte(key))
	})
}
