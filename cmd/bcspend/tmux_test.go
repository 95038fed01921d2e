package main

import (
	"os"
	"strings"
	"testing"
	"time"
)

// TestDemoThroughTmux drives `bcspend demo` as a person would: a real
// terminal (tmux, 100x30), only keystrokes through the wizard to the
// Applications screen, then q, and the terminal must be restored.
func TestDemoThroughTmux(t *testing.T) {
	tmux, bin := tmuxBinary(t)
	// The marker line proves the shell got the terminal back after q.
	script := "TERM=xterm-256color " + bin + " demo; echo BCSPEND_EXIT=$?; sleep 60"
	tt := startTmux(t, tmux, "bcspend-demo-test", 100, 30, script)
	waitFor := func(want string) string { t.Helper(); return tt.waitFor(want, 30*time.Second) }
	key := tt.key

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
	s := tt.waitUntil("the synced applications", 30*time.Second, func(s string) bool {
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
