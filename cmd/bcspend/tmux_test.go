package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestDemoThroughTmux drives `bcspend demo` as a person would: a real
// terminal (tmux, 100x30), only keystrokes through the wizard to the
// Applications screen, then q, and the terminal must be restored.
func TestDemoThroughTmux(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and drives tmux")
	}
	tmux, err := exec.LookPath("tmux")
	if err != nil {
		t.Skip("tmux is not installed (CI installs it)")
	}
	bin := filepath.Join(t.TempDir(), "bcspend")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	sock := filepath.Join(t.TempDir(), "tmux.sock")
	session := "bcspend-demo-test"
	tm := func(args ...string) string {
		out, err := exec.Command(tmux, append([]string{"-S", sock}, args...)...).CombinedOutput()
		if err != nil {
			t.Fatalf("tmux %v: %v\n%s", args, err, out)
		}
		return string(out)
	}
	// The marker line proves the shell got the terminal back after q.
	script := "TERM=xterm-256color " + bin + " demo; echo BCSPEND_EXIT=$?; sleep 60"
	tm("new-session", "-d", "-s", session, "-x", "100", "-y", "30", "sh", "-c", script)
	t.Cleanup(func() { _ = exec.Command(tmux, "-S", sock, "kill-server").Run() })
	screen := func() string { return tm("capture-pane", "-t", session, "-p") }
	waitUntil := func(what string, ok func(string) bool) string {
		t.Helper()
		deadline := time.Now().Add(30 * time.Second)
		for {
			s := screen()
			if ok(s) {
				return s
			}
			if time.Now().After(deadline) {
				t.Fatalf("never saw %s; screen:\n%s", what, s)
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
	waitFor := func(want string) string {
		t.Helper()
		return waitUntil(strconv.Quote(want), func(s string) bool { return strings.Contains(s, want) })
	}
	key := func(k string) { tm("send-keys", "-t", session, k) }

	waitFor("Setup checklist")
	key("Enter") // checklist done
	waitFor("How should bcspend sign in?")
	key("1") // client credentials, whatever the default for this machine
	key("Enter")
	waitFor("Client Secret")
	key("Enter") // test the prefilled demo connection
	waitFor("Connection works")
	key("Enter")
	waitFor("Which companies")
	key("Enter") // save and sync
	// After the sync the table reloads; wait for the synced rows.
	s := waitUntil("the synced applications", func(s string) bool {
		return strings.Contains(s, "apps │") && !strings.Contains(s, " 0 apps │")
	})
	for _, want := range []string{"Applications", "per application · total", "Microsoft 365", "5b2f8f4"} {
		if !strings.Contains(s, want) {
			t.Errorf("Applications screen lacks %q:\n%s", want, s)
		}
	}
	key("q")
	s = waitFor("BCSPEND_EXIT=0")
	if strings.Contains(s, "per application · total") {
		t.Errorf("the console is still on screen after quitting (alternate screen not restored):\n%s", s)
	}
	if _, err := os.Stat(bin); err != nil {
		t.Fatal(err)
	}
}
