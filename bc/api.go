package bc

import (
	"context"
	"net/url"
	"strings"
	"time"

	"github.com/bcspend/bcspend/failure"
)

// invoiceSelect and lineSelect keep payloads to the fields bcspend stores.
var (
	invoiceSelect = strings.Join([]string{"id", "number", "invoiceDate", "postingDate", "dueDate",
		"vendorInvoiceNumber", "vendorId", "vendorNumber", "vendorName", "payToName", "currencyId",
		"currencyCode", "pricesIncludeTax", "discountAmount", "totalAmountExcludingTax", "totalTaxAmount",
		"totalAmountIncludingTax", "status", "lastModifiedDateTime", "shortcutDimension1Code",
		"shortcutDimension2Code"}, ",")
	lineSelect = strings.Join([]string{"id", "documentId", "sequence", "lineType", "lineObjectNumber",
		"description", "unitCost", "quantity", "discountAmount", "netAmount", "netTaxAmount",
		"netAmountIncludingTax"}, ",")
	vendorSelect = "id,number,displayName,email,website,currencyCode,blocked,lastModifiedDateTime"
	userSelect   = "userSecurityId,userName,displayName,state,expiryDate"
)

// Companies lists the companies the connection can see.
func (c *Client) Companies(ctx context.Context) ([]Company, error) {
	var out []Company
	err := eachPage(c, ctx, c.target.APIRoot()+"/companies", routeCompanies, func(p Page[Company]) error {
		out = append(out, p.Value...)
		return nil
	})
	return out, err
}

// InvoiceQuery selects purchase invoices. Either a paid window (backfill,
// full reconcile) or a modification watermark (incremental, every status).
type InvoiceQuery struct {
	PaidFrom, PaidTo time.Time // invoiceDate window, inclusive; used when ChangedSince is zero
	ChangedSince     time.Time // lastModifiedDateTime gt this; no status filter
	// ResumeFrom is a nextLink saved by an interrupted run; when set the
	// query above is ignored and paging continues from there.
	ResumeFrom string
}

// Filter renders the OData $filter for q.
func (q InvoiceQuery) Filter() string { return q.filterOn("invoiceDate") }

// filterOn renders q with dateField as the document date.
func (q InvoiceQuery) filterOn(dateField string) string {
	if !q.ChangedSince.IsZero() {
		return "lastModifiedDateTime gt " + q.ChangedSince.UTC().Format("2006-01-02T15:04:05.000Z")
	}
	parts := []string{"status eq '" + EncodeEnum(StatusPaid) + "'"}
	if !q.PaidFrom.IsZero() {
		parts = append(parts, dateField+" ge "+q.PaidFrom.Format(DateLayout))
	}
	if !q.PaidTo.IsZero() {
		parts = append(parts, dateField+" le "+q.PaidTo.Format(DateLayout))
	}
	return strings.Join(parts, " and ")
}

// InvoicesURL is the first page's URL for q in one company.
func (c *Client) InvoicesURL(companyID string, q InvoiceQuery) string {
	v := url.Values{}
	v.Set("$filter", q.Filter())
	v.Set("$select", invoiceSelect)
	v.Set("$expand", "purchaseInvoiceLines($select="+lineSelect+")")
	return company(c.target.APIRoot(), companyID, "purchaseInvoices") + "?" + encodeQuery(v)
}

// InvoicePage is one page of invoices and the link that continues after it
// ("" on the last page). A caller that commits Invoices together with Next
// can resume exactly there.
type InvoicePage struct {
	Invoices []PurchaseInvoice
	Next     string
}

// Invoices streams the pages of q to fn, in order.
func (c *Client) Invoices(ctx context.Context, companyID string, q InvoiceQuery, fn func(InvoicePage) error) error {
	first := q.ResumeFrom
	if first == "" {
		first = c.InvoicesURL(companyID, q)
	}
	return eachPage(c, ctx, first, routeAPI, func(p Page[PurchaseInvoice]) error {
		return fn(InvoicePage{Invoices: p.Value, Next: p.NextLink})
	})
}

// Vendors lists a company's vendors.
func (c *Client) Vendors(ctx context.Context, companyID string) ([]Vendor, error) {
	var out []Vendor
	u := company(c.target.APIRoot(), companyID, "vendors") + "?" + encodeQuery(url.Values{"$select": {vendorSelect}})
	err := eachPage(c, ctx, u, routeAPI, func(p Page[Vendor]) error {
		out = append(out, p.Value...)
		return nil
	})
	return out, err
}

// ExchangeRates lists a company's currency exchange rates.
func (c *Client) ExchangeRates(ctx context.Context, companyID string) ([]CurrencyExchangeRate, error) {
	var out []CurrencyExchangeRate
	err := eachPage(c, ctx, company(c.target.APIRoot(), companyID, "currencyExchangeRates"), routeAPI,
		func(p Page[CurrencyExchangeRate]) error {
			out = append(out, p.Value...)
			return nil
		})
	return out, err
}

// UsersResult is the environment's users; LegacyNoEmail is set when the
// environment predates BC 25.0 and has no contactEmail at all.
type UsersResult struct {
	Users         []User
	LegacyNoEmail bool
}

// LegacyEmailWarning explains what a pre-25.0 environment means for the admin.
const LegacyEmailWarning = "This Business Central environment is older than version 25.0 and has no contact email on users; spend cannot be tied to people until it is updated."

// Users lists the environment's users through the automation API, using any
// company (users are per environment). Environments before 25.0 reject a
// $select naming contactEmail with 400; that is retried without it.
func (c *Client) Users(ctx context.Context, companyID string) (UsersResult, error) {
	base := company(c.target.AutomationRoot(), companyID, "users")
	res, err := c.users(ctx, base+"?"+encodeQuery(url.Values{"$select": {userSelect + ",contactEmail"}}))
	if e, ok := failure.AsError(err); ok && mentionsField(e, "contactEmail") {
		res, err = c.users(ctx, base+"?"+encodeQuery(url.Values{"$select": {userSelect}}))
		res.LegacyNoEmail = true
	}
	return res, err
}

func (c *Client) users(ctx context.Context, u string) (UsersResult, error) {
	var res UsersResult
	err := eachPage(c, ctx, u, routeUsers, func(p Page[User]) error {
		res.Users = append(res.Users, p.Value...)
		return nil
	})
	return res, err
}

// encodeQuery is url.Values.Encode with OData's '$' and ',' kept readable
// (BC accepts both forms; readable URLs make logs and nextLinks debuggable).
func encodeQuery(v url.Values) string {
	s := v.Encode()
	return strings.NewReplacer("%24", "$", "%2C", ",", "%28", "(", "%29", ")", "%27", "'").Replace(s)
}
