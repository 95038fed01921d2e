package spend_test

import (
	"testing"
	"time"

	"github.com/bcspend/bcspend/bc"
	"github.com/bcspend/bcspend/bc/bcsim"
	"github.com/bcspend/bcspend/match"
	"github.com/bcspend/bcspend/money"
	"github.com/bcspend/bcspend/spend"
	"github.com/bcspend/bcspend/spend/spendtest"
)

// resellerID is a vendor the demo does not have: its documents are all
// this test's, so its applications' figures can be worked by hand.
const resellerID = "7e57c0de-0000-4000-8000-000000000001"

// refundsTenant adds to the demo's first company (CRONUS USA, local USD,
// no tax on these lines) a reseller's invoices and credit memos:
//
//	D  invoice  2026-08-05  Looker platform licence     1,000.00  Paid
//	A  invoice  2026-09-10  Trello Premium - 10 users     120.00  Paid
//	B  invoice  2026-10-10  Trello Premium - 10 users     120.00  Paid
//	C1 credit   2026-09-20  Credit: 3 unused seats         36.00  Paid, applied to A
//	C2 credit   2026-10-25  Goodwill credit, outage        12.50  Paid, on the vendor (invoiceId all zeros)
//	C3 credit   2026-10-26  Goodwill credit, outage       500.00  Open: not synced, not netted
//	C4 credit   2026-10-27  Credit: Trello Premium        120.00  Canceled, applied to B: not synced, not netted
//
// By hand: C1's own text names no application; it was applied to A, so it
// nets Trello. C2 is a credit on the vendor, whose spend goes mostly to
// Looker (1,000.00 against Trello's 240.00), so it nets Looker (had the
// vendor's application decided C1 too, it would have gone to Looker).
//
//	Trello = 120.00 + 120.00 - 36.00 = 204.00   (Sep 120.00 - 36.00 = 84.00, Oct 120.00)
//	Looker = 1,000.00 - 12.50       = 987.50   (Aug 1,000.00, Oct -12.50)
//
// and nothing of the reseller stays unmatched.
func refundsTenant(ids map[string]string) func(*bcsim.Tenant) {
	return func(ten *bcsim.Tenant) {
		co := ten.Companies()[0].ID
		day := func(m time.Month, d int) bc.Date { return bc.NewDate(2026, m, d) }
		line := func(desc, amount string) []bc.PurchaseInvoiceLine {
			a := money.MustParse(amount)
			return []bc.PurchaseInvoiceLine{{Description: desc, Quantity: money.NewDecimal(1, 0), UnitCost: money.DecimalOf(a), NetAmount: a}}
		}
		vendor := func(inv *bc.PurchaseInvoice) {
			inv.VendorID, inv.VendorNumber, inv.VendorName, inv.PayToName = resellerID, "V99990", "Northwind Software Resellers Ltd", "Northwind Software Resellers Ltd"
		}
		addInv := func(key string, date bc.Date, desc, amount string) {
			inv := bc.PurchaseInvoice{InvoiceDate: date, PostingDate: date, Status: bc.StatusPaid, Lines: line(desc, amount)}
			vendor(&inv)
			id, err := ten.AddInvoice(co, inv)
			if err != nil {
				panic(err)
			}
			ids[key] = id
		}
		addInv("D", day(8, 5), "Looker platform licence", "1000.00")
		addInv("A", day(9, 10), "Trello Premium - 10 users", "120.00")
		addInv("B", day(10, 10), "Trello Premium - 10 users", "120.00")
		number := func(id string) string {
			for _, inv := range ten.Invoices(co) {
				if inv.ID == id {
					return inv.Number
				}
			}
			return ""
		}
		addCredit := func(key string, date bc.Date, desc, amount, status, against string) {
			var v bc.PurchaseInvoice
			vendor(&v)
			m := bc.PurchaseCreditMemo{CreditMemoDate: date, PostingDate: date, Status: status, Lines: line(desc, amount),
				VendorID: v.VendorID, VendorNumber: v.VendorNumber, VendorName: v.VendorName, PayToName: v.PayToName}
			if against != "" {
				m.InvoiceID, m.InvoiceNumber = ids[against], number(ids[against])
			}
			id, err := ten.AddCreditMemo(co, m)
			if err != nil {
				panic(err)
			}
			ids[key] = id
		}
		addCredit("C1", day(9, 20), "Credit: 3 unused seats", "36.00", bc.StatusPaid, "A")
		addCredit("C2", day(10, 25), "Goodwill credit, outage", "12.50", bc.StatusPaid, "")
		addCredit("C3", day(10, 26), "Goodwill credit, outage", "500.00", bc.StatusOpen, "")
		addCredit("C4", day(10, 27), "Credit: Trello Premium", "120.00", bc.StatusCanceled, "B")
	}
}

func TestCreditMemosNetByHand(t *testing.T) {
	ids := map[string]string{}
	db := spendtest.DemoWith(t, refundsTenant(ids))
	for _, g := range []spend.Granularity{spend.PerInvoice, spend.PerLine} {
		t.Run(string(g), func(t *testing.T) {
			m, err := spend.Load(db, cat, spend.Options{Now: spendtest.DemoNow, Granularity: g})
			if err != nil {
				t.Fatal(err)
			}
			if m.ReportingCurrency() != "USD" {
				t.Fatalf("reporting currency %s; the figures are worked in USD", m.ReportingCurrency())
			}
			trello, looker := appRow(t, m, "Trello"), appRow(t, m, "Looker")
			check := func(what string, got money.Amount, want string) {
				t.Helper()
				if got != amt(want) {
					t.Errorf("%s = %s, want %s", what, got, want)
				}
			}
			check("Trello", trello.Reporting, "204.00")
			check("Trello September", trello.ReportingMonths[9], "84.00")
			check("Trello October", trello.ReportingMonths[10], "120.00")
			check("Looker", looker.Reporting, "987.50")
			check("Looker August", looker.ReportingMonths[8], "1000.00")
			check("Looker October", looker.ReportingMonths[10], "-12.50")
			if !trello.LastCharge.Equal(spendtest.Day(2026, 10, 10)) || !looker.LastCharge.Equal(spendtest.Day(2026, 8, 5)) {
				t.Errorf("last charges %s / %s: a refund is not a charge", trello.LastCharge, looker.LastCharge)
			}
			for _, r := range m.Unmatched() {
				if r.VendorNumber == "V99990" {
					t.Errorf("reseller left unmatched: %+v", r)
				}
			}
			byID := map[string]spend.Transaction{}
			for _, tx := range m.Transactions(spend.Filter{Vendor: "V99990", History: true}) {
				byID[tx.InvoiceID] = tx
			}
			for key, want := range map[string]struct{ app, amount, applies string }{
				"C1": {"Trello", "-36.00", ids["A"]}, "C2": {"Looker", "-12.50", ""}} {
				tx, ok := byID[ids[key]]
				switch {
				case !ok:
					t.Errorf("%s: no transaction", key)
				case !tx.IsCreditMemo() || tx.Amount != amt(want.amount) || tx.History || tx.AppliesToID != want.applies:
					t.Errorf("%s: %+v, want a credit memo of %s applied to %q", key, tx, want.amount, want.applies)
				case tx.App != want.app:
					t.Errorf("%s nets %q, want %s (%s)", key, tx.App, want.app, tx.Reason)
				}
			}
			for _, key := range []string{"C3", "C4"} {
				if tx, ok := byID[ids[key]]; ok {
					t.Errorf("%s (not paid) is a transaction: %+v", key, tx)
				}
			}
			if tx := byID[ids["A"]]; tx.DocumentType != spend.DocInvoice {
				t.Errorf("invoice A has document type %q", tx.DocumentType)
			}
			// Applications and Unmatched still add up to the total.
			_, total, _ := m.Total()
			var sum money.Amount
			for _, r := range m.Apps() {
				sum += r.Reporting
			}
			for _, r := range m.Unmatched() {
				sum += r.Reporting
			}
			if sum != total {
				t.Errorf("applications + unmatched = %s, total %s", sum, total)
			}
		})
	}
}

// A fix previews and applies with its refunds: moving invoice D to Miro
// makes Miro the reseller's biggest application, so the vendor-level
// credit C2 follows it, and the preview says so in one move (1,000.00 -
// 12.50 = 987.50 USD from Looker to Miro); C1 stays with invoice A.
func TestCreditMemosFollowAFix(t *testing.T) {
	ids := map[string]string{}
	db := spendtest.DemoWith(t, refundsTenant(ids))
	m, err := spend.Load(db, cat, spend.Options{Now: spendtest.DemoNow})
	if err != nil {
		t.Fatal(err)
	}
	r := match.Rule{Kind: match.RuleTransaction, TransactionID: ids["D"], App: "Miro"}
	moves := m.PreviewRule(r)
	if len(moves) != 1 || moves[0].From != "Looker" || moves[0].To != "Miro" || moves[0].Transactions != 2 ||
		moves[0].Amount["USD"] != amt("987.50") {
		t.Errorf("preview %+v, want one move of 2 transactions / 987.50 USD from Looker to Miro", moves)
	}
	miroBefore := appRow(t, m, "Miro").Reporting
	if _, err := m.AddRule(db, r); err != nil {
		t.Fatal(err)
	}
	if got := appRow(t, m, "Miro").Reporting - miroBefore; got != amt("987.50") {
		t.Errorf("Miro grew by %s, want 987.50 as previewed", got)
	}
	if got := appRow(t, m, "Trello").Reporting; got != amt("204.00") {
		t.Errorf("Trello = %s, want 204.00 (C1 stays with invoice A)", got)
	}
}
