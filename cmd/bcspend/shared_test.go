package main

import (
	"fmt"
	"strings"
	"testing"

	"github.com/bcspend/bcspend/bc"
	"github.com/bcspend/bcspend/bc/bcsim"
	"github.com/bcspend/bcspend/money"
	"github.com/bcspend/bcspend/store"
	"github.com/bcspend/bcspend/ui"
)

// One file, several processes (docs/STORAGE.md, "Sharing the file"): the
// console open while a sync runs in another process, two syncs at once,
// and either killed at any point.

// consoleOn opens the console over the real backend on dbPath, the way
// runConsole does, and waits for its data.
func consoleOn(t *testing.T, g []string, dbPath string) *consoleRun {
	t.Helper()
	db, err := store.Open(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	cat, err := catalogFor(db)
	if err != nil {
		t.Fatal(err)
	}
	b := newBackend(db, &globals{DB: dbPath, AuthorityURL: g[3], APIURL: g[5]}, cat)
	b.keyring, b.exportTo = nil, t.TempDir()
	r := startConsole(t, b, 140, 40)
	r.loaded()
	return r
}

// addPaid adds n paid invoices dated today to the tenant's first company,
// each with a description that says which it is.
func addPaid(t *testing.T, ten *bcsim.Tenant, n int, what string) {
	t.Helper()
	co := ten.Companies()[0].ID
	v := ten.Vendors(co)[0]
	now := ten.Now()
	day := bc.NewDate(now.Year(), now.Month(), now.Day())
	for i := range n {
		_, err := ten.AddInvoice(co, bc.PurchaseInvoice{InvoiceDate: day, PostingDate: day, Status: bc.StatusPaid,
			VendorID: v.ID, VendorNumber: v.Number, VendorName: v.DisplayName,
			Lines: []bc.PurchaseInvoiceLine{{Description: fmt.Sprintf("%s %d", what, i+1), Quantity: money.NewDecimal(1, 0),
				UnitCost: money.MustParseDecimal("99"), NetAmount: money.Amount(990000)}}})
		if err != nil {
			t.Fatal(err)
		}
	}
}

// The console is open (idle, showing its data) while `bcspend sync` runs
// in another process: the sync gets the file and succeeds, and the
// console, asked to look (as its tick does every 2 s), reloads and shows
// the new invoices with a toast saying how many.
func TestASyncInAnotherProcessWhileTheConsoleIsOpen(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns processes; skipped with -short")
	}
	ten, g, dbPath := connected(t, bcsim.Config{InvoicesPerMonth: 8})
	if code, out, errOut := cli(t, "", append(append([]string{}, g...), "sync")...); code != 0 {
		t.Fatalf("first sync: exit %d\n%s%s", code, out, errOut)
	}
	r := consoleOn(t, g, dbPath)

	addPaid(t, ten, 3, "Shared-file seat")
	if code := runChildToEnd(t, append(append([]string{}, g...), "sync")); code != 0 {
		t.Fatalf("sync in another process with the console open: exit %d", code)
	}
	r.Send(ui.FollowMsg{})
	r.waitFor("sync: 3 new invoices")
	r.keys("2")
	r.typeText("/Shared-file")
	r.keys("enter")
	r.waitUntil(func(s string) bool {
		return strings.Contains(s, `filter "Shared-file" │`) && strings.Contains(s, "│ 3 of ") && strings.Count(s, "Shared-file…") == 3
	})
	r.finish()
}
