package insights_test

import (
	"testing"

	"github.com/bcspend/bcspend/insights"
	"github.com/bcspend/bcspend/match"
	"github.com/bcspend/bcspend/spend"
	"github.com/bcspend/bcspend/spend/spendtest"
)

// BenchmarkCompute runs every insight over 300,000 line transactions.
func BenchmarkCompute(b *testing.B) {
	db := spendtest.Open(b)
	spendtest.Connect(b, db)
	spendtest.Large(b, db, 100_000)
	m, err := spend.Load(db, match.MustLoadBuiltin(), spend.Options{Now: spendtest.Now, Granularity: spend.PerLine})
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		r := insights.Compute(m, insights.Options{})
		if r.Totals.Applications == 0 {
			b.Fatal("no applications")
		}
	}
}
