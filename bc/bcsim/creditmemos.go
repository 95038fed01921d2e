package bcsim

import (
	"bytes"
	"fmt"
	"net/http"
	"sort"
	"strings"
	"time"

	"github.com/bcspend/bcspend/bc"
	"github.com/bcspend/bcspend/money"
)

// purchaseCreditMemos as BC serves them (Microsoft's APIV2 page
// "APIV2 - Purchase Credit Memos"): the invoice's shape with
// creditMemoDate, vendorCreditMemoNumber and the invoice the credit was
// applied to (invoiceId all zeros and invoiceNumber empty for a credit on
// the vendor as a whole); lines in purchaseCreditMemoLines with the
// invoice lines' fields and positive amounts; status
// Microsoft.NAV.purchCrMemoEntityStatus, the invoice statuses.

type (
	cmemo = bc.PurchaseCreditMemo
)

var creditMemoEntity = entity[cmemo]{
	name: "purchaseCreditMemo",
	fields: fields[cmemo]{
		"id":                      gField(func(v *cmemo) string { return v.ID }),
		"number":                  sField(func(v *cmemo) string { return v.Number }),
		"status":                  eField(func(v *cmemo) string { return v.Status }),
		"vendorNumber":            sField(func(v *cmemo) string { return v.VendorNumber }),
		"vendorId":                gField(func(v *cmemo) string { return v.VendorID }),
		"vendorName":              sField(func(v *cmemo) string { return v.VendorName }),
		"vendorCreditMemoNumber":  sField(func(v *cmemo) string { return v.VendorCreditMemoNumber }),
		"invoiceId":               gField(func(v *cmemo) string { return v.InvoiceID }),
		"invoiceNumber":           sField(func(v *cmemo) string { return v.InvoiceNumber }),
		"creditMemoDate":          dField(func(v *cmemo) bc.Date { return v.CreditMemoDate }),
		"postingDate":             dField(func(v *cmemo) bc.Date { return v.PostingDate }),
		"dueDate":                 dField(func(v *cmemo) bc.Date { return v.DueDate }),
		"lastModifiedDateTime":    tField(func(v *cmemo) time.Time { return v.LastModifiedDateTime }),
		"totalAmountExcludingTax": nField(func(v *cmemo) money.Amount { return v.TotalAmountExcludingTax }),
		"totalAmountIncludingTax": nField(func(v *cmemo) money.Amount { return v.TotalAmountIncludingTax }),
	},
	valid: jsonFields(bc.PurchaseCreditMemo{}, "purchaseCreditMemoLines"),
	key:   func(v *cmemo) string { return v.ID },
	tag:   func(v *cmemo) string { return etag(v.LastModifiedDateTime, v.ID) },
}

// creditLineEntity is lineEntity under the credit memo line's name.
var creditLineEntity = func() entity[line] {
	e := lineEntity
	e.name = "purchaseCreditMemoLine"
	return e
}()

// serveCreditMemos handles purchaseCreditMemos, purchaseCreditMemos(id),
// purchaseCreditMemos(id)/purchaseCreditMemoLines, purchaseCreditMemos/$count
// and top-level purchaseCreditMemoLines (which, like invoice lines, needs
// a document or line id).
func (t *Tenant) serveCreditMemos(w http.ResponseWriter, r *http.Request, q query, ctx string, co *company, segs []string) {
	set, key, hasKey := splitKey(segs[0])
	if q.expand && (set != "purchaseCreditMemos" || len(segs) > 1 || q.expandNav != "purchaseCreditMemoLines") {
		badRequest(w, "BadRequest", "Could not find a navigation property named '"+q.expandNav+"'.")
		return
	}
	if err := checkSelect(q.expandSel, creditLineEntity.valid, creditLineEntity.name); err != nil {
		badRequest(w, "BadRequest_PropertyNotFound", err.Error())
		return
	}
	render := func(buf *bytes.Buffer, v *cmemo) error { return renderCreditMemo(buf, v, q) }
	t.mu.RLock()
	memos := co.credits
	one := co.creditByID[strings.ToLower(key)]
	t.mu.RUnlock()
	switch {
	case set == "purchaseCreditMemos" && len(segs) == 1 && !hasKey:
		pred, size, ok := listQuery(w, q, creditMemoEntity)
		if !ok {
			return
		}
		page, more := pageOf(memos, creditMemoEntity.key, pred, q.skip, size)
		if t.slowPage(w, r, len(page)) || !t.entityDelay(r, len(page), 0) {
			return
		}
		writePage(w, r, q, ctx+"purchaseCreditMemos", creditMemoEntity, page, more && !topReached(q, page), render)
	case set == "purchaseCreditMemos" && len(segs) == 2 && segs[1] == "$count" && !hasKey:
		serveCount(w, q, creditMemoEntity, memos)
	case set == "purchaseCreditMemos" && hasKey && one == nil:
		notFound(w, "Purch. Cr. Memo Hdr.")
	case set == "purchaseCreditMemos" && hasKey && len(segs) == 1:
		serveOneOf(w, q, ctx+"purchaseCreditMemos/$entity", creditMemoEntity, one, render)
	case set == "purchaseCreditMemos" && hasKey && len(segs) == 2 && segs[1] == "purchaseCreditMemoLines":
		serveList(w, r, q, ctx+"purchaseCreditMemos("+one.ID+")/purchaseCreditMemoLines", creditLineEntity, linePtrs(one.Lines), nil)
	case set == "purchaseCreditMemoLines" && len(segs) == 1:
		t.serveTopLines(w, r, q, ctx+"purchaseCreditMemoLines", creditLines(co), key, hasKey)
	default:
		bcError(w, http.StatusNotFound, "BadRequest_NotFound", "No HTTP resource was found that matches the request URI.")
	}
}

func renderCreditMemo(buf *bytes.Buffer, v *cmemo, q query) error {
	head := *v
	head.Lines = nil
	var extra func(*bytes.Buffer) error
	if q.expand {
		extra = expandLines("purchaseCreditMemoLines", creditLineEntity, v.Lines, q)
	}
	return writeEntity(buf, &head, creditMemoEntity.tag(v), q.sel, extra)
}

// creditLines are a company's credit memo lines for a top-level request;
// the caller holds t.mu.
func creditLines(co *company) topLines {
	return topLinesOf(creditLineEntity, "Purch. Cr. Memo Line", co.credits, co.creditByID, func(v *cmemo) []line { return v.Lines })
}

// CreditMemos returns deep copies of a company's credit memos, in id order.
func (t *Tenant) CreditMemos(companyID string) []bc.PurchaseCreditMemo {
	t.mu.RLock()
	defer t.mu.RUnlock()
	c := t.company(companyID)
	if c == nil {
		return nil
	}
	out := make([]bc.PurchaseCreditMemo, len(c.credits))
	for i, m := range c.credits {
		out[i] = copyCreditMemo(m)
	}
	return out
}

func copyCreditMemo(m *bc.PurchaseCreditMemo) bc.PurchaseCreditMemo {
	c := *m
	c.Lines = append([]bc.PurchaseCreditMemoLine(nil), m.Lines...)
	return c
}

// finishCreditMemo derives line document ids and the totals, as for invoices.
func finishCreditMemo(m *bc.PurchaseCreditMemo) {
	m.TotalAmountExcludingTax, m.TotalTaxAmount, m.TotalAmountIncludingTax = finishLines(m.Lines, m.ID, isPosted(m.Status))
	if m.InvoiceID == "" {
		m.InvoiceID = bc.ZeroGUID
	}
}

// AddCreditMemo stores a new credit memo. Missing id, number, line ids and
// sequences are filled in, a blank status is Open, a blank invoiceId is
// the all-zero GUID (a vendor-level credit); totals come from the lines.
func (t *Tenant) AddCreditMemo(companyID string, m bc.PurchaseCreditMemo) (string, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	c := t.company(companyID)
	if c == nil {
		return "", fmt.Errorf("company %s: %w", companyID, ErrNotFound)
	}
	m = copyCreditMemo(&m)
	if m.ID == "" {
		m.ID = newGUID(t.idRand)
	}
	m.ID = strings.ToLower(m.ID)
	if c.creditByID[m.ID] != nil {
		return "", fmt.Errorf("bcsim: credit memo %s already exists", m.ID)
	}
	if m.Number == "" {
		c.nextNo++
		m.Number = "PCM" + itoa(int64(c.nextNo))
	}
	if m.Status == "" {
		m.Status = bc.StatusOpen
	}
	if m.CurrencyCode == "" {
		m.CurrencyCode = c.local
	}
	if m.CurrencyID == "" {
		m.CurrencyID = currencyID(m.CurrencyCode, c.local)
	}
	for i := range m.Lines {
		l := &m.Lines[i]
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
	finishCreditMemo(&m)
	m.LastModifiedDateTime = t.nowLocked()
	c.putCreditMemo(&m)
	return m.ID, nil
}

// UpdateCreditMemo applies fn to a copy of the credit memo and stores the
// copy with lastModifiedDateTime bumped to the tenant clock.
func (t *Tenant) UpdateCreditMemo(companyID, id string, fn func(*bc.PurchaseCreditMemo)) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	c := t.company(companyID)
	if c == nil {
		return fmt.Errorf("company %s: %w", companyID, ErrNotFound)
	}
	old := c.creditByID[strings.ToLower(id)]
	if old == nil {
		return fmt.Errorf("credit memo %s: %w", id, ErrNotFound)
	}
	m := copyCreditMemo(old)
	fn(&m)
	m.ID = old.ID
	finishCreditMemo(&m)
	m.LastModifiedDateTime = t.nowLocked()
	c.putCreditMemo(&m)
	return nil
}

// DeleteCreditMemo removes a credit memo (only a full reconcile notices).
func (t *Tenant) DeleteCreditMemo(companyID, id string) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	c := t.company(companyID)
	if c == nil {
		return fmt.Errorf("company %s: %w", companyID, ErrNotFound)
	}
	id = strings.ToLower(id)
	if c.creditByID[id] == nil {
		return fmt.Errorf("credit memo %s: %w", id, ErrNotFound)
	}
	s := make([]*bc.PurchaseCreditMemo, 0, len(c.credits))
	for _, m := range c.credits {
		if m.ID != id {
			s = append(s, m)
		}
	}
	c.credits = s
	delete(c.creditByID, id)
	return nil
}

// putCreditMemo inserts or replaces m in id order, in a fresh slice:
// handlers may still page the old one outside the lock.
func (c *company) putCreditMemo(m *bc.PurchaseCreditMemo) {
	if c.creditByID == nil {
		c.creditByID = map[string]*bc.PurchaseCreditMemo{}
	}
	s := make([]*bc.PurchaseCreditMemo, 0, len(c.credits)+1)
	for _, x := range c.credits {
		if x.ID != m.ID {
			s = append(s, x)
		}
	}
	i := sort.Search(len(s), func(i int) bool { return s[i].ID >= m.ID })
	s = append(s[:i], append([]*bc.PurchaseCreditMemo{m}, s[i:]...)...)
	c.credits = s
	c.creditByID[m.ID] = m
}
