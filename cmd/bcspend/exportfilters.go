package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/bcspend/bcspend/failure"
	"github.com/bcspend/bcspend/spend"
)

// exportFlags is which of export's flags each table takes (--output goes
// with all): a flag that does not apply is refused rather than ignored, so
// 'export users --company X' cannot look like a filtered export.
var exportFlags = map[string][]string{
	"apps":         {"app"},
	"transactions": {"app", "company", "since", "until", "unmatched"},
	"users":        {},
	"unmatched":    {"company"},
	"insights":     {"app"},
	"contracts":    {},
	"catalog":      {},
	"renewals":     {"ics", "within", "all"},
}

// checkExportFlags refuses a flag given that table does not take.
func checkExportFlags(cmd *cobra.Command, table string) error {
	takes := exportFlags[table]
	var bad []string
	cmd.Flags().Visit(func(f *pflag.Flag) {
		if f.Name != "output" && !slices.Contains(takes, f.Name) && cmd.LocalFlags().Lookup(f.Name) != nil {
			bad = append(bad, "--"+f.Name)
		}
	})
	if len(bad) == 0 {
		return nil
	}
	fix := "export " + table + " takes only --output"
	if len(takes) > 0 {
		fix = "export " + table + " takes --" + strings.Join(takes, ", --") + " and --output"
	}
	return failure.Input(fmt.Sprintf("%s does not apply to export %s", strings.Join(bad, ", "), table), fix+"; see 'bcspend export --help'.")
}

// resolveExportFilters checks that --app and --company name something in
// the synced spend, spelled as it is there (case aside): a filter that
// matches nothing would write an empty file that looks like "no spend".
func resolveExportFilters(m *spend.Model, o *exportOpts) error {
	if o.app != "" {
		var names []string
		for _, a := range m.Apps() {
			names = append(names, a.App)
		}
		v, err := resolveName("--app", "application", o.app, names, "'bcspend export apps' lists them")
		if err != nil {
			return err
		}
		o.app = v
	}
	if o.company != "" {
		var names []string
		for _, c := range m.Companies() {
			if c.ID == o.company {
				return nil
			}
			names = append(names, c.Name)
		}
		v, err := resolveName("--company", "company", o.company, names, "'bcspend status' lists them")
		if err != nil {
			return err
		}
		o.company = v
	}
	return nil
}

// resolveName is the valid value typed names (case aside), or an error
// naming the closest ones.
func resolveName(flag, what, typed string, valid []string, where string) (string, error) {
	for _, v := range valid {
		if strings.EqualFold(v, typed) {
			return v, nil
		}
	}
	msg := fmt.Sprintf("%s %q matches no %s in the synced spend", flag, typed, what)
	if near := closest(typed, valid); len(near) > 0 {
		return "", failure.Input(msg, fmt.Sprintf("Did you mean %s? (%s)", quoteList(near), where))
	}
	if len(valid) == 0 {
		return "", failure.Input(msg, "Sync first ('bcspend sync'): there is no "+what+" yet.")
	}
	if len(valid) <= 5 {
		return "", failure.Input(msg, fmt.Sprintf("Use one of %s.", quoteList(valid)))
	}
	return "", failure.Input(msg, fmt.Sprintf("Use one of the names as bcspend shows them; %s.", where))
}

func quoteList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = fmt.Sprintf("%q", n)
	}
	if len(q) > 5 {
		q = append(q[:5], "...")
	}
	return strings.Join(q, " or ")
}
