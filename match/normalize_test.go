package match

import (
	"testing"
	"unicode/utf8"
)

func TestNormalize(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Slack Technologies, Inc.", "slack technologies"},
		{"The Rocket Science Group, LLC", "rocket science group"},
		{"AgileBits Inc. d/b/a 1Password", "1password"},
		{"Mango Technologies Inc DBA ClickUp", "clickup"},
		{"Acme Ltd t/a Widget World", "widget world"},
		{"Acme Holdings trading as Widgets", "widgets"},
		{"Foo LLC d/b/a", "foo"},
		{"Box, L.L.C.", "box"},
		{"Atlassian Pty. Ltd.", "atlassian"},
		{"Personio SE & Co. KG", "personio"},
		{"Dropbox International Unlimited Company", "dropbox international"},
		{"JetBrains s.r.o.", "jetbrains"},
		{"Asseco Poland sp. z o.o.", "asseco poland"},
		{"Typeform S.L.", "typeform"},
		{"Algolia SAS", "algolia"},
		{"Cegid S.A.", "cegid"},
		{"Elastic N.V.", "elastic"},
		{"GitHub B.V.", "github"},
		{"Wingify Software Pvt. Ltd.", "wingify software"},
		{"Pleo Technologies A/S", "pleo technologies"},
		{"Spotify AB", "spotify"},
		{"Supercell Oy", "supercell"},
		{"Rakuten KK", "rakuten"},
		{"Vodafone Group Plc", "vodafone group"},
		{"Zendesk Corp.", "zendesk"},
		{"Oracle Corporation", "oracle"},
		{"Müller GmbH", "muller"},
		{"Société Générale SARL", "societe generale"},
		{"Ørsted A/S", "orsted"},
		{"Łódź Software", "lodz software"},
		{"ＡＢＣ　Ｃｏｒｐ", "abc"},                   // full-width forms (NFKC)
		{"STRASSE Straße", "strasse strasse"}, // case folding
		{"Æon Œuvre", "aeon oeuvre"},
		{"monday.com Ltd.", "monday com"},
		{"Salesforce.com, Inc.", "salesforce com"},
		{"Macy's", "macys"},
		{"AT&T", "at and t"},
		{"  lots   of\tspace  ", "lots of space"},
		{"The", "the"},
		{"Inc", "inc"},
		{"Co Inc", "co"},
		{"The Co", "the"},
		{"", ""},
		{"!!!", ""},
	}
	for _, c := range cases {
		if got := Normalize(c.in); got != c.want {
			t.Errorf("Normalize(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"Slack Technologies, Inc.", "AgileBits d/b/a 1Password", "Müller GmbH & Co. KG",
		"The the", "inc llc", "ＡＢＣ", "x dba y dba", "sp. z o.o.", "\xff\xfe", "ǅ", "ﬁ", "İstanbul"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := Normalize(s)
		if !utf8.ValidString(n) {
			t.Fatalf("Normalize(%q) = %q: invalid UTF-8", s, n)
		}
		if again := Normalize(n); again != n {
			t.Fatalf("not idempotent: %q -> %q -> %q", s, n, again)
		}
	})
}
