package ui

import (
	tea "charm.land/bubbletea/v2"

	"github.com/bcspend/bcspend/insights"
	"github.com/bcspend/bcspend/spend"
)

// overviewIntent handles the Overview's messages: a fresh report, and a
// finding opened.
func (m *Model) overviewIntent(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case insightsMsg:
		m.ov.Loaded(msg)
	case findingMsg:
		m.txs.ShowFinding(msg.crumb, msg.ids)
		m.txs.from = m.tab // the Overview or the Renewals
		m.tab = tabTx
	case usersFindingMsg:
		m.users.setShow(usersNoEmail)
		m.tab = tabUsers
	case dismissedMsg:
		if msg.err != nil {
			return m.toast("Could not dismiss " + msg.what + ": " + errText(msg.err))
		}
		return tea.Batch(m.toast("Dismissed "+msg.what+"; it shows again if it changes."), m.ov.Load())
	}
	return nil
}

// dismissedMsg says a finding was dismissed (or why not).
type dismissedMsg struct {
	what string
	err  error
}

// dismissCmd stores a dismissal off the Update loop.
func dismissCmd(b Backend, id insights.Ident, what string) tea.Cmd {
	return func() tea.Msg { return dismissedMsg{what: what, err: b.Dismiss(id.Key, id.Fingerprint)} }
}

// ShowFinding scopes the list to exactly the transactions behind an
// Overview finding; the filter is cleared so none of them hides. esc goes
// back to the Overview.
func (s *txScreen) ShowFinding(crumb string, ids []string) {
	set := make(map[string]struct{}, len(ids))
	for _, id := range ids {
		set[id] = struct{}{}
	}
	s.app, s.finding = "", crumb
	s.editing, s.filter.value = false, ""
	s.g.SetFilter("")
	s.g.SetScope(func(t *spend.Transaction) bool { _, ok := set[t.ID]; return ok })
}
