package spend

import (
	"fmt"
	"sort"

	"github.com/bcspend/bcspend/match"
	"github.com/bcspend/bcspend/money"
	"github.com/bcspend/bcspend/store"
)

// Refunds. A paid purchase credit memo is a transaction of its own with a
// negative amount (DocumentType DocCreditMemo), dated on its own date, so
// the month it was credited in shows less spend. It is netted against the
// application of the invoice it was applied to (BC's invoiceId: the
// invoice's main charge decides, at both granularities), or, for a credit
// on the vendor as a whole, against the application the vendor's spend
// goes to (the one with the most of it); a credit memo whose vendor has no
// matched spend is matched on its own lines like an invoice. A fix on the
// credit memo itself (a manual rule naming it) still wins. It is never a
// charge: it sets no application's last charge, and insights keep it out
// of cadences, prices, duplicates and new vendors (IsCreditMemo).

// Document types, as the export's document_type column writes them.
const (
	DocInvoice    = "invoice"
	DocCreditMemo = "credit_memo"
)

// IsCreditMemo reports whether t is a refund rather than a charge.
func (t *Transaction) IsCreditMemo() bool { return t.DocumentType == DocCreditMemo }

// loadCredits reads each part's credit memos and merges them, negated,
// into the part's documents in date order (invoices first on a day).
func (m *Model) loadCredits(db *store.DB) error {
	for _, p := range m.parts {
		var credits []*store.CreditMemo
		err := db.ForEachCreditMemo(m.companies[p.ci].ID, p.from, p.to, func(cm *store.CreditMemo) error {
			credits = append(credits, cm)
			return nil
		})
		if err != nil {
			return fmt.Errorf("spend: read credit memos of company %s: %w", m.companies[p.ci].Name, err)
		}
		if len(credits) == 0 {
			continue
		}
		m.hasCredits = true
		p.credit = make(map[*store.Invoice]*store.CreditMemo, len(credits))
		p.docs = make([]*store.Invoice, 0, len(p.invoices)+len(credits))
		i := 0
		for _, cm := range credits {
			for i < len(p.invoices) && !p.invoices[i].InvoiceDate.After(cm.InvoiceDate.Time) {
				p.docs = append(p.docs, p.invoices[i])
				i++
			}
			neg := negated(cm)
			p.credit[neg] = cm
			p.docs = append(p.docs, neg)
		}
		p.docs = append(p.docs, p.invoices[i:]...)
	}
	return nil
}

// all is what the part derives: its invoices and credit memos.
func (p *part) all() []*store.Invoice {
	if p.docs != nil {
		return p.docs
	}
	return p.invoices
}

// negated is the credit memo as an invoice of negative amounts, so it
// derives, converts and sums exactly as an invoice does.
func negated(cm *store.CreditMemo) *store.Invoice {
	inv := cm.Invoice
	inv.DiscountAmount, inv.TotalAmountExcludingTax = -inv.DiscountAmount, -inv.TotalAmountExcludingTax
	inv.TotalTaxAmount, inv.TotalAmountIncludingTax = -inv.TotalTaxAmount, -inv.TotalAmountIncludingTax
	inv.Lines = make([]store.Line, len(cm.Lines))
	for i, l := range cm.Lines {
		l.DiscountAmount, l.NetAmount = -l.DiscountAmount, -l.NetAmount
		l.NetTaxAmount, l.NetAmountIncludingTax = -l.NetTaxAmount, -l.NetAmountIncludingTax
		inv.Lines[i] = l
	}
	return &inv
}

// markCredit makes t, derived from a negated credit memo, say so.
func markCredit(t *Transaction, cm *store.CreditMemo) {
	t.DocumentType = DocCreditMemo
	t.AppliesToID, t.AppliesToNumber = cm.AppliesToID, cm.AppliesToNumber
}

// vendorOf keys a vendor within its company.
type vendorOf struct {
	co     int32
	vendor string
}

func vendorKeyOf(d *derived, i int) vendorOf {
	t := &d.txs[i]
	v := t.VendorNumber
	if v == "" {
		v = t.VendorName
	}
	return vendorOf{d.co[i], v}
}

// netCredits gives every credit memo unit without a fix of its own the
// decision of what it refunds (see the top of this file). It runs after
// the manual fixes and before the transactions are summarised.
func (m *Model) netCredits() {
	if !m.hasCredits {
		return
	}
	d := &m.d
	fixed := int32(len(d.inputs)) // decisions from here on are manual fixes
	for i, src := range creditTargets(d, func(u int32) *match.Decision { return &d.decs[d.units[u].dec] }) {
		dec := d.decs[d.units[src.unit].dec]
		dec.Reason = src.why + " (" + dec.Reason + ")"
		d.decs = append(d.decs, dec)
		for u := d.txUnit[i]; u < d.txUnit[i+1]; u++ {
			if d.units[u].dec < fixed {
				d.units[u].dec = int32(len(d.decs) - 1)
			}
		}
	}
}

// creditSource is the unit whose decision a credit memo takes, and why.
type creditSource struct {
	unit int32
	why  string
}

// creditTargets finds, for every credit memo transaction (by index), what
// it nets under the decisions decOf gives the units: the refunded
// invoice's biggest charge, else the vendor's application's biggest
// charge; a credit memo with neither is left out (its own match stands).
func creditTargets(d *derived, decOf func(u int32) *match.Decision) map[int]creditSource {
	invUnit, vendorUnit, vendorApp := creditSources(d, decOf)
	out := map[int]creditSource{}
	for i := range d.txs {
		t := &d.txs[i]
		if !t.IsCreditMemo() {
			continue
		}
		if u, ok := invUnit[t.AppliesToID]; ok && t.AppliesToID != "" {
			out[i] = creditSource{u, "refund of invoice " + t.AppliesToNumber}
		} else if app, ok := vendorApp[vendorKeyOf(d, i)]; ok {
			out[i] = creditSource{vendorUnit[vendorApp2{vendorKeyOf(d, i), app}], "credit on the vendor, whose spend goes to " + app}
		}
	}
	return out
}

type vendorApp2 struct {
	v   vendorOf
	app string
}

// creditSources finds, among the invoices, each invoice's biggest charge
// (the unit whose decision a credit memo against it takes), and each
// vendor's application by spend with its biggest charge there.
func creditSources(d *derived, decOf func(u int32) *match.Decision) (invUnit map[string]int32, vendorUnit map[vendorApp2]int32, vendorApp map[vendorOf]string) {
	invUnit = map[string]int32{}
	vendorUnit = map[vendorApp2]int32{}
	sums := map[vendorApp2]money.Amount{}
	for i := range d.txs {
		t := &d.txs[i]
		if t.IsCreditMemo() {
			continue
		}
		vk := vendorKeyOf(d, i)
		for u := d.txUnit[i]; u < d.txUnit[i+1]; u++ {
			un := &d.units[u]
			if b, ok := invUnit[t.InvoiceID]; !ok || abs(un.amount) > abs(d.units[b].amount) {
				invUnit[t.InvoiceID] = u
			}
			dec := decOf(u)
			if t.History || dec.Ignored || dec.App == "" {
				continue
			}
			k := vendorApp2{vk, dec.App}
			sums[k] += abs(un.rep) + abs(un.amount)*money.Amount(boolInt(t.Unconverted))
			if b, ok := vendorUnit[k]; !ok || abs(un.amount) > abs(d.units[b].amount) {
				vendorUnit[k] = u
			}
		}
	}
	keys := make([]vendorApp2, 0, len(sums))
	for k := range sums {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(a, b int) bool { return keys[a].app < keys[b].app })
	vendorApp = map[vendorOf]string{}
	best := map[vendorOf]money.Amount{}
	for _, k := range keys {
		if s := sums[k]; s > best[k.v] {
			best[k.v], vendorApp[k.v] = s, k.app
		}
	}
	return invUnit, vendorUnit, vendorApp
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
