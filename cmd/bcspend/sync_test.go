package main

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/bcspend/bcspend/bc/bcsim"
	"github.com/bcspend/bcspend/store"
	"github.com/bcspend/bcspend/syncer"
)

// connected starts a tenant and connects a fresh database to it.
func connected(t *testing.T, cfg bcsim.Config) (*bcsim.Tenant, []string, string) {
	t.Helper()
	ten, g, db := simArgs(t, cfg)
	if code, out, errOut := cli(t, bcsim.ClientSecret, connectArgs(g, bcsim.ClientID, "client-credentials", "--client-secret-stdin")...); code != 0 {
		t.Fatalf("connect: exit %d\n%s%s", code, out, errOut)
	}
	return ten, g, db
}

func TestSyncPrintsOneSummaryLineAndJSON(t *testing.T) {
	_, g, _ := connected(t, bcsim.Config{InvoicesPerMonth: 20})
	code, out, errOut := cli(t, "", append(g, "sync", "--page-size", "50")...)
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	if lines := strings.Split(strings.TrimSpace(out), "\n"); len(lines) != 1 || !strings.HasPrefix(lines[0], "sync ok in ") ||
		!strings.Contains(lines[0], "3 companies") {
		t.Errorf("stdout is not one summary line:\n%s", out)
	}
	if !strings.Contains(errOut, "backfill") || !strings.Contains(errOut, "page 2 committed") || !strings.Contains(errOut, ": done,") {
		t.Errorf("stderr progress:\n%s", errOut)
	}

	code, out, errOut = cli(t, "", append(g, "sync", "--json")...)
	var sum syncer.Summary
	if code != 0 || json.Unmarshal([]byte(out), &sum) != nil {
		t.Fatalf("exit %d, stdout not JSON:\n%s%s", code, out, errOut)
	}
	if sum.Outcome != store.OutcomeOK || len(sum.Companies) != 3 || sum.Companies[0].Mode != store.ModeIncremental || sum.Users == nil {
		t.Errorf("JSON summary %+v", sum)
	}
}

func TestSyncNeedingTheAdminExitsThreeWithTheRemedy(t *testing.T) {
	// Tokens shorter than the client's renewal margin, so the secret is
	// needed again at every request; it expires while the first vendor
	// list (fetched with a company's first page) is being served.
	ten, g, _ := connected(t, bcsim.Config{InvoicesPerMonth: 20, TokenLifetime: 1500 * time.Millisecond, Latency: 10 * time.Millisecond})
	ten.ResetStats() // connect's probe read invoices already
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		for ten.Stats().Paths["vendors"] == 0 {
			select {
			case <-stop:
				return
			case <-time.After(time.Millisecond):
			}
		}
		ten.SetFaults(bcsim.Faults{ExpireSecret: true})
	}()
	code, out, errOut := cli(t, "", append(g, "sync", "--page-size", "200")...) // a vendor list fits one page
	if code != exitAdmin || !strings.Contains(errOut, "expired") || !strings.Contains(errOut, "what to do: Create a new client secret") {
		t.Fatalf("exit %d (want 3)\nstdout: %s\nstderr: %s", code, out, errOut)
	}
	if !strings.HasPrefix(out, "sync failed") && !strings.HasPrefix(out, "sync partial") {
		t.Errorf("stdout: %q; want the summary line even when the run failed", out)
	}
	if strings.Contains(out, " 0 invoices fetched") {
		t.Errorf("stdout: %q; the secret was to expire after the first page, not before", out)
	}

	// BCSPEND_CLIENT_SECRET overrides the stored secret: a wrong one is refused.
	ten.SetFaults(bcsim.Faults{})
	t.Setenv("BCSPEND_CLIENT_SECRET", "wrong~secret-value-0123456789abcdefghijk")
	if code, _, errOut := cli(t, "", append(g, "sync")...); code != exitAdmin || !strings.Contains(errOut, "what to do:") {
		t.Fatalf("wrong override secret: exit %d\n%s", code, errOut)
	}
	t.Setenv("BCSPEND_CLIENT_SECRET", bcsim.ClientSecret)
	if code, out, errOut := cli(t, "", append(g, "sync")...); code != 0 {
		t.Fatalf("right override secret: exit %d\n%s%s", code, out, errOut)
	}
}

func TestSyncWithoutConnectionTellsToConnect(t *testing.T) {
	_, g, _ := simArgs(t, bcsim.Config{})
	code, _, errOut := cli(t, "", append(g, "sync")...)
	if code != exitAdmin || !strings.Contains(errOut, "bcspend connect") {
		t.Fatalf("exit %d\n%s", code, errOut)
	}
	if code, _, _ := cli(t, "", append(g, "sync", "extra")...); code != exitUsage {
		t.Errorf("extra argument: exit %d", code)
	}
}
