package ui

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// testOpts pins the clock and environment, turns colour off and makes
// every timer a timerMsg.
func testOpts(extra ...Option) []Option {
	return append([]Option{
		WithClock(func() time.Time { return fakeNow }),
		WithEnv(func(string) string { return "" }),
		WithNoColor(true),
		WithAutoSync(false),
		WithTimer(testTimer),
	}, extra...)
}

// timerMsg is a console timer as a value: the message it would deliver
// after d. drive drops it (a timer fires only when a test says so); the
// teatest probe turns it back into a real timer.
type timerMsg struct {
	d   time.Duration
	msg tea.Msg
}

func testTimer(d time.Duration, msg tea.Msg) tea.Cmd {
	return func() tea.Msg { return timerMsg{d, msg} }
}

// loaded builds a console over b at w x h with its data loaded.
func loaded(tb testing.TB, b Backend, w, h int, opts ...Option) Model {
	tb.Helper()
	m := New(b, testOpts(opts...)...)
	m = step(m, tea.WindowSizeMsg{Width: w, Height: h})
	m = step(m, loadCmd(b)())
	return m
}

func step(m Model, msg tea.Msg) Model {
	nm, _ := m.Update(msg)
	return nm.(Model)
}

// keyMsg builds a key press from its String() form, ctrl+ and alt+ in
// front of any key ("alt+enter", "ctrl+alt+c").
func keyMsg(k string) tea.KeyPressMsg {
	var mod tea.KeyMod
	for {
		if rest, ok := strings.CutPrefix(k, "ctrl+"); ok && rest != "" && k != "ctrl+c" && k != "ctrl+u" {
			mod, k = mod|tea.ModCtrl, rest
		} else if rest, ok := strings.CutPrefix(k, "alt+"); ok && rest != "" {
			mod, k = mod|tea.ModAlt, rest
		} else {
			break
		}
	}
	m := plainKey(k)
	if mod != 0 {
		m.Mod |= mod
		m.Text = "" // a key with ctrl or alt types nothing
	}
	return m
}

func plainKey(k string) tea.KeyPressMsg {
	switch k {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "shift+tab":
		return tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "pgup":
		return tea.KeyPressMsg{Code: tea.KeyPgUp}
	case "pgdown":
		return tea.KeyPressMsg{Code: tea.KeyPgDown}
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	case "ctrl+c":
		return tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
	case "ctrl+u":
		return tea.KeyPressMsg{Code: 'u', Mod: tea.ModCtrl}
	}
	r := []rune(k)[0]
	return tea.KeyPressMsg{Code: r, Text: k}
}

// press sends keys and runs the commands they return (not timers),
// feeding their messages back.
func press(m Model, keys ...string) Model {
	for _, k := range keys {
		var cmd tea.Cmd
		var nm tea.Model
		nm, cmd = m.Update(keyMsg(k))
		m = drive(nm, cmd)
	}
	return m
}

// typeText types each rune.
func typeText(m Model, s string) Model {
	for _, r := range s {
		m = press(m, string(r))
	}
	return m
}

// drive runs cmd and the commands that follow, round by round: each
// round runs its commands at once, waits for all of them and feeds back
// their messages in order; timers (timerMsg) drop.
func drive(tm tea.Model, cmd tea.Cmd) Model {
	m := tm.(Model)
	queue := []tea.Cmd{cmd}
	for round := 0; len(queue) > 0 && round < 200; round++ {
		var next []tea.Cmd
		for _, msg := range runRound(queue) {
			switch msg := msg.(type) {
			case nil, timerMsg:
			case tea.BatchMsg:
				next = append(next, msg...)
			default:
				if isProgramMsg(msg) {
					continue
				}
				nm, c := m.Update(msg)
				m = nm.(Model)
				next = append(next, c)
			}
		}
		queue = next
	}
	return m
}

// runRound runs cmds concurrently (a command may wait for another, as the
// sign-in waits for its approval) and returns their messages in order.
func runRound(cmds []tea.Cmd) []tea.Msg {
	out := make([]tea.Msg, len(cmds))
	var wg sync.WaitGroup
	for i, c := range cmds {
		if c != nil {
			wg.Go(func() { out[i] = c() })
		}
	}
	wg.Wait()
	return out
}

// isProgramMsg spots messages meant for the program (quit, clipboard, ...).
func isProgramMsg(msg tea.Msg) bool {
	switch msg.(type) {
	case tea.QuitMsg:
		return true
	}
	t := ansi.Strip(typeName(msg))
	return len(t) > 4 && t[:4] == "tea."
}

// screenText is the plain text of the current view.
func screenText(m Model) string { return ansi.Strip(m.View().Content) }

func typeName(v any) string { return fmt.Sprintf("%T", v) }
