package bc

import (
	"context"
	"errors"
	"net/http"
	"testing"
	"time"
)

// While a page is being handled (a sync commits it), the next page is
// already requested: a chain keeps its request in flight through the
// commit. The handler of page 1 waits until the server has seen the
// request for page 2; without the prefetch that request would only come
// after the handler returned, and the test fails at its bound.
func TestNextPageIsRequestedWhileAPageIsHandled(t *testing.T) {
	second := make(chan struct{})
	var h *hostile
	h = newHostile(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("page") == "2" {
			close(second)
			writeJSON(w, `{"value":[{"id":"i2","number":"PI-2"}]}`)
			return
		}
		writeJSON(w, `{"value":[{"id":"i1","number":"PI-1"}],"@odata.nextLink":"`+h.target.APIRoot()+`/companies(c1)/purchaseInvoices?page=2"}`)
	})
	var got []string
	err := h.client(t).Invoices(context.Background(), "c1", InvoiceQuery{}, func(p InvoicePage) error {
		if len(got) == 0 {
			select {
			case <-second:
			case <-time.After(30 * time.Second): // a bound on failure, not a synchronisation
				t.Error("page 2 was not requested while page 1 was being handled")
			}
		}
		for _, inv := range p.Invoices {
			got = append(got, inv.Number)
		}
		return nil
	})
	if err != nil || len(got) != 2 || got[0] != "PI-1" || got[1] != "PI-2" {
		t.Fatalf("pages %v, err %v; want PI-1 then PI-2", got, err)
	}
}

// A handler that fails stops the chain with its own error, and the page
// fetched ahead is abandoned, not handed on.
func TestFailingPageHandlerStopsTheChain(t *testing.T) {
	var h *hostile
	h = newHostile(t, func(w http.ResponseWriter, r *http.Request) {
		n := r.URL.Query().Get("page")
		next := map[string]string{"": "2", "2": "3", "3": ""}[n]
		body := `{"value":[{"id":"i` + n + `"}]`
		if next != "" {
			body += `,"@odata.nextLink":"` + h.target.APIRoot() + `/companies(c1)/purchaseInvoices?page=` + next + `"`
		}
		writeJSON(w, body+"}")
	})
	boom := errors.New("disk full")
	calls := 0
	err := h.client(t).Invoices(context.Background(), "c1", InvoiceQuery{}, func(p InvoicePage) error {
		calls++
		if calls == 2 {
			return boom
		}
		return nil
	})
	if !errors.Is(err, boom) || calls != 2 {
		t.Fatalf("err %v after %d pages; want the handler's error after 2", err, calls)
	}
}
