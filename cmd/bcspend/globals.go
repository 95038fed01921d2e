package main

import (
	"io"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/bcspend/bcspend/bc"
	"github.com/bcspend/bcspend/store"
)

// Exit codes: the contract scripts rely on.
const (
	exitOK    = 0
	exitOther = 1
	exitUsage = 2
	exitAdmin = 3
	exitBusy  = 4 // another bcspend kept the database busy for all of --wait
)

// globals are the options every command takes, from flags or environment.
type globals struct {
	DB           string
	AuthorityURL string
	APIURL       string
	Wait         time.Duration // --wait (wait.go); 0: the command's default
	waitOut      io.Writer     // where "waiting for ..." goes (stderr)
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

// register adds the global flags to the root as persistent flags, so they
// work before or after the subcommand name.
func (g *globals) register(root *cobra.Command) {
	fs := root.PersistentFlags()
	fs.StringVar(&g.DB, "db", g.DB, "database `FILE` (env BCSPEND_DB)")
	fs.Var(serviceURL{"--authority-url", &g.AuthorityURL}, "authority-url", "Entra authority (env BCSPEND_AUTHORITY_URL)")
	fs.Var(serviceURL{"--api-url", &g.APIURL}, "api-url", "Business Central API host (env BCSPEND_API_URL)")
	g.registerWait(fs, root.ErrOrStderr())
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

func (u serviceURL) Type() string { return "URL" }

func (u serviceURL) Set(s string) error {
	if err := bc.CheckServiceURL(u.flag, s); err != nil {
		return err // flagError reports it with its remedy
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
