package syncer_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/bcspend/bcspend/bc"
	"github.com/bcspend/bcspend/bc/bcsim"
	"github.com/bcspend/bcspend/match"
	"github.com/bcspend/bcspend/money"
	"github.com/bcspend/bcspend/spend"
	"github.com/bcspend/bcspend/store"
	"github.com/bcspend/bcspend/syncer"
)

// What real BC sends, over HTTP from the simulated tenant: exchange rates
// with 6 places and lines with 5-place quantities and unit costs are
// stored digit for digit.
func TestFineDecimalsAreStoredExactly(t *testing.T) {
	e := newEnv(t, bcsimConfig())
	e.mustSync(syncer.Options{})
	six, five := 0, 0
	for _, c := range e.conn.Companies {
		stored, err := e.db.ExchangeRates(c.ID)
		must(t, err)
		byID := map[string]store.ExchangeRate{}
		for _, r := range stored {
			byID[strings.ToLower(r.ID)] = r
		}
		for _, r := range e.tenant.Rates(c.ID) {
			if r.RelationalExchangeRateAmount.Scale() == 6 {
				six++
			}
			if got := byID[strings.ToLower(r.ID)]; got.RelationalAmount != r.RelationalExchangeRateAmount ||
				got.ExchangeAmount != r.ExchangeRateAmount {
				t.Fatalf("rate %s stored as %s / %s, BC sent %s / %s", r.ID, got.ExchangeAmount, got.RelationalAmount,
					r.ExchangeRateAmount, r.RelationalExchangeRateAmount)
			}
		}
		held := allStored(t, e.db, c.ID)
		for _, inv := range e.tenant.Invoices(c.ID) {
			s, ok := held[strings.ToLower(inv.ID)]
			if !ok {
				continue
			}
			for i, l := range inv.Lines {
				if l.Quantity.Scale() == 5 {
					five++
				}
				if got := s.Lines[i]; got.Quantity != l.Quantity || got.UnitCost != l.UnitCost {
					t.Fatalf("invoice %s line %d: %s × %s stored, BC sent %s × %s", inv.Number, l.Sequence, got.Quantity, got.UnitCost, l.Quantity, l.UnitCost)
				}
			}
		}
	}
	if six == 0 || five == 0 {
		t.Fatalf("the tenant sent %d rates with 6 places and %d stored lines with 5-place quantities; both must occur", six, five)
	}
}

// A rate with 6 places, read over HTTP, converts exactly: 1234.56 ZZZ at
// 100 ZZZ = 108.401234 USD is 1338.2782744704 USD, rounded once, half away
// from zero: 1338.2783 (a 4-place rate, 108.4012, would give 1338.2779).
// The 5-place quantity and unit cost of its line arrive exactly too.
func TestSixDecimalRateOverHTTPConvertsExactly(t *testing.T) {
	e := newEnv(t, bcsimConfig())
	co := companyNamed(t, e, "CRONUS USA, Inc.")
	now := e.tenant.Now()
	today := bc.NewDate(now.Year(), now.Month(), now.Day())
	_, err := e.tenant.PutRate(co, bc.CurrencyExchangeRate{CurrencyCode: "ZZZ", StartingDate: bc.NewDate(now.Year(), now.Month(), 1),
		ExchangeRateAmount: money.NewDecimal(100, 0), RelationalExchangeRateAmount: money.MustParseDecimal("108.401234")})
	must(t, err)
	v := e.tenant.Vendors(co)[0]
	id, err := e.tenant.AddInvoice(co, bc.PurchaseInvoice{InvoiceDate: today, PostingDate: today, Status: bc.StatusPaid,
		VendorID: v.ID, VendorNumber: v.Number, VendorName: v.DisplayName, CurrencyCode: "ZZZ",
		Lines: []bc.PurchaseInvoiceLine{{Description: "Consulting hours", Quantity: money.MustParseDecimal("37.5"),
			UnitCost: money.MustParseDecimal("32.92160"), NetAmount: money.MustParse("1234.56")}}})
	must(t, err)
	e.mustSync(syncer.Options{})
	must(t, e.db.SetSetting(store.SettingReportingCurrency, "USD"))

	m, err := spend.Load(e.db, match.MustLoadBuiltin(), spend.Options{Now: e.tenant.Now()})
	must(t, err)
	found := false
	for _, x := range m.Transactions(spend.Filter{}) {
		if !strings.EqualFold(x.InvoiceID, id) && !strings.EqualFold(x.ID, id) {
			continue
		}
		found = true
		if x.Unconverted || x.Amount != money.MustParse("1234.56") || x.AmountReporting != money.MustParse("1338.2783") {
			t.Fatalf("%s %s -> %s USD (unconverted %v); want 1338.2783", x.Amount, x.Currency, x.AmountReporting, x.Unconverted)
		}
	}
	if !found {
		t.Fatal("the ZZZ invoice is not a transaction")
	}
	inv, ok, err := e.db.Invoice(co, id)
	must(t, err)
	if !ok || inv.Lines[0].UnitCost.String() != "32.9216" || inv.Lines[0].Quantity.String() != "37.5" {
		t.Fatalf("line stored as %+v", inv.Lines)
	}
}

// The local currency and the two global dimensions come from BC
// (companyInformation, generalLedgerSetup), once per company per sync, and
// reach the spend model; the Danish company's dimension 1 is AREA, not a
// department.
func TestCompanyInfoComesFromBC(t *testing.T) {
	e := newEnv(t, bcsimConfig())
	e.mustSync(syncer.Options{})
	want := map[string][3]string{
		"CRONUS USA, Inc.":   {"USD", "DEPARTMENT", "COSTCENTER"},
		"CRONUS UK Ltd.":     {"GBP", "DEPARTMENT", "COSTCENTER"},
		"CRONUS Danmark A/S": {"DKK", "AREA", "COSTCENTER"},
	}
	for _, c := range e.conn.Companies {
		ci, ok, err := e.db.CompanyInfo(c.ID)
		must(t, err)
		w := want[c.Name]
		if !ok || !ci.GLSetup || ci.LocalCurrency != w[0] || ci.Dimension1 != w[1] || ci.Dimension2 != w[2] {
			t.Errorf("%s: stored %+v (ok %v), want %v", c.Name, ci, ok, w)
		}
	}
	// Changed in BC: the next sync, incremental, reads it again.
	dk := companyNamed(t, e, "CRONUS Danmark A/S")
	must(t, e.tenant.SetCompanyInfo(dk, "EUR", "PROJECT", ""))
	e.mustSync(syncer.Options{})
	m, err := spend.Load(e.db, match.MustLoadBuiltin(), spend.Options{Now: e.tenant.Now()})
	must(t, err)
	for _, c := range m.Companies() {
		if c.ID == dk && (c.LocalCurrency != "EUR" || c.Dimension1 != "PROJECT" || c.Dimension2 != "Dimension 2") {
			t.Errorf("model company %+v; want EUR, PROJECT, Dimension 2", c)
		}
	}
}

// An environment without generalLedgerSetup still syncs: the local
// currency comes from companyInformation and the dimensions are unnamed.
func TestNoGeneralLedgerSetupIsTolerated(t *testing.T) {
	e := newEnv(t, bcsimConfig(func(c *bcsim.Config) { c.NoGLSetup = true }))
	sum := e.mustSync(syncer.Options{})
	if sum.Outcome != store.OutcomeOK || len(sum.Warnings) != 0 {
		t.Fatalf("outcome %s, warnings %v", sum.Outcome, sum.Warnings)
	}
	ci, ok, err := e.db.CompanyInfo(companyNamed(t, e, "CRONUS UK Ltd."))
	must(t, err)
	if !ok || ci.GLSetup || ci.LocalCurrency != "GBP" || ci.DimensionLabel(1) != "Dimension 1" {
		t.Fatalf("stored %+v", ci)
	}
}

// Before API 23.0 there is no currencyExchangeRates page (404): the sync
// succeeds with a warning per company that says what it means, the
// companies remember why, and their foreign amounts stay unconverted.
func TestMissingRatesPageIsAWarning(t *testing.T) {
	e := newEnv(t, bcsimConfig(func(c *bcsim.Config) { c.NoExchangeRates = true }))
	sum, err := e.sync(t.Context(), syncer.Options{})
	if err != nil || sum.Outcome != store.OutcomeOK {
		t.Fatalf("sync: %v, outcome %s", err, sum.Outcome)
	}
	n := 0
	for _, w := range sum.Warnings {
		if w.Code == "no_exchange_rates" && strings.Contains(w.Message, "unconverted") && w.Remedy != "" {
			n++
		}
	}
	if n != len(e.conn.Companies) {
		t.Fatalf("%d missing-rates warnings for %d companies: %+v", n, len(e.conn.Companies), sum.Warnings)
	}
	js, _ := json.Marshal(sum)
	if !strings.Contains(string(js), `"code":"no_exchange_rates"`) {
		t.Fatalf("sync --json would not say it: %s", js)
	}
	run, _, err := e.db.LastRun()
	must(t, err)
	if run.Outcome != store.OutcomeOK || run.ErrorCode != "no_exchange_rates" {
		t.Fatalf("history: %+v", run)
	}
	m, err := spend.Load(e.db, match.MustLoadBuiltin(), spend.Options{Now: e.tenant.Now()})
	must(t, err)
	for _, c := range m.Companies() {
		if c.RatesUnavailable == "" {
			t.Errorf("company %s does not say why it is unconverted", c.Name)
		}
	}
	foreign := 0
	for _, x := range m.Transactions(spend.Filter{}) {
		if x.Currency != m.ReportingCurrency() {
			foreign++
			if !x.Unconverted {
				t.Fatalf("%s %s converted without rates", x.Amount, x.Currency)
			}
		}
	}
	if foreign == 0 {
		t.Fatal("no foreign-currency transactions to check")
	}
}

func companyNamed(t *testing.T, e *env, name string) string {
	t.Helper()
	for _, c := range e.conn.Companies {
		if c.Name == name {
			return c.ID
		}
	}
	t.Fatalf("no company %q", name)
	return ""
}

// Enums arrive as BC spells them (Fixed_x0020_Asset, _x0020_ for an
// unblocked vendor) and are stored decoded; the status filter is written
// in the escaped form.
func TestEscapedEnumsAreDecodedBeforeStoring(t *testing.T) {
	e := newEnv(t, bcsimConfig())
	e.mustSync(syncer.Options{})
	types := map[string]int{}
	for _, c := range e.conn.Companies {
		for _, inv := range allStored(t, e.db, c.ID) {
			for _, l := range inv.Lines {
				types[l.LineType]++
				if strings.Contains(l.LineType, "_x") {
					t.Fatalf("line type stored escaped: %q", l.LineType)
				}
			}
		}
		vs, err := e.db.Vendors(c.ID)
		must(t, err)
		for _, v := range vs {
			if v.Blocked != " " && v.Blocked != "All" {
				t.Fatalf("vendor %s blocked %q: want BC's blank ' ' or All", v.Number, v.Blocked)
			}
		}
	}
	if types[bc.LineFixedAsset] == 0 || types[bc.LineAllocationAccount] == 0 {
		t.Fatalf("stored line types %v: the tenant sends Fixed_x0020_Asset and Allocation_x0020_Account lines", types)
	}
	// A stored invoice BC moves to a status with a space comes back decoded.
	co := e.conn.Companies[0].ID
	paid := e.pick(co, func(i bc.PurchaseInvoice) bool { return i.Status == bc.StatusPaid && e.inWindow(i) })
	must(t, e.tenant.SetStatus(co, paid.ID, bc.StatusInReview))
	e.tenant.Advance(time.Hour)
	e.mustSync(syncer.Options{})
	inv, ok, err := e.db.Invoice(co, paid.ID)
	must(t, err)
	if !ok || inv.Status != bc.StatusInReview || inv.Counts() {
		t.Fatalf("stored status %q (counts %v), want %q", inv.Status, inv.Counts(), bc.StatusInReview)
	}
}

// Full syncs of the demo tenant (default size, seed 1) and of a
// 20,000-invoice tenant, both with BC's real shapes (6-place rates, 5-place
// quantities and unit costs, escaped enums, company information): every
// paid invoice in the window arrives, with nothing left unconverted that
// a rate covers. The 20,000-invoice run takes a few seconds; -short skips it.
func TestFullSyncOfRealisticTenants(t *testing.T) {
	cases := []struct {
		name string
		cfg  bcsim.Config
	}{
		{"demo", bcsim.Config{Seed: 1, Now: simNow}},
		{"20k", bcsim.Config{Seed: 20, Now: simNow, InvoicesPerMonth: 455}}, // 3 companies × (14 months + 20 days of the 15th) × 455 ≈ 20,000
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if tc.name == "20k" && testing.Short() {
				t.Skip("-short: the 20,000-invoice tenant")
			}
			e := newEnv(t, tc.cfg)
			total := 0
			for _, c := range e.conn.Companies {
				total += len(e.tenant.Invoices(c.ID))
			}
			e.client = e.newClient(bc.ClientOptions{PageSize: 1000})
			start := time.Now()
			sum := e.mustSync(syncer.Options{})
			if sum.Outcome != store.OutcomeOK || len(sum.Warnings) != 0 {
				t.Fatalf("outcome %s, warnings %v", sum.Outcome, sum.Warnings)
			}
			e.checkAllCompanies("after the full sync")
			lines := 0
			for _, c := range sum.Companies {
				lines += c.Lines
			}
			t.Logf("%s: tenant of %d invoices; synced %d paid invoices with %d lines in %d requests, %s",
				tc.name, total, sum.Fetched, lines, sum.Requests, time.Since(start).Round(time.Millisecond))
			m, err := spend.Load(e.db, match.MustLoadBuiltin(), spend.Options{Now: e.tenant.Now()})
			must(t, err)
			for _, x := range m.Transactions(spend.Filter{}) {
				if x.Unconverted {
					t.Fatalf("%s %s on %s unconverted though the tenant has rates for every month", x.Amount, x.Currency, x.Date().Format(bc.DateLayout))
				}
			}
		})
	}
}

// A permission set that can read invoices but not the company information
// pages still syncs every invoice; the run warns what that means.
func TestRefusedCompanyInformationIsAWarning(t *testing.T) {
	e := newEnv(t, bcsimConfig())
	e.behind(func(w http.ResponseWriter, r *http.Request) bool {
		if !strings.HasSuffix(r.URL.Path, "/companyInformation") {
			return false
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusForbidden)
		_, _ = w.Write([]byte(`{"error":{"code":"Authorization_InsufficientPermissions","message":"You do not have the following permissions on TableData Company Information: Read.  CorrelationId:  0f1e2d3c-4b5a-6978-8091-a2b3c4d5e6f7."}}`))
		return true
	})
	sum := e.mustSync(syncer.Options{})
	e.checkAllCompanies("with company information refused")
	n := 0
	for _, w := range sum.Warnings {
		if w.Code == "no_company_information" && w.Remedy != "" {
			n++
		}
	}
	if sum.Outcome != store.OutcomeOK || n != len(e.conn.Companies) {
		t.Fatalf("outcome %s, warnings %+v", sum.Outcome, sum.Warnings)
	}
}
