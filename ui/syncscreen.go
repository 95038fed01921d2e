package ui

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/bcspend/bcspend/untrusted"
)

// syncResult is the end of a sync run.
type syncResult struct {
	sum SyncSummary
	err error
}

// syncScreen shows a sync in progress per company, and the last summary.
type syncScreen struct {
	c         *common
	run       int
	cancel    context.CancelFunc
	running   bool
	canceling bool
	trigger   string
	order     []string
	progress  map[string]SyncProgress
	last      *syncResult
	width     int
	height    int
}

func newSyncScreen(c *common) *syncScreen {
	return &syncScreen{c: c, progress: map[string]SyncProgress{}}
}

func (s *syncScreen) Running() bool { return s.running }

// Start begins a sync; the work runs in a goroutine, cancelled through ctx.
func (s *syncScreen) Start(trigger string) tea.Cmd {
	ctx, cancel := context.WithCancel(context.Background())
	s.run = s.c.nextRun()
	s.cancel, s.running, s.canceling, s.trigger = cancel, true, false, trigger
	s.order, s.progress, s.last = nil, map[string]SyncProgress{}, nil
	b := s.c.b
	return stream(ctx, s.run, func(ctx context.Context, send func(any)) any {
		sum, err := b.Sync(ctx, func(p SyncProgress) { send(p) })
		return syncResult{sum: sum, err: err}
	})
}

// Progress records one company's latest progress.
func (s *syncScreen) Progress(run int, p SyncProgress) {
	if run != s.run {
		return
	}
	if _, ok := s.progress[p.Company]; !ok {
		s.order = append(s.order, p.Company)
	}
	s.progress[p.Company] = p
}

// Done ends the run; it returns the trigger and whether the run was current.
func (s *syncScreen) Done(run int, r syncResult) (string, bool) {
	if run != s.run {
		return "", false
	}
	if s.cancel != nil {
		s.cancel()
	}
	s.running, s.canceling, s.cancel = false, false, nil
	s.last = &r
	return s.trigger, true
}

// Cancel stops the sync; what was committed stays.
func (s *syncScreen) Cancel() {
	if s.running && s.cancel != nil {
		s.canceling = true
		s.cancel()
	}
}

// Short is the status-line summary of a running sync.
func (s *syncScreen) Short() string {
	inv, total := 0, 0
	for _, p := range s.progress {
		inv += p.Invoices
		total += p.InvoicesTotal
	}
	if s.trigger == "auto" {
		if total > 0 {
			return fmt.Sprintf("data was older than 24 h: syncing %d%%", inv*100/total)
		}
		return "data was older than 24 h: syncing"
	}
	if total > 0 {
		return fmt.Sprintf("syncing %d%%", inv*100/total)
	}
	return "syncing…"
}

func (s *syncScreen) SetSize(w, h int) { s.width, s.height = w, h }

func (s *syncScreen) Update(msg tea.KeyPressMsg) tea.Cmd {
	k := s.c.keys
	switch {
	case key.Matches(msg, k.Back), msg.String() == "c":
		s.Cancel()
	case key.Matches(msg, k.Refresh):
		return s.c.post(startSyncMsg{trigger: "manual"})
	}
	return nil
}

func (s *syncScreen) View() string {
	st := &s.c.st
	var b strings.Builder
	switch {
	case s.canceling:
		b.WriteString(" " + st.Warn.Render("Cancelling…") + " what was already committed is kept.\n\n")
	case s.running:
		b.WriteString(" " + st.Bold.Render("Syncing paid purchase invoices and users from Business Central") + "\n\n")
	case s.last != nil:
		b.WriteString(s.summary() + "\n\n")
	default:
		b.WriteString(" No sync has run in this session. Press r to sync now.\n\n")
	}
	barW := max(10, min(40, s.width-60))
	for _, name := range s.order {
		p := s.progress[name]
		pct := 0.0
		if p.InvoicesTotal > 0 {
			pct = float64(p.Invoices) / float64(p.InvoicesTotal)
		}
		if p.Done {
			pct = 1
		}
		mark := "…"
		if p.Done {
			mark = st.OK.Render("✓")
		}
		fmt.Fprintf(&b, " %s %s %s %3d%%\n", mark, cell(name, 22, false), s.bar(pct, barW), int(pct*100))
		detail := fmt.Sprintf("%s invoices", fmtInt(p.Invoices))
		if p.InvoicesTotal > 0 {
			detail = fmt.Sprintf("%s/%s invoices", fmtInt(p.Invoices), fmtInt(p.InvoicesTotal))
		}
		detail += fmt.Sprintf(" · %s lines · %s pages", fmtInt(p.Lines), fmtInt(p.Pages))
		if p.ThrottleWaits > 0 {
			detail += st.Warn.Render(fmt.Sprintf(" · throttled %d× (waited %s)", p.ThrottleWaits, fmtDuration(p.ThrottleTime)))
		}
		if p.Phase != "" && !p.Done {
			detail += " · " + p.Phase
		}
		b.WriteString("     " + st.Dim.Render(detail) + "\n")
	}
	return b.String()
}

func (s *syncScreen) summary() string {
	st := &s.c.st
	r := s.last
	sum := r.sum
	counts := fmt.Sprintf("%s, %s, %s from %s in %s",
		plural(sum.Invoices, "invoice", "invoices"), plural(sum.Lines, "line", "lines"),
		plural(sum.Users, "user", "users"), plural(sum.Companies, "company", "companies"), fmtDuration(sum.Duration))
	switch {
	case sum.Canceled || r.err != nil && strings.Contains(r.err.Error(), "context canceled"):
		return " " + st.Warn.Render("Sync cancelled.") + " Kept what was committed: " + counts + ".\n Press r to sync again; it resumes where it stopped."
	case r.err != nil:
		out := " " + st.Error.Render("Sync failed: ") + errText(r.err)
		if rem := remedyOf(r.err); rem != "" {
			out += "\n " + st.Bold.Render("What to do: ") + rem
		}
		if sup := supportOf(r.err); sup != "" {
			out += "\n " + st.Dim.Render("For a support case: "+sup)
		}
		return out + "\n Press r to retry."
	}
	out := " " + st.OK.Render("✓ Sync complete: ") + counts + "."
	for _, w := range sum.Warnings {
		out += "\n " + st.Warn.Render("Note: ") + untrusted.Text(w)
	}
	return out
}

func (s *syncScreen) HelpKeys() []key.Binding {
	k := s.c.keys
	if s.running {
		return []key.Binding{key.NewBinding(key.WithKeys("esc", "c"), key.WithHelp("esc", "cancel sync"))}
	}
	return []key.Binding{k.Refresh}
}

func (s *syncScreen) Breadcrumb() string     { return "Sync" }
func (s *syncScreen) Click(x, y int) tea.Cmd { return nil }
func (s *syncScreen) Wheel(int)              {}
func (s *syncScreen) Paste(tea.PasteMsg)     {}
func (s *syncScreen) Editing() bool          { return false }
func (s *syncScreen) Status() []seg {
	if s.running {
		return []seg{{s.Short(), 0}}
	}
	return nil
}

// bar draws a static progress bar. bubbles/progress would do (ViewAs), but
// its harmonica dependency is missing from go.sum, which ui may not edit.
func (s *syncScreen) bar(pct float64, w int) string {
	full := int(pct*float64(w) + 0.5)
	full = max(0, min(full, w))
	return s.c.st.Accent.Render(strings.Repeat("█", full)) + s.c.st.Dim.Render(strings.Repeat("░", w-full))
}

// supportOf returns the support reference (BC's correlation id, the
// request id) carried by err, if any.
func supportOf(err error) string {
	var s interface{ Support() string }
	if errors.As(err, &s) {
		return untrusted.Text(s.Support())
	}
	return ""
}
