package match

import (
	"fmt"
	"strings"
)

// Custom applications are ones an admin creates from the console or with
// 'bcspend apps add' (an application the catalog does not know, Visma).
// They live in the database, not in a file, and join the catalog like user
// catalog entries: LoadCatalogWith adds them last, so one with the name of
// a catalog application replaces it.

// LoadCatalogWith is LoadCatalog plus the custom applications extra, in
// one build: the user file's records are merged first (its mistakes are
// reported as LoadCatalog reports them, file and line), then extra.
// Building the catalog is some 450 ms for 8,900 applications, and the
// console starts with this one (cmd/bcspend startCatalog).
func LoadCatalogWith(userFile string, extra []App) (*Catalog, error) {
	base, err := readCatalog(userFile)
	if err != nil {
		return nil, err
	}
	for _, a := range extra {
		if strings.TrimSpace(a.Name) == "" || strings.TrimSpace(a.Category) == "" {
			return nil, fmt.Errorf("catalog: custom application %q needs a name and a category; fix it with 'bcspend apps'", a.Name)
		}
		base.apps = replaceOrAdd(base.apps, a, func(x App) string { return x.Name })
	}
	return buildCatalog(base)
}

// NoDomain stands for the unknown domain of a custom application in the
// file format, which requires one (.invalid is reserved, RFC 2606).
const NoDomain = "unknown.invalid"

// FormatCatalog writes apps in the user catalog file format (one "app"
// record a line), so 'bcspend export catalog' can be kept as catalog.txt.
func FormatCatalog(apps []App) string {
	var b strings.Builder
	b.WriteString("# " + layouts["app"] + "\n")
	for _, a := range apps {
		var fl []string
		if a.Generic {
			fl = append(fl, "generic")
		}
		if a.Channel {
			fl = append(fl, "channel")
		}
		flags := strings.Join(fl, "; ")
		domain := a.Domain
		if domain == "" {
			domain = NoDomain
		}
		fields := []string{"app", a.Name, a.Category, domain, a.Group, strings.Join(a.Vendors, "; "),
			strings.Join(a.Keywords, "; "), flags}
		for i := range fields {
			fields[i] = catalogField(fields[i])
		}
		b.WriteString(strings.TrimRight(strings.Join(fields, " | "), " ") + "\n")
	}
	return b.String()
}

// catalogField keeps a value from breaking the record: the separators and
// line breaks become spaces.
func catalogField(s string) string {
	return strings.TrimSpace(strings.Map(func(r rune) rune {
		switch r {
		case '|', '\n', '\r':
			return ' '
		}
		return r
	}, s))
}
