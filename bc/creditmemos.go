package bc

import (
	"context"
	"net/url"
	"strings"
	"time"

	"github.com/bcspend/bcspend/money"
)

// Purchase credit memos are refunds: BC closes an invoice's vendor ledger
// entry by a payment or by applying a credit memo to it, so a paid
// invoice's amount overstates spend until its paid credit memos are
// netted against it. A credit memo has the invoice's shape with its own
// names (creditMemoDate, vendorCreditMemoNumber) and names the invoice it
// was applied to (invoiceId, all zeros for a credit on the vendor as a
// whole). Its lines carry positive amounts, like an invoice's.

// PurchaseCreditMemo is a purchaseCreditMemos entity with its expanded lines.
type PurchaseCreditMemo struct {
	ID                      string                   `json:"id"`
	Number                  string                   `json:"number"`
	CreditMemoDate          Date                     `json:"creditMemoDate"`
	PostingDate             Date                     `json:"postingDate"`
	DueDate                 Date                     `json:"dueDate"`
	VendorCreditMemoNumber  string                   `json:"vendorCreditMemoNumber"`
	VendorID                string                   `json:"vendorId"`
	VendorNumber            string                   `json:"vendorNumber"`
	VendorName              string                   `json:"vendorName"`
	PayToName               string                   `json:"payToName"`
	CurrencyID              string                   `json:"currencyId"`
	CurrencyCode            string                   `json:"currencyCode"`
	PricesIncludeTax        bool                     `json:"pricesIncludeTax"`
	DiscountAmount          money.Amount             `json:"discountAmount"`
	TotalAmountExcludingTax money.Amount             `json:"totalAmountExcludingTax"`
	TotalTaxAmount          money.Amount             `json:"totalTaxAmount"`
	TotalAmountIncludingTax money.Amount             `json:"totalAmountIncludingTax"`
	Status                  string                   `json:"status"` // Microsoft.NAV.purchCrMemoEntityStatus: the invoice statuses
	LastModifiedDateTime    time.Time                `json:"lastModifiedDateTime"`
	ShortcutDimension1Code  string                   `json:"shortcutDimension1Code"`
	ShortcutDimension2Code  string                   `json:"shortcutDimension2Code"`
	InvoiceID               string                   `json:"invoiceId"`     // all zeros: a vendor-level credit
	InvoiceNumber           string                   `json:"invoiceNumber"` // "" with a zero invoiceId
	Lines                   []PurchaseCreditMemoLine `json:"purchaseCreditMemoLines,omitempty"`
}

// PurchaseCreditMemoLine is a purchaseCreditMemoLines entity: the fields
// bcspend reads are those of an invoice line, with the same posted-line
// rule (only the net* amounts are filled).
type PurchaseCreditMemoLine = PurchaseInvoiceLine

// AgainstInvoice reports whether the credit memo was applied to one
// invoice (else it is a credit on the vendor).
func (m *PurchaseCreditMemo) AgainstInvoice() bool {
	return m.InvoiceID != "" && m.InvoiceID != ZeroGUID
}

var creditMemoSelect = strings.Join([]string{"id", "number", "creditMemoDate", "postingDate", "dueDate",
	"vendorCreditMemoNumber", "vendorId", "vendorNumber", "vendorName", "payToName", "currencyId",
	"currencyCode", "pricesIncludeTax", "discountAmount", "totalAmountExcludingTax", "totalTaxAmount",
	"totalAmountIncludingTax", "status", "lastModifiedDateTime", "shortcutDimension1Code",
	"shortcutDimension2Code", "invoiceId", "invoiceNumber"}, ",")

// CreditMemoFilter renders q for purchaseCreditMemos: the same window and
// watermark rules as invoices, on creditMemoDate.
func (q InvoiceQuery) CreditMemoFilter() string { return q.filterOn("creditMemoDate") }

// CreditMemosURL is the first page's URL for q in one company.
func (c *Client) CreditMemosURL(companyID string, q InvoiceQuery) string {
	v := url.Values{}
	v.Set("$filter", q.CreditMemoFilter())
	v.Set("$select", creditMemoSelect)
	v.Set("$expand", "purchaseCreditMemoLines($select="+lineSelect+")")
	return company(c.target.APIRoot(), companyID, "purchaseCreditMemos") + "?" + encodeQuery(v)
}

// CreditMemoPage is one page of credit memos and the link after it.
type CreditMemoPage struct {
	CreditMemos []PurchaseCreditMemo
	Next        string
}

// CreditMemos streams the pages of q to fn, in order.
func (c *Client) CreditMemos(ctx context.Context, companyID string, q InvoiceQuery, fn func(CreditMemoPage) error) error {
	first := q.ResumeFrom
	if first == "" {
		first = c.CreditMemosURL(companyID, q)
	}
	return eachPage(c, ctx, first, routeAPI, func(p Page[PurchaseCreditMemo]) error {
		return fn(CreditMemoPage{CreditMemos: p.Value, Next: p.NextLink})
	})
}

// CreditMemoCount is the number of purchase credit memos q would return.
func (c *Client) CreditMemoCount(ctx context.Context, companyID string, q InvoiceQuery) (int, error) {
	return c.Count(ctx, companyID, "purchaseCreditMemos", q.CreditMemoFilter())
}

func (v *PurchaseCreditMemo) decodeEnums() {
	v.Status = DecodeEnum(v.Status)
	for i := range v.Lines {
		v.Lines[i].decodeEnums()
	}
}
