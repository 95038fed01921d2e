package main

import (
	"context"
	"fmt"

	"github.com/bcspend/bcspend/bc"
	"github.com/bcspend/bcspend/service"
)

// runConsole opens the console. Until the console lands it prints status.
func runConsole(ctx context.Context, g *globals, args []string, io stdio) int {
	return runStatus(ctx, g, args, io)
}

// demoConsole connects the demo database to the simulated tenant and shows
// what it sees. The console replaces this once it lands.
func demoConsole(ctx context.Context, d *demoEnv, io stdio) int {
	req := d.connectRequest()
	req.Progress = func(s bc.Step) { printStep(io.err, s) }
	res, err := service.Connect(ctx, d.db, req)
	if err != nil {
		return fail(io, err)
	}
	fmt.Fprintf(io.out, "Demo: connected to the simulated tenant at %s\n", d.target.APIURL)
	printConnected(io, res)
	return exitOK
}
