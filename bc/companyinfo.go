package bc

import (
	"context"
	"net/url"

	"github.com/bcspend/bcspend/failure"
)

var (
	companyInfoSelect = "id,displayName,currencyCode,lastModifiedDateTime"
	glSetupSelect     = "id,localCurrencyCode,shortcutDimension1Code,shortcutDimension2Code,lastModifiedDateTime"
)

// CompanyInfo is what a company says about itself: companyInformation,
// and generalLedgerSetup when the environment has that page (GLSetup nil
// otherwise).
type CompanyInfo struct {
	Information CompanyInformation
	GLSetup     *GeneralLedgerSetup
}

// LocalCurrency is the company's LCY code: General Ledger Setup's own when
// it was read, else companyInformation's copy of it.
func (ci CompanyInfo) LocalCurrency() string {
	if ci.GLSetup != nil && ci.GLSetup.LocalCurrencyCode != "" {
		return ci.GLSetup.LocalCurrencyCode
	}
	return ci.Information.CurrencyCode
}

// CompanyInfo reads companyInformation and generalLedgerSetup (two
// requests). An environment without generalLedgerSetup (404) is not an
// error: GLSetup stays nil.
func (c *Client) CompanyInfo(ctx context.Context, companyID string) (CompanyInfo, error) {
	var ci CompanyInfo
	info, err := first[CompanyInformation](c, ctx, companyID, "companyInformation", companyInfoSelect)
	if err != nil {
		return ci, err
	}
	if info != nil {
		ci.Information = *info
	}
	gl, err := first[GeneralLedgerSetup](c, ctx, companyID, "generalLedgerSetup", glSetupSelect)
	if err != nil && !MissingEntity(err) {
		return ci, err
	}
	ci.GLSetup = gl
	return ci, nil
}

// first reads a company's single-record entity (BC serves it as a
// collection of one); nil when the collection is empty.
func first[T any](c *Client, ctx context.Context, companyID, entity, sel string) (*T, error) {
	var out *T
	u := company(c.target.APIRoot(), companyID, entity) + "?" + encodeQuery(url.Values{"$select": {sel}})
	err := eachPage(c, ctx, u, routeAPI, func(p Page[T]) error {
		if out == nil && len(p.Value) > 0 {
			out = &p.Value[0]
		}
		return nil
	})
	return out, err
}

// MissingEntity reports whether err is BC's 404 for an entity set the
// environment does not have (BadRequest_ResourceNotFound, e.g.
// currencyExchangeRates before API 23.0), as opposed to a missing
// environment or company.
func MissingEntity(err error) bool {
	e, ok := failure.AsError(err)
	return ok && e.Status == 404 && e.Kind == failure.KindProtocol
}
