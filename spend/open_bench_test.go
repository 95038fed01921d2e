package spend_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/bcspend/bcspend/match"
	"github.com/bcspend/bcspend/spend"
	"github.com/bcspend/bcspend/spend/spendtest"
	"github.com/bcspend/bcspend/store"
)

// BenchmarkOpenApps400k is the store budget, measured as the console starts:
// open a prepared file of 100,000 invoices / 400,000 lines (written through
// CommitPage as a backfill would), load the model and compute the
// Applications view, close. Budget: 300 ms per op. disk-B/line is the
// file's size per stored line.
//
//	cold: a new process (the console starting): the matcher has decided
//	      nothing yet. Each op uses a freshly loaded catalog (not timed),
//	      so no matcher kept from an earlier Load applies.
//	warm: a reload in the same process (after a sync): Load reuses the
//	      matcher of the previous one.
//	open: store.Open and Close alone, the part of every op that checks
//	      the file's structure before bbolt maps it (store/pagewalk.go).
//
// cpu-ms/op is the process's CPU time in the timed part (every goroutine,
// the collector's included): on a machine shared with other processes the
// wall time swings with them, the CPU an op costs much less.
func BenchmarkOpenApps400k(b *testing.B) {
	path := filepath.Join(b.TempDir(), "bcspend.db")
	db, err := store.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	spendtest.Connect(b, db)
	const invoices, lines = 100_000, 400_000
	spendtest.Large(b, db, invoices)
	if err := db.Close(); err != nil {
		b.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("cold", func(b *testing.B) {
		var cpu time.Duration
		for b.Loop() {
			b.StopTimer()
			fresh := match.MustLoadBuiltin()
			b.StartTimer()
			cpu0 := cpuTime()
			openApps(b, path, fresh)
			cpu += cpuTime() - cpu0
		}
		b.ReportMetric(float64(fi.Size())/lines, "disk-B/line")
		b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N), "cpu-ms/op")
	})
	b.Run("warm", func(b *testing.B) {
		cpu0 := cpuTime()
		for b.Loop() {
			openApps(b, path, cat)
		}
		reportCPU(b, cpu0)
		b.ReportMetric(float64(fi.Size())/lines, "disk-B/line")
	})
	b.Run("open", func(b *testing.B) {
		cpu0 := cpuTime()
		defer reportCPU(b, cpu0)
		for b.Loop() {
			db, err := store.Open(path)
			if err != nil {
				b.Fatal(err)
			}
			if err := db.Close(); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func openApps(b *testing.B, path string, c *match.Catalog) {
	db, err := store.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	m, err := spend.Load(db, c, spend.Options{Now: spendtest.Now})
	if err != nil {
		b.Fatal(err)
	}
	if len(m.Apps()) == 0 {
		b.Fatal("no applications")
	}
	if err := db.Close(); err != nil {
		b.Fatal(err)
	}
}
