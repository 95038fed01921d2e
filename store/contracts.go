package store

import (
	"errors"
	"time"

	"github.com/bcspend/bcspend/money"
	bolt "go.etcd.io/bbolt"
)

// Contract is an admin's correction or addition of one application's
// contract in one company: what invoices cannot say (notice period,
// auto-renewal, owner, notes) and what they may say wrongly (term, start,
// end, amount). Zero fields and nil pointers leave the inferred value.
type Contract struct {
	App        string        `json:"app"`
	CompanyID  string        `json:"company_id"`
	Company    string        `json:"company,omitempty"`
	Start      time.Time     `json:"start,omitzero"`
	End        time.Time     `json:"end,omitzero"` // last day of the current period
	TermMonths int           `json:"term_months,omitempty"`
	NoticeDays *int          `json:"notice_days,omitempty"`
	AutoRenew  *bool         `json:"auto_renew,omitempty"`
	Amount     *money.Amount `json:"amount,omitempty"` // per term
	Currency   string        `json:"currency,omitempty"`
	Owner      string        `json:"owner,omitempty"`
	Notes      string        `json:"notes,omitempty"`
	By         string        `json:"by"`
	At         time.Time     `json:"at"`
}

func contractKey(app, companyID string) string { return app + "\x00" + companyID }

// PutContract stores c, replacing an earlier correction of the same
// application and company.
func (db *DB) PutContract(c Contract) error {
	if c.App == "" || c.CompanyID == "" {
		return errors.New("store: a contract needs its application and company")
	}
	return putJSON(db, "save contract", bktContracts, contractKey(c.App, c.CompanyID), c)
}

// DeleteContract drops the correction of app in companyID (back to what
// the invoices say); an absent one is no error.
func (db *DB) DeleteContract(app, companyID string) error {
	return db.update("delete contract", func(tx *bolt.Tx) error {
		b, err := top(tx, bktContracts)
		if err != nil {
			return err
		}
		return b.Delete([]byte(contractKey(app, companyID)))
	})
}

// Contracts are every stored correction, keyed application 0x00 company id
// (insights.ContractKey).
func (db *DB) Contracts() (map[string]Contract, error) {
	return allJSON[Contract](db, bktContracts)
}
