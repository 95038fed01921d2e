package bc_test

import (
	"context"
	"testing"
	"time"

	"github.com/bcspend/bcspend/bc"
	"github.com/bcspend/bcspend/bc/bcsim"
)

// $count answers what paging the same filter returns, over real HTTP.
func TestInvoiceCountIsWhatThePagesHold(t *testing.T) {
	tn := bcsim.New(bcsim.Config{Seed: 3, Now: time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC), InvoicesPerMonth: 30})
	srv, err := tn.Start("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	target := bc.Target{AuthorityURL: srv.AuthorityURL(), APIURL: srv.APIURL(), Tenant: bcsim.TenantID, Environment: bcsim.Environment}
	creds := bc.Credentials{Target: target, ClientID: bcsim.ClientID, Flow: bc.FlowClientCredentials, ClientSecret: bcsim.ClientSecret}
	tokens, err := creds.NewTokenSource()
	if err != nil {
		t.Fatal(err)
	}
	c := bc.NewClient(target, tokens, bc.ClientOptions{PageSize: 50})
	co := tn.Companies()[0].ID
	ctx := context.Background()
	for _, q := range []bc.InvoiceQuery{
		{PaidFrom: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), PaidTo: time.Date(2026, 3, 31, 0, 0, 0, 0, time.UTC)},
		{PaidFrom: time.Date(2025, 11, 20, 0, 0, 0, 0, time.UTC)},
		{ChangedSince: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)},
	} {
		n, err := c.InvoiceCount(ctx, co, q)
		if err != nil {
			t.Fatal(err)
		}
		paged := 0
		if err := c.Invoices(ctx, co, q, func(p bc.InvoicePage) error { paged += len(p.Invoices); return nil }); err != nil {
			t.Fatal(err)
		}
		if n != paged || n == 0 {
			t.Errorf("%s: $count %d, pages hold %d", q.Filter(), n, paged)
		}
	}
}
