package bcsim

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/bcspend/bcspend/bc"
	"github.com/bcspend/bcspend/money"
)

func TestCompaniesAndPaging(t *testing.T) {
	tn, srv := start(t, Config{Seed: 7})
	tok := appToken(t, srv, ClientID, ClientSecret)
	cs, _ := getAll[bc.Company](t, tok, root(srv)+"/companies", 0)
	if len(cs) < 3 {
		t.Fatalf("companies: %d", len(cs))
	}
	c := cs[0]
	want := tn.Invoices(c.ID)
	got, pages := getAll[bc.PurchaseInvoice](t, tok, root(srv)+"/companies("+c.ID+")/purchaseInvoices", 37)
	if len(got) != len(want) || pages < len(want)/37 {
		t.Fatalf("got %d invoices in %d pages, want %d", len(got), pages, len(want))
	}
	seen := map[string]bool{}
	for _, inv := range got {
		if seen[inv.ID] {
			t.Fatalf("duplicate %s", inv.ID)
		}
		seen[inv.ID] = true
	}
	for _, inv := range want {
		if !seen[inv.ID] {
			t.Fatalf("missing %s", inv.ID)
		}
	}
}

func TestExpandTotals(t *testing.T) {
	tn, srv := start(t, Config{Seed: 3})
	tok := appToken(t, srv, ClientID, ClientSecret)
	c := tn.Companies()[1]
	got, _ := getAll[bc.PurchaseInvoice](t, tok, root(srv)+"/companies("+c.ID+")/purchaseInvoices?$expand=purchaseInvoiceLines", 500)
	if len(got) == 0 {
		t.Fatal("no invoices")
	}
	for _, inv := range got {
		var net, incl money.Amount
		for _, l := range inv.Lines {
			net += l.NetAmount
			incl += l.NetAmountIncludingTax
			if inv.Status == bc.StatusPaid && (l.AmountExcludingTax != 0 || l.AmountIncludingTax != 0) {
				t.Fatalf("posted line with amounts: %+v", l)
			}
		}
		if len(inv.Lines) == 0 || net != inv.TotalAmountExcludingTax || incl != inv.TotalAmountIncludingTax {
			t.Fatalf("invoice %s totals %v/%v, lines %v/%v", inv.Number, inv.TotalAmountExcludingTax, inv.TotalAmountIncludingTax, net, incl)
		}
	}
}

func TestSmokeHTTP(t *testing.T) {
	tn, srv := start(t, Config{Seed: 3})
	tok := appToken(t, srv, ClientID, ClientSecret)
	c := tn.Companies()[0]
	resp, b := get(t, tok, root(srv)+"/companies("+c.ID+")/purchaseInvoices?$select=id,number&$filter="+q("status eq 'Paid' and invoiceDate ge 2026-01-01"), 2)
	var m map[string]any
	_ = json.Unmarshal(b, &m)
	if resp.StatusCode != 200 || !strings.Contains(string(b), "nextLink") {
		t.Fatalf("%d %s", resp.StatusCode, b)
	}
	t.Logf("%s", b)
}

// bcsim follows BC, not the client: enum values go out as XML names.
func TestEnumsAreServedEscaped(t *testing.T) {
	tn, srv := start(t, Config{Seed: 3})
	tok := appToken(t, srv, ClientID, ClientSecret)
	c := tn.Companies()[0]
	body := rawGet(t, tok, root(srv)+"/companies("+c.ID+")/purchaseInvoices?$filter=status%20eq%20'In_x0020_Review'&$expand=purchaseInvoiceLines")
	if !strings.Contains(body, `"status":"In_x0020_Review"`) || strings.Contains(body, `"In Review"`) {
		t.Fatalf("invoices in review: %.300s", body)
	}
	all := rawGet(t, tok, root(srv)+"/companies("+c.ID+")/purchaseInvoices?$expand=purchaseInvoiceLines")
	if !strings.Contains(all, `"lineType":"Fixed_x0020_Asset"`) || strings.Contains(all, `"Fixed Asset"`) {
		t.Fatal("no escaped Fixed Asset line")
	}
	vendors := rawGet(t, tok, root(srv)+"/companies("+c.ID+")/vendors")
	if !strings.Contains(vendors, `"blocked":"_x0020_"`) {
		t.Fatal("unblocked vendors must read _x0020_")
	}
}

func rawGet(t *testing.T, tok, u string) string {
	t.Helper()
	resp, b := get(t, tok, u, 0)
	if resp.StatusCode != 200 {
		t.Fatalf("GET %s: %d %s", u, resp.StatusCode, b)
	}
	return string(b)
}
