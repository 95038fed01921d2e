package bcsim

import (
	"fmt"
	"sort"
	"strings"

	"github.com/bcspend/bcspend/bc"
	"github.com/bcspend/bcspend/money"
)

// Mutations for incremental-sync tests. Each one that touches an invoice
// bumps its lastModifiedDateTime to the tenant clock, as BC does when a
// payment is applied or a document is corrected.

// SetStatus changes an invoice's status.
func (t *Tenant) SetStatus(companyID, invoiceID, status string) error {
	return t.UpdateInvoice(companyID, invoiceID, func(inv *bc.PurchaseInvoice) { inv.Status = status })
}

// UpdateInvoice applies fn to a copy of the invoice and stores the copy.
// Totals are recomputed from the lines afterwards so they stay consistent.
func (t *Tenant) UpdateInvoice(companyID, invoiceID string, fn func(*bc.PurchaseInvoice)) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	c := t.company(companyID)
	if c == nil {
		return fmt.Errorf("company %s: %w", companyID, ErrNotFound)
	}
	old := c.byID[strings.ToLower(invoiceID)]
	if old == nil {
		return fmt.Errorf("invoice %s: %w", invoiceID, ErrNotFound)
	}
	inv := copyInvoice(old)
	fn(&inv)
	inv.ID = old.ID // the key cannot change
	finishInvoice(&inv)
	inv.LastModifiedDateTime = t.nowLocked()
	i := sort.Search(len(c.invoices), func(i int) bool { return c.invoices[i].ID >= old.ID })
	c.invoices[i] = &inv
	c.byID[inv.ID] = &inv
	return nil
}

// AddInvoice stores a new invoice. Missing id, number, line ids, document
// ids and sequences are filled in; totals are computed from the lines.
func (t *Tenant) AddInvoice(companyID string, inv bc.PurchaseInvoice) (string, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	c := t.company(companyID)
	if c == nil {
		return "", fmt.Errorf("company %s: %w", companyID, ErrNotFound)
	}
	inv = copyInvoice(&inv)
	if inv.ID == "" {
		inv.ID = newGUID(t.idRand)
	}
	inv.ID = strings.ToLower(inv.ID)
	if c.byID[inv.ID] != nil {
		return "", fmt.Errorf("bcsim: invoice %s already exists", inv.ID)
	}
	if inv.Number == "" {
		c.nextNo++
		inv.Number = itoa(int64(c.nextNo))
	}
	if inv.Status == "" {
		inv.Status = bc.StatusOpen
	}
	if inv.CurrencyCode == "" {
		inv.CurrencyCode = c.local
	}
	if inv.CurrencyID == "" {
		inv.CurrencyID = currencyID(inv.CurrencyCode, c.local)
	}
	for i := range inv.Lines {
		l := &inv.Lines[i]
		if l.ID == "" {
			l.ID = newGUID(t.idRand)
		}
		if l.Sequence == 0 {
			l.Sequence = (i + 1) * 10000
		}
		if l.LineType == "" {
			l.LineType = bc.LineAccount
		}
	}
	finishInvoice(&inv)
	inv.LastModifiedDateTime = t.nowLocked()
	p := &inv
	i := sort.Search(len(c.invoices), func(i int) bool { return c.invoices[i].ID >= inv.ID })
	s := make([]*bc.PurchaseInvoice, 0, len(c.invoices)+1)
	s = append(append(append(s, c.invoices[:i]...), p), c.invoices[i:]...)
	c.invoices = s
	c.byID[inv.ID] = p
	return inv.ID, nil
}

// DeleteInvoice removes an invoice (only a full reconcile can notice).
func (t *Tenant) DeleteInvoice(companyID, invoiceID string) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	c := t.company(companyID)
	if c == nil {
		return fmt.Errorf("company %s: %w", companyID, ErrNotFound)
	}
	id := strings.ToLower(invoiceID)
	if c.byID[id] == nil {
		return fmt.Errorf("invoice %s: %w", invoiceID, ErrNotFound)
	}
	i := sort.Search(len(c.invoices), func(i int) bool { return c.invoices[i].ID >= id })
	// A fresh slice: readers may still hold the old one.
	s := make([]*bc.PurchaseInvoice, 0, len(c.invoices)-1)
	c.invoices = append(append(s, c.invoices[:i]...), c.invoices[i+1:]...)
	delete(c.byID, id)
	return nil
}

// finishInvoice derives document ids and totals from the lines; posted
// invoices read 0 in the line amount fields, as BC serves them.
func finishInvoice(inv *bc.PurchaseInvoice) {
	inv.TotalAmountExcludingTax, inv.TotalTaxAmount, inv.TotalAmountIncludingTax = finishLines(inv.Lines, inv.ID, isPosted(inv.Status))
}

// finishLines does it for any document's lines (credit memo lines have
// the invoice lines' fields) and returns the document's three totals.
func finishLines(lines []bc.PurchaseInvoiceLine, docID string, posted bool) (excl, tax, incl money.Amount) {
	for i := range lines {
		l := &lines[i]
		l.DocumentID = docID
		if l.LineType == bc.LineComment {
			l.UnitCost, l.Quantity, l.DiscountAmount = money.Decimal{}, money.Decimal{}, 0
			l.NetAmount, l.NetTaxAmount, l.NetAmountIncludingTax = 0, 0, 0
		}
		if l.NetAmountIncludingTax == 0 && l.NetAmount != 0 {
			l.NetAmountIncludingTax = l.NetAmount + l.NetTaxAmount
		}
		l.AmountExcludingTax, l.AmountIncludingTax = 0, 0
		if !posted {
			l.AmountExcludingTax, l.AmountIncludingTax = l.NetAmount, l.NetAmountIncludingTax
		}
		excl += l.NetAmount
		tax += l.NetTaxAmount
		incl += l.NetAmountIncludingTax
	}
	return excl, tax, incl
}

func isPosted(status string) bool {
	return status != bc.StatusDraft && status != bc.StatusInReview && status != " " && status != ""
}

// SetUserState sets a user's state (bc.UserEnabled or bc.UserDisabled).
func (t *Tenant) SetUserState(userSecurityID, state string) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	for i, u := range t.users {
		if equalID(u.UserSecurityID, userSecurityID) {
			c := *u
			c.State = state
			t.users[i] = &c
			return nil
		}
	}
	return fmt.Errorf("user %s: %w", userSecurityID, ErrNotFound)
}

// RemoveUser deletes a user.
func (t *Tenant) RemoveUser(userSecurityID string) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	for i, u := range t.users {
		if equalID(u.UserSecurityID, userSecurityID) {
			s := make([]*bc.User, 0, len(t.users)-1)
			t.users = append(append(s, t.users[:i]...), t.users[i+1:]...)
			return nil
		}
	}
	return fmt.Errorf("user %s: %w", userSecurityID, ErrNotFound)
}

// AddUser adds a user; a blank userSecurityId is generated, a blank state is Enabled.
func (t *Tenant) AddUser(u bc.User) (string, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if u.UserSecurityID == "" {
		u.UserSecurityID = newGUID(t.idRand)
	}
	u.UserSecurityID = strings.ToLower(u.UserSecurityID)
	if u.State == "" {
		u.State = bc.UserEnabled
	}
	for _, x := range t.users {
		if x.UserSecurityID == u.UserSecurityID {
			return "", fmt.Errorf("bcsim: user %s already exists", u.UserSecurityID)
		}
	}
	if u.ContactEmail != nil {
		e := *u.ContactEmail
		u.ContactEmail = &e
	}
	s := make([]*bc.User, 0, len(t.users)+1)
	s = append(append(s, t.users...), &u)
	sort.Slice(s, func(i, j int) bool { return s[i].UserSecurityID < s[j].UserSecurityID })
	t.users = s
	return u.UserSecurityID, nil
}
