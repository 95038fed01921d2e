package match

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// Custom applications join the catalog in its one build, with or without
// a user catalog file: the console starts with this catalog, and a second
// build of 8,900 applications was another 450 ms before the Applications
// view. Measured in allocations (a count, not a time): the build with one
// custom app allocates about what the build without it does, not twice.
func TestCustomAppsCostNoSecondBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the catalog four times")
	}
	user := filepath.Join(t.TempDir(), "catalog.txt")
	if err := os.WriteFile(user, []byte("app | Lodge Keeper | Hospitality | lodgekeeper.invalid | | Lodge Keeper ApS | |\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	visma := []App{{Name: "Visma", Category: "Finance", Vendors: []string{"Visma Software AS"}}}
	for _, file := range []string{user, filepath.Join(t.TempDir(), "absent.txt")} {
		build := func(extra []App) uint64 {
			return allocations(func() {
				c, err := LoadCatalogWith(file, extra)
				if err != nil {
					t.Fatal(err)
				}
				c.idx.typos() // the typo index is built on another goroutine: count it in
			})
		}
		plain, custom := build(nil), build(visma)
		if float64(custom) > 1.2*float64(plain) {
			t.Errorf("%s: the catalog with one custom app made %d allocations, without it %d: built twice?", filepath.Base(file), custom, plain)
		}
	}
}

// allocations is how many heap allocations f makes (the test runs alone:
// it is not parallel).
func allocations(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.Mallocs - before.Mallocs
}

// The user file's records and the custom apps are both in the one build,
// a custom app replacing a user entry of its name.
func TestCustomAppsAndUserFileTogether(t *testing.T) {
	user := filepath.Join(t.TempDir(), "catalog.txt")
	if err := os.WriteFile(user, []byte("app | Lodge Keeper | Hospitality | lodgekeeper.invalid | | Lodge Keeper ApS | |\napp | Visma | Other | visma.invalid | | Nordvik Ledger AS | |\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	c, err := LoadCatalogWith(user, []App{{Name: "Visma", Category: "Finance", Vendors: []string{"Visma Software AS"}}})
	if err != nil {
		t.Fatal(err)
	}
	m := NewMatcher(c, nil)
	for vendor, app := range map[string]string{"Lodge Keeper ApS": "Lodge Keeper", "Visma Software AS": "Visma"} {
		if d := m.Match(Input{VendorName: vendor, Descriptions: []string{"annual licence"}}); d.App != app {
			t.Errorf("%s: %+v, want %s", vendor, d, app)
		}
	}
	if a, _ := c.App("Visma"); a.Category != "Finance" {
		t.Errorf("Visma is %+v: the custom app should replace the user file's", a)
	}
	if d := m.Match(Input{VendorName: "Nordvik Ledger AS", Descriptions: []string{"annual licence"}}); d.App == "Visma" {
		t.Errorf("the replaced user entry's vendor still matches: %+v", d)
	}
	bad := filepath.Join(t.TempDir(), "catalog.txt")
	if err := os.WriteFile(bad, []byte("app | Lodge Keeper | Hospitality | lodgekeeper.invalid | Nowhere Group | Lodge Keeper ApS | |\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err = LoadCatalogWith(bad, []App{{Name: "Visma", Category: "Finance"}})
	if err == nil || !strings.Contains(err.Error(), "catalog.txt line 1") || !strings.Contains(err.Error(), "group record") {
		t.Errorf("a user file naming a missing group: %v", err)
	}
}
