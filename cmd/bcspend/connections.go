package main

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/bcspend/bcspend/money"
	"github.com/bcspend/bcspend/service"
	"github.com/bcspend/bcspend/store"
)

func init() { register("connections", newConnectionsCmd) }

const connectionsLong = `One database can hold several connections: each is one Business Central
tenant and environment (Production-US, Production-DK, a partner's tenants)
with its own app registration, sign-in, chosen companies and sync state.
'bcspend connect' adds one (--name, default "tenant/environment") or, for
an existing name, reconnects it; 'bcspend sync' syncs them all.

remove deletes a connection and everything synced from it (its companies'
invoices and credit memos, its users and sync history) after a preview;
rules, custom applications and settings stay: they apply to every
connection.`

func newConnectionsCmd(g *globals, io stdio) *cobra.Command {
	cmd := group(&cobra.Command{
		Use:     "connections",
		Aliases: []string{"connection"},
		Short:   "list, rename or remove the Business Central connections in the database",
		Long:    connectionsLong,
		Example: `  bcspend connections list
  bcspend connections rename contoso.onmicrosoft.com/Production-DK Denmark
  bcspend connections remove Denmark`,
	}, io)
	cmd.AddCommand(newConnectionsListCmd(g, io), newConnectionsRenameCmd(g, io), newConnectionsRemoveCmd(g, io))
	return cmd
}

func newConnectionsListCmd(g *globals, io stdio) *cobra.Command {
	cmd := &cobra.Command{
		Use:     "list",
		Aliases: []string{"ls"},
		Short:   "list the connections with how their last sync went",
		Args:    cobra.NoArgs,
		Example: "  bcspend connections list\n  bcspend connections list --json | jq -r '.[] | select(.status != \"ok\") | .name'",
	}
	asJSON := cmd.Flags().Bool("json", false, "print the connections as JSON (snake_case keys)")
	cmd.RunE = action(func(ctx context.Context, args []string) int {
		db, err := g.openReadOnly()
		if err != nil {
			return fail(io, err)
		}
		defer db.Close()
		hs, err := db.ConnectionsHealth()
		if err != nil {
			return fail(io, err)
		}
		if len(hs) == 0 && !*asJSON {
			return fail(io, service.ErrNotConnected)
		}
		rows := make([]connectionRow, len(hs))
		for i, h := range hs {
			rows[i] = connectionRowOf(h)
		}
		if *asJSON {
			return writeJSON(io, rows)
		}
		printConnections(io, rows)
		return exitOK
	})
	return cmd
}

// connectionRow is one connection as list shows it; --json prints it.
type connectionRow struct {
	connectionIdentity
	Companies []connectionCompany `json:"companies"`
	Status    string              `json:"status"` // ok | partial | failed | canceled | running | never synced
	LastSync  *connectionRun      `json:"last_sync"`
	LastOK    time.Time           `json:"last_ok,omitzero"`
}

type connectionCompany struct {
	ID   string `json:"id"`
	Key  string `json:"key"` // the company's key in bcspend (spend, export): its id in the first connection
	Name string `json:"name"`
}

type connectionRun struct {
	RunID   string    `json:"run_id"`
	Outcome string    `json:"outcome"`
	Start   time.Time `json:"start"`
	End     time.Time `json:"end,omitzero"`
	New     int       `json:"new"`
	Error   string    `json:"error,omitempty"`
	Remedy  string    `json:"remedy,omitempty"`
}

func connectionRowOf(h store.ConnectionHealth) connectionRow {
	c := h.Connection
	r := connectionRow{connectionIdentity: identityOf(c), Companies: []connectionCompany{}, Status: h.Status(), LastOK: h.LastOK}
	for _, co := range c.Companies {
		r.Companies = append(r.Companies, connectionCompany{ID: co.ID, Key: co.StoreKey(), Name: co.Title()})
	}
	if h.Synced {
		run := h.LastRun
		r.LastSync = &connectionRun{RunID: run.ID, Outcome: run.Outcome, Start: run.Start, End: run.End, New: run.New,
			Error: run.ErrorMessage, Remedy: run.Remedy}
	}
	return r
}

func printConnections(io stdio, rows []connectionRow) {
	// Columns as wide as their longest value: a default name is
	// "tenant/environment", and a tenant id alone is 36 characters.
	nameW, targetW := len("NAME"), len("TENANT/ENVIRONMENT")
	for _, r := range rows {
		nameW = max(nameW, utf8.RuneCountInString(r.Name))
		targetW = max(targetW, utf8.RuneCountInString(r.TenantID+"/"+r.Environment))
	}
	line := fmt.Sprintf("%%-%ds  %%-%ds  %%-18s %%9v  %%s\n", nameW, targetW)
	sayf(io.out, line, "NAME", "TENANT/ENVIRONMENT", "FLOW", "COMPANIES", "LAST SYNC")
	for _, r := range rows {
		sayf(io.out, line, r.Name, r.TenantID+"/"+r.Environment, r.Flow, len(r.Companies), lastSyncText(r))
		if s := r.LastSync; s != nil && s.Error != "" {
			sayf(io.out, "  %s: %s\n", s.Outcome, s.Error)
			if s.Remedy != "" {
				sayf(io.out, "  what to do: %s\n", s.Remedy)
			}
		}
	}
}

func lastSyncText(r connectionRow) string {
	s := r.LastSync
	if s == nil {
		return "never; run 'bcspend sync --connection " + shellQuote(r.Name) + "'"
	}
	at := s.End
	if at.IsZero() {
		at = s.Start
	}
	return fmt.Sprintf("%s, %s (%s new)", s.Outcome, at.Local().Format("2006-01-02 15:04"), num(s.New))
}

// shellQuote quotes a name for a command the user may paste.
func shellQuote(s string) string {
	if s != "" && !strings.ContainsAny(s, " \t'\"$`\\|&;<>()*?[]#~") {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

func newConnectionsRenameCmd(g *globals, io stdio) *cobra.Command {
	cmd := &cobra.Command{
		Use:     "rename NAME NEW-NAME",
		Aliases: []string{"mv"},
		Short:   "give a connection another name (its data stays)",
		Example: "  bcspend connections rename contoso.onmicrosoft.com/Production-DK Denmark",
	}
	cmd.RunE = action(func(ctx context.Context, args []string) int {
		if len(args) != 2 {
			return usageErr(io, "rename needs the connection's name and its new name",
				"e.g. bcspend connections rename contoso.onmicrosoft.com/Production-DK Denmark ('bcspend connections list' shows the names)")
		}
		db, err := g.open()
		if err != nil {
			return fail(io, err)
		}
		defer db.Close()
		if err := service.RenameConnection(db, args[0], args[1]); err != nil {
			return fail(io, err)
		}
		sayf(io.out, "Renamed connection %q to %q.\n", args[0], strings.TrimSpace(args[1]))
		return exitOK
	})
	return cmd
}

func newConnectionsRemoveCmd(g *globals, io stdio) *cobra.Command {
	cmd := &cobra.Command{
		Use:     "remove NAME",
		Aliases: []string{"rm", "delete"},
		Short:   "remove a connection and its data, after a preview of what goes",
		Long: connectionsLong + `

On a terminal it asks before removing; --yes removes without asking and is
required when stdin is not a terminal. The connection's secrets go too,
unless another connection of the same app registration and tenant uses them.`,
		Example: "  bcspend connections remove Denmark\n  bcspend connections remove Denmark --yes",
	}
	yes := cmd.Flags().Bool("yes", false, "remove without asking")
	cmd.RunE = action(func(ctx context.Context, args []string) int {
		if len(args) != 1 {
			return usageErr(io, "remove needs the name of one connection", "'bcspend connections list' shows the names")
		}
		db, err := g.open()
		if err != nil {
			return fail(io, err)
		}
		defer db.Close()
		if _, err := service.TargetConnection(db, args[0]); err != nil {
			return fail(io, err)
		}
		pre, err := db.PreviewRemoval(args[0])
		if err != nil {
			return fail(io, err)
		}
		printRemoval(io, pre)
		if code, ok := confirm(io, *yes, "Remove it?", "remove it", "Nothing removed."); !ok {
			return code
		}
		opt := cliOptions(db, keyring())
		opt.Wait = g.waitFor(store.DefaultWait)
		opt.OnWait = g.sayWaiting(opt.Wait)
		gone, err := service.RemoveConnection(db, opt, args[0])
		if err != nil {
			return fail(io, err)
		}
		sayf(io.out, "Removed connection %q: %s, %s invoices, %s credit memos, %s, %s.\n", gone.Connection.Name,
			money.Plural(gone.Companies, "company", "companies"), num(gone.Invoices), num(gone.CreditMemos),
			money.Plural(gone.Users, "user", "users"), money.Plural(gone.Runs, "sync run", "sync runs"))
		return exitOK
	})
	return cmd
}

func printRemoval(io stdio, r store.Removal) {
	c := r.Connection
	sayf(io.out, "Removing connection %q (tenant %s, environment %s) deletes:\n", c.Name, c.TenantID, c.Environment)
	names := make([]string, len(c.Companies))
	for i, co := range c.Companies {
		names[i] = co.Title()
	}
	sayf(io.out, "  %s: %s\n", money.Plural(r.Companies, "company", "companies"), strings.Join(names, ", "))
	sayf(io.out, "  %s invoices and %s credit memos\n", num(r.Invoices), num(r.CreditMemos))
	sayf(io.out, "  %s and %s of history\n", money.Plural(r.Users, "user", "users"), money.Plural(r.Runs, "sync run", "sync runs"))
	fmt.Fprintln(io.out, "Every other connection's data, the rules, custom applications and settings stay.")
}
