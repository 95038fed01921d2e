package bcsim

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strings"
	"time"
)

// serveInvoices handles purchaseInvoices, purchaseInvoices(id),
// purchaseInvoices(id)/purchaseInvoiceLines and top-level purchaseInvoiceLines.
func (t *Tenant) serveInvoices(w http.ResponseWriter, r *http.Request, q query, ctx string, co *company, segs []string) {
	set, key, hasKey := splitKey(segs[0])
	if q.expand && (set != "purchaseInvoices" || len(segs) > 1 || q.expandNav != "purchaseInvoiceLines") {
		badRequest(w, "BadRequest", "Could not find a navigation property named '"+q.expandNav+"'.")
		return
	}
	if err := checkSelect(q.expandSel, lineEntity.valid, lineEntity.name); err != nil {
		badRequest(w, "BadRequest_PropertyNotFound", err.Error())
		return
	}
	render := func(buf *bytes.Buffer, v *inv) error { return renderInvoice(buf, v, q) }
	switch {
	case set == "purchaseInvoices" && len(segs) == 1 && !hasKey:
		serveInvoiceList(t, w, r, q, ctx+"purchaseInvoices", co, render)
	case set == "purchaseInvoices" && len(segs) == 2 && segs[1] == "$count" && !hasKey:
		t.mu.RLock()
		invs := co.invoices
		t.mu.RUnlock()
		serveCount(w, q, invoiceEntity, invs)
	case set == "purchaseInvoices" && hasKey:
		t.mu.RLock()
		v := co.byID[strings.ToLower(key)]
		t.mu.RUnlock()
		if v == nil {
			notFound(w, "Purch. Inv. Header")
			return
		}
		if len(segs) == 1 {
			serveOneOf(w, q, ctx+"purchaseInvoices/$entity", invoiceEntity, v, render)
			return
		}
		if len(segs) != 2 || segs[1] != "purchaseInvoiceLines" {
			bcError(w, http.StatusNotFound, "BadRequest_NotFound", "No HTTP resource was found that matches the request URI.")
			return
		}
		serveList(w, r, q, ctx+"purchaseInvoices("+v.ID+")/purchaseInvoiceLines", lineEntity, linePtrs(v.Lines), nil)
	case set == "purchaseInvoiceLines" && len(segs) == 1:
		t.serveTopLines(w, r, q, ctx+"purchaseInvoiceLines", invoiceLines(co), key, hasKey)
	default:
		bcError(w, http.StatusNotFound, "BadRequest_NotFound", "No HTTP resource was found that matches the request URI.")
	}
}

// serveInvoiceList pages under the read lock: UpdateInvoice swaps
// pointers inside the invoice slice, so the page is picked while locked and
// rendered after (stored invoices themselves are immutable).
func serveInvoiceList(t *Tenant, w http.ResponseWriter, r *http.Request, q query, ctx string, co *company, render func(*bytes.Buffer, *inv) error) {
	e := invoiceEntity
	pred, size, ok := listQuery(w, q, e)
	if !ok {
		return
	}
	t.mu.RLock()
	page, more := pageOf(co.invoices, e.key, pred, q.skip, size)
	t.mu.RUnlock()
	if t.slowPage(w, r, len(page)) {
		return
	}
	// The page is rendered inside its server time, not on top of it: BC's
	// time per invoice includes building the JSON.
	start := time.Now()
	body, err := renderPage(r, q, ctx, e, page, more && !topReached(q, page), render)
	if err != nil {
		bcError(w, http.StatusInternalServerError, "Internal_ServerError", err.Error())
		return
	}
	if !t.entityDelay(r, len(page), time.Since(start)) {
		return
	}
	writeJSON(w, q, body)
}

func renderInvoice(buf *bytes.Buffer, v *inv, q query) error {
	head := *v
	head.Lines = nil
	var extra func(*bytes.Buffer) error
	if q.expand {
		extra = expandLines("purchaseInvoiceLines", lineEntity, v.Lines, q)
	}
	return writeEntity(buf, &head, invoiceEntity.tag(v), q.sel, extra)
}

// invoiceLines are a company's invoice lines for a top-level request; the
// caller holds t.mu.
func invoiceLines(co *company) topLines {
	return topLinesOf(lineEntity, "Purch. Inv. Line", co.invoices, co.byID, func(v *inv) []line { return v.Lines })
}

// eqLiteral finds name eq <literal> in the top-level and-chain.
func (n *node) eqLiteral(name string) (string, bool) {
	if n == nil {
		return "", false
	}
	switch n.op {
	case "and":
		if s, ok := n.left.eqLiteral(name); ok {
			return s, ok
		}
		return n.right.eqLiteral(name)
	case "eq":
		if n.name == name {
			if s, ok := unquote(n.lit); ok {
				return s, true
			}
			return strings.Trim(n.lit, "{}"), true
		}
	}
	return "", false
}

// jsonString encodes s without HTML escaping, so links stay readable.
func jsonString(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	return strings.TrimSuffix(b.String(), "\n")
}
