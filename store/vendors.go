package store

import (
	"bytes"
	"fmt"
	"sort"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Vendors are stored per company, every field BC sends.
//
// vendors/<company>/<vendor id> -> value, format 1:
//
//	byte 0x01 | number displayName email website currencyCode blocked str | lastModified time
const vendorFormat1 = 0x01

// Vendor is a company's vendor card as the syncer stored it from BC's
// vendors entity.
type Vendor struct {
	ID           string
	Number       string
	DisplayName  string
	Email        string
	Website      string
	CurrencyCode string
	Blocked      string // BC's blocked option, as bc decodes it
	LastModified time.Time
}

func encodeVendor(v *Vendor) []byte {
	e := encoder{make([]byte, 0, 64)}
	e.byte1(vendorFormat1)
	e.str(v.Number)
	e.str(v.DisplayName)
	e.str(v.Email)
	e.str(v.Website)
	e.str(v.CurrencyCode)
	e.str(v.Blocked)
	e.time(v.LastModified)
	return e.b
}

func decodeVendor(b []byte) (Vendor, error) {
	var v Vendor
	d := decoder{b: b}
	if d.byte1() != vendorFormat1 {
		return v, fmt.Errorf("unknown vendor format")
	}
	v.Number = d.str()
	v.DisplayName = d.str()
	v.Email = d.str()
	v.Website = d.str()
	v.CurrencyCode = d.str()
	v.Blocked = d.str()
	v.LastModified = d.time()
	return v, d.finish()
}

// UpsertVendors stores the company's vendors by id (others stay).
func (db *DB) UpsertVendors(companyID string, vendors []Vendor) error {
	return db.update("save vendors", func(tx *bolt.Tx) error {
		return putVendors(tx, companyID, vendors)
	})
}

func putVendors(tx *bolt.Tx, companyID string, vendors []Vendor) error {
	if len(vendors) == 0 {
		return nil
	}
	b, err := sub(tx, bktVendors, companyID, true)
	if err != nil {
		return err
	}
	for i := range vendors {
		if vendors[i].ID == "" {
			return fmt.Errorf("store: vendor %q has no id", vendors[i].Number)
		}
		val := encodeVendor(&vendors[i])
		if bytes.Equal(b.Get([]byte(vendors[i].ID)), val) {
			continue // idempotent: an unchanged vendor costs no write
		}
		if err := b.Put([]byte(vendors[i].ID), val); err != nil {
			return err
		}
	}
	return nil
}

// Vendors returns the company's vendors ordered by number.
func (db *DB) Vendors(companyID string) ([]Vendor, error) {
	var out []Vendor
	err := db.view(func(tx *bolt.Tx) error {
		b, err := sub(tx, bktVendors, companyID, false)
		if err != nil || b == nil {
			return err
		}
		return b.ForEach(func(k, val []byte) error {
			v, err := decodeVendor(val)
			if err != nil {
				return &CorruptRecordError{What: "vendor", Key: string(k), Err: err}
			}
			v.ID = string(k)
			out = append(out, v)
			return nil
		})
	})
	sort.SliceStable(out, func(i, j int) bool { return out[i].Number < out[j].Number })
	return out, err
}

// Vendor returns one vendor by id; ok is false when it is not stored.
func (db *DB) Vendor(companyID, id string) (v Vendor, ok bool, err error) {
	err = db.view(func(tx *bolt.Tx) error {
		b, err := sub(tx, bktVendors, companyID, false)
		if err != nil || b == nil {
			return err
		}
		val := b.Get([]byte(id))
		if val == nil {
			return nil
		}
		if v, err = decodeVendor(val); err != nil {
			return &CorruptRecordError{What: "vendor", Key: id, Err: err}
		}
		v.ID, ok = id, true
		return nil
	})
	return v, ok, err
}
