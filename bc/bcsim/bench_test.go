package bcsim

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// BenchmarkServeInvoicePage measures one 1000-invoice page with expanded
// lines and $select, the shape a sync asks for.
func BenchmarkServeInvoicePage(b *testing.B) {
	tn := New(Config{Seed: 1, Now: testNow, InvoicesPerMonth: 400})
	c := tn.Companies()[0]
	tok := tn.sign(tn.baseClaimsFor(ClientID))
	u := "/bc/v2.0/" + TenantID + "/" + Environment + "/api/v2.0/companies(" + c.ID + ")/purchaseInvoices?$select=id,number,invoiceDate,status,totalAmountExcludingTax,vendorName&$expand=purchaseInvoiceLines($select=id,description,netAmount,netAmountIncludingTax)"
	for b.Loop() {
		req := httptest.NewRequest(http.MethodGet, u, nil)
		req.Header.Set("Authorization", "Bearer "+tok)
		req.Header.Set("Prefer", "odata.maxpagesize=1000")
		w := httptest.NewRecorder()
		tn.ServeHTTP(w, req)
		if w.Code != 200 {
			b.Fatal(w.Code, w.Body.String())
		}
	}
}
