package bcsim

import (
	"strings"
	"testing"
	"time"

	"github.com/bcspend/bcspend/bc"
)

func TestFilters(t *testing.T) {
	tn, srv := start(t, Config{Seed: 5})
	tok := appToken(t, srv, ClientID, ClientSecret)
	c := tn.Companies()[0]
	all := tn.Invoices(c.ID)
	base := root(srv) + "/companies(" + c.ID + ")/purchaseInvoices?$filter="
	count := func(pred func(bc.PurchaseInvoice) bool) int {
		n := 0
		for _, inv := range all {
			if pred(inv) {
				n++
			}
		}
		return n
	}
	from := bc.NewDate(2026, 3, 1)
	water := all[len(all)/2].LastModifiedDateTime
	cases := []struct {
		filter string
		pred   func(bc.PurchaseInvoice) bool
	}{
		{"status eq 'Paid'", func(i bc.PurchaseInvoice) bool { return i.Status == bc.StatusPaid }},
		{"status ne 'Paid'", func(i bc.PurchaseInvoice) bool { return i.Status != bc.StatusPaid }},
		{"status eq 'In_x0020_Review'", func(i bc.PurchaseInvoice) bool { return bc.DecodeEnum(i.Status) == bc.StatusInReview }},
		{"invoiceDate ge 2026-03-01", func(i bc.PurchaseInvoice) bool { return !i.InvoiceDate.Before(from.Time) }},
		{"invoiceDate lt 2026-03-01 and status eq 'Paid'", func(i bc.PurchaseInvoice) bool {
			return i.InvoiceDate.Before(from.Time) && i.Status == bc.StatusPaid
		}},
		{"postingDate le 2026-03-01", func(i bc.PurchaseInvoice) bool { return !i.PostingDate.After(from.Time) }},
		{"lastModifiedDateTime gt " + water.Format(time.RFC3339Nano), func(i bc.PurchaseInvoice) bool { return i.LastModifiedDateTime.After(water) }},
		{"(status eq 'Open' or status eq 'Draft') and invoiceDate gt 2026-03-01", func(i bc.PurchaseInvoice) bool {
			return (i.Status == bc.StatusOpen || i.Status == bc.StatusDraft) && i.InvoiceDate.After(from.Time)
		}},
		{"number eq '" + all[3].Number + "'", func(i bc.PurchaseInvoice) bool { return i.Number == all[3].Number }},
		{"vendorNumber eq '" + all[3].VendorNumber + "'", func(i bc.PurchaseInvoice) bool { return i.VendorNumber == all[3].VendorNumber }},
		{"id eq " + all[5].ID, func(i bc.PurchaseInvoice) bool { return i.ID == all[5].ID }},
	}
	for _, tc := range cases {
		got, _ := getAll[bc.PurchaseInvoice](t, tok, base+q(tc.filter), 50)
		want := count(tc.pred)
		if len(got) != want || want == 0 {
			t.Errorf("%s: got %d, want %d", tc.filter, len(got), want)
		}
		for _, inv := range got {
			if !tc.pred(inv) {
				t.Errorf("%s: %s does not match", tc.filter, inv.Number)
			}
		}
	}
	for _, bad := range []string{"status eq 'Paid' or invoiceDate ge 2026-01-01", "nosuchfield eq 'x'", "status eq", "invoiceDate ge 'yesterday'", "contains(vendorName,'x')"} {
		resp, b := get(t, tok, base+q(bad), 0)
		if resp.StatusCode != 400 || !strings.Contains(string(b), `"error"`) {
			t.Errorf("%s: %d %s", bad, resp.StatusCode, b)
		}
	}
}

func TestSelectExpandAndLines(t *testing.T) {
	tn, srv := start(t, Config{Seed: 5})
	tok := appToken(t, srv, ClientID, ClientSecret)
	c := tn.Companies()[2]
	inv := tn.Invoices(c.ID)[0]
	croot := root(srv) + "/companies(" + c.ID + ")"

	resp, b := get(t, tok, croot+"/purchaseInvoices("+inv.ID+")?$select=id,number&$expand=purchaseInvoiceLines($select=description,netAmount)", 0)
	s := string(b)
	if resp.StatusCode != 200 || !strings.Contains(s, `"@odata.context"`) || !strings.Contains(s, `"@odata.etag"`) ||
		strings.Contains(s, "vendorName") || !strings.Contains(s, `"netAmount"`) || strings.Contains(s, `"unitCost"`) {
		t.Fatalf("select/expand: %d %s", resp.StatusCode, s)
	}
	if resp, b := get(t, tok, croot+"/purchaseInvoices?$select=id,bogus", 0); resp.StatusCode != 400 {
		t.Fatalf("unknown $select: %d %s", resp.StatusCode, b)
	}
	if resp, _ := get(t, tok, croot+"/purchaseInvoices("+"00000000-0000-4000-8000-000000000000)", 0); resp.StatusCode != 404 {
		t.Fatalf("unknown invoice: %d", resp.StatusCode)
	}
	if resp, b := get(t, tok, root(srv)+"/companies(00000000-0000-4000-8000-000000000000)/purchaseInvoices", 0); resp.StatusCode != 404 || !strings.Contains(string(b), "Internal_CompanyNotFound") {
		t.Fatalf("unknown company: %d %s", resp.StatusCode, b)
	}

	lines, _ := getAll[bc.PurchaseInvoiceLine](t, tok, croot+"/purchaseInvoices("+inv.ID+")/purchaseInvoiceLines", 2)
	if len(lines) != len(inv.Lines) {
		t.Fatalf("lines: %d want %d", len(lines), len(inv.Lines))
	}
	for i := range lines {
		if lines[i].ID != inv.Lines[i].ID || lines[i].Sequence != (i+1)*10000 {
			t.Fatalf("line %d: %+v", i, lines[i])
		}
	}
	if resp, b := get(t, tok, croot+"/purchaseInvoiceLines", 0); resp.StatusCode != 400 {
		t.Fatalf("top-level lines without filter: %d %s", resp.StatusCode, b)
	}
	top, _ := getAll[bc.PurchaseInvoiceLine](t, tok, croot+"/purchaseInvoiceLines?$filter="+q("documentId eq "+inv.ID), 0)
	if len(top) != len(inv.Lines) {
		t.Fatalf("top-level lines: %d", len(top))
	}
}

func TestPagingLimits(t *testing.T) {
	tn, srv := start(t, Config{Seed: 9})
	tok := appToken(t, srv, ClientID, ClientSecret)
	c := tn.Companies()[0]
	u := root(srv) + "/companies(" + c.ID + ")/purchaseInvoices"
	resp, b := get(t, tok, u, 50000)
	if resp.Header.Get("Preference-Applied") != "odata.maxpagesize=20000" || strings.Contains(string(b), "nextLink") {
		t.Fatalf("cap: %v", resp.Header)
	}
	// The nextLink is absolute, carries the options, $skiptoken and aid=FIN.
	_, b = get(t, tok, u+"?$filter="+q("status eq 'Paid'")+"&$select=id", 10)
	s := string(b)
	if !strings.Contains(s, `"@odata.nextLink":"http://127.0.0.1:`) || !strings.Contains(s, "$skiptoken=") || !strings.Contains(s, "aid=FIN") || !strings.Contains(s, "$filter=status%20eq%20'Paid'") {
		t.Fatalf("nextLink: %s", s)
	}
	// Vendors, rates and users page the same way.
	vs, pages := getAll[bc.Vendor](t, tok, root(srv)+"/companies("+c.ID+")/vendors", 7)
	if len(vs) != len(tn.Vendors(c.ID)) || pages < 20 {
		t.Fatalf("vendors %d in %d pages", len(vs), pages)
	}
	rs, _ := getAll[bc.CurrencyExchangeRate](t, tok, root(srv)+"/companies("+c.ID+")/currencyExchangeRates", 11)
	if len(rs) != len(tn.Rates(c.ID)) {
		t.Fatalf("rates %d", len(rs))
	}
	us, _ := getAll[bc.User](t, tok, srv.APIURL()+"/v2.0/"+TenantDomain+"/production/api/microsoft/automation/v2.0/companies("+c.ID+")/users", 13)
	if len(us) != len(tn.Users()) {
		t.Fatalf("users %d", len(us))
	}
}

func TestPre25Users(t *testing.T) {
	tn, srv := start(t, Config{Seed: 2, Pre25: true})
	tok := appToken(t, srv, ClientID, ClientSecret)
	u := srv.APIURL() + "/v2.0/" + TenantID + "/" + Environment + "/api/microsoft/automation/v2.0/companies(" + tn.Companies()[0].ID + ")/users"
	resp, b := get(t, tok, u+"?$select=userSecurityId,contactEmail", 0)
	if resp.StatusCode != 400 {
		t.Fatalf("pre-25 contactEmail select: %d %s", resp.StatusCode, b)
	}
	resp, b = get(t, tok, u, 0)
	if resp.StatusCode != 200 || strings.Contains(string(b), "contactEmail") {
		t.Fatalf("pre-25 users: %d", resp.StatusCode)
	}
}

func TestMutationsAndWatermark(t *testing.T) {
	tn, srv := start(t, Config{Seed: 4})
	c := tn.Companies()[0]
	invs := tn.Invoices(c.ID)
	water := tn.Now()
	tn.Advance(time.Hour)
	tok := appToken(t, srv, ClientID, ClientSecret) // one issued before the hour would have expired
	var paid bc.PurchaseInvoice
	for _, inv := range invs {
		if inv.Status == bc.StatusPaid {
			paid = inv
			break
		}
	}
	if err := tn.SetStatus(c.ID, paid.ID, bc.StatusCanceled); err != nil {
		t.Fatal(err)
	}
	id, err := tn.AddInvoice(c.ID, bc.PurchaseInvoice{VendorName: "Slack Technologies LLC", Status: bc.StatusOpen,
		Lines: []bc.PurchaseInvoiceLine{{Description: "Slack Pro", NetAmount: 87500000, NetTaxAmount: 0}}})
	if err != nil {
		t.Fatal(err)
	}
	gone := invs[len(invs)-1].ID
	if gone == paid.ID {
		gone = invs[len(invs)-2].ID
	}
	if err := tn.DeleteInvoice(c.ID, gone); err != nil {
		t.Fatal(err)
	}
	got, _ := getAll[bc.PurchaseInvoice](t, tok, root(srv)+"/companies("+c.ID+")/purchaseInvoices?$filter="+q("lastModifiedDateTime gt "+water.Format(time.RFC3339Nano)), 0)
	if len(got) != 2 {
		t.Fatalf("changed since watermark: %d", len(got))
	}
	for _, inv := range got {
		if !inv.LastModifiedDateTime.Equal(water.Add(time.Hour)) {
			t.Errorf("%s modified at %v", inv.ID, inv.LastModifiedDateTime)
		}
		if inv.ID == paid.ID && inv.Status != bc.StatusCanceled {
			t.Errorf("status %s", inv.Status)
		}
		if inv.ID == id && inv.TotalAmountIncludingTax != 87500000 {
			t.Errorf("added invoice total %v", inv.TotalAmountIncludingTax)
		}
	}
	if n := len(tn.Invoices(c.ID)); n != len(invs) {
		t.Fatalf("count after add+delete: %d want %d", n, len(invs))
	}
	if err := tn.DeleteInvoice(c.ID, gone); err == nil {
		t.Fatal("double delete")
	}
	users := tn.Users()
	if err := tn.SetUserState(users[0].UserSecurityID, bc.UserDisabled); err != nil || tn.Users()[0].State != bc.UserDisabled {
		t.Fatal("SetUserState", err)
	}
	if err := tn.RemoveUser(users[1].UserSecurityID); err != nil || len(tn.Users()) != len(users)-1 {
		t.Fatal("RemoveUser", err)
	}
	if _, err := tn.AddUser(bc.User{UserName: "NEW", DisplayName: "New User"}); err != nil || len(tn.Users()) != len(users) {
		t.Fatal("AddUser", err)
	}
}

func TestSelectKeepsHostileValues(t *testing.T) {
	tn, srv := start(t, Config{Seed: 8})
	tok := appToken(t, srv, ClientID, ClientSecret)
	c := tn.Companies()[1]
	got, _ := getAll[bc.Vendor](t, tok, root(srv)+"/companies("+c.ID+")/vendors?$select=id,displayName,blocked", 1000)
	want := tn.Vendors(c.ID)
	if len(got) != len(want) {
		t.Fatalf("%d vendors", len(got))
	}
	for i := range want {
		if got[i].ID != want[i].ID || got[i].DisplayName != want[i].DisplayName || got[i].Blocked != bc.EncodeEnum(want[i].Blocked) || got[i].Email != "" {
			t.Fatalf("vendor %d: %+v want %+v", i, got[i], want[i])
		}
	}
}

func TestSplitObject(t *testing.T) {
	b := []byte(`{"a":"x\"},{[","b":{"c":[1,{"d":"]"}]},"e":-1.5,"f":[],"g":"\\"}`)
	p := splitObject(b)
	want := map[string]string{"a": `"x\"},{["`, "b": `{"c":[1,{"d":"]"}]}`, "e": "-1.5", "f": "[]", "g": `"\\"`}
	if len(p) != len(want) {
		t.Fatalf("%d props", len(p))
	}
	for k, v := range want {
		if string(p.get(k)) != v {
			t.Errorf("%s: %s want %s", k, p.get(k), v)
		}
	}
}

// Top-level lines of both documents: BC refuses them without a document or
// line id, serves one document's lines in sequence order, one line by its
// id, and names the document's line table when the id is unknown.
func TestTopLevelLinesOfBothDocuments(t *testing.T) {
	tn, srv := start(t, Config{Seed: 5})
	tok := appToken(t, srv, ClientID, ClientSecret)
	for _, c := range tn.Companies() {
		cms := tn.CreditMemos(c.ID)
		if len(cms) == 0 {
			continue
		}
		croot := root(srv) + "/companies(" + c.ID + ")"
		inv := tn.Invoices(c.ID)[1]
		for _, d := range []struct {
			set, caption, docID string
			want                []bc.PurchaseInvoiceLine
		}{
			{"purchaseInvoiceLines", "Purch. Inv. Line", inv.ID, inv.Lines},
			{"purchaseCreditMemoLines", "Purch. Cr. Memo Line", cms[0].ID, cms[0].Lines},
		} {
			if resp, b := get(t, tok, croot+"/"+d.set, 0); resp.StatusCode != 400 || !strings.Contains(string(b), "Document Id") {
				t.Errorf("%s without a filter: %d %s", d.set, resp.StatusCode, b)
			}
			got, _ := getAll[bc.PurchaseInvoiceLine](t, tok, croot+"/"+d.set+"?$filter="+q("documentId eq "+d.docID), 0)
			if len(got) != len(d.want) || len(got) == 0 {
				t.Fatalf("%s of %s: %d lines, want %d", d.set, d.docID, len(got), len(d.want))
			}
			for i := range got {
				if got[i].ID != d.want[i].ID || got[i].DocumentID != d.docID {
					t.Errorf("%s line %d: %s of %s, want %s", d.set, i, got[i].ID, got[i].DocumentID, d.want[i].ID)
				}
			}
			last := d.want[len(d.want)-1]
			resp, b := get(t, tok, croot+"/"+d.set+"("+last.ID+")", 0)
			if resp.StatusCode != 200 || !strings.Contains(string(b), `"id":"`+last.ID+`"`) {
				t.Errorf("%s(%s): %d %s", d.set, last.ID, resp.StatusCode, b)
			}
			resp, b = get(t, tok, croot+"/"+d.set+"(00000000-0000-4000-8000-000000000000)", 0)
			if resp.StatusCode != 404 || !strings.Contains(string(b), "The "+d.caption+" does not exist") {
				t.Errorf("%s of an unknown id: %d %s", d.set, resp.StatusCode, b)
			}
		}
		return
	}
	t.Fatal("seed 5 has no company with credit memos")
}
