package syncer_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/bcspend/bcspend/bc"
	"github.com/bcspend/bcspend/bc/bcsim"
	"github.com/bcspend/bcspend/store"
	"github.com/bcspend/bcspend/syncer"
)

// pageCost is the simulated server time of a page of invoices with their
// lines, per invoice: 1 s per 1,000. Real BC is slower still ("a page of
// 1,000 with lines can take minutes"); at 300 ms per 1,000 the two shared
// cores of the machine, decoding and committing, become the limit rather
// than BC, and the ratio measures the machine.
const pageCost = time.Millisecond

// perMonthFor is the InvoicesPerMonth that puts about n paid invoices in
// one company's one-year window (seed 1: 10.06 paid per month generated).
func perMonthFor(n int) int { return int(float64(n)/10.06 + 0.5) }

// BenchmarkSplitBackfill is the throughput budget of issue 14: a first
// sync against a tenant whose invoice pages cost pageCost per invoice of
// real server time (bcsim's EntityLatency), companies x invoices in all.
// Reported: wall/floor, the backfill's wall time over the floor of BC's
// throughput (the server time of every request it made, summed, over the
// 5 BC processes at once; budget <= 1.3), and the figures behind it:
// busy/5-s is the same floor with the simulator's own rendering time.
// BCSPEND_BENCH_CHAINS=1 measures the old single-chain sync,
// BCSPEND_BENCH_PAGE_COST=3ms another server time per invoice,
// BCSPEND_BENCH_SPLIT=3x20000 one case (companies x invoices).
//
//	go test -run '^$' -bench '^BenchmarkSplitBackfill$' -benchtime 1x ./syncer/
func BenchmarkSplitBackfill(b *testing.B) {
	cases := []struct{ companies, invoices int }{{1, 20000}, {3, 20000}, {10, 20000}, {1, 100000}}
	if v := os.Getenv("BCSPEND_BENCH_SPLIT"); v != "" { // e.g. 1x100000
		var c, n int
		if _, err := fmt.Sscanf(v, "%dx%d", &c, &n); err != nil {
			b.Fatal(err)
		}
		cases = cases[:0]
		cases = append(cases, struct{ companies, invoices int }{c, n})
	}
	chains, _ := strconv.Atoi(os.Getenv("BCSPEND_BENCH_CHAINS"))
	cost := pageCost
	if d, err := time.ParseDuration(os.Getenv("BCSPEND_BENCH_PAGE_COST")); err == nil && d > 0 { // per invoice
		cost = d
	}
	for _, tc := range cases {
		b.Run(fmt.Sprintf("companies=%d/invoices=%d", tc.companies, tc.invoices), func(b *testing.B) {
			benchSplit(b, tc.companies, tc.invoices, chains, cost)
		})
	}
}

func benchSplit(b *testing.B, companies, invoices, chains int, cost time.Duration) {
	tn := bcsim.New(bcsim.Config{Seed: 1, Now: simNow, Companies: companies,
		InvoicesPerMonth: perMonthFor(invoices / companies), EntityLatency: cost})
	srv, err := tn.Start("127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = srv.Close() })
	client := benchClient(b, srv.AuthorityURL(), srv.APIURL())
	ctx := context.Background()
	cos, err := client.Companies(ctx)
	if err != nil {
		b.Fatal(err)
	}
	conn := store.Connection{TenantID: bcsim.TenantID, Environment: bcsim.Environment, ClientID: bcsim.ClientID,
		Flow: string(bc.FlowClientCredentials), AuthorityURL: srv.AuthorityURL(), APIURL: srv.APIURL(), FirstConnected: simNow}
	for _, c := range cos {
		conn.Companies = append(conn.Companies, store.Company{ID: c.ID, Name: c.Name, DisplayName: c.DisplayName})
	}
	dir := b.TempDir()
	var wall, busy, injected time.Duration
	fetched, requests, iter := 0, int64(0), 0
	for b.Loop() {
		iter++
		path := filepath.Join(dir, fmt.Sprintf("split-%d.db", iter))
		db, err := store.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		if err := db.SaveConnection(conn); err != nil {
			b.Fatal(err)
		}
		tn.ResetStats()
		t0 := time.Now()
		sum, err := syncer.Run(ctx, db, client, conn, syncer.Options{Now: func() time.Time { return simNow }, Chains: chains})
		wall += time.Since(t0)
		if err != nil {
			b.Fatal(err)
		}
		st := tn.Stats()
		busy += st.BusyTime
		injected += st.Injected
		fetched, requests = sum.Fetched, st.Requests
		if st.MaxInFlight > bc.MaxInFlight {
			b.Fatalf("%d in flight", st.MaxInFlight)
		}
		_ = db.Close()
		_ = os.Remove(path)
	}
	// The floor is BC's time: what the simulator waits for it. Its own
	// rendering (busy-s includes it) runs on this machine's cores, which
	// real BC does not share with the client.
	floor := injected / bc.MaxInFlight
	b.ReportMetric(wall.Seconds()/floor.Seconds(), "wall/floor")
	b.ReportMetric(wall.Seconds()/float64(iter), "wall-s")
	b.ReportMetric(floor.Seconds()/float64(iter), "floor-s")
	b.ReportMetric(busy.Seconds()/bc.MaxInFlight/float64(iter), "busy/5-s")
	b.ReportMetric(float64(fetched), "invoices")
	b.ReportMetric(float64(requests), "requests")
}
