package store

import (
	"encoding/json"
	"errors"
	"strconv"
	"time"

	bolt "go.etcd.io/bbolt"
)

// CompanyInfo is what Business Central itself says about one company, read
// once per company per sync (companyInformation, and generalLedgerSetup
// where the environment has it). It is the one place the rest of bcspend
// learns a company's local currency and the names of its two global
// dimensions from; nothing guesses them.
type CompanyInfo struct {
	// LocalCurrency is the company's LCY code (generalLedgerSetup's
	// localCurrencyCode, else companyInformation's currencyCode).
	LocalCurrency string
	// Dimension1 and Dimension2 are the codes of the two global dimensions
	// as BC names them (generalLedgerSetup shortcutDimension1Code/2Code,
	// e.g. DEPARTMENT, PROJECT, AREA): what an invoice's
	// shortcutDimension1Code/2Code values are values of. "" when BC did not
	// say (no generalLedgerSetup before it existed, or not set up).
	Dimension1, Dimension2 string
	// GLSetup is whether generalLedgerSetup could be read at all.
	GLSetup bool
	// RatesUnavailable says why foreign amounts of this company are not
	// converted ("" when its currencyExchangeRates were read), e.g. the
	// environment predates the currencyExchangeRates API (23.0).
	RatesUnavailable string
	// Updated is when the sync stored this.
	Updated time.Time
}

// DimensionLabel is the heading for global dimension n (1 or 2): BC's own
// dimension code, or a neutral "Dimension n" when BC did not name it.
func (ci CompanyInfo) DimensionLabel(n int) string {
	name := ci.Dimension1
	if n == 2 {
		name = ci.Dimension2
	}
	if name == "" {
		return "Dimension " + strconv.Itoa(n)
	}
	return name
}

// PutCompanyInfo stores what BC said about the company; Updated defaults
// to now.
func (db *DB) PutCompanyInfo(companyID string, ci CompanyInfo) error {
	if companyID == "" {
		return errors.New("store: empty company id")
	}
	if ci.Updated.IsZero() {
		ci.Updated = db.now().UTC()
	}
	v, err := json.Marshal(ci)
	if err != nil {
		return err
	}
	return db.update("save company information", func(tx *bolt.Tx) error {
		b, err := top(tx, bktCompanies)
		if err != nil {
			return err
		}
		return b.Put([]byte(companyID), v)
	})
}

// CompanyInfo returns what BC said about the company at the last sync; ok
// is false before a sync has read it.
func (db *DB) CompanyInfo(companyID string) (ci CompanyInfo, ok bool, err error) {
	err = db.view(func(tx *bolt.Tx) error {
		b, err := top(tx, bktCompanies)
		if err != nil {
			return err
		}
		ci, ok, err = decodeCompanyInfo(companyID, b.Get([]byte(companyID)))
		return err
	})
	return ci, ok, err
}

// CompanyInfos returns every company's stored information by company id.
func (db *DB) CompanyInfos() (map[string]CompanyInfo, error) {
	out := map[string]CompanyInfo{}
	err := db.view(func(tx *bolt.Tx) error {
		b, err := top(tx, bktCompanies)
		if err != nil {
			return err
		}
		return b.ForEach(func(k, v []byte) error {
			ci, _, err := decodeCompanyInfo(string(k), v)
			out[string(k)] = ci
			return err
		})
	})
	return out, err
}

// Company information is a few small records, so JSON: readable with
// bbolt's CLI, and a new field needs no migration.
func decodeCompanyInfo(companyID string, v []byte) (CompanyInfo, bool, error) {
	var ci CompanyInfo
	if v == nil {
		return ci, false, nil
	}
	if err := json.Unmarshal(v, &ci); err != nil {
		return ci, false, &CorruptRecordError{What: "company information", Key: companyID, Err: err}
	}
	return ci, true, nil
}
