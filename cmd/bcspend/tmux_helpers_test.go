package main

import (
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// tmuxTerm is a real terminal (a tmux session) running one shell script:
// the tests type into it and read its screen as a person would.
type tmuxTerm struct {
	t       *testing.T
	tmux    string
	sock    string
	session string
}

// tmuxBinary skips the test where tmux is missing or under -short, and
// builds bcspend for the terminal to run.
func tmuxBinary(t *testing.T) (tmux, bin string) {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary and drives tmux")
	}
	tmux, err := exec.LookPath("tmux")
	if err != nil {
		t.Skip("tmux is not installed (CI installs it)")
	}
	return tmux, buildBinary(t)
}

// buildBinary builds bcspend for a test that runs it as a program.
func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "bcspend")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	return bin
}

// startTmux opens a width x height terminal running script under sh; it
// is closed when the test ends.
func startTmux(t *testing.T, tmux, session string, width, height int, script string) *tmuxTerm {
	t.Helper()
	tt := &tmuxTerm{t: t, tmux: tmux, sock: filepath.Join(t.TempDir(), "tmux.sock"), session: session}
	tt.run("new-session", "-d", "-s", session, "-x", strconv.Itoa(width), "-y", strconv.Itoa(height), "sh", "-c", script)
	t.Cleanup(func() { _ = exec.Command(tmux, "-S", tt.sock, "kill-server").Run() })
	return tt
}

func (tt *tmuxTerm) run(args ...string) string {
	tt.t.Helper()
	out, err := exec.Command(tt.tmux, append([]string{"-S", tt.sock}, args...)...).CombinedOutput()
	if err != nil {
		tt.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

func (tt *tmuxTerm) screen() string { return tt.run("capture-pane", "-t", tt.session, "-p") }

func (tt *tmuxTerm) key(k string) { tt.run("send-keys", "-t", tt.session, k) }

// waitUntil polls the screen until ok holds, and fails the test with the
// last screen after within. Polling is the only way to observe another
// process's terminal; the deadline is a failure bound, not a timing.
func (tt *tmuxTerm) waitUntil(what string, within time.Duration, ok func(string) bool) string {
	tt.t.Helper()
	deadline := time.Now().Add(within)
	for {
		s := tt.screen()
		if ok(s) {
			return s
		}
		if time.Now().After(deadline) {
			tt.t.Fatalf("never saw %s; screen:\n%s", what, s)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// waitFor waits for want to appear on the screen.
func (tt *tmuxTerm) waitFor(want string, within time.Duration) string {
	tt.t.Helper()
	return tt.waitUntil(`"`+want+`"`, within, func(s string) bool { return strings.Contains(s, want) })
}
