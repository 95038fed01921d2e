package spend

import "github.com/bcspend/bcspend/store"

// EachInvoice calls fn for every stored invoice the model holds, history
// included, with its lines: insights read service periods, quantities and
// unit costs from them, which transactions do not carry. The invoices are
// the model's own and never change after Load (a reload builds a new
// model), so fn may keep the pointers but must not modify them. It runs
// under the model's read lock: fn must not call back into the model.
func (m *Model) EachInvoice(fn func(inv *store.Invoice)) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	for _, p := range m.parts {
		for _, inv := range p.invoices {
			fn(inv)
		}
	}
}
