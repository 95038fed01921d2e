package bc_test

import (
	"context"
	"net/url"
	"reflect"
	"testing"
	"time"

	"github.com/bcspend/bcspend/bc"
	"github.com/bcspend/bcspend/bc/bcsim"
	"github.com/bcspend/bcspend/store"
)

// Credit memos page like invoices: a paid window on creditMemoDate returns
// exactly the paid credit memos dated in it, each once, with their lines,
// the invoice they were applied to or the all-zero GUID, and BC's $count
// agrees with what the pages hold.
func TestCreditMemosPageLikeInvoices(t *testing.T) {
	ten, target := startSim(t, bcsim.Config{})
	client := newClient(t, appCreds(target, bcsim.ClientID, bcsim.ClientSecret), bc.ClientOptions{PageSize: 3})
	from, to := simNow.AddDate(-1, 0, 0), simNow
	q := bc.InvoiceQuery{PaidFrom: from, PaidTo: to}
	ctx := context.Background()
	sawVendorLevel, sawAgainst, sawOther := false, false, false
	for _, co := range ten.Companies() {
		want := map[string]bool{}
		for _, m := range ten.CreditMemos(co.ID) {
			d := m.CreditMemoDate.Time
			if m.Status == bc.StatusPaid && !d.Before(day(from)) && !d.After(day(to)) {
				want[m.ID] = true
			} else {
				sawOther = true
			}
		}
		got := map[string]int{}
		pages := 0
		err := client.CreditMemos(ctx, co.ID, q, func(p bc.CreditMemoPage) error {
			pages++
			for _, m := range p.CreditMemos {
				got[m.ID]++
				if m.Status != bc.StatusPaid || len(m.Lines) == 0 || m.Lines[0].NetAmount <= 0 || m.VendorCreditMemoNumber == "" {
					t.Errorf("credit memo %s: status %q, %d lines, vendor number %q", m.Number, m.Status, len(m.Lines), m.VendorCreditMemoNumber)
				}
				if m.AgainstInvoice() {
					sawAgainst = m.InvoiceNumber != ""
				} else {
					sawVendorLevel = m.InvoiceID == bc.ZeroGUID && m.InvoiceNumber == ""
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if pages < 2 {
			t.Errorf("%s: %d pages; the test needs several", co.Name, pages)
		}
		checkExactlyOnce(t, got, want)
		n, err := client.CreditMemoCount(ctx, co.ID, q)
		if err != nil || n != len(want) {
			t.Errorf("%s: $count %d (%v), want %d", co.Name, n, err, len(want))
		}
	}
	if !sawVendorLevel || !sawAgainst || !sawOther {
		t.Errorf("the demo needs credit memos against an invoice (%v), on the vendor (%v) and not paid or outside the window (%v)", sawAgainst, sawVendorLevel, sawOther)
	}
}

func day(t time.Time) time.Time { return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC) }

// The credit memo query asks for every field of the wire type (all of
// which the store keeps: the invoice's fields under the credit memo's
// names, and the invoice it was applied to) and the lines' stored fields.
func TestCreditMemoSelectCoversTheWireType(t *testing.T) {
	c := bc.NewClient(bc.Target{APIURL: "http://127.0.0.1:1", Tenant: "t", Environment: "e"}, nil, bc.ClientOptions{})
	u, err := url.Parse(c.CreditMemosURL("c", bc.InvoiceQuery{PaidFrom: simNow}))
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	if f := q.Get("$filter"); f != "status eq 'Paid' and creditMemoDate ge "+simNow.Format(bc.DateLayout) {
		t.Errorf("filter %q", f)
	}
	checkSelected(t, "purchaseCreditMemos", q.Get("$select"), reflect.TypeFor[bc.PurchaseCreditMemo](), reflect.TypeFor[bc.PurchaseCreditMemo](), "Lines")
	checkSelected(t, "purchaseCreditMemoLines", nestedSelect(t, q.Get("$expand"), "purchaseCreditMemoLines"),
		reflect.TypeFor[store.Line](), reflect.TypeFor[bc.PurchaseCreditMemoLine]())
}
