// Package spend derives what the admin looks at from what the store holds:
// transactions at the chosen granularity, their match decisions, and the
// aggregates per application, vendor and month. Views are plain typed rows so
// the console can sort and filter them outside View().
package spend

import (
	"time"

	"github.com/bcspend/bcspend/money"
)

// Granularity says what one transaction is.
type Granularity string

// The two granularities: one transaction per paid invoice (default), or one
// per invoice line.
const (
	PerInvoice Granularity = "invoice"
	PerLine    Granularity = "line"
)

// Transaction is one charge: a paid invoice, or one of its lines.
type Transaction struct {
	ID                  string // invoice id, or invoice id + "/" + line sequence
	CompanyID           string
	Company             string
	InvoiceID           string
	InvoiceNumber       string
	VendorInvoiceNumber string
	InvoiceDate         time.Time
	PostingDate         time.Time
	VendorNumber        string
	VendorName          string
	LineSequence        int // 0 in invoice granularity
	Description         string
	Amount              money.Amount // net amount excluding tax
	Currency            string
	Status              string // BC status; only Paid counts
	Department          string // shortcutDimension1Code

	App        string // "" when unmatched or ignored
	Category   string
	Method     string // manual, rule, keyword, alias, name, fuzzy, ignored, none
	Confidence float64
	Reason     string
	Ignored    bool
}

// Money is a sum kept per currency: different currencies are never added.
type Money map[string]money.Amount

// AppRow is one line of the Applications screen.
type AppRow struct {
	App          string
	Category     string
	Vendors      []string
	Transactions int
	Spend        Money     // trailing 12 months
	Months       [12]Money // oldest first; index 11 is the current month
	LastCharge   time.Time
}

// UnmatchedRow is one vendor whose spend no application claims.
type UnmatchedRow struct {
	VendorNumber string
	VendorName   string
	Transactions int
	Spend        Money
	Suggestion   string // best catalog guess, may be ""
	SampleDesc   string
}

// UserRow is one BC user.
type UserRow struct {
	UserName     string
	DisplayName  string
	Email        string
	Active       bool
	MissingEmail bool
	Removed      bool
	Application  bool // an application/agent user, not a person
}
