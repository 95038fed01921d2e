package spend_test

import (
	"fmt"
	"reflect"
	"runtime"
	"testing"
	"time"

	"github.com/bcspend/bcspend/bc"
	"github.com/bcspend/bcspend/match"
	"github.com/bcspend/bcspend/money"
	"github.com/bcspend/bcspend/spend"
	"github.com/bcspend/bcspend/spend/spendtest"
	"github.com/bcspend/bcspend/store"
)

var cat = match.MustLoadBuiltin()

type st = spendtest.Inv
type ln = spendtest.Line

func load(t *testing.T, db *store.DB, g spend.Granularity) *spend.Model {
	t.Helper()
	m, err := spend.Load(db, cat, spend.Options{Now: spendtest.Now, Granularity: g})
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return m
}

func appRow(t *testing.T, m *spend.Model, app string) spend.AppRow {
	t.Helper()
	for _, r := range m.Apps() {
		if r.App == app {
			return r
		}
	}
	t.Fatalf("no application %q in %+v", app, m.Apps())
	return spend.AppRow{}
}

func amt(s string) money.Amount { return money.MustParse(s) }

// An admin's store holds paid, open, cancelled and deleted invoices: only
// paid ones still in BC are spend; the rest stay visible as history.
func TestOnlyPaidAndNotRemovedCounts(t *testing.T) {
	db := spendtest.Open(t)
	spendtest.Connect(t, db)
	d := spendtest.Day(2026, 10, 5)
	slack := func(n int, status string) st {
		return st{N: n, Vendor: "Slack Technologies Ltd", Date: d.AddDate(0, 0, n), Status: status, Local: "EUR",
			Lines: []ln{{Desc: "Slack Pro", Amount: "100.00"}}}
	}
	spendtest.CommitRun(t, db, spendtest.CompanyEU, "r1", slack(1, ""))
	spendtest.CommitRun(t, db, spendtest.CompanyEU, "r2", slack(2, ""), slack(3, bc.StatusOpen),
		slack(4, bc.StatusCanceled), slack(5, bc.StatusCorrective), slack(6, ""))
	if _, err := db.MarkRemoved(spendtest.CompanyEU, "r2"); err != nil { // invoice 1 was deleted in BC
		t.Fatal(err)
	}
	m := load(t, db, "")
	r := appRow(t, m, "Slack")
	if r.Transactions != 2 || r.Spend["EUR"] != amt("200") {
		t.Errorf("Slack = %d transactions, %v; want 2 and 200 EUR (paid, not removed)", r.Transactions, r.Spend)
	}
	if all := m.Transactions(spend.Filter{History: true}); len(all) != 6 {
		t.Errorf("history view has %d transactions, want all 6", len(all))
	}
	if paid := m.Transactions(spend.Filter{}); len(paid) != 2 {
		t.Errorf("default view has %d transactions, want the 2 that count", len(paid))
	}
}

// One reseller invoice pays for two applications: at invoice granularity
// it is one charge; switching to lines splits it from memory alone (the
// store is closed to prove no re-read, let alone a network call).
func TestGranularitySwitchRederivesWithoutStore(t *testing.T) {
	db := spendtest.Open(t)
	spendtest.Connect(t, db)
	spendtest.Commit(t, db, spendtest.CompanyEU, st{N: 10, Vendor: "CDW Ltd", Date: spendtest.Day(2026, 11, 2), Local: "EUR",
		Lines: []ln{{Desc: "Slack Business+ licences", Amount: "300.00"}, {Desc: "note: annual", Comment: true},
			{Desc: "Zoom Business", Amount: "120.50"}}})
	m := load(t, db, spend.PerInvoice)
	txs := m.Transactions(spend.Filter{})
	if len(txs) != 1 || txs[0].Amount != amt("420.50") || txs[0].ID != spendtest.GUID(10) || txs[0].LineSequence != 0 {
		t.Fatalf("invoice granularity: %+v; want one 420.50 transaction with the invoice id", txs)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if err := m.SetGranularity(spend.PerLine); err != nil {
		t.Fatal(err)
	}
	txs = m.Transactions(spend.Filter{})
	if len(txs) != 2 {
		t.Fatalf("line granularity: %d transactions, want 2 (the comment line is no charge)", len(txs))
	}
	want := map[string]string{spendtest.GUID(10) + "/10000": "Slack", spendtest.GUID(10) + "/30000": "Zoom"}
	for _, x := range txs {
		if want[x.ID] != x.App {
			t.Errorf("line %s matched %q, want %q", x.ID, x.App, want[x.ID])
		}
	}
	if appRow(t, m, "Zoom").Spend["EUR"] != amt("120.50") || appRow(t, m, "Slack").Spend["EUR"] != amt("300") {
		t.Errorf("per-line spend wrong: %+v", m.Apps())
	}
	if err := m.SetGranularity(spend.PerInvoice); err != nil || len(m.Transactions(spend.Filter{})) != 1 {
		t.Errorf("back to invoice granularity: err %v, %d transactions", err, len(m.Transactions(spend.Filter{})))
	}
}

// The admin maps an unknown vendor to an app: the preview says what moves,
// the rule moves past spend, and it is still there after a reload.
func TestRulesMoveMoneyAndSurviveReload(t *testing.T) {
	db := spendtest.Open(t)
	spendtest.Connect(t, db)
	spendtest.Commit(t, db, spendtest.CompanyEU,
		spendtest.Monthly(20, "Acme Widgets GmbH", "Widget platform subscription", "50.00", "EUR", spendtest.Day(2026, 11, 3), 3)...)
	m := load(t, db, "")
	if u := m.Unmatched(); len(u) != 1 || u[0].Spend["EUR"] != amt("150") {
		t.Fatalf("unmatched before the rule: %+v", u)
	}
	rule := match.Rule{Kind: match.RuleVendor, VendorName: "Acme Widgets", App: "Figma"}
	moves := m.PreviewRule(rule)
	if len(moves) != 1 || moves[0].From != match.LabelUnmatched || moves[0].To != "Figma" ||
		moves[0].Transactions != 3 || moves[0].Amount["EUR"] != amt("150") {
		t.Fatalf("preview = %+v; want 3 transactions / 150 EUR from unmatched to Figma", moves)
	}
	saved, err := m.AddRule(db, rule)
	if err != nil {
		t.Fatal(err)
	}
	if r := appRow(t, m, "Figma"); r.Spend["EUR"] != amt("150") || len(m.Unmatched()) != 0 {
		t.Errorf("after the rule: Figma %v, unmatched %+v", r.Spend, m.Unmatched())
	}
	// a new charge of the vendor, synced later, follows the rule too
	spendtest.Commit(t, db, spendtest.CompanyEU, st{N: 30, Vendor: "Acme Widgets GmbH", Date: spendtest.Day(2026, 11, 20),
		Local: "EUR", Lines: []ln{{Desc: "Widget platform subscription", Amount: "50.00"}}})
	m2 := load(t, db, "")
	if r := appRow(t, m2, "Figma"); r.Spend["EUR"] != amt("200") || r.Transactions != 4 {
		t.Errorf("after reload: Figma %v in %d transactions; want 200 EUR in 4", r.Spend, r.Transactions)
	}
	if err := m2.RemoveRule(db, saved.ID); err != nil {
		t.Fatal(err)
	}
	if u := m2.Unmatched(); len(u) != 1 || u[0].Transactions != 4 {
		t.Errorf("after removing the rule: unmatched %+v", u)
	}
	if err := m2.RemoveRule(db, "r-nope"); err == nil {
		t.Error("removing an unknown rule: no error")
	}
}

// A one-off fix made at invoice granularity also holds for the invoice's
// lines.
func TestManualFixFollowsGranularity(t *testing.T) {
	db := spendtest.Open(t)
	spendtest.Connect(t, db)
	spendtest.Commit(t, db, spendtest.CompanyEU, st{N: 40, Vendor: "Acme Widgets GmbH", Date: spendtest.Day(2026, 11, 2),
		Local: "EUR", Lines: []ln{{Desc: "a", Amount: "10"}, {Desc: "b", Amount: "5"}}})
	m := load(t, db, "")
	if _, err := m.AddRule(db, match.Rule{Kind: match.RuleTransaction, TransactionID: spendtest.GUID(40), App: "Slack"}); err != nil {
		t.Fatal(err)
	}
	if r := appRow(t, m, "Slack"); r.Spend["EUR"] != amt("15") {
		t.Errorf("invoice fix: %v", r.Spend)
	}
	_ = m.SetGranularity(spend.PerLine)
	for _, x := range m.Transactions(spend.Filter{}) {
		if x.App != "Slack" || x.Method != string(match.MethodManual) {
			t.Errorf("line %s: %q by %s, want Slack by manual", x.ID, x.App, x.Method)
		}
	}
}

// An invoice in dollars in a euro company: the original amount stays in
// USD, the reporting figure uses the rate in force on the posting date,
// and a date before any rate is marked unconverted, never summed.
func TestCurrencyConversionOnTransactionDate(t *testing.T) {
	db := spendtest.Open(t)
	spendtest.Connect(t, db)
	spendtest.PutRates(t, db, spendtest.CompanyEU,
		spendtest.Rate{Currency: "USD", Start: spendtest.Day(2026, 1, 1), Exchange: "100", Relational: "90"},
		spendtest.Rate{Currency: "USD", Start: spendtest.Day(2026, 3, 10), Exchange: "100", Relational: "92.5"},
		spendtest.Rate{Currency: "GBP", Start: spendtest.Day(2026, 1, 1), Exchange: "1", Relational: "1.1713"})
	zoom := func(n int, d time.Time, cur, amount string) st {
		return st{N: n, Vendor: "Zoom Video Communications Inc", Date: d, Currency: cur, Local: "EUR",
			Lines: []ln{{Desc: "Zoom Pro", Amount: amount}}}
	}
	spendtest.Commit(t, db, spendtest.CompanyEU,
		zoom(50, spendtest.Day(2026, 3, 9), "USD", "1000.00"),  // 90/100
		zoom(51, spendtest.Day(2026, 3, 10), "USD", "1000.00"), // 92.5/100 from this day
		zoom(52, spendtest.Day(2026, 4, 1), "EUR", "10.00"),
		zoom(53, spendtest.Day(2026, 4, 2), "GBP", "33.33"),
		zoom(54, spendtest.Day(2025, 12, 31), "USD", "5.00")) // before the first USD rate
	m := load(t, db, "")
	if m.ReportingCurrency() != "EUR" {
		t.Fatalf("reporting currency %q, want the first company's local EUR", m.ReportingCurrency())
	}
	want := map[int]string{50: "900.00", 51: "925.00", 52: "10.00", 53: "39.0394"} // 33.33*1.1713 = 39.039429
	for _, x := range m.Transactions(spend.Filter{}) {
		n := 0
		for k := range want {
			if x.ID == spendtest.GUID(k) {
				n = k
			}
		}
		if n == 0 {
			if !x.Unconverted || x.AmountReporting != 0 {
				t.Errorf("%s before any rate: converted to %s", x.ID, x.AmountReporting)
			}
			continue
		}
		if x.Unconverted || x.AmountReporting != amt(want[n]) {
			t.Errorf("invoice %d: %s %s -> %s EUR (unconverted %v); want %s", n, x.Amount, x.Currency, x.AmountReporting, x.Unconverted, want[n])
		}
	}
	r := appRow(t, m, "Zoom")
	if r.Spend["USD"] != amt("2005") || r.Spend["EUR"] != amt("10") || r.Spend["GBP"] != amt("33.33") {
		t.Errorf("per-currency spend mixed currencies: %v", r.Spend)
	}
	if r.Reporting != amt("1874.0394") || r.Unconverted != 1 {
		t.Errorf("converted total %s with %d unconverted; want 1874.0394 and 1", r.Reporting, r.Unconverted)
	}
}

// Reporting in another currency goes through the local one, using the
// reporting currency's own rate of the company.
func TestConversionViaLocalCurrency(t *testing.T) {
	db := spendtest.Open(t)
	spendtest.Connect(t, db)
	if err := db.SetSetting(store.SettingReportingCurrency, "USD"); err != nil {
		t.Fatal(err)
	}
	spendtest.PutRates(t, db, spendtest.CompanyEU,
		spendtest.Rate{Currency: "USD", Start: spendtest.Day(2026, 1, 1), Exchange: "100", Relational: "92.5"},
		spendtest.Rate{Currency: "GBP", Start: spendtest.Day(2026, 1, 1), Exchange: "1", Relational: "1.2"})
	spendtest.Commit(t, db, spendtest.CompanyEU,
		st{N: 60, Vendor: "Figma Inc", Date: spendtest.Day(2026, 5, 1), Local: "EUR", Lines: []ln{{Desc: "Figma", Amount: "1000"}}},
		st{N: 61, Vendor: "Figma Inc", Date: spendtest.Day(2026, 5, 2), Currency: "GBP", Local: "EUR", Lines: []ln{{Desc: "Figma", Amount: "100"}}},
		st{N: 62, Vendor: "Figma Inc", Date: spendtest.Day(2026, 5, 3), Currency: "USD", Local: "EUR", Lines: []ln{{Desc: "Figma", Amount: "7.77"}}})
	m := load(t, db, "")
	got := map[string]money.Amount{}
	for _, x := range m.Transactions(spend.Filter{}) {
		got[x.Currency] = x.AmountReporting
	}
	// 1000 EUR / 0.925 = 1081.081081 -> 1081.0811; 100 GBP * 1.2 / 0.925 = 129.7297297 -> 129.7297
	if got["EUR"] != amt("1081.0811") || got["GBP"] != amt("129.7297") || got["USD"] != amt("7.77") {
		t.Errorf("converted to USD: %v", got)
	}
}

func TestUnmatchedGroupedByVendorBiggestFirst(t *testing.T) {
	db := spendtest.Open(t)
	spendtest.Connect(t, db)
	spendtest.Commit(t, db, spendtest.CompanyEU,
		st{N: 70, Vendor: "Small Co", Date: spendtest.Day(2026, 9, 1), Local: "EUR", Lines: []ln{{Desc: "thing", Amount: "5"}}},
		st{N: 71, Vendor: "Big Co", Date: spendtest.Day(2026, 9, 1), Local: "EUR", Lines: []ln{{Desc: "platform", Amount: "500"}}},
		st{N: 72, Vendor: "Big Co", Date: spendtest.Day(2026, 10, 1), Local: "EUR", Lines: []ln{{Desc: "platform fee", Amount: "700"}}},
		st{N: 73, Vendor: "Dell Technologies", Date: spendtest.Day(2026, 10, 1), Local: "EUR", Lines: []ln{{Desc: "Latitude laptops", Amount: "9000"}}})
	u := load(t, db, "").Unmatched()
	if len(u) != 2 || u[0].VendorName != "Big Co" || u[0].Transactions != 2 || u[0].Spend["EUR"] != amt("1200") ||
		u[0].SampleDesc != "platform fee" || u[1].VendorName != "Small Co" {
		t.Errorf("unmatched = %+v; want Big Co (2, 1200, sample of the biggest) then Small Co, laptops ignored", u)
	}
}

func TestUsersView(t *testing.T) {
	db := spendtest.Open(t)
	email := func(s string) *string { return &s }
	_, err := db.ReplaceUsers([]bc.User{
		{UserSecurityID: spendtest.GUID(1), UserName: "ADA", DisplayName: "Ada", State: bc.UserEnabled, ContactEmail: email("Ada@Contoso.com ")},
		{UserSecurityID: spendtest.GUID(2), UserName: "BOB", DisplayName: "Bob", State: bc.UserDisabled, ContactEmail: email("")},
		{UserSecurityID: spendtest.GUID(3), UserName: "BCSPEND SYNC APP", State: bc.UserEnabled},
	}, spendtest.Now)
	if err != nil {
		t.Fatal(err)
	}
	rows := load(t, db, "").Users()
	if len(rows) != 3 {
		t.Fatalf("%d users", len(rows))
	}
	byName := map[string]spend.UserRow{}
	for _, r := range rows {
		byName[r.UserName] = r
	}
	if a := byName["ADA"]; !a.Active || a.Email != "ada@contoso.com" || a.MissingEmail || a.Application {
		t.Errorf("Ada: %+v", a)
	}
	if b := byName["BOB"]; b.Active || !b.MissingEmail || b.Application {
		t.Errorf("Bob: %+v", b)
	}
	if s := byName["BCSPEND SYNC APP"]; !s.Application {
		t.Errorf("the app user is not marked as one: %+v", s)
	}
}

// The Applications view covers the trailing 12 months, oldest month first.
func TestAppsTrailingTwelveMonths(t *testing.T) {
	db := spendtest.Open(t)
	spendtest.Connect(t, db)
	spendtest.Commit(t, db, spendtest.CompanyEU,
		spendtest.Monthly(80, "Slack Technologies Ltd", "Slack Pro", "10.00", "EUR", spendtest.Day(2026, 11, 15), 14)...)
	r := appRow(t, load(t, db, ""), "Slack")
	if r.Transactions != 12 || r.Spend["EUR"] != amt("120") || r.Months[11]["EUR"] != amt("10") || r.Months[0]["EUR"] != amt("10") {
		t.Errorf("Slack: %d transactions, %v, months %v", r.Transactions, r.Spend, r.Months)
	}
	if !r.LastCharge.Equal(spendtest.Day(2026, 11, 15)) || len(r.Vendors) != 1 || r.Category != "Communication" {
		t.Errorf("Slack row: %+v", r)
	}
}

// The console reads views from background commands while a fix or a
// granularity switch lands. Every read sees the model before or after a
// change, never halfway: all 300 charges of the vendor are unmatched or
// all are Figma's, in every view. (-race also checks the memory accesses.)
func TestConcurrentReadsAndChanges(t *testing.T) {
	const n = 300 // one a day, all within the 12-month period
	db := spendtest.Open(t)
	spendtest.Connect(t, db)
	invs := make([]spendtest.Inv, n)
	for i := range invs {
		invs[i] = spendtest.Inv{N: i + 1, Vendor: "Acme Widgets GmbH", Local: "EUR", Date: spendtest.Day(2026, 11, 20).AddDate(0, 0, -i),
			Lines: []spendtest.Line{{Desc: "Widget platform", Amount: "50.00"}}}
	}
	spendtest.Commit(t, db, spendtest.CompanyEU, invs...)
	m := load(t, db, "")
	stop, done := make(chan struct{}), make(chan struct{})
	reads := 0
	go func() {
		defer close(done)
		for {
			reads++
			if msg := tornRead(m, n); msg != "" {
				t.Errorf("read %d: %s", reads, msg)
				return
			}
			select {
			case <-stop:
				return
			default:
			}
		}
	}()
	for i := 0; i < 5; i++ {
		r, err := m.AddRule(db, match.Rule{Kind: match.RuleVendor, VendorName: "Acme Widgets", App: "Figma"})
		if err != nil {
			t.Fatal(err)
		}
		if err := m.SetGranularity(spend.PerLine); err != nil {
			t.Fatal(err)
		}
		if err := m.SetGranularity(spend.PerInvoice); err != nil {
			t.Fatal(err)
		}
		if err := m.RemoveRule(db, r.ID); err != nil {
			t.Fatal(err)
		}
	}
	figma := []match.Rule{{ID: "r1", Kind: match.RuleVendor, VendorName: "Acme Widgets", App: "Figma", Created: spendtest.Now}}
	for i := 0; i < 200; i++ { // the same change without the store's writes, to overlap more reads
		m.SetRules(figma)
		m.SetRules(nil)
	}
	close(stop)
	<-done
	t.Logf("%d reads", reads)
	if msg := tornRead(m, n); msg != "" || len(m.Unmatched()) != 1 {
		t.Fatalf("after the rule was removed: %s %+v", msg, m.Unmatched())
	}
}

// tornRead checks one round of the console's reads against the two states
// the model may be in, and says what was inconsistent.
func tornRead(m *spend.Model, n int) string {
	txs := m.Transactions(spend.Filter{})
	if len(txs) != n {
		return fmt.Sprintf("%d transactions, want %d", len(txs), n)
	}
	for _, x := range txs {
		if x.App != txs[0].App {
			return fmt.Sprintf("one Transactions read has charges of %q and of %q", txs[0].App, x.App)
		}
	}
	for _, a := range m.Apps() {
		if a.App == "Figma" && a.Transactions != n {
			return fmt.Sprintf("Figma has %d transactions, want 0 or %d", a.Transactions, n)
		}
	}
	for _, u := range m.Unmatched() {
		if u.Transactions != n {
			return fmt.Sprintf("%s has %d unmatched transactions, want 0 or %d", u.VendorName, u.Transactions, n)
		}
	}
	moved := 0
	for _, mv := range m.PreviewRule(match.Rule{Kind: match.RuleVendor, VendorName: "Acme Widgets", App: "Slack"}) {
		moved += mv.Transactions
	}
	if moved != n && moved != 0 { // 0: the Figma rule, older, keeps the vendor
		return fmt.Sprintf("a rule to Slack would move %d transactions, want 0 or %d", moved, n)
	}
	return ""
}

// Loading is spread over the CPUs; the result must not depend on how many.
func TestLoadIsTheSameOnOneOrManyCPUs(t *testing.T) {
	db := spendtest.Open(t)
	spendtest.Connect(t, db)
	spendtest.Large(t, db, 3000)
	prev := runtime.GOMAXPROCS(1)
	one := load(t, db, spend.PerLine)
	runtime.GOMAXPROCS(4)
	many := load(t, db, spend.PerLine)
	runtime.GOMAXPROCS(prev)
	a, b := one.Transactions(spend.Filter{History: true}), many.Transactions(spend.Filter{History: true})
	if len(a) != len(b) || len(a) < 9000 {
		t.Fatalf("%d vs %d transactions", len(a), len(b))
	}
	for i := range a {
		if !reflect.DeepEqual(a[i], b[i]) {
			t.Fatalf("transaction %d differs:\n%+v\n%+v", i, a[i], b[i])
		}
	}
	if !reflect.DeepEqual(one.Apps(), many.Apps()) || !reflect.DeepEqual(one.Unmatched(), many.Unmatched()) {
		t.Error("views differ")
	}
}
