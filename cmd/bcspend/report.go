package main

import (
	"errors"
	"net"

	"github.com/bcspend/bcspend/failure"
	"github.com/bcspend/bcspend/store"
)

// fail prints err and its remedy on stderr and returns the exit code the
// contract gives it. Every error a user sees goes through here; BC's
// messages and codes inside it are made inert (sayf).
func fail(io stdio, err error) int {
	report(io, err)
	failJSON(io, err)
	return exitCodeOf(err)
}

// report prints err and its remedy on stderr: fail without the exit, for
// one of several errors (a sync of several connections) before the worst.
func report(io stdio, err error) {
	w := io.errors()
	sayf(w, "bcspend: %s\n", err)
	if r := failure.Remedy(err); r != "" {
		sayf(w, "  what to do: %s\n", r)
	}
	if s := failure.Support(err); s != "" {
		sayf(w, "  for a support case: %s\n", s)
	}
}

// exitCodeOf is the exit code the contract gives err: bc's kinds, and the
// busy code when another process holds the database.
func exitCodeOf(err error) int {
	if errors.Is(err, store.ErrBusy) {
		return exitBusy
	}
	return failure.ExitCode(err)
}

// usageErr reports a command-line mistake (exit 2).
func usageErr(io stdio, msg, remedy string) int {
	return fail(io, failure.Input(msg, remedy))
}

// isAdminKind reports whether a stored error kind needs the admin.
func isAdminKind(kind string) bool { return failure.Kind(kind).NeedsAdmin() }

// checkLoopback refuses to serve the simulated tenant beyond this machine:
// it hands out tokens to anyone who asks.
func checkLoopback(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return failure.Input("Invalid --addr "+addr, "Use HOST:PORT, e.g. 127.0.0.1:8765.")
	}
	if host == "localhost" {
		return nil
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return nil
	}
	return failure.Input("The simulated tenant only listens on loopback, not "+host, "Use 127.0.0.1:PORT or [::1]:PORT.")
}
