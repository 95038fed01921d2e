package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/bcspend/bcspend/bc"
	"github.com/bcspend/bcspend/service"
	"github.com/bcspend/bcspend/store"
	"github.com/bcspend/bcspend/syncer"
	"github.com/bcspend/bcspend/untrusted"

	"github.com/bcspend/bcspend/money"
)

func init() {
	register("sync", newSyncCmd)
}

func newSyncCmd(g *globals, io stdio) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "sync",
		Short: "fetch paid invoices, users and exchange rates from Business Central (headless, for cron)",
		Long: `Fetches what changed since the last sync (paid purchase invoices, users,
exchange rates) for every tracked company of every connection (or only
--connection NAME), matches the charges and saves them. Progress goes to
stderr, the one-line summary to stdout (one per connection when there are
several); --json prints the summary as JSON for scripts. A connection that
fails is reported with its name; the others still sync, and the exit code
is the worst one's.`,
		Example: `  bcspend sync
  bcspend sync --json                  # for cron and systemd timers
  bcspend sync --connection Denmark    # just that connection
  bcspend sync --full                  # re-read the window, find deletions
  bcspend sync --trace /tmp/case-123   # for a support case`,
	}
	fs := cmd.Flags()
	full := fs.Bool("full", false, "re-read the whole window and mark invoices deleted in Business Central as removed")
	asJSON := fs.Bool("json", false, "print the summary as JSON on stdout (progress still goes to stderr)")
	pageSize := fs.Int("page-size", 0, "entries per page (default: the page-size setting, else 1000); smaller pages suit slow environments")
	conns := fs.StringArray("connection", nil, "sync only this connection (by name; repeatable; default all, see 'bcspend connections list')")
	traceDir := fs.String("trace", "", "write every request and response to DIR for a support case (tokens, secrets and e-mail addresses removed)")
	cmd.RunE = action(func(ctx context.Context, args []string) int {
		if len(args) > 0 {
			return usageErr(io, "sync takes no arguments, got "+fmt.Sprint(args), "See 'bcspend sync --help'.")
		}
		db, err := store.OpenWith(g.DB, g.storeOptions(service.DefaultSyncWait))
		if err != nil {
			return fail(io, err)
		}
		defer db.Close()
		if *pageSize < 0 || *pageSize > bc.MaxPageSize {
			return usageErr(io, "--page-size must be between 1 and 20000", "Leave it out for the default of 1000.")
		}
		opt := cliOptions(db, keyring())
		if *pageSize > 0 {
			opt.Client.PageSize = *pageSize
		}
		opt.Wait = g.waitFor(service.DefaultSyncWait)
		opt.OnWait = g.sayWaiting(opt.Wait)
		if *traceDir != "" {
			tr, err := bc.NewTracer(*traceDir, opt.SecretOverride)
			if err != nil {
				return fail(io, err)
			}
			opt.HTTPClient = tr.Client(nil)
			defer fmt.Fprintf(io.err, "trace written to %s (tokens, secrets and e-mail addresses removed)\n", tr.Dir())
		}
		pr := newProgressPrinter(io.err)
		if sel, err := service.SelectConnections(db, *conns); err == nil {
			pr.named = len(sel) > 1
		}
		res, err := service.SyncConnections(ctx, db, opt, *conns, syncer.Options{Full: *full, Progress: pr.update})
		pr.finish()
		if err != nil {
			return fail(io, err)
		}
		return reportSyncs(io, res, *asJSON)

	})
	return cmd
}

// reportSyncs prints the connections' warnings, summaries and errors, each
// named when there are several, and exits with the worst error's code.
func reportSyncs(io stdio, res []service.ConnectionSync, asJSON bool) int {
	sum, _ := service.Merge(res)
	for _, w := range sum.Warnings {
		sayf(io.errors(), "warning: %s\n", w.Message)
		if w.Remedy != "" {
			sayf(io.errors(), "  what to do: %s\n", w.Remedy)
		}
	}
	var errs []error
	for _, r := range res {
		if r.Err == nil {
			continue
		}
		if len(res) > 1 {
			errs = append(errs, service.Named(r.Connection.Name, r.Err))
		} else {
			errs = append(errs, r.Err)
		}
	}
	switch {
	case len(res) == 1 && res[0].Summary.RunID != "":
		printSummary(io, sum, asJSON)
	case len(res) > 1 && asJSON:
		all := multiSummary{Summary: sum}
		for _, r := range res {
			all.Connections = append(all.Connections, r.Summary)
		}
		writeJSON(io, &all)
	case len(res) > 1:
		for _, r := range res {
			if r.Summary.RunID != "" {
				sayf(io.out, "%s: %s\n", r.Connection.Name, summaryLine(r.Summary))
			}
		}
	}
	worst := service.Worst(errs)
	for _, e := range errs {
		if e != worst {
			report(io, e)
		}
	}
	if worst != nil {
		return fail(io, worst)
	}
	return exitOK
}

// multiSummary is --json for a sync of several connections: the merged
// figures (as for one connection) and each connection's own summary.
type multiSummary struct {
	syncer.Summary
	Connections []syncer.Summary `json:"connections"`
}

func printSummary(io stdio, s syncer.Summary, asJSON bool) {
	if asJSON {
		writeJSON(io, &s) // carries the run's error, if any
		return
	}
	fmt.Fprintln(io.out, summaryLine(s))
}

// summaryLine is the one line cron mails and logs keep.
func summaryLine(s syncer.Summary) string {
	var b strings.Builder
	fmt.Fprintf(&b, "sync %s in %s: %s, %s invoices fetched (%s new, %s changed, %s removed)",
		s.Outcome, s.End.Sub(s.Start).Round(100*time.Millisecond), money.Plural(len(s.Companies), "company", "companies"),
		num(s.Fetched), num(s.New), num(s.Changed), num(s.Removed))
	if s.Users != nil {
		fmt.Fprintf(&b, ", %s", money.Plural(s.Users.Total, "user", "users"))
	}
	fmt.Fprintf(&b, "; %s, %s retries", money.Plural(int(s.Requests), "request", "requests"), num(s.Retries))
	if s.ThrottleWait > 0 {
		fmt.Fprintf(&b, ", %s waiting on throttling", s.ThrottleWait.Round(100*time.Millisecond))
	}
	if s.Outcome == store.OutcomePartial {
		var failed []string
		for _, c := range s.Companies {
			if !c.OK {
				failed = append(failed, untrusted.Text(c.Name))
			}
		}
		fmt.Fprintf(&b, "; failed: %s", strings.Join(failed, ", "))
	}
	return b.String()
}

// progressPrinter shows sync progress on stderr. On a terminal: one line
// per company and one for the whole run, rewritten in place (at most ten
// times a second). Otherwise plain timestamped lines, one per committed
// page, so cron logs and journald keep a readable trail.
type progressPrinter struct {
	w         io.Writer
	tty       bool
	width     int // terminal columns; 0 when unknown
	order     []string
	companies map[string]syncer.Progress
	named     bool // several connections: each company line says whose it is
	last      time.Time
	lines     int // lines drawn last time, to move back over
	drawn     bool
	now       func() time.Time
}

func newProgressPrinter(w io.Writer) *progressPrinter {
	p := &progressPrinter{w: w, companies: map[string]syncer.Progress{}, now: time.Now}
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		p.tty = true
		p.width, _, _ = term.GetSize(int(f.Fd()))
	}
	return p
}

func (p *progressPrinter) update(pr syncer.Progress) {
	if p.named {
		pr.Company = pr.Connection + ": " + pr.Company
	}
	if _, ok := p.companies[pr.CompanyID]; !ok {
		p.order = append(p.order, pr.CompanyID)
	}
	p.companies[pr.CompanyID] = pr
	if p.tty {
		p.draw(pr.Done || pr.Waiting > 0)
		return
	}
	if pr.WaitStatus != 0 && pr.Waiting == 0 {
		return // a wait ended: the next page line says the company moved on
	}
	fmt.Fprintln(p.w, p.now().UTC().Format(time.RFC3339)+" "+progressLine(pr, p.now()))
}

// draw rewrites the block of lines in place.
func (p *progressPrinter) draw(force bool) {
	if !force && time.Since(p.last) < 100*time.Millisecond {
		return
	}
	p.last = time.Now()
	now := p.now()
	lines := make([]string, 0, len(p.order)+1)
	for _, id := range p.order {
		lines = append(lines, companyLine(p.companies[id], now))
	}
	lines = append(lines, p.totalLine(now))
	var b strings.Builder
	if p.lines > 0 {
		fmt.Fprintf(&b, "\x1b[%dA", p.lines) // back to the block's first line
	}
	for _, l := range lines {
		// A line wider than the terminal would wrap and push the block down.
		if r := []rune(l); p.width > 1 && len(r) >= p.width {
			l = string(r[:p.width-2]) + "…"
		}
		b.WriteString("\r" + l + "\x1b[K\n")
	}
	_, _ = io.WriteString(p.w, b.String())
	p.lines, p.drawn = len(lines), true
}

// companyLine is one company on a terminal: mark, invoices read of BC's
// count with the share, pages, rate, ETA, and a wait while it lasts.
func companyLine(c syncer.Progress, now time.Time) string {
	mark := "…"
	switch {
	case c.Done && c.Err != nil:
		mark = "✗"
	case c.Done:
		mark = "✓"
	}
	line := inertf("%s %s: %s", mark, c.Company, figures(c, now))
	if c.Waiting > 0 && !c.Done {
		line += " (" + waitText(c) + ")"
	}
	return line
}

// figures is "4,000/10,000 invoices (40%), 4 pages, 250/s, ETA 24s".
func figures(c syncer.Progress, now time.Time) string {
	out := num(c.Invoices) + " invoices"
	if c.Expected > 0 {
		out = fmt.Sprintf("%s/%s invoices (%d%%)", num(c.Read), num(c.Expected), int(c.Fraction()*100))
	}
	out += ", " + money.Plural(c.Pages, "page", "pages")
	if r := c.Rate(now); r > 0 {
		out += fmt.Sprintf(", %s/s", num(int(r+0.5)))
	}
	if eta, ok := c.ETA(now); ok {
		out += ", ETA " + eta.Round(time.Second).String()
	}
	return out
}

// totalLine sums the companies: read of expected, pages, rate, elapsed,
// the longest ETA, and the run's throttling wait.
func (p *progressPrinter) totalLine(now time.Time) string {
	var read, expected, pages int
	var rate float64
	var elapsed, eta, throttled time.Duration
	for _, id := range p.order {
		c := p.companies[id]
		read, expected, pages = read+max(c.Read, c.Invoices), expected+c.Expected, pages+c.Pages
		rate += c.Rate(now)
		if !c.Started.IsZero() {
			elapsed = max(elapsed, now.Sub(c.Started))
		}
		if e, ok := c.ETA(now); ok {
			eta = max(eta, e)
		}
		throttled = c.ThrottleWait
	}
	line := "  all: " + num(read) + " invoices"
	if expected > 0 {
		line = fmt.Sprintf("  all: %s/%s invoices (%d%%)", num(read), num(expected), min(100, read*100/expected))
	}
	line += fmt.Sprintf(", %s, %s/s, %s elapsed", money.Plural(pages, "page", "pages"), num(int(rate+0.5)), elapsed.Round(time.Second))
	if eta > 0 {
		line += ", ETA " + eta.Round(time.Second).String()
	}
	if throttled > 0 {
		line += fmt.Sprintf(", throttled %s", throttled.Round(time.Second))
	}
	return line
}

// waitText says what a company is waiting for and how long.
func waitText(pr syncer.Progress) string {
	why := "Business Central is throttling requests"
	if pr.WaitStatus == 503 {
		why = "Business Central's request queue is full"
	}
	return fmt.Sprintf("%s; waiting %s", why, pr.Waiting.Round(time.Second))
}

func progressLine(pr syncer.Progress, now time.Time) string {
	switch {
	case pr.Waiting > 0 && !pr.Done:
		return inertf("%s: %s before retrying", pr.Company, waitText(pr))
	case pr.Done && pr.Err != nil:
		return inertf("%s: failed after %s invoices: %v", pr.Company, num(pr.Invoices), pr.Err)
	case pr.Done:
		return inertf("%s: done, %s invoices in %s (%s new, %s changed)", pr.Company, num(pr.Invoices),
			money.Plural(pr.Pages, "page", "pages"), num(pr.New), num(pr.Changed))
	case pr.Pages == 0:
		how := pr.Mode
		if pr.Resumed {
			how += ", resuming an interrupted run"
		}
		return inertf("%s: %s", pr.Company, how)
	}
	return inertf("%s: page %s committed, %s", pr.Company, num(pr.Pages), figures(pr, now))
}

// finish draws the block a last time; what follows starts below it.
func (p *progressPrinter) finish() {
	if p.tty && p.drawn {
		p.draw(true)
	}
}
