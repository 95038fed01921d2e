package match

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// RuleKind says what a rule looks at.
type RuleKind string

// The rule kinds, in the order they rank when priorities tie.
const (
	RuleTransaction  RuleKind = "transaction"   // one-off fix of one transaction
	RuleVendor       RuleKind = "vendor"        // always map vendor X to app Y
	RuleIgnoreVendor RuleKind = "ignore-vendor" // vendor X is not software
	RuleDescription  RuleKind = "description"   // a line containing X maps to Y (or is ignored)
)

var kindRank = map[RuleKind]int{RuleTransaction: 0, RuleVendor: 1, RuleIgnoreVendor: 2, RuleDescription: 3}

// Rule is an admin's correction. Rules are inputs to every Match, so a rule
// applies to past and future transactions alike and survives every re-sync.
// An empty App means "ignore: not software".
type Rule struct {
	ID            string    `json:"id"`
	Kind          RuleKind  `json:"kind"`
	Priority      int       `json:"priority"`                 // lower runs first
	VendorName    string    `json:"vendor_name,omitempty"`    // compared normalised; optional scope for description rules
	Contains      string    `json:"contains,omitempty"`       // description rules: normalised words to find
	App           string    `json:"app,omitempty"`            // target; empty ignores
	TransactionID string    `json:"transaction_id,omitempty"` // transaction rules
	Note          string    `json:"note,omitempty"`
	Created       time.Time `json:"created"`
}

// Validate says what is missing from a rule, in words an admin can act on.
func (r Rule) Validate() error {
	switch r.Kind {
	case RuleTransaction:
		if r.TransactionID == "" {
			return fmt.Errorf("rule %s: a transaction rule needs the transaction id it fixes", r.ID)
		}
	case RuleVendor:
		if Normalize(r.VendorName) == "" || r.App == "" {
			return fmt.Errorf("rule %s: a vendor rule needs a vendor name and the app to map it to", r.ID)
		}
	case RuleIgnoreVendor:
		if Normalize(r.VendorName) == "" {
			return fmt.Errorf("rule %s: an ignore-vendor rule needs the vendor name to ignore", r.ID)
		}
	case RuleDescription:
		if normPhrase(r.Contains) == "" {
			return fmt.Errorf("rule %s: a description rule needs the words to look for in the description", r.ID)
		}
	default:
		return fmt.Errorf("rule %s: unknown kind %q; use transaction, vendor, ignore-vendor or description", r.ID, r.Kind)
	}
	return nil
}

// compiledRule is a rule with its text normalised once.
type compiledRule struct {
	Rule
	vendor   string // normalised VendorName
	contains string // normalised Contains, padded with spaces for word matching
}

// compileRules sorts rules into the order they are tried: priority, then
// kind, then age, then id, so equal rules always resolve the same way.
// Invalid rules are skipped; the store validates before saving.
func compileRules(rules []Rule) (manual map[string]Rule, ordered []compiledRule) {
	manual = map[string]Rule{}
	sorted := append([]Rule(nil), rules...)
	sort.SliceStable(sorted, func(i, j int) bool { return ruleLess(sorted[i], sorted[j]) })
	for _, r := range sorted {
		if r.Validate() != nil {
			continue
		}
		if r.Kind == RuleTransaction {
			if _, seen := manual[r.TransactionID]; !seen {
				manual[r.TransactionID] = r
			}
			continue
		}
		cr := compiledRule{Rule: r, vendor: Normalize(r.VendorName)}
		if r.Kind == RuleDescription {
			cr.contains = " " + normPhrase(r.Contains) + " "
		}
		ordered = append(ordered, cr)
	}
	return manual, ordered
}

func ruleLess(a, b Rule) bool {
	if a.Priority != b.Priority {
		return a.Priority < b.Priority
	}
	if kindRank[a.Kind] != kindRank[b.Kind] {
		return kindRank[a.Kind] < kindRank[b.Kind]
	}
	if !a.Created.Equal(b.Created) {
		return a.Created.Before(b.Created)
	}
	return a.ID < b.ID
}

// applies reports whether a non-transaction rule matches the normalised
// vendor and lines (each line padded with spaces).
func (r compiledRule) applies(vendor string, lines []string) bool {
	switch r.Kind {
	case RuleVendor, RuleIgnoreVendor:
		return r.vendor == vendor
	case RuleDescription:
		if r.vendor != "" && r.vendor != vendor {
			return false
		}
		for _, l := range lines {
			if strings.Contains(l, r.contains) {
				return true
			}
		}
	}
	return false
}

// ruleDecision turns a matching rule into a decision.
func (c *Catalog) ruleDecision(r Rule, method Method) Decision {
	d := Decision{Method: method, Confidence: 1, RuleID: r.ID}
	what := ruleWhat(r)
	if r.Kind == RuleIgnoreVendor || r.App == "" {
		d.Ignored = true
		d.Reason = fmt.Sprintf("%s: ignore as not software", what)
	} else {
		d.App = c.canonical(r.App)
		d.Category = c.category(r.App)
		d.Reason = fmt.Sprintf("%s -> %s", what, d.App)
	}
	if r.Note != "" {
		d.Reason += " (" + r.Note + ")"
	}
	return d
}

func ruleWhat(r Rule) string {
	switch r.Kind {
	case RuleTransaction:
		return fmt.Sprintf("manual fix of transaction %s", r.TransactionID)
	case RuleDescription:
		if r.VendorName != "" {
			return fmt.Sprintf("rule %s: vendor '%s' with description containing '%s'", r.ID, r.VendorName, r.Contains)
		}
		return fmt.Sprintf("rule %s: description contains '%s'", r.ID, r.Contains)
	}
	return fmt.Sprintf("rule %s: vendor '%s'", r.ID, r.VendorName)
}
