package main

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"strings"
	"time"

	"golang.org/x/term"

	"github.com/bcspend/bcspend/bc"
	"github.com/bcspend/bcspend/export"
	"github.com/bcspend/bcspend/match"
	"github.com/bcspend/bcspend/spend"
	"github.com/bcspend/bcspend/untrusted"
)

func init() {
	register(command{"rules", "list, add or remove matching rules (with a preview of what moves)", runRules})
}

const rulesSynopsis = `rules list [--json]
       bcspend rules add (--vendor V --app A | --ignore-vendor V |
                          --contains TEXT [--vendor V] (--app A | --ignore))
                         [--priority N] [--note TEXT] [--yes]
       bcspend rules remove ID [--yes]

Rules sit above the catalog and apply to past and future transactions; sync
never touches them. add and remove print what would move (transactions and
money per currency, from which application to which) and ask before saving;
--yes saves without asking, and is required when stdin is not a terminal.`

func runRules(ctx context.Context, g *globals, args []string, io stdio) int {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") && args[0] != "-h" && args[0] != "--help" {
		return usageErr(io, "rules needs a subcommand: list, add or remove", "run 'bcspend rules --help'")
	}
	switch args[0] {
	case "list":
		return rulesList(g, args[1:], io)
	case "add":
		return rulesAdd(g, args[1:], io)
	case "remove", "rm", "delete":
		return rulesRemove(g, args[1:], io)
	case "-h", "--help", "help":
		fmt.Fprintf(io.err, "Usage: bcspend %s\n", rulesSynopsis)
		return exitOK
	}
	return usageErr(io, fmt.Sprintf("unknown rules subcommand %q", args[0]), "use list, add or remove")
}

func rulesList(g *globals, args []string, io stdio) int {
	fs := subFlags("rules list", rulesSynopsis, g, io)
	asJSON := fs.Bool("json", false, "print the rules as JSON")
	if code, ok := parseSub(fs, args); !ok {
		return code
	}
	_, rules, err := matchSetup(g)
	if err != nil {
		return fail(io, err)
	}
	if *asJSON {
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

func rulesAdd(g *globals, args []string, io stdio) int {
	fs := subFlags("rules add", rulesSynopsis, g, io)
	var f ruleFlags
	fs.StringVar(&f.vendor, "vendor", "", "vendor name (vendor rules; optional scope of --contains)")
	fs.StringVar(&f.ignoreVendor, "ignore-vendor", "", "vendor whose charges are not software")
	fs.StringVar(&f.contains, "contains", "", "words a line description must contain")
	fs.StringVar(&f.app, "app", "", "application to map to")
	fs.BoolVar(&f.ignore, "ignore", false, "with --contains: such lines are not software")
	fs.IntVar(&f.priority, "priority", 0, "lower runs first (default 0)")
	fs.StringVar(&f.note, "note", "", "why the rule exists, shown in the match reason")
	fs.BoolVar(&f.yes, "yes", false, "save without asking")
	if code, ok := parseSub(fs, args); !ok {
		return code
	}
	if fs.NArg() > 0 {
		return usageErr(io, fmt.Sprintf("unexpected argument %q", fs.Arg(0)), "quote names with spaces: --vendor \"Acme Ltd\"")
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
		return fail(io, &bc.Error{Kind: bc.KindInput, Message: err.Error(), Fix: "run 'bcspend rules --help'"})
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
		return match.Rule{}, &bc.Error{Kind: bc.KindInput, Message: msg,
			Fix: "use one of: --vendor V --app A | --ignore-vendor V | --contains TEXT (--app A | --ignore)"}
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

func rulesRemove(g *globals, args []string, io stdio) int {
	fs := subFlags("rules remove", rulesSynopsis, g, io)
	yes := fs.Bool("yes", false, "remove without asking")
	pos, code, ok := parseInterspersed(fs, args)
	if !ok {
		return code
	}
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
		return fail(io, &bc.Error{Kind: bc.KindInput, Message: fmt.Sprintf("no rule with id %q", pos[0]),
			Fix: "list the ids with 'bcspend rules list'"})
	}
	fmt.Fprintf(io.out, "Remove rule %s: %s\n", found.ID, untrusted.Text(spend.DescribeRule(*found)))
	printMoves(io, m.PreviewRemoval(found.ID))
	if code, ok := confirmRule(io, *yes, "Remove this rule?"); !ok {
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
	if yes {
		return 0, true
	}
	in, ok := io.in.(*os.File)
	if !ok || !term.IsTerminal(int(in.Fd())) {
		return usageErr(io, "not saved: confirmation needed and stdin is not a terminal",
			"run it again with --yes to save without asking"), false
	}
	fmt.Fprintf(io.out, "%s [y/N] ", question)
	line, _ := bufio.NewReader(io.in).ReadString('\n')
	if a := strings.ToLower(strings.TrimSpace(line)); a == "y" || a == "yes" {
		return 0, true
	}
	fmt.Fprintln(io.out, "Nothing saved.")
	return exitOK, false
}
