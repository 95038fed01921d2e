package main

import (
	"os"
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
	tmux, bin := tmuxBinary(t)
	_, g, _ := connected(t, bcsim.Config{Latency: 40 * time.Millisecond, InvoicesPerMonth: 60})
	script := "BCSPEND_KEYRING=off TERM=xterm-256color " + bin + " " + strings.Join(g, " ") +
		" sync --page-size 20; echo BCSPEND_EXIT=$?; sleep 60"
	tt := startTmux(t, tmux, "bcspend-sync-test", 120, 20, script)
	mid := tt.waitUntil("every company part-way", time.Minute, func(s string) bool {
		return strings.Count(s, "invoices (") >= 3 && strings.Contains(s, "all: ") &&
			strings.Contains(s, "… CRONUS") && !strings.Contains(s, "BCSPEND_EXIT")
	})
	t.Logf("mid-run capture:\n%s", mid)
	if os.Getenv("BCSPEND_TMUX_CAPTURE") != "" {
		_ = os.WriteFile(os.Getenv("BCSPEND_TMUX_CAPTURE"), []byte(mid), 0o644)
	}
	end := tt.waitUntil("the exit", time.Minute, func(s string) bool { return strings.Contains(s, "BCSPEND_EXIT=") })
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
