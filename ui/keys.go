package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// KeyMap is every key binding of the console, one source for behaviour and
// help: no screen compares a key with a literal, and every hint on screen
// (help bar, full help, a dialog's foot, "press r to sync") names the key
// from here, so a rebinding (WithKeyMap) changes both.
type KeyMap struct {
	// Lists and tables.
	Up, Down, Top, Bottom, PageUp, PageDown key.Binding
	Filter, Sort, Reverse, Enter, Back      key.Binding

	// Everywhere.
	Help, Quit, ForceQuit     key.Binding
	NextTab, PrevTab, GoToTab key.Binding // GoToTab: its nth key opens the nth tab

	// Screens.
	Refresh, Export, Why, Fix, Status        key.Binding
	Secret, Granularity, Currency, Reconnect key.Binding
	CancelSync, Dismiss, Window, Monthly     key.Binding
	Accept, Reject, SplitBy                  key.Binding
	Remove, Rename, Recategorise             key.Binding // custom applications

	// Dialogs, pickers and the wizard, where letters are typed: their keys
	// are not letters, or only where nothing is typed.
	Yes, No, Retry       key.Binding
	PickUp, PickDown     key.Binding // a list under a search field
	Scope                key.Binding // fix picker: transaction, a line, the vendor
	NextField, PrevField key.Binding
	Toggle, All, Choice  key.Binding // Choice: its nth key picks the nth option
	Copy                 key.Binding

	// Text fields.
	DeleteChar, DeleteWord, ClearField key.Binding
}

// DefaultKeyMap is the k9s/lazygit-style map documented in the help.
func DefaultKeyMap() KeyMap {
	b := func(help, desc string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return KeyMap{
		Up:           b("↑/k", "up", "up", "k"),
		Down:         b("↓/j", "down", "down", "j"),
		Top:          b("g", "top", "g", "home"),
		Bottom:       b("G", "bottom", "G", "end"),
		PageUp:       b("pgup", "page up", "pgup", "ctrl+b"),
		PageDown:     b("pgdn", "page down", "pgdown", "ctrl+f"),
		Filter:       b("/", "filter", "/"),
		Sort:         b("s", "sort column", "s"),
		Reverse:      b("S", "reverse sort", "S"),
		Enter:        b("enter", "open", "enter"),
		Back:         b("esc", "back", "esc"),
		Help:         b("?", "help", "?"),
		Quit:         b("q", "quit", "q"),
		ForceQuit:    b("ctrl+c", "quit", "ctrl+c"),
		NextTab:      b("tab", "next tab", "tab"),
		PrevTab:      b("shift+tab", "prev tab", "shift+tab"),
		GoToTab:      b("1-8", "go to tab", "1", "2", "3", "4", "5", "6", "7", "8"),
		Refresh:      b("r", "re-sync", "r"),
		Export:       b("x", "export CSV", "x"),
		Why:          b("w", "why this match", "w"),
		Fix:          b("f", "fix match", "f"),
		Status:       b("u", "user status", "u"),
		Secret:       b("p", "replace secret", "p"),
		Granularity:  b("t", "invoice/line", "t"),
		Currency:     b("m", "reporting currency", "m"),
		Reconnect:    b("c", "reconnect", "c"),
		CancelSync:   b("esc", "cancel sync", "esc", "c"),
		Dismiss:      b("d", "dismiss finding", "d"),
		Window:       b("v", "30/90/365 days", "v"),
		Monthly:      b("a", "monthly plans", "a"),
		Accept:       b("a", "accept inferred app", "a"),
		Reject:       b("d", "reject inferred app", "d"),
		SplitBy:      b("b", "split by dimension", "b"),
		Remove:       b("D", "remove custom app", "D"),
		Rename:       b("R", "rename custom app", "R"),
		Recategorise: b("C", "recategorise custom app", "C"),
		Yes:          b("y", "yes", "y"),
		No:           b("n", "no", "n"),
		Retry:        b("r", "retry", "r"),
		PickUp:       b("↑", "up", "up", "ctrl+p"),
		PickDown:     b("↓", "down", "down", "ctrl+n"),
		Scope:        b("tab", "scope", "tab", "shift+tab"),
		NextField:    b("tab", "next field", "tab", "down"),
		PrevField:    b("shift+tab", "previous field", "shift+tab", "up"),
		Toggle:       b("space", "tick", "space", "x"),
		All:          b("a", "all/none", "a"),
		Choice:       b("1-3", "choose", "1", "2", "3"),
		Copy:         b("enter", "copy code + open browser", "enter"),
		DeleteChar:   b("backspace", "delete a character", "backspace", "ctrl+h"),
		DeleteWord:   b("ctrl+w", "delete a word", "ctrl+w"),
		ClearField:   b("ctrl+u", "clear the field", "ctrl+u"),
	}
}

// relabel is b with another description for one place (enter "keep
// filter"): the keys, and the key the help names, stay the map's.
func relabel(b key.Binding, desc string) key.Binding {
	return key.NewBinding(key.WithKeys(b.Keys()...), key.WithHelp(b.Help().Key, desc))
}

// keyName is how a text names b's key ("press r to sync"): its help key.
func keyName(b key.Binding) string { return b.Help().Key }

// hint is an inline help line, "enter save · esc cancel", of bs.
func hint(bs ...key.Binding) string {
	parts := make([]string, 0, len(bs))
	for _, b := range bs {
		parts = append(parts, b.Help().Key+" "+b.Help().Desc)
	}
	return strings.Join(parts, " · ")
}

// joined is one help entry for several bindings ("D/R/C custom app").
func joined(desc string, bs ...key.Binding) key.Binding {
	var keys, names []string
	for _, b := range bs {
		keys = append(keys, b.Keys()...)
		names = append(names, b.Help().Key)
	}
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(strings.Join(names, "/"), desc))
}

// keyIndex is the position of msg among b's keys (the tab or the option a
// digit chooses), -1 when it is none of them.
func keyIndex(b key.Binding, msg tea.KeyPressMsg) int {
	if !b.Enabled() {
		return -1
	}
	for i, k := range b.Keys() {
		if msg.String() == k {
			return i
		}
	}
	return -1
}

// cursorStep is how far a list-cursor key (up, down, top, bottom, page
// up/down) moves the cursor of a list at sel with page rows on screen; ok
// is false for every other key. The lists that scroll by hand (Overview,
// Renewals) share it; the table has its own cursor type.
func (k KeyMap) cursorStep(msg tea.KeyPressMsg, sel, page int) (step int, ok bool) {
	switch {
	case key.Matches(msg, k.Up):
		return -1, true
	case key.Matches(msg, k.Down):
		return 1, true
	case key.Matches(msg, k.Top):
		return -sel, true
	case key.Matches(msg, k.Bottom):
		return 1 << 20, true
	case key.Matches(msg, k.PageUp):
		return -page, true
	case key.Matches(msg, k.PageDown):
		return page, true
	}
	return 0, false
}
