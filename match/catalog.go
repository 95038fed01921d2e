package match

import (
	_ "embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"sort"
)

// The catalog ships as a plain text file so admins can read, diff and extend
// it; catalog_format.go describes the format.
//
//go:embed catalog.txt
var builtinCatalog []byte

// App is one application of the catalog.
type App struct {
	Name     string   `json:"name"`
	Category string   `json:"category"`
	Domain   string   `json:"domain"`
	Group    string   `json:"group,omitempty"`   // multi-product vendor selling it
	Vendors  []string `json:"vendors,omitempty"` // legal, former and d.b.a. names
	Keywords []string `json:"keywords,omitempty"`
	Default  bool     `json:"default,omitempty"` // the group's product when the line names none
	Generic  bool     `json:"generic,omitempty"` // the name is an everyday word
	// Channel: a messaging channel of its maker (WhatsApp Business
	// Platform), which other communication vendors carry and bill as
	// their own service: on their lines it is theirs.
	Channel bool `json:"channel,omitempty"`
}

// Group is a vendor that sells several catalog applications (Microsoft,
// Atlassian...). Its names identify the vendor, not the product.
type Group struct {
	Name    string   `json:"name"`
	Vendors []string `json:"vendors,omitempty"`
	Default string   `json:"default,omitempty"` // app to assume when no product is named
	// NoFlagship: no one product is what a line naming none almost always
	// pays for (the catalog writes the default "?"): such a line is an
	// unknown product of the vendor, not a guess (testdata/LABELLING.md,
	// "Grain").
	NoFlagship bool `json:"no_flagship,omitempty"`
}

// Reseller is a vendor that resells other vendors' software (CDW, SHI); its
// invoices are matched by their line descriptions only.
type Reseller struct {
	Name    string   `json:"name"`
	Domain  string   `json:"domain"`
	Vendors []string `json:"vendors,omitempty"`
}

// Catalog is the loaded catalog with the indexes the matcher needs. It is
// read-only after LoadCatalog and safe for concurrent use.
type Catalog struct {
	apps       []App
	groups     []Group
	resellers  []Reseller
	byName     map[string]int // normalised app name -> index in apps
	idx        *index
	words      *wordLists
	conflicts  []string   // builtin data problems, checked by a test
	searchKeys [][]string // per app: normalised name, then other names
	memo       *memo      // normalised lines and vendors, shared by its matchers
}

// LoadCatalog reads the embedded catalog and, when userFile names an existing
// file, the admin's own entries in the same format, which add applications or
// replace those of the same name. "" or a missing file means no user entries.
func LoadCatalog(userFile string) (*Catalog, error) {
	f, err := readCatalog(userFile)
	if err != nil {
		return nil, err
	}
	return buildCatalog(f)
}

// readCatalog is the embedded catalog's records with userFile's merged in,
// parsed but not yet built (LoadCatalogWith adds custom applications
// before the one build).
func readCatalog(userFile string) (*catalogFile, error) {
	base, err := parseCatalog("catalog.txt (embedded)", builtinCatalog)
	if err != nil {
		return nil, err
	}
	if userFile != "" {
		data, err := os.ReadFile(userFile)
		switch {
		case errors.Is(err, fs.ErrNotExist):
		case err != nil:
			return nil, fmt.Errorf("catalog: read %s: %w; check the file's permissions or remove the setting", userFile, err)
		default:
			user, err := parseCatalog(userFile, data)
			if err != nil {
				return nil, err
			}
			base.merge(user)
		}
	}
	return base, nil
}

// MustLoadBuiltin is the embedded catalog alone; it panics only if the
// shipped file is broken, which the package tests rule out.
func MustLoadBuiltin() *Catalog {
	c, err := LoadCatalog("")
	if err != nil {
		panic(err)
	}
	return c
}

// Apps lists every application, sorted by name.
func (c *Catalog) Apps() []App {
	out := append([]App(nil), c.apps...)
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// App looks an application up by name (normalised, so "box inc" finds Box).
func (c *Catalog) App(name string) (App, bool) {
	i, ok := c.byName[Normalize(name)]
	if !ok {
		return App{}, false
	}
	return c.apps[i], true
}

// Groups lists the multi-product vendors.
func (c *Catalog) Groups() []Group { return append([]Group(nil), c.groups...) }

// Resellers lists the known resellers.
func (c *Catalog) Resellers() []Reseller { return append([]Reseller(nil), c.resellers...) }

// category is the catalog category of an app name, "" when not catalogued
// (a rule may target an app the catalog lacks).
func (c *Catalog) category(app string) string {
	if a, ok := c.App(app); ok {
		return a.Category
	}
	return ""
}

// canonical returns the catalog spelling of an app name, or name itself.
func (c *Catalog) canonical(app string) string {
	if a, ok := c.App(app); ok {
		return a.Name
	}
	return app
}
