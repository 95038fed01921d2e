// Package service holds the operations the command line and the console
// share — connect, open a client, sync, fix a match, export — on top of bc,
// store, syncer, match and spend, so both front ends behave the same.
package service

import (
	"context"
	"fmt"
	"net/http"
	"strings"

	"github.com/bcspend/bcspend/bc"
	"github.com/bcspend/bcspend/failure"
	"github.com/bcspend/bcspend/secretstore"
	"github.com/bcspend/bcspend/store"
)

// ConnectRequest is everything a sign-in needs. Secrets are in memory only
// until the connection test passes; a failed connect saves nothing.
type ConnectRequest struct {
	Target       bc.Target
	ClientID     string
	Flow         bc.Flow
	ClientSecret string
	// Companies restricts the companies to track, by id or name; empty
	// means every company the connection sees.
	Companies []string
	// Name is the connection's name: an existing one is reconnected, a new
	// one added. Empty: reconnect the connection to the same tenant and
	// environment, else add one named "tenant/environment".
	Name string

	ShowDeviceCode func(bc.DeviceCode) // device flow: show the code and URL
	Browser        bc.BrowserOptions   // browser flow
	Progress       func(bc.Step)       // connection test steps
	HTTPClient     *http.Client
	Keyring        secretstore.Keyring // nil: keep secrets in the database file
}

// ConnectResult is what was saved.
type ConnectResult struct {
	Connection    store.Connection
	Companies     []bc.Company // every company the connection sees
	UsersErr      error        // users endpoint refused; spend still works
	LegacyNoEmail bool
	SecretWarning string // the secret looks like a Secret ID
	SecretNotice  string // secrets went to the database file (shown once)
	SecretBackend string
	// Skipped are companies left out because their invoices could not be
	// read, when none were chosen explicitly (each with its error).
	Skipped map[string]error
}

// Validate checks the request's fields without any network call.
func (r *ConnectRequest) Validate() (warning string, err error) {
	if err := bc.ValidateTenant(r.Target.Tenant); err != nil {
		return "", err
	}
	if err := bc.ValidateEnvironment(r.Target.Environment); err != nil {
		return "", err
	}
	if err := bc.ValidateClientID(r.ClientID); err != nil {
		return "", err
	}
	if _, err := bc.ParseFlow(string(r.Flow)); err != nil {
		return "", err
	}
	r.Target.Tenant = strings.TrimSpace(r.Target.Tenant)
	r.Target.Environment = strings.TrimSpace(r.Target.Environment)
	r.ClientID = strings.TrimSpace(r.ClientID)
	if r.Flow == bc.FlowDevice {
		r.ClientSecret = "" // a public client must not send one (AADSTS700025)
		return "", nil
	}
	if r.ClientSecret == "" && r.Flow == bc.FlowBrowser {
		return "", nil // a public (mobile/desktop) app registration
	}
	secret, warn, err := bc.ValidateSecret(r.ClientSecret)
	r.ClientSecret = secret
	return warn, err
}

// Pending is a connection being set up: its credentials and any refresh
// token live in memory until Save, so an abandoned or failed attempt leaves
// nothing behind. The console's wizard drives the steps one by one;
// Connect runs them in a row.
type Pending struct {
	req     ConnectRequest
	creds   bc.Credentials
	refresh string
	probe   bc.ProbeResult
}

// NewPending validates the request.
func NewPending(req ConnectRequest) (*Pending, string, error) {
	warn, err := req.Validate()
	if err != nil {
		return nil, "", err
	}
	p := &Pending{req: req}
	p.creds = bc.Credentials{Target: req.Target, ClientID: req.ClientID, Flow: req.Flow,
		ClientSecret: req.ClientSecret, HTTPClient: req.HTTPClient}
	p.creds.OnRefreshToken = func(t string) error { p.refresh = t; return nil }
	return p, warn, nil
}

// SignIn runs the delegated sign-in; client credentials need none (the
// token step of Test signs in).
func (p *Pending) SignIn(ctx context.Context) error {
	switch p.req.Flow {
	case bc.FlowDevice:
		show := p.req.ShowDeviceCode
		if show == nil {
			show = func(bc.DeviceCode) {}
		}
		_, err := p.creds.DeviceSignIn(ctx, show)
		return err
	case bc.FlowBrowser:
		_, err := p.creds.BrowserSignIn(ctx, p.req.Browser)
		return err
	}
	return nil
}

// Test runs the connection test, reporting each step.
func (p *Pending) Test(ctx context.Context, progress func(bc.Step)) (bc.ProbeResult, error) {
	creds := p.creds
	creds.RefreshToken = p.refresh
	tokens, err := creds.NewTokenSource()
	if err != nil {
		return bc.ProbeResult{}, err
	}
	client := bc.NewClient(p.req.Target, tokens, bc.ClientOptions{HTTPClient: p.req.HTTPClient})
	p.probe, err = bc.Probe(ctx, client, progress)
	return p.probe, err
}

// Save stores the tested connection with the chosen companies (by id, name
// or display name; none means all) and its secrets.
func (p *Pending) Save(db *store.DB, companies []string) (ConnectResult, error) {
	res := ConnectResult{Companies: p.probe.Companies, UsersErr: p.probe.UsersErr, LegacyNoEmail: p.probe.LegacyNoEmail}
	chosen, err := chooseCompanies(p.probe.Companies, companies)
	if err != nil {
		return res, err
	}
	if chosen, err = readable(chosen, p.probe.Refused, len(companies) > 0, &res); err != nil {
		return res, err
	}
	req := p.req
	conn := store.Connection{TenantID: req.Target.Tenant, Environment: req.Target.Environment,
		ClientID: req.ClientID, Flow: string(req.Flow), AuthorityURL: req.Target.AuthorityURL,
		APIURL: req.Target.APIURL, Companies: chosen, Scopes: scopesFor(req.Flow)}
	if err := save(db, &conn, req, p.refresh, &res); err != nil {
		return res, err
	}
	return res, nil
}

// Connect validates, signs in, tests the connection and saves it with the
// first connection date. Nothing is written unless every step passes.
func Connect(ctx context.Context, db *store.DB, req ConnectRequest) (ConnectResult, error) {
	p, warn, err := NewPending(req)
	if err != nil {
		return ConnectResult{}, err
	}
	if err := p.SignIn(ctx); err != nil {
		return ConnectResult{}, err
	}
	if _, err := p.Test(ctx, req.Progress); err != nil {
		return ConnectResult{}, err
	}
	res, err := p.Save(db, req.Companies)
	res.SecretWarning = warn
	return res, err
}

// save writes the secrets, then the connection: a new one (AddConnection)
// or, for a reconnect, the one it replaces (UpdateConnection keeps its
// first-connection date, on which the one-year sync window hangs). A
// connection added while another one syncs needs no wait: its data has
// keys of its own.
func save(db *store.DB, conn *store.Connection, req ConnectRequest, refresh string, res *ConnectResult) error {
	old, ok, err := reconnects(db, *conn, req.Name)
	if err != nil {
		return err
	}
	secrets := secretstore.Open(db, req.Keyring, conn.TenantID, conn.ClientID)
	if req.ClientSecret != "" {
		if err := secrets.Set(secretstore.ClientSecret, req.ClientSecret); err != nil {
			return err
		}
	}
	if refresh != "" {
		if err := secrets.Set(secretstore.RefreshToken, refresh); err != nil {
			return err
		}
	}
	var saved store.Connection
	if ok {
		conn.ID, conn.Name = old.ID, old.Name
		saved, err = db.UpdateConnection(*conn)
	} else {
		conn.Name = strings.TrimSpace(req.Name)
		saved, err = db.AddConnection(*conn)
	}
	if err != nil {
		return err
	}
	*conn = saved
	res.Connection = saved
	res.SecretBackend = secrets.Backend()
	if n, due := secrets.NoticeDue(); due && (req.ClientSecret != "" || refresh != "") {
		res.SecretNotice = n
	}
	return nil
}

// reconnects finds the connection a connect replaces: the one named name;
// without a name, the one reading the same tenant and environment. ok is
// false for a new connection.
func reconnects(db *store.DB, conn store.Connection, name string) (old store.Connection, ok bool, err error) {
	if name = strings.TrimSpace(name); name != "" {
		old, ok, err = db.ConnectionNamed(name)
		if err == nil && ok && !sameSource(old, conn) {
			err = failure.Input(fmt.Sprintf("The connection %q reads %s, not %s", name, store.DefaultConnectionName(old), store.DefaultConnectionName(conn)),
				"Give the new connection another --name, or remove the old one first with 'bcspend connections remove "+name+"'.")
		}
		return old, ok, err
	}
	conns, err := db.Connections()
	if err != nil {
		return old, false, err
	}
	var same []store.Connection
	for _, c := range conns {
		if sameSource(c, conn) {
			same = append(same, c)
		}
	}
	switch len(same) {
	case 0:
		return old, false, nil
	case 1:
		return same[0], true, nil
	}
	return old, false, failure.Input(fmt.Sprintf("Several connections read %s: %s", store.DefaultConnectionName(conn), namesOf(same)),
		"Say which one to reconnect with --name NAME.")
}

func sameSource(a, b store.Connection) bool {
	return strings.EqualFold(a.TenantID, b.TenantID) && strings.EqualFold(a.Environment, b.Environment)
}

func scopesFor(f bc.Flow) []string {
	if f.Delegated() {
		return bc.DelegatedScopes
	}
	return bc.AppScopes
}

// readable checks the chosen companies against the connection test: a
// company chosen by name whose invoices cannot be read fails the connect
// (the admin must fix its permissions or leave it out); without an
// explicit choice such companies are left out and reported in Skipped.
func readable(chosen []store.Company, refused map[string]error, explicit bool, res *ConnectResult) ([]store.Company, error) {
	var out []store.Company
	for _, c := range chosen {
		err, bad := refused[c.ID]
		switch {
		case !bad:
			out = append(out, c)
		case explicit:
			return nil, bc.CompanyRefused(c.Name, err)
		default:
			if res.Skipped == nil {
				res.Skipped = map[string]error{}
			}
			res.Skipped[c.Name] = err
		}
	}
	return out, nil
}

// chooseCompanies picks the requested companies by id, name or display
// name; none requested means all.
func chooseCompanies(all []bc.Company, want []string) ([]store.Company, error) {
	var out []store.Company
	for _, c := range all {
		if len(want) == 0 || containsFold(want, c.ID, c.Name, c.DisplayName) {
			out = append(out, store.Company{ID: c.ID, Name: c.Name, DisplayName: c.DisplayName})
		}
	}
	if len(out) == 0 {
		names := make([]string, len(all))
		for i, c := range all {
			names[i] = c.Name
		}
		return nil, &failure.Error{Kind: failure.KindInput, Code: "unknown_company", Message: "None of the requested companies exists",
			Fix: "Choose from: " + strings.Join(names, ", ") + "."}
	}
	return out, nil
}

func containsFold(list []string, vals ...string) bool {
	for _, w := range list {
		for _, v := range vals {
			if strings.EqualFold(strings.TrimSpace(w), v) {
				return true
			}
		}
	}
	return false
}
