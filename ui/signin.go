package ui

import (
	"context"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/bcspend/bcspend/untrusted"
)

// What happens after a successful sign-in.
type signInThen int

const (
	signInThenTest    signInThen = iota // the wizard's connection test
	signInThenReplace                   // back to the console (Integration: sign in again)
)

type (
	needSignInMsg struct {
		in   ConnInput
		then signInThen
	}
	signInCanceledMsg struct{}
	signInResult      struct{ err error }
	// keptMsg ends the save of a new sign-in for a connection.
	keptMsg struct {
		conn string
		err  error
	}
)

// signInScreen runs a delegated sign-in: a device code shown big with a
// countdown (restarted on expiry), or a browser wait with the URL.
type signInScreen struct {
	c       *common
	in      ConnInput
	then    signInThen
	run     int
	cancel  context.CancelFunc
	event   *SignInEvent
	err     error
	copied  bool
	width   int
	height  int
	renewed int
}

func newSignInScreen(c *common) *signInScreen { return &signInScreen{c: c} }

func (s *signInScreen) SetSize(w, h int) { s.width, s.height = w, h }

// Start begins a sign-in; the work runs in a goroutine.
func (s *signInScreen) Start(in ConnInput, then signInThen) tea.Cmd {
	s.Cancel()
	ctx, cancel := context.WithCancel(context.Background())
	s.in, s.then, s.cancel, s.event, s.err, s.copied = in, then, cancel, nil, nil, false
	s.run = s.c.nextRun()
	b := s.c.b
	work := stream(ctx, s.run, func(ctx context.Context, send func(any)) any {
		err := b.SignIn(ctx, in, func(e SignInEvent) { send(e) })
		return signInResult{err: err}
	})
	return tea.Batch(work, s.c.tick(s.run))
}

// Cancel stops a running sign-in; its late result is ignored.
func (s *signInScreen) Cancel() {
	if s.cancel != nil {
		s.cancel()
		s.cancel = nil
		s.run = 0
	}
}

// Event shows a device code or a browser URL; a browser URL opens at once.
func (s *signInScreen) Event(run int, e SignInEvent) tea.Cmd {
	if run != s.run {
		return nil
	}
	s.event = &e
	if e.Kind == SignInBrowser {
		return s.open(e.URL)
	}
	return nil
}

func (s *signInScreen) open(url string) tea.Cmd {
	b := s.c.b
	return func() tea.Msg { return openedMsg{err: b.OpenURL(url)} }
}

// Done ends the run; it returns what comes next and whether it was current.
func (s *signInScreen) Done(run int, r signInResult) (signInThen, bool) {
	if run != s.run {
		return 0, false
	}
	if s.cancel != nil {
		s.cancel()
		s.cancel = nil
	}
	s.err = r.err
	return s.then, true
}

// Tick counts the device code down and asks for a new one when it expires.
func (s *signInScreen) Tick(run int) tea.Cmd {
	if run != s.run || s.cancel == nil {
		return nil
	}
	if s.event != nil && s.event.Kind == SignInDeviceCode && !s.event.ExpiresAt.IsZero() && !s.c.now().Before(s.event.ExpiresAt) {
		s.renewed++
		return s.Start(s.in, s.then)
	}
	return s.c.tick(run)
}

func (s *signInScreen) Update(msg tea.KeyPressMsg) tea.Cmd {
	k := s.c.keys
	switch {
	case key.Matches(msg, k.Back):
		s.Cancel()
		return s.c.post(signInCanceledMsg{})
	case key.Matches(msg, k.Retry):
		if s.err != nil {
			return s.Start(s.in, s.then)
		}
	case key.Matches(msg, k.Copy):
		if s.event == nil {
			return nil
		}
		if s.event.Kind == SignInDeviceCode {
			s.copied = true
			return tea.Batch(tea.SetClipboard(s.event.UserCode), s.open(s.event.URL))
		}
		return s.open(s.event.URL)
	}
	return nil
}

func (s *signInScreen) View() string {
	st, k := &s.c.st, s.c.keys
	var b strings.Builder
	switch {
	case s.err != nil:
		b.WriteString("\n " + st.Error.Render("✗ Sign-in failed: ") + errText(s.err) + "\n")
		if r := remedyOf(s.err); r != "" {
			b.WriteString("\n " + st.Bold.Render("What to do: ") + r + "\n")
		}
		b.WriteString("\n Press " + keyName(k.Retry) + " to try again, or " + keyName(k.Back) + " to go back.\n")
	case s.event == nil:
		b.WriteString("\n Asking Microsoft Entra for a sign-in…\n")
	case s.event.Kind == SignInDeviceCode:
		b.WriteString(s.deviceView())
	case s.event.Kind == SignInBrowser:
		b.WriteString("\n " + st.Bold.Render("Waiting for you to sign in in the browser…") + "\n\n")
		b.WriteString(" If no browser opened, open this URL yourself:\n\n   " + st.Accent.Render(s.event.URL) + "\n\n")
		b.WriteString(st.Dim.Render(" bcspend listens on http://localhost for the answer. "+hint(relabel(k.Copy, "opens the browser again"), relabel(k.Back, "cancels"))) + "\n")
	default:
		b.WriteString("\n " + st.OK.Render("✓ Signed in") + " as " + untrusted.Text(s.event.Account) + "\n")
	}
	return b.String()
}

func (s *signInScreen) deviceView() string {
	st, k := &s.c.st, s.c.keys
	e := s.event
	var b strings.Builder
	b.WriteString("\n " + st.Bold.Render("Sign in to Microsoft Entra with a device code") + "\n\n")
	b.WriteString("   1. Open  " + st.Accent.Render(e.URL) + "\n")
	b.WriteString("   2. Enter this code:\n\n")
	big := st.Box.Padding(0, 3).Render(st.Big.Render(spaced(e.UserCode)))
	for _, l := range strings.Split(big, "\n") {
		b.WriteString("        " + l + "\n")
	}
	b.WriteString("\n")
	if s.copied {
		b.WriteString("   Code copied (if your terminal allows it) and browser opened. Both are shown above in case not.\n")
	} else {
		b.WriteString("   Press " + st.HelpKey.Render(keyName(k.Copy)) + " to copy the code and open the browser.\n")
	}
	left := e.ExpiresAt.Sub(s.c.now())
	if left < 0 {
		left = 0
	}
	fmt.Fprintf(&b, "   The code expires in %d:%02d; a new one is requested when it does.\n", int(left.Minutes()), int(left.Seconds())%60)
	if s.renewed > 0 {
		b.WriteString("   " + st.Warn.Render("The previous code expired: this is a new one.") + "\n")
	}
	b.WriteString(st.Dim.Render("   Sign in with an account that can use Business Central. "+keyName(k.Back)+" cancels.") + "\n")
	return b.String()
}

// spaced puts a space between the characters so the code reads at a glance.
func spaced(s string) string {
	r := []rune(s)
	out := make([]string, len(r))
	for i, c := range r {
		out[i] = string(c)
	}
	return strings.Join(out, " ")
}

func (s *signInScreen) HelpKeys() []key.Binding {
	k := s.c.keys
	if s.err != nil {
		return []key.Binding{k.Retry, k.Back}
	}
	enter := k.Copy
	if s.event != nil && s.event.Kind == SignInBrowser {
		enter = relabel(k.Copy, "open browser")
	}
	return []key.Binding{enter, relabel(k.Back, "cancel")}
}
