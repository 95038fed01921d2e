package main

import (
	"testing"

	"github.com/bcspend/bcspend/store"
)

// The console's Insights reads the same model as its tables: every
// transaction a finding points at is one the Transactions screen lists.
func TestBackendInsightsLinksToTransactions(t *testing.T) {
	path := spendDB(t)[1]
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	cat, err := loadCatalog(path)
	if err != nil {
		t.Fatal(err)
	}
	b := newBackend(db, &globals{DB: path}, cat)
	r, err := b.Insights()
	if err != nil {
		t.Fatal(err)
	}
	txs, err := b.Transactions()
	if err != nil {
		t.Fatal(err)
	}
	have := map[string]bool{}
	for _, x := range txs {
		have[x.ID] = true
	}
	if r.Totals.Applications != 1 || len(r.Renewals) == 0 {
		t.Fatalf("report: %d apps, %d renewals", r.Totals.Applications, len(r.Renewals))
	}
	for _, x := range r.Renewals {
		if len(x.TransactionIDs) == 0 {
			t.Fatalf("renewal %s has no transactions", x.App)
		}
		for _, id := range x.TransactionIDs {
			if !have[id] {
				t.Fatalf("renewal %s points at %s, which Transactions does not list", x.App, id)
			}
		}
	}
}
