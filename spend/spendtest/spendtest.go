// Package spendtest builds stores with fixed invoice data for the tests and
// benchmarks of spend, insights and export. Nothing in it talks to BC.
package spendtest

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/bcspend/bcspend/bc"
	"github.com/bcspend/bcspend/money"
	"github.com/bcspend/bcspend/store"
)

// Company ids used by the fixtures.
const (
	CompanyEU = "11111111-1111-4111-8111-111111111111" // local currency EUR
	CompanyUS = "22222222-2222-4222-8222-222222222222" // local currency USD
)

// Now is the fixtures' "today".
var Now = time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)

// Open creates an empty store in a temporary directory.
func Open(tb testing.TB) *store.DB {
	tb.Helper()
	db, err := store.Open(filepath.Join(tb.TempDir(), "bcspend.db"))
	if err != nil {
		tb.Fatalf("store.Open: %v", err)
	}
	tb.Cleanup(func() { _ = db.Close() })
	return db
}

// Connect saves a connection with the two fixture companies.
func Connect(tb testing.TB, db *store.DB) {
	tb.Helper()
	err := db.SaveConnection(store.Connection{TenantID: "contoso.onmicrosoft.com", Environment: "Production",
		ClientID: "33333333-3333-4333-8333-333333333333", Flow: "client-credentials",
		Companies: []store.Company{
			{ID: CompanyEU, Name: "CRONUS EU", DisplayName: "Cronus EU"},
			{ID: CompanyUS, Name: "CRONUS US", DisplayName: "Cronus US"},
		}})
	if err != nil {
		tb.Fatalf("SaveConnection: %v", err)
	}
}

// Line is one invoice line of a fixture.
type Line struct {
	Desc    string
	Amount  string // decimal; "" for a comment line
	Comment bool
	Qty     string // quantity; "" = 1 (then the unit cost is the amount)
	Unit    string // unit cost with Qty; "" = Amount / Qty
}

// Inv describes one fixture invoice.
type Inv struct {
	N                   int // makes the ids
	Vendor              string
	VendorNumber        string
	Date                time.Time
	Status              string // "" = Paid
	Currency            string // "" = local (currencyId all zeros)
	Local               string // the company's local code, filled into currencyCode for local invoices
	VendorInvoiceNumber string
	Dim1, Dim2          string // shortcut dimension codes
	DueDays             int    // payment term: the due date is Date plus this many days
	Lines               []Line
}

// GUID makes a canonical lower-case GUID from n.
func GUID(n int) string { return fmt.Sprintf("%08x-0000-4000-8000-%012x", n, n) }

// Wire turns a fixture into the BC shape the store takes.
func (in Inv) Wire() bc.PurchaseInvoice {
	status := in.Status
	if status == "" {
		status = bc.StatusPaid
	}
	curID, cur := bc.ZeroGUID, in.Local
	if in.Currency != "" && in.Currency != in.Local {
		curID, cur = GUID(7000000+len(in.Currency)), in.Currency
	}
	vn := in.VendorNumber
	if vn == "" {
		vn = "V-" + in.Vendor
	}
	d := bc.Date{Time: in.Date}
	inv := bc.PurchaseInvoice{
		ID: GUID(in.N), Number: fmt.Sprintf("PI-%06d", in.N), InvoiceDate: d, PostingDate: d, DueDate: bc.Date{Time: in.Date.AddDate(0, 0, in.DueDays)},
		VendorInvoiceNumber: in.VendorInvoiceNumber, VendorID: GUID(5000000 + in.N%1000), VendorNumber: vn,
		VendorName: in.Vendor, PayToName: in.Vendor, CurrencyID: curID, CurrencyCode: cur, Status: status,
		LastModifiedDateTime: in.Date.Add(time.Hour), ShortcutDimension1Code: in.Dim1, ShortcutDimension2Code: in.Dim2,
	}
	if inv.VendorInvoiceNumber == "" {
		inv.VendorInvoiceNumber = fmt.Sprintf("V-INV-%d", in.N)
	}
	var total money.Amount
	for i, l := range in.Lines {
		wl := bc.PurchaseInvoiceLine{ID: GUID(in.N*100 + i + 90000000), DocumentID: inv.ID, Sequence: (i + 1) * 10000,
			LineType: bc.LineAccount, Description: l.Desc}
		if l.Comment {
			wl.LineType = bc.LineComment
		} else {
			wl.NetAmount = money.MustParse(l.Amount)
			wl.Quantity = money.NewDecimal(1, 0)
			wl.UnitCost = money.DecimalOf(wl.NetAmount)
			if l.Qty != "" {
				wl.Quantity = money.MustParseDecimal(l.Qty)
				wl.UnitCost = money.MustParseDecimal(l.Unit)
			}
			total += wl.NetAmount
		}
		inv.Lines = append(inv.Lines, wl)
	}
	inv.TotalAmountExcludingTax = total
	inv.TotalAmountIncludingTax = total
	return inv
}

// Commit stores the invoices of one company in one page.
func Commit(tb testing.TB, db *store.DB, company string, invs ...Inv) {
	tb.Helper()
	page := make([]bc.PurchaseInvoice, len(invs))
	for i, in := range invs {
		page[i] = in.Wire()
	}
	if _, err := db.CommitPage(company, page, nil, store.SyncState{Mode: store.ModeBackfill}, "run-fixture"); err != nil {
		tb.Fatalf("CommitPage: %v", err)
	}
}

// Rate is one exchange rate row: Exchange units of Currency are worth
// Relational units of RelCode ("" = local) from Start.
type Rate struct {
	Currency   string
	Start      time.Time
	Exchange   string
	Relational string
	RelCode    string
}

// PutRates stores a company's rate table.
func PutRates(tb testing.TB, db *store.DB, company string, rates ...Rate) {
	tb.Helper()
	out := make([]store.ExchangeRate, len(rates))
	for i, r := range rates {
		out[i] = store.ExchangeRate{ID: GUID(8000000 + i), CurrencyCode: r.Currency,
			StartingDate: r.Start, ExchangeAmount: money.MustParseDecimal(r.Exchange),
			RelationalCurrency: r.RelCode, RelationalAmount: money.MustParseDecimal(r.Relational)}
	}
	if err := db.PutExchangeRates(company, out); err != nil {
		tb.Fatalf("PutExchangeRates: %v", err)
	}
}

// Day is a UTC calendar date.
func Day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// Monthly makes n invoices of vendor, one per month ending at last, each
// with one line desc for amount (n counts back from last).
func Monthly(first int, vendor, desc, amount, local string, last time.Time, n int) []Inv {
	out := make([]Inv, n)
	for i := range out {
		out[i] = Inv{N: first + i, Vendor: vendor, Date: last.AddDate(0, -(n - 1 - i), 0), Local: local,
			Lines: []Line{{Desc: desc, Amount: amount}}}
	}
	return out
}

// CommitRun is Commit with a run id, for tests of removal by a full
// reconcile (store.MarkRemoved marks what a run did not fetch).
func CommitRun(tb testing.TB, db *store.DB, company, runID string, invs ...Inv) {
	tb.Helper()
	page := make([]bc.PurchaseInvoice, len(invs))
	for i, in := range invs {
		page[i] = in.Wire()
	}
	if _, err := db.CommitPage(company, page, nil, store.SyncState{Mode: store.ModeFull}, runID); err != nil {
		tb.Fatalf("CommitPage: %v", err)
	}
}

// largeVendors mixes catalogued vendors, a reseller, hardware and unknown
// suppliers, so the benchmark exercises every layer of the matcher.
var largeVendors = []struct{ name, desc string }{
	{"Slack Technologies Ltd", "Slack Pro seats"}, {"Zoom Video Communications Inc", "Zoom Business"},
	{"Figma Inc", "Figma Professional"}, {"Atlassian Pty Ltd", "Jira Software Cloud Standard"},
	{"Microsoft Ireland Operations Ltd", "Microsoft 365 Business Premium"}, {"CDW Ltd", "Adobe Acrobat Pro licences"},
	{"Dell Technologies", "Latitude laptop"}, {"Cisco Systems", "Webex Meetings"},
	{"Notion Labs Inc", "Notion Plus"}, {"GitHub Inc", "GitHub Enterprise seats"},
}

// Large fills db with n paid invoices of 4 lines each (3 charges and a
// comment) across both companies, 1 in 8 in a foreign currency, spread over
// the 12 months before Now, written through CommitPage as a sync would.
func Large(tb testing.TB, db *store.DB, n int) {
	tb.Helper()
	PutRates(tb, db, CompanyEU, Rate{Currency: "USD", Start: Day(2020, 1, 1), Exchange: "100", Relational: "92.5"})
	PutRates(tb, db, CompanyUS, Rate{Currency: "EUR", Start: Day(2020, 1, 1), Exchange: "100", Relational: "108.1"})
	const page = 2000
	for start := 0; start < n; start += page {
		for _, co := range []string{CompanyEU, CompanyUS} {
			var invs []bc.PurchaseInvoice
			for i := start; i < min(start+page, n); i++ {
				if (i%2 == 0) != (co == CompanyEU) {
					continue
				}
				invs = append(invs, largeInvoice(i, co).Wire())
			}
			if _, err := db.CommitPage(co, invs, nil, store.SyncState{Mode: store.ModeBackfill}, "run-large"); err != nil {
				tb.Fatalf("CommitPage: %v", err)
			}
		}
	}
}

func largeInvoice(i int, co string) Inv {
	local, foreign := "EUR", "USD"
	if co == CompanyUS {
		local, foreign = "USD", "EUR"
	}
	v := largeVendors[i%len(largeVendors)]
	vendor := v.name
	if i%7 == 0 { // a long tail of suppliers no catalog knows
		vendor = fmt.Sprintf("Supplier %04d Ltd", i%3000)
	}
	in := Inv{N: i + 1, Vendor: vendor, VendorNumber: fmt.Sprintf("V%05d", i%5000), Date: Now.AddDate(0, 0, -(i % 360)),
		Local: local, Lines: []Line{
			{Desc: v.desc, Amount: fmt.Sprintf("%d.%02d", 10+i%500, (i/500)%100)},
			{Desc: v.desc + " add-on", Amount: "12.50"},
			{Desc: "Support plan", Amount: "3.10"},
			{Desc: "Period " + Now.AddDate(0, 0, -(i%360)).Format("2006-01"), Comment: true},
		}}
	if i%8 == 0 {
		in.Currency = foreign
	}
	return in
}

// Credit is a paid credit memo built like in (its N, vendor, date, lines),
// applied to the invoice with id against ("" for a credit on the vendor).
func Credit(in Inv, against string) bc.PurchaseCreditMemo {
	w := in.Wire()
	m := bc.PurchaseCreditMemo{ID: w.ID, Number: "PCM-" + w.Number, CreditMemoDate: w.InvoiceDate, PostingDate: w.PostingDate,
		DueDate: w.DueDate, VendorCreditMemoNumber: "CR-" + w.VendorInvoiceNumber, VendorID: w.VendorID,
		VendorNumber: w.VendorNumber, VendorName: w.VendorName, PayToName: w.PayToName, CurrencyID: w.CurrencyID,
		CurrencyCode: w.CurrencyCode, TotalAmountExcludingTax: w.TotalAmountExcludingTax,
		TotalAmountIncludingTax: w.TotalAmountIncludingTax, Status: bc.StatusPaid,
		LastModifiedDateTime: w.LastModifiedDateTime, Lines: w.Lines, InvoiceID: bc.ZeroGUID}
	if against != "" {
		m.InvoiceID = against
	}
	return m
}

// CommitCredits stores credit memos of one company in one page.
func CommitCredits(tb testing.TB, db *store.DB, company string, ms ...bc.PurchaseCreditMemo) {
	tb.Helper()
	if _, err := db.CommitCreditMemoPage(company, ms, nil, store.SyncState{Mode: store.ModeBackfill}, "run-fixture"); err != nil {
		tb.Fatalf("CommitCreditMemoPage: %v", err)
	}
}
