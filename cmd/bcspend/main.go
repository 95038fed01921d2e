// Command bcspend shows what a company spends on SaaS, from the paid
// purchase invoices in Microsoft Dynamics 365 Business Central.
package main

import (
	"context"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], stdio{in: os.Stdin, out: os.Stdout, err: os.Stderr}))
}

// stdio is the command's streams, swapped in tests.
type stdio struct {
	in       io.Reader
	out, err io.Writer
	mode     *outputMode // --json, --quiet and the real streams (output.go)
}
