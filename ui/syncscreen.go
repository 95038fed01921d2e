package ui

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/progress"
	tea "charm.land/bubbletea/v2"

	"github.com/bcspend/bcspend/untrusted"

	"github.com/bcspend/bcspend/money"
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
	waiting   string // another sync runs; this one starts after it
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
	s.order, s.progress, s.last, s.waiting = nil, map[string]SyncProgress{}, nil, ""
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
	s.waiting = p.Waiting
	if p.Waiting != "" {
		return
	}
	k := cmp.Or(p.Key, p.Company) // two connections' companies may share a name, never a key
	if _, ok := s.progress[k]; !ok {
		s.order = append(s.order, k)
	}
	s.progress[k] = p
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
	if s.waiting != "" {
		return s.waiting
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
	case key.Matches(msg, k.CancelSync):
		s.Cancel()
	case key.Matches(msg, k.Refresh):
		return s.c.post(startSyncMsg{trigger: "manual"})
	}
	return nil
}

func (s *syncScreen) View() string {
	st, k := &s.c.st, s.c.keys
	var b strings.Builder
	switch {
	case s.canceling:
		b.WriteString(" " + st.Warn.Render("Cancelling…") + " what was already committed is kept.\n\n")
	case s.running && s.waiting != "":
		b.WriteString(" " + st.Warn.Render("Waiting: ") + s.waiting + "\n It starts by itself when that one ends; " + keyName(k.CancelSync) + " cancels.\n\n")
	case s.running:
		b.WriteString(" " + st.Bold.Render("Syncing paid purchase invoices and users from Business Central") + "\n\n")
	case s.last != nil:
		b.WriteString(s.summary() + "\n\n")
	default:
		b.WriteString(" No sync has run in this session. Press " + keyName(k.Refresh) + " to sync now.\n\n")
	}
	nameW := s.nameWidth()
	barW := max(10, min(40, s.width-38-nameW))
	if len(s.order) > 0 {
		b.WriteString(s.overall(nameW, barW) + "\n\n")
	}
	for _, k := range s.order {
		p := s.progress[k]
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
		fmt.Fprintf(&b, " %s %s %s %3d%%\n", mark, cell(untrusted.Text(p.Company), nameW, false), s.bar(pct, barW), int(pct*100))
		detail := fmt.Sprintf("%s invoices", fmtInt(p.Invoices))
		if p.InvoicesTotal > 0 {
			detail = fmt.Sprintf("%s/%s invoices", fmtInt(p.Invoices), fmtInt(p.InvoicesTotal))
		}
		detail += fmt.Sprintf(" · %s lines · %s pages", fmtInt(p.Lines), fmtInt(p.Pages))
		if p.Chains > 1 {
			detail += fmt.Sprintf(" · %d/%d ranges", p.ChainsDone, p.Chains)
		}
		detail += rateText(p.Rate, p.Elapsed, p.ETA, p.Done)
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
	st, again := &s.c.st, keyName(s.c.keys.Refresh)
	r := s.last
	sum := r.sum
	counts := fmt.Sprintf("%s, %s, %s from %s in %s",
		money.Plural(sum.Invoices, "invoice", "invoices"), money.Plural(sum.Lines, "line", "lines"),
		money.Plural(sum.Users, "user", "users"), money.Plural(sum.Companies, "company", "companies"), fmtDuration(sum.Duration))
	switch {
	case sum.Canceled || r.err != nil && strings.Contains(r.err.Error(), "context canceled"):
		return " " + st.Warn.Render("Sync cancelled.") + " Kept what was committed: " + counts + ".\n Press " + again + " to sync again; it resumes where it stopped."
	case r.err != nil:
		out := " " + st.Error.Render("Sync failed: ") + errText(r.err)
		if rem := remedyOf(r.err); rem != "" {
			out += "\n " + st.Bold.Render("What to do: ") + rem
		}
		if sup := supportOf(r.err); sup != "" {
			out += "\n " + st.Dim.Render("For a support case: "+sup)
		}
		return out + "\n Press " + again + " to retry."
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
		return []key.Binding{k.CancelSync}
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

// bar draws a progress bar at pct with bubbles/progress, statically
// (ViewAs: the figure is the store's, no animation to wait for).
func (s *syncScreen) bar(pct float64, w int) string {
	m := progress.New(progress.WithWidth(w), progress.WithoutPercentage(),
		progress.WithFillCharacters('█', '░'), progress.WithColors(s.c.st.Accent.GetForeground()))
	return m.ViewAs(max(0, min(pct, 1)))
}

// nameWidth fits the longest company label, up to 34 cells: a label
// with its connection ("CRONUS USA, Inc. (production)") must show the
// connection.
func (s *syncScreen) nameWidth() int {
	w := 22
	for _, p := range s.progress {
		w = max(w, min(34, width(p.Company)))
	}
	return w
}

// overall is the line for the whole run: every company's invoices read of
// expected, pages, rate, the longest elapsed, the longest ETA, and the
// throttling waits.
func (s *syncScreen) overall(nameW, barW int) string {
	var read, total, pages, waits int
	var rate float64
	var elapsed, eta, waited time.Duration
	done := true
	for _, name := range s.order {
		p := s.progress[name]
		read, total, pages, waits = read+p.Invoices, total+p.InvoicesTotal, pages+p.Pages, waits+p.ThrottleWaits
		rate += p.Rate
		elapsed, eta, waited = max(elapsed, p.Elapsed), max(eta, p.ETA), waited+p.ThrottleTime
		done = done && p.Done
	}
	pct := 0.0
	if total > 0 {
		pct = min(1, float64(read)/float64(total))
	}
	if done {
		pct = 1
	}
	st := &s.c.st
	line := fmt.Sprintf(" %s %s %s %3d%%\n", " ", cell("All companies", nameW, false), s.bar(pct, barW), int(pct*100))
	detail := fmt.Sprintf("%s invoices", fmtInt(read))
	if total > 0 {
		detail = fmt.Sprintf("%s/%s invoices", fmtInt(read), fmtInt(total))
	}
	detail += fmt.Sprintf(" · %s pages", fmtInt(pages)) + rateText(rate, elapsed, eta, done)
	if waits > 0 {
		detail += st.Warn.Render(fmt.Sprintf(" · throttled %d× (waited %s)", waits, fmtDuration(waited)))
	}
	return line + "     " + st.Bold.Render(detail)
}

// rateText is " · 250/s · 16s elapsed · ETA 24s", each part when known.
func rateText(rate float64, elapsed, eta time.Duration, done bool) string {
	out := ""
	if rate > 0 {
		out += fmt.Sprintf(" · %s/s", fmtInt(int(rate+0.5)))
	}
	if elapsed > 0 {
		out += " · " + fmtDuration(elapsed) + " elapsed"
	}
	if eta > 0 && !done {
		out += " · ETA " + fmtDuration(eta)
	}
	return out
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
