package bcsim

import (
	"sort"
	"time"

	"github.com/bcspend/bcspend/bc"
	"github.com/bcspend/bcspend/money"
)

// creditMemos gives a company about one credit memo for every forty
// invoices, from subscription vendors' paid invoices: two in three are
// applied to one invoice (part of one of its lines credited back: unused
// seats, a price correction), the rest are credits on the vendor as a
// whole (a service credit after an outage), invoiceId all zeros. Most are
// Paid (applied, the vendor ledger entry closed); recent ones are open,
// and one of each other status occurs so a sync must filter.
func (g *generator) creditMemos(c *company) {
	c.creditByID = map[string]*bc.PurchaseCreditMemo{}
	saas := map[string]bool{}
	for _, s := range saasVendors {
		saas[s.name] = true
	}
	var paid []*bc.PurchaseInvoice
	for _, inv := range c.invoices {
		if inv.Status == bc.StatusPaid && saas[inv.VendorName] && chargeLine(inv) >= 0 {
			paid = append(paid, inv)
		}
	}
	if len(paid) == 0 {
		return
	}
	want := max(2, len(c.invoices)/40)
	no := 109000
	for k := 0; k < want*3 && len(c.credits) < want; k++ {
		inv := paid[g.credit.IntN(len(paid))]
		date := inv.InvoiceDate.AddDate(0, 0, 5+g.credit.IntN(40))
		if date.After(g.today) {
			continue
		}
		m := g.creditMemo(c, inv, date, k%3 != 2)
		no++
		m.Number = itoa(int64(no))
		c.credits = append(c.credits, m)
	}
	ensureCreditStatuses(c.credits)
	sort.Slice(c.credits, func(i, j int) bool { return c.credits[i].ID < c.credits[j].ID })
	for _, m := range c.credits {
		c.creditByID[m.ID] = m
	}
}

// chargeLine is the index of the invoice's first line with an amount, -1
// when it has none.
func chargeLine(inv *bc.PurchaseInvoice) int {
	for i := range inv.Lines {
		if inv.Lines[i].LineType != bc.LineComment && inv.Lines[i].NetAmount > 0 {
			return i
		}
	}
	return -1
}

// creditMemo credits part of inv: against it (applied to the invoice) or
// on its vendor as a whole.
func (g *generator) creditMemo(c *company, inv *bc.PurchaseInvoice, date time.Time, against bool) *bc.PurchaseCreditMemo {
	src := inv.Lines[chargeLine(inv)]
	pct := int64(10 + g.credit.IntN(41)) // 10..50 % of the line
	desc := "Credit: " + src.Description
	if !against {
		pct = int64(5 + g.credit.IntN(16))
		desc = "Service credit - " + date.Format("January 2006")
	}
	net := int64(src.NetAmount) / 100 * pct / 100 // cents
	tax := int64(0)
	if src.NetAmount != 0 {
		tax = net * int64(src.NetTaxAmount) / int64(src.NetAmount)
	}
	status := g.creditStatus(date)
	m := &bc.PurchaseCreditMemo{
		ID:                     newGUID(g.credit),
		CreditMemoDate:         bc.Date{Time: date},
		PostingDate:            bc.Date{Time: date},
		DueDate:                bc.Date{Time: date},
		VendorCreditMemoNumber: vendorPrefix(inv.VendorName) + "-CR-" + pad(int64(g.credit.IntN(1000000)), 6),
		VendorID:               inv.VendorID,
		VendorNumber:           inv.VendorNumber,
		VendorName:             inv.VendorName,
		PayToName:              inv.PayToName,
		CurrencyID:             inv.CurrencyID,
		CurrencyCode:           inv.CurrencyCode,
		Status:                 status,
		ShortcutDimension1Code: inv.ShortcutDimension1Code,
		ShortcutDimension2Code: inv.ShortcutDimension2Code,
		InvoiceID:              bc.ZeroGUID,
	}
	if against {
		m.InvoiceID, m.InvoiceNumber = inv.ID, inv.Number
	}
	m.Lines = []bc.PurchaseCreditMemoLine{{
		ID: newGUID(g.credit), Sequence: 10000, LineType: src.LineType, LineObjectNumber: src.LineObjectNumber,
		Description: truncate(desc, 100), Quantity: money.NewDecimal(1, 0), UnitCost: money.DecimalOf(money.FromCents(net)),
		NetAmount: money.FromCents(net), NetTaxAmount: money.FromCents(tax), NetAmountIncludingTax: money.FromCents(net + tax),
	}}
	finishCreditMemo(m)
	m.LastModifiedDateTime = g.creditModified(date, status)
	return m
}

// creditStatus: a credit memo is Paid once applied; recent ones are
// still open.
func (g *generator) creditStatus(date time.Time) string {
	age := g.today.Sub(date).Hours() / 24
	x := g.credit.IntN(100)
	switch {
	case age < 10 && x < 60:
		return bc.StatusOpen
	case x < 88:
		return bc.StatusPaid
	case x < 95:
		return bc.StatusOpen
	}
	return bc.StatusCanceled
}

func (g *generator) creditModified(date time.Time, status string) time.Time {
	t := date.Add(time.Duration(9+g.credit.IntN(8)) * time.Hour)
	if status == bc.StatusPaid || status == bc.StatusCanceled {
		t = t.AddDate(0, 0, 2+g.credit.IntN(20))
	}
	return minTime(t, g.now.Add(-time.Duration(1+g.credit.IntN(3600))*time.Second))
}

// ensureCreditStatuses makes a draft, an open and a canceled credit memo
// occur whenever there are enough of them, so a sync that forgot the
// status filter is caught even in a tiny tenant.
func ensureCreditStatuses(ms []*bc.PurchaseCreditMemo) {
	have := map[string]int{}
	for _, m := range ms {
		have[m.Status]++
	}
	for i, st := range []string{bc.StatusDraft, bc.StatusOpen, bc.StatusCanceled} {
		if have[st] == 0 && len(ms) > 3+i {
			m := ms[len(ms)-1-i]
			have[m.Status]--
			m.Status = st
			finishCreditMemo(m)
		}
	}
}
