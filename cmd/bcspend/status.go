package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/bcspend/bcspend/service"
	"github.com/bcspend/bcspend/store"
	"github.com/bcspend/bcspend/untrusted"
)

func init() {
	register("status", newStatusCmd)
}

func newStatusCmd(g *globals, io stdio) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "status",
		Short: "connection, last sync, counts, and any problem with its remedy",
		Long: `Shows the saved connection (the secret only as stored or not), the last
sync and its outcome, what is stored, and any problem with its remedy.
It only reads the database, and exits 3 when the admin must act.`,
		Example: `  bcspend status
  bcspend --db /srv/bcspend/spend.db status`,
	}
	cmd.RunE = action(func(ctx context.Context, args []string) int {
		// Read-only: status works on a file it may not write, and a mistyped
		// --db creates no directory or file.
		db, err := g.openReadOnly()
		if errors.Is(err, os.ErrNotExist) {
			sayf(io.out, "Database: %s (does not exist)\nConnection: none\n", g.DB)
			return fail(io, service.ErrNotConnected)
		}
		if err != nil {
			return fail(io, err)
		}
		defer db.Close()
		conn, ok, err := db.Connection()
		if err != nil {
			return fail(io, err)
		}
		if !ok {
			sayf(io.out, "Database: %s\nConnection: none\n", db.Path())
			return fail(io, service.ErrNotConnected)
		}
		printConnection(io, db, conn)
		printCounts(io, db, conn)
		return printLastRun(io, db)

	})
	return cmd
}

func printConnection(io stdio, db *store.DB, conn store.Connection) {
	secrets := db.NewSecrets(keyring(), conn.TenantID, conn.ClientID)
	secretState := "none stored"
	if _, ok, err := secrets.Get(store.SecretClientSecret); err == nil && ok {
		secretState = "stored (hidden) in the " + secrets.Backend()
	}
	sayf(io.out, "Database:     %s\n", db.Path())
	sayf(io.out, "Tenant:       %s\nEnvironment:  %s\nClient ID:    %s\nFlow:         %s\n", conn.TenantID, conn.Environment, conn.ClientID, conn.Flow)
	if conn.Flow == "device" {
		secretState = "not used (device code signs in as a person)"
	}
	sayf(io.out, "Secret:       %s\n", secretState)
	sayf(io.out, "Connected:    %s (first connection; the sync window reaches back one year from it)\n", conn.FirstConnected.Format("2006-01-02"))
}

func printCounts(io stdio, db *store.DB, conn store.Connection) {
	for _, c := range conn.Companies {
		n, _ := db.InvoiceCount(c.ID)
		st, ok, _ := db.SyncState(c.ID)
		since := "never synced"
		if ok {
			since = "data changed up to " + st.Watermark.Local().Format("2006-01-02 15:04")
			if st.InProgress {
				since += ", a run was interrupted: the next sync resumes it"
			}
		}
		sayf(io.out, "Company:      %s: %s invoices stored, %s\n", c.Name, num(n), since)
		printCompanyInfo(io, db, c.ID)
	}
	if users, err := db.Users(); err == nil {
		active, missing := 0, 0
		for _, u := range users {
			if u.Active {
				active++
			}
			if u.MissingEmail && !u.Removed {
				missing++
			}
		}
		sayf(io.out, "Users:        %s (%s active, %s without contact email)\n", num(len(users)), num(active), num(missing))
	}
}

// printCompanyInfo shows what BC said about the company at the last sync:
// local currency, global dimensions, and why its foreign amounts are not
// converted when they are not.
func printCompanyInfo(io stdio, db *store.DB, companyID string) {
	ci, ok, err := db.CompanyInfo(companyID)
	if err != nil || !ok {
		return
	}
	fmt.Fprintf(io.out, "              local currency %s; dimensions %s, %s\n", untrusted.Text(orNone(ci.LocalCurrency)),
		untrusted.Text(ci.DimensionLabel(1)), untrusted.Text(ci.DimensionLabel(2)))
	if ci.RatesUnavailable != "" {
		sayf(io.out, "Note:         %s\n", ci.RatesUnavailable)
	}
}

func orNone(s string) string {
	if s == "" {
		return "unknown"
	}
	return s
}

// printLastRun shows the last sync and, when it failed, the remedy; the exit
// code says whether the admin must act.
func printLastRun(io stdio, db *store.DB) int {
	run, ok, err := db.LastRun()
	if err != nil {
		return fail(io, err)
	}
	if !ok {
		fmt.Fprintln(io.out, "Last sync:    never; run 'bcspend sync'")
		return exitOK
	}
	if run.Outcome == store.OutcomeRunning {
		return printInterrupted(io, run)
	}
	age := time.Since(run.End).Round(time.Minute)
	sayf(io.out, "Last sync:    %s, %s ago (%s fetched, %s new, %s changed, %s removed; %s requests, %s retries)\n",
		run.Outcome, age, num(run.Fetched), num(run.New), num(run.Changed), num(run.Removed), num(run.Requests), num(run.Retries))
	if run.ErrorMessage == "" {
		if age > 24*time.Hour {
			fmt.Fprintln(io.out, "Problem:      the data is more than a day old\n  what to do:  run 'bcspend sync' or schedule it (see README)")
		}
		return exitOK
	}
	if run.Outcome == store.OutcomeOK {
		// A warning (users refused, old environment): spend is complete.
		sayf(io.out, "Note:         %s\n  what to do:  %s\n", run.ErrorMessage, run.Remedy)
		return exitOK
	}
	sayf(io.out, "Problem:      %s\n  what to do:  %s\n", run.ErrorMessage, run.Remedy)
	if run.Support != "" {
		sayf(io.out, "  support:     %s\n", run.Support)
	}
	if isAdminKind(run.ErrorKind) {
		return exitAdmin
	}
	return exitOther
}

// printInterrupted: a run still "running" in the history while status holds
// the file (a running sync holds bbolt's lock) was killed or crashed; it has
// no end time, and the next sync closes it and resumes.
func printInterrupted(io stdio, run store.SyncRun) int {
	sayf(io.out, "Last sync:    interrupted: started %s ago and never finished (%s fetched before it stopped)\n",
		time.Since(run.Start).Round(time.Minute), num(run.Fetched))
	sayf(io.out, "Problem:      the last sync was stopped (process killed or crashed)\n  what to do:  run 'bcspend sync': it resumes from the last committed page\n")
	return exitOther
}
