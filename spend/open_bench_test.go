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
//	cold:  a new process (the console starting): the matcher has decided
//	       nothing yet, and the decisions an earlier start stored for the
//	       same catalog, rules and build are read (spend/decisions.go).
//	       Each op uses a freshly loaded catalog (not timed), so no matcher
//	       kept from an earlier Load applies.
//	first: the same with no decisions stored (the first start after an
//	       upgrade, a catalog or a rule change): every input is decided.
//	warm:  a reload in the same process (after a sync): Load reuses the
//	       matcher of the previous one.
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
	first := filepath.Join(b.TempDir(), "first.db")
	copyFile(b, path, first)
	saveDecisions(b, path)
	coldRun := func(path string) func(b *testing.B) {
		return func(b *testing.B) {
			var cpu time.Duration
			for b.Loop() {
				b.StopTimer()
				fresh := freshCatalog()
				b.StartTimer()
				cpu0 := cpuTime()
				openApps(b, path, fresh)
				cpu += cpuTime() - cpu0
			}
			b.ReportMetric(float64(fi.Size())/lines, "disk-B/line")
			b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N), "cpu-ms/op")
		}
	}
	b.Run("cold", coldRun(path))
	b.Run("first", coldRun(first))
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

// freshCatalog is a newly built catalog, its typo index included: the
// build makes that index on another goroutine, where it went on into the
// timed part (some 70 ms of CPU per op up to session 25), though the budget
// leaves the catalog's build out and match's BenchmarkLoadCatalog counts
// the index in it. Matching an unknown vendor waits for it.
func freshCatalog() *match.Catalog {
	c := match.MustLoadBuiltin()
	match.NewMatcher(c, nil).Match(match.Input{VendorName: "Qxvzrtlk Bvvnqmw"})
	return c
}

// saveDecisions stores the decisions of one Load in the file at path, as
// the console does after its first start.
func saveDecisions(b *testing.B, path string) {
	db, err := store.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	m, err := spend.Load(db, match.MustLoadBuiltin(), spend.Options{Now: spendtest.Now})
	if err != nil {
		b.Fatal(err)
	}
	if err := m.SaveDecisions(db); err != nil {
		b.Fatal(err)
	}
	if err := db.Close(); err != nil {
		b.Fatal(err)
	}
}

func copyFile(b *testing.B, from, to string) {
	data, err := os.ReadFile(from)
	if err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o600); err != nil {
		b.Fatal(err)
	}
}
