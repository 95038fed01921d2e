package spend

import (
	"strings"

	"github.com/bcspend/bcspend/store"
)

// Users is the Users screen: every stored BC user, removed ones included
// (marked), ordered by user name.
func (m *Model) Users() []UserRow {
	rows := make([]UserRow, len(m.users))
	for i := range m.users {
		rows[i] = userRow(&m.users[i])
		rows[i].Connection = m.connNames[rows[i].ConnectionID]
	}
	return rows
}

// Key tells users apart across connections: a user security id is unique
// in one environment only.
func (u *UserRow) Key() string { return u.ConnectionID + "/" + u.UserSecurityID }

func userRow(u *store.User) UserRow {
	return UserRow{ConnectionID: u.ConnectionID,
		UserName: u.UserName, DisplayName: u.DisplayName, Email: u.Email,
		Active: u.Active, MissingEmail: u.MissingEmail, Removed: u.Removed,
		Application:    isApplicationUser(u),
		UserSecurityID: u.UserSecurityID, State: u.State, FirstSeen: u.FirstSeen, RemovedAt: u.RemovedAt,
	}
}

// appWords are what BC's application and agent users are called: Entra
// apps registered in BC, BC's own service users, copilot agents.
var appWords = []string{"app", "application", "agent", "service", "integration", "api", "bot", "connector", "automation", "sync"}

// isApplicationUser guesses that a user is an application or agent, not a
// person: BC's user list does not say. Such users usually lack an email and
// carry one of appWords as a word of their names, or a GUID as a name.
func isApplicationUser(u *store.User) bool {
	if u.Email != "" {
		return false
	}
	for _, name := range []string{u.UserName, u.DisplayName} {
		if looksLikeGUID(name) {
			return true
		}
		for _, w := range strings.FieldsFunc(strings.ToLower(name), notAlnum) {
			for _, a := range appWords {
				if w == a {
					return true
				}
			}
		}
	}
	return false
}

func notAlnum(r rune) bool {
	return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
}

func looksLikeGUID(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case i == 8 || i == 13 || i == 18 || i == 23:
			if c != '-' {
				return false
			}
		case c >= '0' && c <= '9', c >= 'a' && c <= 'f', c >= 'A' && c <= 'F':
		default:
			return false
		}
	}
	return true
}
