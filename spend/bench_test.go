package spend_test

import (
	"fmt"
	"syscall"
	"testing"
	"time"

	"github.com/bcspend/bcspend/match"
	"github.com/bcspend/bcspend/spend"
	"github.com/bcspend/bcspend/spend/spendtest"
)

// BenchmarkAppsView opens a 100,000-invoice / 400,000-line store and
// computes the Applications view: Load (read, derive, convert, match,
// aggregate) plus Apps. Budget: 300 ms per op.
func BenchmarkAppsView(b *testing.B) {
	db := spendtest.Open(b)
	spendtest.Connect(b, db)
	spendtest.Large(b, db, 100_000)
	b.ResetTimer()
	cpu0 := cpuTime()
	for b.Loop() {
		m, err := spend.Load(db, cat, spend.Options{Now: spendtest.Now})
		if err != nil {
			b.Fatal(err)
		}
		if len(m.Apps()) == 0 {
			b.Fatal("no applications")
		}
	}
	reportCPU(b, cpu0)
}

// BenchmarkRematchWarm measures re-matching every transaction at line
// granularity (300,000) with the rules in force, as after a reload: the
// matcher's cache is warm, so the cost is the per-transaction loop and the
// aggregates. transactions/s is reported.
func BenchmarkRematchWarm(b *testing.B) {
	m := lineModel(b)
	rules := []match.Rule{{ID: "r1", Kind: match.RuleVendor, VendorName: "Supplier 0007 Ltd", App: "Slack"}}
	m.SetRules(rules)
	b.ResetTimer()
	cpu0 := cpuTime()
	for b.Loop() {
		m.SetRules(rules)
	}
	reportCPU(b, cpu0)
	b.ReportMetric(float64(m.Len())*float64(b.N)/b.Elapsed().Seconds(), "tx/s")
}

// BenchmarkRematch is re-matching after a rule change: a new matcher with
// a cold cache decides each distinct input once (about 9,000 here), then
// the 300,000 line transactions take their decisions and are
// re-aggregated. transactions/s is reported.
func BenchmarkRematch(b *testing.B) {
	m := lineModel(b)
	b.ResetTimer()
	cpu0 := cpuTime()
	i := 0
	for b.Loop() {
		i++
		m.SetRules([]match.Rule{{ID: fmt.Sprintf("r%d", i), Kind: match.RuleVendor, VendorName: "Supplier 0007 Ltd", App: "Slack"}})
	}
	reportCPU(b, cpu0)
	b.ReportMetric(float64(m.Len())*float64(b.N)/b.Elapsed().Seconds(), "tx/s")
}

func lineModel(b *testing.B) *spend.Model {
	db := spendtest.Open(b)
	spendtest.Connect(b, db)
	spendtest.Large(b, db, 100_000)
	m, err := spend.Load(db, cat, spend.Options{Now: spendtest.Now, Granularity: spend.PerLine})
	if err != nil {
		b.Fatal(err)
	}
	return m
}

// cpuTime is the process's user+system CPU time. On a shared machine wall
// time swings with the neighbours' load; CPU time per op is steadier, and
// CPU time / wall time shows how well the work spreads over the cores.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func reportCPU(b *testing.B, since time.Duration) {
	b.ReportMetric(float64((cpuTime()-since).Milliseconds())/float64(b.N), "cpu-ms/op")
}

// BenchmarkAppsByDimension splits the Applications of a 100,000-invoice
// store by dimension 1, as the console does on every load (twice: both
// dimensions). No budget of its own: it is part of the console's load.
func BenchmarkAppsByDimension(b *testing.B) {
	db := spendtest.Open(b)
	spendtest.Connect(b, db)
	spendtest.Large(b, db, 100_000)
	m, err := spend.Load(db, cat, spend.Options{Now: spendtest.Now})
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := m.AppsByDimension(1); err != nil {
			b.Fatal(err)
		}
	}
}
