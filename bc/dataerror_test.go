package bc

import (
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/bcspend/bcspend/failure"
)

// A value BC sends that bcspend cannot hold exactly is a data error that
// names the entity, its number and id, the line and the field; it is asked
// for once, never retried, and exits 1, not 3.
func TestUnreadableValueIsADataErrorNamingTheField(t *testing.T) {
	h := newHostile(t, func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, `{"value":[
			{"id":"aaaaaaaa-0000-4000-8000-000000000001","number":"108001","status":"Paid","purchaseInvoiceLines":[]},
			{"id":"aaaaaaaa-0000-4000-8000-000000000002","number":"108002","status":"Paid","purchaseInvoiceLines":[
				{"id":"bbbbbbbb-0000-4000-8000-000000000001","sequence":10000,"quantity":1.08401234E2,"unitCost":0.33333,"netAmount":12.5},
				{"id":"bbbbbbbb-0000-4000-8000-000000000002","sequence":20000,"quantity":1,"netAmount":1.00001}]}]}`)
	})
	c := h.client(t)
	before := h.requests.Load()
	err := c.Invoices(t.Context(), "c1", InvoiceQuery{}, func(InvoicePage) error { return nil })
	e, ok := failure.AsError(err)
	if !ok || e.Kind != failure.KindData || failure.ExitCode(err) != 1 {
		t.Fatalf("error %v (kind %v, exit %d)", err, e, failure.ExitCode(err))
	}
	for _, want := range []string{"purchaseInvoice 108002", "aaaaaaaa-0000-4000-8000-000000000002", "line 20000",
		"bbbbbbbb-0000-4000-8000-000000000002", "field netAmount", "1.00001", "more than 4 decimal places"} {
		if !strings.Contains(e.Message, want) {
			t.Errorf("message %q lacks %q", e.Message, want)
		}
	}
	if e.Fix == "" || strings.Contains(strings.ToLower(e.Message+e.Fix), "network") {
		t.Errorf("remedy %q", e.Fix)
	}
	// One token request and one page request: nothing retried.
	if n := h.requests.Load() - before; n != 2 {
		t.Errorf("%d requests; a data error must not be retried", n)
	}
	var de *DataError
	if !errorsAs(err, &de) || de.Field != "netAmount" || de.Number != "108002" || de.Line != "20000" {
		t.Errorf("DataError %+v", de)
	}
}

// A rate whose value is not a number at all names the rate and the field.
func TestDataErrorOnARate(t *testing.T) {
	h := newHostile(t, func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, `{"value":[{"id":"cccccccc-0000-4000-8000-000000000001","currencyCode":"EUR","relationalExchangeRateAmount":"abc"}]}`)
	})
	_, err := h.client(t).ExchangeRates(t.Context(), "c1")
	e, ok := failure.AsError(err)
	if !ok || e.Kind != failure.KindData || !strings.Contains(e.Message, "currencyExchangeRate (id cccccccc-0000-4000-8000-000000000001), field relationalExchangeRateAmount") {
		t.Fatalf("error %v", err)
	}
}

func errorsAs(err error, target any) bool { return errors.As(err, target) }
