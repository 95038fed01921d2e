package ui

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"regexp"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/bcspend/bcspend/insights"
	"github.com/bcspend/bcspend/money"
	"github.com/bcspend/bcspend/spend"
	"github.com/bcspend/bcspend/store"
)

// fakeNow is the fixed "now" of every test.
var fakeNow = time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC)

// remedyErr is an error with a remedy, like the bc package's.
type remedyErr struct{ msg, remedy string }

func (e *remedyErr) Error() string      { return e.msg }
func (e *remedyErr) RemedyText() string { return e.remedy }

// expiredErr is an expired client secret, the way an adapter marks it.
type expiredErr struct{}

func (expiredErr) Error() string       { return "AADSTS7000222: the client secret has expired" }
func (expiredErr) RemedyText() string  { return "Create a new client secret in Entra and replace it." }
func (expiredErr) SecretExpired() bool { return true }

// catalogApps: ~32 applications with their usual vendor.
var catalogApps = []CatalogApp{
	{"Slack", "Collaboration", "Slack Technologies LLC", false}, {"Zoom", "Video conferencing", "Zoom Video Communications Inc.", false},
	{"Microsoft 365", "Productivity", "Microsoft Ireland Operations Ltd", false}, {"Google Workspace", "Productivity", "Google Ireland Limited", false},
	{"Atlassian Jira", "Project management", "Atlassian Pty Ltd", false}, {"Confluence", "Knowledge base", "Atlassian Pty Ltd", false},
	{"GitHub", "Developer tools", "GitHub, Inc.", false}, {"Figma", "Design", "Figma, Inc.", false},
	{"Salesforce", "CRM", "salesforce.com Germany GmbH", false}, {"HubSpot", "Marketing", "HubSpot Ireland Ltd", false},
	{"Mailchimp", "Marketing", "The Rocket Science Group LLC", false}, {"1Password", "Security", "AgileBits Inc.", false},
	{"Airtable", "Databases", "Formagrid Inc", false}, {"Notion", "Knowledge base", "Notion Labs, Inc.", false},
	{"Dropbox", "File storage", "Dropbox International Unlimited Company", false}, {"Box", "File storage", "Box, Inc.", false},
	{"Asana", "Project management", "Asana, Inc.", false}, {"Monday.com", "Project management", "monday.com Ltd.", false},
	{"DocuSign", "E-signature", "DocuSign Inc.", false}, {"Adobe Creative Cloud", "Design", "Adobe Systems Software Ireland Ltd", false},
	{"Datadog", "Monitoring", "Datadog, Inc.", false}, {"Sentry", "Monitoring", "Functional Software, Inc. d/b/a Sentry", false},
	{"Zendesk", "Customer support", "Zendesk, Inc.", false}, {"Intercom", "Customer support", "Intercom R&D Unlimited Company", false},
	{"Miro", "Collaboration", "RealtimeBoard, Inc. dba Miro", false}, {"Canva", "Design", "Canva Pty Ltd", false},
	{"AWS", "Cloud", "Amazon Web Services EMEA SARL", false}, {"Azure", "Cloud", "Microsoft Ireland Operations Ltd", false},
	{"Linear", "Developer tools", "Linear Orbit, Inc.", false}, {"Okta", "Security", "Okta, Inc.", false},
	{"Calendly", "Scheduling", "Calendly LLC", false}, {"Loom", "Video", "Loom, Inc.", false},
}

// unmatchedVendors are vendors no application claims, with the engine's
// suggestion (may be empty).
var unmatchedVendors = []struct{ name, suggestion, desc, cur string }{
	{"Dell Technologies", "", "Latitude 7450 laptops", "USD"},
	{"Acme Plumbing & Heating", "", "Boiler service Q3", "GBP"},
	{"TeamViewer Germany GmbH", "Zoom", "TeamViewer Business annual", "EUR"},
	{"SoftwareOne AG", "Microsoft 365", "M365 E3 via reseller", "EUR"},
	{"Evil\x1b[31mCorp\x1b]0;pwned\x07 Ltd", "", "Invoice\tline\nwith control\x07 chars", "USD"},
	{"Smartsheet Inc", "Asana", "Smartsheet Business plan", "USD"},
}

var companies = []Company{{ID: "c1", Name: "CRONUS USA, Inc."}, {ID: "c2", Name: "CRONUS UK Ltd."}}

// fakeBackend is an in-memory Backend that really re-derives the tables
// after a fix, so flow tests see totals move.
type fakeBackend struct {
	mu        sync.Mutex
	info      Info
	base      []spend.Transaction // before rules
	users     []spend.UserRow
	txRule    map[string]Fix
	venRule   map[string]Fix
	derived   []spend.Transaction
	hist      []SyncRunInfo
	exported  []string
	exports   []string
	opened    []string
	expired   bool  // Sync fails with an expired secret until ReplaceSecret
	syncErr   error // Sync fails with it
	approve   chan struct{}
	syncGate  chan struct{} // when set, Sync waits on it between companies
	splitAt40 bool          // when set, Sync reports a split run 40% through and waits for cancel
	signIns   int
	saved     *ConnInput
	dismissed map[string]store.Dismissal
	refuse    string // a company id whose invoices the connection test cannot read
	custom    []CatalogApp
	replaced  []string // the connections whose secret ReplaceSecret replaced
	kept      []string // the connections whose new sign-in KeepSignIn stored
}

func newFake(nTx int) *fakeBackend {
	f := &fakeBackend{
		info: Info{Connections: []ConnectionInfo{{Name: "contoso.onmicrosoft.com/Production", Tenant: "contoso.onmicrosoft.com", Environment: "Production",
			ClientID: "11111111-2222-3333-4444-555555555555", Flow: FlowClientCredentials,
			Companies: []string{"CRONUS USA, Inc.", "CRONUS UK Ltd."}, SecretBackend: "OS keyring", HasSecret: true,
			Health: "ok", LastRun: fakeNow.Add(-2 * time.Hour), LastOK: fakeNow.Add(-2 * time.Hour)}},
			LastSync: fakeNow.Add(-2 * time.Hour), Granularity: spend.PerInvoice,
			ReportingCurrency: "EUR", Currencies: []string{"EUR", "GBP", "USD"}, Period: spend.PeriodAt(fakeNow)},
		txRule: map[string]Fix{}, venRule: map[string]Fix{}, approve: make(chan struct{}, 1),
	}
	f.base = genTransactions(nTx)
	f.users = genUsers()
	f.hist = []SyncRunInfo{
		{Started: fakeNow.Add(-2 * time.Hour), Duration: 42 * time.Second, Trigger: "auto", Invoices: 57, Lines: 140},
		{Started: fakeNow.Add(-26 * time.Hour), Duration: 3 * time.Second, Trigger: "manual", Err: "BC returned 401: the app is not set up in Business Central",
			Remedy: "Add the Client ID on the Microsoft Entra Applications page in BC and grant consent."},
	}
	f.derive()
	return f
}

// genTransactions builds n deterministic transactions: most match a catalog
// app, about one in eight belongs to an unmatched vendor.
func genTransactions(n int) []spend.Transaction {
	r := rand.New(rand.NewPCG(7, 11))
	curs := []string{"USD", "EUR", "GBP"}
	txs := make([]spend.Transaction, n)
	for i := range txs {
		t := &txs[i]
		c := companies[i%2]
		day := fakeNow.AddDate(0, 0, -r.IntN(360))
		t.ID = fmt.Sprintf("inv-%06d", i)
		t.CompanyID, t.Company = c.ID, c.Name
		t.InvoiceID, t.InvoiceNumber = t.ID, fmt.Sprintf("PI-%06d", 100000+i)
		t.InvoiceDate, t.PostingDate = day, day
		t.Status = "Paid"
		if i%8 == 5 {
			u := unmatchedVendors[(i/8)%len(unmatchedVendors)]
			t.VendorNumber, t.VendorName, t.Description, t.Currency = fmt.Sprintf("V9%03d", (i/8)%len(unmatchedVendors)), u.name, u.desc, u.cur
		} else {
			k := (i*7 + r.IntN(3)) % len(catalogApps)
			a := catalogApps[k]
			t.VendorNumber, t.VendorName = fmt.Sprintf("V1%03d", k), a.Vendor
			t.Description = a.Name + " subscription " + day.Format("Jan 2006")
			t.Currency = []string{"USD", "EUR", "GBP", "USD"}[k%4]
			if k%5 == 0 { // a few apps are billed in several currencies
				t.Currency = curs[i%len(curs)]
			}
			t.App, t.Category = a.Name, a.Category
			t.Method, t.Confidence = []string{"alias", "name", "keyword", "fuzzy"}[k%4], []float64{0.98, 0.95, 0.85, 0.72}[k%4]
			t.Reason = "vendor " + a.Vendor + " is a known alias of " + a.Name
		}
		t.Amount = money.FromCents(int64(1000 + r.IntN(250000)))
		convertFake(t)
	}
	return txs
}

// convertFake converts to the fake's reporting currency, EUR, at fixed
// rates.
func convertFake(t *spend.Transaction) {
	t.ReportingCurrency = "EUR"
	t.AmountReporting = toEUR(t.Amount, t.Currency)
}

var fakeRates = map[string]int64{"EUR": 100, "USD": 92, "GBP": 117} // cents per unit

func toEUR(a money.Amount, cur string) money.Amount {
	return money.FromCents(int64(a.Float()*float64(fakeRates[cur]) + 0.5))
}

// Insights is an empty report: the Overview and Renewals are tested over
// the real insights (modelBackend), never over a copy of their logic.
func (f *fakeBackend) Insights() (insights.Report, error) {
	return insights.Report{Generated: fakeNow, ReportingCurrency: "EUR", Granularity: spend.PerInvoice}, nil
}

func (f *fakeBackend) Dismiss(key, fingerprint string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.dismissed == nil {
		f.dismissed = map[string]store.Dismissal{}
	}
	f.dismissed[key] = store.Dismissal{Key: key, Fingerprint: fingerprint, By: "test", At: fakeNow}
	return nil
}

func genUsers() []spend.UserRow {
	us := []spend.UserRow{
		{UserName: "ADMIN", DisplayName: "Anna Admin", Email: "anna@contoso.com", Active: true},
		{UserName: "BOB", DisplayName: "Bob Buyer", Email: "bob@contoso.com", Active: true},
		{UserName: "CAROL", DisplayName: "Carol Finance", Email: "", MissingEmail: true, Active: true},
		{UserName: "DAVE", DisplayName: "Dave Departed", Email: "dave@contoso.com", Active: false},
		{UserName: "ERIN", DisplayName: "Erin External", Email: "", MissingEmail: true, Active: false},
		{UserName: "SYNC-AGENT", DisplayName: "Sync agent", Email: "", MissingEmail: true, Active: true, Application: true},
		{UserName: "FRANK", DisplayName: "Frank Sales", Email: "frank@contoso.com", Active: true},
		{UserName: "GRACE", DisplayName: "Grace \x1b[2JOps", Email: "grace@contoso.com", Active: true},
	}
	for i := range us {
		us[i].ConnectionID, us[i].UserSecurityID = "1", fmt.Sprintf("00000000-0000-4000-8000-%012d", i+1)
	}
	return us
}

// derive applies the rules to the base transactions.
func (f *fakeBackend) derive() {
	f.derived = deriveWith(f.base, f.txRule, f.venRule)
}

func deriveWith(base []spend.Transaction, txRule, venRule map[string]Fix) []spend.Transaction {
	out := make([]spend.Transaction, len(base))
	copy(out, base)
	for i := range out {
		t := &out[i]
		fx, ok := txRule[t.ID]
		if !ok {
			fx, ok = venRule[t.VendorNumber]
		}
		if !ok {
			continue
		}
		t.App, t.Category, t.Ignored, t.Confidence = fx.App, categoryOf(fx.App), fx.Ignore, 1
		t.Method, t.Reason = "rule", "vendor rule"
		if fx.Scope == ScopeTransaction {
			t.Method, t.Reason = "manual", "fixed by hand"
		}
		if fx.Ignore {
			t.Method, t.App = "ignored", ""
		}
	}
	return out
}

func categoryOf(app string) string {
	for _, a := range catalogApps {
		if a.Name == app {
			return a.Category
		}
	}
	return ""
}

func monthIndex(t time.Time) int {
	m := (fakeNow.Year()-t.Year())*12 + int(fakeNow.Month()) - int(t.Month())
	return 11 - m
}

func (f *fakeBackend) Info() Info { f.mu.Lock(); defer f.mu.Unlock(); return f.info }

// AppsByDimension splits the fake's applications by the value of dimension
// n as spend.DimensionValue reads it (no qualifiers: the fake's companies
// name their dimensions alike).
func (f *fakeBackend) AppsByDimension(n int) ([]spend.AppRow, error) {
	apps, _ := f.Apps()
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []spend.AppRow
	for _, a := range apps {
		byValue := map[string]*spend.AppRow{}
		var values []string
		for i := range f.derived {
			t := &f.derived[i]
			if t.App != a.App {
				continue
			}
			v := spend.DimensionValue(t, n, nil)
			r := byValue[v]
			if r == nil {
				r = &spend.AppRow{App: a.App, Category: a.Category, Vendors: a.Vendors, Dimension: v, Spend: spend.Money{},
					ReportingCurrency: a.ReportingCurrency}
				byValue[v] = r
				values = append(values, v)
			}
			r.Transactions++
			r.Spend[t.Currency] += t.Amount
			if !t.Unconverted {
				r.Reporting += t.AmountReporting
			}
		}
		sort.Strings(values)
		for _, v := range values {
			out = append(out, *byValue[v])
		}
	}
	return out, nil
}

func (f *fakeBackend) Apps() ([]spend.AppRow, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	byApp := map[string]*spend.AppRow{}
	vendors := map[string]map[string]bool{}
	for i := range f.derived {
		t := &f.derived[i]
		if t.App == "" {
			continue
		}
		r := byApp[t.App]
		if r == nil {
			r = &spend.AppRow{App: t.App, Category: t.Category, Spend: spend.Money{}}
			for k := range r.Months {
				r.Months[k] = spend.Money{}
			}
			byApp[t.App], vendors[t.App] = r, map[string]bool{}
		}
		if !vendors[t.App][t.VendorName] {
			vendors[t.App][t.VendorName] = true
			r.Vendors = append(r.Vendors, t.VendorName)
		}
		r.Transactions++
		r.Spend[t.Currency] += t.Amount
		r.ReportingCurrency = t.ReportingCurrency
		if t.Unconverted {
			r.Unconverted++
		} else {
			r.Reporting += t.AmountReporting
		}
		if k := monthIndex(t.PostingDate); k >= 0 && k < 12 {
			r.Months[k][t.Currency] += t.Amount
			r.ReportingMonths[k] += t.AmountReporting
		}
		if t.PostingDate.After(r.LastCharge) {
			r.LastCharge = t.PostingDate
		}
	}
	out := make([]spend.AppRow, 0, len(byApp))
	for _, r := range byApp {
		sort.Strings(r.Vendors)
		out = append(out, *r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].App < out[j].App })
	return out, nil
}

func (f *fakeBackend) Transactions() ([]spend.Transaction, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.derived, nil
}

func (f *fakeBackend) Unmatched() ([]spend.UnmatchedRow, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	by := map[string]*spend.UnmatchedRow{}
	var order []string
	for i := range f.derived {
		t := &f.derived[i]
		if t.App != "" || t.Ignored {
			continue
		}
		r := by[t.VendorNumber]
		if r == nil {
			r = &spend.UnmatchedRow{VendorNumber: t.VendorNumber, VendorName: t.VendorName, Spend: spend.Money{}, SampleDesc: t.Description}
			for _, u := range unmatchedVendors {
				if u.name == t.VendorName {
					r.Suggestion = u.suggestion
				}
			}
			by[t.VendorNumber] = r
			order = append(order, t.VendorNumber)
		}
		r.Transactions++
		r.Spend[t.Currency] += t.Amount
		r.ReportingCurrency = t.ReportingCurrency
		if t.Unconverted {
			r.Unconverted++
		} else {
			r.Reporting += t.AmountReporting
		}
	}
	out := make([]spend.UnmatchedRow, 0, len(by))
	for _, k := range order {
		out = append(out, *by[k])
	}
	return out, nil
}

func (f *fakeBackend) Users() ([]spend.UserRow, error) { return f.users, nil }
func (f *fakeBackend) Catalog() []CatalogApp {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append(append([]CatalogApp(nil), catalogApps...), f.custom...)
}

func (f *fakeBackend) Explain(id string) (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, t := range f.derived {
		if t.ID == id {
			if t.App == "" {
				return "1. No catalog alias for vendor \"" + t.VendorName + "\".\n2. No product keyword in the description.\n3. Fuzzy match below threshold.", nil
			}
			return fmt.Sprintf("1. Normalised vendor: %q.\n2. %s (method %s).\n3. Confidence %.0f%%.", strings.ToLower(t.VendorName), t.Reason, t.Method, t.Confidence*100), nil
		}
	}
	return "", errors.New("no such transaction")
}

func (f *fakeBackend) addRule(tx, ven map[string]Fix, fx Fix) {
	if fx.Scope == ScopeVendor {
		ven[fx.VendorNumber] = fx
	} else {
		tx[fx.TransactionID] = fx
	}
}

func (f *fakeBackend) PreviewFix(fx Fix) (Preview, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	tx, ven := clone(f.txRule), clone(f.venRule)
	f.addRule(tx, ven, fx)
	after := deriveWith(f.base, tx, ven)
	type key struct{ from, to string }
	moves := map[key]*Move{}
	var keys []key
	for i := range after {
		a, b := f.derived[i], after[i]
		if a.App == b.App && a.Ignored == b.Ignored {
			continue
		}
		k := key{a.App, b.App}
		if moves[k] == nil {
			moves[k] = &Move{From: a.App, To: b.App, Spend: spend.Money{}}
			keys = append(keys, k)
		}
		moves[k].Transactions++
		moves[k].Spend[b.Currency] += b.Amount
	}
	var p Preview
	for _, k := range keys {
		p.Moves = append(p.Moves, *moves[k])
	}
	return p, nil
}

func clone(m map[string]Fix) map[string]Fix {
	out := make(map[string]Fix, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

func (f *fakeBackend) ApplyFix(fx Fix) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.addRule(f.txRule, f.venRule, fx)
	f.derive()
	return nil
}

func (f *fakeBackend) SetReportingCurrency(cur string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.info.ReportingCurrency = cur
	return nil
}

func (f *fakeBackend) SetGranularity(g spend.Granularity) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.info.Granularity = g
	return nil
}

var guidRE = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

func (f *fakeBackend) Validate(field Field, v string) error {
	switch field {
	case FieldTenant:
		if v == "" || !(guidRE.MatchString(v) || strings.Contains(v, ".")) || strings.Contains(v, "@") {
			return &remedyErr{"Tenant ID is neither a GUID nor a domain", "Use the Directory (tenant) ID GUID or a verified domain such as contoso.onmicrosoft.com."}
		}
	case FieldEnvironment:
		if v == "" || strings.ContainsAny(v, " /") {
			return &remedyErr{"Environment name may only hold letters, digits, '_' or '-'", "Copy the name from the Business Central admin center > Environments."}
		}
	case FieldClientID:
		if !guidRE.MatchString(v) {
			return &remedyErr{"Client ID is not a GUID", "The Application (client) ID has the form xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx."}
		}
	case FieldSecret:
		if v == "" {
			return &remedyErr{"Client secret is empty", "Paste the secret's Value."}
		}
		if guidRE.MatchString(v) {
			return &FieldWarning{"This looks like the Secret ID, not its Value", "Copy the Value column (shown once, when the secret is created)."}
		}
	}
	return nil
}

func (f *fakeBackend) TestConnection(ctx context.Context, in ConnInput, report func(Step)) ([]Company, error) {
	for _, s := range []Step{{Name: "token"}, {Name: "environment"}, {Name: "companies"}, {Name: "users endpoint"}} {
		report(s)
		if in.Environment == "Missing" && s.Name == "environment" {
			err := &remedyErr{"Environment 'Missing' does not exist", "Check the name in the BC admin center > Environments."}
			s.State, s.Err = StepFailed, err
			report(s)
			return nil, err
		}
		s.State = StepOK
		if s.Name == "companies" {
			s.Detail = "2 companies"
		}
		report(s)
	}
	out := append([]Company(nil), companies...)
	for i := range out {
		if out[i].ID == f.refuse {
			out[i].Problem = "Business Central denied access. Add the permission sets in this company."
		}
	}
	return out, nil
}

func (f *fakeBackend) SaveConnection(in ConnInput, ids []string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.saved = &in
	c := ConnectionInfo{Name: in.Connection, Tenant: in.Tenant, Environment: in.Environment, ClientID: in.ClientID, Flow: in.Flow, Health: HealthNever}
	if c.Name == "" {
		c.Name = in.Tenant + "/" + in.Environment
	}
	for i, old := range f.info.Connections {
		if old.Name == c.Name {
			f.info.Connections[i] = c
			return nil
		}
	}
	f.info.Connections = append(f.info.Connections, c)
	return nil
}

func (f *fakeBackend) SignIn(ctx context.Context, in ConnInput, report func(SignInEvent)) error {
	f.mu.Lock()
	f.signIns++
	n := f.signIns
	f.mu.Unlock()
	if in.Flow == FlowBrowser {
		report(SignInEvent{Kind: SignInBrowser, URL: "https://login.microsoftonline.com/contoso/oauth2/v2.0/authorize?client_id=x"})
	} else {
		report(SignInEvent{Kind: SignInDeviceCode, UserCode: fmt.Sprintf("ABCD-EFG%d", n), URL: "https://microsoft.com/devicelogin", ExpiresAt: fakeNow.Add(15 * time.Minute)})
	}
	select {
	case <-f.approve:
		report(SignInEvent{Kind: SignInDone, Account: "anna@contoso.com"})
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (f *fakeBackend) OpenURL(url string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.opened = append(f.opened, url)
	return nil
}

func (f *fakeBackend) Sync(ctx context.Context, report func(SyncProgress)) (SyncSummary, error) {
	f.mu.Lock()
	expired, gate := f.expired, f.syncGate
	f.mu.Unlock()
	if expired {
		return SyncSummary{}, fmt.Errorf("token: %w", expiredErr{})
	}
	if f.syncErr != nil {
		return SyncSummary{}, f.syncErr
	}
	sum := SyncSummary{Companies: len(companies), Users: len(f.users), Duration: 12 * time.Second}
	if f.splitAt40 {
		return f.syncSplitAt40(ctx, report)
	}
	for i, c := range companies {
		total := 40 + 20*i
		for done := 0; done <= total; done += 20 {
			report(SyncProgress{Company: c.Name, Phase: "invoices", Invoices: done, InvoicesTotal: total, Lines: done * 3, Pages: done / 20, ThrottleWaits: i, ThrottleTime: time.Duration(i) * 4 * time.Second})
		}
		sum.Invoices += total
		sum.Lines += total * 3
		report(SyncProgress{Company: c.Name, Phase: "done", Invoices: total, InvoicesTotal: total, Lines: total * 3, Pages: total/20 + 1, ThrottleWaits: i, ThrottleTime: time.Duration(i) * 4 * time.Second, Done: true})
		if gate != nil {
			select {
			case <-gate:
			case <-ctx.Done():
				sum.Canceled = true
				return sum, ctx.Err()
			}
		}
	}
	f.mu.Lock()
	f.info.LastSync = fakeNow
	for i := range f.info.Connections {
		c := &f.info.Connections[i]
		c.Health, c.LastRun, c.LastOK, c.Problem, c.Remedy = "ok", fakeNow, fakeNow, "", ""
	}
	f.hist = append([]SyncRunInfo{{Started: fakeNow, Duration: sum.Duration, Trigger: "manual", Invoices: sum.Invoices, Lines: sum.Lines}}, f.hist...)
	f.mu.Unlock()
	return sum, nil
}

func (f *fakeBackend) SyncHistory() []SyncRunInfo {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]SyncRunInfo(nil), f.hist...)
}

func (f *fakeBackend) ReplaceSecret(ctx context.Context, connection, secret string) error {
	if secret == "still-bad" {
		return &remedyErr{"Entra rejected the client secret", "Paste the secret's Value, not its Secret ID."}
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.expired = false
	f.replaced = append(f.replaced, connection)
	return nil
}

func (f *fakeBackend) KeepSignIn(ctx context.Context, in ConnInput) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.kept = append(f.kept, in.Connection)
	return nil
}

func (f *fakeBackend) Export(view string, keys []string) (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.exported = keys
	f.exports = append(f.exports, view)
	return "/tmp/bcspend-" + view + ".csv", nil
}

func (f *fakeBackend) CreateApp(name, category string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.custom = append(f.custom, CatalogApp{Name: name, Category: category, Custom: true})
	return nil
}

func (f *fakeBackend) PreviewRemoveApp(name string) (string, error) {
	return "removes " + name + " and its rules", nil
}

func (f *fakeBackend) RemoveApp(name string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	for i, a := range f.custom {
		if a.Name == name {
			f.custom = append(f.custom[:i], f.custom[i+1:]...)
			return nil
		}
	}
	return errors.New("no such custom application")
}

// syncSplitAt40 reports a split backfill 40% through and stays there until
// the sync is cancelled: 10,000 and 5,000 invoices expected, ten ranges
// each, four completed, 250 invoices a second.
func (f *fakeBackend) syncSplitAt40(ctx context.Context, report func(SyncProgress)) (SyncSummary, error) {
	for i, c := range companies {
		total := 10000 / (i + 1)
		read := total * 4 / 10
		report(SyncProgress{Company: c.Name, Phase: "invoices", Invoices: read, InvoicesTotal: total, Lines: read * 4,
			Pages: read / 1000, ThrottleWaits: i, ThrottleTime: time.Duration(i) * 5 * time.Second, Chains: 10, ChainsDone: 4,
			Rate: 250 / float64(i+1), Elapsed: 16 * time.Second, ETA: 24 * time.Second})
	}
	<-ctx.Done()
	return SyncSummary{Canceled: true}, ctx.Err()
}
