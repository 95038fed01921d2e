package spend

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/bcspend/bcspend/match"
	"github.com/bcspend/bcspend/store"
)

// Rules are matcher inputs kept in the store, which sync never touches:
// adding one re-matches every transaction, past and future alike, and a
// reload (or a re-sync) finds it again.

// ErrNoRule is returned by RemoveRule for an unknown id.
var ErrNoRule = errors.New("no such rule")

// RuleError is a rule the admin must correct; it carries the remedy.
type RuleError struct{ Err error }

func (e *RuleError) Error() string { return e.Err.Error() }

// Remedy says what to do.
func (e *RuleError) Remedy() string {
	if errors.Is(e.Err, ErrNoRule) {
		return "list the rules with 'bcspend rules list' and use one of the ids shown"
	}
	return "fix the rule's fields; 'bcspend rules add --help' lists them"
}

func (e *RuleError) Unwrap() error { return e.Err }

// NewRuleID makes a short random id ("r-3f9a0c1b").
func NewRuleID() string {
	var b [4]byte
	_, _ = rand.Read(b[:])
	return "r-" + hex.EncodeToString(b[:])
}

// prepareRule fills the id and creation time and validates.
func prepareRule(r match.Rule) (match.Rule, error) {
	if r.ID == "" {
		r.ID = NewRuleID()
	}
	if r.Created.IsZero() {
		r.Created = time.Now().UTC()
	}
	if err := r.Validate(); err != nil {
		return r, &RuleError{Err: err}
	}
	return r, nil
}

// AddRule validates r (an empty ID gets a fresh one), stores it (replacing
// a rule with the same ID in place) and re-matches. It returns the rule as
// stored.
func (m *Model) AddRule(db *store.DB, r match.Rule) (match.Rule, error) {
	r, err := prepareRule(r)
	if err != nil {
		return r, err
	}
	data, err := json.Marshal(r)
	if err != nil {
		return r, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := db.PutRule(r.ID, data); err != nil {
		return r, err
	}
	m.setRules(withRule(m.rules, r))
	return r, nil
}

// RemoveRule deletes the rule id from the store and re-matches.
func (m *Model) RemoveRule(db *store.DB, id string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	i := ruleIndex(m.rules, id)
	if i < 0 {
		return &RuleError{Err: fmt.Errorf("rule %q: %w", id, ErrNoRule)}
	}
	if err := db.DeleteRule(id); err != nil {
		return err
	}
	rules := append(append([]match.Rule(nil), m.rules[:i]...), m.rules[i+1:]...)
	m.setRules(rules)
	return nil
}

// SetRules puts rules in force in memory only (nothing is stored) and
// re-matches every transaction; for "what if" views and benchmarks.
func (m *Model) SetRules(rules []match.Rule) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.setRules(append([]match.Rule(nil), rules...))
}

// ReloadRules re-reads the stored rules (another bcspend may have changed
// them) and re-matches.
func (m *Model) ReloadRules(db *store.DB) error {
	rules, err := LoadRules(db)
	if err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.setRules(rules)
	return nil
}

// setRules swaps the matcher and re-matches what is in memory.
func (m *Model) setRules(rules []match.Rule) {
	m.rules = rules
	m.matcher, m.fp = matcherFor(m.cat, rules)
	m.rematch()
}

func ruleIndex(rules []match.Rule, id string) int {
	for i := range rules {
		if rules[i].ID == id {
			return i
		}
	}
	return -1
}

// withRule is rules with r replacing the rule of the same id, or appended.
func withRule(rules []match.Rule, r match.Rule) []match.Rule {
	out := append([]match.Rule(nil), rules...)
	if i := ruleIndex(out, r.ID); i >= 0 {
		out[i] = r
		return out
	}
	return append(out, r)
}

// PreviewRule says what adding r would move: transactions and money per
// currency, from which application (or match.LabelUnmatched /
// match.LabelIgnored) to which, over every paid transaction. Nothing is
// saved. An invalid rule previews as no moves; AddRule reports why.
func (m *Model) PreviewRule(r match.Rule) []match.Move {
	r, err := prepareRule(r)
	if err != nil {
		return nil
	}
	m.mu.RLock()
	defer m.mu.RUnlock()
	return m.previewRules(withRule(m.rules, r))
}

// PreviewRemoval says what removing the rule id would move.
func (m *Model) PreviewRemoval(id string) []match.Move {
	m.mu.RLock()
	defer m.mu.RUnlock()
	i := ruleIndex(m.rules, id)
	if i < 0 {
		return nil
	}
	return m.previewRules(append(append([]match.Rule(nil), m.rules[:i]...), m.rules[i+1:]...))
}

// PreviewRules compares the rules in force with proposed. It is
// match.Preview's result, computed like rematch: the proposed matcher runs
// once per distinct input, not once per transaction.
func (m *Model) PreviewRules(proposed []match.Rule) []match.Move {
	m.mu.RLock()
	defer m.mu.RUnlock()
	return m.previewRules(proposed)
}

func (m *Model) previewRules(proposed []match.Rule) []match.Move {
	after, _ := matcherFor(m.cat, proposed)
	decs := decideAll(after, m.d.inputs, nil, nil)
	manual := manualIDs(proposed)
	d := &m.d
	// idx is every unit's decision under the proposed rules (an index into
	// decs; one-off fixes appended), so refunds can follow what they net.
	idx := make([]int32, len(d.units))
	for i := range d.txs {
		t := &d.txs[i]
		for u := d.txUnit[i]; u < d.txUnit[i+1]; u++ {
			un := &d.units[u]
			k := pick(decs, un)
			if id, ok := manualFor(manual, t, un); ok {
				in := d.inputs[k]
				in.TransactionID = id
				decs = append(decs, after.Match(in))
				k = int32(len(decs) - 1)
			}
			idx[u] = k
		}
	}
	if m.hasCredits {
		fixed := int32(len(d.inputs))
		for i, src := range creditTargets(d, func(u int32) *match.Decision { return &decs[idx[u]] }) {
			for u := d.txUnit[i]; u < d.txUnit[i+1]; u++ {
				if idx[u] < fixed {
					idx[u] = idx[src.unit]
				}
			}
		}
	}
	moves := match.Moves{}
	for i := range d.txs {
		t := &d.txs[i]
		if t.History {
			continue
		}
		for u := d.txUnit[i]; u < d.txUnit[i+1]; u++ {
			un := &d.units[u]
			if from, to := d.decs[un.dec].Label(), decs[idx[u]].Label(); from != to {
				moves.Add(from, to, t.Currency, un.amount)
			}
		}
	}
	return moves.Sorted()
}

// labelOf is an application, match.LabelIgnored or match.LabelUnmatched.
func labelOf(app string, ignored bool) string {
	switch {
	case ignored:
		return match.LabelIgnored
	case app == "":
		return match.LabelUnmatched
	}
	return app
}

// DescribeRule is a one-line human form of a rule for lists and prompts.
func DescribeRule(r match.Rule) string {
	target := r.App
	if target == "" || r.Kind == match.RuleIgnoreVendor {
		target = "ignore (not software)"
	}
	var what string
	switch r.Kind {
	case match.RuleTransaction:
		what = "transaction " + r.TransactionID
	case match.RuleVendor, match.RuleIgnoreVendor:
		what = "vendor " + quote(r.VendorName)
	case match.RuleDescription:
		what = "description contains " + quote(r.Contains)
		if r.VendorName != "" {
			what += " (vendor " + quote(r.VendorName) + ")"
		}
	default:
		what = string(r.Kind)
	}
	return what + " -> " + target
}

func quote(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }
