package spend_test

import (
	"testing"

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
	for b.Loop() {
		m, err := spend.Load(db, cat, spend.Options{Now: spendtest.Now})
		if err != nil {
			b.Fatal(err)
		}
		if len(m.Apps()) == 0 {
			b.Fatal("no applications")
		}
	}
}

// BenchmarkRematch measures re-matching after a rule change at line
// granularity (300,000 transactions); transactions/s is reported.
func BenchmarkRematch(b *testing.B) {
	db := spendtest.Open(b)
	spendtest.Connect(b, db)
	spendtest.Large(b, db, 100_000)
	m, err := spend.Load(db, cat, spend.Options{Now: spendtest.Now, Granularity: spend.PerLine})
	if err != nil {
		b.Fatal(err)
	}
	rules := []match.Rule{{ID: "r1", Kind: match.RuleVendor, VendorName: "Supplier 0007 Ltd", App: "Slack"}}
	b.ResetTimer()
	for b.Loop() {
		m.SetRules(rules)
	}
	b.ReportMetric(float64(m.Len())*float64(b.N)/b.Elapsed().Seconds(), "tx/s")
}
