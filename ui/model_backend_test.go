package ui

import (
	"testing"
	"time"

	"github.com/bcspend/bcspend/bc"
	"github.com/bcspend/bcspend/insights"
	"github.com/bcspend/bcspend/match"
	"github.com/bcspend/bcspend/spend"
	"github.com/bcspend/bcspend/spend/spendtest"
	"github.com/bcspend/bcspend/store"
)

// modelBackend is the fake with its tables and Overview from a real
// spend.Model over a spendtest store and the real insights: a finding
// points at transactions the Transactions screen lists, and a fix or a
// dismissal moves the report as it does in bcspend. The rest (connection,
// sync, wizard) is the fake's.
type modelBackend struct {
	*fakeBackend
	db *store.DB
	m  *spend.Model
}

// findingsBackend is a modelBackend over findingsFixture.
func findingsBackend(t *testing.T) *modelBackend {
	t.Helper()
	db := spendtest.Open(t)
	spendtest.Connect(t, db)
	findingsFixture(t, db)
	m, err := spend.Load(db, match.MustLoadBuiltin(), spend.Options{Now: spendtest.Now})
	if err != nil {
		t.Fatal(err)
	}
	f := newFake(0)
	f.info.Connections[0].Companies = []string{"CRONUS EU", "CRONUS US"}
	f.info.Currencies = []string{"EUR", "USD"}
	f.info.Period = spend.PeriodAt(spendtest.Now)
	return &modelBackend{fakeBackend: f, db: db, m: m}
}

func (b *modelBackend) Apps() ([]spend.AppRow, error) { return b.m.Apps(), nil }
func (b *modelBackend) Transactions() ([]spend.Transaction, error) {
	return b.m.Transactions(spend.Filter{}), nil
}
func (b *modelBackend) Unmatched() ([]spend.UnmatchedRow, error) { return b.m.Unmatched(), nil }
func (b *modelBackend) Users() ([]spend.UserRow, error)          { return b.m.Users(), nil }

// Insights is what bcspend's backend computes: the report with the stored
// contracts and dismissals applied.
func (b *modelBackend) Insights() (insights.Report, error) {
	r := insights.Compute(b.m, insights.Options{})
	cs, err := b.db.Contracts()
	if err != nil {
		return r, err
	}
	r.ApplyContracts(cs)
	ds, err := b.db.Dismissals()
	if err != nil {
		return r, err
	}
	r.ApplyDismissals(ds)
	return r, nil
}

func (b *modelBackend) Dismiss(key, fingerprint string) error {
	return b.db.PutDismissal(store.Dismissal{Key: key, Fingerprint: fingerprint, By: "test", At: fakeNow})
}

// rule is the matcher rule a console fix stands for.
func (b *modelBackend) rule(f Fix) match.Rule {
	r := match.Rule{Kind: match.RuleVendor, VendorName: f.VendorName, App: f.App, Created: fakeNow}
	switch {
	case f.Scope == ScopeTransaction:
		r = match.Rule{Kind: match.RuleTransaction, TransactionID: f.TransactionID, App: f.App, Created: fakeNow}
	case f.Ignore:
		r.Kind, r.App = match.RuleIgnoreVendor, ""
	}
	return r
}

func (b *modelBackend) PreviewFix(f Fix) (Preview, error) {
	var p Preview
	for _, mv := range b.m.PreviewRule(b.rule(f)) {
		p.Moves = append(p.Moves, Move{From: mv.From, To: mv.To, Transactions: mv.Transactions, Spend: spend.Money(mv.Amount)})
	}
	return p, nil
}

func (b *modelBackend) ApplyFix(f Fix) error {
	_, err := b.m.AddRule(b.db, b.rule(f))
	return err
}

// findingsFixture holds one case of each finding the Overview lists, in
// two companies: renewals, a price increase, a missed charge, duplicates
// (one from a vendor whose name carries escape sequences), an overlap, a
// new vendor, an annual contract, users without an email, and an
// unmatched supplier.
func findingsFixture(t *testing.T, db *store.DB) {
	t.Helper()
	type inv = spendtest.Inv
	type ln = spendtest.Line
	day := spendtest.Day
	var invs []inv
	invs = append(invs, spendtest.Monthly(100, "Slack Technologies Ltd", "Slack Pro", "100.00", "EUR", day(2026, 11, 10), 12)...)
	notion := spendtest.Monthly(200, "Notion Labs Inc", "Notion Plus", "200.00", "EUR", day(2026, 11, 5), 6)
	notion[4].Lines[0].Amount = "210.00"
	notion[5].Lines[0].Amount = "273.00" // +30%
	invs = append(invs, notion...)
	invs = append(invs, spendtest.Monthly(300, "RealtimeBoard Inc", "Miro Business", "80.00", "EUR", day(2026, 8, 15), 6)...) // stopped
	invs = append(invs,
		inv{N: 400, Vendor: "Figma Inc", Date: day(2024, 12, 12), Local: "EUR", Lines: []ln{{Desc: "Figma Organization", Amount: "4500"}}},
		inv{N: 401, Vendor: "Figma Inc", Date: day(2025, 12, 14), Local: "EUR", Lines: []ln{{Desc: "Figma Organization annual", Amount: "4500"}}})
	invs = append(invs,
		inv{N: 700, Vendor: "Atlassian Pty Ltd", Date: day(2026, 10, 1), Local: "EUR", Lines: []ln{{Desc: "Jira Software Cloud", Amount: "500"}}},
		inv{N: 701, Vendor: "Atlassian Pty Ltd", Date: day(2026, 10, 3), Local: "EUR", Lines: []ln{{Desc: "Jira Software Cloud", Amount: "500"}}})
	evil := "Evil\x1b[31mCorp\x1b]0;pwned\x07 Ltd"
	invs = append(invs,
		inv{N: 750, Vendor: evil, Date: day(2026, 9, 1), Local: "EUR", Lines: []ln{{Desc: "Invoice\tline\nwith control\x07 chars", Amount: "999"}}},
		inv{N: 751, Vendor: evil, Date: day(2026, 9, 2), Local: "EUR", Lines: []ln{{Desc: "Invoice\tline\nwith control\x07 chars", Amount: "999"}}})
	// Two meeting tools in the same company and months: an overlap.
	invs = append(invs, spendtest.Monthly(800, "Zoom Video Communications Inc", "Zoom Business", "150.00", "EUR", day(2026, 11, 3), 8)...)
	invs = append(invs, spendtest.Monthly(820, "Cisco Systems", "Webex Meetings Business", "140.00", "EUR", day(2026, 11, 4), 8)...)
	invs = append(invs, spendtest.Monthly(840, "Dropbox International Unlimited Company", "Dropbox Business", "60.00", "EUR", day(2026, 10, 5), 10)...) // overdue
	invs = append(invs, inv{N: 880, Vendor: "salesforce.com Germany GmbH", Date: day(2026, 6, 10), Local: "EUR",
		Lines: []ln{{Desc: "Salesforce Sales Cloud annual subscription", Amount: "12000"}}})
	invs = append(invs, inv{N: 900, Vendor: "Nordlys Handel AB", Date: day(2026, 7, 1), Local: "EUR", Lines: []ln{{Desc: "Order 4471", Amount: "90"}}})
	invs = append(invs, inv{N: 910, Vendor: "Linear Orbit Inc", Date: day(2026, 11, 18), Local: "EUR", Lines: []ln{{Desc: "Linear Standard", Amount: "320"}}})
	spendtest.Commit(t, db, spendtest.CompanyEU, invs...)
	spendtest.Commit(t, db, spendtest.CompanyUS,
		spendtest.Monthly(1000, "Slack Technologies Ltd", "Slack Pro", "110.00", "USD", day(2026, 11, 12), 3)...)
	spendtest.PutRates(t, db, spendtest.CompanyEU, spendtest.Rate{Currency: "USD", Start: day(2020, 1, 1), Exchange: "100", Relational: "90"})
	spendtest.PutRates(t, db, spendtest.CompanyUS, spendtest.Rate{Currency: "EUR", Start: day(2020, 1, 1), Exchange: "90", Relational: "100"})
	notice := 180 // the admin's correction: Salesforce's notice period
	if err := db.PutContract(store.Contract{App: "Salesforce Sales Cloud", CompanyID: spendtest.CompanyEU, NoticeDays: &notice, By: "test", At: spendtest.Now}); err != nil {
		t.Fatal(err)
	}
	email := func(s string) *string { return &s }
	users := []bc.User{
		{UserSecurityID: spendtest.GUID(9001), UserName: "ADMIN", DisplayName: "Anna Admin", State: bc.UserEnabled, ContactEmail: email("anna@contoso.com")},
		{UserSecurityID: spendtest.GUID(9002), UserName: "CAROL", DisplayName: "Carol Finance", State: bc.UserEnabled},
		{UserSecurityID: spendtest.GUID(9003), UserName: "DAVE", DisplayName: "Dave Departed", State: bc.UserDisabled, ContactEmail: email("dave@contoso.com")},
		{UserSecurityID: spendtest.GUID(9004), UserName: "GRACE", DisplayName: "Grace \x1b[2JOps", State: bc.UserEnabled},
	}
	if _, err := db.ReplaceUsers(users, spendtest.Now.Add(-time.Hour)); err != nil {
		t.Fatal(err)
	}
}
