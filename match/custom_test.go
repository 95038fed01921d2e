package match

import (
	"os"
	"path/filepath"
	"testing"
)

// A custom application joins the catalog (a charge of its vendor matches
// it), and its export in the user catalog format loads back as it was.
func TestCustomAppsJoinTheCatalogAndRoundTrip(t *testing.T) {
	visma := App{Name: "Visma", Category: "Finance", Vendors: []string{"Visma Software AS"}}
	c, err := LoadCatalogWith("", []App{visma})
	if err != nil {
		t.Fatal(err)
	}
	if d := NewMatcher(c, nil).Match(Input{VendorName: "Visma Software AS", Descriptions: []string{"payroll module"}}); d.App != "Visma" || d.Category != "Finance" {
		t.Fatalf("decision %+v", d)
	}
	path := filepath.Join(t.TempDir(), "catalog.txt")
	if err := os.WriteFile(path, []byte(FormatCatalog([]App{visma})), 0o600); err != nil {
		t.Fatal(err)
	}
	back, err := LoadCatalog(path)
	if err != nil {
		t.Fatalf("exported catalog does not load: %v\n%s", err, FormatCatalog([]App{visma}))
	}
	if a, ok := back.App("Visma"); !ok || a.Category != "Finance" || len(a.Vendors) != 1 || a.Vendors[0] != "Visma Software AS" {
		t.Fatalf("round trip: %+v %v", a, ok)
	}
	if _, err := LoadCatalogWith("", []App{{Name: "Nameless"}}); err == nil {
		t.Fatal("an app without a category was accepted")
	}
}
