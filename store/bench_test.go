package store

import (
	"fmt"
	"math/rand/v2"
	"os"
	"testing"

	"github.com/bcspend/bcspend/bc"
	bolt "go.etcd.io/bbolt"
)

// BenchmarkCommitPage commits pages of 1,000 new invoices of 4 lines each
// (one bbolt transaction each, fsync included) and reports the bytes per
// stored line: disk-B/line is the file size (keys, id index, page slack,
// freelist, growth headroom) divided by the lines it holds, pages-B/line
// the pages in use, value-B/line the encoded invoice value alone.
//
//	in-order: ids and dates ascending, as a backfill walking forward
//	random:   random GUIDs, dates spread over a year, as BC's id order gives
func BenchmarkCommitPage(b *testing.B) {
	b.Run("in-order", func(b *testing.B) {
		benchCommit(b, func(pages, i int) bc.PurchaseInvoice {
			return sampleInvoice(pages*1000+i, testDate(2025, 1, 1+pages%365))
		})
	})
	r := rand.New(rand.NewPCG(1, 2))
	b.Run("random", func(b *testing.B) {
		benchCommit(b, func(pages, i int) bc.PurchaseInvoice {
			inv := sampleInvoice(pages*1000+i, bc.NewDate(2025, 1, 1+r.IntN(365)))
			inv.ID = fmt.Sprintf("%08x-%04x-4%03x-8%03x-%012x", r.Uint32(), r.IntN(1<<16), r.IntN(1<<12), r.IntN(1<<12), r.Int64N(1<<48))
			return inv
		})
	})
}

func benchCommit(b *testing.B, gen func(pages, i int) bc.PurchaseInvoice) {
	db, path := openTemp(b)
	const perPage, linesPer = 1000, 4
	pages := 0
	for b.Loop() {
		page := make([]bc.PurchaseInvoice, perPage)
		for i := range page {
			page[i] = gen(pages, i)
		}
		if _, err := db.CommitPage(testCompany, page, nil, SyncState{NextLink: "next"}, "bench"); err != nil {
			b.Fatal(err)
		}
		pages++
	}
	fi, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	lines := float64(pages * perPage * linesPer)
	b.ReportMetric(float64(fi.Size())/lines, "disk-B/line")
	var used int64
	_ = db.withHandle(true, func(h *bolt.DB) error {
		return h.View(func(tx *bolt.Tx) error {
			used = tx.Size() - int64(h.Stats().FreeAlloc)
			return nil
		})
	})
	b.ReportMetric(float64(used)/lines, "pages-B/line")
	w := gen(0, 0)
	b.ReportMetric(float64(len(encodeInvoice(fromWire(testCompany, &w))))/linesPer, "value-B/line")
}
