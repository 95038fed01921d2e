package spend

import (
	"runtime"
	"sync"

	"github.com/bcspend/bcspend/match"
)

// rematch decides every transaction with the current matcher and rebuilds
// the aggregates. The matcher runs once per distinct (vendor, descriptions)
// input, not once per transaction; the per-transaction loop only copies a
// decision's fields, so it allocates nothing. Manual fixes (rules for one
// transaction) are the exception and are looked up per transaction.
func (m *Model) rematch() {
	decs := decideAll(m.matcher, m.d.inputs)
	txs := m.d.txs
	for i := range txs {
		applyDecision(&txs[i], &decs[m.d.key[i]])
	}
	m.applyManual()
	m.aggregate()
}

func applyDecision(t *Transaction, d *match.Decision) {
	t.App = d.App
	t.Category = d.Category
	t.Method = string(d.Method)
	t.Confidence = d.Confidence
	t.Reason = d.Reason
	t.Ignored = d.Ignored
	t.RuleID = d.RuleID
}

// applyManual applies one-off fixes. A fix made on an invoice also covers
// its lines at line granularity, so switching granularity keeps it.
func (m *Model) applyManual() {
	ids := map[string]bool{}
	for _, r := range m.rules {
		if r.Kind == match.RuleTransaction && r.TransactionID != "" {
			ids[r.TransactionID] = true
		}
	}
	if len(ids) == 0 {
		return
	}
	txs := m.d.txs
	for i := range txs {
		t := &txs[i]
		id := t.ID
		if !ids[id] {
			if id = t.InvoiceID; !ids[id] {
				continue
			}
		}
		in := m.d.inputs[m.d.key[i]]
		in.TransactionID = id
		d := m.matcher.Match(in)
		applyDecision(t, &d)
	}
}

// Explain is the matcher's decision for one transaction, with its reason;
// ok is false for an unknown id.
func (m *Model) Explain(txID string) (match.Decision, bool) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	for i := range m.d.txs {
		if m.d.txs[i].ID == txID {
			in := m.d.inputs[m.d.key[i]]
			in.TransactionID = txID
			d := m.matcher.Match(in)
			if d.Method != match.MethodManual && m.d.txs[i].InvoiceID != txID {
				in.TransactionID = m.d.txs[i].InvoiceID
				d = m.matcher.Match(in)
			}
			return d, true
		}
	}
	return match.Decision{}, false
}

// parallelKeys is the number of distinct inputs above which matching is
// spread over the CPUs: a cold matcher spends tens of microseconds on an
// unknown vendor (fuzzy search), and a store has thousands of them.
const parallelKeys = 512

// decideAll matches every input, in parallel for big sets (the matcher is
// safe for concurrent use). The result is in input order.
func decideAll(mt *match.Matcher, inputs []match.Input) []match.Decision {
	decs := make([]match.Decision, len(inputs))
	workers := runtime.GOMAXPROCS(0)
	if len(inputs) < parallelKeys || workers < 2 {
		for i, in := range inputs {
			decs[i] = mt.Match(in)
		}
		return decs
	}
	var wg sync.WaitGroup
	chunk := (len(inputs) + workers - 1) / workers
	for lo := 0; lo < len(inputs); lo += chunk {
		hi := min(lo+chunk, len(inputs))
		wg.Go(func() {
			for i := lo; i < hi; i++ {
				decs[i] = mt.Match(inputs[i])
			}
		})
	}
	wg.Wait()
	return decs
}
