package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/bcspend/bcspend/spend"

	"github.com/bcspend/bcspend/money"
)

// userFilter is the status choice on the Users screen.
type userFilter int

const (
	usersAll userFilter = iota
	usersActive
	usersDisabled
	usersNoEmail
	numUserFilters
)

var userFilterNames = [numUserFilters]string{"all", "active", "disabled", "missing email"}

// usersScreen lists BC users with the flags that matter for tying spend to
// people.
type usersScreen struct {
	tableBase
	g       grid[spend.UserRow]
	show    userFilter
	noEmail int
	off     int
}

func newUsersScreen(c *common) *usersScreen {
	s := &usersScreen{g: newGrid(userColumns(), 0, false, "No users yet: press "+keyName(c.keys.Refresh)+" to sync.")}
	s.g.keyOf, s.g.clearKey = (*spend.UserRow).Key, keyName(c.keys.Back)
	s.tableBase = tableBase{c: c, name: "users", t: &s.g}
	return s
}

func userStatus(u *spend.UserRow) string {
	switch {
	case u.Removed:
		return "removed"
	case !u.Active:
		return "disabled"
	}
	return "active"
}

func userFlags(u *spend.UserRow) string {
	var f []string
	if u.MissingEmail || u.Email == "" {
		f = append(f, "⚠ no email")
	}
	if !u.Active {
		f = append(f, "✗ disabled")
	}
	if u.Application {
		f = append(f, "app/agent")
	}
	return strings.Join(f, ", ")
}

func userColumns() []column[spend.UserRow] {
	str := func(f func(*spend.UserRow) string) func(a, b *spend.UserRow) int {
		return func(a, b *spend.UserRow) int { return strings.Compare(strings.ToLower(f(a)), strings.ToLower(f(b))) }
	}
	email := func(u *spend.UserRow) string { return orDash(u.Email, "-") }
	name := func(u *spend.UserRow) string { return orDash(u.DisplayName, u.UserName) }
	return []column[spend.UserRow]{
		{title: "Email", minW: 22, flex: true, text: email, cmp: str(email)},
		{title: "Name", width: 18, text: name, cmp: str(name)},
		{title: "User name", width: 14, prio: 2, text: func(u *spend.UserRow) string { return u.UserName },
			cmp: str(func(u *spend.UserRow) string { return u.UserName })},
		{title: "Status", width: 8, text: userStatus, cmp: str(userStatus)},
		{title: "Flags", width: 26, prio: 1, text: userFlags, cmp: str(userFlags)},
		connectionColumn(false),
	}
}

// userConnCol is the Connection column: shown with two connections or more,
// where the same person can be a user of two environments.
const userConnCol = 5

func connectionColumn(shown bool) column[spend.UserRow] {
	conn := func(u *spend.UserRow) string { return u.Connection }
	return column[spend.UserRow]{title: "Connection", width: 16, prio: 3, hidden: !shown, text: conn,
		cmp: func(a, b *spend.UserRow) int {
			return strings.Compare(strings.ToLower(conn(a)), strings.ToLower(conn(b)))
		}}
}

func (s *usersScreen) SetData(rows []spend.UserRow, hay []string) {
	s.g.setColumn(userConnCol, connectionColumn(len(s.c.info.Connections) > 1))
	s.g.SetIndexed(rows, hay)
	s.noEmail, s.off = 0, 0
	for i := range rows {
		if rows[i].MissingEmail || rows[i].Email == "" {
			s.noEmail++
		}
		if !rows[i].Active {
			s.off++
		}
	}
}

func (s *usersScreen) SetSize(w, h int) { s.g.SetSize(w, h-2) }

func (s *usersScreen) Update(msg tea.KeyPressMsg) tea.Cmd {
	if cmd, ok := s.key(msg); ok {
		return cmd
	}
	switch {
	case key.Matches(msg, s.c.keys.Status):
		s.setShow((s.show + 1) % numUserFilters)
	case key.Matches(msg, s.c.keys.Refresh):
		return s.c.post(startSyncMsg{trigger: "manual"})
	}
	return nil
}

func (s *usersScreen) setShow(f userFilter) {
	s.show = f
	switch f {
	case usersActive:
		s.g.SetScope(func(u *spend.UserRow) bool { return u.Active })
	case usersDisabled:
		s.g.SetScope(func(u *spend.UserRow) bool { return !u.Active })
	case usersNoEmail:
		s.g.SetScope(func(u *spend.UserRow) bool { return u.MissingEmail || u.Email == "" })
	default:
		s.g.SetScope(nil)
	}
}

func (s *usersScreen) Click(x, y int) tea.Cmd {
	s.clickRow(x, y-1)
	return nil
}

func (s *usersScreen) View() string {
	st := &s.c.st
	note := st.Dim.Render(" Every user has a contact email.")
	if s.noEmail > 0 {
		note = st.Warn.Render(" ⚠ "+money.Plural(s.noEmail, "user has", "users have")+" no contact email") +
			": their spend can't be tied to a person."
	}
	return s.caption("BC users · showing "+userFilterNames[s.show]+" · "+keyName(s.c.keys.Status)+" cycles all/active/disabled/missing email") +
		"\n" + note + "\n" + s.g.View(st)
}

func (s *usersScreen) HelpKeys() []key.Binding {
	return s.helpKeys(s.c.keys.Status)
}

func (s *usersScreen) Breadcrumb() string {
	if s.show != usersAll {
		return "Users › " + userFilterNames[s.show]
	}
	return "Users"
}

func (s *usersScreen) Status() []seg {
	return append(s.status("user"), seg{money.Plural(s.off, "disabled", "disabled"), 3})
}
