package bcsim

import (
	"crypto/sha256"
	"errors"
	"math/rand/v2"
	"sort"
	"sync"
	"time"

	"github.com/bcspend/bcspend/bc"
)

// Config shapes a simulated tenant.
type Config struct {
	Seed int64
	// Now is the tenant's "today"; zero means the wall clock (then the
	// tenant clock keeps running).
	Now time.Time
	// Companies is how many companies the tenant has; 0 means the three
	// CRONUS ones (more repeat them with a number).
	Companies int
	// InvoicesPerMonth per company; 0 means a realistic default.
	InvoicesPerMonth int
	// Latency is added to every BC API request (while it counts as in flight).
	Latency time.Duration
	// EntityLatency is real server time per invoice in a purchaseInvoices
	// page (BC builds such a page invoice by invoice, lines included), so
	// a page of 1,000 takes 1,000 times it: benchmarks measure a sync
	// against BC's throughput with it.
	EntityLatency time.Duration
	// TokenLifetime of access tokens; 0 means 3600 s.
	TokenLifetime time.Duration
	// Pre25 simulates an environment before BC 25.0: users have no
	// contactEmail property and $select=contactEmail answers 400.
	Pre25 bool
	// NoExchangeRates simulates an environment before API 23.0, which has
	// no currencyExchangeRates page: it answers 404
	// BadRequest_ResourceNotFound.
	NoExchangeRates bool
	// NoGLSetup simulates an environment without the generalLedgerSetup
	// page (404); companyInformation still has the local currency.
	NoGLSetup bool
	// DeviceApproveAfter is how many device-code polls are answered
	// authorization_pending before the sign-in is approved (0 = first poll).
	DeviceApproveAfter int
}

// DefaultInvoicesPerMonth is used when Config.InvoicesPerMonth is 0.
const DefaultInvoicesPerMonth = 48

// Months of history generated, counting the current one.
const historyMonths = 15

// ErrNotFound is returned by mutations for an unknown company, invoice or user.
var ErrNotFound = errors.New("bcsim: not found")

// company is one BC company with its data; invoices, vendors and rates are
// kept sorted by id, the order the API pages in.
type company struct {
	info bc.Company
	def  companyDef
	// infoEntity and glSetup are companyInformation and generalLedgerSetup.
	infoEntity bc.CompanyInformation
	glSetup    bc.GeneralLedgerSetup
	local      string // local currency code
	taxBP      int64  // tax rate in basis points
	invoices   []*bc.PurchaseInvoice
	byID       map[string]*bc.PurchaseInvoice
	credits    []*bc.PurchaseCreditMemo // purchaseCreditMemos, by id like invoices
	creditByID map[string]*bc.PurchaseCreditMemo
	vendors    []*bc.Vendor
	rates      []*bc.CurrencyExchangeRate
	nextNo     int
}

// Tenant is the simulated tenant's state. All methods are safe for
// concurrent use. Stored invoices are never modified in place (mutations
// copy, change and swap) so handlers can render outside the lock.
type Tenant struct {
	cfg  Config
	key  []byte // HS256 key for access tokens
	live bool   // clock follows the wall clock

	mu        sync.RWMutex
	base      time.Time
	offset    time.Duration
	companies []*company
	users     []*bc.User
	idRand    *rand.Rand // ids for added entities

	auth   authState
	faults faultState
	stats  statsState
}

// New generates a deterministic tenant from cfg.
func New(cfg Config) *Tenant {
	if cfg.InvoicesPerMonth <= 0 {
		cfg.InvoicesPerMonth = DefaultInvoicesPerMonth
	}
	if cfg.TokenLifetime <= 0 {
		cfg.TokenLifetime = time.Hour
	}
	t := &Tenant{cfg: cfg}
	if cfg.Now.IsZero() {
		t.live = true
		t.base = time.Now().UTC()
	} else {
		t.base = cfg.Now.UTC()
	}
	k := sha256.Sum256([]byte("bcsim-key-" + itoa(cfg.Seed)))
	t.key = k[:]
	t.idRand = rand.New(rand.NewPCG(uint64(cfg.Seed), 0xadd))
	t.auth.init()
	t.faults.init(cfg.Seed)
	t.stats.init()
	g := newGenerator(cfg, t.base)
	t.companies = g.companies()
	t.users = g.users()
	return t
}

// Now is the tenant clock, millisecond precision like BC.
func (t *Tenant) Now() time.Time {
	t.mu.RLock()
	defer t.mu.RUnlock()
	return t.nowLocked()
}

func (t *Tenant) nowLocked() time.Time {
	n := t.base
	if t.live {
		n = time.Now().UTC()
	}
	return n.Add(t.offset).Truncate(time.Millisecond)
}

// runningNow is the wall clock moved by every Advance. It judges how a
// client paces itself (device-code polling): a client waits in real time,
// which a fixed tenant clock cannot see, and a test skips the wait with
// Advance instead of sleeping.
func (t *Tenant) runningNow() time.Time {
	t.mu.RLock()
	defer t.mu.RUnlock()
	return time.Now().Add(t.offset)
}

// Advance moves the tenant clock forward (or back) by d.
func (t *Tenant) Advance(d time.Duration) {
	t.mu.Lock()
	t.offset += d
	t.mu.Unlock()
}

func (t *Tenant) company(id string) *company {
	for _, c := range t.companies {
		if equalID(c.info.ID, id) {
			return c
		}
	}
	return nil
}

// Companies lists the companies.
func (t *Tenant) Companies() []bc.Company {
	t.mu.RLock()
	defer t.mu.RUnlock()
	out := make([]bc.Company, len(t.companies))
	for i, c := range t.companies {
		out[i] = c.info
	}
	return out
}

// Invoices returns deep copies of a company's invoices with their lines, in id order.
func (t *Tenant) Invoices(companyID string) []bc.PurchaseInvoice {
	t.mu.RLock()
	defer t.mu.RUnlock()
	c := t.company(companyID)
	if c == nil {
		return nil
	}
	out := make([]bc.PurchaseInvoice, len(c.invoices))
	for i, inv := range c.invoices {
		out[i] = copyInvoice(inv)
	}
	return out
}

// Vendors returns a company's vendors in id order.
func (t *Tenant) Vendors(companyID string) []bc.Vendor {
	t.mu.RLock()
	defer t.mu.RUnlock()
	c := t.company(companyID)
	if c == nil {
		return nil
	}
	out := make([]bc.Vendor, len(c.vendors))
	for i, v := range c.vendors {
		out[i] = *v
	}
	return out
}

// Rates returns a company's currency exchange rates in id order.
func (t *Tenant) Rates(companyID string) []bc.CurrencyExchangeRate {
	t.mu.RLock()
	defer t.mu.RUnlock()
	c := t.company(companyID)
	if c == nil {
		return nil
	}
	out := make([]bc.CurrencyExchangeRate, len(c.rates))
	for i, r := range c.rates {
		out[i] = *r
	}
	return out
}

// Users returns the environment's users as the API serves them.
func (t *Tenant) Users() []bc.User {
	t.mu.RLock()
	defer t.mu.RUnlock()
	out := make([]bc.User, len(t.users))
	for i, u := range t.users {
		out[i] = t.servedUser(u)
	}
	return out
}

// servedUser hides contactEmail on pre-25 environments.
func (t *Tenant) servedUser(u *bc.User) bc.User {
	c := *u
	if t.cfg.Pre25 {
		c.ContactEmail = nil
	} else if u.ContactEmail != nil {
		e := *u.ContactEmail
		c.ContactEmail = &e
	}
	return c
}

func copyInvoice(inv *bc.PurchaseInvoice) bc.PurchaseInvoice {
	c := *inv
	c.Lines = append([]bc.PurchaseInvoiceLine(nil), inv.Lines...)
	return c
}

// sortInvoices keeps the paging order.
func sortInvoices(s []*bc.PurchaseInvoice) {
	sort.Slice(s, func(i, j int) bool { return s[i].ID < s[j].ID })
}
