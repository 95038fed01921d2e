package bc

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/bcspend/bcspend/failure"
)

// FuzzDecodePage: no body panics the decoder, and a body it accepts is a
// JSON object whose "value" is an array with as many records as it
// returned, so a page can never be mistaken for an empty last page.
func FuzzDecodePage(f *testing.F) {
	for _, s := range []string{
		`{"value":[]}`,
		`{"value":[{"id":"a","number":"PI-1","totalAmountIncludingTax":12.5,"purchaseInvoiceLines":[{"sequence":10000}]}],"@odata.nextLink":"https://x/y?$skiptoken=1"}`,
		`{"@odata.context":"x"}`, `{"value":null}`, `{"value":{}}`, `[]`, `null`, `<html></html>`,
		`{"value":[{}]} trailing`, `{"value":[{"totalAmountIncludingTax":"x"}]}`, `{"value":[],"@odata.nextLink":7}`,
		`{"value":[{"id":"\"{{{"}]}`, "\xef\xbb\xbf{\"value\":[]}",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		p, err := decodePage[PurchaseInvoice](body)
		if err != nil {
			// A malformed page is a bad response; a value of the wrong
			// form in a well-formed page is a data error naming it.
			if e, ok := failure.AsError(err); !ok || (e.Kind != failure.KindProtocol && e.Kind != failure.KindData) || e.Fix == "" {
				t.Fatalf("error %v is not a bad response with a remedy", err)
			}
			return
		}
		var top map[string]json.RawMessage
		if json.Unmarshal(body, &top) != nil {
			t.Fatalf("accepted a body that is not a JSON object: %q", body)
		}
		var values []json.RawMessage
		if v, ok := top["value"]; !ok || !bytes.HasPrefix(bytes.TrimSpace(v), []byte("[")) || json.Unmarshal(v, &values) != nil {
			t.Fatalf("accepted a body without a value array: %q", body)
		}
		if len(values) != len(p.Value) {
			t.Fatalf("%d records in the body, %d decoded", len(values), len(p.Value))
		}
	})
}

// FuzzDecodePageFastPath: whatever the fast path accepts, the strict path
// (the one that words every error) accepts too, with the same records and
// link, so the fast path can never let through what the strict one refuses.
func FuzzDecodePageFastPath(f *testing.F) {
	for _, s := range []string{
		`{"value":[]}`, `{"value":[],"value":[{"id":"b"}]}`, `{"Value":[]}`, `{"value":null}`,
		`{"@odata.context":"x","value":[{"id":"a","purchaseInvoiceLines":[{"sequence":10000,"lineType":"Fixed_x0020_Asset"}]}],"@odata.nextLink":null}`,
		`{"value":[{"id":"a"}],"@odata.nextLink":"https://x/y?$skiptoken=1"}`, `{"value":[]} {}`,
		`{"value":[{"totalAmountIncludingTax":"x"}]}`, `{"value":[],"@odata.nextLink":7}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		fast, ok := decodeWellFormed[PurchaseInvoice](bytes.TrimSpace(body))
		if !ok {
			return
		}
		strict, err := decodeStrict[PurchaseInvoice](bytes.TrimSpace(body))
		if err != nil {
			t.Fatalf("fast path accepted what the strict one refuses (%v): %q", err, body)
		}
		a, _ := json.Marshal(fast)
		b, _ := json.Marshal(strict)
		if !bytes.Equal(a, b) {
			t.Fatalf("fast and strict paths disagree on %q:\n%s\n%s", body, a, b)
		}
	})
}
