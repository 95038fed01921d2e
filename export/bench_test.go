package export_test

import (
	"path/filepath"
	"testing"

	"github.com/bcspend/bcspend/export"
	"github.com/bcspend/bcspend/match"
	"github.com/bcspend/bcspend/spend"
	"github.com/bcspend/bcspend/spend/spendtest"
)

// BenchmarkExportTransactions writes 400,000 transaction rows (line
// granularity over 133,334 invoices of 3 charge lines) to a file.
// Budget: 2 s per op.
func BenchmarkExportTransactions(b *testing.B) {
	db := spendtest.Open(b)
	spendtest.Connect(b, db)
	spendtest.Large(b, db, 133_334)
	m, err := spend.Load(db, match.MustLoadBuiltin(), spend.Options{Now: spendtest.Now, Granularity: spend.PerLine})
	if err != nil {
		b.Fatal(err)
	}
	if m.Len() < 400_000 {
		b.Fatalf("only %d transactions", m.Len())
	}
	path := filepath.Join(b.TempDir(), "tx.csv")
	b.ResetTimer()
	for b.Loop() {
		if err := export.WriteFile(path, export.Transactions(m, spend.Filter{})); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(m.Len()), "rows")
}
