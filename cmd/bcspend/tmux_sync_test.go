package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bcspend/bcspend/bc/bcsim"
)

// TestSyncProgressThroughTmux runs `bcspend sync` on a real terminal
// (tmux, 120x20): progress is one line per company plus one for the run,
// rewritten in place. Mid-run each company shows invoices read of BC's
// count with a share below 100%; at the end each company is one ✓ line,
// never repeated down the screen. The mid-run capture goes to the log
// (and docs/SYNC.md).
func TestSyncProgressThroughTmux(t *testing.T) {
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
	_, g, _ := connected(t, bcsim.Config{Latency: 40 * time.Millisecond, InvoicesPerMonth: 60})
	sock := filepath.Join(t.TempDir(), "tmux.sock")
	session := "bcspend-sync-test"
	tm := func(args ...string) string {
		out, err := exec.Command(tmux, append([]string{"-S", sock}, args...)...).CombinedOutput()
		if err != nil {
			t.Fatalf("tmux %v: %v\n%s", args, err, out)
		}
		return string(out)
	}
	script := "BCSPEND_KEYRING=off TERM=xterm-256color " + bin + " " + strings.Join(g, " ") +
		" sync --page-size 20; echo BCSPEND_EXIT=$?; sleep 60"
	tm("new-session", "-d", "-s", session, "-x", "120", "-y", "20", "sh", "-c", script)
	t.Cleanup(func() { _ = exec.Command(tmux, "-S", sock, "kill-server").Run() })
	screen := func() string { return tm("capture-pane", "-t", session, "-p") }
	waitUntil := func(what string, ok func(string) bool) string {
		t.Helper()
		deadline := time.Now().Add(60 * time.Second)
		for {
			s := screen()
			if ok(s) {
				return s
			}
			if time.Now().After(deadline) {
				t.Fatalf("never saw %s; screen:\n%s", what, s)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	mid := waitUntil("every company part-way", func(s string) bool {
		return strings.Count(s, "invoices (") >= 3 && strings.Contains(s, "all: ") &&
			strings.Contains(s, "… CRONUS") && !strings.Contains(s, "BCSPEND_EXIT")
	})
	t.Logf("mid-run capture:\n%s", mid)
	if os.Getenv("BCSPEND_TMUX_CAPTURE") != "" {
		_ = os.WriteFile(os.Getenv("BCSPEND_TMUX_CAPTURE"), []byte(mid), 0o644)
	}
	end := waitUntil("the exit", func(s string) bool { return strings.Contains(s, "BCSPEND_EXIT=") })
	if !strings.Contains(end, "BCSPEND_EXIT=0") {
		t.Fatalf("sync failed:\n%s", end)
	}
	for _, c := range []string{"CRONUS USA, Inc.", "CRONUS UK Ltd.", "CRONUS Danmark A/S"} {
		if n := strings.Count(end, c+":"); n != 1 {
			t.Errorf("%q on %d lines, want one line updated in place:\n%s", c, n, end)
		}
		if !strings.Contains(end, "✓ "+c+":") {
			t.Errorf("%q not marked done:\n%s", c, end)
		}
	}
	if !strings.Contains(end, "(100%)") {
		t.Errorf("no company at 100%%:\n%s", end)
	}
}
