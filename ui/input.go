package ui

import (
	"strings"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/bcspend/bcspend/untrusted"
)

// input is a one-line text field. It is ours rather than bubbles' textinput
// so it has no blinking cursor (goldens stay stable) and masks exactly.
type input struct {
	value  string
	masked bool
}

// Update edits the value with the map's editing keys; it reports whether
// the key was consumed.
func (in *input) Update(msg tea.Msg, k *KeyMap) bool {
	switch msg := msg.(type) {
	case tea.PasteMsg:
		in.value += strings.TrimSpace(untrusted.Text(msg.Content))
		return true
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, k.DeleteChar):
			if in.value != "" {
				_, n := utf8.DecodeLastRuneInString(in.value)
				in.value = in.value[:len(in.value)-n]
			}
			return true
		case key.Matches(msg, k.ClearField):
			in.value = ""
			return true
		case key.Matches(msg, k.DeleteWord):
			in.value = strings.TrimRightFunc(in.value, func(r rune) bool { return r != ' ' })
			return true
		}
		if msg.Text != "" && msg.Mod&^tea.ModShift == 0 {
			in.value += untrusted.Text(msg.Text)
			return true
		}
	}
	return false
}

// View shows the value (masked if asked) with a block cursor when focused.
func (in *input) View(focused bool, width int) string {
	v := in.value
	if in.masked {
		v = strings.Repeat("•", utf8.RuneCountInString(v))
	}
	if focused {
		v += "█"
	}
	if n := utf8.RuneCountInString(v); width > 0 && n > width {
		r := []rune(v)
		v = "…" + string(r[n-width+1:])
	}
	return v
}
