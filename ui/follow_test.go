package ui

import (
	"strings"
	"sync"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/bcspend/bcspend/spend"
)

// followFake is the fake backend with another process writing its data:
// commit adds transactions the way a sync elsewhere would and makes the
// next Changed report it.
type followFake struct {
	*fakeBackend
	mu      sync.Mutex
	what    string
	pending bool
	looks   int
}

func (f *followFake) Changed() (string, bool, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.looks++
	ch := f.pending
	f.pending = false
	return f.what, ch, nil
}

func (f *followFake) commit(what string, txs ...spend.Transaction) {
	f.fakeBackend.mu.Lock()
	f.base = append(append([]spend.Transaction(nil), txs...), f.base...)
	f.derive()
	f.fakeBackend.mu.Unlock()
	f.mu.Lock()
	f.what, f.pending = what, true
	f.mu.Unlock()
}

func selectedID(t *testing.T, m Model) string {
	t.Helper()
	sel, ok := m.txs.g.Selected()
	if !ok {
		t.Fatal("no transaction selected")
	}
	return sel.ID
}

// Another process commits while the console is open: the next look (the
// tick's message, sent here instead of waiting for it) reloads in the
// background; the cursor stays on its transaction although new rows sort
// above it, the filter and the sort stay, and a toast says what changed.
func TestAnotherProcessesCommitIsFollowed(t *testing.T) {
	f := &followFake{fakeBackend: newFake(400)}
	m := New(f, testOpts()...)
	m = step(m, tea.WindowSizeMsg{Width: 120, Height: 30})
	m = drive(m, loadCmd(f))
	m = press(m, "2", "s", "S") // Transactions, sorted by the next column, reversed
	m = press(m, "/")
	m = typeText(m, "slack")
	m = press(m, "enter", "j", "j", "j")
	sortBefore, filterBefore, rowsBefore := m.txs.g.SortLabel(), m.txs.g.filter, m.txs.g.Len()
	id := selectedID(t, m)

	// Three new Slack invoices that sort first in every order shown.
	var news []spend.Transaction
	for _, n := range []string{"new-1", "new-2", "new-3"} {
		tx := f.derived[0]
		for _, d := range f.derived {
			if strings.Contains(strings.ToLower(d.VendorName), "slack") {
				tx = d
				break
			}
		}
		tx.ID, tx.InvoiceID = n, n
		news = append(news, tx)
	}
	f.commit("sync: 3 new invoices", news...)

	m = drive(m, emit(followTickMsg{}))
	if f.looks != 1 {
		t.Fatalf("looked %d times; want 1", f.looks)
	}
	if got := m.txs.g.Len(); got != rowsBefore+3 {
		t.Fatalf("rows after the reload = %d; want %d", got, rowsBefore+3)
	}
	if got := selectedID(t, m); got != id {
		t.Errorf("cursor on %s after the reload; want it kept on %s", got, id)
	}
	if m.txs.g.SortLabel() != sortBefore || m.txs.g.filter != filterBefore {
		t.Errorf("sort %q filter %q; want %q %q", m.txs.g.SortLabel(), m.txs.g.filter, sortBefore, filterBefore)
	}
	if !strings.Contains(screenText(m), "sync: 3 new invoices") {
		t.Errorf("no toast:\n%s", screenText(m))
	}

	// Nothing changed: a look reloads nothing and says nothing.
	toasts := len(m.toasts)
	m = drive(m, emit(followTickMsg{}))
	if f.looks != 2 || len(m.toasts) != toasts {
		t.Errorf("a quiet look: %d looks, %d toasts (was %d)", f.looks, len(m.toasts), toasts)
	}
}

// While the console's own sync runs it does not look: it reloads when
// that sync ends anyway.
func TestNoLookDuringTheConsolesOwnSync(t *testing.T) {
	f := &followFake{fakeBackend: newFake(40)}
	f.syncGate = make(chan struct{})
	m := New(f, testOpts()...)
	m = step(m, tea.WindowSizeMsg{Width: 120, Height: 30})
	m = drive(m, loadCmd(f))
	nm, _ := m.Update(startSyncMsg{trigger: "manual"}) // its work blocks on the gate; not run here
	m = nm.(Model)
	if !m.sync.Running() {
		t.Fatal("sync did not start")
	}
	m = drive(m, emit(followTickMsg{}))
	if f.looks != 0 {
		t.Fatalf("looked %d times during the console's own sync", f.looks)
	}
}

// A backend that cannot be followed (the fakes, the demo's) gets no tick.
func TestNoFollowTickWithoutAFollower(t *testing.T) {
	if followTick(&common{b: newFake(1), after: testTimer}) != nil {
		t.Fatal("a tick for a backend without Changed")
	}
	if followTick(&common{b: &followFake{fakeBackend: newFake(1)}, after: testTimer}) == nil {
		t.Fatal("no tick for a Follower")
	}
}

// The sync screen says what a sync waits for.
func TestTheSyncScreenShowsWhatItWaitsFor(t *testing.T) {
	f := newFake(40)
	m := New(f, testOpts()...)
	m = step(m, tea.WindowSizeMsg{Width: 120, Height: 30})
	m = drive(m, loadCmd(f))
	m.sync.running, m.sync.run = true, 7
	m.sync.Progress(7, SyncProgress{Waiting: "waiting for the sync of pid 4242 to finish"})
	m.tab = tabSync
	if s := screenText(m); !strings.Contains(s, "Waiting: waiting for the sync of pid 4242 to finish") {
		t.Fatalf("sync screen:\n%s", s)
	}
	m.sync.Progress(7, SyncProgress{Company: "CRONUS USA, Inc.", Invoices: 20})
	if s := screenText(m); strings.Contains(s, "pid 4242") {
		t.Fatalf("still waiting after progress:\n%s", s)
	}
}
