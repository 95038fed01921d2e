// Package ui is the bcspend console: a Bubble Tea program that shows what a
// company spends on SaaS and lets the admin connect, sync and fix matches.
// Everything it reads or does goes through Backend, so the console holds no
// I/O of its own and tests drive it with a fake.
package ui

import (
	"context"
	"errors"
	"time"

	"github.com/bcspend/bcspend/insights"
	"github.com/bcspend/bcspend/spend"
)

// Backend is everything the console needs from the rest of bcspend. The
// console calls it only from tea.Cmds (never from Update or View), one call at
// a time per screen; methods may block. Errors an admin can act on should
// carry the next step through a RemedyText() or Remedy() method; an expired
// client secret should satisfy errors.Is(err, ErrSecretExpired) or have a
// SecretExpired() bool method returning true.
type Backend interface {
	// Info describes the connection and the data. It never holds the secret.
	Info() Info

	// The four tables, derived at the current granularity with every rule
	// applied. They are read together after every sync or fix.
	Apps() ([]spend.AppRow, error)
	// AppsByDimension is Apps split by BC's global dimension n (1 or 2):
	// one row per application and dimension value (AppRow.Dimension, read
	// by spend.DimensionValue), summing to the Apps rows.
	AppsByDimension(n int) ([]spend.AppRow, error)
	Transactions() ([]spend.Transaction, error)
	Unmatched() ([]spend.UnmatchedRow, error)
	Users() ([]spend.UserRow, error)
	// Insights is the Overview screen's report over the same data, read
	// after the tables. Every finding carries the IDs of the transactions
	// behind it, as Transactions returns them.
	Insights() (insights.Report, error)
	// Dismiss hides one finding (by its insights.Ident) until its facts
	// change; the next Insights leaves it out.
	Dismiss(key, fingerprint string) error

	// Catalog lists the applications a fix can point to.
	Catalog() []CatalogApp
	// CreateApp stores a custom application (one the catalog lacks); it is
	// in Catalog and every table from then on.
	CreateApp(name, category string) error
	// PreviewRemoveApp says in one sentence what removing the custom
	// application name would take with it (its rules, its spend).
	PreviewRemoveApp(name string) (string, error)
	// RemoveApp deletes the custom application name and its rules.
	RemoveApp(name string) error
	// Explain is the "why this match" trace of one transaction, plain text,
	// one step per line.
	Explain(txID string) (string, error)
	// PreviewFix says what a fix would move, without saving anything.
	PreviewFix(f Fix) (Preview, error)
	// ApplyFix saves the fix (a one-off or a vendor rule); the next table
	// reads reflect it.
	ApplyFix(f Fix) error
	// SetGranularity switches between one transaction per invoice or per line.
	SetGranularity(g spend.Granularity) error
	// SetReportingCurrency stores the currency every figure is converted
	// to (one of Info.Currencies); the next table reads use it.
	SetReportingCurrency(cur string) error

	// Validate checks one wizard field as it is typed; nil when valid. The
	// error's text is shown under the field, with its remedy if it has one.
	// A *FieldWarning is shown the same way but does not stop the wizard.
	Validate(field Field, value string) error
	// TestConnection tries the connection step by step, reporting each step
	// as it starts and ends, and returns the companies it can read.
	// Delegated flows are signed in (SignIn) before it is called.
	TestConnection(ctx context.Context, in ConnInput, report func(Step)) ([]Company, error)
	// SaveConnection stores the connection and the chosen companies (ids):
	// the one named in.Connection for a reconnect, else a new one.
	SaveConnection(in ConnInput, companyIDs []string) error
	// SignIn runs a delegated sign-in for in.Flow and reports the device code
	// or the browser URL; it returns when the sign-in ends or ctx is done.
	SignIn(ctx context.Context, in ConnInput, report func(SignInEvent)) error
	// OpenURL opens a URL in the admin's browser (honouring $BROWSER).
	OpenURL(url string) error
	// Sync pulls paid invoices and users from BC. Cancelling ctx stops it;
	// what was committed stays and the summary says so.
	Sync(ctx context.Context, report func(SyncProgress)) (SyncSummary, error)
	// SyncHistory lists past runs of every connection, newest first.
	SyncHistory() []SyncRunInfo
	// ReplaceSecret tests the new client secret against the saved
	// connection named connection and stores it for that connection only
	// when the test passes.
	ReplaceSecret(ctx context.Context, connection, secret string) error
	// KeepSignIn tests the sign-in SignIn just made and stores it for the
	// connection named in.Connection, its companies unchanged: the
	// delegated flows' twin of ReplaceSecret.
	KeepSignIn(ctx context.Context, in ConnInput) error

	// Export writes the rows a view shows (keys: transaction IDs,
	// application names, vendor names or user names, in the view's order;
	// nil for "insights": every finding) as CSV with the same columns and
	// formats as 'bcspend export VIEW', and returns where it went.
	Export(view string, keys []string) (path string, err error)
}

// ErrSecretExpired marks an error caused by an expired client secret: the
// console goes straight to replacing it.
var ErrSecretExpired = errors.New("the client secret has expired")

// Flow is how bcspend signs in to Entra.
type Flow string

// The three sign-in flows.
const (
	FlowClientCredentials Flow = "client-credentials"
	FlowDeviceCode        Flow = "device-code"
	FlowBrowser           Flow = "browser"
)

// Field names one wizard input for Validate.
type Field string

// The wizard fields.
const (
	FieldTenant      Field = "tenant"
	FieldEnvironment Field = "environment"
	FieldClientID    Field = "client-id"
	FieldSecret      Field = "secret"
)

// Info is the connections and the data state shown in the status line and
// on the Integration screen.
type Info struct {
	// Connections are the saved connections, in the order they were
	// added; none starts the wizard.
	Connections []ConnectionInfo
	// CompanyNotes are what BC said about a company that changes what the
	// figures mean, one line each, starting with the company's label (e.g.
	// no exchange rates, so its foreign amounts stay unconverted).
	CompanyNotes []string
	LastSync     time.Time // the newest run's end, any connection; zero when never synced
	Granularity  spend.Granularity
	DemoMode     bool
	// ReportingCurrency is what every figure is converted to; Currencies
	// are the choices (local currencies and those with exchange rates).
	ReportingCurrency string
	Currencies        []string
	// Period is what "12 months" means on every screen (spend.PeriodAt).
	Period spend.Period
	// Dimension1 is BC's name of global dimension 1 (spend.DimensionLabel:
	// DEPARTMENT, AREA ..., the companies' names joined when they differ),
	// the heading of the Transactions dimension column; Dimension2 is
	// dimension 2's. DimensionQualifiers are spend.DimensionQualifiers of
	// each, so the console reads a transaction's value as the split does.
	Dimension1, Dimension2 string
	DimensionQualifiers    [2]map[string]string
}

// Connected reports whether a connection is saved.
func (i Info) Connected() bool { return len(i.Connections) > 0 }

// ConnectionInfo is one saved connection: what it reads, and how its syncs
// went.
type ConnectionInfo struct {
	// Name is unique: what a reconnect or a secret replacement targets.
	Name                          string
	Tenant, Environment, ClientID string
	Flow                          Flow
	Companies                     []string // BC's names of the companies it syncs
	SecretBackend                 string   // where the secret lives, e.g. "OS keyring" or "store file"
	HasSecret                     bool
	// Health is the newest run's outcome ("ok", "partial", "failed",
	// "canceled", "running"), or "never synced"; LastRun when that run
	// ended, LastOK when the newest successful one did; Problem and Remedy
	// what went wrong in the newest run.
	Health          string
	LastRun, LastOK time.Time
	Problem, Remedy string
}

// HealthNever is the Health of a connection never synced.
const HealthNever = "never synced"

// CatalogApp is one application a transaction can be matched to.
type CatalogApp struct {
	Name     string
	Category string
	Vendor   string // the usual vendor, helps the fuzzy search
	Custom   bool   // created by the admin: can be removed (Applications, D)
}

// FixScope says how far a fix reaches.
type FixScope string

// Fix scopes: this transaction only, or a rule for every transaction of the
// vendor (past and future).
const (
	ScopeTransaction FixScope = "transaction"
	ScopeVendor      FixScope = "vendor"
)

// Fix is a correction the admin makes. Exactly one of App or Ignore.
type Fix struct {
	Scope         FixScope
	TransactionID string // for ScopeTransaction
	VendorNumber  string // for ScopeVendor
	VendorName    string // for display and for vendors without a number
	App           string
	Ignore        bool // not software: keep it out of every application
}

// Move is one (from, to) pair of a preview. From or To is "" for unmatched.
type Move struct {
	From, To     string
	Transactions int
	Spend        spend.Money
}

// Preview is what a fix would change.
type Preview struct {
	Moves []Move
}

// ConnInput is what the wizard collects.
type ConnInput struct {
	// Connection is the name of the connection a reconnect replaces; ""
	// adds one (or reconnects the one reading the same tenant and
	// environment).
	Connection  string
	Tenant      string
	Environment string
	ClientID    string
	Secret      string // only for client credentials; never displayed
	Flow        Flow
}

// StepState is where a connection test step stands.
type StepState int

// Step states.
const (
	StepRunning StepState = iota
	StepOK
	StepFailed
)

// Step is one connection test step: token, environment, companies, users.
type Step struct {
	Name   string
	State  StepState
	Detail string // e.g. "3 companies"
	Err    error  // when failed; its remedy is shown
}

// Company is one BC company.
type Company struct {
	ID   string
	Name string
	// Problem is set when the connection test could not read the
	// company's invoices (a permission set limited to other companies):
	// what happened and what to do. The wizard leaves it unticked.
	Problem string
}

// SignInKind says what a SignInEvent carries.
type SignInKind int

// Sign-in events.
const (
	SignInDeviceCode SignInKind = iota // UserCode, URL, ExpiresAt
	SignInBrowser                      // URL to open; the loopback listener waits
	SignInDone                         // signed in as Account
)

// SignInEvent is reported by SignIn.
type SignInEvent struct {
	Kind      SignInKind
	UserCode  string
	URL       string
	ExpiresAt time.Time
	Account   string
}

// SyncProgress is one progress report for one company.
type SyncProgress struct {
	// Waiting, when set, is the only field: the sync has not started
	// because another one runs ("waiting for the sync of pid 4242").
	Waiting string
	// Key tells the company apart from any other of the run (companies of
	// two connections may share a name); Company is its label.
	Key           string
	Company       string
	Phase         string // "invoices", "lines", "users", "done"
	Invoices      int
	InvoicesTotal int // 0 when unknown
	Lines         int
	Pages         int
	ThrottleWaits int
	ThrottleTime  time.Duration
	// Chains is how many ranges the company's pass reads at once (a split
	// backfill or --full), ChainsDone how many have completed.
	Chains, ChainsDone int
	// Rate is invoices per second so far; Elapsed since the company
	// began; ETA the rest at that rate (0 when unknown).
	Rate    float64
	Elapsed time.Duration
	ETA     time.Duration
	Done    bool
}

// SyncSummary is the result of one sync.
type SyncSummary struct {
	Companies int
	Invoices  int
	Lines     int
	Users     int
	Duration  time.Duration
	Canceled  bool // stopped by the admin; what was committed stays
	// Warnings did not stop the sync (users refused, an environment older
	// than BC 25.0); each is what happened and what to do.
	Warnings []string
}

// SyncRunInfo is one past sync.
type SyncRunInfo struct {
	Connection string // the name of the connection it synced
	Started    time.Time
	Duration   time.Duration
	Trigger    string // "manual", "auto", "wizard"
	Invoices   int
	Lines      int
	Canceled   bool
	Err        string
	Remedy     string
}

// FieldWarning is Validate's answer for a value that may be right but
// looks wrong, such as a secret shaped like a Secret ID.
type FieldWarning struct{ Message, Remedy string }

func (w *FieldWarning) Error() string      { return w.Message }
func (w *FieldWarning) RemedyText() string { return w.Remedy }

// blocks reports whether a validation result stops the wizard.
func blocks(err error) bool {
	var w *FieldWarning
	return err != nil && !errors.As(err, &w)
}

// remedyOf returns the next step carried by err, if any.
func remedyOf(err error) string {
	var r1 interface{ RemedyText() string }
	if errors.As(err, &r1) {
		return r1.RemedyText()
	}
	var r2 interface{ Remedy() string }
	if errors.As(err, &r2) {
		return r2.Remedy()
	}
	return ""
}

// connectionOf is the name of the connection err happened in, when it
// says (a Connection() string method), else "".
func connectionOf(err error) string {
	var c interface{ Connection() string }
	if errors.As(err, &c) {
		return c.Connection()
	}
	return ""
}

// of is " of NAME", or "" without a name.
func of(name string) string {
	if name == "" {
		return ""
	}
	return " of " + name
}

// secretExpired reports whether err means the client secret has expired.
func secretExpired(err error) bool {
	if errors.Is(err, ErrSecretExpired) {
		return true
	}
	var s interface{ SecretExpired() bool }
	return errors.As(err, &s) && s.SecretExpired()
}
