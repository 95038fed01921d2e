package spendtest

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/bcspend/bcspend/bc"
	"github.com/bcspend/bcspend/bc/bcsim"
	"github.com/bcspend/bcspend/service"
	"github.com/bcspend/bcspend/store"
	"github.com/bcspend/bcspend/syncer"
)

// DemoNow is the demo tenant's fixed "today" in tests: the generated data,
// the sync window and the period are the same on every run.
var DemoNow = time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)

// Demo is what 'bcspend demo' shows, reproducibly: the simulated tenant
// (seed 1, its default volume) on loopback, connected and synced over real
// HTTP into a fresh store, on DemoNow.
func Demo(tb testing.TB) *store.DB {
	tb.Helper()
	return DemoWith(tb, nil)
}

// DemoWith is Demo with change applied to the tenant before the sync (nil:
// none), for tests that add documents of their own to the demo's.
func DemoWith(tb testing.TB, change func(*bcsim.Tenant)) *store.DB {
	tb.Helper()
	ten := bcsim.New(bcsim.Config{Seed: 1, Now: DemoNow})
	if change != nil {
		change(ten)
	}
	srv, err := ten.Start("127.0.0.1:0")
	if err != nil {
		tb.Fatalf("bcsim: %v", err)
	}
	tb.Cleanup(func() { _ = srv.Close() })
	db := openAt(tb, ten.Now)
	ctx := context.Background()
	req := service.ConnectRequest{Target: bc.Target{AuthorityURL: srv.AuthorityURL(), APIURL: srv.APIURL(),
		Tenant: bcsim.TenantID, Environment: bcsim.Environment}, ClientID: bcsim.ClientID,
		Flow: bc.FlowClientCredentials, ClientSecret: bcsim.ClientSecret}
	if _, err := service.Connect(ctx, db, req); err != nil {
		tb.Fatalf("connect to the demo tenant: %v", err)
	}
	if _, err := service.Sync(ctx, db, service.Options{}, syncer.Options{Now: ten.Now}); err != nil {
		tb.Fatalf("sync the demo tenant: %v", err)
	}
	return db
}

// DemoPath is Demo's database file, for tests that open it themselves.
func DemoPath(tb testing.TB) string {
	tb.Helper()
	db := Demo(tb)
	p := db.Path()
	if err := db.Close(); err != nil {
		tb.Fatal(err)
	}
	return filepath.Clean(p)
}

// openAt is Open with the store's clock at now: the store stamps the first
// connection, and the sync window is one year back from it, so on the wall
// clock the demo's window would move with the day the tests run and drop
// the tenant's oldest invoices.
func openAt(tb testing.TB, now func() time.Time) *store.DB {
	tb.Helper()
	db, err := store.OpenWith(filepath.Join(tb.TempDir(), "bcspend.db"), store.Options{Now: now})
	if err != nil {
		tb.Fatalf("store.OpenWith: %v", err)
	}
	tb.Cleanup(func() { _ = db.Close() })
	return db
}
