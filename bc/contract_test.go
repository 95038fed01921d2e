package bc_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bcspend/bcspend/bc"
	"github.com/bcspend/bcspend/failure"
	"github.com/bcspend/bcspend/money"
	"github.com/bcspend/bcspend/store"
)

// The contract outside our own code: bc/testdata/bc holds responses
// written from Microsoft's documented examples (see its README). A server
// on loopback answers each request with the file for its entity set, as BC
// would, and records the queries the client sent.
type docServer struct {
	srv    *httptest.Server
	target bc.Target
	mu     sync.Mutex
	query  map[string]url.Values // entity set -> the first request's query
}

var docFiles = map[string]string{
	"purchaseInvoices": "purchaseInvoices.json", "vendors": "vendors.json",
	"currencyExchangeRates": "currencyExchangeRates.json", "companyInformation": "companyInformation.json",
	"generalLedgerSetup": "generalLedgerSetup.json", "users": "users.json",
}

func newDocServer(t *testing.T, override map[string]string) *docServer {
	t.Helper()
	d := &docServer{query: map[string]url.Values{}}
	d.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/oauth2/v2.0/token") {
			w.Header().Set("Content-Type", "application/json")
			_, _ = w.Write([]byte(`{"access_token":"doc-token","token_type":"Bearer","expires_in":3600}`))
			return
		}
		set := r.URL.Path[strings.LastIndexByte(r.URL.Path, '/')+1:]
		set, _, _ = strings.Cut(set, "(")
		d.mu.Lock()
		if _, seen := d.query[set]; !seen {
			d.query[set] = r.URL.Query()
		}
		d.mu.Unlock()
		name, status := docFiles[set], http.StatusOK
		if o, ok := override[set]; ok {
			name, status = o, http.StatusNotFound
		}
		if r.URL.Query().Get("$skiptoken") != "" {
			w.Header().Set("Content-Type", "application/json")
			_, _ = w.Write([]byte(`{"value":[]}`))
			return
		}
		body, err := os.ReadFile(filepath.Join("testdata", "bc", name))
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		// The documented links point at BC itself; here BC is this server.
		body = []byte(strings.ReplaceAll(string(body), "https://api.businesscentral.dynamics.com", d.srv.URL))
		if strings.HasSuffix(name, ".xml") {
			w.Header().Set("Content-Type", "application/xml")
		} else {
			w.Header().Set("Content-Type", "application/json")
		}
		w.WriteHeader(status)
		_, _ = w.Write(body)
	}))
	t.Cleanup(d.srv.Close)
	d.target = bc.Target{AuthorityURL: d.srv.URL + "/entra", APIURL: d.srv.URL,
		Tenant: "5b2f3b37-2b52-460e-8863-3561295b1e08", Environment: "Production"}
	return d
}

func (d *docServer) client(t *testing.T) *bc.Client {
	t.Helper()
	ts, err := bc.Credentials{Target: d.target, ClientID: "11111111-2222-3333-4444-555555555555", ClientSecret: "doc-secret",
		Flow: bc.FlowClientCredentials}.NewTokenSource()
	if err != nil {
		t.Fatal(err)
	}
	return bc.NewClient(d.target, ts, bc.ClientOptions{MaxRetries: 1, Sleep: func(context.Context, time.Duration) error { return nil }})
}

const docCompany = "4d0e744d-44e3-ea11-bb43-000d3a2feca1"

func TestDocumentedResponsesDecode(t *testing.T) {
	d := newDocServer(t, nil)
	c := d.client(t)
	ctx := t.Context()

	var invs []bc.PurchaseInvoice
	if err := c.Invoices(ctx, docCompany, bc.InvoiceQuery{}, func(p bc.InvoicePage) error {
		invs = append(invs, p.Invoices...)
		return nil
	}); err != nil {
		t.Fatal("purchaseInvoices:", err)
	}
	if len(invs) != 1 || len(invs[0].Lines) != 2 {
		t.Fatalf("purchaseInvoices: %d invoices", len(invs))
	}
	inv, l1, l2 := invs[0], invs[0].Lines[0], invs[0].Lines[1]
	if inv.Number != "108001" || inv.Status != bc.StatusPaid || inv.TotalAmountIncludingTax != money.MustParse("3310.17") ||
		inv.InvoiceDate.String() != "2019-01-01" || inv.VendorName != "First Up Consultants" {
		t.Errorf("invoice %+v", inv)
	}
	if l1.LineType != bc.LineItem || l1.UnitCost.String() != "780.7" || l1.Quantity.String() != "4" || l1.NetAmount != money.MustParse("3122.8") {
		t.Errorf("line 1 %+v", l1)
	}
	if l2.LineType != bc.LineFixedAsset || l2.Quantity.String() != "0.33333" || l2.UnitCost.String() != "0.41667" {
		t.Errorf("line 2 %+v", l2)
	}

	vs, err := c.Vendors(ctx, docCompany)
	if err != nil || len(vs) != 2 || vs[0].Blocked != " " || vs[1].Blocked != " " || vs[0].DisplayName != "Fabrikam, Inc." {
		t.Errorf("vendors %+v, %v", vs, err)
	}

	rates, err := c.ExchangeRates(ctx, docCompany)
	if err != nil || len(rates) != 3 {
		t.Fatalf("rates %+v, %v", rates, err)
	}
	if rates[0].RelationalExchangeRateAmount.String() != "0.9952" || rates[0].ExchangeRateAmount.String() != "1" {
		t.Errorf("documented rate %+v", rates[0])
	}
	for _, r := range rates[1:] {
		if r.RelationalExchangeRateAmount.String() != "108.401234" || r.ExchangeRateAmount.String() != "100" {
			t.Errorf("6-place rate %s / %s", r.ExchangeRateAmount, r.RelationalExchangeRateAmount)
		}
	}

	ci, err := c.CompanyInfo(ctx, docCompany)
	if err != nil || ci.Information.CurrencyCode != "USD" || ci.GLSetup == nil || ci.LocalCurrency() != "USD" ||
		ci.GLSetup.ShortcutDimension1Code != "DEPARTMENT" || ci.GLSetup.ShortcutDimension2Code != "PROJECT" {
		t.Errorf("company info %+v (GL %+v), %v", ci, ci.GLSetup, err)
	}

	users, err := c.Users(ctx, docCompany)
	if err != nil || len(users.Users) != 2 || users.LegacyNoEmail {
		t.Fatalf("users %+v, %v", users, err)
	}
	if u := users.Users[0]; u.UserName != "JOE" || u.State != bc.UserEnabled || u.ContactEmail == nil || *u.ContactEmail != "joejones@contoso.com" ||
		!u.ExpiryDate.Equal(time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("user %+v", u)
	}
}

// The two error shapes: BC's JSON (a missing entity set, which the sync
// treats as "no exchange rates") and the routing layer's XML.
func TestDocumentedErrorsDecode(t *testing.T) {
	d := newDocServer(t, map[string]string{"currencyExchangeRates": "error.json", "companies": "error.xml"})
	c := d.client(t)
	_, err := c.ExchangeRates(t.Context(), docCompany)
	if e, ok := failure.AsError(err); !ok || !bc.MissingEntity(err) || e.Code != "BadRequest_ResourceNotFound" ||
		e.CorrelationID != "5d4f6a2c-8b1e-4c3d-9f0a-7e6b5c4d3a21" {
		t.Errorf("json error %v (%+v)", err, e)
	}
	_, err = c.Companies(t.Context())
	if e, ok := failure.AsError(err); !ok || e.Kind != failure.KindNotFound || e.Code != "NoEnvironment" || failure.ExitCode(err) != 3 {
		t.Errorf("xml error %v (%+v)", err, e)
	}
}

// Every BC field the store keeps must be asked for: a field missing from
// $select arrives empty and is stored empty, silently. The store's types
// and the wire types share field names, so the check walks them.
func TestSelectCoversEveryStoredField(t *testing.T) {
	d := newDocServer(t, nil)
	c := d.client(t)
	ctx := t.Context()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(c.Invoices(ctx, docCompany, bc.InvoiceQuery{}, func(bc.InvoicePage) error { return nil }))
	_, err := c.Vendors(ctx, docCompany)
	must(err)
	_, err = c.CompanyInfo(ctx, docCompany)
	must(err)

	inv := d.query["purchaseInvoices"]
	lineSel := nestedSelect(t, inv.Get("$expand"), "purchaseInvoiceLines")
	checkSelected(t, "purchaseInvoices", inv.Get("$select"), reflect.TypeFor[store.Invoice](), reflect.TypeFor[bc.PurchaseInvoice](), "Lines")
	checkSelected(t, "purchaseInvoiceLines", lineSel, reflect.TypeFor[store.Line](), reflect.TypeFor[bc.PurchaseInvoiceLine]())
	// Vendors are stored as the wire type itself: every field counts.
	checkSelected(t, "vendors", d.query["vendors"].Get("$select"), reflect.TypeFor[bc.Vendor](), reflect.TypeFor[bc.Vendor]())
	checkSelected(t, "companyInformation", d.query["companyInformation"].Get("$select"),
		reflect.TypeFor[bc.CompanyInformation](), reflect.TypeFor[bc.CompanyInformation]())
	checkSelected(t, "generalLedgerSetup", d.query["generalLedgerSetup"].Get("$select"),
		reflect.TypeFor[bc.GeneralLedgerSetup](), reflect.TypeFor[bc.GeneralLedgerSetup]())
}

// checkSelected fails for every field of stored that the wire type has
// (same Go name) whose JSON name is not in sel.
func checkSelected(t *testing.T, set, sel string, stored, wire reflect.Type, skip ...string) {
	t.Helper()
	if sel == "" {
		t.Fatalf("%s: no $select sent", set)
	}
	have := map[string]bool{}
	for _, f := range strings.Split(sel, ",") {
		have[strings.TrimSpace(f)] = true
	}
	for i := 0; i < stored.NumField(); i++ {
		name := stored.Field(i).Name
		wf, ok := wire.FieldByName(name)
		if !ok || contains(skip, name) {
			continue
		}
		js, _, _ := strings.Cut(wf.Tag.Get("json"), ",")
		if !have[js] {
			t.Errorf("%s: the store keeps %s but $select (%s) does not ask for %q", set, name, sel, js)
		}
	}
}

func nestedSelect(t *testing.T, expand, nav string) string {
	t.Helper()
	rest, ok := strings.CutPrefix(expand, nav+"($select=")
	if !ok {
		t.Fatalf("$expand %q does not select %s's fields", expand, nav)
	}
	return strings.TrimSuffix(rest, ")")
}

func contains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}
