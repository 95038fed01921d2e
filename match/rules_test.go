package match

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/bcspend/bcspend/money"
)

var t0 = time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)

func TestRuleKinds(t *testing.T) {
	rules := []Rule{
		{ID: "fix1", Kind: RuleTransaction, TransactionID: "INV-7/2", App: "Dropbox", Created: t0},
		{ID: "fix2", Kind: RuleTransaction, TransactionID: "INV-8", Created: t0},
		{ID: "v1", Kind: RuleVendor, VendorName: "Contoso Software Ltd", App: "Box", Note: "Box via partner", Created: t0},
		{ID: "iv1", Kind: RuleIgnoreVendor, VendorName: "Slack Technologies", Created: t0},
		{ID: "d1", Kind: RuleDescription, Contains: "Team Offsite", Created: t0},
		{ID: "d2", Kind: RuleDescription, Contains: "Acme Portal", App: "Acme Portal", Created: t0},
		{ID: "d3", Kind: RuleDescription, VendorName: "CDW", Contains: "renewal", App: "Zoom", Created: t0},
	}
	m := NewMatcher(testCatalog, rules)
	cases := []struct {
		name string
		in   Input
		app  string
		ign  bool
		meth Method
		rule string
	}{
		{"manual fix", Input{TransactionID: "INV-7/2", VendorName: "Box Inc", Descriptions: []string{"Business"}}, "Dropbox", false, MethodManual, "fix1"},
		{"manual ignore", Input{TransactionID: "INV-8", VendorName: "Box Inc"}, "", true, MethodManual, "fix2"},
		{"same pair without the fix", Input{TransactionID: "INV-9", VendorName: "Box Inc", Descriptions: []string{"Business"}}, "Box", false, MethodAlias, ""},
		{"vendor rule, normalised", Input{VendorName: "CONTOSO SOFTWARE LIMITED", Descriptions: []string{"Q4"}}, "Box", false, MethodRule, "v1"},
		{"ignore vendor beats catalog", Input{VendorName: "Slack Technologies, Inc.", Descriptions: []string{"Pro plan"}}, "", true, MethodRule, "iv1"},
		{"description rule to ignore", Input{VendorName: "Zoom Video Communications", Descriptions: []string{"Zoom Pro", "team offsite room"}}, "", true, MethodRule, "d1"},
		{"description rule to an uncatalogued app", Input{VendorName: "Acme", Descriptions: []string{"ACME-PORTAL seats"}}, "Acme Portal", false, MethodRule, "d2"},
		{"description rule scoped to a vendor", Input{VendorName: "CDW Corporation", Descriptions: []string{"Renewal 2027"}}, "Zoom", false, MethodRule, "d3"},
		{"scoped rule, other vendor", Input{VendorName: "SHI", Descriptions: []string{"Renewal 2027"}}, "", false, MethodNone, ""},
		{"words, not substrings", Input{VendorName: "Acme", Descriptions: []string{"renewals"}}, "", false, MethodNone, ""},
	}
	for _, c := range cases {
		d := m.Match(c.in)
		if d.App != c.app || d.Ignored != c.ign || d.Method != c.meth || d.RuleID != c.rule {
			t.Errorf("%s: got %+v", c.name, d)
		}
		if c.rule != "" && !strings.Contains(d.Reason, c.rule) && c.meth == MethodRule {
			t.Errorf("%s: reason should name the rule: %s", c.name, d.Reason)
		}
	}
	if d := m.Match(Input{VendorName: "Contoso Software", Descriptions: []string{"x"}}); !strings.Contains(d.Reason, "Box via partner") {
		t.Errorf("the rule's note belongs in the reason: %s", d.Reason)
	}
}

func TestRulePriority(t *testing.T) {
	in := Input{VendorName: "Contoso", Descriptions: []string{"Figma seats"}}
	later := t0.Add(time.Hour)
	cases := []struct {
		name  string
		rules []Rule
		want  string
	}{
		{"lower priority number first", []Rule{
			{ID: "a", Kind: RuleVendor, Priority: 2, VendorName: "Contoso", App: "Box"},
			{ID: "b", Kind: RuleDescription, Priority: 1, Contains: "figma", App: "Canva"},
		}, "b"},
		{"tie: vendor before description", []Rule{
			{ID: "b", Kind: RuleDescription, Contains: "figma", App: "Canva"},
			{ID: "a", Kind: RuleVendor, VendorName: "Contoso", App: "Box"},
		}, "a"},
		{"tie: older first", []Rule{
			{ID: "new", Kind: RuleVendor, VendorName: "Contoso", App: "Box", Created: later},
			{ID: "old", Kind: RuleVendor, VendorName: "Contoso", App: "Canva", Created: t0},
		}, "old"},
		{"invalid rules are skipped", []Rule{
			{ID: "bad", Kind: RuleVendor, VendorName: "Contoso"},
			{ID: "ok", Kind: RuleVendor, Priority: 5, VendorName: "Contoso", App: "Box"},
		}, "ok"},
	}
	for _, c := range cases {
		if d := NewMatcher(testCatalog, c.rules).Match(in); d.RuleID != c.want {
			t.Errorf("%s: rule %q decided, want %q (%+v)", c.name, d.RuleID, c.want, d)
		}
	}
	// Rules sit above the engine: without them the line names Figma.
	if d := NewMatcher(testCatalog, nil).Match(in); d.App != "Figma" {
		t.Errorf("engine: %+v", d)
	}
}

func TestRuleValidateAndJSON(t *testing.T) {
	bad := []Rule{
		{ID: "1", Kind: RuleTransaction},
		{ID: "2", Kind: RuleVendor, VendorName: "X"},
		{ID: "3", Kind: RuleIgnoreVendor},
		{ID: "4", Kind: RuleDescription, Contains: " - "},
		{ID: "5", Kind: "sometimes"},
	}
	for _, r := range bad {
		if err := r.Validate(); err == nil || !strings.Contains(err.Error(), "rule "+r.ID) {
			t.Errorf("rule %s: %v", r.ID, err)
		}
	}
	r := Rule{ID: "r1", Kind: RuleVendor, Priority: 3, VendorName: "Acme", App: "Box", Note: "n", Created: t0}
	b, _ := json.Marshal(r)
	var back Rule
	if err := json.Unmarshal(b, &back); err != nil || back != r {
		t.Errorf("round trip %s -> %+v (%v)", b, back, err)
	}
	if !strings.Contains(string(b), `"vendor_name":"Acme"`) || !strings.Contains(string(b), `"kind":"vendor"`) {
		t.Errorf("json tags: %s", b)
	}
}

func TestPreview(t *testing.T) {
	eur := func(s string) money.Amount { return money.MustParse(s) }
	items := []Item{
		{Input{TransactionID: "1", VendorName: "Box Inc", Descriptions: []string{"Business"}}, eur("100.50"), "EUR"},
		{Input{TransactionID: "2", VendorName: "Box Inc", Descriptions: []string{"Business"}}, eur("200.25"), "EUR"},
		{Input{TransactionID: "3", VendorName: "Box Inc", Descriptions: []string{"Business"}}, eur("99"), "USD"},
		{Input{TransactionID: "4", VendorName: "Contoso", Descriptions: []string{"Seats"}}, eur("10"), "EUR"},
		{Input{TransactionID: "5", VendorName: "Slack Technologies", Descriptions: []string{"Pro"}}, eur("5"), "EUR"},
	}
	current := []Rule{{ID: "c1", Kind: RuleIgnoreVendor, VendorName: "Slack Technologies"}}
	proposed := []Rule{
		{ID: "p1", Kind: RuleVendor, VendorName: "Box", App: "Dropbox"},
		{ID: "p2", Kind: RuleVendor, VendorName: "Contoso", App: "Dropbox"},
		{ID: "p3", Kind: RuleTransaction, TransactionID: "2", App: "Box"},
	}
	moves := Preview(testCatalog, current, proposed, items)
	if len(moves) != 3 {
		t.Fatalf("moves: %+v", moves)
	}
	want := []struct {
		from, to string
		n        int
		amt      map[string]string
	}{
		{"Box", "Dropbox", 2, map[string]string{"EUR": "100.50", "USD": "99.00"}},
		{LabelIgnored, "Slack", 1, map[string]string{"EUR": "5.00"}},
		{LabelUnmatched, "Dropbox", 1, map[string]string{"EUR": "10.00"}},
	}
	for i, w := range want {
		mv := moves[i]
		if mv.From != w.from || mv.To != w.to || mv.Transactions != w.n || len(mv.Amount) != len(w.amt) {
			t.Errorf("move %d: %+v, want %+v", i, mv, w)
			continue
		}
		for cur, a := range w.amt {
			if mv.Amount[cur].Fixed2() != a {
				t.Errorf("move %d %s: %s want %s", i, cur, mv.Amount[cur].Fixed2(), a)
			}
		}
	}
	if s := moves[0].String(); s != "moves 2 transactions / 100.50 EUR + 99.00 USD from Box to Dropbox" {
		t.Errorf("String() = %q", s)
	}
	if got := Preview(testCatalog, current, current, items); len(got) != 0 {
		t.Errorf("same rules move nothing: %+v", got)
	}
}
