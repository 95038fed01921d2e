package spend

import (
	"slices"
	"strings"
	"time"
)

// Apps is the Applications screen: one row per application with spend in
// the trailing 12 months, biggest (converted) spend first. The rows are
// copies; the caller may sort them.
func (m *Model) Apps() []AppRow {
	m.mu.RLock()
	defer m.mu.RUnlock()
	return append([]AppRow(nil), m.agg.apps...)
}

// Unmatched lists vendors whose paid, not-ignored spend no application
// claims over the period (a fix still reaches past charges too),
// biggest first, with the catalog's best suggestion for the biggest
// suggestLimit vendors (computed on first use, then cached).
func (m *Model) Unmatched() []UnmatchedRow {
	m.mu.RLock()
	rows := append([]UnmatchedRow(nil), m.agg.unmatched...)
	m.mu.RUnlock()
	m.fillSuggestions(rows)
	return rows
}

// Filter narrows Transactions. Zero fields do not filter.
type Filter struct {
	App       string    // exact application name (a split invoice passes for each of its applications)
	Company   string    // company id or name
	Vendor    string    // vendor name or number, exact
	Since     time.Time // on or after (Date())
	Until     time.Time // on or before
	Unmatched bool      // only paid charges no application claims (ignored ones excluded)
	History   bool      // include invoices that are not spend (not Paid, removed)
	Text      string    // case-insensitive substring of vendor, description, app, invoice numbers
}

// Match reports whether t passes the filter.
func (f *Filter) Match(t *Transaction) bool {
	switch {
	case t.History && !f.History,
		f.App != "" && !t.Pays(f.App),
		f.Company != "" && t.CompanyID != f.Company && t.Company != f.Company,
		f.Vendor != "" && t.VendorName != f.Vendor && t.VendorNumber != f.Vendor,
		f.Unmatched && (!t.HasUnmatched() || t.History):
		return false
	}
	d := t.Date()
	if !f.Since.IsZero() && d.Before(f.Since) || !f.Until.IsZero() && d.After(f.Until) {
		return false
	}
	return f.Text == "" || containsFold(t, f.Text)
}

func containsFold(t *Transaction, q string) bool {
	q = strings.ToLower(q)
	for _, s := range [...]string{t.VendorName, t.Description, t.App, t.InvoiceNumber, t.VendorInvoiceNumber} {
		if strings.Contains(strings.ToLower(s), q) {
			return true
		}
	}
	return false
}

// Transactions returns copies of the transactions passing f, in date order
// per company.
func (m *Model) Transactions(f Filter) []Transaction {
	m.mu.RLock()
	defer m.mu.RUnlock()
	n := 0
	m.each(f, func(*Transaction) bool { n++; return true })
	out := make([]Transaction, 0, n)
	m.each(f, func(t *Transaction) bool {
		out = append(out, *t)
		return true
	})
	return out
}

// View calls fn with every transaction at the current granularity, history
// included (check History), under the model's read lock: fn must not keep
// or change the slice, nor call the methods that change the model. Whole-
// model analyses (insights) read through it instead of copying 400,000
// transactions.
func (m *Model) View(fn func(txs []Transaction)) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	fn(m.d.txs)
}

// Each calls fn for every transaction passing f without copying it (the
// export of 400,000 rows needs no second copy); fn must not keep or change
// t, and must not call the methods that change the model (it runs under
// the model's read lock). Returning false stops the walk.
func (m *Model) Each(f Filter, fn func(t *Transaction) bool) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	m.each(f, fn)
}

// EachNewestFirst is Each in the console's default order: newest posting
// date first, transactions of one day in model order (company, then
// date). The CLI export uses it so the two write the same file.
func (m *Model) EachNewestFirst(f Filter, fn func(t *Transaction) bool) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	var idx []int
	for i := range m.d.txs {
		if f.Match(&m.d.txs[i]) {
			idx = append(idx, i)
		}
	}
	txs := m.d.txs
	slices.SortStableFunc(idx, func(a, b int) int { return txs[b].PostingDate.Compare(txs[a].PostingDate) })
	for _, i := range idx {
		if !fn(&txs[i]) {
			return
		}
	}
}

func (m *Model) each(f Filter, fn func(t *Transaction) bool) {
	for i := range m.d.txs {
		t := &m.d.txs[i]
		if f.Match(t) && !fn(t) {
			return
		}
	}
}

// Len is the number of transactions at the current granularity, history
// included.
func (m *Model) Len() int {
	m.mu.RLock()
	defer m.mu.RUnlock()
	return len(m.d.txs)
}
