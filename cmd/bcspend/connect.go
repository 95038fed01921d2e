package main

import (
	"context"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/bcspend/bcspend/bc"
	"github.com/bcspend/bcspend/failure"
	"github.com/bcspend/bcspend/secretstore"
	"github.com/bcspend/bcspend/service"
	"github.com/bcspend/bcspend/untrusted"
)

func init() {
	register("connect", newConnectCmd)
}

func newConnectCmd(g *globals, io stdio) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "connect",
		Short: "sign in to Business Central and add (or reconnect) a connection (non-interactive)",
		Long: `Signs in to Business Central, checks every chosen company can be read, and
saves the connection. client-credentials (an Entra app with a client
secret) suits a server; device and browser sign in as a person.

A database holds several connections (one per tenant and environment, see
'bcspend connections'). --name names the connection (default
"tenant/environment"); connecting an existing name reconnects it (new
secret, sign-in or companies; its data and first connection date stay),
a new name adds a connection. Without --name the connection to the same
tenant and environment is reconnected.

The client secret is read from standard input (--client-secret-stdin; on a
terminal a prompt that does not echo it), from a file only its owner can
read (--client-secret-file), or BCSPEND_CLIENT_SECRET; with none of them a
terminal is prompted. Never from a flag value: flags show up in shell
history and process lists.`,
		Example: `  printf '%s' "$SECRET" | bcspend connect --tenant contoso.onmicrosoft.com \
      --environment Production --client-id 11111111-2222-3333-4444-555555555555 \
      --flow client-credentials --client-secret-stdin
  bcspend connect --tenant contoso.com --environment Production \
      --client-id 11111111-2222-3333-4444-555555555555 --flow device \
      --company "CRONUS UK Ltd."
  bcspend connect --name Denmark --tenant contoso.onmicrosoft.com \
      --environment Production-DK --client-id 11111111-2222-3333-4444-555555555555 \
      --flow client-credentials --client-secret-file ~/.config/bcspend/secret`,
	}
	fs := cmd.Flags()
	var req service.ConnectRequest
	var flow string
	var secret secretInput
	var companies []string
	var timeout time.Duration
	fs.StringVar(&req.Target.Tenant, "tenant", "", "Directory (tenant) ID GUID or verified domain")
	fs.StringVar(&req.Target.Environment, "environment", "", "Business Central environment name, e.g. Production")
	fs.StringVar(&req.ClientID, "client-id", "", "Application (client) ID of the Entra app registration")
	fs.StringVar(&flow, "flow", string(bc.FlowClientCredentials), "sign-in flow: client-credentials, device or browser")
	secret.register(fs)
	fs.StringVar(&req.Name, "name", "", "the connection's name: an existing one is reconnected, a new one added (default tenant/environment)")
	fs.StringArrayVar(&companies, "company", nil, "track only this company (id or name; repeatable; default all)")
	fs.DurationVar(&timeout, "browser-timeout", 5*time.Minute, "how long the browser flow waits for the sign-in")
	cmd.RunE = action(func(ctx context.Context, args []string) int {
		if len(args) > 0 {
			return usageErr(io, "connect takes no arguments, got "+fmt.Sprint(args),
				"Pass every value as a flag; see 'bcspend connect --help'.")
		}
		req.Flow = bc.Flow(flow)
		req.Companies = companies
		req.Target.AuthorityURL, req.Target.APIURL = g.AuthorityURL, g.APIURL
		s, err := secret.read(ctx, io, req.Flow == bc.FlowClientCredentials)
		if err != nil {
			return fail(io, err)
		}
		req.ClientSecret = s
		if req.Flow == bc.FlowClientCredentials && req.ClientSecret == "" {
			return usageErr(io, "The client-credentials flow needs the client secret",
				"Pipe it in with --client-secret-stdin, use --client-secret-file, set BCSPEND_CLIENT_SECRET, or run it in a terminal to be prompted; it is never accepted as a flag value.")
		}
		// Validate before opening (and maybe creating) the database.
		if _, err := req.Validate(); err != nil {
			return fail(io, err)
		}
		_, statErr := os.Stat(g.DB)
		created := os.IsNotExist(statErr)
		db, err := g.open()
		if err != nil {
			return fail(io, err)
		}
		defer db.Close()
		req.Keyring = keyring()
		req.ShowDeviceCode = func(d bc.DeviceCode) {
			sayf(io.err, "To sign in, open %s and enter the code %s (valid until %s).\nWaiting for the sign-in...\n",
				d.VerificationURI, d.UserCode, d.Expires.Local().Format("15:04"))
		}
		req.Browser = bc.BrowserOptions{Timeout: timeout, Show: func(u string) {
			sayf(io.err, "Opening your browser to sign in. If it does not open, visit:\n  %s\nWaiting for the sign-in...\n", u)
		}}
		req.Progress = func(s bc.Step) { printStep(io.err, s) }
		res, err := service.Connect(ctx, db, req)
		if err != nil {
			if created {
				// A failed first connect leaves nothing behind.
				db.Close()
				os.Remove(g.DB)
			}
			return fail(io, err)
		}
		printConnected(io, res)
		return exitOK

	})
	return cmd
}

func printStep(w io.Writer, s bc.Step) {
	switch {
	case s.OK:
		sayf(w, "  ✓ %s\n", strings.TrimSpace(s.Name+" "+s.Detail))
		if s.Warn != "" {
			sayf(w, "    note: %s\n", s.Warn)
		}
	default:
		sayf(w, "  ✗ %s: %v\n", s.Name, s.Err)
	}
}

func printConnected(io stdio, res service.ConnectResult) {
	c := res.Connection
	sayf(io.out, "Connected to tenant %s, environment %s, as client %s (%s flow): connection %q.\n", c.TenantID, c.Environment, c.ClientID, c.Flow, c.Name)
	sayf(io.out, "Tracking %d of %d companies:\n", len(c.Companies), len(res.Companies))
	for _, co := range c.Companies {
		sayf(io.out, "  - %s\n", co.Name)
	}
	sayf(io.out, "First connection: %s (the first sync reaches back one year from this date).\n", c.FirstConnected.Format("2006-01-02"))
	sayf(io.out, "Secrets are kept in the %s.\n", res.SecretBackend)
	if res.SecretWarning != "" {
		sayf(io.err, "warning: %s\n", res.SecretWarning)
	}
	if res.SecretNotice != "" {
		sayf(io.err, "notice: %s\n", res.SecretNotice)
	}
	for _, name := range slices.Sorted(maps.Keys(res.Skipped)) {
		err := res.Skipped[name]
		fmt.Fprintf(io.err, "warning: not tracking %s: %s\n  what to do: %s\n", untrusted.Text(name), untrusted.Text(err.Error()), failure.Remedy(err))
	}
	if res.UsersErr != nil {
		sayf(io.err, "warning: %v\n  what to do: %s\n", res.UsersErr, failure.Remedy(res.UsersErr))
	}
	if res.LegacyNoEmail {
		sayf(io.err, "warning: %s\n", bc.LegacyEmailWarning)
	}
	fmt.Fprintln(io.out, "Next: run 'bcspend sync' (or open the console with 'bcspend').")
}

// keyring is the OS keyring unless BCSPEND_KEYRING=off (tests, CI, demo).
func keyring() secretstore.Keyring {
	if strings.EqualFold(os.Getenv("BCSPEND_KEYRING"), "off") {
		return nil
	}
	return secretstore.System()
}
