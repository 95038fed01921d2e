package bcsim

import (
	"hash/fnv"
	"math/rand/v2"
	"net/http"
	"time"

	"github.com/bcspend/bcspend/bc"
)

// companyInformation, generalLedgerSetup, and the 404 an environment gives
// for an entity set its API version does not have yet. Both single-record
// pages answer as collections of one, as BC's API pages do.

var companyInfoEntity = entity[bc.CompanyInformation]{
	name: "companyInformation",
	fields: fields[bc.CompanyInformation]{
		"id":          gField(func(v *bc.CompanyInformation) string { return v.ID }),
		"displayName": sField(func(v *bc.CompanyInformation) string { return v.DisplayName }),
	},
	valid: jsonFields(bc.CompanyInformation{}),
	key:   func(v *bc.CompanyInformation) string { return v.ID },
	tag:   func(v *bc.CompanyInformation) string { return etag(v.LastModifiedDateTime, v.ID) },
}

var glSetupEntity = entity[bc.GeneralLedgerSetup]{
	name: "generalLedgerSetup",
	fields: fields[bc.GeneralLedgerSetup]{
		"id": gField(func(v *bc.GeneralLedgerSetup) string { return v.ID }),
	},
	valid: jsonFields(bc.GeneralLedgerSetup{}),
	key:   func(v *bc.GeneralLedgerSetup) string { return v.ID },
	tag:   func(v *bc.GeneralLedgerSetup) string { return etag(v.LastModifiedDateTime, v.ID) },
}

// serveCompanyInfo answers companyInformation and generalLedgerSetup;
// ok is false for any other set.
func (t *Tenant) serveCompanyInfo(w http.ResponseWriter, r *http.Request, q query, ctx string, co *company, set string) bool {
	switch set {
	case "companyInformation":
		v := co.infoEntity
		serveList(w, r, q, ctx+set, companyInfoEntity, []*bc.CompanyInformation{&v}, nil)
	case "generalLedgerSetup":
		if t.cfg.NoGLSetup {
			missingEntitySet(w, set)
			return true
		}
		v := co.glSetup
		serveList(w, r, q, ctx+set, glSetupEntity, []*bc.GeneralLedgerSetup{&v}, nil)
	default:
		return false
	}
	return true
}

// missingEntitySet is BC's answer for an entity set this API version does
// not have (currencyExchangeRates before API 23.0).
func missingEntitySet(w http.ResponseWriter, set string) {
	bcError(w, http.StatusNotFound, "BadRequest_ResourceNotFound", "Resource not found for the segment '"+set+"'.")
}

// newGUIDFrom derives a stable id from another, so adding an entity does
// not move the generator's random stream.
func newGUIDFrom(id string, n uint64) string {
	h := fnv.New64a()
	_, _ = h.Write([]byte(id))
	return newGUID(rand.New(rand.NewPCG(h.Sum64(), n)))
}

// SetCompanyInfo replaces what a company's companyInformation and
// generalLedgerSetup say (local currency, dimension codes).
func (t *Tenant) SetCompanyInfo(companyID string, local, dim1, dim2 string) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	c := t.company(companyID)
	if c == nil {
		return ErrNotFound
	}
	now := t.nowLocked()
	c.infoEntity.CurrencyCode, c.infoEntity.LastModifiedDateTime = local, now
	c.glSetup.LocalCurrencyCode, c.glSetup.LastModifiedDateTime = local, now
	c.glSetup.ShortcutDimension1Code, c.glSetup.ShortcutDimension2Code = dim1, dim2
	return nil
}

// PutRate adds an exchange rate row to a company's table and returns its id.
func (t *Tenant) PutRate(companyID string, r bc.CurrencyExchangeRate) (string, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	c := t.company(companyID)
	if c == nil {
		return "", ErrNotFound
	}
	if r.ID == "" {
		r.ID = newGUID(t.idRand)
	}
	if r.LastModifiedDateTime.IsZero() {
		r.LastModifiedDateTime = t.nowLocked()
	}
	r.LastModifiedDateTime = r.LastModifiedDateTime.UTC().Truncate(time.Millisecond)
	rates := append(append([]*bc.CurrencyExchangeRate(nil), c.rates...), &r)
	sortByID(rates, func(x *bc.CurrencyExchangeRate) string { return x.ID })
	c.rates = rates
	return r.ID, nil
}
