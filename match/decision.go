package match

import (
	"fmt"
	"strings"

	"github.com/bcspend/bcspend/money"
)

// Method says which layer decided a match; it is the provenance the console
// shows next to every charge.
type Method string

// The layers, in the order they are tried, plus the two outcomes without an
// application.
const (
	MethodManual  Method = "manual"  // a fix of one transaction
	MethodRule    Method = "rule"    // an admin rule
	MethodKeyword Method = "keyword" // a product named on a multi-product vendor's or reseller's line
	MethodAlias   Method = "alias"   // the vendor is a catalogued name of the app
	MethodName    Method = "name"    // the line names the app
	MethodFuzzy   Method = "fuzzy"   // the vendor name is close to a catalogued one
	MethodIgnored Method = "ignored" // not software
	MethodNone    Method = "none"    // no evidence either way

	// MethodUnknownProduct: a known multi-product vendor (Vendor) whose line
	// names a product the catalog lacks; unmatched rather than its default.
	MethodUnknownProduct Method = "unknown-product"
	// MethodInferred: a vendor the catalog lacks whose lines read like a
	// software subscription; Suggest is the application it probably is,
	// for the admin to accept or reject. Unmatched until then.
	MethodInferred Method = "inferred"
)

// Decision is the outcome of matching one transaction.
type Decision struct {
	App          string   `json:"app"` // "" when ignored or unmatched
	Category     string   `json:"category,omitempty"`
	Method       Method   `json:"method"`
	Confidence   float64  `json:"confidence"` // 0..1
	Reason       string   `json:"reason"`
	Ignored      bool     `json:"ignored"`                 // not software: keep out of spend and out of "unmatched"
	Apps         []string `json:"apps,omitempty"`          // several apps seen on one invoice
	SuggestLines bool     `json:"suggest_lines,omitempty"` // line granularity would split this invoice
	RuleID       string   `json:"rule_id,omitempty"`       // the rule that decided, for manual and rule
	Vendor       string   `json:"vendor,omitempty"`        // the known vendor, for an unknown product
	Suggest      string   `json:"suggest,omitempty"`       // an application to review, when App is ""

	// brandWords: a vendor read from a line (a marketplace's seller the
	// catalog lacks), normalised; Match spells it as the line does.
	brandWords string
}

// Input is what the matcher sees of a transaction: the vendor and the line
// descriptions (one for line granularity, all of them for an invoice).
type Input struct {
	TransactionID string   `json:"transaction_id,omitempty"`
	VendorName    string   `json:"vendor"`
	Descriptions  []string `json:"descriptions,omitempty"`
}

// Item is a transaction with its money, for rule previews.
type Item struct {
	Input
	Amount   money.Amount `json:"amount"`
	Currency string       `json:"currency"`
}

// Labels used where a decision has no application, in previews and tables.
const (
	LabelUnmatched = "(unmatched)"
	LabelIgnored   = "(ignored)"
)

// Label is the app, or LabelIgnored / LabelUnmatched.
func (d Decision) Label() string {
	switch {
	case d.Ignored:
		return LabelIgnored
	case d.App == "":
		return LabelUnmatched
	}
	return d.App
}

// Text renders the decision for `bcspend match`: what, how sure, and why.
func (d Decision) Text() string {
	var b strings.Builder
	switch {
	case d.Ignored:
		b.WriteString("not software (ignored)\n")
	case d.Method == MethodInferred:
		fmt.Fprintf(&b, "no application matched; inferred: %s (review it in Unmatched)\n", d.Suggest)
	case d.Method == MethodUnknownProduct:
		fmt.Fprintf(&b, "unknown product of %s\n", d.Vendor)
	case d.App == "" && d.Suggest != "":
		fmt.Fprintf(&b, "no application matched; maybe %s\n", d.Suggest)
	case d.App == "":
		b.WriteString("no application matched\n")
	case d.Category != "":
		fmt.Fprintf(&b, "%s (%s)\n", d.App, d.Category)
	default:
		fmt.Fprintf(&b, "%s\n", d.App)
	}
	fmt.Fprintf(&b, "  method      %s\n", d.Method)
	fmt.Fprintf(&b, "  confidence  %.2f\n", d.Confidence)
	fmt.Fprintf(&b, "  reason      %s\n", d.Reason)
	if len(d.Apps) > 1 {
		fmt.Fprintf(&b, "  apps        %s\n", strings.Join(d.Apps, ", "))
	}
	if d.SuggestLines {
		b.WriteString("  hint        switch to line granularity to split this invoice\n")
	}
	if d.RuleID != "" {
		fmt.Fprintf(&b, "  rule        %s\n", d.RuleID)
	}
	return b.String()
}
