package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/bcspend/bcspend/bc"
	"github.com/bcspend/bcspend/bc/bcsim"
	"github.com/bcspend/bcspend/money"
	"github.com/bcspend/bcspend/store"
	"github.com/bcspend/bcspend/ui"
)

// One file, several processes (docs/STORAGE.md, "Sharing the file"): the
// console open while a sync runs in another process, two syncs at once,
// and either killed at any point.

// consoleOn opens the console over the real backend on dbPath, the way
// runConsole does, and waits for its data.
func consoleOn(t *testing.T, g []string, dbPath string) *consoleRun {
	t.Helper()
	db, err := store.Open(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	cat, err := startCatalog(db)
	if err != nil {
		t.Fatal(err)
	}
	b := newBackendWith(db, &globals{DB: dbPath, AuthorityURL: g[3], APIURL: g[5]}, cat)
	b.keyring, b.exportTo = nil, t.TempDir()
	r := startConsole(t, b, 140, 40)
	r.loaded()
	return r
}

// addPaid adds n paid invoices dated today to the tenant's first company,
// each with a description that says which it is.
func addPaid(t *testing.T, ten *bcsim.Tenant, n int, what string) {
	t.Helper()
	co := ten.Companies()[0].ID
	v := ten.Vendors(co)[0]
	now := ten.Now()
	day := bc.NewDate(now.Year(), now.Month(), now.Day())
	for i := range n {
		_, err := ten.AddInvoice(co, bc.PurchaseInvoice{InvoiceDate: day, PostingDate: day, Status: bc.StatusPaid,
			VendorID: v.ID, VendorNumber: v.Number, VendorName: v.DisplayName,
			Lines: []bc.PurchaseInvoiceLine{{Description: fmt.Sprintf("%s %d", what, i+1), Quantity: money.NewDecimal(1, 0),
				UnitCost: money.MustParseDecimal("99"), NetAmount: money.Amount(990000)}}})
		if err != nil {
			t.Fatal(err)
		}
	}
}

// The console is open (idle, showing its data) while `bcspend sync` runs
// in another process: the sync gets the file and succeeds, and the
// console, asked to look (as its tick does every 2 s), reloads and shows
// the new invoices with a toast saying how many.
func TestASyncInAnotherProcessWhileTheConsoleIsOpen(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns processes; skipped with -short")
	}
	ten, g, dbPath := connected(t, bcsim.Config{InvoicesPerMonth: 8})
	if code, out, errOut := cli(t, "", append(append([]string{}, g...), "sync")...); code != 0 {
		t.Fatalf("first sync: exit %d\n%s%s", code, out, errOut)
	}
	r := consoleOn(t, g, dbPath)

	addPaid(t, ten, 3, "Shared-file seat")
	if code := runChildToEnd(t, append(append([]string{}, g...), "sync")); code != 0 {
		t.Fatalf("sync in another process with the console open: exit %d", code)
	}
	r.Send(ui.FollowMsg{})
	r.waitFor("sync: 3 new invoices")
	r.keys("2")
	r.typeText("/Shared-file")
	r.keys("enter")
	r.waitUntil(func(s string) bool {
		return strings.Contains(s, `filter "Shared-file" │`) && strings.Contains(s, "│ 3 of ") && strings.Count(s, "Shared-file…") == 3
	})
	r.finish()
}

// child is a bcspend process whose stderr is read line by line.
type child struct {
	cmd   *exec.Cmd
	out   *bytes.Buffer
	lines chan string // stderr, closed at its end
	done  chan error  // Wait's result
}

func startChild(t *testing.T, args []string) *child {
	t.Helper()
	c := &child{cmd: childCommand(t, args), out: &bytes.Buffer{}, lines: make(chan string, 1000), done: make(chan error, 1)}
	c.cmd.Stdout = c.out
	stderr, err := c.cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := c.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = c.cmd.Process.Kill() })
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			c.lines <- sc.Text()
		}
		close(c.lines)
		c.done <- c.cmd.Wait()
	}()
	return c
}

// waitLine reads stderr up to the first line containing want; the lines
// before it are returned with it. A child that ends first fails the test.
func (c *child) waitLine(t *testing.T, want string) []string {
	t.Helper()
	var seen []string
	for l := range c.lines {
		seen = append(seen, l)
		if strings.Contains(l, want) {
			return seen
		}
	}
	t.Fatalf("the child ended without printing %q; stderr:\n%s", want, strings.Join(seen, "\n"))
	return nil
}

// exit drains stderr and returns the exit code.
func (c *child) exit(t *testing.T) (int, string) {
	t.Helper()
	var rest []string
	for l := range c.lines {
		rest = append(rest, l)
	}
	err := <-c.done
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return code, strings.Join(rest, "\n")
}

func (c *child) pid() int { return c.cmd.Process.Pid }

func argsWith(g []string, extra ...string) []string {
	return append(append([]string{}, g...), extra...)
}

// A sync that finds another one running waits for it, saying whom it
// waits for, and then runs; with --wait too short it exits 4, which a
// script tells from failure. The holder here is this test process, so the
// outcome does not depend on how long a sync takes.
func TestASyncWaitsForTheRunningOneOrExitsBusy(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns processes; skipped with -short")
	}
	_, g, dbPath := connected(t, bcsim.Config{InvoicesPerMonth: 4})
	lock, err := store.LockSync(context.Background(), dbPath, time.Second, nil)
	if err != nil {
		t.Fatal(err)
	}
	me := fmt.Sprintf("waiting for the sync of pid %d", os.Getpid())

	busy := startChild(t, argsWith(g, "sync", "--wait", "300ms"))
	code, errOut := busy.exit(t)
	if code != exitBusy || !strings.Contains(errOut, me) || !strings.Contains(errOut, "is busy: the sync of pid") ||
		!strings.Contains(errOut, "what to do: wait for that sync to finish") {
		t.Fatalf("sync --wait 300ms with a sync running: exit %d (want %d)\n%s", code, exitBusy, errOut)
	}
	// Busy is not failure: nothing was written, no run recorded.
	if db, err := store.Open(dbPath); err != nil {
		t.Fatal(err)
	} else if _, ok, _ := db.LastRun(); ok {
		t.Fatal("the busy sync recorded a run")
	} else {
		db.Close()
	}

	waiter := startChild(t, argsWith(g, "sync"))
	waiter.waitLine(t, me)
	lock.Release()
	if code, errOut := waiter.exit(t); code != 0 || !strings.HasPrefix(waiter.out.String(), "sync ok") {
		t.Fatalf("the waiting sync: exit %d\n%s\n%s", code, waiter.out, errOut)
	}
}

// Two real syncs at once: the second waits for the first (it must have
// waited, or the test proves nothing), both succeed, and the history has
// two ok runs and no run closed as interrupted by the other.
func TestTwoSyncsAtOnceRunOneAfterTheOther(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns processes; skipped with -short")
	}
	_, g, dbPath := connected(t, bcsim.Config{Latency: 15 * time.Millisecond, InvoicesPerMonth: 40})
	first := startChild(t, argsWith(g, "sync", "--page-size", "15"))
	first.waitLine(t, " committed, ")
	second := startChild(t, argsWith(g, "sync", "--page-size", "15"))
	second.waitLine(t, fmt.Sprintf("waiting for the sync of pid %d", first.pid()))
	if code, errOut := first.exit(t); code != 0 {
		t.Fatalf("first sync: exit %d\n%s", code, errOut)
	}
	if code, errOut := second.exit(t); code != 0 {
		t.Fatalf("second sync: exit %d\n%s", code, errOut)
	}
	db, err := store.Open(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	runs, _ := db.Runs(10)
	if len(runs) != 2 || runs[0].Outcome != store.OutcomeOK || runs[1].Outcome != store.OutcomeOK || !runs[0].Start.After(runs[1].End.Add(-time.Second)) {
		t.Fatalf("history %+v; want two ok runs, one after the other", runs)
	}
}

// The running sync is SIGKILLed while another waits for it: the kernel
// drops its lock, the waiting one takes over, closes the killed run as
// interrupted and resumes it to the end. Then the waiter is SIGKILLed
// while waiting on a holder: nothing of it is in the file.
func TestAKilledSyncHandsOverToTheWaitingOne(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns processes; skipped with -short")
	}
	_, g, dbPath := connected(t, bcsim.Config{Latency: 15 * time.Millisecond, InvoicesPerMonth: 40})
	first := startChild(t, argsWith(g, "sync", "--page-size", "15"))
	first.waitLine(t, "page 2 committed")
	second := startChild(t, argsWith(g, "sync", "--page-size", "15"))
	second.waitLine(t, fmt.Sprintf("waiting for the sync of pid %d", first.pid()))
	if err := first.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	first.exit(t)
	if code, errOut := second.exit(t); code != 0 || !strings.Contains(errOut, "resuming an interrupted run") {
		t.Fatalf("the waiting sync after the holder was killed: exit %d\n%s", code, errOut)
	}

	lock, err := store.LockSync(context.Background(), dbPath, time.Second, nil)
	if err != nil {
		t.Fatal(err)
	}
	waiter := startChild(t, argsWith(g, "sync"))
	waiter.waitLine(t, "waiting for the sync of pid")
	if err := waiter.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	waiter.exit(t)
	lock.Release()

	db, err := store.Open(dbPath)
	if err != nil {
		t.Fatalf("the file after the kills: %v", err)
	}
	defer db.Close()
	runs, _ := db.Runs(10)
	if len(runs) != 2 || runs[0].Outcome != store.OutcomeOK || runs[1].Outcome != store.OutcomeFailed {
		t.Fatalf("history %+v; want the killed run closed as failed, then ok", runs)
	}
	conn, _, _ := db.Connection()
	for _, c := range conn.Companies {
		if st, _, _ := db.SyncState(c.ID); st.InProgress {
			t.Errorf("%s is still in progress after the resumed sync", c.Name)
		}
	}
	if code, out, errOut := cli(t, "", argsWith(g, "sync")...); code != 0 {
		t.Fatalf("a sync after everything: exit %d\n%s%s", code, out, errOut)
	}
}

// A command that is not a sync waits for the file's lock up to --wait,
// saying so, then exits 4. The holder is a raw writable bbolt handle: an
// older bcspend that keeps the file open while it runs.
func TestACommandWaitsForTheFileThenExitsBusy(t *testing.T) {
	_, g, dbPath := connected(t, bcsim.Config{InvoicesPerMonth: 2})
	held, err := bolt.Open(dbPath, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	code, out, errOut := cli(t, "", argsWith(g, "status", "--wait", "200ms")...)
	if code != exitBusy || !strings.Contains(errOut, "bcspend: waiting for another process (up to 200ms; --wait changes it)") ||
		!strings.Contains(errOut, "is busy: another process holds it") {
		t.Fatalf("status with the file held: exit %d (want %d)\n%s%s", code, exitBusy, out, errOut)
	}
	held.Close()
	if code, out, errOut := cli(t, "", argsWith(g, "status")...); code != 0 {
		t.Fatalf("status after the holder let go: exit %d\n%s%s", code, out, errOut)
	}
}

// The console's own sync, started while another process syncs, waits for
// it with the holder on the Sync screen, then runs.
func TestTheConsolesSyncWaitsForAScheduledOne(t *testing.T) {
	_, g, dbPath := connected(t, bcsim.Config{InvoicesPerMonth: 4})
	db, err := store.Open(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	cat, err := startCatalog(db)
	if err != nil {
		t.Fatal(err)
	}
	b := newBackendWith(db, &globals{DB: dbPath, AuthorityURL: g[3], APIURL: g[5]}, cat)
	b.keyring = nil
	lock, err := store.LockSync(context.Background(), dbPath, time.Second, nil)
	if err != nil {
		t.Fatal(err)
	}
	waiting := make(chan string, 1)
	type result struct {
		sum ui.SyncSummary
		err error
	}
	done := make(chan result)
	go func() {
		sum, err := b.Sync(context.Background(), func(p ui.SyncProgress) {
			if p.Waiting != "" {
				waiting <- p.Waiting
			}
		})
		done <- result{sum, err}
	}()
	select {
	case w := <-waiting:
		if want := fmt.Sprintf("waiting for the sync of pid %d to finish", os.Getpid()); w != want {
			t.Fatalf("on screen: %q; want %q", w, want)
		}
	case r := <-done:
		t.Fatalf("the console's sync ran beside the other one: %+v, %v", r.sum, r.err)
	}
	lock.Release()
	if r := <-done; r.err != nil || r.sum.Invoices == 0 {
		t.Fatalf("the console's sync after the other ended: %+v, %v", r.sum, r.err)
	}
}
