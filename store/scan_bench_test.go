package store_test

import (
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/bcspend/bcspend/spend/spendtest"
	"github.com/bcspend/bcspend/store"
)

// BenchmarkOpenScan400k is the store's share of opening the console: open
// a file of 100,000 invoices / 400,000 lines (spendtest.Large, written
// through CommitPage) and decode every invoice of both companies, on one
// goroutine. spend.Load does this in parallel, then derives and matches.
func BenchmarkOpenScan400k(b *testing.B) {
	path := filepath.Join(b.TempDir(), "bcspend.db")
	db, err := store.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	spendtest.Connect(b, db)
	spendtest.Large(b, db, 100_000)
	if err := db.Close(); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	r0 := rusage()
	for b.Loop() {
		db, err := store.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for _, co := range []string{spendtest.CompanyEU, spendtest.CompanyUS} {
			err := db.ForEachInvoice(co, time.Time{}, time.Time{}, func(inv *store.Invoice) error {
				n += len(inv.Lines)
				return nil
			})
			if err != nil {
				b.Fatal(err)
			}
		}
		if n != 400_000 {
			b.Fatalf("%d lines", n)
		}
		if err := db.Close(); err != nil {
			b.Fatal(err)
		}
	}
	r1 := rusage()
	n := float64(b.N)
	b.ReportMetric(float64(r1.cpu-r0.cpu)/n/1e6, "cpu-ms/op")
	b.ReportMetric(float64(r1.minflt-r0.minflt)/n, "faults/op")
}

// usage is the process's CPU time (user + system, ns) and minor page
// faults so far: per-op CPU holds on a machine shared with other
// work, where wall time does not.
type usage struct{ cpu, minflt int64 }

func rusage() usage {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return usage{cpu: ru.Utime.Nano() + ru.Stime.Nano(), minflt: ru.Minflt}
}
