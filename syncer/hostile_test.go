package syncer_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/bcspend/bcspend/bc"
	"github.com/bcspend/bcspend/bc/bcsim"
	"github.com/bcspend/bcspend/failure"
	"github.com/bcspend/bcspend/syncer"
)

// A hostile or broken server in front of the tenant: spoil answers the
// requests it wants to (returning true), the tenant answers the rest.
func (e *env) behind(spoil func(w http.ResponseWriter, r *http.Request) bool) {
	e.t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !spoil(w, r) {
			e.tenant.ServeHTTP(w, r)
		}
	}))
	e.t.Cleanup(srv.Close)
	e.url = srv.URL
	e.client = e.newClient(bc.ClientOptions{})
}

// badPages are 200 answers that are not an OData page: each would read as
// an empty last page if "value" were optional.
var badPages = map[string]string{
	"no value":      `{"@odata.context":"https://api.businesscentral.dynamics.com/v2.0/$metadata#purchaseInvoices"}`,
	"value null":    `{"value":null}`,
	"value object":  `{"value":{}}`,
	"array":         `[]`,
	"json null":     `null`,
	"html":          `<html><body>Sign in to continue</body></html>`,
	"corrupt value": `{"value":[{"id":"x","totalAmountIncludingTax":"lots"}]}`,
}

func answer(w http.ResponseWriter, body string) bool {
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write([]byte(body))
	return true
}

// invoicePage reports whether r asks for a purchaseInvoices page after the
// first one.
func laterInvoicePage(r *http.Request) bool {
	return strings.HasSuffix(r.URL.Path, "/purchaseInvoices") && strings.Contains(r.URL.RawQuery, "skiptoken")
}

// A backfill that meets a page without "value" fails that company instead of
// ending early; the next run (here incremental, on a healthy server) fetches
// every invoice the bad page would have hidden.
func TestPageWithoutValueFailsBackfillAndNothingIsLost(t *testing.T) {
	for name, body := range badPages {
		t.Run(name, func(t *testing.T) {
			e := newEnv(t, bcsimConfig())
			var spoiled atomic.Int64
			e.behind(func(w http.ResponseWriter, r *http.Request) bool {
				if laterInvoicePage(r) {
					spoiled.Add(1)
					return answer(w, body)
				}
				return false
			})
			sum, err := e.sync(context.Background(), syncer.Options{})
			if err == nil || spoiled.Load() == 0 {
				t.Fatalf("sync with a bad page: err %v, outcome %s, %d spoiled pages", err, sum.Outcome, spoiled.Load())
			}
			if e, ok := failure.AsError(err); !ok || (e.Kind != failure.KindProtocol && e.Kind != failure.KindData) || strings.Contains(err.Error(), "reach") {
				t.Errorf("error %v: want a bad response, not a network failure", err)
			}
			e.url = e.srv.URL()
			e.client = e.newClient(bc.ClientOptions{})
			e.mustSync(syncer.Options{})
			e.checkAllCompanies("after the bad page")
		})
	}
}

// A --full reconcile that meets a bad page removes nothing.
func TestPageWithoutValueFailsFullReconcileWithoutRemoving(t *testing.T) {
	e := newEnv(t, bcsimConfig())
	e.mustSync(syncer.Options{})
	e.behind(func(w http.ResponseWriter, r *http.Request) bool {
		return laterInvoicePage(r) && answer(w, badPages["no value"])
	})
	sum, err := e.sync(context.Background(), syncer.Options{Full: true})
	if err == nil || sum.Removed != 0 {
		t.Fatalf("full sync with a bad page: err %v, %d removed", err, sum.Removed)
	}
	e.checkAllCompanies("after the failed reconcile")
}

// A users list without "value" keeps every user as it was.
func TestUsersPageWithoutValueRemovesNobody(t *testing.T) {
	e := newEnv(t, bcsimConfig())
	e.mustSync(syncer.Options{})
	before, err := e.db.Users()
	if err != nil || len(before) == 0 {
		t.Fatalf("users before: %d, %v", len(before), err)
	}
	e.behind(func(w http.ResponseWriter, r *http.Request) bool {
		return strings.HasSuffix(r.URL.Path, "/users") && answer(w, `{"@odata.context":"users"}`)
	})
	sum, _ := e.sync(context.Background(), syncer.Options{})
	if len(sum.Warnings) == 0 || !strings.Contains(sum.Warnings[0].Message, "value") {
		t.Errorf("warnings %+v: want the bad users page named", sum.Warnings)
	}
	after, err := e.db.Users()
	if err != nil {
		t.Fatal(err)
	}
	for i, u := range after {
		if u.Removed != before[i].Removed || u.Active != before[i].Active {
			t.Fatalf("user %s changed: removed %v -> %v", u.UserSecurityID, before[i].Removed, u.Removed)
		}
	}
}

// FuzzHostilePage answers every later invoice page of a --full reconcile
// with arbitrary bytes: the run never panics, and when it fails (the page
// was not a page) every committed invoice is still counted, none removed.
// A body that is a valid page may legitimately end the list (and remove
// what it left out); a healthy full sync then restores the store.
func FuzzHostilePage(f *testing.F) {
	for _, b := range badPages {
		f.Add([]byte(b))
	}
	f.Add([]byte(`{"value":[]}`))
	f.Add([]byte(`{"value":[],"@odata.nextLink":"http://127.0.0.1:1/elsewhere"}`))
	e := newEnv(f, bcsimConfig(func(c *bcsim.Config) { c.InvoicesPerMonth = 4 }))
	e.mustSync(syncer.Options{})
	healthy := e.url
	var body atomic.Value
	e.behind(func(w http.ResponseWriter, r *http.Request) bool {
		return laterInvoicePage(r) && answer(w, body.Load().(string))
	})
	hostile := e.url
	f.Fuzz(func(t *testing.T, b []byte) {
		e.t = t
		body.Store(string(b))
		e.url, e.client = hostile, e.newClient(bc.ClientOptions{})
		_, err := e.sync(context.Background(), syncer.Options{Full: true})
		if err == nil {
			e.url, e.client = healthy, e.newClient(bc.ClientOptions{})
			e.mustSync(syncer.Options{Full: true})
		}
		e.checkAllCompanies("after a hostile page")
	})
}
