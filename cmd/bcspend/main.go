// Command bcspend shows what a company spends on SaaS, from the paid
// purchase invoices in Microsoft Dynamics 365 Business Central.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/bcspend/bcspend/bc"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "0.1.0-dev"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], stdio{in: os.Stdin, out: os.Stdout, err: os.Stderr}))
}

// stdio is the command's streams, swapped in tests.
type stdio struct {
	in       io.Reader
	out, err io.Writer
}

// command is one subcommand.
type command struct {
	name, summary string
	run           func(ctx context.Context, g *globals, args []string, io stdio) int
}

// registry holds the subcommands; each file registers its own in init so
// commands can be added without touching this file.
var registry = map[string]command{}

// helpOrder is the order commands appear in --help.
var helpOrder = []string{"demo", "connect", "status", "sync", "match", "rules", "config", "export", "insights", "renewals", "dismiss", "contract", "doctor", "simulate"}

func register(c command) { registry[c.name] = c }

func commands() []command {
	var out []command
	for _, name := range helpOrder {
		if c, ok := registry[name]; ok {
			out = append(out, c)
		}
	}
	return out
}

func run(ctx context.Context, args []string, io stdio) int {
	bc.Version = version // the User-Agent names this build
	g, rest, code := parseGlobals(args, io)
	if code >= 0 {
		return code
	}
	if len(rest) == 0 {
		return runConsole(ctx, g, nil, io)
	}
	if c, ok := registry[rest[0]]; ok {
		return c.run(ctx, g, rest[1:], io)
	}
	fmt.Fprintf(io.err, "bcspend: unknown command %q\n  what to do: run 'bcspend --help' for the list of commands\n", rest[0])
	return exitUsage
}
