package main

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/bcspend/bcspend/export"
	"github.com/bcspend/bcspend/failure"
	"github.com/bcspend/bcspend/match"
	"github.com/bcspend/bcspend/spend"
	"github.com/bcspend/bcspend/untrusted"
)

func init() { register("rules", newRulesCmd) }

const rulesLong = `Rules sit above the catalog and apply to past and future transactions; sync
never touches them. add and remove print what would move (transactions and
money per currency, from which application to which) and ask before saving;
--yes saves without asking, and is required when stdin is not a terminal.`

func newRulesCmd(g *globals, io stdio) *cobra.Command {
	cmd := group(&cobra.Command{
		Use:   "rules",
		Short: "list, add or remove matching rules (with a preview of what moves)",
		Long:  rulesLong,
		Example: `  bcspend rules list
  bcspend rules add --vendor "Acme Ltd" --app Slack
  bcspend rules remove r-3f2a --yes`,
	}, io)
	cmd.AddCommand(newRulesListCmd(g, io), newRulesAddCmd(g, io), newRulesRemoveCmd(g, io))
	return cmd
}

func newRulesListCmd(g *globals, io stdio) *cobra.Command {
	cmd := &cobra.Command{
		Use:     "list",
		Short:   "list the rules, the first to apply first",
		Args:    cobra.NoArgs,
		Example: "  bcspend rules list\n  bcspend rules list --json | jq '.[].id'",
	}
	asJSON := cmd.Flags().Bool("json", false, "print the rules as JSON")
	cmd.RunE = action(func(ctx context.Context, args []string) int { return rulesList(g, *asJSON, io) })
	return cmd
}

func newRulesAddCmd(g *globals, io stdio) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "add (--vendor V --app A | --ignore-vendor V | --contains TEXT [--vendor V] (--app A | --ignore))",
		Short: "add a rule, after a preview of what it moves",
		Long: rulesLong + `

A rule maps a vendor to an application (--vendor V --app A), says a
vendor's charges are not software (--ignore-vendor V), or maps lines whose
description contains words (--contains TEXT, optionally only for --vendor V)
to an application or to nothing (--ignore).`,
		Example: `  bcspend rules add --vendor "Acme Ltd" --app Slack
  bcspend rules add --ignore-vendor "City Parking"
  bcspend rules add --contains "Jira" --vendor "Atlassian Pty Ltd" --app Jira --yes
  bcspend rules add --contains "hardware" --ignore --note "laptops, not SaaS"`,
	}
	var f ruleFlags
	fs := cmd.Flags()
	fs.StringVar(&f.vendor, "vendor", "", "vendor name (vendor rules; optional scope of --contains)")
	fs.StringVar(&f.ignoreVendor, "ignore-vendor", "", "vendor whose charges are not software")
	fs.StringVar(&f.contains, "contains", "", "words a line description must contain")
	fs.StringVar(&f.app, "app", "", "application to map to")
	fs.BoolVar(&f.ignore, "ignore", false, "with --contains: such lines are not software")
	fs.IntVar(&f.priority, "priority", 0, "lower runs first")
	fs.StringVar(&f.note, "note", "", "why the rule exists, shown in the match reason")
	fs.BoolVar(&f.yes, "yes", false, "save without asking")
	cmd.RunE = action(func(ctx context.Context, args []string) int { return rulesAdd(g, f, args, io) })
	return cmd
}

func newRulesRemoveCmd(g *globals, io stdio) *cobra.Command {
	cmd := &cobra.Command{
		Use:     "remove ID",
		Aliases: []string{"rm", "delete"},
		Short:   "remove a rule, after a preview of what moves back",
		Example: "  bcspend rules remove r-3f2a\n  bcspend rules remove r-3f2a --yes",
	}
	yes := cmd.Flags().Bool("yes", false, "remove without asking")
	cmd.RunE = action(func(ctx context.Context, args []string) int { return rulesRemove(g, *yes, args, io) })
	return cmd
}

func rulesList(g *globals, asJSON bool, io stdio) int {
	_, rules, err := matchSetup(g)
	if err != nil {
		return fail(io, err)
	}
	if asJSON {
		if rules == nil {
			rules = []match.Rule{}
		}
		return writeJSON(io, rules)
	}
	if len(rules) == 0 {
		fmt.Fprintln(io.out, "No rules. Add one with 'bcspend rules add --vendor V --app A'.")
		return exitOK
	}
	fmt.Fprintf(io.out, "%-11s %-13s %4s  %-10s  %s\n", "ID", "KIND", "PRIO", "CREATED", "RULE")
	for _, r := range rules {
		fmt.Fprintf(io.out, "%-11s %-13s %4d  %-10s  %s\n", untrusted.Text(r.ID), r.Kind, r.Priority,
			export.Date(r.Created), untrusted.Text(spend.DescribeRule(r)))
	}
	return exitOK
}

type ruleFlags struct {
	vendor, ignoreVendor, contains, app, note string
	ignore, yes                               bool
	priority                                  int
}

func rulesAdd(g *globals, f ruleFlags, args []string, io stdio) int {
	if len(args) > 0 {
		return usageErr(io, fmt.Sprintf("unexpected argument %q", args[0]), "quote names with spaces: --vendor \"Acme Ltd\"")
	}
	r, err := f.rule()
	if err != nil {
		return fail(io, err)
	}
	db, m, err := openSpend(g)
	if err != nil {
		return fail(io, err)
	}
	defer db.Close()
	r = canonicalApp(m, r, io)
	if err := r.Validate(); err != nil {
		return fail(io, failure.Input(err.Error(), "run 'bcspend rules --help'"))
	}
	fmt.Fprintf(io.out, "Rule: %s\n", untrusted.Text(spend.DescribeRule(r)))
	printMoves(io, m.PreviewRule(r))
	if code, ok := confirmRule(io, f.yes, "Save this rule?"); !ok {
		return code
	}
	saved, err := m.AddRule(db, r)
	if err != nil {
		return fail(io, err)
	}
	fmt.Fprintf(io.out, "Saved rule %s.\n", saved.ID)
	return exitOK
}

// rule builds the rule the flags describe, or says which flags clash.
func (f ruleFlags) rule() (match.Rule, error) {
	bad := func(msg string) (match.Rule, error) {
		return match.Rule{}, failure.Input(msg, "use one of: --vendor V --app A | --ignore-vendor V | --contains TEXT (--app A | --ignore)")
	}
	r := match.Rule{Priority: f.priority, Note: f.note, Created: time.Now().UTC()}
	switch {
	case f.ignoreVendor != "":
		if f.vendor != "" || f.contains != "" || f.app != "" || f.ignore {
			return bad("--ignore-vendor takes no other rule flag")
		}
		r.Kind, r.VendorName = match.RuleIgnoreVendor, f.ignoreVendor
	case f.contains != "":
		if f.app != "" == f.ignore {
			return bad("--contains needs exactly one of --app or --ignore")
		}
		r.Kind, r.Contains, r.VendorName, r.App = match.RuleDescription, f.contains, f.vendor, f.app
	case f.vendor != "":
		if f.app == "" || f.ignore {
			return bad("--vendor needs --app (to ignore a vendor use --ignore-vendor)")
		}
		r.Kind, r.VendorName, r.App = match.RuleVendor, f.vendor, f.app
	default:
		return bad("say what the rule matches")
	}
	return r, nil
}

// canonicalApp spells the app as the catalog does, and warns when the
// catalog does not know it (allowed: an in-house or niche application).
func canonicalApp(m *spend.Model, r match.Rule, io stdio) match.Rule {
	if r.App == "" {
		return r
	}
	if a, ok := m.Catalog().App(r.App); ok {
		r.App = a.Name
		return r
	}
	fmt.Fprintf(io.err, "note: %q is not in the catalog; it will show as its own application without a category\n", r.App)
	return r
}

func rulesRemove(g *globals, yes bool, pos []string, io stdio) int {
	if len(pos) != 1 {
		return usageErr(io, "rules remove needs one rule id", "list the ids with 'bcspend rules list'")
	}
	db, m, err := openSpend(g)
	if err != nil {
		return fail(io, err)
	}
	defer db.Close()
	var found *match.Rule
	for _, r := range m.Rules() {
		if r.ID == pos[0] {
			found = &r
		}
	}
	if found == nil {
		return fail(io, failure.Input(fmt.Sprintf("no rule with id %q", pos[0]), "list the ids with 'bcspend rules list'"))
	}
	fmt.Fprintf(io.out, "Remove rule %s: %s\n", found.ID, untrusted.Text(spend.DescribeRule(*found)))
	printMoves(io, m.PreviewRemoval(found.ID))
	if code, ok := confirmRule(io, yes, "Remove this rule?"); !ok {
		return code
	}
	if err := m.RemoveRule(db, found.ID); err != nil {
		return fail(io, err)
	}
	fmt.Fprintf(io.out, "Removed rule %s.\n", found.ID)
	return exitOK
}

func printMoves(io stdio, moves []match.Move) {
	if len(moves) == 0 {
		fmt.Fprintln(io.out, "Preview: no current transaction changes (the rule still applies to future ones).")
		return
	}
	fmt.Fprintln(io.out, "Preview:")
	for _, mv := range moves {
		fmt.Fprintf(io.out, "  %s\n", untrusted.Text(mv.String()))
	}
}

// confirmRule asks on a terminal; elsewhere it needs --yes, so a script never
// hangs on a prompt nor saves a rule nobody looked at.
func confirmRule(io stdio, yes bool, question string) (int, bool) {
	return confirm(io, yes, question, "save", "Nothing saved.")
}

// confirm asks question on a terminal; yes (--yes) answers it for a
// script, and without either nothing is done (verb says what not).
func confirm(io stdio, yes bool, question, verb, declined string) (int, bool) {
	if yes {
		return 0, true
	}
	in, ok := io.in.(*os.File)
	if !ok || !term.IsTerminal(int(in.Fd())) {
		return usageErr(io, "not done: confirmation needed and stdin is not a terminal",
			"run it again with --yes to "+verb+" without asking"), false
	}
	fmt.Fprintf(io.out, "%s [y/N] ", question)
	line, _ := bufio.NewReader(io.in).ReadString('\n')
	if a := strings.ToLower(strings.TrimSpace(line)); a == "y" || a == "yes" {
		return 0, true
	}
	fmt.Fprintln(io.out, declined)
	return exitOK, false
}
