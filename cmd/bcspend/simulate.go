package main

import (
	"context"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/bcspend/bcspend/bc/bcsim"
)

func init() {
	register("simulate", newSimulateCmd)
}

func newSimulateCmd(g *globals, io stdio) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "simulate",
		Short: "serve the simulated tenant on loopback for trying connect and sync",
		Long: `Serves the simulated tenant (Entra sign-in and the Business Central API) on
a loopback address and prints the values to connect to it, until Ctrl-C.
It hands out tokens to anyone who asks, so it never listens beyond this
machine.`,
		Example: `  bcspend simulate --addr 127.0.0.1:8765
  bcspend simulate --seed 3 --latency 200ms`,
	}
	fs := cmd.Flags()
	addr := fs.String("addr", "127.0.0.1:0", "loopback address to listen on")
	seed := fs.Int64("seed", 1, "data seed: the same seed gives the same tenant")
	latency := fs.Duration("latency", 0, "delay added to every API request")
	perMonth := fs.Int("invoices-per-month", 0, "invoices per company and month (0: realistic default)")
	cmd.RunE = action(func(ctx context.Context, args []string) int {
		if err := checkLoopback(*addr); err != nil {
			return fail(io, err)
		}
		ten := bcsim.New(bcsim.Config{Seed: *seed, Latency: *latency, InvoicesPerMonth: *perMonth})
		srv, err := ten.Start(*addr)
		if err != nil {
			return fail(io, fmt.Errorf("could not listen on %s: %w", *addr, err))
		}
		defer srv.Close()
		fmt.Fprintf(io.out, `Simulated Business Central tenant (seed %d)
	  authority URL:  %s
	  API URL:        %s
	  tenant:         %s  (or %s)
	  environment:    %s
	  client id:      %s  (client credentials; secret below)
	  client secret:  %s
	  public client:  %s  (device and browser flows, no secret)

	Try it (another terminal):
	  export BCSPEND_AUTHORITY_URL=%s BCSPEND_API_URL=%s BCSPEND_KEYRING=off
	  printf '%%s' '%s' | bcspend --db /tmp/bcspend-sim.db connect --tenant %s \
	      --environment %s --client-id %s --flow client-credentials --client-secret-stdin

	Press Ctrl-C to stop.
	`, *seed, srv.AuthorityURL(), srv.APIURL(), bcsim.TenantID, bcsim.TenantDomain, bcsim.Environment,
			bcsim.ClientID, bcsim.ClientSecret, bcsim.PublicClientID,
			srv.AuthorityURL(), srv.APIURL(), bcsim.ClientSecret, bcsim.TenantID, bcsim.Environment, bcsim.ClientID)
		<-ctx.Done()
		shutdown(srv)
		return exitOK

	})
	return cmd
}

func shutdown(srv interface{ Close() error }) {
	done := make(chan struct{})
	go func() { _ = srv.Close(); close(done) }()
	select {
	case <-done:
	case <-time.After(2 * time.Second):
	}
}
