package bc

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/bcspend/bcspend/money"
)

// BenchmarkDecodePage is the client's CPU per page of a backfill: 1,000
// invoices of three lines each, as BC sends them.
//
//	go test -run '^$' -bench '^BenchmarkDecodePage$' ./bc/
func BenchmarkDecodePage(b *testing.B) {
	body := invoicePageBody(b, 1000, 3)
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		p, err := decodePage[PurchaseInvoice](body)
		if err != nil || len(p.Value) != 1000 {
			b.Fatal(len(p.Value), err)
		}
	}
}

func invoicePageBody(tb testing.TB, invoices, lines int) []byte {
	tb.Helper()
	var p struct {
		Context string            `json:"@odata.context"`
		Value   []PurchaseInvoice `json:"value"`
		Next    string            `json:"@odata.nextLink"`
	}
	p.Context = "https://api.businesscentral.dynamics.com/v2.0/x/Production/api/v2.0/$metadata#companies(1)/purchaseInvoices"
	p.Next = "https://api.businesscentral.dynamics.com/v2.0/x/Production/api/v2.0/companies(1)/purchaseInvoices?$skiptoken=abc"
	day := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	for i := range invoices {
		inv := PurchaseInvoice{ID: fmt.Sprintf("5f1a2b3c-0000-4000-8000-%012d", i), Number: fmt.Sprintf("108%03d", i),
			VendorName: "Contoso Software Ltd.", VendorNumber: "V0001", CurrencyCode: "EUR", Status: "Paid",
			TotalAmountIncludingTax: money.Amount(123456789), LastModifiedDateTime: day,
			ShortcutDimension1Code: "SALES"}
		for j := range lines {
			inv.Lines = append(inv.Lines, PurchaseInvoiceLine{Sequence: 10000 * (j + 1), LineType: LineItem,
				Description: "Microsoft 365 E3 - annual subscription, 25 seats", AmountExcludingTax: money.Amount(4115226)})
		}
		p.Value = append(p.Value, inv)
	}
	body, err := json.Marshal(p)
	if err != nil {
		tb.Fatal(err)
	}
	return body
}
