package match

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCatalogFile guards the shipped data: enough apps, every entry complete,
// no name shared by two entries, every group default resolvable.
func TestCatalogFile(t *testing.T) {
	f, err := parseCatalog("catalog.txt", builtinCatalog)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.apps) < 2000 {
		t.Errorf("catalog has %d apps, want at least 2000 (issue 15)", len(f.apps))
	}
	names := map[string]string{}
	for _, a := range f.apps {
		if a.Name == "" || a.Category == "" || a.Domain == "" {
			t.Errorf("incomplete app %+v", a)
		}
		key := Normalize(a.Name)
		if prev, dup := names[key]; dup {
			t.Errorf("duplicate app name %q (%q and %q)", key, prev, a.Name)
		}
		names[key] = a.Name
	}
	c, err := buildCatalog(f)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range c.Conflicts() {
		t.Errorf("catalog conflict: %s", p)
	}
}

func TestCatalogLookups(t *testing.T) {
	c := MustLoadBuiltin()
	if a, ok := c.App("mailchimp"); !ok || a.Category != "Marketing" || !contains(a.Vendors, "The Rocket Science Group") {
		t.Errorf("App(mailchimp) = %+v, %v", a, ok)
	}
	if a, ok := c.App("Salesforce Sales Cloud"); !ok || !a.Default || a.Group != "Salesforce" {
		t.Errorf("Salesforce Sales Cloud should be Salesforce's default product: %+v", a)
	}
	if _, ok := c.App("CDW"); ok {
		t.Error("a reseller is not an app")
	}
	apps := c.Apps()
	for i := 1; i < len(apps); i++ {
		if apps[i-1].Name > apps[i].Name {
			t.Fatalf("Apps() not sorted at %q", apps[i].Name)
		}
	}
	if len(c.Resellers()) < 8 || len(c.Groups()) < 15 {
		t.Errorf("resellers %d, groups %d", len(c.Resellers()), len(c.Groups()))
	}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func TestSearch(t *testing.T) {
	c := MustLoadBuiltin()
	cases := []struct{ q, first string }{
		{"slack", "Slack"},
		{"conflu", "Confluence"},
		{"rocket science", "Mailchimp"},
		{"agilebits", "1Password"},
		{"fimga", "Figma"},
		{"power bi", "Power BI"},
	}
	for _, cs := range cases {
		got := c.Search(cs.q, 5)
		if len(got) == 0 || got[0].Name != cs.first {
			t.Errorf("Search(%q) first = %v, want %s", cs.q, names(got), cs.first)
		}
		if len(got) > 5 {
			t.Errorf("Search(%q) returned %d > limit", cs.q, len(got))
		}
	}
	if got := c.Search("", 5); got != nil {
		t.Errorf("empty query: %v", names(got))
	}
}

func names(apps []App) []string {
	var out []string
	for _, a := range apps {
		out = append(out, a.Name)
	}
	return out
}

func TestLoadCatalogUserFile(t *testing.T) {
	dir := t.TempDir()
	user := filepath.Join(dir, "my-catalog.txt")
	data := "# our own tools\n" +
		"app | Acme Timesheets | HR | acme-timesheets.example | | Acme Internal Tools Ltd | acme timesheets; timesheet portal |\n" +
		"app | Slack | Chat | slack.com | Salesforce | Slack Technologies; Slack Chat Co | slack pro | generic\n"
	if err := os.WriteFile(user, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	c, err := LoadCatalog(user)
	if err != nil {
		t.Fatal(err)
	}
	if a, ok := c.App("Acme Timesheets"); !ok || a.Category != "HR" {
		t.Errorf("user app not added: %+v", a)
	}
	if a, _ := c.App("Slack"); a.Category != "Chat" {
		t.Errorf("user entry should replace the shipped Slack, got category %q", a.Category)
	}
	m := NewMatcher(c, nil)
	if d := m.Match(Input{VendorName: "Acme Internal Tools Limited", Descriptions: []string{"October"}}); d.App != "Acme Timesheets" {
		t.Errorf("user vendor alias: %+v", d)
	}
	if d := m.Match(Input{VendorName: "Slack Chat Co.", Descriptions: nil}); d.App != "Slack" {
		t.Errorf("user alias on replaced app: %+v", d)
	}
	if _, err := LoadCatalog(filepath.Join(dir, "missing.txt")); err != nil {
		t.Errorf("a missing user file means none: %v", err)
	}
}

func TestLoadCatalogUserErrors(t *testing.T) {
	cases := []struct{ body, want string }{
		{"app | Foo | Tools | foo.example\n", "line 1: app record has 4 fields, needs 8"},
		{"# c\n\napp | Foo |  | foo.example | | | |\n", "line 3: app \"Foo\" has no category"},
		{"app | Foo | Tools | | | | |\n", "has no domain"},
		{"app | Foo | Tools | https://foo.example/ | | | |\n", "write a bare host name"},
		{"application | Foo\n", "unknown record kind \"application\""},
		{"app | Foo | Tools | foo.example | | | | shiny\n", "unknown flag \"shiny\""},
		{"app | Foo | Tools | foo.example | Nowhere | | |\n", "line 1: app \"Foo\" names group \"Nowhere\""},
		{"\ngroup | Acme | Acme Corp | Missing App\n", "line 2: group \"Acme\" defaults to \"Missing App\""},
		{"reseller |  | x.example | \n", "no name"},
	}
	dir := t.TempDir()
	for i, c := range cases {
		p := filepath.Join(dir, "user"+string(rune('a'+i))+".txt")
		if err := os.WriteFile(p, []byte(c.body), 0o600); err != nil {
			t.Fatal(err)
		}
		_, err := LoadCatalog(p)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("body %q: err = %v, want it to contain %q", c.body, err, c.want)
			continue
		}
		if strings.Contains(c.want, "line") && !strings.Contains(err.Error(), p) {
			t.Errorf("error %q should name the file", err)
		}
	}
}

func FuzzParseCatalog(f *testing.F) {
	f.Add([]byte("app | Foo | Tools | foo.example | | Foo Inc | foo pro | generic\n"))
	f.Add([]byte("group | G | G Corp | Foo\napp | Foo | Tools | foo.example | G | | |\n"))
	f.Add([]byte("reseller | R | r.example | R Ltd\n# comment\n\n"))
	f.Add([]byte("app | | | | | | |\n|||\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		cf, err := parseCatalog("fuzz.txt", data)
		if err != nil {
			if !strings.Contains(err.Error(), "fuzz.txt") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		base, _ := parseCatalog("catalog.txt", builtinCatalog)
		base.merge(cf)
		if c, err := buildCatalog(base); err == nil {
			NewMatcher(c, nil).Match(Input{VendorName: "Foo Inc", Descriptions: []string{"foo pro"}})
			c.Search("foo", 3)
		}
	})
}
