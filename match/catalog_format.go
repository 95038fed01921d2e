package match

import (
	"bufio"
	"bytes"
	"fmt"
	"strings"
)

// The catalog format is one record per line, fields separated by "|",
// lists inside a field separated by ";". Blank lines and lines starting with
// "#" are ignored. Three record kinds:
//
//	app      | name | category | domain | group | vendor names | keywords | flags
//	group    | name | vendor names | default app
//	reseller | name | domain | vendor names
//
// flags is a ";" list; "generic" marks a name that is an everyday word (Box,
// Notion) and so needs stronger evidence than its mere presence; "channel" a
// messaging channel of its maker (WhatsApp Business Platform) that other
// communication vendors carry, so on their lines it is their service. A group's
// default app is the product a line naming none pays for; "?" says no one
// product is (Autodesk, Zoho, Sage): such a line is an unknown product of
// the vendor, and empty says the vendor's lines need not be software at all
// (Amazon, Meta), so they stay unmatched.
var layouts = map[string]string{
	"app":      "app | name | category | domain | group | vendor names | keywords | flags",
	"group":    "group | name | vendor names | default app",
	"reseller": "reseller | name | domain | vendor names",
}

// noFlagship is the default app of a group whose product-less lines pay
// for no one product (Group.NoFlagship).
const noFlagship = "?"

// catalogFile is the parsed content of one catalog file, in file order.
type catalogFile struct {
	apps      []App
	groups    []Group
	resellers []Reseller
	origin    map[string]string // "app:"/"group:" + normalised name -> "file line n"
}

// parseCatalog reads one file; errors name the file and line and say what to
// change, because admins edit user catalogs by hand.
func parseCatalog(name string, data []byte) (*catalogFile, error) {
	f := &catalogFile{origin: map[string]string{}}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		if err := f.parseLine(text); err != nil {
			return nil, fmt.Errorf("catalog %s line %d: %w", name, line, err)
		}
		f.noteOrigin(fmt.Sprintf("%s line %d", name, line))
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("catalog %s: %w; keep lines under 1 MB", name, err)
	}
	return f, nil
}

func (f *catalogFile) parseLine(text string) error {
	fields := strings.Split(text, "|")
	for i := range fields {
		fields[i] = strings.TrimSpace(fields[i])
	}
	kind := strings.ToLower(fields[0])
	layout, ok := layouts[kind]
	if !ok {
		return fmt.Errorf("unknown record kind %q; start the line with app, group or reseller followed by \" | \"", fields[0])
	}
	want := strings.Count(layout, "|") + 1
	if len(fields) != want {
		return fmt.Errorf("%s record has %d fields, needs %d (%s); add or remove \"|\" separators", kind, len(fields), want, layout)
	}
	switch kind {
	case "app":
		return f.parseApp(fields)
	case "group":
		return f.parseGroup(fields)
	default:
		return f.parseReseller(fields)
	}
}

func (f *catalogFile) parseApp(fl []string) error {
	a := App{Name: fl[1], Category: fl[2], Domain: fl[3], Group: fl[4], Vendors: list(fl[5]), Keywords: list(fl[6])}
	if err := needName(fl[1], "app"); err != nil {
		return err
	}
	if a.Category == "" {
		return fmt.Errorf("app %q has no category; fill the third field (e.g. Collaboration)", a.Name)
	}
	if err := checkDomain(a.Name, a.Domain); err != nil {
		return err
	}
	for _, flag := range list(fl[7]) {
		switch strings.ToLower(flag) {
		case "generic":
			a.Generic = true
		case "channel":
			a.Channel = true
		default:
			return fmt.Errorf("app %q has unknown flag %q; the flags are generic and channel", a.Name, flag)
		}
	}
	f.apps = append(f.apps, a)
	return nil
}

func (f *catalogFile) parseGroup(fl []string) error {
	if err := needName(fl[1], "group"); err != nil {
		return err
	}
	g := Group{Name: fl[1], Vendors: list(fl[2]), Default: fl[3]}
	if g.Default == noFlagship {
		g.Default, g.NoFlagship = "", true
	}
	f.groups = append(f.groups, g)
	return nil
}

func (f *catalogFile) parseReseller(fl []string) error {
	if err := needName(fl[1], "reseller"); err != nil {
		return err
	}
	if err := checkDomain(fl[1], fl[2]); err != nil {
		return err
	}
	f.resellers = append(f.resellers, Reseller{Name: fl[1], Domain: fl[2], Vendors: list(fl[3])})
	return nil
}

func needName(name, kind string) error {
	if Normalize(name) == "" {
		return fmt.Errorf("%s record has no name; fill the second field", kind)
	}
	return nil
}

// checkDomain wants a bare host name, which is what the picker shows.
func checkDomain(name, d string) error {
	if d == "" {
		return fmt.Errorf("%q has no domain; fill the domain field (e.g. example.com)", name)
	}
	if !strings.Contains(d, ".") || strings.ContainsAny(d, " /:@") {
		return fmt.Errorf("%q has domain %q; write a bare host name such as example.com", name, d)
	}
	return nil
}

// list splits a ";" field, dropping empty items.
func list(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ";") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// noteOrigin remembers where the record just parsed came from, so errors
// found later, across records, can still point at a line.
func (f *catalogFile) noteOrigin(where string) {
	switch {
	case len(f.apps) > 0 && f.origin["app:"+Normalize(f.apps[len(f.apps)-1].Name)] == "":
		f.origin["app:"+Normalize(f.apps[len(f.apps)-1].Name)] = where
	case len(f.groups) > 0 && f.origin["group:"+Normalize(f.groups[len(f.groups)-1].Name)] == "":
		f.origin["group:"+Normalize(f.groups[len(f.groups)-1].Name)] = where
	}
}

// where is the origin of a record as "catalog FILE line N: ", or "catalog: ".
func (f *catalogFile) where(kind, name string) string {
	if o := f.origin[kind+":"+Normalize(name)]; o != "" {
		return "catalog " + o + ": "
	}
	return "catalog: "
}

// merge adds user records; one with the name of an existing record of the
// same kind replaces it, so admins can correct the shipped data.
func (f *catalogFile) merge(u *catalogFile) {
	for k, v := range u.origin {
		f.origin[k] = v
	}
	for _, a := range u.apps {
		f.apps = replaceOrAdd(f.apps, a, func(x App) string { return x.Name })
	}
	for _, g := range u.groups {
		f.groups = replaceOrAdd(f.groups, g, func(x Group) string { return x.Name })
	}
	for _, r := range u.resellers {
		f.resellers = replaceOrAdd(f.resellers, r, func(x Reseller) string { return x.Name })
	}
}

func replaceOrAdd[T any](xs []T, x T, name func(T) string) []T {
	key := Normalize(name(x))
	for i := range xs {
		if Normalize(name(xs[i])) == key {
			xs[i] = x
			return xs
		}
	}
	return append(xs, x)
}
