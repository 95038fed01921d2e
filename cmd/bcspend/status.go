package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/bcspend/bcspend/secretstore"
	"github.com/bcspend/bcspend/service"
	"github.com/bcspend/bcspend/store"
	"github.com/bcspend/bcspend/syncer"
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
It only reads the database, and exits 3 when the admin must act, 1 when the
last sync failed otherwise or was interrupted. --json prints the same as one
JSON document (snake_case keys; "problem" is null when there is none).
With several connections, --connection says which one ('bcspend
connections list' shows them all with their last sync).`,
		Example: `  bcspend status
  bcspend status --connection Denmark
  bcspend status --json | jq -r '.last_sync.outcome'
  bcspend --db /srv/bcspend/spend.db status`,
		Args: cobra.NoArgs,
	}
	asJSON := cmd.Flags().Bool("json", false, "print the status as JSON")
	connection := cmd.Flags().String("connection", "", "the connection to show (default: the only one)")
	cmd.RunE = action(func(ctx context.Context, args []string) int {
		// Read-only: status works on a file it may not write, and a mistyped
		// --db creates no directory or file.
		db, err := g.openReadOnly()
		if errors.Is(err, os.ErrNotExist) {
			if !*asJSON {
				sayf(io.out, "Database: %s (does not exist)\nConnection: none\n", g.DB)
			}
			return fail(io, service.ErrNotConnected)
		}
		if err != nil {
			return fail(io, err)
		}
		defer db.Close()
		r, err := gatherStatus(db, *connection)
		if errors.Is(err, service.ErrNotConnected) {
			err = nil
		}
		if err != nil {
			return fail(io, err)
		}
		if r.Connection == nil {
			if !*asJSON {
				sayf(io.out, "Database: %s\nConnection: none\n", db.Path())
			}
			return fail(io, service.ErrNotConnected)
		}
		if *asJSON {
			writeJSON(io, &r)
		} else {
			printStatus(io, r)
		}
		return r.exitCode()
	})
	return cmd
}

// statusReport is what status shows; --json prints it as it is.
type statusReport struct {
	Database   string          `json:"database"`
	Connection *statusConn     `json:"connection"`
	Companies  []statusCompany `json:"companies"`
	Users      *statusUsers    `json:"users,omitempty"`
	LastSync   *statusRun      `json:"last_sync"` // nil: never synced
	Problem    *syncer.Problem `json:"problem"`
	problemIs  string          // "", "note", "stale", "interrupted" or "failed"
}

type statusConn struct {
	connectionIdentity
	Secret        string `json:"secret"` // stored | none | not-used
	SecretBackend string `json:"secret_backend,omitempty"`
}

// connectionIdentity is what status and connections list say a connection
// is, in their --json under the same keys.
type connectionIdentity struct {
	ID             string    `json:"id"`
	Name           string    `json:"name"`
	TenantID       string    `json:"tenant_id"`
	Environment    string    `json:"environment"`
	ClientID       string    `json:"client_id"`
	Flow           string    `json:"flow"`
	FirstConnected time.Time `json:"first_connected"`
}

func identityOf(c store.Connection) connectionIdentity {
	return connectionIdentity{ID: c.ID, Name: c.Name, TenantID: c.TenantID, Environment: c.Environment,
		ClientID: c.ClientID, Flow: c.Flow, FirstConnected: c.FirstConnected}
}

type statusCompany struct {
	ID               string    `json:"id"`
	Name             string    `json:"name"`
	Invoices         int       `json:"invoices"`
	SyncedUpTo       time.Time `json:"synced_up_to,omitzero"`
	Interrupted      bool      `json:"interrupted"`
	LocalCurrency    string    `json:"local_currency,omitempty"`
	Dimensions       []string  `json:"dimensions,omitempty"`
	RatesUnavailable string    `json:"rates_unavailable,omitempty"`
	synced, hasInfo  bool
}

type statusUsers struct {
	Total        int `json:"total"`
	Active       int `json:"active"`
	MissingEmail int `json:"missing_email"`
}

type statusRun struct {
	Outcome  string    `json:"outcome"`
	Start    time.Time `json:"start"`
	End      time.Time `json:"end,omitzero"`
	Fetched  int       `json:"fetched"`
	New      int       `json:"new"`
	Changed  int       `json:"changed"`
	Removed  int       `json:"removed"`
	Requests int       `json:"requests"`
	Retries  int       `json:"retries"`
}

func gatherStatus(db *store.DB, name string) (statusReport, error) {
	r := statusReport{Database: db.Path(), Companies: []statusCompany{}}
	conn, err := service.TargetConnection(db, name)
	if err != nil {
		return r, err
	}
	r.Connection = connectionStatus(db, conn)
	for _, c := range conn.Companies {
		r.Companies = append(r.Companies, companyStatus(db, c))
	}
	if users, err := db.ConnectionUsers(conn.ID); err == nil {
		u := &statusUsers{Total: len(users)}
		for _, x := range users {
			if x.Active {
				u.Active++
			}
			if x.MissingEmail && !x.Removed {
				u.MissingEmail++
			}
		}
		r.Users = u
	}
	runs, err := db.ConnectionRuns(conn.ID, 1)
	if err != nil || len(runs) == 0 {
		return r, err
	}
	run := runs[0]
	r.LastSync = &statusRun{Outcome: run.Outcome, Start: run.Start, End: run.End, Fetched: run.Fetched, New: run.New,
		Changed: run.Changed, Removed: run.Removed, Requests: run.Requests, Retries: run.Retries}
	r.judge(run)
	return r, nil
}

// judge sets the problem the last run leaves, if any.
func (r *statusReport) judge(run store.SyncRun) {
	switch {
	case run.Outcome == store.OutcomeRunning:
		// Still "running" in the history while status can read the file:
		// the run was killed or crashed; the next sync closes it and resumes.
		r.problemIs = "interrupted"
		r.Problem = &syncer.Problem{Kind: "interrupted", Message: "the last sync was stopped (process killed or crashed)",
			Remedy: "run 'bcspend sync': it resumes from the last committed page"}
	case run.ErrorMessage == "" && time.Since(run.End) > 24*time.Hour:
		r.problemIs = "stale"
		r.Problem = &syncer.Problem{Kind: "stale", Message: "the data is more than a day old",
			Remedy: "run 'bcspend sync' or schedule it (see README)"}
	case run.ErrorMessage == "":
	case run.Outcome == store.OutcomeOK:
		// A warning (users refused, old environment): spend is complete.
		r.problemIs = "note"
		r.Problem = &syncer.Problem{Kind: run.ErrorKind, Code: run.ErrorCode, Message: run.ErrorMessage, Remedy: run.Remedy}
	default:
		r.problemIs = "failed"
		r.Problem = &syncer.Problem{Kind: run.ErrorKind, Code: run.ErrorCode, Message: run.ErrorMessage, Remedy: run.Remedy, Support: run.Support}
	}
}

// exitCode: 3 when the admin must act on the last run's failure, 1 for
// another failure or an interrupted run, else 0.
func (r statusReport) exitCode() int {
	switch {
	case r.problemIs == "interrupted":
		return exitOther
	case r.problemIs != "failed":
		return exitOK
	case isAdminKind(r.Problem.Kind):
		return exitAdmin
	}
	return exitOther
}

func connectionStatus(db *store.DB, conn store.Connection) *statusConn {
	c := &statusConn{connectionIdentity: identityOf(conn), Secret: "none"}
	secrets := secretstore.Open(db, keyring(), conn.TenantID, conn.ClientID)
	if _, ok, err := secrets.Get(secretstore.ClientSecret); err == nil && ok {
		c.Secret, c.SecretBackend = "stored", secrets.Backend()
	}
	if conn.Flow == "device" {
		c.Secret, c.SecretBackend = "not-used", ""
	}
	return c
}

func companyStatus(db *store.DB, c store.Company) statusCompany {
	s := statusCompany{ID: c.ID, Name: c.Name}
	key := c.StoreKey()
	s.Invoices, _ = db.InvoiceCount(key)
	if st, ok, _ := db.SyncState(key); ok {
		s.synced, s.SyncedUpTo, s.Interrupted = true, st.Watermark, st.InProgress
	}
	if ci, ok, err := db.CompanyInfo(key); err == nil && ok {
		s.hasInfo = true
		s.LocalCurrency, s.RatesUnavailable = ci.LocalCurrency, ci.RatesUnavailable
		s.Dimensions = []string{ci.DimensionLabel(1), ci.DimensionLabel(2)}
	}
	return s
}

func printStatus(io stdio, r statusReport) {
	c := r.Connection
	sayf(io.out, "Database:     %s\n", r.Database)
	sayf(io.out, "Connection:   %s\n", c.Name)
	sayf(io.out, "Tenant:       %s\nEnvironment:  %s\nClient ID:    %s\nFlow:         %s\n", c.TenantID, c.Environment, c.ClientID, c.Flow)
	secret := map[string]string{"none": "none stored", "not-used": "not used (device code signs in as a person)",
		"stored": "stored (hidden) in the " + c.SecretBackend}[c.Secret]
	sayf(io.out, "Secret:       %s\n", secret)
	sayf(io.out, "Connected:    %s (first connection; the sync window reaches back one year from it)\n", c.FirstConnected.Format("2006-01-02"))
	for _, co := range r.Companies {
		since := "never synced"
		if co.synced {
			since = "data changed up to " + co.SyncedUpTo.Local().Format("2006-01-02 15:04")
			if co.Interrupted {
				since += ", a run was interrupted: the next sync resumes it"
			}
		}
		sayf(io.out, "Company:      %s: %s invoices stored, %s\n", co.Name, num(co.Invoices), since)
		if co.hasInfo {
			fmt.Fprintf(io.out, "              local currency %s; dimensions %s, %s\n", untrusted.Text(orNone(co.LocalCurrency)),
				untrusted.Text(co.Dimensions[0]), untrusted.Text(co.Dimensions[1]))
			if co.RatesUnavailable != "" {
				sayf(io.out, "Note:         %s\n", co.RatesUnavailable)
			}
		}
	}
	if u := r.Users; u != nil {
		sayf(io.out, "Users:        %s (%s active, %s without contact email)\n", num(u.Total), num(u.Active), num(u.MissingEmail))
	}
	printLastRun(io, r)
}

func orNone(s string) string {
	if s == "" {
		return "unknown"
	}
	return s
}

// printLastRun shows the last sync and, when it failed, the remedy.
func printLastRun(io stdio, r statusReport) {
	run, p := r.LastSync, r.Problem
	switch {
	case run == nil:
		fmt.Fprintln(io.out, "Last sync:    never; run 'bcspend sync'")
		return
	case r.problemIs == "interrupted":
		sayf(io.out, "Last sync:    interrupted: started %s ago and never finished (%s fetched before it stopped)\n",
			time.Since(run.Start).Round(time.Minute), num(run.Fetched))
		sayf(io.out, "Problem:      %s\n  what to do:  %s\n", p.Message, p.Remedy)
		return
	}
	sayf(io.out, "Last sync:    %s, %s ago (%s fetched, %s new, %s changed, %s removed; %s requests, %s retries)\n",
		run.Outcome, time.Since(run.End).Round(time.Minute), num(run.Fetched), num(run.New), num(run.Changed), num(run.Removed),
		num(run.Requests), num(run.Retries))
	switch r.problemIs {
	case "note":
		sayf(io.out, "Note:         %s\n  what to do:  %s\n", p.Message, p.Remedy)
	case "stale", "failed":
		sayf(io.out, "Problem:      %s\n  what to do:  %s\n", p.Message, p.Remedy)
		if p.Support != "" {
			sayf(io.out, "  support:     %s\n", p.Support)
		}
	}
}
