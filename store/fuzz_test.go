package store

import (
	"reflect"
	"testing"

	"github.com/bcspend/bcspend/bc"
	"github.com/bcspend/bcspend/money"
)

// FuzzDecode feeds arbitrary bytes to every value decoder: none may panic,
// and whatever one accepts must survive encode/decode unchanged.
func FuzzDecode(f *testing.F) {
	w := sampleInvoice(5, testDate(2026, 2, 28))
	inv := fromWire(testCompany, &w)
	inv.FirstSeen, inv.LastSeenRun = t0, "run"
	f.Add(encodeInvoice(inv))
	f.Add(encodeInvoice(&Invoice{}))
	f.Add(encodeUser(&User{UserName: "u", State: bc.UserEnabled, Email: "a@b"}))
	f.Add(encodeVendor(&Vendor{Number: "V1", DisplayName: "v", LastModified: t0}))
	f.Add(encodeRate(&ExchangeRate{CurrencyCode: "USD", ExchangeAmount: money.MustParseDecimal("1.5")}))
	f.Add([]byte{1, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01})
	f.Add([]byte{})

	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := decodeInvoice(data)
		if err == nil {
			again, err := decodeInvoice(encodeInvoice(got))
			if err != nil || !reflect.DeepEqual(got, again) {
				t.Fatalf("invoice does not round-trip: %v\n%+v\n%+v", err, got, again)
			}
		}
		// The scan's arena decoder agrees with the plain one.
		a := &arena{}
		inArena, aerr := decodeInvoiceIn(data, a)
		if (err == nil) != (aerr == nil) || err == nil && !reflect.DeepEqual(got, inArena) {
			t.Fatalf("arena decode differs: %v / %v\n%+v\n%+v", err, aerr, got, inArena)
		}
		if got, err := decodeUser(data); err == nil {
			again, err := decodeUser(encodeUser(got))
			if err != nil || !reflect.DeepEqual(got, again) {
				t.Fatalf("user does not round-trip: %v", err)
			}
		}
		if got, err := decodeVendor(data); err == nil {
			again, err := decodeVendor(encodeVendor(&got))
			if err != nil || got != again {
				t.Fatalf("vendor does not round-trip: %v", err)
			}
		}
		if got, err := decodeRate(data); err == nil {
			again, err := decodeRate(encodeRate(&got))
			if err != nil || got != again {
				t.Fatalf("rate does not round-trip: %v", err)
			}
		}
	})
}
