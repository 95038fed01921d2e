package ui

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/bcspend/bcspend/bc"
	"github.com/bcspend/bcspend/bc/bcsim"
	"github.com/bcspend/bcspend/insights"
	"github.com/bcspend/bcspend/match"
	"github.com/bcspend/bcspend/service"
	"github.com/bcspend/bcspend/spend"
	"github.com/bcspend/bcspend/store"
	"github.com/bcspend/bcspend/syncer"
)

// demoNow is the demo tenant's fixed "today" for the goldens.
var demoNow = time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)

// demoReport is the real insights report of the demo tenant (seed 1):
// simulated BC on loopback, a real sync into a real store, the real model.
func demoReport(t *testing.T) insights.Report {
	t.Helper()
	t.Setenv("BCSPEND_KEYRING", "off")
	ten := bcsim.New(bcsim.Config{Seed: 1, Now: demoNow})
	srv, err := ten.Start("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	db, err := store.Open(filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	ctx := context.Background()
	target := bc.Target{AuthorityURL: srv.AuthorityURL(), APIURL: srv.APIURL(), Tenant: bcsim.TenantID, Environment: bcsim.Environment}
	if _, err := service.Connect(ctx, db, service.ConnectRequest{Target: target, ClientID: bcsim.ClientID,
		Flow: bc.FlowClientCredentials, ClientSecret: bcsim.ClientSecret}); err != nil {
		t.Fatal(err)
	}
	if _, err := service.Sync(ctx, db, service.Options{}, syncer.Options{Now: func() time.Time { return demoNow }}); err != nil {
		t.Fatal(err)
	}
	m, err := spend.Load(db, match.MustLoadBuiltin(), spend.Options{Now: demoNow})
	if err != nil {
		t.Fatal(err)
	}
	return insights.Compute(m, insights.Options{})
}

// demoBackend is the fake with the demo's real report on the Overview.
type demoBackend struct {
	*fakeBackend
	r insights.Report
}

func (d *demoBackend) Insights() (insights.Report, error) { return d.r, nil }

// The Overview of the demo as a new user first sees it, and the whole
// findings list on a tall terminal: the before/after of issue 16's
// "fewer, truer findings".
func TestGoldenDemoOverview(t *testing.T) {
	r := demoReport(t)
	for _, sz := range []struct{ w, h int }{{100, 30}, {120, 140}} {
		t.Run(fmt.Sprintf("%dx%d", sz.w, sz.h), func(t *testing.T) {
			tr := startTea(t, New(&demoBackend{connected(), r}, testOpts()...), sz.w, sz.h)
			tr.waitFor("32 apps")
			tr.keys("7")
			tr.waitFor("finding 1 of")
			requireGolden(t, tr.finish())
		})
	}
}

// The demo's renewal calendar for the year ahead.
func TestGoldenDemoRenewals(t *testing.T) {
	tr := startTea(t, New(&demoBackend{connected(), demoReport(t)}, testOpts()...), 120, 60)
	tr.waitFor("32 apps")
	tr.keys("8")
	tr.waitFor("renewals in 90 days")
	tr.keys("v")
	tr.waitFor("renewals in 365 days")
	requireGolden(t, tr.finish())
}
