package main

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/bcspend/bcspend/export"
	"github.com/bcspend/bcspend/failure"
	"github.com/bcspend/bcspend/insights"
	"github.com/bcspend/bcspend/spend"
	"github.com/bcspend/bcspend/store"
	"github.com/bcspend/bcspend/untrusted"
)

func init() {
	register("renewals", newRenewalsCmd)
}

const renewalsLong = `Lists the contracts (docs/INSIGHTS.md) whose notice deadline or renewal
falls within the window (days: 30d, 12w, 3m, 1y), the nearest deadline
first, and those whose renewal is due but not yet paid. Monthly plans are
left out unless --all. 'bcspend export renewals --ics -o renewals.ics'
writes them as a calendar.`

func newRenewalsCmd(g *globals, io stdio) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "renewals",
		Short: "contracts renewing soon, notice deadlines first (--within 90d, --json)",
		Long:  renewalsLong,
		Example: `  bcspend renewals
  bcspend renewals --within 6m --all
  bcspend renewals --json`,
	}
	fs := cmd.Flags()
	within := fs.String("within", "90d", "window ahead: 30d, 12w, 3m, 1y")
	all := fs.Bool("all", false, "include monthly plans")
	asJSON := fs.Bool("json", false, "print the contracts as JSON")
	cmd.RunE = action(func(ctx context.Context, args []string) int {
		if len(args) > 0 {
			return usageErr(io, fmt.Sprintf("unexpected argument %q", args[0]), "run 'bcspend renewals --help'")
		}
		days, err := parseWindow(*within)
		if err != nil {
			return fail(io, err)
		}
		db, m, err := openSpend(g)
		if err != nil {
			return fail(io, err)
		}
		defer db.Close()
		up, gen, err := upcoming(db, m, days, *all)
		if err != nil {
			return fail(io, err)
		}
		if *asJSON {
			if up == nil {
				up = []insights.Contract{}
			}
			return writeJSON(io, up)
		}
		fmt.Fprintf(io.out, "Renewals and notice deadlines in the next %d days (from %s)\n\n", days, gen.Format(time.DateOnly))
		for _, k := range up {
			fmt.Fprintln(io.out, untrusted.Text(renewalLine(k, gen)))
		}
		if len(up) == 0 {
			fmt.Fprintln(io.out, "none: 'bcspend contract list' shows every contract; --within 1y looks further")
		}
		return exitOK

	})
	return cmd
}

// upcoming is the renewals window of the report as the admin sees it.
func upcoming(db *store.DB, m *spend.Model, days int, all bool) ([]insights.Contract, time.Time, error) {
	r, err := reportFor(db, m, insights.Options{})
	if err != nil {
		return nil, r.Generated, err
	}
	minTerm := 2
	if all {
		minTerm = 1
	}
	var out []insights.Contract
	for _, k := range r.Upcoming(days, minTerm) {
		if !k.Dismissed {
			out = append(out, k)
		}
	}
	return out, r.Generated, nil
}

// renewalLine is one contract of the renewals list: act-by date first.
func renewalLine(k insights.Contract, now time.Time) string {
	when := k.ActBy().Format(time.DateOnly)
	what := "renews"
	switch {
	case k.Status == insights.ContractRenewing:
		what = "renewal due, not yet paid"
	case !k.NoticeDeadline.IsZero():
		what = fmt.Sprintf("notice deadline (renews %s)", k.NextRenewal.Format(time.DateOnly))
	}
	return fmt.Sprintf("%s  %-28s %s (%s) · %s %s %s · %s, %.0f%% sure  [%s]", when, what, k.App, k.Company,
		k.Amount.Grouped(), k.Currency, termLabel(k.TermMonths), k.Source, k.Confidence*100, insights.Ref(k.Key))
}

func termLabel(months int) string {
	if months%12 == 0 {
		return fmt.Sprintf("per %d year(s)", months/12)
	}
	return fmt.Sprintf("per %d month(s)", months)
}

// parseWindow reads 90d, 12w, 3m, 1y or a plain number of days.
func parseWindow(s string) (int, error) {
	s = strings.TrimSpace(strings.ToLower(s))
	mult := 1
	switch {
	case strings.HasSuffix(s, "d"):
		s = strings.TrimSuffix(s, "d")
	case strings.HasSuffix(s, "w"):
		s, mult = strings.TrimSuffix(s, "w"), 7
	case strings.HasSuffix(s, "m"):
		s, mult = strings.TrimSuffix(s, "m"), 30
	case strings.HasSuffix(s, "y"):
		s, mult = strings.TrimSuffix(s, "y"), 365
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 || n*mult > 3660 {
		return 0, failure.Input("--within "+s+" is not a window", "Write it like 30d, 12w, 3m or 1y (at most 10 years).")
	}
	return n * mult, nil
}

// exportRenewals writes the renewals window as an RFC 5545 calendar (ics)
// or as the contracts CSV table.
func exportRenewals(db *store.DB, m *spend.Model, o exportOpts, io stdio) int {
	days, err := parseWindow(o.within)
	if err != nil {
		return fail(io, err)
	}
	up, gen, err := upcoming(db, m, days, o.all)
	if err != nil {
		return fail(io, err)
	}
	switch {
	case o.ics && (o.out == "" || o.out == "-"):
		err = export.WriteICS(io.out, gen, up)
	case o.ics:
		err = export.WriteICSFile(o.out, gen, up)
	case o.out == "" || o.out == "-":
		err = export.Write(io.out, export.Contracts(insights.Report{Contracts: up}))
	default:
		err = export.WriteFile(o.out, export.Contracts(insights.Report{Contracts: up}))
	}
	if err != nil {
		return fail(io, err)
	}
	if o.out != "" && o.out != "-" {
		fmt.Fprintf(io.err, "Wrote %s (%d renewals in the next %d days)\n", o.out, len(up), days)
	}
	return exitOK
}
