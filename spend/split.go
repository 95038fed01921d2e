package spend

import (
	"sort"
	"strconv"

	"github.com/bcspend/bcspend/money"
)

// An invoice whose lines go to different applications stays one
// transaction, but its amount is allocated to them by line amount: the
// spend per application is the same at invoice and at line granularity.
// Lines that are not software (ignored) count nowhere; lines no
// application claims count as unmatched spend of the vendor.

// Split is one allocation of a split invoice: the lines going to one
// application (or ignored, or unmatched: App "").
type Split struct {
	App             string
	Category        string
	Ignored         bool
	Amount          money.Amount // in the transaction's currency
	AmountReporting money.Amount // converted; 0 when the transaction is Unconverted
	Lines           []int        // the lines' sequences
}

// Label is the split's application, match.LabelIgnored or
// match.LabelUnmatched.
func (s *Split) Label() string { return labelOf(s.App, s.Ignored) }

// Pays reports whether t (or one of its splits) is spend of app.
func (t *Transaction) Pays(app string) bool {
	if t.App == app && !t.Ignored {
		return true
	}
	for i := range t.Splits {
		if t.Splits[i].App == app && !t.Splits[i].Ignored {
			return true
		}
	}
	return false
}

// HasUnmatched reports whether some of t's spend no application claims.
func (t *Transaction) HasUnmatched() bool {
	if len(t.Splits) == 0 {
		return t.App == "" && !t.Ignored
	}
	for i := range t.Splits {
		if t.Splits[i].App == "" && !t.Splits[i].Ignored {
			return true
		}
	}
	return false
}

// SplitText is "Microsoft 365 + 2 more" for a split invoice, else the
// application.
func (t *Transaction) SplitText() string {
	n := 0
	for i := range t.Splits {
		if !t.Splits[i].Ignored {
			n++
		}
	}
	if n <= 1 {
		return t.App
	}
	main := t.App
	if main == "" {
		main = "(unmatched)"
	}
	return main + " + " + strconv.Itoa(n-1) + " more"
}

// summarize sets transaction i's decision from its units: the one
// decision when all agree, else its main allocation's (the biggest
// application; unmatched, then ignored, when no application has any) with
// every allocation in Splits.
func (d *derived) summarize(i int) {
	t := &d.txs[i]
	lo, hi := d.txUnit[i], d.txUnit[i+1]
	t.Splits = nil
	if d.uniform(lo, hi) {
		applyDecision(t, &d.decs[d.units[d.biggest(lo, hi, nil)].dec])
		return
	}
	byLabel := map[string]*Split{}
	for u := lo; u < hi; u++ {
		un := &d.units[u]
		dec := &d.decs[un.dec]
		k := labelOf(dec.App, dec.Ignored)
		s := byLabel[k]
		if s == nil {
			s = &Split{App: dec.App, Category: dec.Category, Ignored: dec.Ignored}
			byLabel[k] = s
		}
		s.Amount += un.amount
		s.AmountReporting += un.rep
		s.Lines = append(s.Lines, int(un.seq))
	}
	for _, s := range byLabel {
		t.Splits = append(t.Splits, *s)
	}
	sort.Slice(t.Splits, func(a, b int) bool {
		x, y := &t.Splits[a], &t.Splits[b]
		if rank(x) != rank(y) {
			return rank(x) < rank(y)
		}
		if abs(x.Amount) != abs(y.Amount) {
			return abs(x.Amount) > abs(y.Amount)
		}
		return x.App < y.App
	})
	main := &t.Splits[0]
	applyDecision(t, &d.decs[d.units[d.biggest(lo, hi, main)].dec])
}

// rank puts applications first, then unmatched, then ignored.
func rank(s *Split) int {
	switch {
	case s.Ignored:
		return 2
	case s.App == "":
		return 1
	}
	return 0
}

// uniform reports whether units [lo, hi) have one decision label.
func (d *derived) uniform(lo, hi int32) bool {
	first := &d.decs[d.units[lo].dec]
	for u := lo + 1; u < hi; u++ {
		dec := &d.decs[d.units[u].dec]
		if dec.App != first.App || dec.Ignored != first.Ignored {
			return false
		}
	}
	return true
}

// biggest is the unit of [lo, hi) with the largest amount, among those of
// split s when s is not nil.
func (d *derived) biggest(lo, hi int32, s *Split) int32 {
	best := int32(-1)
	for u := lo; u < hi; u++ {
		un := &d.units[u]
		if s != nil {
			dec := &d.decs[un.dec]
			if dec.App != s.App || dec.Ignored != s.Ignored {
				continue
			}
		}
		if best < 0 || abs(un.amount) > abs(d.units[best].amount) {
			best = u
		}
	}
	return best
}

// primary is transaction i's main unit: the one its decision comes from.
func (d *derived) primary(i int) int32 {
	lo, hi := d.txUnit[i], d.txUnit[i+1]
	if len(d.txs[i].Splits) == 0 {
		return d.biggest(lo, hi, nil)
	}
	return d.biggest(lo, hi, &d.txs[i].Splits[0])
}

// ViewCharges is View with every split invoice given once per allocation
// (same ID; App, Category, Ignored, Amount and AmountReporting of the
// allocation; no Splits), so analyses that read one application per
// transaction (insights) allocate as the Applications screen does. The
// same rules as View apply to fn.
func (m *Model) ViewCharges(fn func(txs []Transaction)) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	fn(m.charges())
}

// charges is d.txs with split invoices expanded; d.txs itself when none is
// split.
func (m *Model) charges() []Transaction {
	n := 0
	for i := range m.d.txs {
		n += max(len(m.d.txs[i].Splits), 1)
	}
	if n == len(m.d.txs) {
		return m.d.txs
	}
	out := make([]Transaction, 0, n)
	for i := range m.d.txs {
		t := &m.d.txs[i]
		if len(t.Splits) == 0 {
			out = append(out, *t)
			continue
		}
		for _, s := range t.Splits {
			c := *t
			c.Splits = nil
			c.App, c.Category, c.Ignored, c.Amount, c.AmountReporting = s.App, s.Category, s.Ignored, s.Amount, s.AmountReporting
			if s.App != t.App || s.Ignored != t.Ignored {
				c.Method, c.Confidence, c.Reason, c.RuleID = "", 0, "allocated by line amount", ""
			}
			out = append(out, c)
		}
	}
	return out
}
