package main

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/bcspend/bcspend/bc"
	"github.com/bcspend/bcspend/bc/bcsim"
	"github.com/bcspend/bcspend/insights"
	"github.com/bcspend/bcspend/match"
	"github.com/bcspend/bcspend/service"
	"github.com/bcspend/bcspend/spend"
	"github.com/bcspend/bcspend/store"
	"github.com/bcspend/bcspend/syncer"
	"github.com/bcspend/bcspend/ui"
)

// consoleFlags makes the root command (bcspend without a command) open
// the console.
func consoleFlags(root *cobra.Command, g *globals, io stdio) {
	reconnect := root.Flags().Bool("reconnect", false, "open the setup wizard even when a connection is saved")
	root.RunE = action(func(ctx context.Context, _ []string) int { return runConsole(ctx, g, *reconnect, io) })
}

// runConsole opens the console on the database; with no connection saved
// it starts in the setup wizard.
func runConsole(ctx context.Context, g *globals, reconnect bool, io stdio) int {
	if !isTerminal(io) {
		return usageErr(io, "The console needs a terminal", "Run bcspend in a terminal, or use the headless commands (sync, status, export).")
	}
	// No "waiting for" lines: they would land in the middle of the screen
	// (the console's own sync says it on the Sync screen).
	db, err := store.OpenWith(g.DB, store.Options{Wait: g.waitFor(store.DefaultWait)})
	if err != nil {
		return fail(io, err)
	}
	defer db.Close()
	cat, err := startCatalog(db)
	if err != nil {
		return fail(io, err)
	}
	var opts []ui.Option
	if reconnect {
		opts = append(opts, ui.WithWizard())
	}
	return runUI(ctx, newBackendWith(db, g, cat), io, opts...)
}

func runUI(ctx context.Context, b *backend, io stdio, opts ...ui.Option) int {
	if err := ui.Run(ctx, b, opts...); err != nil && !errors.Is(err, context.Canceled) {
		return fail(io, err)
	}
	return exitOK
}

// loadCatalog reads the built-in catalog plus catalog.txt beside the
// database, where an admin keeps apps of their own.
func loadCatalog(dbPath string) (*match.Catalog, error) {
	return match.LoadCatalog(userCatalogPath(dbPath))
}

// catalogFor is loadCatalog plus the custom applications stored in db.
func catalogFor(db *store.DB) (*match.Catalog, error) {
	custom, err := db.CustomApps()
	if err != nil {
		return nil, err
	}
	return buildCatalog(userCatalogPath(db.Path()), custom)
}

func isTerminal(io stdio) bool {
	in, ok1 := io.in.(*os.File)
	out, ok2 := io.out.(*os.File)
	return ok1 && ok2 && term.IsTerminal(int(in.Fd())) && term.IsTerminal(int(out.Fd()))
}

// demoConsole runs the whole path against the simulated tenant: the wizard
// prefilled with the demo app, sign-in, sync, console.
func demoConsole(ctx context.Context, d *demoEnv, io stdio) int {
	if !isTerminal(io) {
		return demoHeadless(ctx, d, io)
	}
	cat, err := match.LoadCatalog("")
	if err != nil {
		return fail(io, err)
	}
	g := &globals{DB: d.db.Path(), AuthorityURL: d.target.AuthorityURL, APIURL: d.target.APIURL}
	b := newBackend(d.db, g, cat)
	b.demo, b.keyring, b.openURL = true, nil, b.demoBrowser
	prefill := ui.ConnInput{Tenant: bcsim.TenantID, Environment: bcsim.Environment, ClientID: bcsim.ClientID,
		Secret: bcsim.ClientSecret, Flow: ui.FlowClientCredentials}
	return runUI(ctx, b, io, ui.WithPrefill(prefill))
}

// demoHeadless is the demo without a terminal (pipes, CI): it connects,
// syncs and prints the insights report the console's Overview shows.
func demoHeadless(ctx context.Context, d *demoEnv, io stdio) int {
	req := d.connectRequest()
	req.Progress = func(s bc.Step) { printStep(io.err, s) }
	if _, err := service.Connect(ctx, d.db, req); err != nil {
		return fail(io, err)
	}
	sum, err := service.Sync(ctx, d.db, service.Options{}, syncer.Options{})
	if err != nil {
		return fail(io, err)
	}
	fmt.Fprintf(io.err, "Demo: %s\n(no terminal, so no console: run 'bcspend demo' in a terminal for the full product)\n\n", summaryLine(sum))
	cat, err := match.LoadCatalog("")
	if err != nil {
		return fail(io, err)
	}
	m, err := spend.Load(d.db, cat, spend.Options{})
	if err != nil {
		return fail(io, err)
	}
	r, err := reportFor(d.db, m, insights.Options{})
	if err != nil {
		return fail(io, err)
	}
	printInsights(io.out, r)
	return exitOK
}
