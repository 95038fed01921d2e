package main

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/bcspend/bcspend/bc"
	"github.com/bcspend/bcspend/export"
	"github.com/bcspend/bcspend/failure"
	"github.com/bcspend/bcspend/match"
	"github.com/bcspend/bcspend/secretstore"
	"github.com/bcspend/bcspend/service"
	"github.com/bcspend/bcspend/spend"
	"github.com/bcspend/bcspend/store"
	"github.com/bcspend/bcspend/syncer"
	"github.com/bcspend/bcspend/ui"
	"github.com/bcspend/bcspend/untrusted"
)

// backend is the console's view of bcspend: it turns the console's calls
// into service, syncer and spend operations on one open database.
type backend struct {
	db       *store.DB
	globals  *globals
	keyring  secretstore.Keyring
	cat      *catalogLoad // ready, or being built (catalogload.go)
	demo     bool
	exportTo string             // directory for CSV exports
	openURL  func(string) error // browser opener; the demo follows links itself
	now      func() time.Time

	mu       sync.Mutex
	model    *spend.Model // nil until first read, reset after a sync
	seen     seenState    // what the model reflects (follow.go)
	pending  *service.Pending
	userCode string // the device code on screen, for the demo's browser

	decisionsSaved func() // tests: called after each saveDecisions
}

func newBackend(db *store.DB, g *globals, cat *match.Catalog) *backend {
	return newBackendWith(db, g, readyCatalog(cat))
}

// newBackendWith is newBackend with a catalog that may still be loading.
func newBackendWith(db *store.DB, g *globals, cat *catalogLoad) *backend {
	dir, err := os.Getwd()
	if err != nil {
		dir = os.TempDir()
	}
	return &backend{db: db, globals: g, keyring: keyring(), cat: cat, exportTo: dir, openURL: bc.OpenBrowser, now: time.Now}
}

// catalog is the catalog in force, waiting for it while it loads.
func (b *backend) catalog() (*match.Catalog, error) {
	b.mu.Lock()
	l := b.cat
	b.mu.Unlock()
	return l.wait()
}

// Info never includes the secret: only whether one is stored and where.
func (b *backend) Info() ui.Info {
	info := ui.Info{DemoMode: b.demo, Granularity: b.granularity(), Period: spend.PeriodAt(b.now())}
	if cs, err := spend.ReportingCurrency(b.db); err == nil {
		info.ReportingCurrency, info.Currencies = cs.Value, cs.Known
	}
	if m, err := b.loaded(); err == nil {
		info.Dimension1 = spend.DimensionLabel(m.Companies(), 1)
		dimensionInfo(&info, m.Companies())
		info.CompanyNotes = b.companyNotes(m)
	}
	info.Connections = b.connectionsInfo()
	if run, ok, err := b.db.LastRun(); err == nil && ok {
		info.LastSync = run.End
	}
	return info
}

func (b *backend) granularity() spend.Granularity {
	if v, ok, err := b.db.Setting(store.SettingGranularity); err == nil && ok {
		return spend.Granularity(v)
	}
	return spend.PerInvoice
}

// loaded returns the model, deriving it from the store the first time.
func (b *backend) loaded() (*spend.Model, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.model != nil {
		return b.model, nil
	}
	// What the file holds, read before the model: a commit meanwhile shows
	// as a change at the next look.
	seen := b.seeing()
	opt, err := spendOptions(b.db)
	if err != nil {
		return nil, err
	}
	opt.Now = b.now()
	m, err := spend.LoadWith(b.db, b.cat.wait, opt) // b.mu is held; the catalog may still be loading
	if err != nil {
		return nil, err
	}
	b.model, b.seen = m, seen
	b.db.MarkSeen(seen.txid)
	go b.saveDecisions(m)
	return m, nil
}

// saveDecisions stores what the load decided (nothing when it read every
// decision from the file), so that the next start reads them instead of
// deciding again. It runs beside the screen: the write may wait for a
// sync's lock. A failed write costs only the next start's time, so its
// error is dropped; a closed database (the console quit) ends it.
func (b *backend) saveDecisions(m *spend.Model) {
	_ = m.SaveDecisions(b.db)
	if b.decisionsSaved != nil {
		b.decisionsSaved()
	}
}

func (b *backend) invalidate() {
	b.mu.Lock()
	b.model = nil
	b.mu.Unlock()
}

func (b *backend) Apps() ([]spend.AppRow, error) {
	m, err := b.loaded()
	if err != nil {
		return nil, err
	}
	return m.Apps(), nil
}

func (b *backend) Transactions() ([]spend.Transaction, error) {
	m, err := b.loaded()
	if err != nil {
		return nil, err
	}
	return m.Transactions(spend.Filter{}), nil
}

func (b *backend) Unmatched() ([]spend.UnmatchedRow, error) {
	m, err := b.loaded()
	if err != nil {
		return nil, err
	}
	return b.dropRejected(m.Unmatched())
}

// dropRejected clears the inferred application the admin rejected
// (ui.InferredKey) while the matcher still infers the same name.
func (b *backend) dropRejected(rows []spend.UnmatchedRow) ([]spend.UnmatchedRow, error) {
	ds, err := b.db.Dismissals()
	if err != nil {
		return nil, err
	}
	for i := range rows {
		key := ui.InferredKey(rows[i].VendorName)
		if d, ok := ds[key]; ok && rows[i].Inferred != "" && d.Hides(key, rows[i].Inferred) {
			rows[i].Inferred = ""
		}
	}
	return rows, nil
}

func (b *backend) Users() ([]spend.UserRow, error) {
	m, err := b.loaded()
	if err != nil {
		return nil, err
	}
	return m.Users(), nil
}

func (b *backend) Catalog() []ui.CatalogApp {
	cat, err := b.catalog()
	if err != nil {
		return nil // the data's read says why (loaded)
	}
	custom := map[string]bool{}
	if cs, err := b.db.CustomApps(); err == nil {
		for _, a := range cs {
			custom[a.Name] = true
		}
	}
	apps := cat.Apps()
	out := make([]ui.CatalogApp, len(apps))
	for i, a := range apps {
		out[i] = ui.CatalogApp{Name: a.Name, Category: a.Category, Custom: custom[a.Name]}
		if len(a.Vendors) > 0 {
			out[i].Vendor = a.Vendors[0]
		}
	}
	return out
}

// CreateApp stores a custom application and reloads the catalog and the
// model, so it appears everywhere at once.
func (b *backend) CreateApp(name, category string) error {
	cat, err := b.catalog()
	if err != nil {
		return err
	}
	if _, err := addApp(b.db, cat, name, category, nil); err != nil {
		return err
	}
	return b.reloadCatalog()
}

func (b *backend) PreviewRemoveApp(name string) (string, error) {
	m, err := b.loaded()
	if err != nil {
		return "", err
	}
	rm, err := previewRemoval(b.db, m, name)
	return rm.String(), err
}

func (b *backend) RemoveApp(name string) error {
	m, err := b.loaded()
	if err != nil {
		return err
	}
	rm, err := previewRemoval(b.db, m, name)
	if err != nil {
		return err
	}
	if err := removeApp(b.db, rm); err != nil {
		return err
	}
	return b.reloadCatalog()
}

// reloadCatalog re-reads the catalog with the custom applications and
// drops the model, which the next read derives with it.
func (b *backend) reloadCatalog() error {
	cat, err := catalogFor(b.db)
	if err != nil {
		return err
	}
	b.mu.Lock()
	b.cat, b.model = readyCatalog(cat), nil
	b.mu.Unlock()
	return nil
}

// Explain renders the decision's trace, one fact per line.
func (b *backend) Explain(txID string) (string, error) {
	m, err := b.loaded()
	if err != nil {
		return "", err
	}
	d, ok := m.Explain(txID)
	if !ok {
		return "", fmt.Errorf("transaction %s is no longer in the data; refresh with r", txID)
	}
	var s strings.Builder
	app := d.App
	switch {
	case d.Ignored:
		app = "ignored (not software)"
	case app == "":
		app = "unmatched"
	}
	fmt.Fprintf(&s, "Application: %s\n", app)
	fmt.Fprintf(&s, "Method:      %s\n", d.Method)
	fmt.Fprintf(&s, "Confidence:  %.0f%%\n", d.Confidence*100)
	fmt.Fprintf(&s, "Why:         %s\n", d.Reason)
	if t, ok := m.Transaction(txID); ok && len(t.Splits) > 1 {
		fmt.Fprintf(&s, "\nThis invoice is allocated by line amount:\n")
		for _, sp := range t.Splits {
			rep := "unconverted"
			if !t.Unconverted {
				rep = sp.AmountReporting.Grouped() + " " + t.ReportingCurrency
			}
			fmt.Fprintf(&s, "  %-24s %12s %s  (%s)  %s\n", sp.Label(), sp.Amount.Grouped(), t.Currency, rep, linesText(sp.Lines))
		}
		s.WriteString("A fix (f) can target the whole invoice or one line (tab).\n")
	}
	return s.String(), nil
}

// rule turns a console fix into a matcher rule.
func fixRule(f ui.Fix) match.Rule {
	r := match.Rule{App: f.App, Created: time.Now().UTC()}
	if f.Ignore {
		r.App = ""
	}
	switch {
	case f.Scope == ui.ScopeTransaction:
		r.Kind, r.TransactionID = match.RuleTransaction, f.TransactionID
	case f.Ignore:
		r.Kind, r.VendorName = match.RuleIgnoreVendor, f.VendorName
	default:
		r.Kind, r.VendorName = match.RuleVendor, f.VendorName
	}
	return r
}

func (b *backend) PreviewFix(f ui.Fix) (ui.Preview, error) {
	m, err := b.loaded()
	if err != nil {
		return ui.Preview{}, err
	}
	var p ui.Preview
	for _, mv := range m.PreviewRule(fixRule(f)) {
		p.Moves = append(p.Moves, ui.Move{From: mv.From, To: mv.To, Transactions: mv.Transactions, Spend: spend.Money(mv.Amount)})
	}
	return p, nil
}

func (b *backend) ApplyFix(f ui.Fix) error {
	m, err := b.loaded()
	if err != nil {
		return err
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if _, err = m.AddRule(b.db, fixRule(f)); err == nil {
		b.seen.rules++        // ours: not another process's rule
		go b.saveDecisions(m) // the new rules' decisions, for the next start
	}
	return err
}

// SetReportingCurrency stores the setting and re-derives the model, which
// converts every amount again (no network).
func (b *backend) SetReportingCurrency(cur string) error {
	if _, err := spend.SetReportingCurrency(b.db, cur); err != nil {
		return err
	}
	b.invalidate()
	return nil
}

func (b *backend) SetGranularity(g spend.Granularity) error {
	if err := b.db.SetSetting(store.SettingGranularity, string(g)); err != nil {
		return err
	}
	m, err := b.loaded()
	if err != nil {
		return err
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	return m.SetGranularity(g)
}

// Validate checks one wizard field; a Secret-ID-looking secret is accepted
// (it may be right) with ValidateSecret's warning under the field.
func (b *backend) Validate(field ui.Field, value string) error {
	switch field {
	case ui.FieldTenant:
		return nilIfNil(bc.ValidateTenant(value))
	case ui.FieldEnvironment:
		return nilIfNil(bc.ValidateEnvironment(value))
	case ui.FieldClientID:
		return nilIfNil(bc.ValidateClientID(value))
	case ui.FieldSecret:
		_, warn, err := bc.ValidateSecret(value)
		if warn != "" && err == nil {
			return &ui.FieldWarning{Message: warn}
		}
		return nilIfNil(err)
	}
	return nil
}

// nilIfNil avoids a typed nil *failure.Error in an error interface.
func nilIfNil(err error) error {
	if e, ok := err.(*failure.Error); ok && e == nil {
		return nil
	}
	return err
}

func uiFlow(f bc.Flow) ui.Flow {
	if f == bc.FlowDevice {
		return ui.FlowDeviceCode
	}
	return ui.Flow(f)
}

func bcFlow(f ui.Flow) bc.Flow {
	if f == ui.FlowDeviceCode {
		return bc.FlowDevice
	}
	return bc.Flow(f)
}

func (b *backend) request(in ui.ConnInput) service.ConnectRequest {
	return service.ConnectRequest{
		Target:       b.globals.target(in.Tenant, in.Environment),
		ClientID:     in.ClientID,
		Flow:         bcFlow(in.Flow),
		ClientSecret: in.Secret,
		Keyring:      b.keyring,
		Name:         in.Connection, // a reconnect replaces that one; "" adds one
	}
}

// SignIn starts a pending connection for a delegated flow and keeps it for
// TestConnection and SaveConnection.
func (b *backend) SignIn(ctx context.Context, in ui.ConnInput, report func(ui.SignInEvent)) error {
	req := b.request(in)
	req.ShowDeviceCode = func(d bc.DeviceCode) {
		b.mu.Lock()
		b.userCode = d.UserCode
		b.mu.Unlock()
		report(ui.SignInEvent{Kind: ui.SignInDeviceCode, UserCode: d.UserCode, URL: d.VerificationURI, ExpiresAt: d.Expires})
	}
	req.Browser = bc.BrowserOptions{
		Show: func(u string) { report(ui.SignInEvent{Kind: ui.SignInBrowser, URL: u}) },
		Open: b.openURL,
	}
	p, _, err := service.NewPending(req)
	if err != nil {
		return err
	}
	if err := p.SignIn(ctx); err != nil {
		return err
	}
	b.mu.Lock()
	b.pending = p
	b.mu.Unlock()
	report(ui.SignInEvent{Kind: ui.SignInDone})
	return nil
}

func (b *backend) OpenURL(url string) error { return b.openURL(url) }

func (b *backend) TestConnection(ctx context.Context, in ui.ConnInput, report func(ui.Step)) ([]ui.Company, error) {
	b.mu.Lock()
	p := b.pending
	b.mu.Unlock()
	if p == nil || bcFlow(in.Flow) == bc.FlowClientCredentials {
		var err error
		if p, _, err = service.NewPending(b.request(in)); err != nil {
			return nil, err
		}
	}
	res, err := p.Test(ctx, func(s bc.Step) {
		st := ui.Step{Name: s.Name, State: ui.StepOK, Detail: s.Detail, Err: s.Err}
		if !s.OK {
			st.State = ui.StepFailed
		}
		if s.Warn != "" {
			st.Detail = strings.TrimSpace(st.Detail + " — " + s.Warn)
		}
		report(st)
	})
	if err != nil {
		return nil, err
	}
	b.mu.Lock()
	b.pending = p
	b.mu.Unlock()
	out := make([]ui.Company, len(res.Companies))
	for i, c := range res.Companies {
		out[i] = ui.Company{ID: c.ID, Name: c.Name}
		if err := res.Refused[c.ID]; err != nil {
			out[i].Problem = err.Error() + ". " + failure.Remedy(err)
		}
	}
	return out, nil
}

func (b *backend) SaveConnection(in ui.ConnInput, companyIDs []string) error {
	b.mu.Lock()
	p := b.pending
	b.mu.Unlock()
	if p == nil {
		return failure.Input("The connection has not been tested yet", "Run the connection test first.")
	}
	return b.savePending(p, companyIDs)
}

// savePending stores the tested connection p with the companies it syncs;
// the test is then spent and the views derive afresh.
func (b *backend) savePending(p *service.Pending, companyIDs []string) error {
	if _, err := p.Save(b.db, companyIDs); err != nil {
		return err
	}
	b.mu.Lock()
	b.pending = nil
	b.mu.Unlock()
	b.invalidate()
	return nil
}

func (b *backend) options() service.Options {
	return cliOptions(b.db, b.keyring)
}

// Sync runs the sync engine and re-derives the views afterwards. A sync
// another process runs (a scheduled one) is waited for, on screen.
func (b *backend) Sync(ctx context.Context, report func(ui.SyncProgress)) (ui.SyncSummary, error) {
	opt := b.options()
	opt.Wait = b.globals.Wait // 0: service.DefaultSyncWait
	opt.OnWait = func(h store.Holder) {
		report(ui.SyncProgress{Waiting: "waiting for " + h.String() + " to finish"})
	}
	start, labels := time.Now(), b.companyLabels()
	sum, err := service.Sync(ctx, b.db, opt, syncer.Options{Progress: func(p syncer.Progress) {
		report(uiProgress(p, labels, time.Now()))
	}})
	b.invalidate()
	out := ui.SyncSummary{Companies: len(sum.Companies), Invoices: sum.Fetched, Duration: time.Since(start),
		Canceled: sum.Outcome == store.OutcomeCanceled}
	for _, c := range sum.Companies {
		out.Lines += c.Lines
	}
	if sum.Users != nil {
		out.Users = sum.Users.Total
	}
	for _, w := range sum.Warnings {
		out.Warnings = append(out.Warnings, w.Message+" — "+w.Remedy)
	}
	if out.Canceled {
		return out, nil
	}
	return out, err
}

func phaseOf(p syncer.Progress) string {
	switch {
	case p.Done:
		return "done"
	case p.Waiting > 0:
		return waitText(p) // e.g. "Business Central is throttling requests; waiting 1m20s"
	}
	return "invoices"
}

// Export writes the rows a console view shows as the CLI's export of the
// same table would, in the view's order, to the export directory.
func (b *backend) Export(view string, keys []string) (string, error) {
	if len(keys) == 0 && view != "insights" {
		return "", failure.Input("Nothing to export: the "+view+" view is empty", "Clear the filter (esc) or sync first (r).")
	}
	t, err := b.exportTable(view, keys)
	if err != nil {
		return "", err
	}
	dir, err := exportDir(b.db, b.exportTo)
	if err != nil {
		return "", err
	}
	path := filepath.Join(dir, fmt.Sprintf("bcspend-%s-%s.csv", view, b.now().Format("20060102-150405")))
	if err := export.WriteFile(path, t); err != nil {
		return "", err
	}
	return path, nil
}

func (b *backend) exportTable(view string, keys []string) (export.Table, error) {
	m, err := b.loaded()
	if err != nil {
		return export.Table{}, err
	}
	switch view {
	case "apps":
		return export.AppsOf(m, pickRows(m.Apps(), keys, func(r *spend.AppRow) string { return r.App })), nil
	case "unmatched":
		return export.UnmatchedOf(pickRows(m.Unmatched(), keys, func(r *spend.UnmatchedRow) string { return r.VendorName })), nil
	case "users":
		return export.UsersOf(pickRows(m.Users(), keys, (*spend.UserRow).Key)), nil
	case "transactions":
		return export.TransactionsOf(m, pickRows(m.Transactions(spend.Filter{}), keys,
			func(t *spend.Transaction) string { return t.ID })), nil
	case "insights":
		r, err := b.Insights()
		return export.Insights(r, ""), err
	}
	return export.Table{}, fmt.Errorf("no export for the %s view", view)
}

// pickRows is the rows with the given keys, in the keys' order; keys the
// data no longer has (a sync ran meanwhile) are left out. The console
// shows BC text made inert (untrusted.Text), so keys are compared in that
// form; rows whose keys look alike there are taken in turn.
func pickRows[T any](rows []T, keys []string, key func(*T) string) []T {
	at := make(map[string][]int, len(rows))
	for i := range rows {
		k := untrusted.Text(key(&rows[i]))
		at[k] = append(at[k], i)
	}
	out := make([]T, 0, len(keys))
	for _, k := range keys {
		if is := at[k]; len(is) > 0 {
			out = append(out, rows[is[0]])
			at[k] = is[1:]
		}
	}
	return out
}

// demoBrowser plays the admin's browser in the demo: it follows the
// simulated tenant's authorize redirect back to bcspend's loopback listener,
// and on the device login page it enters the code shown on screen.
func (b *backend) demoBrowser(u string) error {
	b.mu.Lock()
	code := b.userCode
	b.mu.Unlock()
	if code != "" && strings.HasSuffix(u, "/devicelogin") {
		u += "?user_code=" + code
	}
	resp, err := http.Get(u)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// linesText is "lines 10000, 20000".
func linesText(seqs []int) string {
	parts := make([]string, len(seqs))
	for i, q := range seqs {
		parts[i] = strconv.Itoa(q)
	}
	if len(parts) == 1 {
		return "line " + parts[0]
	}
	return "lines " + strings.Join(parts, ", ")
}

// uiProgress is a company's progress for the Sync screen, under its
// label (labels: by store key, spend's, so two connections' companies of
// one name are told apart): invoices read of BC's $count for the whole
// pass (an interrupted run's pages included), with rate, elapsed and ETA
// at now.
func uiProgress(p syncer.Progress, labels map[string]string, now time.Time) ui.SyncProgress {
	read, total := p.Invoices, 0
	if p.Expected > 0 {
		read, total = p.Read, p.Expected
	}
	eta, _ := p.ETA(now)
	var elapsed time.Duration
	if !p.Started.IsZero() {
		elapsed = now.Sub(p.Started)
	}
	name := p.Company
	if l, ok := labels[p.CompanyID]; ok {
		name = l
	}
	return ui.SyncProgress{Key: p.CompanyID, Company: name, Phase: phaseOf(p), Invoices: read, InvoicesTotal: total, Lines: p.Lines,
		Pages: p.Pages, ThrottleWaits: p.CompanyThrottled, ThrottleTime: p.CompanyThrottleWait,
		Chains: p.Chains, ChainsDone: p.ChainsDone, Rate: p.Rate(now), Elapsed: elapsed, ETA: eta, Done: p.Done}
}
