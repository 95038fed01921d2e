package main

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/bcspend/bcspend/insights"
	"github.com/bcspend/bcspend/money"
	"github.com/bcspend/bcspend/spend"
	"github.com/bcspend/bcspend/store"
	"github.com/bcspend/bcspend/untrusted"
)

func init() {
	register("insights", newInsightsCmd)
}

const insightsLong = `Reads the synced invoices (no network) and reports the trailing 12 months:
totals and run-rate, monthly trends and movers, billing cadence and the next
expected charge per application, price increases, missed and duplicate
charges, overlapping applications, and BC users. --json prints everything,
with the transaction ids behind each finding.

--since-last-run prints only the alerts (renewals and notice deadlines within
30 days, price increases, missed charges, ended plans, changed seat counts,
duplicates, new vendors) that the previous --since-last-run did not print, or
whose facts changed since: for cron to mail. Nothing new prints nothing
(text) or [] (JSON).`

func newInsightsCmd(g *globals, io stdio) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "insights",
		Short: "totals, run-rate, trends, renewals, price increases, duplicates, overlaps",
		Long:  insightsLong,
		Example: `  bcspend insights
  bcspend insights --json | jq '.totals'
  bcspend insights --since-last-run     # in cron: mail only what is new
  bcspend insights --increase 5 --top 20`,
	}
	fs := cmd.Flags()
	asJSON := fs.Bool("json", false, "print the whole report as JSON")
	increase := fs.Float64("increase", insights.DefaultPriceIncrease*100, "flag price increases above this percentage")
	dupDays := fs.Int("duplicate-days", insights.DefaultDuplicateWindow, "equal charges this many days apart look duplicated")
	top := fs.Int("top", insights.DefaultTop, "how many top applications and movers to list")
	sinceLast := fs.Bool("since-last-run", false, "print only the alerts new since the previous --since-last-run (for cron)")
	cmd.RunE = action(func(ctx context.Context, args []string) int {
		if len(args) > 0 {
			return usageErr(io, fmt.Sprintf("unexpected argument %q", args[0]), "run 'bcspend insights --help'")
		}
		db, m, err := openSpend(g)
		if err != nil {
			return fail(io, err)
		}
		defer db.Close()
		r, err := reportFor(db, m, insights.Options{PriceIncrease: *increase / 100, DuplicateWindow: *dupDays, Top: *top})
		if err != nil {
			return fail(io, err)
		}
		if *sinceLast {
			return printNewAlerts(db, r, *asJSON, io)
		}
		if *asJSON {
			return writeJSON(io, &r)
		}
		printInsights(io.out, r)
		return exitOK

	})
	return cmd
}

// printInsights is the text report; every store-derived string goes
// through untrusted.Text, since vendor names can carry terminal escapes.
func printInsights(w io.Writer, r insights.Report) {
	p := func(format string, a ...any) { fmt.Fprint(w, untrusted.Text(fmt.Sprintf(format, a...))+"\n") }
	cur := r.ReportingCurrency
	t := r.Totals
	p("Spend %s (%s; %s granularity)", spend.PeriodAt(r.Generated), spend.PeriodDefinition, r.Granularity)
	p("  total          %s %s%s", t.Reporting.Grouped(), cur, unconvertedNote(t.Unconverted))
	for _, c := range sortedCurrencies(t.Spend) {
		p("                 %s %s in original currency", t.Spend[c].Grouped(), c)
	}
	p("  run-rate       %s %s a year", t.RunRate.Grouped(), cur)
	p("  applications   %s", money.GroupInt(int64(t.Applications)))
	p("  unmatched      %s %s (%.1f%% of spend)", t.UnmatchedReporting.Grouped(), cur, t.UnmatchedShare*100)
	insightSection(w, "Top applications")
	for _, b := range t.TopApps {
		p("  %-32s %14s %s  %5.1f%%", b.Name, b.Reporting.Grouped(), cur, b.Share*100)
	}
	insightSection(w, "Per category")
	for _, b := range t.PerCategory {
		p("  %-32s %14s %s  %5.1f%%", b.Name, b.Reporting.Grouped(), cur, b.Share*100)
	}
	insightSection(w, "Per company")
	for _, b := range t.PerCompany {
		p("  %-32s %14s %s  %5.1f%%", b.Name, b.Reporting.Grouped(), cur, b.Share*100)
	}
	printTrends(w, p, r)
	printComparison(w, p, r)
	printDimensions(w, p, r)
	printFindings(w, p, r)
}

// Human output groups thousands as the console does (money.Grouped);
// --json and the CSV exports keep plain numbers.

// printDimensions is the spend per value of BC's two global dimensions,
// under BC's names for them.
func printDimensions(w io.Writer, p func(string, ...any), r insights.Report) {
	for _, d := range r.Dimensions {
		insightSection(w, fmt.Sprintf("Per %s (BC global dimension %d)", d.Label, d.Dimension))
		for i, v := range d.Values {
			if i == 10 {
				p("  … %d more values in 'insights --json'", len(d.Values)-10)
				break
			}
			apps := make([]string, len(v.TopApps))
			for k, a := range v.TopApps {
				apps[k] = a.Name
			}
			p("  %-24s %14s %s  %5.1f%%  %s", v.Value, v.Reporting.Grouped(), r.ReportingCurrency, v.Share*100, strings.Join(apps, ", "))
		}
	}
}

// printComparison is the last complete month against the month before and
// a year before, in total and for the biggest categories.
func printComparison(w io.Writer, p func(string, ...any), r insights.Report) {
	c := r.Comparison
	insightSection(w, fmt.Sprintf("%s vs %s and %s (%s)", c.Period, c.Previous, c.LastYear, r.ReportingCurrency))
	row := func(x insights.PeriodRow) {
		year := "no data"
		if c.LastYearKnown {
			year = fmt.Sprintf("%s (%+.0f%%)", x.LastYear.Grouped(), x.VsLastYear*100)
		}
		p("  %-32s %14s  vs %14s (%+.0f%%)  vs %s", x.Name, x.Current.Grouped(), x.Previous.Grouped(), x.VsPrevious*100, year)
	}
	row(c.Total)
	for i := 0; i < len(c.Categories) && i < 5; i++ {
		row(c.Categories[i])
	}
}

func printTrends(w io.Writer, p func(string, ...any), r insights.Report) {
	insightSection(w, "Spend per month ("+r.ReportingCurrency+")")
	for _, m := range r.Trends.Months {
		p("  %s %14s", m.Month, m.Reporting.Grouped())
	}
	insightSection(w, "Biggest movers, "+r.Trends.Compared[1]+" vs "+r.Trends.Compared[0])
	if len(r.Trends.Movers) == 0 {
		p("  none")
	}
	for _, a := range r.Trends.Movers {
		change := fmt.Sprintf("%+.0f%%", a.ChangeShare*100)
		if a.New {
			change = "new"
		}
		p("  %-32s %14s -> %14s  %s", a.App, a.Previous.Grouped(), a.Current.Grouped(), change)
	}
}

func printFindings(w io.Writer, p func(string, ...any), r insights.Report) {
	insightSection(w, "Upcoming renewals")
	n := 0
	for _, x := range r.Renewals {
		if !x.NextCharge.IsZero() && x.DaysUntil >= 0 && !x.Dismissed && n < 20 {
			p("  %s  [%s]", x.Message, insights.Ref(x.Key))
			n++
		}
	}
	if n == 0 {
		p("  none predicted")
	}
	insightList(w, p, "Price increases", insightMessages(r.PriceIncreases, func(x insights.PriceIncrease) string { return withRef(x.Message, x.Ident) }))
	insightList(w, p, "Missed charges", insightMessages(r.MissedCharges, func(x insights.MissedCharge) string { return withRef(x.Message, x.Ident) }))
	insightList(w, p, "Ended plans", insightMessages(r.Ended, func(x insights.EndedPlan) string { return withRef(x.Message, x.Ident) }))
	insightList(w, p, "Seat counts that changed", seatMessages(r.Seats))
	insightList(w, p, "New vendors", insightMessages(r.NewVendors, func(x insights.NewVendor) string { return withRef(x.Message, x.Ident) }))
	insightList(w, p, "Probable duplicate charges", insightMessages(r.Duplicates, func(x insights.Duplicate) string { return withRef(x.Message, x.Ident) }))
	insightList(w, p, "Overlapping applications", insightMessages(r.Overlaps, func(x insights.Overlap) string { return withRef(x.Message, x.Ident) }))
	insightSection(w, "Users")
	p("  %s", r.Users.Message)
	if len(r.Users.MissingEmail) > 0 {
		p("  missing email: %s", strings.Join(r.Users.MissingEmail, ", "))
	}
	if r.Dismissed > 0 {
		p("\n%s dismissed findings not shown ('bcspend dismiss --list').", money.GroupInt(int64(r.Dismissed)))
	}
	fmt.Fprintln(w, "\nRun 'bcspend insights --json' for the transactions behind each finding; 'bcspend dismiss REF' hides one.")
}

// printNewAlerts prints the alerts the previous call did not, and
// remembers the current ones.
func printNewAlerts(db *store.DB, r insights.Report, asJSON bool, io stdio) int {
	seen, err := db.AlertsSeen()
	if err != nil {
		return fail(io, err)
	}
	fresh, remember := r.NewAlerts(seen)
	if asJSON {
		if code := writeJSON(io, fresh); code != exitOK {
			return code
		}
	} else {
		for _, a := range fresh {
			fmt.Fprintln(io.out, untrusted.Text(fmt.Sprintf("%-15s %s  [%s]", a.Kind, a.Message, insights.Ref(a.Key))))
		}
	}
	if err := db.SetAlertsSeen(remember); err != nil {
		return fail(io, err)
	}
	return exitOK
}

// seatMessages are the seat plans whose last charge bought another number
// of seats ('insights --json' has every seat plan and its history).
func seatMessages(ps []insights.SeatPlan) []string {
	var out []string
	for _, x := range ps {
		if x.SeatChanged() {
			out = append(out, withRef(x.Message, x.Ident))
		}
	}
	return out
}

// withRef ends a finding's line with the reference 'bcspend dismiss' takes.
func withRef(msg string, id insights.Ident) string { return msg + "  [" + insights.Ref(id.Key) + "]" }

func insightMessages[T any](xs []T, f func(T) string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = f(x)
	}
	return out
}

func insightList(w io.Writer, p func(string, ...any), title string, lines []string) {
	insightSection(w, title)
	if len(lines) == 0 {
		p("  none")
	}
	for _, l := range lines {
		p("  %s", l)
	}
}

func insightSection(w io.Writer, title string) { fmt.Fprintf(w, "\n%s\n", title) }

func unconvertedNote(n int) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprintf(" (%s unconverted: transactions without an exchange rate, not in the figure)", money.GroupInt(int64(n)))
}

func sortedCurrencies(m spend.Money) []string {
	var out []string
	for c, v := range m {
		if v != money.Amount(0) {
			out = append(out, c)
		}
	}
	sort.Strings(out)
	return out
}
