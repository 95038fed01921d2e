package spend

import (
	"encoding/json"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/bcspend/bcspend/bc"
	"github.com/bcspend/bcspend/match"
	"github.com/bcspend/bcspend/store"
)

// Options says how to derive the model. Zero values take the stored
// settings, then the defaults.
type Options struct {
	Now               time.Time   // "today" for the trailing 12 months; zero = time.Now()
	Granularity       Granularity // "" = setting transaction-granularity, else invoice
	ReportingCurrency string      // "" = setting reporting-currency, else the first company's local currency
}

// Company is one company whose invoices the model holds.
type Company struct {
	// ID is the company's key in bcspend (store.Company.StoreKey): its BC
	// id in the first connection, "n:<id>" in connection n, so companies
	// of two connections never share it.
	ID string
	// Name is the company's label (labelCompanies): BC's display name,
	// with the connection's name where two connections' companies share it.
	Name string
	// Connection is the name of the company's connection ("" without one).
	Connection    string
	LocalCurrency string
	// Dimension1 and Dimension2 label the invoices' two global dimension
	// codes as BC names them (e.g. DEPARTMENT, AREA; "Dimension 1" when BC
	// did not say): never assume dimension 1 is a department.
	Dimension1, Dimension2 string
	// RatesUnavailable says why the company's foreign amounts are not
	// converted ("" when its exchange rates were read).
	RatesUnavailable string
}

// Model is the derived, matched and aggregated view of the store. Load
// builds it; SetGranularity and the rule methods change it in place. It
// keeps the stored invoices in memory so that a granularity switch or a
// rule change re-derives at once, without the network or the disk.
// A Model is safe for concurrent use: views read under a shared lock,
// granularity and rule changes take it exclusively.
type Model struct {
	mu sync.RWMutex

	now       time.Time
	gran      Granularity
	reporting string
	cat       *match.Catalog
	rules     []match.Rule
	matcher   *match.Matcher
	fp        []byte // what the matcher's decisions are stored under (decisions.go); nil: not stored

	// unsaved are the keys of inputs the matcher decided for fingerprint
	// unsavedFP since SaveDecisions last stored them; unsavedGen counts new
	// lists, so that a save does not drop what a newer list holds.
	unsaved    []string
	unsavedFP  []byte
	unsavedGen int
	saveMu     sync.Mutex // one SaveDecisions at a time

	companies []Company
	parts     []*part // every stored invoice, history included, by company then date
	// hasCredits: some part holds credit memos (netCredits has work).
	hasCredits bool
	conv       *converter
	users      []store.User
	connNames  map[string]string // connection id -> name, for the users' Connection

	d    derived   // transactions and their match keys
	agg  aggregate // what the views read
	sugg suggestions
}

// Load reads the store (invoices of every connection's companies, their
// rates, users, rules, settings) and derives everything the views show.
// Rules and custom applications apply to every connection's charges; each
// company converts to the reporting currency with its own connection's
// exchange rates (currency.go).
func Load(db *store.DB, cat *match.Catalog, opt Options) (*Model, error) {
	return LoadWith(db, func() (*match.Catalog, error) { return cat, nil }, opt)
}

// LoadWith is Load with the catalog asked for only once the invoices are
// read and derived, when matching starts: a console that builds its
// catalog on another goroutine (some 400 ms for 8,000 applications) reads
// the store meanwhile instead of after. An error from catalog is Load's.
func LoadWith(db *store.DB, catalog func() (*match.Catalog, error), opt Options) (*Model, error) {
	defer holdGC()() // Load's allocations are its model: see gc.go
	m := &Model{now: opt.Now}
	if m.now.IsZero() {
		m.now = time.Now()
	}
	if err := m.loadCompanies(db); err != nil {
		return nil, err
	}
	if err := m.loadInvoices(db); err != nil {
		return nil, err
	}
	if err := m.loadCredits(db); err != nil {
		return nil, err
	}
	if err := m.loadSettings(db, opt); err != nil {
		return nil, err
	}
	if err := m.loadRates(db); err != nil {
		return nil, err
	}
	users, err := db.Users()
	if err != nil {
		return nil, err
	}
	m.users = users
	rules, err := LoadRules(db)
	if err != nil {
		return nil, err
	}
	m.rules = rules
	m.derive() // needs no catalog
	cat, err := catalog()
	if err != nil {
		return nil, err
	}
	m.cat = cat
	m.matcher, m.fp = matcherFor(cat, rules)
	m.rematchKnown(m.storedDecisions(db))
	return m, nil
}

// loadCompanies takes every connection's companies, in connection order;
// without a connection (a copied file, tests) every company with stored
// invoices.
func (m *Model) loadCompanies(db *store.DB) error {
	conns, err := db.Connections()
	if err != nil {
		return err
	}
	m.connNames = map[string]string{}
	for _, conn := range conns {
		m.connNames[conn.ID] = conn.Name
		for _, c := range conn.Companies {
			m.companies = append(m.companies, Company{ID: c.StoreKey(), Name: c.Title(), Connection: conn.Name,
				LocalCurrency: c.LocalCurrency})
		}
	}
	if len(m.companies) == 0 {
		ids, err := db.InvoiceCompanies()
		if err != nil {
			return err
		}
		for _, id := range ids {
			m.companies = append(m.companies, Company{ID: id, Name: id})
		}
	}
	labelCompanies(m.companies)
	return m.applyCompanyInfo(db)
}

// labelCompanies is the one place a company's label is made: its BC
// display name, with its connection's name added where companies of two
// connections share the name (CRONUS USA, Inc. in production and in a
// sandbox), so every view, filter and export tells them apart.
func labelCompanies(cs []Company) {
	conns := map[string]map[string]bool{}
	for _, c := range cs {
		if conns[c.Name] == nil {
			conns[c.Name] = map[string]bool{}
		}
		conns[c.Name][c.Connection] = true
	}
	for i := range cs {
		if len(conns[cs[i].Name]) > 1 {
			cs[i].Name += " (" + cs[i].Connection + ")"
		}
	}
}

// applyCompanyInfo takes each company's local currency and dimension
// labels from what BC said at the last sync (store.CompanyInfo); only a
// company never synced since falls back to guessing the currency from its
// invoices.
func (m *Model) applyCompanyInfo(db *store.DB) error {
	infos, err := db.CompanyInfos()
	if err != nil {
		return err
	}
	for i := range m.companies {
		c := &m.companies[i]
		ci, ok := infos[c.ID]
		if ok && ci.LocalCurrency != "" {
			c.LocalCurrency = ci.LocalCurrency
		}
		c.Dimension1, c.Dimension2 = ci.DimensionLabel(1), ci.DimensionLabel(2)
		c.RatesUnavailable = ci.RatesUnavailable
	}
	return nil
}

// loadInvoices reads every invoice and learns each company's local
// currency from them when the connection does not say: BC fills
// currencyCode with the local code on invoices whose currencyId is zero.
func (m *Model) loadInvoices(db *store.DB) error {
	parts, err := m.readInvoices(db)
	if err != nil {
		return err
	}
	for _, p := range parts {
		c := &m.companies[p.ci]
		for _, inv := range p.invoices {
			if c.LocalCurrency != "" {
				break
			}
			if isZeroGUID(inv.CurrencyID) && inv.CurrencyCode != "" {
				c.LocalCurrency = inv.CurrencyCode
			}
		}
	}
	m.parts = parts
	return nil
}

// part is one company's invoices in one date range: the unit of parallel
// reading and deriving.
type part struct {
	ci       int
	from, to time.Time
	invoices []*store.Invoice
	// docs is invoices with the part's credit memos merged in, negated,
	// by date (nil when it has none); credit says which docs they are.
	docs   []*store.Invoice
	credit map[*store.Invoice]*store.CreditMemo
	err    error
}

// readInvoices decodes the store in parallel: each company's dates are
// cut into ranges read concurrently (decoding 400,000 lines is most of
// Load's time), then the parts are joined in company and date order.
func (m *Model) readInvoices(db *store.DB) ([]*part, error) {
	workers := runtime.GOMAXPROCS(0)
	var parts []*part
	for ci := range m.companies {
		for _, r := range dateRanges(m.now, workers) {
			parts = append(parts, &part{ci: ci, from: r[0], to: r[1]})
		}
	}
	parallel(len(parts), func(i int) {
		p := parts[i]
		p.err = db.ForEachInvoice(m.companies[p.ci].ID, p.from, p.to, func(inv *store.Invoice) error {
			p.invoices = append(p.invoices, inv)
			return nil
		})
	})
	for _, p := range parts {
		if p.err != nil {
			return nil, fmt.Errorf("spend: read invoices of company %s: %w", m.companies[p.ci].Name, p.err)
		}
	}
	return parts, nil
}

// dateRanges cuts time into n ranges (calendar days, inclusive, zero =
// open) of equal months over the year before now, where a store's
// invoices are; the first range also takes everything older.
func dateRanges(now time.Time, n int) [][2]time.Time {
	if n < 2 {
		return [][2]time.Time{{}}
	}
	y, mo, _ := now.Date()
	start := time.Date(y, mo-11, 1, 0, 0, 0, 0, time.UTC)
	out := make([][2]time.Time, 0, n)
	var from time.Time
	for k := 1; k < n; k++ {
		b := start.AddDate(0, k*12/n, 0)
		out = append(out, [2]time.Time{from, b.AddDate(0, 0, -1)})
		from = b
	}
	return append(out, [2]time.Time{from, {}})
}

func isZeroGUID(s string) bool { return s == "" || s == bc.ZeroGUID }

func (m *Model) loadSettings(db *store.DB, opt Options) error {
	m.gran = opt.Granularity
	if m.gran == "" {
		v, ok, err := db.Setting(store.SettingGranularity)
		if err != nil {
			return err
		}
		if ok {
			m.gran = Granularity(v)
		}
	}
	if m.gran != PerLine {
		m.gran = PerInvoice
	}
	m.reporting = opt.ReportingCurrency
	if m.reporting == "" {
		v, ok, err := db.Setting(store.SettingReportingCurrency)
		if err != nil {
			return err
		}
		if ok {
			m.reporting = v
		}
	}
	// The first company's local currency; when its invoices and the
	// connection do not tell it, the next company's that is known.
	for i := 0; m.reporting == "" && i < len(m.companies); i++ {
		m.reporting = m.companies[i].LocalCurrency
	}
	return nil
}

func (m *Model) loadRates(db *store.DB) error {
	tables := make([]*companyRates, len(m.companies))
	for i, c := range m.companies {
		rates, err := db.ExchangeRates(c.ID)
		if err != nil {
			return err
		}
		tables[i] = newCompanyRates(c.LocalCurrency, rates)
	}
	m.conv = newConverter(m.reporting, tables)
	return nil
}

// LoadRules reads the stored rules. A rule that does not decode is an
// error with a remedy rather than silently dropped: it would change money.
func LoadRules(db *store.DB) ([]match.Rule, error) {
	blobs, err := db.Rules()
	if err != nil {
		return nil, err
	}
	rules := make([]match.Rule, 0, len(blobs))
	for i, b := range blobs {
		var r match.Rule
		if err := json.Unmarshal(b, &r); err != nil {
			return nil, fmt.Errorf("spend: stored rule #%d is unreadable (%v); remove it with 'bcspend rules remove ID' and add it again", i+1, err)
		}
		rules = append(rules, r)
	}
	return rules, nil
}

// Now is the model's "today".
func (m *Model) Now() time.Time { return m.now }

// Granularity is what one transaction currently is.
func (m *Model) Granularity() Granularity {
	m.mu.RLock()
	defer m.mu.RUnlock()
	return m.gran
}

// ReportingCurrency is the currency converted totals are in.
func (m *Model) ReportingCurrency() string { return m.reporting }

// Companies lists the companies the model read, in connection order.
func (m *Model) Companies() []Company { return append([]Company(nil), m.companies...) }

// Catalog is the catalog the model matches against.
func (m *Model) Catalog() *match.Catalog { return m.cat }

// Rules are the rules in force, in stored order.
func (m *Model) Rules() []match.Rule {
	m.mu.RLock()
	defer m.mu.RUnlock()
	return append([]match.Rule(nil), m.rules...)
}

// Matcher is the matcher built from the catalog and the rules in force.
func (m *Model) Matcher() *match.Matcher {
	m.mu.RLock()
	defer m.mu.RUnlock()
	return m.matcher
}

// SetGranularity re-derives every transaction at g from the invoices in
// memory (no network, no disk) and re-matches. Persist the choice with
// db.SetSetting(store.SettingGranularity, string(g)).
func (m *Model) SetGranularity(g Granularity) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if g != PerInvoice && g != PerLine {
		return fmt.Errorf("spend: unknown granularity %q; use %q or %q", g, PerInvoice, PerLine)
	}
	if g == m.gran {
		return nil
	}
	m.gran = g
	old := m.d
	m.derive()
	m.rematchKnown(old.decisionsFor(&m.d))
	return nil
}

// DimensionLabel is BC's name of dimension n, the companies' names joined
// when they differ ("DEPARTMENT / AFDELING").
func DimensionLabel(cs []Company, n int) string {
	var names []string
	for _, c := range cs {
		l := c.Dimension1
		if n == 2 {
			l = c.Dimension2
		}
		if l != "" && !slices.Contains(names, l) {
			names = append(names, l)
		}
	}
	if len(names) == 0 {
		return map[int]string{1: "Dimension 1", 2: "Dimension 2"}[n]
	}
	return strings.Join(names, " / ")
}
