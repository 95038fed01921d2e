package ui

import (
	"time"

	tea "charm.land/bubbletea/v2"
)

// Following the file: the console holds no lock while it shows data, so
// other processes write the file meanwhile (a scheduled sync, a rule added
// from the command line). Every FollowInterval it asks the backend whether
// anything changed; when it did, the tables are read again in the
// background (each keeps its cursor, filter and sort, as after a fix) and
// a toast says what changed once the new data is on screen.

// Follower is implemented by a Backend whose data other processes can
// change. Changed must be cheap when nothing changed (the console calls it
// every FollowInterval); when something did, it reports it in one line
// ("sync: 12 new invoices") and the next reads return the new data.
type Follower interface {
	Changed() (what string, changed bool, err error)
}

// FollowInterval is how often the console looks for other processes'
// commits.
const FollowInterval = 2 * time.Second

// FollowMsg makes the console look for other processes' changes at once,
// as the tick does every FollowInterval (tests send it rather than wait).
type FollowMsg struct{}

type (
	followTickMsg struct{}
	followedMsg   struct {
		what    string
		changed bool
	}
)

// followTick arms the next look, when the backend can be followed.
func followTick(c *common) tea.Cmd {
	if _, ok := c.b.(Follower); !ok {
		return nil
	}
	return c.after(FollowInterval, followTickMsg{})
}

// followLook asks the backend, unless the console is busy with its own
// changes (the wizard, its own sync: it reloads after them anyway) or a
// look is still out.
func (m *Model) followLook(rearm bool) tea.Cmd {
	var next tea.Cmd
	if rearm {
		next = followTick(m.c)
	}
	f, ok := m.c.b.(Follower)
	if !ok || m.mode != modeMain || !m.loaded || m.sync.Running() || m.following {
		return next
	}
	m.following = true
	return tea.Batch(next, func() tea.Msg {
		what, changed, err := f.Changed()
		// An error (the file is briefly unreadable) is not shown: the
		// next look tries again, and a real problem shows when a read fails.
		return followedMsg{what: what, changed: changed && err == nil}
	})
}

// followed reloads after another process's change; the toast waits for
// the data it describes.
func (m *Model) followed(msg followedMsg) tea.Cmd {
	m.following = false
	if !msg.changed {
		return nil
	}
	m.followNote = msg.what
	return loadCmd(m.c.b)
}

// followToast is the pending change note, shown when its data arrived.
func (m *Model) followToast() tea.Cmd {
	if m.followNote == "" {
		return nil
	}
	note := m.followNote
	m.followNote = ""
	return m.toast(note)
}
