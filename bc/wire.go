package bc

import (
	"encoding/json"
	"time"

	"github.com/bcspend/bcspend/money"
)

// The BC wire shapes: the one place that knows the JSON field names of the
// Business Central API v2.0 and the automation API. The simulated tenant
// serves these same structs, so client and simulator cannot drift apart.

// Company is an entry of GET {root}/companies.
type Company struct {
	ID                   string    `json:"id"`
	SystemVersion        string    `json:"systemVersion,omitempty"`
	Name                 string    `json:"name"`
	DisplayName          string    `json:"displayName"`
	BusinessProfileID    string    `json:"businessProfileId,omitempty"`
	LastModifiedDateTime time.Time `json:"systemModifiedAt,omitempty"`
}

// Invoice statuses as BC names them (decoded: the wire has In_x0020_Review,
// and _x0020_ for the blank status).
const (
	StatusPaid       = "Paid"
	StatusOpen       = "Open"
	StatusDraft      = "Draft"
	StatusInReview   = "In Review"
	StatusCanceled   = "Canceled"
	StatusCorrective = "Corrective"
)

// PurchaseInvoice is a purchaseInvoices entity with its expanded lines.
type PurchaseInvoice struct {
	ID                      string                `json:"id"`
	Number                  string                `json:"number"`
	InvoiceDate             Date                  `json:"invoiceDate"`
	PostingDate             Date                  `json:"postingDate"`
	DueDate                 Date                  `json:"dueDate"`
	VendorInvoiceNumber     string                `json:"vendorInvoiceNumber"`
	VendorID                string                `json:"vendorId"`
	VendorNumber            string                `json:"vendorNumber"`
	VendorName              string                `json:"vendorName"`
	PayToName               string                `json:"payToName"`
	CurrencyID              string                `json:"currencyId"`
	CurrencyCode            string                `json:"currencyCode"`
	PricesIncludeTax        bool                  `json:"pricesIncludeTax"`
	DiscountAmount          money.Amount          `json:"discountAmount"`
	TotalAmountExcludingTax money.Amount          `json:"totalAmountExcludingTax"`
	TotalTaxAmount          money.Amount          `json:"totalTaxAmount"`
	TotalAmountIncludingTax money.Amount          `json:"totalAmountIncludingTax"`
	Status                  string                `json:"status"`
	LastModifiedDateTime    time.Time             `json:"lastModifiedDateTime"`
	ShortcutDimension1Code  string                `json:"shortcutDimension1Code"`
	ShortcutDimension2Code  string                `json:"shortcutDimension2Code"`
	Lines                   []PurchaseInvoiceLine `json:"purchaseInvoiceLines,omitempty"`
}

// Line types as BC names them (decoded: the wire has Fixed_x0020_Asset).
const (
	LineComment           = "Comment"
	LineAccount           = "Account"
	LineItem              = "Item"
	LineResource          = "Resource"
	LineFixedAsset        = "Fixed Asset"
	LineCharge            = "Charge"
	LineAllocationAccount = "Allocation Account"
)

// ZeroGUID is how BC sends "none" in a GUID field (currencyId of a local
// currency document, invoiceId of a vendor-level credit memo, an unset
// vendorId).
const ZeroGUID = "00000000-0000-0000-0000-000000000000"

// PurchaseInvoiceLine is a purchaseInvoiceLines entity. On posted invoices
// only the net* amounts are filled; amountExcludingTax and friends read 0.
type PurchaseInvoiceLine struct {
	ID                    string        `json:"id"`
	DocumentID            string        `json:"documentId"`
	Sequence              int           `json:"sequence"`
	LineType              string        `json:"lineType"`
	LineObjectNumber      string        `json:"lineObjectNumber"`
	Description           string        `json:"description"`
	UnitCost              money.Decimal `json:"unitCost"` // up to 5 places (unit-amount rounding)
	Quantity              money.Decimal `json:"quantity"` // up to 5 places
	DiscountAmount        money.Amount  `json:"discountAmount"`
	AmountExcludingTax    money.Amount  `json:"amountExcludingTax"`
	AmountIncludingTax    money.Amount  `json:"amountIncludingTax"`
	NetAmount             money.Amount  `json:"netAmount"`
	NetTaxAmount          money.Amount  `json:"netTaxAmount"`
	NetAmountIncludingTax money.Amount  `json:"netAmountIncludingTax"`
}

// Vendor is a vendors entity.
type Vendor struct {
	ID                   string    `json:"id"`
	Number               string    `json:"number"`
	DisplayName          string    `json:"displayName"`
	Email                string    `json:"email"`
	Website              string    `json:"website"`
	CurrencyCode         string    `json:"currencyCode"`
	Blocked              string    `json:"blocked"`
	LastModifiedDateTime time.Time `json:"lastModifiedDateTime"`
}

// User is an automation API users entity. ContactEmail is a pointer because
// environments before BC 25.0 do not have the property at all.
type User struct {
	UserSecurityID string    `json:"userSecurityId"`
	UserName       string    `json:"userName"`
	DisplayName    string    `json:"displayName"`
	State          string    `json:"state"`
	ExpiryDate     time.Time `json:"expiryDate"`
	ContactEmail   *string   `json:"contactEmail,omitempty"`
}

// User states as BC spells them.
const (
	UserEnabled  = "Enabled"
	UserDisabled = "Disabled"
)

// CurrencyExchangeRate is a currencyExchangeRates entity:
// ExchangeRateAmount units of CurrencyCode are worth
// RelationalExchangeRateAmount units of RelationalCurrencyCode (blank = the
// company's local currency) from StartingDate until the next row.
type CurrencyExchangeRate struct {
	ID                           string        `json:"id"`
	CurrencyCode                 string        `json:"currencyCode"`
	StartingDate                 Date          `json:"startingDate"`
	ExchangeRateAmount           money.Decimal `json:"exchangeRateAmount"` // up to 6 places
	RelationalCurrencyCode       string        `json:"relationalCurrencyCode"`
	RelationalExchangeRateAmount money.Decimal `json:"relationalExchangeRateAmount"` // up to 6 places
	LastModifiedDateTime         time.Time     `json:"lastModifiedDateTime"`
}

// Page is one server-driven page of an OData collection.
type Page[T any] struct {
	Value    []T    `json:"value"`
	NextLink string `json:"@odata.nextLink,omitempty"`
}

// Date is a calendar date as BC sends it ("2025-11-24"; "0001-01-01" is empty).
type Date struct{ time.Time }

// DateLayout is the wire form of a Date.
const DateLayout = "2006-01-02"

// NewDate builds a Date at midnight UTC.
func NewDate(y int, m time.Month, d int) Date {
	return Date{time.Date(y, m, d, 0, 0, 0, 0, time.UTC)}
}

// String renders the date in the wire form.
func (d Date) String() string { return d.Format(DateLayout) }

// MarshalJSON writes the wire form.
func (d Date) MarshalJSON() ([]byte, error) { return json.Marshal(d.String()) }

// UnmarshalJSON reads the wire form.
func (d *Date) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	if s == "" {
		d.Time = time.Time{}
		return nil
	}
	t, err := time.Parse(DateLayout, s)
	if err != nil {
		return err
	}
	d.Time = t
	return nil
}

// CompanyInformation is the companyInformation entity (one per company):
// CurrencyCode is the company's local currency (General Ledger Setup's LCY
// Code), the one fact about money an invoice does not carry.
type CompanyInformation struct {
	ID                   string    `json:"id"`
	DisplayName          string    `json:"displayName"`
	CurrencyCode         string    `json:"currencyCode"`
	LastModifiedDateTime time.Time `json:"lastModifiedDateTime"`
}

// GeneralLedgerSetup is the generalLedgerSetup entity (newer versions
// only): the local currency and the codes of the two global dimensions,
// which an invoice's shortcutDimension1Code/2Code are values of.
type GeneralLedgerSetup struct {
	ID                     string    `json:"id"`
	LocalCurrencyCode      string    `json:"localCurrencyCode"`
	ShortcutDimension1Code string    `json:"shortcutDimension1Code"`
	ShortcutDimension2Code string    `json:"shortcutDimension2Code"`
	LastModifiedDateTime   time.Time `json:"lastModifiedDateTime"`
}
