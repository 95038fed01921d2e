package store

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/bcspend/bcspend/bc"
	"github.com/bcspend/bcspend/money"
)

const testCompany = "11111111-2222-3333-4444-555555555555"

var t0 = time.Date(2026, 11, 24, 8, 0, 0, 0, time.UTC)

func openTemp(t testing.TB) (*DB, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "data", "bcspend.db")
	db, err := Open(path)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { _ = db.Close() })
	return db, path
}

// guid makes a canonical lower-case GUID from n.
func guid(n int) string {
	return fmt.Sprintf("%08x-0000-4000-8000-%012x", n, n)
}

func sampleInvoice(n int, date bc.Date) bc.PurchaseInvoice {
	lines := make([]bc.PurchaseInvoiceLine, 4)
	for i := range lines {
		lines[i] = bc.PurchaseInvoiceLine{
			ID: guid(n*10 + i), DocumentID: guid(n), Sequence: (i + 1) * 10000,
			LineType: bc.LineAccount, LineObjectNumber: "6210",
			Description: fmt.Sprintf("Slack Pro seats %d", i),
			UnitCost:    money.MustParseDecimal("8.75001"), Quantity: money.MustParseDecimal("12.5"),
			NetAmount: money.MustParse("105.0001"), NetTaxAmount: money.MustParse("26.25"),
			NetAmountIncludingTax: money.MustParse("131.2501"),
		}
	}
	lines[3].LineType = bc.LineComment
	return bc.PurchaseInvoice{
		ID: guid(n), Number: fmt.Sprintf("PI-%06d", n), InvoiceDate: date,
		PostingDate: bc.NewDate(date.Year(), date.Month(), date.Day()+1), DueDate: bc.NewDate(date.Year(), date.Month()+1, date.Day()),
		VendorInvoiceNumber: fmt.Sprintf("SL-%d", n), VendorID: guid(900000 + n%50), VendorNumber: fmt.Sprintf("V%05d", n%50),
		VendorName: "Slack Technologies Ltd", PayToName: "Slack Technologies Ltd",
		CurrencyID: bc.ZeroGUID, CurrencyCode: "EUR", PricesIncludeTax: n%2 == 0,
		DiscountAmount: money.MustParse("0.01"), TotalAmountExcludingTax: money.MustParse("315.0003"),
		TotalTaxAmount: money.MustParse("78.75"), TotalAmountIncludingTax: money.MustParse("393.7503"),
		Status: bc.StatusPaid, LastModifiedDateTime: time.Date(2026, 11, 20, 10, 11, 12, 603000000, time.UTC),
		ShortcutDimension1Code: "IT", ShortcutDimension2Code: "CC-42", Lines: lines,
	}
}

func samplePage(from, n int, date bc.Date) []bc.PurchaseInvoice {
	page := make([]bc.PurchaseInvoice, n)
	for i := range page {
		page[i] = sampleInvoice(from+i, date)
	}
	return page
}

func testDate(y int, m time.Month, d int) bc.Date { return bc.NewDate(y, m, d) }
