package syncer

import (
	"context"
	"strings"

	"github.com/bcspend/bcspend/bc"
	"github.com/bcspend/bcspend/store"
)

// vendorCache stores the vendors a company's invoices reference, fetching
// the vendor list only when a page names a vendor the store does not know
// (an incremental run with nothing new makes no vendors request). A full
// pass refreshes every referenced vendor once, so renamed vendors and new
// email addresses arrive at the latest with --full.
type vendorCache struct {
	client  *bc.Client
	db      *store.DB
	company store.Company // its ID for BC, its StoreKey for the store
	refresh bool

	known   map[string]bool         // lower-cased ids stored (or refreshed by this pass)
	fetched map[string]store.Vendor // BC's list, fetched at most once per pass
}

func newVendorCache(client *bc.Client, db *store.DB, company store.Company, refresh bool) *vendorCache {
	return &vendorCache{client: client, db: db, company: company, refresh: refresh}
}

// forPage returns the vendors to store with a page of invoices.
func (v *vendorCache) forPage(ctx context.Context, invs []bc.PurchaseInvoice) ([]store.Vendor, error) {
	if err := v.load(); err != nil {
		return nil, err
	}
	var need []string
	for i := range invs {
		id := strings.ToLower(invs[i].VendorID)
		if id == "" || id == bc.ZeroGUID || v.known[id] {
			continue
		}
		v.known[id] = true
		need = append(need, id)
	}
	if len(need) == 0 {
		return nil, nil
	}
	if err := v.fetch(ctx); err != nil {
		return nil, err
	}
	var out []store.Vendor
	for _, id := range need {
		// A vendor missing from BC's list (deleted since) is skipped; the
		// invoice keeps its vendorNumber and vendorName.
		if vd, ok := v.fetched[id]; ok {
			out = append(out, vd)
		}
	}
	return out, nil
}

// load reads which vendors the store already holds; a refreshing pass
// starts from none so each referenced vendor is stored again.
func (v *vendorCache) load() error {
	if v.known != nil {
		return nil
	}
	v.known = map[string]bool{}
	if v.refresh {
		return nil
	}
	stored, err := v.db.Vendors(v.company.StoreKey())
	for _, s := range stored {
		v.known[strings.ToLower(s.ID)] = true
	}
	return err
}

func (v *vendorCache) fetch(ctx context.Context) error {
	if v.fetched != nil {
		return nil
	}
	list, err := v.client.Vendors(ctx, v.company.ID)
	if err != nil {
		return err
	}
	v.fetched = make(map[string]store.Vendor, len(list))
	for i := range list {
		v.fetched[strings.ToLower(list[i].ID)] = storeVendor(&list[i])
	}
	return nil
}

// storeVendor is the one place a BC vendor becomes the store's.
func storeVendor(w *bc.Vendor) store.Vendor {
	return store.Vendor{ID: w.ID, Number: w.Number, DisplayName: w.DisplayName, Email: w.Email,
		Website: w.Website, CurrencyCode: w.CurrencyCode, Blocked: w.Blocked, LastModified: w.LastModifiedDateTime}
}
