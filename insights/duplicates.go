package insights

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/bcspend/bcspend/money"
	"github.com/bcspend/bcspend/spend"
)

// Why two invoices look like one charge paid twice.
const (
	DupVendorInvoiceNumber = "same-vendor-invoice-number"
	DupSameAmount          = "same-amount-close-dates"
)

// Duplicate is a pair of paid invoices that probably pay the same bill.
type Duplicate struct {
	Reason              string       `json:"reason"`
	App                 string       `json:"app"`
	Vendor              string       `json:"vendor"`
	Company             string       `json:"company"`
	Currency            string       `json:"currency"`
	Amount              money.Amount `json:"amount"` // of the second invoice
	Dates               []time.Time  `json:"dates"`
	InvoiceNumbers      []string     `json:"invoice_numbers"`
	VendorInvoiceNumber string       `json:"vendor_invoice_number,omitempty"`
	TransactionIDs      []string     `json:"transaction_ids"`
	Message             string       `json:"message"`
	Ident
}

// bill is one paid invoice, whatever the granularity.
type bill struct {
	id, number, vendorInv, vendor, vendorKey, company, companyID, currency, app string
	date                                                                        time.Time
	amount                                                                      money.Amount
	txIDs                                                                       []string
}

func bills(txs []spend.Transaction) []*bill {
	byID := map[string]*bill{}
	var out []*bill
	for i := range txs {
		t := &txs[i]
		if t.History || t.Ignored || t.IsCreditMemo() { // a refund is no second bill
			continue
		}
		b := byID[t.InvoiceID]
		if b == nil {
			vk := t.VendorNumber
			if vk == "" {
				vk = strings.ToLower(t.VendorName)
			}
			b = &bill{id: t.InvoiceID, number: t.InvoiceNumber, vendorInv: t.VendorInvoiceNumber,
				vendor: t.VendorName, vendorKey: t.CompanyID + "\x00" + vk, company: t.Company,
				companyID: t.CompanyID, currency: t.Currency, app: t.App, date: t.Date()}
			byID[t.InvoiceID] = b
			out = append(out, b)
		}
		b.amount += t.Amount
		b.txIDs = append(b.txIDs, t.ID)
		if b.app == "" {
			b.app = t.App
		}
	}
	return out
}

// duplicates finds, per company and vendor, invoices carrying the same
// vendor invoice number, and invoices of the same amount and currency
// within opt.DuplicateWindow days of each other.
func duplicates(txs []spend.Transaction, opt Options) []Duplicate {
	byVendor := map[string][]*bill{}
	var keys []string
	for _, b := range bills(txs) {
		if _, ok := byVendor[b.vendorKey]; !ok {
			keys = append(keys, b.vendorKey)
		}
		byVendor[b.vendorKey] = append(byVendor[b.vendorKey], b)
	}
	var out []Duplicate
	for _, k := range keys {
		bs := byVendor[k]
		sort.SliceStable(bs, func(i, j int) bool { return bs[i].date.Before(bs[j].date) })
		out = append(out, vendorDuplicates(bs, opt.DuplicateWindow)...)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Dates[1].After(out[j].Dates[1]) })
	return out
}

func vendorDuplicates(bs []*bill, window int) []Duplicate {
	var out []Duplicate
	flagged := map[[2]string]bool{}
	seenNumber := map[string]*bill{}
	for _, b := range bs {
		n := strings.TrimSpace(b.vendorInv)
		if n == "" {
			continue
		}
		if first, ok := seenNumber[strings.ToLower(n)]; ok {
			out = append(out, dup(DupVendorInvoiceNumber, first, b))
			flagged[[2]string{first.id, b.id}] = true
			continue
		}
		seenNumber[strings.ToLower(n)] = b
	}
	for i, a := range bs {
		for _, b := range bs[i+1:] {
			if b.date.Sub(a.date) > time.Duration(window)*24*time.Hour {
				break
			}
			if a.amount != 0 && a.amount == b.amount && a.currency == b.currency && a.app == b.app && !flagged[[2]string{a.id, b.id}] {
				out = append(out, dup(DupSameAmount, a, b))
			}
		}
	}
	return out
}

func dup(reason string, a, b *bill) Duplicate {
	d := Duplicate{
		Reason: reason, App: a.app, Vendor: b.vendor, Company: b.company, Currency: b.currency, Amount: b.amount,
		Dates: []time.Time{a.date, b.date}, InvoiceNumbers: []string{a.number, b.number},
		TransactionIDs: append(append([]string(nil), a.txIDs...), b.txIDs...),
		Ident:          ident(KindDuplicate, []string{a.id, b.id}, b.amount, b.currency),
	}
	if reason == DupVendorInvoiceNumber {
		d.VendorInvoiceNumber = b.vendorInv
		d.Message = fmt.Sprintf("%s: vendor invoice %s paid twice (%s and %s)", b.vendor, b.vendorInv, a.number, b.number)
	} else {
		d.Message = fmt.Sprintf("%s: %s %s paid twice within %d days (%s and %s)", b.vendor, b.amount.Grouped(),
			b.currency, int(b.date.Sub(a.date).Hours()/24), a.number, b.number)
	}
	return d
}
