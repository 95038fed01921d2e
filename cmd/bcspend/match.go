package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/bcspend/bcspend/match"
	"github.com/bcspend/bcspend/spend"
	"github.com/bcspend/bcspend/untrusted"
)

func init() {
	register("match", newMatchCmd)
}

const matchLong = `Prints the matcher's decision: application, category, method, confidence and
the reason. Without an application it may name an unknown product of a known
vendor (method unknown-product), an inferred application to review (method
inferred, "suggest" in --json) or a suggestion. Uses the catalog and the rules
stored in the database when one exists, the catalog alone otherwise. See
docs/MATCHING.md.`

// matchOutput is the --json form.
type matchOutput struct {
	Input    match.Input    `json:"input"`
	Decision match.Decision `json:"decision"`
	Rules    int            `json:"rules"` // rules in force
}

func newMatchCmd(g *globals, io stdio) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "match VENDOR [DESCRIPTION]",
		Short: "show which application a vendor and description match, and why",
		Long:  matchLong,
		Example: `  bcspend match "Slack Technologies Ltd" "Slack Pro seats"
  bcspend match "Atlassian Pty Ltd" --json`,
	}
	fs := cmd.Flags()
	asJSON := fs.Bool("json", false, "print the decision as JSON")
	cmd.RunE = action(func(ctx context.Context, args []string) int {
		pos := args
		if len(pos) < 1 || len(pos) > 2 || pos[0] == "" {
			return usageErr(io, "match needs a vendor name and optionally a line description",
				`run e.g. bcspend match "Slack Technologies Ltd" "Slack Pro seats"`)
		}
		in := match.Input{VendorName: pos[0]}
		if len(pos) == 2 && pos[1] != "" {
			in.Descriptions = []string{pos[1]}
		}
		cat, rules, err := matchSetup(g)
		if err != nil {
			return fail(io, err)
		}
		d := match.NewMatcher(cat, rules).Match(in)
		if *asJSON {
			return writeJSON(io, &matchOutput{Input: in, Decision: d, Rules: len(rules)})
		}
		for _, line := range strings.Split(strings.TrimSuffix(d.Text(), "\n"), "\n") {
			fmt.Fprintln(io.out, untrusted.Text(line))
		}
		if len(rules) == 0 {
			fmt.Fprintln(io.out, "  (catalog only: no rules stored)")
		}
		return exitOK

	})
	return cmd
}

// matchSetup loads the catalog and, when the database exists, its rules.
// It never creates a database.
func matchSetup(g *globals) (*match.Catalog, []match.Rule, error) {
	cat, err := loadCatalog(g.DB)
	if err != nil {
		return nil, nil, err
	}
	if _, err := os.Stat(g.DB); errors.Is(err, os.ErrNotExist) {
		return cat, nil, nil
	}
	db, err := g.open()
	if err != nil {
		return nil, nil, err
	}
	defer db.Close()
	if cat, err = catalogFor(db); err != nil {
		return nil, nil, err
	}
	rules, err := spend.LoadRules(db)
	return cat, rules, err
}
