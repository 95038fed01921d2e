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
	VendorInvoiceNumber string    // the vendor's credit memo number on a credit memo
	InvoiceDate         time.Time // the credit memo date on a credit memo
	PostingDate         time.Time
	VendorNumber        string
	VendorName          string
	LineSequence        int // 0 in invoice granularity
	Description         string
	Amount              money.Amount // net amount excluding tax
	Currency            string
	Status              string // BC status; only Paid counts
	// Dimension1 and Dimension2 are the invoice's values of the company's
	// two global dimensions (shortcutDimension1Code/2Code); what they are
	// (DEPARTMENT, AREA, PROJECT ...) is the company's Dimension1/2 label.
	Dimension1, Dimension2 string

	// The amount in the reporting currency at the rate of the transaction's
	// date (Date()). Unconverted is set, and AmountReporting is 0, when no
	// rate covers that date: such amounts are never summed as if converted.
	AmountReporting   money.Amount
	ReportingCurrency string
	Unconverted       bool
	// DocumentType is DocInvoice, or DocCreditMemo for a refund (a paid
	// purchase credit memo, netted with negative amounts; creditmemos.go).
	// InvoiceID and InvoiceNumber are then the credit memo's own, and
	// AppliesToID/AppliesToNumber the invoice it was applied to ("" for a
	// credit on the vendor as a whole).
	DocumentType                 string
	AppliesToID, AppliesToNumber string
	// History marks an invoice that is not spend (not Paid, or removed in
	// BC). It is kept for the record and left out of every total.
	History bool

	App        string // "" when unmatched or ignored
	Category   string
	Method     string // manual, rule, keyword, alias, name, fuzzy, ignored, none
	Confidence float64
	Reason     string
	Ignored    bool
	RuleID     string // the rule behind a manual or rule match

	// Splits is set on an invoice whose lines go to different
	// applications (split.go): every allocation, the main one (App above)
	// first. Nil otherwise.
	Splits []Split
}

// Money is a sum kept per currency: different currencies are never added.
type Money map[string]money.Amount

// AppRow is one line of the Applications screen.
type AppRow struct {
	App          string
	Category     string
	Dimension    string // only in AppsByDimension: the dimension value of the row's spend
	Vendors      []string
	Transactions int
	Spend        Money     // trailing 12 months
	Months       [12]Money // oldest first; index 11 is the current month
	LastCharge   time.Time

	// Reporting is Spend converted to the reporting currency at each
	// transaction's date; ReportingMonths likewise per month. Unconverted
	// counts transactions left out of them for want of a rate: Spend still
	// holds them in their own currency.
	Reporting         money.Amount
	ReportingMonths   [12]money.Amount
	ReportingCurrency string
	Unconverted       int
	UnconvertedSpend  Money // the unconverted transactions' amounts, in their own currencies
}

// MonthlyAverage is the reporting-currency spend over the period divided
// by its 12 months, rounded half away from zero to the cent.
func (r *AppRow) MonthlyAverage() money.Amount { return divRound(r.Reporting, 12) }

// UnmatchedRow is one vendor whose spend no application claims.
type UnmatchedRow struct {
	VendorNumber string
	VendorName   string
	Transactions int
	Spend        Money
	Suggestion   string // best catalog guess, may be ""
	// Inferred is the application the matcher inferred for a vendor the
	// catalog lacks whose lines read like a subscription (method
	// inferred): the vendor's brand, for the admin to accept or reject.
	Inferred   string
	SampleDesc string

	CompanyIDs        []string     // companies that booked it
	Reporting         money.Amount // Spend converted; see AppRow.Reporting
	ReportingCurrency string
	Unconverted       int
	UnconvertedSpend  Money // see AppRow.UnconvertedSpend
	LastCharge        time.Time
}

// UserRow is one BC user of one connection's environment.
type UserRow struct {
	UserName     string
	DisplayName  string
	Email        string
	Active       bool
	MissingEmail bool
	Removed      bool
	Application  bool // an application/agent user, not a person

	UserSecurityID string
	// ConnectionID and Connection (its name) say whose environment lists
	// the user: the same person in two environments is two users.
	ConnectionID, Connection string
	State                    string // BC's Enabled / Disabled
	FirstSeen                time.Time
	RemovedAt                time.Time
}
