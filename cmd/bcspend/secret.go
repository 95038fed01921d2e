package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"golang.org/x/term"

	"github.com/bcspend/bcspend/bc"
	"github.com/bcspend/bcspend/failure"
	"github.com/bcspend/bcspend/service"
)

// A client secret never comes from a flag's value (shell history, process
// lists): it is piped in, read from a file only its owner can read, taken
// from BCSPEND_CLIENT_SECRET, or typed at a prompt that does not echo it.

// secretInput is how this run gives the client secret.
type secretInput struct {
	stdin bool
	file  string
}

func (s *secretInput) register(fs *pflag.FlagSet) {
	fs.BoolVar(&s.stdin, "client-secret-stdin", false, "read the client secret's Value from standard input (on a terminal: a prompt that does not echo it)")
	fs.StringVar(&s.file, "client-secret-file", "", "read the client secret's Value from `FILE`, which only its owner may read (chmod 600)")
}

// envSecret is BCSPEND_CLIENT_SECRET: the one place it is read.
func envSecret() string { return strings.TrimSpace(os.Getenv("BCSPEND_CLIENT_SECRET")) }

// maxSecret bounds what is read: a secret is about 40 characters.
const maxSecret = 4096

// read returns the secret from the first source given: --client-secret-file,
// --client-secret-stdin (a pipe read to its end, a terminal prompted),
// BCSPEND_CLIENT_SECRET. With none and required, a terminal is prompted;
// "" means no secret was given.
func (s secretInput) read(ctx context.Context, io stdio, required bool) (string, error) {
	switch {
	case s.stdin && s.file != "":
		return "", failure.Input("--client-secret-stdin and --client-secret-file both give the secret", "Use one of them.")
	case s.file != "":
		return readSecretFile(s.file)
	case s.stdin:
		if tty, ok := terminalIn(io); ok {
			return promptSecret(ctx, tty, io)
		}
		b, err := readAllLimited(io.in, maxSecret)
		if err != nil {
			return "", failure.Input("Could not read the client secret from standard input", "Pipe the secret's Value in, e.g. printf '%s' \"$SECRET\" | bcspend connect ...")
		}
		return strings.TrimSpace(string(b)), nil
	}
	if v := envSecret(); v != "" || !required {
		return v, nil
	}
	if tty, ok := terminalIn(io); ok {
		return promptSecret(ctx, tty, io)
	}
	return "", nil
}

func readAllLimited(r io.Reader, n int64) ([]byte, error) {
	if r == nil {
		return nil, io.ErrUnexpectedEOF
	}
	return io.ReadAll(io.LimitReader(r, n))
}

// terminalIn is stdin when it is a terminal.
func terminalIn(io stdio) (*os.File, bool) {
	f, ok := io.in.(*os.File)
	return f, ok && term.IsTerminal(int(f.Fd()))
}

// promptSecret asks for the secret on the terminal without echoing it.
// Ctrl-C (the context) gives the terminal its echo back and stops.
func promptSecret(ctx context.Context, tty *os.File, io stdio) (string, error) {
	fd := int(tty.Fd())
	state, err := term.GetState(fd)
	if err != nil {
		return "", err
	}
	if err := echoOff(fd); err != nil {
		return "", fmt.Errorf("could not turn the terminal's echo off for the secret (%w): pipe it in instead, printf '%%s' \"$SECRET\" | bcspend ... --client-secret-stdin", err)
	}
	defer term.Restore(fd, state)
	fmt.Fprint(io.errors(), "Client secret (its Value, not the Secret ID; not shown as you type): ")
	type result struct {
		b   []byte
		err error
	}
	done := make(chan result, 1)
	go func() {
		b, err := term.ReadPassword(fd)
		done <- result{b, err}
	}()
	select {
	case r := <-done:
		fmt.Fprintln(io.errors())
		if r.err != nil {
			return "", fmt.Errorf("could not read the secret from the terminal: %w", r.err)
		}
		return strings.TrimSpace(string(r.b)), nil
	case <-ctx.Done():
		fmt.Fprintln(io.errors())
		return "", &failure.Error{Kind: failure.KindCanceled, Message: "Interrupted before the secret was entered", Fix: "Run the command again."}
	}
}

// readSecretFile reads a secret file, refused when anyone but its owner
// can read it: the secret would already be out.
func readSecretFile(path string) (string, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return "", failure.Input(fmt.Sprintf("Cannot read --client-secret-file %s: %v", path, errors.Unwrap(err)), "Check the path.")
	}
	if !fi.Mode().IsRegular() {
		return "", failure.Input("--client-secret-file "+path+" is not a regular file", "Write the secret's Value to a file and pass its path.")
	}
	// Windows has no mode bits to check; its ACLs are the user's profile's.
	if perm := fi.Mode().Perm(); runtime.GOOS != "windows" && perm&0o077 != 0 {
		return "", failure.Input(fmt.Sprintf("--client-secret-file %s can be read by other users (mode %04o)", path, perm),
			"Run 'chmod 600 "+path+"' (and replace the secret in Entra if others may have read it).")
	}
	f, err := os.Open(path)
	if err != nil {
		return "", failure.Input(fmt.Sprintf("Cannot read --client-secret-file %s: %v", path, errors.Unwrap(err)), "Check the file's owner and mode.")
	}
	defer f.Close()
	b, err := readAllLimited(f, maxSecret)
	if err != nil {
		return "", err
	}
	return strings.TrimSpace(string(b)), nil
}

func init() { register("secret", newSecretCmd) }

func newSecretCmd(g *globals, io stdio) *cobra.Command {
	cmd := group(&cobra.Command{
		Use:   "secret",
		Short: "replace the client secret (after it expired or was rotated)",
		Long: `Entra client secrets expire (at most two years). Add a new secret to the app
registration (Certificates & secrets), then give its Value to 'secret
replace': the connection is tested with it, and only then saved in place of
the old one; nothing else changes.`,
		Example: `  bcspend secret replace                          # prompts, without echo
  printf '%s' "$NEW_SECRET" | bcspend secret replace --client-secret-stdin
  bcspend secret replace --client-secret-file ~/.config/bcspend/secret`,
	}, io)
	cmd.AddCommand(newSecretReplaceCmd(g, io))
	return cmd
}

func newSecretReplaceCmd(g *globals, io stdio) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "replace",
		Short: "test a new client secret and save it in place of the old one",
		Long: `Reads the new secret's Value (a prompt without echo on a terminal,
--client-secret-stdin, --client-secret-file or BCSPEND_CLIENT_SECRET), signs
in with it and reads the tracked companies; only when that works is it
saved, in the OS keyring or the database as the old one was. With several
connections, --connection says whose; the secret belongs to the app
registration, so every connection of that app and tenant uses the new one.`,
		Example: `  bcspend secret replace
  printf '%s' "$NEW_SECRET" | bcspend secret replace --client-secret-stdin
  bcspend secret replace --connection Denmark`,
		Args: cobra.NoArgs,
	}
	var in secretInput
	in.register(cmd.Flags())
	connection := cmd.Flags().String("connection", "", "the connection whose secret to replace (default: the only one)")
	cmd.RunE = action(func(ctx context.Context, args []string) int {
		secret, err := in.read(ctx, io, true)
		if err != nil {
			return fail(io, err)
		}
		if secret == "" {
			return usageErr(io, "No new client secret given",
				"Pipe it in with --client-secret-stdin, use --client-secret-file, set BCSPEND_CLIENT_SECRET, or run it in a terminal to be prompted.")
		}
		return replaceSecret(ctx, g, *connection, secret, io)
	})
	return cmd
}

func replaceSecret(ctx context.Context, g *globals, connection, secret string, io stdio) int {
	if _, err := os.Stat(g.DB); errors.Is(err, os.ErrNotExist) {
		return fail(io, service.ErrNotConnected) // and create no database
	}
	db, err := g.open()
	if err != nil {
		return fail(io, err)
	}
	defer db.Close()
	conn, err := service.TargetConnection(db, connection)
	if err != nil {
		return fail(io, err)
	}
	if conn.Flow != string(bc.FlowClientCredentials) {
		return usageErr(io, fmt.Sprintf("This connection signs in as a person (%s flow): it has no client secret", conn.Flow),
			"To sign in again, run 'bcspend connect' (or the console's Integration screen).")
	}
	opt := cliOptions(db, keyring())
	opt.Connection = conn.Name
	fmt.Fprintln(io.err, "Testing the new secret:")
	err = service.ReplaceSecret(db, opt, secret, func(c *bc.Client) error {
		_, err := bc.Probe(ctx, c, func(s bc.Step) { printStep(io.err, s) })
		return err
	})
	if err != nil {
		return fail(io, err)
	}
	sayf(io.out, "Replaced the client secret of client %s in tenant %s; connection %q works with it.\n", conn.ClientID, conn.TenantID, conn.Name)
	return exitOK
}
