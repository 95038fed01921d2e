package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/bcspend/bcspend/bc"
	"github.com/bcspend/bcspend/spend"
	"github.com/bcspend/bcspend/store"
)

func init() {
	register(command{"config", "show or change settings (list, get KEY, set KEY VALUE, unset KEY)", runConfig})
}

// setting is one user-changeable setting. Changing one never needs the
// network: what depends on it is re-derived from the stored invoices.
type setting struct {
	key, def, help string
	values         []string // the accepted values; nil when they depend on the data
	// valid, when set, accepts free values (a number) instead of values,
	// which then only describes them; note is printed after set.
	valid func(string) bool
	note  string
	// dynamic settings read their value, default and choices from the
	// data, and validate a new value against it.
	current func(db *store.DB) (v, def string, isDefault bool, choices []string, err error)
	set     func(db *store.DB, v string) (string, error)
}

// accepts reports whether v is a value of s; a dynamic setting's set
// validates against the data instead.
func (s setting) accepts(v string) bool {
	switch {
	case s.set != nil:
		return true
	case s.valid != nil:
		return s.valid(v)
	}
	return slices.Contains(s.values, v)
}

var settings = []setting{
	{key: store.SettingGranularity, def: "invoice",
		help:   "one spend transaction per invoice, or one per invoice line (a bundle invoice split by product)",
		values: []string{"invoice", "line"}},
	{key: settingPageSize, def: "1000",
		help:   "entries per page a sync asks Business Central for (`sync --page-size` overrides it); smaller pages suit environments whose pages time out",
		values: []string{"1-20000"}, valid: pageSizeValid, note: "Syncs ask for pages of this size from now on."},
	{key: settingExportDir, def: "the directory the console was started in",
		help:   "where the console's export (x) writes its CSV files",
		values: []string{"an existing directory, as an absolute path"}, valid: exportDirValid,
		note: "The console's exports go there from now on."},
	{key: store.SettingReportingCurrency,
		help:    "the currency every total, average, sort, insight and export figure is converted to, at each company's Business Central rate of the transaction date",
		current: currentReportingCurrency,
		set:     spend.SetReportingCurrency},
}

func currentReportingCurrency(db *store.DB) (string, string, bool, []string, error) {
	cs, err := spend.ReportingCurrency(db)
	def := cs.Default
	if def == "" {
		def = "the first company's local currency (known after the first sync)"
	}
	v := cs.Value
	if v == "" {
		v = def
	}
	return v, def, cs.IsDefault, cs.Known, err
}

func findSetting(key string) (setting, bool) {
	for _, s := range settings {
		if s.key == key {
			return s, true
		}
	}
	return setting{}, false
}

func runConfig(ctx context.Context, g *globals, args []string, io stdio) int {
	fs := subFlags("config", "config list | get KEY | set KEY VALUE | unset KEY", g, io)
	if code, ok := parseSub(fs, args); !ok {
		return code
	}
	a := fs.Args()
	if len(a) == 0 {
		a = []string{"list"}
	}
	want := map[string]int{"list": 1, "get": 2, "set": 3, "unset": 2}
	n, ok := want[a[0]]
	if !ok || len(a) != n {
		return usageErr(io, "Usage: bcspend config list | get KEY | set KEY VALUE | unset KEY", "Settings: "+settingKeys()+".")
	}
	var s setting
	if a[0] != "list" {
		if s, ok = findSetting(a[1]); !ok {
			return usageErr(io, fmt.Sprintf("Unknown setting %q", a[1]), "Settings: "+settingKeys()+".")
		}
	}
	if a[0] == "set" && !s.accepts(a[2]) {
		return usageErr(io, fmt.Sprintf("%s cannot be %q", s.key, a[2]),
			fmt.Sprintf("Use one of: %s.", strings.Join(s.values, ", ")))
	}
	db, err := store.Open(g.DB)
	if err != nil {
		return fail(io, err)
	}
	defer db.Close()
	switch a[0] {
	case "list":
		err = configList(db, io)
	case "get":
		err = configGet(db, io, s)
	case "set":
		err = configSet(db, io, s, a[2])
	case "unset":
		err = configUnset(db, io, s)
	}
	if err != nil {
		return fail(io, err)
	}
	return exitOK
}

func settingKeys() string {
	keys := make([]string, len(settings))
	for i, s := range settings {
		keys[i] = s.key
		if s.values != nil {
			keys[i] += " (" + strings.Join(s.values, "|") + ")"
		}
	}
	return strings.Join(keys, ", ")
}

// value is the stored value or the default; isDefault says which.
func value(db *store.DB, s setting) (v string, isDefault bool, err error) {
	if s.current != nil {
		v, _, isDefault, _, err = s.current(db)
		return v, isDefault, err
	}
	v, ok, err := db.Setting(s.key)
	if err != nil || !ok {
		return s.def, true, err
	}
	return v, false, nil
}

// choices is what s accepts, for the list.
func choices(db *store.DB, s setting) (string, error) {
	if s.current == nil {
		return strings.Join(s.values, ", "), nil
	}
	_, _, _, c, err := s.current(db)
	if len(c) == 0 {
		return "known after the first sync", err
	}
	return strings.Join(c, ", "), err
}

func configList(db *store.DB, io stdio) error {
	for _, s := range settings {
		v, def, err := value(db, s)
		if err != nil {
			return err
		}
		note := ""
		if def {
			note = "  (default)"
		}
		c, err := choices(db, s)
		if err != nil {
			return err
		}
		fmt.Fprintf(io.out, "%s = %s%s\n    %s; one of: %s\n", s.key, v, note, s.help, c)
	}
	return nil
}

// configGet prints only the value, so scripts can use $(bcspend config get ...).
func configGet(db *store.DB, io stdio, s setting) error {
	v, _, err := value(db, s)
	if err == nil {
		fmt.Fprintln(io.out, v)
	}
	return err
}

func configSet(db *store.DB, io stdio, s setting, v string) error {
	if s.set != nil {
		var err error
		if v, err = s.set(db, v); err != nil {
			return err
		}
	} else if err := db.SetSetting(s.key, v); err != nil {
		return err
	}
	fmt.Fprintf(io.out, "%s = %s\n", s.key, v)
	note := s.note
	if note == "" {
		note = "Spend figures use it from now on; no sync is needed."
	}
	fmt.Fprintln(io.err, note)
	return nil
}

func configUnset(db *store.DB, io stdio, s setting) error {
	if err := db.DeleteSetting(s.key); err != nil {
		return err
	}
	v, _, err := value(db, s)
	if err != nil {
		return err
	}
	fmt.Fprintf(io.out, "%s = %s  (default)\n", s.key, v)
	return nil
}

// settingPageSize is the page size syncs ask for when --page-size is not
// given: a smaller one suits an environment whose pages are slow to build.
const settingPageSize = "page-size"

// pageSizeSetting is the stored page size, or 0 for the client's default.
func pageSizeSetting(db *store.DB) (int, error) {
	v, ok, err := db.Setting(settingPageSize)
	if err != nil || !ok {
		return 0, err
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > bc.MaxPageSize {
		return 0, nil // unreadable: the default (set refuses such values)
	}
	return n, nil
}

// pageSizeValid accepts 1 to BC's maximum page.
func pageSizeValid(v string) bool {
	n, err := strconv.Atoi(v)
	return err == nil && n >= 1 && n <= bc.MaxPageSize
}

// settingExportDir is where the console writes its CSV exports.
const settingExportDir = "export-dir"

// exportDir is the export-dir setting, or def (the directory bcspend was
// started in) when unset.
func exportDir(db *store.DB, def string) (string, error) {
	v, ok, err := db.Setting(settingExportDir)
	if err != nil || !ok {
		return def, err
	}
	return v, nil
}

// exportDirValid accepts an existing directory given as an absolute path
// (the console may be started anywhere).
func exportDirValid(v string) bool {
	if !filepath.IsAbs(v) {
		return false
	}
	fi, err := os.Stat(v)
	return err == nil && fi.IsDir()
}
