package syncer_test

import (
	"context"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/bcspend/bcspend/bc"
	"github.com/bcspend/bcspend/bc/bcsim"
	"github.com/bcspend/bcspend/store"
	"github.com/bcspend/bcspend/syncer"
)

// simNow is the simulated tenant's "today": a fixed clock keeps the
// generated data, the window and the watermarks reproducible.
var simNow = time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)

// env is one simulated tenant on loopback, a store file, and a client
// signed in with the demo app, connected on the tenant's "today".
type env struct {
	t      testing.TB
	tenant *bcsim.Tenant
	srv    *bcsim.Server
	url    string // where the client talks: the server, or a test handler in front of it
	db     *store.DB
	conn   store.Connection
	client *bc.Client
	path   string
}

func newEnv(t testing.TB, cfg bcsim.Config) *env {
	t.Helper()
	if cfg.Now.IsZero() {
		cfg.Now = simNow
	}
	if cfg.Seed == 0 {
		cfg.Seed = 7
	}
	if cfg.InvoicesPerMonth == 0 {
		cfg.InvoicesPerMonth = 20
	}
	e := &env{t: t, tenant: bcsim.New(cfg)}
	srv, err := e.tenant.Start("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Close() })
	e.srv, e.url = srv, srv.URL()
	e.path = filepath.Join(t.TempDir(), "bcspend.db")
	e.db, err = store.Open(e.path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = e.db.Close() })
	conn := store.Connection{TenantID: bcsim.TenantID, Environment: bcsim.Environment, ClientID: bcsim.ClientID,
		Flow: string(bc.FlowClientCredentials), AuthorityURL: srv.AuthorityURL(), APIURL: srv.APIURL(),
		FirstConnected: e.tenant.Now()}
	for _, c := range e.tenant.Companies() {
		conn.Companies = append(conn.Companies, store.Company{ID: c.ID, Name: c.Name, DisplayName: c.DisplayName})
	}
	if err := e.db.SaveConnection(conn); err != nil {
		t.Fatal(err)
	}
	e.conn, _, _ = e.db.Connection()
	e.client = e.newClient(bc.ClientOptions{})
	return e
}

// newClient signs in with the demo app. Small pages make every sync span
// several pages; retries wait milliseconds instead of seconds.
func (e *env) newClient(opt bc.ClientOptions) *bc.Client {
	e.t.Helper()
	target := bc.Target{AuthorityURL: e.url + "/entra", APIURL: e.url + "/bc", Tenant: bcsim.TenantID, Environment: bcsim.Environment}
	creds := bc.Credentials{Target: target, ClientID: bcsim.ClientID, Flow: bc.FlowClientCredentials, ClientSecret: bcsim.ClientSecret}
	tokens, err := creds.NewTokenSource()
	if err != nil {
		e.t.Fatal(err)
	}
	if opt.PageSize == 0 {
		opt.PageSize = 40
	}
	if opt.MaxRetries == 0 {
		opt.MaxRetries = 12
	}
	if opt.Sleep == nil {
		opt.Sleep = e.simSleep
	}
	if opt.Now == nil {
		opt.Now = e.tenant.Now
	}
	return bc.NewClient(target, tokens, opt)
}

// simSleep waits on the tenant's clock instead of the wall clock: it moves
// the simulated time forward by d (Retry-After included) and returns, so
// fault storms take no real time and the waits are measured exactly.
func (e *env) simSleep(ctx context.Context, d time.Duration) error {
	e.tenant.Advance(d)
	return ctx.Err()
}

// sync runs the engine on the tenant's clock.
func (e *env) sync(ctx context.Context, opt syncer.Options) (syncer.Summary, error) {
	opt.Now = e.tenant.Now
	return syncer.Run(ctx, e.db, e.client, e.conn, opt)
}

// mustSync runs a sync that must succeed.
func (e *env) mustSync(opt syncer.Options) syncer.Summary {
	e.t.Helper()
	sum, err := e.sync(context.Background(), opt)
	if err != nil {
		e.t.Fatalf("sync: %v (outcome %s)", err, sum.Outcome)
	}
	if sum.Outcome != store.OutcomeOK {
		e.t.Fatalf("outcome %s, want ok", sum.Outcome)
	}
	return sum
}

// window is the invoiceDate window of a first sync on the tenant's "today".
func (e *env) window() (from, to time.Time) {
	fc := e.conn.FirstConnected.UTC()
	y, m, d := fc.AddDate(-1, 0, 0).Date()
	from = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	y, m, d = fc.Date()
	return from, time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// fingerprint renders what spend depends on, so two stores (or a store and
// the tenant) compare as strings and a diff names the invoice.
func fingerprint(id, status string, date bc.Date, total, excl int64, lines []string) string {
	return fmt.Sprintf("%s %s %s incl=%d excl=%d lines=[%s]", id, status, date.Format("2006-01-02"), total, excl, strings.Join(lines, " "))
}

// wantPaid is the tenant's own answer: its paid invoices dated in the window.
func (e *env) wantPaid(companyID string) map[string]string {
	from, to := e.window()
	out := map[string]string{}
	for _, inv := range e.tenant.Invoices(companyID) {
		d := inv.InvoiceDate.Time
		if inv.Status != bc.StatusPaid || d.Before(from) || d.After(to) {
			continue
		}
		var lines []string
		for _, l := range inv.Lines {
			lines = append(lines, fmt.Sprintf("%d:%d", l.Sequence, int64(l.NetAmountIncludingTax)))
		}
		out[inv.ID] = fingerprint(inv.ID, inv.Status, inv.InvoiceDate, int64(inv.TotalAmountIncludingTax), int64(inv.TotalAmountExcludingTax), lines)
	}
	return out
}

// counted is what the store counts as spend for a company.
func counted(t testing.TB, db *store.DB, companyID string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, inv := range allStored(t, db, companyID) {
		if inv.Counts() {
			out[inv.ID] = storedFingerprint(inv)
		}
	}
	return out
}

func storedFingerprint(inv *store.Invoice) string {
	var lines []string
	for _, l := range inv.Lines {
		lines = append(lines, fmt.Sprintf("%d:%d", l.Sequence, int64(l.NetAmountIncludingTax)))
	}
	return fingerprint(inv.ID, inv.Status, inv.InvoiceDate, int64(inv.TotalAmountIncludingTax), int64(inv.TotalAmountExcludingTax), lines)
}

// allStored is every stored invoice of the company, removed ones included.
func allStored(t testing.TB, db *store.DB, companyID string) map[string]*store.Invoice {
	t.Helper()
	out := map[string]*store.Invoice{}
	err := db.ForEachInvoice(companyID, time.Time{}, time.Time{}, func(inv *store.Invoice) error {
		out[inv.ID] = inv
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// sameSets fails with the first few differences between want and got.
func sameSets(t testing.TB, what string, want, got map[string]string) {
	t.Helper()
	var diffs []string
	for id, w := range want {
		if g, ok := got[id]; !ok {
			diffs = append(diffs, "missing: "+w)
		} else if g != w {
			diffs = append(diffs, "differs: want "+w+"\n           got  "+g)
		}
	}
	for id, g := range got {
		if _, ok := want[id]; !ok {
			diffs = append(diffs, "extra:   "+g)
		}
	}
	sort.Strings(diffs)
	if len(diffs) > 0 {
		t.Errorf("%s: %d differences (want %d, got %d), first:\n  %s", what, len(diffs), len(want), len(got),
			strings.Join(diffs[:min(5, len(diffs))], "\n  "))
	}
}

// checkAllCompanies compares every company's counted spend with the tenant.
func (e *env) checkAllCompanies(what string) {
	e.t.Helper()
	for _, c := range e.conn.Companies {
		sameSets(e.t, what+" "+c.Name, e.wantPaid(c.ID), counted(e.t, e.db, c.ID))
	}
}

// pick returns the first invoice of the company matching ok, in id order.
func (e *env) pick(companyID string, ok func(bc.PurchaseInvoice) bool) bc.PurchaseInvoice {
	e.t.Helper()
	for _, inv := range e.tenant.Invoices(companyID) {
		if ok(inv) {
			return inv
		}
	}
	e.t.Fatal("no invoice matches")
	return bc.PurchaseInvoice{}
}

// inWindow reports whether an invoice is dated inside the first window.
func (e *env) inWindow(inv bc.PurchaseInvoice) bool {
	from, to := e.window()
	return !inv.InvoiceDate.Before(from) && !inv.InvoiceDate.After(to)
}

// bcsimConfig is the default tenant config with tweaks.
func bcsimConfig(tweaks ...func(*bcsim.Config)) bcsim.Config {
	c := bcsim.Config{Seed: 7, Now: simNow, InvoicesPerMonth: 20}
	for _, f := range tweaks {
		f(&c)
	}
	return c
}
