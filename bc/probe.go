package bc

import (
	"context"
	"io"
	"net/url"
	"strconv"
	"strings"
	"sync"

	"github.com/bcspend/bcspend/failure"

	"github.com/bcspend/bcspend/money"
)

// Step is one line of the connection test.
type Step struct {
	Name   string // token, environment, companies, invoices, users endpoint
	OK     bool
	Err    error  // classified, with a remedy, when !OK
	Detail string // e.g. "3 companies"
	Warn   string // non-fatal note
}

// Steps of the connection test, in order.
const (
	StepToken       = "token"
	StepEnvironment = "environment"
	StepCompanies   = "companies"
	StepInvoices    = "invoices"
	StepUsers       = "users endpoint"
)

// ProbeResult is what a successful connection test learned.
type ProbeResult struct {
	Companies []Company
	// Refused holds, by company id, the companies whose invoices BC
	// refused to read (a permission set limited to some companies is
	// common); the connection works for the others.
	Refused       map[string]error
	UsersErr      error // the users endpoint failed; spend still works
	LegacyNoEmail bool
}

// Probe tests a connection step by step, reporting each step as it ends.
// It fails on the first step that makes the connection unusable; a refused
// users endpoint is reported but does not fail the probe.
func Probe(ctx context.Context, c *Client, report func(Step)) (ProbeResult, error) {
	var res ProbeResult
	if report == nil {
		report = func(Step) {}
	}
	if _, err := c.tokens.Token(ctx); err != nil {
		report(Step{Name: StepToken, Err: err})
		return res, err
	}
	report(Step{Name: StepToken, OK: true})

	companies, err := c.Companies(ctx)
	if err != nil {
		name := StepCompanies
		if e, ok := failure.AsError(err); ok && e.Kind == failure.KindNotFound {
			name = StepEnvironment
		}
		report(Step{Name: name, Err: err})
		return res, err
	}
	report(Step{Name: StepEnvironment, OK: true, Detail: c.target.Environment})
	if len(companies) == 0 {
		err := &failure.Error{Kind: failure.KindPermission, Code: "no_companies", Message: "The connection sees no companies",
			Fix: "Give the app or user permission sets in at least one company (Microsoft Entra Applications or Users page in BC)."}
		report(Step{Name: StepCompanies, Err: err})
		return res, err
	}
	res.Companies = companies
	report(Step{Name: StepCompanies, OK: true, Detail: money.Plural(len(companies), "company", "companies")})

	res.Refused = c.probeEveryCompany(ctx, companies)
	if len(res.Refused) == len(companies) {
		err := res.Refused[companies[0].ID]
		report(Step{Name: StepInvoices, Err: err})
		return res, err
	}
	step := Step{Name: StepInvoices, OK: true}
	if n := len(res.Refused); n > 0 {
		step.Detail = "in " + strconv.Itoa(len(companies)-n) + " of " + money.Plural(len(companies), "company", "companies")
		step.Warn = refusedWarning(companies, res.Refused)
	}
	report(step)

	users, err := c.Users(ctx, companies[0].ID)
	res.LegacyNoEmail = users.LegacyNoEmail
	switch {
	case err != nil:
		res.UsersErr = err
		report(Step{Name: StepUsers, Err: err})
	case users.LegacyNoEmail:
		report(Step{Name: StepUsers, OK: true, Detail: money.Plural(len(users.Users), "user", "users"), Warn: LegacyEmailWarning})
	default:
		report(Step{Name: StepUsers, OK: true, Detail: money.Plural(len(users.Users), "user", "users")})
	}
	return res, nil
}

// probeEveryCompany reads an invoice in each company at once (the client
// keeps them within its in-flight budget) and returns the refusals.
func (c *Client) probeEveryCompany(ctx context.Context, companies []Company) map[string]error {
	errs := make([]error, len(companies))
	var wg sync.WaitGroup
	for i, co := range companies {
		wg.Go(func() { errs[i] = c.probeInvoices(ctx, co.ID) })
	}
	wg.Wait()
	refused := map[string]error{}
	for i, err := range errs {
		if err != nil {
			refused[companies[i].ID] = err
		}
	}
	return refused
}

// refusedWarning names the companies whose invoices cannot be read.
func refusedWarning(companies []Company, refused map[string]error) string {
	var names []string
	var first error
	for _, co := range companies {
		if err, ok := refused[co.ID]; ok {
			names = append(names, co.Name)
			if first == nil {
				first = err
			}
		}
	}
	return "cannot read invoices in " + strings.Join(names, ", ") + ": " + first.Error() + ". " + failure.Remedy(first)
}

// CompanyRefused is the error for tracking a company whose invoices the
// connection cannot read.
func CompanyRefused(name string, err error) *failure.Error {
	e := &failure.Error{Kind: failure.KindPermission, Code: "company_refused", Err: err,
		Message: "Business Central refused to read purchase invoices in company " + name + ": " + err.Error(),
		Fix:     failure.Remedy(err) + " Or leave the company out (choose the others with --company, or untick it in the wizard)."}
	if be, ok := failure.AsError(err); ok {
		// The cause decides who acts (a 500 in one company is not a permission).
		e.Kind, e.CorrelationID, e.RequestID = be.Kind, be.CorrelationID, be.RequestID
	}
	return e
}

// probeInvoices reads one paid invoice to prove the permission sets allow it.
func (c *Client) probeInvoices(ctx context.Context, companyID string) error {
	u := company(c.target.APIRoot(), companyID, "purchaseInvoices") + "?" +
		encodeQuery(url.Values{"$select": {"id"}, "$top": {"1"}})
	return c.get(ctx, u, routeAPI, func(r io.Reader) error {
		_, err := io.Copy(io.Discard, r)
		return err
	})
}
