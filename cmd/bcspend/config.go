package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/bcspend/bcspend/bc"
	"github.com/bcspend/bcspend/failure"
	"github.com/bcspend/bcspend/spend"
	"github.com/bcspend/bcspend/store"
)

func init() { register("config", newConfigCmd) }

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

// mustSetting is a setting this file defines.
func mustSetting(key string) setting {
	s, ok := findSetting(key)
	if !ok {
		panic("no setting " + key)
	}
	return s
}

func findSetting(key string) (setting, bool) {
	for _, s := range settings {
		if s.key == key {
			return s, true
		}
	}
	return setting{}, false
}

func newConfigCmd(g *globals, io stdio) *cobra.Command {
	cmd := group(&cobra.Command{
		Use:   "config",
		Short: "show or change settings (list, get KEY, set KEY VALUE, unset KEY)",
		Long: `Settings are stored in the database and changing one never needs the
network: what depends on it is re-derived from the stored invoices.
'bcspend config' alone lists them, with where each value comes from.

Your preferences (reporting-currency, page-size, export-dir) can also be set
in config.toml under your user config directory ($XDG_CONFIG_HOME/bcspend/
config.toml on Linux; BCSPEND_CONFIG names another file), one 'key = value'
per line. Precedence: a command's flag, then 'config set' (the database),
then the config file, then the default; 'config unset' falls back to the
file.`,
		Example: `  bcspend config
  bcspend config get reporting-currency
  bcspend config set transaction-granularity line
  bcspend config unset page-size`,
	}, io)
	listAll := cmd.RunE
	cmd.RunE = func(c *cobra.Command, args []string) error {
		if len(args) == 0 {
			return configAction(g, io, nil, func(db *store.DB, io stdio, _ setting, _ []string) error { return configList(db, io) })(c, args)
		}
		return listAll(c, args)
	}
	list := &cobra.Command{Use: "list", Short: "every setting, its value and what it accepts", Args: cobra.NoArgs,
		Example: "  bcspend config list\n  bcspend config list --json"}
	listJSON := list.Flags().Bool("json", false, "print the settings as JSON")
	list.RunE = configAction(g, io, nil, func(db *store.DB, io stdio, _ setting, _ []string) error {
		if *listJSON {
			return configListJSON(db, io)
		}
		return configList(db, io)
	})
	get := &cobra.Command{Use: "get KEY", Short: "print a setting's value (for scripts)",
		Example: "  bcspend config get reporting-currency\n  bcspend config get page-size --json"}
	getJSON := get.Flags().Bool("json", false, "print the setting as JSON")
	get.RunE = configAction(g, io, []string{"KEY"}, func(db *store.DB, io stdio, s setting, _ []string) error {
		if *getJSON {
			v, err := settingJSONOf(db, s)
			if err == nil {
				writeJSON(io, &v)
			}
			return err
		}
		return configGet(db, io, s)
	})
	cmd.AddCommand(list, get,
		&cobra.Command{Use: "set KEY VALUE", Short: "change a setting", Example: "  bcspend config set transaction-granularity line\n  bcspend config set reporting-currency EUR",
			RunE: configAction(g, io, []string{"KEY", "VALUE"}, func(db *store.DB, io stdio, s setting, a []string) error { return configSet(db, io, s, a[1]) })},
		&cobra.Command{Use: "unset KEY", Short: "back to the default", Example: "  bcspend config unset page-size",
			RunE: configAction(g, io, []string{"KEY"}, func(db *store.DB, io stdio, s setting, _ []string) error { return configUnset(db, io, s) })},
	)
	for _, c := range cmd.Commands() {
		if c.Name() != "list" {
			c.ValidArgsFunction = settingCompletion
		}
	}
	return cmd
}

// settingCompletion completes a setting's key.
func settingCompletion(cmd *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	keys := make([]string, len(settings))
	for i, s := range settings {
		keys[i] = s.key + "\t" + s.help
	}
	return keys, cobra.ShellCompDirectiveNoFileComp
}

// configAction checks the arguments (names says how many), finds the
// setting and checks a new value before the database is opened, then runs
// f on it.
func configAction(g *globals, io stdio, names []string,
	f func(db *store.DB, io stdio, s setting, args []string) error) func(*cobra.Command, []string) error {
	return action(func(ctx context.Context, a []string) int {
		if len(a) != len(names) {
			return usageErr(io, "Usage: bcspend config list | get KEY | set KEY VALUE | unset KEY", "Settings: "+settingKeys()+".")
		}
		var s setting
		if len(a) > 0 {
			var ok bool
			if s, ok = findSetting(a[0]); !ok {
				return usageErr(io, fmt.Sprintf("Unknown setting %q", a[0]), "Settings: "+settingKeys()+".")
			}
		}
		if len(a) == 2 && !s.accepts(a[1]) {
			return usageErr(io, fmt.Sprintf("%s cannot be %q", s.key, a[1]),
				fmt.Sprintf("Use one of: %s.", strings.Join(s.values, ", ")))
		}
		db, err := g.open()
		if err != nil {
			return fail(io, err)
		}
		defer db.Close()
		if err := f(db, io, s, a); err != nil {
			return fail(io, err)
		}
		return exitOK
	})
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
// Where a setting's value comes from, most specific first (userconfig.go).
const (
	fromDatabase = "database" // 'config set'
	fromFile     = "config file"
	fromDefault  = "default"
)

// value is s's value and where it comes from: the database ('config
// set'), else the user's config file, else the default.
func value(db *store.DB, s setting) (v, from string, err error) {
	var known []string
	if s.current != nil {
		var isDefault bool
		v, _, isDefault, known, err = s.current(db)
		if err != nil || !isDefault {
			return v, fromDatabase, err
		}
	} else {
		var ok bool
		if v, ok, err = db.Setting(s.key); err != nil || ok {
			return v, fromDatabase, err
		}
		v = s.def
	}
	fv, ok, err := fileSetting(s.key)
	switch {
	case err != nil:
		return "", "", err
	case !ok:
		return v, fromDefault, nil
	case s.current != nil && len(known) > 0 && !slices.Contains(known, fv):
		path, _ := userConfigPath()
		return "", "", failure.Input(fmt.Sprintf("%s: no company can convert to %s %q", path, s.key, fv),
			"Use one of: "+strings.Join(known, ", ")+" (or remove the line).")
	}
	return fv, fromFile, nil
}

// fromNote is how the text lists say where a value comes from.
func fromNote(from string) string {
	switch from {
	case fromDefault:
		return "  (default)"
	case fromFile:
		path, _ := userConfigPath()
		return "  (from " + path + ")"
	}
	return ""
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

// settingJSON is a setting as --json prints it.
type settingJSON struct {
	Key       string `json:"key"`
	Value     string `json:"value"`
	Source    string `json:"source"` // database, config file or default
	IsDefault bool   `json:"is_default"`
	Default   string `json:"default"`
	Choices   string `json:"choices"`
	Help      string `json:"help"`
}

func settingJSONOf(db *store.DB, s setting) (settingJSON, error) {
	v, from, err := value(db, s)
	if err != nil {
		return settingJSON{}, err
	}
	c, err := choices(db, s)
	def := s.def
	if s.current != nil {
		_, def, _, _, _ = s.current(db)
	}
	return settingJSON{Key: s.key, Value: v, Source: from, IsDefault: from == fromDefault, Default: def, Choices: c, Help: s.help}, err
}

func configListJSON(db *store.DB, io stdio) error {
	out := []settingJSON{}
	for _, s := range settings {
		v, err := settingJSONOf(db, s)
		if err != nil {
			return err
		}
		out = append(out, v)
	}
	writeJSON(io, &out)
	return nil
}

func configList(db *store.DB, io stdio) error {
	for _, s := range settings {
		v, from, err := value(db, s)
		if err != nil {
			return err
		}
		note := fromNote(from)
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
	v, from, err := value(db, s)
	if err != nil {
		return err
	}
	fmt.Fprintf(io.out, "%s = %s%s\n", s.key, v, fromNote(from))
	return nil
}

// settingPageSize is the page size syncs ask for when --page-size is not
// given: a smaller one suits an environment whose pages are slow to build.
const settingPageSize = "page-size"

// pageSizeSetting is the stored page size, or 0 for the client's default.
func pageSizeSetting(db *store.DB) (int, error) {
	v, from, err := value(db, mustSetting(settingPageSize))
	if err != nil || from == fromDefault {
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
	v, from, err := value(db, mustSetting(settingExportDir))
	if err != nil || from == fromDefault {
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
