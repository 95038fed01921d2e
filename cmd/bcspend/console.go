package main

import (
	"context"
)

// runConsole opens the console. Until the console lands it prints status.
func runConsole(ctx context.Context, g *globals, args []string, io stdio) int {
	return runStatus(ctx, g, args, io)
}
