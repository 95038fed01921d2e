package syncer

import (
	"context"

	"github.com/bcspend/bcspend/bc"
	"github.com/bcspend/bcspend/failure"
	"github.com/bcspend/bcspend/store"
	"github.com/bcspend/bcspend/untrusted"
)

// RatesUnavailableWarning is what a missing currencyExchangeRates page
// means for the admin; it is stored with the company and shown wherever
// its amounts are.
const RatesUnavailableWarning = "This Business Central environment has no exchange rates API (it predates API version 23.0), so amounts in other currencies than the company's own stay unconverted."

// ratesRemedy is the next step for that warning.
const ratesRemedy = "Update the environment to Business Central 23.0 or later in the admin center; the next sync then reads the rates and converts every amount."

// companyInfo reads what the company says about itself (local currency,
// global dimension codes) once per run and stores it, keeping what the
// last run learnt about the company's exchange rates.
func (r *runner) companyInfo(ctx context.Context, c store.Company) (store.CompanyInfo, error) {
	prev, _, err := r.db.CompanyInfo(c.StoreKey())
	if err != nil {
		return prev, err
	}
	got, err := r.client.CompanyInfo(ctx, c.ID)
	if err != nil {
		return prev, err
	}
	ci := store.CompanyInfo{LocalCurrency: got.LocalCurrency(), RatesUnavailable: prev.RatesUnavailable}
	if gl := got.GLSetup; gl != nil {
		ci.GLSetup, ci.Dimension1, ci.Dimension2 = true, gl.ShortcutDimension1Code, gl.ShortcutDimension2Code
	}
	ci.Updated = r.opt.Now().UTC()
	return ci, r.db.PutCompanyInfo(c.StoreKey(), ci)
}

// refused reports whether BC refused the company-information pages for
// lack of permission. The invoices may still be readable, so that is a
// warning; anything else (network, throttling) fails the company as the
// invoices would.
func refused(err error) bool {
	return failure.KindOf(err) == failure.KindPermission
}

// companyInfoRefused keeps the company's last known information and warns:
// without it the local currency is what the last sync learnt (or, never
// read, what its invoices show) and the dimensions are unnamed.
func (r *runner) companyInfoRefused(c store.Company, cs *CompanySummary, err error) error {
	cs.Warnings = append(cs.Warnings, Problem{Kind: "warning", Code: "no_company_information",
		Message: untrusted.Text(c.Title()) + ": Business Central refused the company information (" + err.Error() +
			"), so the local currency and dimension names are the last ones read (or, never read, the currency its invoices show and unnamed dimensions).",
		Remedy: "Give the app a permission set that can read Company Information and General Ledger Setup (D365 BASIC ISV or D365 READ) on its Microsoft Entra Applications card."})
	return nil
}

// ratesMissing records that the environment has no exchange rates page:
// a warning, not a failure; the company's foreign amounts stay unconverted
// and say why.
func (r *runner) ratesMissing(c store.Company, ci *store.CompanyInfo, cs *CompanySummary) error {
	cs.Warnings = append(cs.Warnings, Problem{Kind: "warning", Code: "no_exchange_rates",
		Message: untrusted.Text(c.Title()) + ": " + RatesUnavailableWarning, Remedy: ratesRemedy})
	if ci.RatesUnavailable == RatesUnavailableWarning {
		return nil
	}
	ci.RatesUnavailable = RatesUnavailableWarning
	return r.db.PutCompanyInfo(c.StoreKey(), *ci)
}

// ratesRead clears an earlier missing-rates note once the rates are read.
func (r *runner) ratesRead(c store.Company, ci *store.CompanyInfo) error {
	if ci.RatesUnavailable == "" {
		return nil
	}
	ci.RatesUnavailable = ""
	return r.db.PutCompanyInfo(c.StoreKey(), *ci)
}

// missingRates reports whether err is the 404 of an environment without
// currencyExchangeRates.
func missingRates(err error) bool { return bc.MissingEntity(err) }
