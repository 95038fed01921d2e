package ui

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
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
	return insights.Compute(demoModel(t), insights.Options{})
}

// demoModel is the demo tenant's real spend model after a real sync.
func demoModel(t *testing.T) *spend.Model {
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
	return m
}

// demoBackend is the fake with the demo's real report on the Overview and,
// when m is set, the demo's real applications, their split by dimension and
// its transactions, with BC's names of the dimensions.
type demoBackend struct {
	*fakeBackend
	r insights.Report
	m *spend.Model
}

func (d *demoBackend) Insights() (insights.Report, error) { return d.r, nil }

func (d *demoBackend) Info() Info {
	info := d.fakeBackend.Info()
	if d.m != nil {
		cs := d.m.Companies()
		info.Dimension1, info.Dimension2 = spend.DimensionLabel(cs, 1), spend.DimensionLabel(cs, 2)
		info.DimensionQualifiers = [2]map[string]string{spend.DimensionQualifiers(cs, 1), spend.DimensionQualifiers(cs, 2)}
		info.ReportingCurrency, info.Period = d.m.ReportingCurrency(), spend.PeriodAt(demoNow)
	}
	return info
}

func (d *demoBackend) Apps() ([]spend.AppRow, error) {
	if d.m == nil {
		return d.fakeBackend.Apps()
	}
	return d.m.Apps(), nil
}

func (d *demoBackend) AppsByDimension(n int) ([]spend.AppRow, error) {
	if d.m == nil {
		return d.fakeBackend.AppsByDimension(n)
	}
	return d.m.AppsByDimension(n)
}

func (d *demoBackend) Transactions() ([]spend.Transaction, error) {
	if d.m == nil {
		return d.fakeBackend.Transactions()
	}
	return d.m.Transactions(spend.Filter{}), nil
}

// The Overview of the demo as a new user first sees it, and the whole
// findings list on a tall terminal: the before/after of issue 16's
// "fewer, truer findings".
func TestGoldenDemoOverview(t *testing.T) {
	r := demoReport(t)
	for _, sz := range []struct{ w, h int }{{100, 30}, {120, 140}} {
		t.Run(fmt.Sprintf("%dx%d", sz.w, sz.h), func(t *testing.T) {
			tr := startTea(t, New(&demoBackend{fakeBackend: connected(), r: r}, testOpts()...), sz.w, sz.h)
			tr.waitFor("32 apps")
			tr.keys("7")
			tr.waitFor("finding 1 of")
			requireGolden(t, tr.finish())
		})
	}
}

// The demo's renewal calendar for the year ahead.
func TestGoldenDemoRenewals(t *testing.T) {
	tr := startTea(t, New(&demoBackend{fakeBackend: connected(), r: demoReport(t)}, testOpts()...), 120, 60)
	tr.waitFor("32 apps")
	tr.keys("8")
	tr.waitFor("renewals in 90 days")
	tr.keys("v")
	tr.waitFor("renewals in 365 days")
	requireGolden(t, tr.finish())
}

// appsCount is the Applications screen's count of the demo's apps: counted,
// not written down, so that a catalog change that splits or joins a demo
// vendor's apps shows up as a golden diff (go test -update), not a timeout.
func appsCount(m *spend.Model) string { return fmt.Sprintf("%d apps", len(m.Apps())) }

// The demo's Applications split by BC's dimension 1 (the companies call it
// DEPARTMENT and AREA: values are qualified by the company's name for it).
func TestGoldenDemoApplicationsByDimension(t *testing.T) {
	m := demoModel(t)
	tr := startTea(t, New(&demoBackend{fakeBackend: connected(), r: insights.Compute(m, insights.Options{}), m: m}, testOpts()...), 120, 30)
	tr.waitFor(appsCount(m))
	rows, err := m.AppsByDimension(1)
	if err != nil {
		t.Fatal(err)
	}
	tr.keys("b")
	tr.waitFor(fmt.Sprintf("%d app × DEPARTMENT / AREA rows", len(rows)))
	requireGolden(t, tr.finish())
}

// b cycles the Applications through no split, dimension 1 and dimension 2
// and back, under BC's names, with the same total in each; enter on a split
// row opens exactly that application's transactions of that value.
func TestFlowApplicationsSplitByDimension(t *testing.T) {
	m := demoModel(t)
	tr := startTea(t, New(&demoBackend{fakeBackend: connected(), r: insights.Compute(m, insights.Options{}), m: m}, testOpts()...), 140, 30)
	tr.waitFor(appsCount(m))
	total := sigma(t, tr.screen())
	d2 := spend.DimensionLabel(m.Companies(), 2)
	for _, want := range []string{"per application and DEPARTMENT / AREA", "per application and " + d2, "per application ·"} {
		tr.keys("b")
		tr.waitFor(want)
		if got := sigma(t, tr.screen()); got != total {
			t.Errorf("%q: total %s, unsplit %s", want, got, total)
		}
	}
	rows, err := m.AppsByDimension(1)
	if err != nil {
		t.Fatal(err)
	}
	top := rows[0]
	for _, r := range rows {
		if r.Reporting > top.Reporting {
			top = r
		}
	}
	tr.keys("b")
	tr.waitFor("per application and DEPARTMENT / AREA")
	tr.keys("enter")
	tr.waitFor("Transactions of " + top.App + " · " + top.Dimension)
	tr.waitFor("│ " + fmtInt(top.Transactions) + " of ")
	tr.finish()
}

// sigma is the Σ total on the status line.
func sigma(t *testing.T, screen string) string {
	t.Helper()
	_, after, ok := strings.Cut(screen, "Σ ")
	if !ok {
		t.Fatalf("no total on the screen:\n%s", screen)
	}
	total, _, _ := strings.Cut(after, " │")
	return total
}
