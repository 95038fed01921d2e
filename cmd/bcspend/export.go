package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/bcspend/bcspend/export"
	"github.com/bcspend/bcspend/failure"
	"github.com/bcspend/bcspend/insights"
	"github.com/bcspend/bcspend/match"
	"github.com/bcspend/bcspend/spend"
	"github.com/bcspend/bcspend/store"

	"github.com/bcspend/bcspend/money"
)

func init() {
	register("export", newExportCmd)
}

const exportLong = `TABLE is one of apps, transactions, users, unmatched, insights, contracts,
renewals or catalog.

Writes RFC 4180 CSV (UTF-8, header row; columns in docs/EXPORT.md) to FILE,
or to standard output without -o (--output). Cells that a spreadsheet would run as a
formula are made inert. Filters: --app (apps, transactions, insights),
--company (transactions, unmatched), --since/--until/--unmatched (transactions).
'renewals --ics' writes the contracts renewing within --within (default a
year) as an iCalendar file for a calendar to import.`

var exportTables = []string{"apps", "transactions", "users", "unmatched", "insights", "contracts", "catalog", "renewals"}

type exportOpts struct {
	out, app, company, since, until string
	unmatched                       bool
	ics, all                        bool   // renewals: a calendar; monthly plans too
	within                          string // renewals: the window ahead
}

func newExportCmd(g *globals, io stdio) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "export TABLE",
		Short: "write applications, transactions, users, unmatched vendors or insights as CSV",
		Long:  exportLong,
		Example: `  bcspend export transactions -o spend.csv
  bcspend export transactions --since 2026-01-01 --company "CRONUS UK Ltd."
  bcspend export apps --app Slack
  bcspend export renewals --ics -o renewals.ics`,
	}
	cmd.ValidArgs = exportTables
	fs := cmd.Flags()
	var o exportOpts
	fs.StringVarP(&o.out, "output", "o", "", "output file (default: standard output)")
	fs.StringVar(&o.app, "app", "", "only this application")
	fs.StringVar(&o.company, "company", "", "only this company (id or name)")
	fs.StringVar(&o.since, "since", "", "transactions on or after this date (YYYY-MM-DD)")
	fs.StringVar(&o.until, "until", "", "transactions on or before this date (YYYY-MM-DD)")
	fs.BoolVar(&o.unmatched, "unmatched", false, "only transactions no application claims")
	fs.BoolVar(&o.ics, "ics", false, "renewals: write an iCalendar (RFC 5545) file instead of CSV")
	fs.StringVar(&o.within, "within", "365d", "renewals: the window ahead (30d, 12w, 3m, 1y)")
	fs.BoolVar(&o.all, "all", false, "renewals: include monthly plans")
	cmd.RunE = action(func(ctx context.Context, args []string) int {
		pos := args
		if len(pos) != 1 || !slices.Contains(exportTables, pos[0]) {
			return usageErr(io, "export needs one table: "+strings.Join(exportTables, ", "),
				"run e.g. 'bcspend export transactions -o spend.csv'")
		}
		if err := checkExportFlags(cmd, pos[0]); err != nil {
			return fail(io, err)
		}
		f, err := o.filter()
		if err != nil {
			return fail(io, err)
		}
		if code, ok := checkOutput(io, o.out); !ok {
			return code
		}
		db, m, err := openSpendWith(g, g.openReadOnlyPath) // export only reads
		if err != nil {
			return fail(io, err)
		}
		defer db.Close()
		if err := resolveExportFilters(m, &o); err != nil {
			return fail(io, err)
		}
		f.App, f.Company = o.app, o.company
		if pos[0] == "renewals" {
			return exportRenewals(db, m, o, io)
		}
		if pos[0] == "catalog" {
			return exportCatalog(db, o, io)
		}
		t, err := exportTable(pos[0], db, m, f, o)
		if err != nil {
			return fail(io, err)
		}
		if o.out == "" || o.out == "-" {
			if err := export.Write(io.out, t); err != nil {
				return fail(io, err)
			}
			return exitOK
		}
		if err := export.WriteFile(o.out, t); err != nil {
			return fail(io, err)
		}
		fmt.Fprintf(io.err, "Wrote %s (%s)\n", o.out, pos[0])
		return exitOK

	})
	return cmd
}

func exportTable(name string, db *store.DB, m *spend.Model, f spend.Filter, o exportOpts) (export.Table, error) {
	switch name {
	case "apps":
		return export.Apps(m, o.app), nil
	case "users":
		return export.Users(m), nil
	case "unmatched":
		return export.Unmatched(m, o.company), nil
	case "insights", "contracts":
		r, err := reportFor(db, m, insights.Options{})
		if name == "contracts" {
			return export.Contracts(r), err
		}
		return export.Insights(r, o.app), err
	}
	return export.Transactions(m, f), nil
}

func (o exportOpts) filter() (spend.Filter, error) {
	f := spend.Filter{App: o.app, Company: o.company, Unmatched: o.unmatched}
	var err error
	if f.Since, err = parseDay("since", o.since); err != nil {
		return f, err
	}
	if f.Until, err = parseDay("until", o.until); err != nil {
		return f, err
	}
	if !f.Since.IsZero() && !f.Until.IsZero() && f.Until.Before(f.Since) {
		return f, failure.Input("--until is before --since", "swap the two dates")
	}
	return f, nil
}

func parseDay(flagName, s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return t, failure.Input(fmt.Sprintf("--%s %q is not a date", flagName, s), "write dates as YYYY-MM-DD, e.g. 2026-01-31")
	}
	return t, nil
}

// clock is "today" for the commands that read spend; tests pin it to the
// day their data was made on.
var clock = time.Now

// errNoDatabase: the commands that read spend never create a database.
type errNoDatabase struct{ path string }

func (e *errNoDatabase) Error() string { return "no bcspend database at " + e.path }

func (e *errNoDatabase) Remedy() string {
	return "connect and sync first ('bcspend connect ...' then 'bcspend sync'), try 'bcspend demo', or pass --db"
}

// openSpend opens the database (never creating one) and loads the spend
// model with the catalog beside it.
func openSpend(g *globals) (*store.DB, *spend.Model, error) { return openSpendWith(g, g.openPath) }

// openSpendWith is openSpend with the store's opener: store.OpenReadOnly
// for commands that only read.
func openSpendWith(g *globals, open func(string) (*store.DB, error)) (*store.DB, *spend.Model, error) {
	if _, err := os.Stat(g.DB); errors.Is(err, os.ErrNotExist) {
		return nil, nil, &errNoDatabase{g.DB}
	}
	db, err := open(g.DB)
	if err != nil {
		return nil, nil, err
	}
	cat, err := catalogFor(db)
	if err != nil {
		db.Close()
		return nil, nil, err
	}
	opt, err := spendOptions(db)
	if err != nil {
		db.Close()
		return nil, nil, err
	}
	opt.Now = clock()
	m, err := spend.Load(db, cat, opt)
	if err != nil {
		db.Close()
		return nil, nil, err
	}
	return db, m, nil
}

// checkOutput refuses an -o that is not a new path or a regular file (a
// FIFO, a device, a directory) as a usage error, before the database is
// read; export.WriteFile checks again when it writes.
func checkOutput(io stdio, out string) (int, bool) {
	if out == "" || out == "-" {
		return 0, true
	}
	var te *export.TargetError
	if _, err := export.Target(out); errors.As(err, &te) {
		return usageErr(io, te.Error(), te.Remedy()), false
	}
	return 0, true
}

// exportCatalog writes the custom applications in the user catalog file
// format: kept as catalog.txt beside a database, they are catalog entries.
func exportCatalog(db *store.DB, o exportOpts, io stdio) int {
	custom, err := db.CustomApps()
	if err != nil {
		return fail(io, err)
	}
	apps := make([]match.App, len(custom))
	for i, a := range custom {
		apps[i] = match.App{Name: a.Name, Category: a.Category, Vendors: a.Vendors}
	}
	text := match.FormatCatalog(apps)
	if o.out == "" || o.out == "-" {
		fmt.Fprint(io.out, text)
		return exitOK
	}
	if err := export.WriteTextFile(o.out, text); err != nil {
		return fail(io, err)
	}
	fmt.Fprintf(io.err, "Wrote %s (%s)\n", o.out, money.Plural(len(apps), "custom application", "custom applications"))
	return exitOK
}
