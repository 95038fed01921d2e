package syncer_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bcspend/bcspend/bc"
	"github.com/bcspend/bcspend/bc/bcsim"
	"github.com/bcspend/bcspend/store"
	"github.com/bcspend/bcspend/syncer"
)

// benchPerMonth is the simulated tenant's invoices per company and month
// that puts 100,530 paid invoices with 459,040 lines (seed 1) in the
// one-year window: the "large company" of the performance budget, with
// ~15% more lines than the 400,000 it names.
const benchPerMonth = 3330

// Environment of the tenant child process (see TestBenchTenantProcess).
const (
	envBenchTenant   = "BCSPEND_BENCH_TENANT"
	envBenchPerMonth = "BCSPEND_BENCH_PER_MONTH"
)

// TestBenchTenantProcess is not a test: it is the body of the child process
// BenchmarkSync100k serves its tenant from, so that the ~165 MB the
// simulator holds for 100,000 invoices, and its CPU, never count as the
// syncing side's heap. It skips unless the benchmark started it.
func TestBenchTenantProcess(t *testing.T) {
	if os.Getenv(envBenchTenant) != "1" {
		t.Skip("the child process of BenchmarkSync100k")
	}
	n, _ := strconv.Atoi(os.Getenv(envBenchPerMonth))
	tn := bcsim.New(bcsim.Config{Seed: 1, Now: simNow, InvoicesPerMonth: n})
	srv, err := tn.Start("127.0.0.1:0")
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	runtime.GC()
	fmt.Printf("ready %s %s\n", srv.AuthorityURL(), srv.APIURL())
	// Serve until the parent closes our stdin (or dies).
	_, _ = bufio.NewReader(os.Stdin).ReadString('\n')
	_ = srv.Close()
	os.Exit(0)
}

// startTenantProcess runs the tenant in a child (this test binary) and
// returns its authority and API URLs.
func startTenantProcess(b *testing.B, perMonth int) (authority, api string) {
	b.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestBenchTenantProcess$", "-test.count=1")
	cmd.Env = append(os.Environ(), envBenchTenant+"=1", envBenchPerMonth+"="+strconv.Itoa(perMonth))
	stdin, err := cmd.StdinPipe()
	if err != nil {
		b.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		b.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() {
		_ = stdin.Close()
		done := make(chan struct{})
		go func() { _ = cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			_ = cmd.Process.Kill()
			<-done
		}
	})
	sc := bufio.NewScanner(stdout)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) == 3 && f[0] == "ready" {
			go func() { // keep the pipe drained
				for sc.Scan() {
				}
			}()
			return f[1], f[2]
		}
	}
	b.Fatalf("tenant process ended before it was ready: %v", sc.Err())
	return "", ""
}

// benchClient signs in to the child's tenant with production options
// (page size 1,000, 5 in flight).
func benchClient(b *testing.B, authority, api string) *bc.Client {
	b.Helper()
	target := bc.Target{AuthorityURL: authority, APIURL: api, Tenant: bcsim.TenantID, Environment: bcsim.Environment}
	creds := bc.Credentials{Target: target, ClientID: bcsim.ClientID, Flow: bc.FlowClientCredentials, ClientSecret: bcsim.ClientSecret}
	tokens, err := creds.NewTokenSource()
	if err != nil {
		b.Fatal(err)
	}
	return bc.NewClient(target, tokens, bc.ClientOptions{PageSize: 1000})
}

// BenchmarkSync100k is the sync budget. Each iteration, against the same
// tenant (a child process on loopback):
//
//   - download: every request a backfill makes (each company's invoice
//     pages with their lines, vendors and rates, concurrently, plus the
//     users), decoded and thrown away;
//   - sync: syncer.Run backfilling the same window into a new file;
//   - incremental: syncer.Run again with nothing changed.
//
// Reported: sync/download (budget <= 1.5), peak-heap-MB (the most heap
// the process held during the sync, less what it held before; budget
// < 200), peak-live-MB (the live heap the GC found at its marks, the same
// way), incr-req (requests of the incremental run; budget <= 2 per company
// + 1), disk-B/line (the file's size per stored line after the backfill)
// and the figures behind them.
func BenchmarkSync100k(b *testing.B) {
	perMonth := benchPerMonth
	if v, err := strconv.Atoi(os.Getenv(envBenchPerMonth)); err == nil && v > 0 {
		perMonth = v
	}
	authority, api := startTenantProcess(b, perMonth)
	client := benchClient(b, authority, api)
	ctx := context.Background()
	companies, err := client.Companies(ctx)
	if err != nil {
		b.Fatal(err)
	}
	conn := store.Connection{TenantID: bcsim.TenantID, Environment: bcsim.Environment, ClientID: bcsim.ClientID,
		Flow: string(bc.FlowClientCredentials), AuthorityURL: authority, APIURL: api, FirstConnected: simNow}
	for _, c := range companies {
		conn.Companies = append(conn.Companies, store.Company{ID: c.ID, Name: c.Name, DisplayName: c.DisplayName})
	}
	// Warm up: connections, token, and the tenant's first rendering.
	if _, err := download(ctx, client, conn); err != nil {
		b.Fatal(err)
	}

	var dl, sy time.Duration
	var peak, peakLive uint64
	var got downloaded
	incr := int64(0)
	diskPerLine := 0.0
	dir := b.TempDir()
	iter := 0
	for b.Loop() {
		iter++
		t0 := time.Now()
		got, err = download(ctx, client, conn)
		if err != nil {
			b.Fatal(err)
		}
		dl += time.Since(t0)

		path := filepath.Join(dir, fmt.Sprintf("sync-%d.db", iter))
		db, err := store.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		if err := db.SaveConnection(conn); err != nil {
			b.Fatal(err)
		}
		hs := startHeapSampler()
		t1 := time.Now()
		sum, err := syncer.Run(ctx, db, client, conn, syncer.Options{Now: func() time.Time { return simNow }})
		sy += time.Since(t1)
		p, pl := hs.stop()
		peak, peakLive = max(peak, p), max(peakLive, pl)
		if err != nil {
			b.Fatal(err)
		}
		if sum.Fetched != got.invoices {
			b.Fatalf("sync fetched %d invoices, download %d", sum.Fetched, got.invoices)
		}
		if fi, err := os.Stat(path); err == nil {
			diskPerLine = float64(fi.Size()) / float64(got.lines)
		}
		isum, err := syncer.Run(ctx, db, client, conn, syncer.Options{Now: func() time.Time { return simNow.Add(time.Hour) }})
		if err != nil {
			b.Fatal(err)
		}
		incr = max(incr, isum.Requests)
		_ = db.Close()
		_ = os.Remove(path)
	}
	n := float64(iter)
	b.ReportMetric(sy.Seconds()/dl.Seconds(), "sync/download")
	b.ReportMetric(dl.Seconds()/n, "download-s")
	b.ReportMetric(sy.Seconds()/n, "sync-s")
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
	b.ReportMetric(float64(peakLive)/(1<<20), "peak-live-MB")
	b.ReportMetric(float64(incr), "incr-req")
	b.ReportMetric(float64(len(conn.Companies)*4+1), "incr-budget")
	b.ReportMetric(diskPerLine, "disk-B/line")
	b.ReportMetric(float64(got.invoices), "invoices")
	b.ReportMetric(float64(got.lines), "lines")
}

type downloaded struct{ invoices, lines int }

// download makes the requests a backfill of conn makes, with the same
// client and concurrency (one goroutine per company, one for users), and
// only decodes the answers.
func download(ctx context.Context, client *bc.Client, conn store.Connection) (downloaded, error) {
	q := bc.InvoiceQuery{PaidFrom: simNow.AddDate(-1, 0, 0).Truncate(24 * time.Hour), PaidTo: simNow.Truncate(24 * time.Hour)}
	var mu sync.Mutex
	var out downloaded
	errs := make(chan error, len(conn.Companies)+1)
	var wg sync.WaitGroup
	for _, c := range conn.Companies {
		wg.Go(func() {
			inv, lines := 0, 0
			_, err := client.CompanyInfo(ctx, c.ID)
			if err != nil {
				errs <- err
				return
			}
			err = client.Invoices(ctx, c.ID, q, func(p bc.InvoicePage) error {
				inv += len(p.Invoices)
				for i := range p.Invoices {
					lines += len(p.Invoices[i].Lines)
				}
				return nil
			})
			if err == nil {
				_, err = client.Vendors(ctx, c.ID)
			}
			if err == nil {
				_, err = client.ExchangeRates(ctx, c.ID)
			}
			mu.Lock()
			out.invoices += inv
			out.lines += lines
			mu.Unlock()
			errs <- err
		})
	}
	wg.Go(func() {
		_, err := client.Users(ctx, conn.Companies[0].ID)
		errs <- err
	})
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			return out, err
		}
	}
	return out, nil
}

// heapSampler records the peak heap during a measured section, less the
// heap at its start (taken after a GC, so only what the section itself
// holds counts). Two figures: heap objects (live and not yet swept, read
// every 2 ms: an upper bound of what the section needed at once), and the
// live heap the GC measured at each mark.
type heapSampler struct {
	base, baseLive uint64
	peak, peakLive uint64
	done           chan struct{}
	wg             sync.WaitGroup
}

var heapMetrics = []string{"/memory/classes/heap/objects:bytes", "/gc/heap/live:bytes"}

func readHeap() (objects, live uint64) {
	s := []metrics.Sample{{Name: heapMetrics[0]}, {Name: heapMetrics[1]}}
	metrics.Read(s)
	return s[0].Value.Uint64(), s[1].Value.Uint64()
}

func startHeapSampler() *heapSampler {
	runtime.GC()
	h := &heapSampler{done: make(chan struct{})}
	h.base, h.baseLive = readHeap()
	h.wg.Go(func() {
		t := time.NewTicker(2 * time.Millisecond)
		defer t.Stop()
		for {
			h.sample()
			select {
			case <-h.done:
				return
			case <-t.C:
			}
		}
	})
	return h
}

func (h *heapSampler) sample() {
	o, l := readHeap()
	h.peak, h.peakLive = max(h.peak, o), max(h.peakLive, l)
}

// stop ends sampling and returns the peaks above the baseline.
func (h *heapSampler) stop() (peak, peakLive uint64) {
	close(h.done)
	h.wg.Wait()
	h.sample()
	sub := func(a, b uint64) uint64 {
		if a < b {
			return 0
		}
		return a - b
	}
	return sub(h.peak, h.base), sub(h.peakLive, h.baseLive)
}
