package main

import (
	"context"

	"github.com/bcspend/bcspend/bc"
	"github.com/bcspend/bcspend/failure"
	"github.com/bcspend/bcspend/secretstore"
	"github.com/bcspend/bcspend/service"
	"github.com/bcspend/bcspend/spend"
	"github.com/bcspend/bcspend/store"
	"github.com/bcspend/bcspend/ui"
	"github.com/bcspend/bcspend/untrusted"
)

// The console's side of several connections: the Integration screen's
// list with health, the history per connection, and the operations that
// target one (a secret replacement, a reconnect).

// connectionsInfo is every connection with its health
// (store.ConnectionsHealth) and whether and where its secret is stored.
func (b *backend) connectionsInfo() []ui.ConnectionInfo {
	hs, err := b.db.ConnectionsHealth()
	if err != nil {
		return nil
	}
	out := make([]ui.ConnectionInfo, 0, len(hs))
	for _, h := range hs {
		c := h.Connection
		ci := ui.ConnectionInfo{Name: c.Name, Tenant: c.TenantID, Environment: c.Environment, ClientID: c.ClientID,
			Flow: uiFlow(bc.Flow(c.Flow)), Health: h.Status(), LastOK: h.LastOK}
		for _, co := range c.Companies {
			ci.Companies = append(ci.Companies, co.Title())
		}
		if h.Synced {
			ci.LastRun, ci.Problem, ci.Remedy = h.LastRun.End, h.LastRun.ErrorMessage, h.LastRun.Remedy
		}
		secrets := secretstore.Open(b.db, b.keyring, c.TenantID, c.ClientID)
		ci.SecretBackend = secrets.Backend()
		_, ci.HasSecret, _ = secrets.Get(secretstore.ClientSecret)
		out = append(out, ci)
	}
	return out
}

// companyNotes are what BC said about a company that changes what its
// figures mean, under the company's label (spend's, with its connection
// where two share a name).
func (b *backend) companyNotes(m *spend.Model) []string {
	var notes []string
	for _, c := range m.Companies() {
		if ci, ok, err := b.db.CompanyInfo(c.ID); err == nil && ok && ci.RatesUnavailable != "" {
			notes = append(notes, untrusted.Text(c.Name)+": "+ci.RatesUnavailable)
		}
	}
	return notes
}

// companyLabels maps each company's store key to its label, for the Sync
// screen's bars; nil before the first read of the data.
func (b *backend) companyLabels() map[string]string {
	m, err := b.loaded()
	if err != nil {
		return nil
	}
	labels := map[string]string{}
	for _, c := range m.Companies() {
		labels[c.ID] = c.Name
	}
	return labels
}

func (b *backend) SyncHistory() []ui.SyncRunInfo {
	runs, err := b.db.Runs(20)
	if err != nil {
		return nil
	}
	names := map[string]string{}
	if conns, err := b.db.Connections(); err == nil {
		for _, c := range conns {
			names[c.ID] = c.Name
		}
	}
	out := make([]ui.SyncRunInfo, 0, len(runs))
	for _, r := range runs {
		out = append(out, ui.SyncRunInfo{Connection: names[r.RunConnection()], Started: r.Start, Duration: r.End.Sub(r.Start), Trigger: r.Mode,
			Invoices: r.Fetched, Canceled: r.Outcome == store.OutcomeCanceled, Err: r.ErrorMessage, Remedy: r.Remedy})
	}
	return out
}

// ReplaceSecret tests secret against the connection named connection and
// stores it for that connection only ("" with a single connection).
func (b *backend) ReplaceSecret(ctx context.Context, connection, secret string) error {
	opt := b.options()
	opt.Connection = connection
	return service.ReplaceSecret(b.db, opt, secret, func(c *bc.Client) error {
		_, err := bc.Probe(ctx, c, nil)
		return err
	})
}

// KeepSignIn tests the sign-in SignIn just made and stores it (its refresh
// token) for the connection named in.Connection, with the companies that
// connection syncs: a delegated connection's "sign in again". Nothing is
// stored when the test fails.
func (b *backend) KeepSignIn(ctx context.Context, in ui.ConnInput) error {
	b.mu.Lock()
	p := b.pending
	b.mu.Unlock()
	if p == nil {
		return failure.Input("No sign-in to keep", "Sign in first (p on the Integration screen).")
	}
	conn, err := service.TargetConnection(b.db, in.Connection)
	if err != nil {
		return err
	}
	if _, err := p.Test(ctx, nil); err != nil {
		return err
	}
	ids := make([]string, len(conn.Companies))
	for i, c := range conn.Companies {
		ids[i] = c.ID
	}
	return b.savePending(p, ids)
}
