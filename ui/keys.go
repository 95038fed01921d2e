package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// KeyMap is every key binding of the console, one source for behaviour and
// help.
type KeyMap struct {
	Up, Down, Top, Bottom, PageUp, PageDown          key.Binding
	Filter, Sort, Reverse, Enter, Back               key.Binding
	Help, Quit, ForceQuit                            key.Binding
	NextTab, PrevTab, Tab1To6                        key.Binding
	Refresh, Export, Why, Fix, Status, Scope         key.Binding
	Secret, Granularity, Currency, Reconnect, Toggle key.Binding
	Copy, Dismiss, Window, Monthly                   key.Binding
	Accept, Reject                                   key.Binding
	SplitBy                                          key.Binding
}

// DefaultKeyMap is the k9s/lazygit-style map documented in the help.
func DefaultKeyMap() KeyMap {
	b := func(help, desc string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return KeyMap{
		Up:          b("↑/k", "up", "up", "k"),
		Down:        b("↓/j", "down", "down", "j"),
		Top:         b("g", "top", "g", "home"),
		Bottom:      b("G", "bottom", "G", "end"),
		PageUp:      b("pgup", "page up", "pgup", "ctrl+b"),
		PageDown:    b("pgdn", "page down", "pgdown", "ctrl+f"),
		Filter:      b("/", "filter", "/"),
		Sort:        b("s", "sort column", "s"),
		Reverse:     b("S", "reverse sort", "S"),
		Enter:       b("enter", "open", "enter"),
		Back:        b("esc", "back", "esc"),
		Help:        b("?", "help", "?"),
		Quit:        b("q", "quit", "q"),
		ForceQuit:   b("ctrl+c", "quit", "ctrl+c"),
		NextTab:     b("tab", "next tab", "tab"),
		PrevTab:     b("shift+tab", "prev tab", "shift+tab"),
		Tab1To6:     b("1-8", "go to tab", "1", "2", "3", "4", "5", "6", "7", "8"),
		Refresh:     b("r", "re-sync", "r"),
		Export:      b("x", "export CSV", "x"),
		Why:         b("w", "why this match", "w"),
		Fix:         b("f", "fix match", "f"),
		Status:      b("u", "user status", "u"),
		Scope:       b("tab", "scope", "tab"),
		Secret:      b("p", "replace secret", "p"),
		Granularity: b("t", "invoice/line", "t"),
		Currency:    b("m", "reporting currency", "m"),
		Reconnect:   b("c", "reconnect", "c"),
		Toggle:      b("space", "tick", "space"),
		Copy:        b("enter", "copy code + open browser", "enter"),
		Dismiss:     b("d", "dismiss finding", "d"),
		Window:      b("v", "30/90/365 days", "v"),
		Monthly:     b("a", "monthly plans", "a"),
		Accept:      b("a", "accept inferred app", "a"),
		Reject:      b("d", "reject inferred app", "d"),
		SplitBy:     b("b", "split by dimension", "b"),
	}
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
