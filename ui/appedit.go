package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// AppEditor is what a backend offers to change a custom application from
// the Applications screen (R renames, C recategorises), as `bcspend apps
// rename|recategorise` does: a rename takes the app's rules with it. A
// backend without it leaves those keys explaining that they are not
// available.
type AppEditor interface {
	RenameApp(old, name string) error
	RecategoriseApp(name, category string) error
}

// appEdit is a rename or recategorisation being typed on the caption line.
type appEdit struct {
	app      string
	category bool // recategorise; false renames
	in       input
}

// editedMsg ends an edit: what changed (for the toast) or why not.
type editedMsg struct {
	app, done string
	err       error
}

// startEdit begins editing the selected application, if it is custom.
func (s *appsScreen) startEdit(category bool) tea.Cmd {
	r, ok := s.grid().Selected()
	if !ok {
		return nil
	}
	what := "renamed"
	if category {
		what = "recategorised"
	}
	if !s.custom(r.App) {
		return s.c.post(toastMsg{r.App + " is a catalog application: only custom ones can be " + what + "."})
	}
	if _, ok := s.c.b.(AppEditor); !ok {
		return s.c.post(toastMsg{"This backend cannot change applications; use 'bcspend apps' instead."})
	}
	s.edit = &appEdit{app: r.App, category: category}
	if category {
		s.edit.in.value = r.Category
	} else {
		s.edit.in.value = r.App
	}
	return nil
}

// editKey types into the edit; enter saves (through the backend, in a
// command), esc cancels.
func (s *appsScreen) editKey(msg tea.KeyPressMsg) tea.Cmd {
	e, k := s.edit, &s.c.keys
	switch {
	case key.Matches(msg, k.Back):
		s.edit = nil
		return nil
	case key.Matches(msg, k.Enter):
		s.edit = nil
		v := strings.TrimSpace(e.in.value)
		if v == "" {
			return s.c.post(toastMsg{"Nothing changed: the new value is empty."})
		}
		ed := s.c.b.(AppEditor)
		if e.category {
			return func() tea.Msg {
				return editedMsg{app: e.app, done: e.app + " is now in " + v + ".", err: ed.RecategoriseApp(e.app, v)}
			}
		}
		if v == e.app {
			return nil
		}
		return func() tea.Msg {
			return editedMsg{app: e.app, done: "Renamed " + e.app + " to " + v + ", its rules with it.", err: ed.RenameApp(e.app, v)}
		}
	}
	e.in.Update(msg, k)
	return nil
}

// editView is the caption line while an edit is typed.
func (s *appsScreen) editView() string {
	st := &s.c.st
	label := " Rename " + s.edit.app + " to: "
	if s.edit.category {
		label = " Category of " + s.edit.app + ": "
	}
	k := s.c.keys
	hint := "   " + hint(relabel(k.Enter, "save"), relabel(k.Back, "cancel"))
	return st.Accent.Render(label) + s.edit.in.View(true, s.c.width-width(label)-width(hint)-1) + st.Dim.Render(hint)
}

// Editing: a rename or recategorisation has the keys, like the filter.
func (s *appsScreen) Editing() bool { return s.edit != nil || s.tableBase.Editing() }
