package main

import (
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/bcspend/bcspend/bc"
	"github.com/bcspend/bcspend/store"
)

// Exit codes: the contract scripts rely on.
const (
	exitOK    = 0
	exitOther = 1
	exitUsage = 2
	exitAdmin = 3
)

// globals are the options every command takes, from flags or environment.
type globals struct {
	DB           string
	AuthorityURL string
	APIURL       string
}

// target is the connection target with the global URLs applied.
func (g *globals) target(tenant, env string) bc.Target {
	return bc.Target{AuthorityURL: g.AuthorityURL, APIURL: g.APIURL, Tenant: tenant, Environment: env}
}

func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

// register adds the global flags to fs, so they work before or after the
// subcommand name.
func (g *globals) register(fs *flag.FlagSet) {
	fs.StringVar(&g.DB, "db", g.DB, "database file (env BCSPEND_DB)")
	fs.Var(serviceURL{"--authority-url", &g.AuthorityURL}, "authority-url", "Entra authority (env BCSPEND_AUTHORITY_URL)")
	fs.Var(serviceURL{"--api-url", &g.APIURL}, "api-url", "Business Central API host (env BCSPEND_API_URL)")
}

// serviceURL is a URL flag checked as it is parsed (bc.CheckServiceURL), so
// a plain-http URL to another machine stops the command before it opens the
// database or sends anything.
type serviceURL struct {
	flag string
	v    *string
}

func (u serviceURL) String() string {
	if u.v == nil {
		return ""
	}
	return *u.v
}

func (u serviceURL) Set(s string) error {
	if err := bc.CheckServiceURL(u.flag, s); err != nil {
		return fmt.Errorf("%w\n  what to do: %s", err, bc.Remedy(err))
	}
	*u.v = s
	return nil
}

// checkEnvURLs applies the same rule to the environment variables.
func checkEnvURLs() error {
	for _, name := range []string{"BCSPEND_AUTHORITY_URL", "BCSPEND_API_URL"} {
		if v := os.Getenv(name); v != "" {
			if err := bc.CheckServiceURL(name, v); err != nil {
				return err
			}
		}
	}
	return nil
}

func defaultGlobals() *globals {
	def, _ := store.DefaultPath()
	return &globals{
		DB:           envOr("BCSPEND_DB", def),
		AuthorityURL: envOr("BCSPEND_AUTHORITY_URL", bc.DefaultAuthorityURL),
		APIURL:       envOr("BCSPEND_API_URL", bc.DefaultAPIURL),
	}
}

const usageText = `bcspend shows what your company spends on SaaS, from the paid purchase
invoices in Microsoft Dynamics 365 Business Central.

Usage:
  bcspend [--db PATH]            the console; opens the setup wizard when no connection exists
  bcspend COMMAND [flags]

Commands:
%s
Global flags (before or after the command):
  --db PATH              database file (env BCSPEND_DB; default %s)
  --authority-url URL    Entra authority (env BCSPEND_AUTHORITY_URL; default %s)
  --api-url URL          Business Central API host (env BCSPEND_API_URL; default %s)
  --version              print the version
  --help                 this help; 'bcspend COMMAND --help' for a command's flags

The client secret is read from --client-secret-stdin or BCSPEND_CLIENT_SECRET, never
from a flag value (flags show up in shell history and process lists).

Examples:
  bcspend demo                                   try everything offline
  printf '%%s' "$SECRET" | bcspend connect --tenant contoso.onmicrosoft.com \
      --environment Production --client-id 11111111-2222-3333-4444-555555555555 \
      --flow client-credentials --client-secret-stdin
  bcspend connect --tenant contoso.com --environment Production \
      --client-id 11111111-2222-3333-4444-555555555555 --flow device
  bcspend sync --json                            for cron and systemd timers
  bcspend export transactions -o spend.csv

Exit codes: 0 ok, 2 usage or invalid input, 3 the admin must act (credentials,
consent, permissions), 1 anything else.
`

func usage(io stdio) {
	var b strings.Builder
	for _, c := range commands() {
		fmt.Fprintf(&b, "  %-10s %s\n", c.name, c.summary)
	}
	def, _ := store.DefaultPath()
	fmt.Fprintf(io.out, usageText, b.String(), def, bc.DefaultAuthorityURL, bc.DefaultAPIURL)
}

// parseGlobals reads global flags up to the first non-flag argument. code is
// -1 to go on, or the exit code to stop with.
func parseGlobals(args []string, io stdio) (*globals, []string, int) {
	g := defaultGlobals()
	if err := checkEnvURLs(); err != nil {
		return g, nil, fail(io, err)
	}
	fs := flag.NewFlagSet("bcspend", flag.ContinueOnError)
	fs.SetOutput(io.err)
	g.register(fs)
	showVersion := fs.Bool("version", false, "print the version")
	fs.Usage = func() { usage(io) }
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return g, nil, exitOK
		}
		return g, nil, exitUsage
	}
	if *showVersion {
		fmt.Fprintln(io.out, "bcspend", version)
		return g, nil, exitOK
	}
	return g, fs.Args(), -1
}

// subFlags makes a FlagSet for a subcommand with the globals registered.
func subFlags(name, synopsis string, g *globals, io stdio) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.err)
	g.register(fs)
	fs.Usage = func() {
		fmt.Fprintf(io.err, "Usage: bcspend %s\n\nFlags:\n", synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parseSub parses a subcommand's flags; ok false means return code.
func parseSub(fs *flag.FlagSet, args []string) (code int, ok bool) {
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return exitOK, false
		}
		return exitUsage, false
	}
	return 0, true
}
