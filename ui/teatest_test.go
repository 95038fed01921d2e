package ui

import (
	"strings"
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest/v2"
)

// probe wraps the console so a test can see the last rendered screen as
// text, which is sturdier than searching the renderer's diff stream.
type probe struct {
	Model
	last *atomic.Pointer[string]
}

func (p probe) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if t, ok := msg.(timerMsg); ok { // a real program waits for its timers
		return p, tickAfter(t.d, t.msg)
	}
	nm, cmd := p.Model.Update(msg)
	p.Model = nm.(Model)
	return p, cmd
}

func (p probe) View() tea.View {
	v := p.Model.View()
	s := ansi.Strip(v.Content)
	p.last.Store(&s)
	return v
}

type teaRun struct {
	*teatest.TestModel
	t    *testing.T
	last *atomic.Pointer[string]
}

// startTea runs the console in a teatest program at w x h without colour.
func startTea(t *testing.T, m Model, w, h int) *teaRun {
	t.Helper()
	p := probe{Model: m, last: &atomic.Pointer[string]{}}
	tm := teatest.NewTestModel(t, p,
		teatest.WithInitialTermSize(w, h),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.ASCII)))
	return &teaRun{TestModel: tm, t: t, last: p.last}
}

// waitBound is how long a flow test waits for what it expects.
const waitBound = 30 * time.Second

// screen is the last rendered screen.
func (r *teaRun) screen() string {
	if s := r.last.Load(); s != nil {
		return *s
	}
	return ""
}

// waitFor waits until one screen shows every s. The wait is a bound on a
// broken test, not a timing assertion: a screen normally shows within
// milliseconds, but a -race run on a shared two-core machine once took
// over 5 s, so the bound is generous.
func (r *teaRun) waitFor(ss ...string) {
	r.t.Helper()
	deadline := time.Now().Add(waitBound)
	for time.Now().Before(deadline) {
		if containsAll(r.screen(), ss) {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
	r.t.Fatalf("screen never showed %q; last screen:\n%s", ss, r.screen())
}

func containsAll(s string, subs []string) bool {
	for _, sub := range subs {
		if !strings.Contains(s, sub) {
			return false
		}
	}
	return true
}

// keys sends key presses in order.
func (r *teaRun) keys(ks ...string) {
	for _, k := range ks {
		r.Send(keyMsg(k))
	}
}

// typeText types each character.
func (r *teaRun) typeText(s string) {
	for _, c := range s {
		r.Send(keyMsg(string(c)))
	}
}

// finish quits and returns the final console.
func (r *teaRun) finish() Model {
	r.t.Helper()
	r.Send(keyMsg("ctrl+c"))
	return r.FinalModel(r.t, teatest.WithFinalTimeout(waitBound)).(probe).Model
}

func requireGolden(t *testing.T, m Model) {
	t.Helper()
	golden.RequireEqual(t, []byte(ansi.Strip(m.View().Content)))
}
