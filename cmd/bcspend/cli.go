package main

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/bcspend/bcspend/bc"
	"github.com/bcspend/bcspend/failure"
)

// The command line is spf13/cobra's (as gh and kubectl use): help with
// examples on stdout, 'help X', completion scripts for four shells, a man
// page and "did you mean" all come from the one tree of commands built here.

// newCommand builds one top-level command; each file registers its own in
// init so commands can be added without touching this file.
type newCommand func(g *globals, io stdio) *cobra.Command

var registry = map[string]newCommand{}

// helpOrder is the order commands appear in --help; a registered command
// not listed here comes after them.
var helpOrder = []string{"demo", "connect", "secret", "status", "sync", "match", "rules", "apps", "config", "export", "insights", "renewals", "dismiss", "contract", "doctor", "simulate", "version", "man"}

func register(name string, c newCommand) { registry[name] = c }

func commandNames() []string {
	names := slices.Clone(helpOrder)
	var rest []string
	for name := range registry {
		if !slices.Contains(names, name) {
			rest = append(rest, name)
		}
	}
	slices.Sort(rest)
	return append(names, rest...)
}

func init() { cobra.EnableCommandSorting = false }

// exitCode is the error an action returns once it has reported its
// failure itself: run turns it back into the exit code.
type exitCode int

func (e exitCode) Error() string { return fmt.Sprintf("exit status %d", int(e)) }

// action adapts a command body that reports its own errors and returns an
// exit code to cobra's RunE.
func action(f func(ctx context.Context, args []string) int) func(*cobra.Command, []string) error {
	return func(cmd *cobra.Command, args []string) error {
		if code := f(cmd.Context(), args); code != exitOK {
			return exitCode(code)
		}
		return nil
	}
}

func run(ctx context.Context, args []string, io stdio) int {
	bc.Version = version // the User-Agent names this build
	io = detectMode(args, io).apply(io)
	g := defaultGlobals()
	if err := checkEnvURLs(); err != nil {
		return fail(io, err)
	}
	root := newRoot(g, io)
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	var code exitCode
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &code):
		return int(code)
	}
	// cobra's own errors: an unknown command or flag, a bad flag value.
	var be *failure.Error
	if errors.As(err, &be) {
		return fail(io, err)
	}
	return cobraErr(root, args, err, io)
}

func newRoot(g *globals, io stdio) *cobra.Command {
	root := &cobra.Command{
		Use:     "bcspend",
		Short:   "what your company spends on SaaS, from Business Central's paid purchase invoices",
		Long:    rootLong,
		Example: rootExample,
		Version: version,
		// Errors are reported once, by fail or cobraErr, with the remedy.
		SilenceErrors: true,
		SilenceUsage:  true,
	}
	root.SetIn(io.in)
	root.SetOut(io.out)
	root.SetErr(io.err)
	root.SetVersionTemplate("bcspend {{.Version}}\n")
	root.SetFlagErrorFunc(flagError)
	g.register(root)
	root.PersistentFlags().BoolP("quiet", "q", false, "print only errors and warnings (for cron); what --json asks for still prints")
	root.SetHelpCommand(newHelpCmd(root, io))
	consoleFlags(root, g, io)
	for _, name := range commandNames() {
		if c, ok := registry[name]; ok {
			root.AddCommand(c(g, io))
		}
	}
	return root
}

const rootLong = `bcspend shows what your company spends on SaaS, from the paid purchase
invoices in Microsoft Dynamics 365 Business Central.

Without a command it opens the console (a terminal UI); with no connection
saved, the console starts in the setup wizard.

The client secret is read from --client-secret-stdin, --client-secret-file or
BCSPEND_CLIENT_SECRET, or prompted for without echo on a terminal; never from a
flag value (flags show up in shell history and process lists).

Environment: BCSPEND_DB (--db), BCSPEND_AUTHORITY_URL (--authority-url),
BCSPEND_API_URL (--api-url), BCSPEND_CLIENT_SECRET, BCSPEND_KEYRING=off (keep
the secret in the database file instead of the OS keyring).

Exit codes: 0 ok, 2 usage or invalid input, 3 the admin must act (credentials,
consent, permissions), 4 busy (another bcspend kept the database busy for all
of --wait; nothing was changed), 1 anything else.`

const rootExample = `  # try everything offline
  bcspend demo

  # connect with a client secret piped in
  printf '%s' "$SECRET" | bcspend connect --tenant contoso.onmicrosoft.com \
      --environment Production --client-id 11111111-2222-3333-4444-555555555555 \
      --flow client-credentials --client-secret-stdin

  # connect as a person, with a device code
  bcspend connect --tenant contoso.com --environment Production \
      --client-id 11111111-2222-3333-4444-555555555555 --flow device

  # for cron and systemd timers
  bcspend sync --json

  bcspend export transactions -o spend.csv`

// group is a command whose work is done by its subcommands: without one,
// or with an unknown one, it is a usage error that lists them.
func group(cmd *cobra.Command, io stdio) *cobra.Command {
	cmd.Args = cobra.ArbitraryArgs
	cmd.RunE = action(func(ctx context.Context, args []string) int {
		var names []string
		for _, c := range cmd.Commands() {
			if c.IsAvailableCommand() {
				names = append(names, c.Name())
			}
		}
		list := strings.Join(names, ", ")
		if len(args) == 0 {
			return usageErr(io, cmd.Name()+" needs a subcommand: "+list, "run '"+cmd.CommandPath()+" --help'")
		}
		return usageErr(io, fmt.Sprintf("unknown %s subcommand %q", cmd.Name(), args[0]),
			didYouMean(cmd, args[0], "use one of: "+list))
	})
	return cmd
}

// didYouMean names the closest subcommands of cmd, or falls back to def.
func didYouMean(cmd *cobra.Command, typed, def string) string {
	var names []string
	for _, c := range cmd.Commands() {
		if c.IsAvailableCommand() {
			names = append(names, c.Name())
		}
	}
	if s := closest(typed, names); len(s) > 0 {
		return fmt.Sprintf("did you mean '%s %s'? (%s)", cmd.CommandPath(), strings.Join(s, "' or '"+cmd.CommandPath()+" "), def)
	}
	return def
}

// flagError is pflag's error with a remedy. A value a flag refused with
// our own error (a service URL) is reported as that error; Go's flag
// package accepted -json for --json, so the old single-dash spelling gets a
// pointer to the new one; a misspelt flag gets the closest ones.
func flagError(cmd *cobra.Command, err error) error {
	var be *failure.Error
	if errors.As(err, &be) {
		return be
	}
	fix := "run '" + cmd.CommandPath() + " --help' for its flags"
	var ne *pflag.NotExistError
	if errors.As(err, &ne) {
		typed := ne.GetSpecifiedName()
		if sh := ne.GetSpecifiedShortnames(); sh != "" {
			typed, _, _ = strings.Cut(sh, "=")
		}
		if near := closest(typed, flagNames(cmd)); len(near) == 1 && near[0] == typed {
			fix = "flags take two dashes: --" + typed
		} else if len(near) > 0 {
			fix = "did you mean --" + strings.Join(near, " or --") + "? (" + fix + ")"
		}
	}
	return failure.Input(err.Error(), fix)
}

// flagNames is every long flag cmd takes, its own and the global ones.
func flagNames(cmd *cobra.Command) []string {
	var names []string
	cmd.Flags().VisitAll(func(f *pflag.Flag) { names = append(names, f.Name) })
	cmd.InheritedFlags().VisitAll(func(f *pflag.Flag) { names = append(names, f.Name) })
	return names
}

// cobraErr reports an error cobra found before any command ran: an
// unknown command (with the nearest ones), an argument a command without
// arguments was given.
func cobraErr(root *cobra.Command, args []string, err error, io stdio) int {
	msg, _, _ := strings.Cut(err.Error(), "\n")
	cmd, _, ferr := root.Find(args)
	if ferr != nil || cmd == nil {
		cmd = root
	}
	var typed string
	if _, e := fmt.Sscanf(msg, "unknown command %q", &typed); e == nil {
		if cmd == root {
			return usageErr(io, fmt.Sprintf("unknown command %q", typed), didYouMean(root, typed, "run 'bcspend --help' for the list of commands"))
		}
		return usageErr(io, fmt.Sprintf("%s takes no argument %q", cmd.CommandPath(), typed), "run '"+cmd.CommandPath()+" --help'")
	}
	return usageErr(io, msg, "run '"+cmd.CommandPath()+" --help'")
}

// newHelpCmd is cobra's 'help COMMAND' with an unknown topic as a usage
// error (cobra's own prints the usage and exits 0).
func newHelpCmd(root *cobra.Command, io stdio) *cobra.Command {
	return &cobra.Command{
		Use:   "help [COMMAND]...",
		Short: "help about any command",
		Long:  "Prints the help of a command, the same as 'bcspend COMMAND --help'.",
		Example: `  bcspend help
  bcspend help rules add`,
		ValidArgsFunction: func(c *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
			cmd, _, _ := root.Find(args)
			var names []string
			for _, sub := range cmd.Commands() {
				if sub.IsAvailableCommand() && strings.HasPrefix(sub.Name(), toComplete) {
					names = append(names, sub.Name()+"\t"+sub.Short)
				}
			}
			return names, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: action(func(ctx context.Context, args []string) int {
			cmd, rest, err := root.Find(args)
			if err != nil || len(rest) > 0 {
				typed := strings.Join(args, " ")
				return usageErr(io, fmt.Sprintf("no help topic %q", typed),
					didYouMean(cmd, args[len(args)-1], "run 'bcspend help' for the list of commands"))
			}
			cmd.InitDefaultHelpFlag() // as 'COMMAND --help' shows it
			if err := cmd.Help(); err != nil {
				return fail(io, err)
			}
			return exitOK
		}),
	}
}
