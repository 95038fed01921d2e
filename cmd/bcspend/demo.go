package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/bcspend/bcspend/bc"
	"github.com/bcspend/bcspend/bc/bcsim"
	"github.com/bcspend/bcspend/service"
	"github.com/bcspend/bcspend/store"
)

func init() {
	register("demo", newDemoCmd)
}

// demoEnv is a simulated tenant on loopback and a throwaway database.
type demoEnv struct {
	tenant *bcsim.Tenant
	srv    *bcsim.Server
	dir    string
	db     *store.DB
	target bc.Target
}

func startDemo(seed int64) (*demoEnv, error) {
	// Device code sign-in waits for the admin to press enter (which plays the
	// browser) or about half a minute, so the code screen can be seen.
	ten := bcsim.New(bcsim.Config{Seed: seed, DeviceApproveAfter: 30})
	srv, err := ten.Start("127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("could not start the simulated tenant: %w", err)
	}
	dir, err := os.MkdirTemp("", "bcspend-demo-")
	if err != nil {
		srv.Close()
		return nil, err
	}
	db, err := store.Open(filepath.Join(dir, "demo.db"))
	if err != nil {
		srv.Close()
		os.RemoveAll(dir)
		return nil, err
	}
	target := bc.Target{AuthorityURL: srv.AuthorityURL(), APIURL: srv.APIURL(), Tenant: bcsim.TenantID, Environment: bcsim.Environment}
	return &demoEnv{tenant: ten, srv: srv, dir: dir, db: db, target: target}, nil
}

func (d *demoEnv) close() {
	d.db.Close()
	d.srv.Close()
	os.RemoveAll(d.dir)
}

// connectRequest is the wizard's prefill: the demo app's credentials.
func (d *demoEnv) connectRequest() service.ConnectRequest {
	return service.ConnectRequest{Target: d.target, ClientID: bcsim.ClientID, Flow: bc.FlowClientCredentials,
		ClientSecret: bcsim.ClientSecret}
}

func newDemoCmd(g *globals, io stdio) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "the console against the built-in simulated tenant, offline, no credentials",
		Long: `Starts a simulated Business Central tenant on loopback and opens the
console on a temporary database synced from it: everything works offline,
with no credentials and nothing written to your own database.`,
		Example: `  bcspend demo
  bcspend demo --seed 7     # another simulated company`,
	}
	fs := cmd.Flags()
	seed := fs.Int64("seed", 1, "data seed of the simulated tenant")
	cmd.RunE = action(func(ctx context.Context, args []string) int {
		d, err := startDemo(*seed)
		if err != nil {
			return fail(io, err)
		}
		defer d.close()
		return demoConsole(ctx, d, io)

	})
	return cmd
}
