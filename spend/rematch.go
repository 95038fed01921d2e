package spend

import (
	"runtime"
	"strconv"
	"sync"

	"github.com/bcspend/bcspend/match"
)

// rematch decides every unit with the current matcher, summarises each
// transaction from its units and rebuilds the aggregates. The matcher runs
// once per distinct (vendor, descriptions) input, not once per unit; the
// loops only copy indexes, so they allocate nothing for unsplit
// transactions. Manual fixes (rules for one transaction or one line) are
// the exception and are decided per unit.
func (m *Model) rematch() { m.rematchKnown(nil, nil) }

// rematchKnown is rematch with some decisions known already: known[i] is
// input i's when have[i] (read from the store, or kept from before a
// re-derive with the same matcher); the matcher decides the rest.
func (m *Model) rematchKnown(known []match.Decision, have []bool) {
	d := &m.d
	d.decs = decideAll(m.matcher, d.inputs, known, have)
	m.noteDecided(m.fp, have)
	for u := range d.units {
		d.units[u].dec = pick(d.decs, &d.units[u])
	}
	m.applyManual()
	m.netCredits()
	for i := range d.txs {
		d.summarize(i)
	}
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

// applyManual applies one-off fixes. A fix names a line (invoice id + "/"
// + sequence) or a whole invoice; a fix on an invoice covers all its
// lines at both granularities, so switching granularity keeps it.
func (m *Model) applyManual() {
	ids := manualIDs(m.rules)
	if len(ids) == 0 {
		return
	}
	d := &m.d
	for i := range d.txs {
		t := &d.txs[i]
		for u := d.txUnit[i]; u < d.txUnit[i+1]; u++ {
			un := &d.units[u]
			id, ok := manualFor(ids, t, un)
			if !ok {
				continue
			}
			in := d.inputs[pick(d.decs, un)]
			in.TransactionID = id
			d.decs = append(d.decs, m.matcher.Match(in))
			un.dec = int32(len(d.decs) - 1)
		}
	}
}

// pick is the input whose decision un takes: its own, or its invoice's
// when its own line says nothing either way.
func pick(decs []match.Decision, un *unit) int32 {
	if decs[un.key].Method == match.MethodNone {
		return un.ikey
	}
	return un.key
}

func manualIDs(rules []match.Rule) map[string]bool {
	ids := map[string]bool{}
	for _, r := range rules {
		if r.Kind == match.RuleTransaction && r.TransactionID != "" {
			ids[r.TransactionID] = true
		}
	}
	return ids
}

// unitID is the id a fix on one line of t names.
func unitID(t *Transaction, un *unit) string {
	if un.seq == 0 {
		return t.InvoiceID
	}
	return t.InvoiceID + "/" + strconv.Itoa(int(un.seq))
}

// manualFor is the id of the one-off fix that decides un, if any: its
// line's first, then its invoice's.
func manualFor(ids map[string]bool, t *Transaction, un *unit) (string, bool) {
	if len(ids) == 0 {
		return "", false
	}
	if id := unitID(t, un); ids[id] {
		return id, true
	}
	if ids[t.InvoiceID] {
		return t.InvoiceID, true
	}
	return "", false
}

// Explain is the matcher's decision for one transaction (its main
// allocation's, for a split invoice), with its reason; ok is false for an
// unknown id.
func (m *Model) Explain(txID string) (match.Decision, bool) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	i := m.txIndex(txID)
	if i < 0 {
		return match.Decision{}, false
	}
	return m.d.decs[m.d.units[m.d.primary(i)].dec], true
}

// txIndex finds a transaction by id; -1 when there is none.
func (m *Model) txIndex(id string) int {
	for i := range m.d.txs {
		if m.d.txs[i].ID == id {
			return i
		}
	}
	return -1
}

// Transaction is one transaction by id (split invoices with their
// Splits); ok is false for an unknown id.
func (m *Model) Transaction(id string) (Transaction, bool) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	if i := m.txIndex(id); i >= 0 {
		return m.d.txs[i], true
	}
	return Transaction{}, false
}

// parallelKeys is the number of distinct inputs above which matching is
// spread over the CPUs: a cold matcher spends tens of microseconds on an
// unknown vendor (fuzzy search), and a store has thousands of them.
const parallelKeys = 512

// decideAll matches every input, in parallel for big sets (the matcher is
// safe for concurrent use). The result is in input order. known (nil, or
// one per input) holds decisions made already, where have says so: those
// inputs are not matched again.
func decideAll(mt *match.Matcher, inputs []match.Input, known []match.Decision, have []bool) []match.Decision {
	decs := known
	if decs == nil {
		decs = make([]match.Decision, len(inputs))
	}
	todo := make([]int32, 0, len(inputs))
	for i := range inputs {
		if have == nil || !have[i] {
			todo = append(todo, int32(i))
		}
	}
	workers := runtime.GOMAXPROCS(0)
	if len(todo) < parallelKeys || workers < 2 {
		for _, i := range todo {
			decs[i] = mt.Match(inputs[i])
		}
		return decs
	}
	var wg sync.WaitGroup
	chunk := (len(todo) + workers - 1) / workers
	for lo := 0; lo < len(todo); lo += chunk {
		part := todo[lo:min(lo+chunk, len(todo))]
		wg.Go(func() {
			for _, i := range part {
				decs[i] = mt.Match(inputs[i])
			}
		})
	}
	wg.Wait()
	return decs
}

// decisionsFor is what d decided for the inputs of next, derived again
// from the same invoices with the same matcher (a granularity switch):
// the same input, the same decision.
func (d *derived) decisionsFor(next *derived) ([]match.Decision, []bool) {
	if len(d.decs) < len(d.inputs) {
		return nil, nil
	}
	decs, have := make([]match.Decision, len(next.inputs)), make([]bool, len(next.inputs))
	for i, k := range next.keys {
		if j, ok := d.keyIdx[k]; ok {
			decs[i], have[i] = d.decs[j], true
		}
	}
	return decs, have
}
