package ui

import (
	"fmt"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/bcspend/bcspend/insights"
	"github.com/bcspend/bcspend/money"
	"github.com/bcspend/bcspend/spend"
	"github.com/bcspend/bcspend/untrusted"
)

// maxRenewals caps the upcoming renewals listed: a large tenant has one
// series per application, company and currency.
const maxRenewals = 10

// overviewData is the insights report made ready to draw: BC text made
// inert and every finding a one-line row, built in the load Cmd so View only
// lays it out.
type overviewData struct {
	cur            string // reporting currency
	window         time.Time
	spend          spend.Money
	reporting      money.Amount
	unconverted    int
	runRate        money.Amount
	apps           int
	unmatched      money.Amount
	unmatchedShare float64
	cats, cos      []insights.Bucket
	months         []insights.MonthSpend
	cmp            insights.Comparison
	users          insights.Users
	dismissed      int          // findings an admin dismissed, left out
	renewals       []renewalRow // the contracts, for the Renewals screen
	sections       []findingSection
	items          []*finding // every finding in display order: what j/k walk
}

// findingSection is one group of findings under a title.
type findingSection struct {
	title   string
	more    int  // findings not listed (renewals past the cap)
	noCount bool // a summary, not a list: no count in the title
	items   []*finding
}

// finding is one selectable row of the Overview, with the transactions
// behind it.
type finding struct {
	kind  string // "Price increase"
	name  string // what it is about: "Slack"
	text  string // the row
	ids   []string
	users bool           // opens the Users screen instead of transactions
	id    insights.Ident // what dismissing it stores; empty for the users summary
}

// crumb is the Transactions screen's breadcrumb for the finding.
func (f *finding) crumb() string { return "Overview › " + f.kind + ": " + f.name }

// insightsMsg is a fresh insights report; seq tells a stale one apart.
type insightsMsg struct {
	seq  int
	data *overviewData
	err  error
}

// Intents the Overview sends to the root.
type (
	findingMsg struct {
		crumb string
		ids   []string
	}
	usersFindingMsg struct{}
)

// insightsCmd reads the report and prepares it, off the Update loop.
func insightsCmd(b Backend, seq int) tea.Cmd {
	return func() tea.Msg {
		r, err := b.Insights()
		if err != nil {
			return insightsMsg{seq: seq, err: err}
		}
		return insightsMsg{seq: seq, data: buildOverview(r)}
	}
}

// inert makes BC text safe to draw.
var inert = untrusted.Text

func buildOverview(r insights.Report) *overviewData {
	t := r.Totals
	d := &overviewData{
		cur: inert(r.ReportingCurrency), window: r.WindowStart, spend: cleanMoney(t.Spend), reporting: t.Reporting,
		unconverted: t.Unconverted, runRate: t.RunRate, apps: t.Applications, unmatched: t.UnmatchedReporting,
		unmatchedShare: t.UnmatchedShare, cats: cleanBuckets(t.PerCategory), cos: cleanBuckets(t.PerCompany),
		months: r.Trends.Months, users: r.Users, cmp: r.Comparison,
	}
	d.users.MissingEmail = cleanAll(r.Users.MissingEmail)
	d.sections = []findingSection{
		section("Price increases", r.PriceIncreases, priceFinding),
		section("Missed charges", r.MissedCharges, missedFinding),
		section("Ended plans", r.Ended, endedFinding),
		section("Seat counts that changed", changedSeats(r.Seats), seatFinding),
		section("Probable duplicate charges", r.Duplicates, duplicateFinding),
		section("New vendors", r.NewVendors, newVendorFinding),
		renewalSection(r.Renewals),
		section("Overlapping apps (one company, one job, two vendors)", r.Overlaps, overlapFinding),
		section("Monthly bills that moved, "+r.Trends.Compared[1]+" vs "+r.Trends.Compared[0], r.Trends.Movers,
			func(a *insights.AppTrend) *finding { return moverFinding(a, d.cur) }),
		{title: "Users", noCount: true, items: []*finding{usersFinding(d.users)}},
	}
	for _, s := range d.sections {
		d.items = append(d.items, s.items...)
	}
	d.dismissed = r.Dismissed
	d.renewals = renewalRows(r.Contracts, r.Generated)
	return d
}

func section[T any](title string, xs []T, f func(*T) *finding) findingSection {
	s := findingSection{title: title}
	for i := range xs {
		s.items = append(s.items, f(&xs[i]))
	}
	return s
}

func renewalSection(rs []insights.Renewal) findingSection {
	s := findingSection{title: "Renewals coming up"}
	for i := range rs {
		r := &rs[i]
		if r.NextCharge.IsZero() || r.DaysUntil < 0 || r.Dismissed {
			continue
		}
		if len(s.items) == maxRenewals {
			s.more++
			continue
		}
		s.items = append(s.items, &finding{kind: "Renewal", name: inert(r.App), ids: r.TransactionIDs, id: r.Ident,
			text: fmt.Sprintf("%s · %s %s on %s (in %s) · %s · %s", inert(r.App), fmtAmount(r.NextAmount), inert(r.Currency),
				fmtDate(r.NextCharge), money.Plural(r.DaysUntil, "day", "days"), r.Cadence, inert(r.Company))})
	}
	return s
}

func priceFinding(p *insights.PriceIncrease) *finding {
	unit := ""
	if p.Basis == insights.BasisPerSeat {
		unit = " a seat"
	}
	return &finding{kind: "Price increase", name: inert(p.App), ids: p.TransactionIDs, id: p.Ident,
		text: fmt.Sprintf("%s · %s → %s %s%s (+%.0f%%) on %s · %s · %s", inert(p.App), fmtAmount(p.Previous),
			fmtAmount(p.Current), inert(p.Currency), unit, p.Change*100, fmtDate(p.Date), p.Cadence, inert(p.Company))}
}

func missedFinding(m *insights.MissedCharge) *finding {
	return &finding{kind: "Missed charge", name: inert(m.App), ids: m.TransactionIDs, id: m.Ident,
		text: fmt.Sprintf("%s · %s charge of %s %s expected %s, none by %s · %s", inert(m.App), m.Cadence,
			fmtAmount(m.ExpectedAmount), inert(m.Currency), fmtDate(m.Expected), fmtDate(m.GraceUntil), inert(m.Company))}
}

func endedFinding(e *insights.EndedPlan) *finding {
	return &finding{kind: "Ended plan", name: inert(e.App), ids: e.TransactionIDs, id: e.Ident,
		text: fmt.Sprintf("%s · %s plan ended · last charge %s %s on %s, none since · %s", inert(e.App), e.Cadence,
			fmtAmount(e.LastAmount), inert(e.Currency), fmtDate(e.LastCharge), inert(e.Company))}
}

func changedSeats(ps []insights.SeatPlan) []insights.SeatPlan {
	var out []insights.SeatPlan
	for _, p := range ps {
		if p.SeatChanged() {
			out = append(out, p)
		}
	}
	return out
}

func seatFinding(p *insights.SeatPlan) *finding {
	return &finding{kind: "Seats", name: inert(p.App), ids: p.TransactionIDs, id: p.Ident,
		text: fmt.Sprintf("%s · %s → %s seats at %s %s a seat · %s", inert(p.App), seatCount(p.PreviousSeats), seatCount(p.Seats),
			fmtAmount(p.PricePerSeat), inert(p.Currency), inert(p.Company))}
}

// seatCount prints a whole quantity without decimals.
func seatCount(a money.Amount) string {
	if a%10000 == 0 {
		return fmt.Sprint(int64(a) / 10000)
	}
	return a.String()
}

func newVendorFinding(v *insights.NewVendor) *finding {
	what := "unmatched"
	if v.App != "" {
		what = inert(v.App)
	}
	return &finding{kind: "New vendor", name: inert(v.Vendor), ids: v.TransactionIDs, id: v.Ident,
		text: fmt.Sprintf("%s · first paid %s · %s %s so far · %s · %s", inert(v.Vendor), fmtDate(v.First), fmtAmount(v.Amount),
			inert(v.Currency), what, inert(v.Company))}
}

func duplicateFinding(x *insights.Duplicate) *finding {
	name := inert(x.Vendor)
	if x.App != "" {
		name = inert(x.App)
	}
	dates := make([]string, len(x.Dates))
	for i, t := range x.Dates {
		dates[i] = fmtDate(t)
	}
	why := "same amount"
	if x.Reason == insights.DupVendorInvoiceNumber {
		why = "same vendor invoice " + inert(x.VendorInvoiceNumber)
	}
	return &finding{kind: "Duplicate", name: name, ids: x.TransactionIDs, id: x.Ident,
		text: fmt.Sprintf("%s · %s %s paid %s (%s; %s) · %s", inert(x.Vendor), fmtAmount(x.Amount), inert(x.Currency),
			strings.Join(dates, " and "), strings.Join(cleanAll(x.InvoiceNumbers), ", "), why, inert(x.Company))}
}

func overlapFinding(o *insights.Overlap) *finding {
	apps := make([]string, len(o.Apps))
	for i, a := range o.Apps {
		apps[i] = inert(a.App)
	}
	text := fmt.Sprintf("%s · %s outside the biggest · %s", inert(o.Job), fmtAmount(o.AtStake), strings.Join(apps, ", "))
	if len(o.Companies) > 0 {
		text += " · " + strings.Join(cleanAll(o.Companies), ", ")
	}
	return &finding{kind: "Overlap", name: inert(o.Job), ids: o.TransactionIDs, id: o.Ident, text: text}
}

func moverFinding(a *insights.AppTrend, cur string) *finding {
	change := fmt.Sprintf("%+.0f%%", a.ChangeShare*100)
	if a.New {
		change = "new"
	}
	text := fmt.Sprintf("%s · %s → %s %s (%s)", inert(a.App), fmtAmount(a.Previous), fmtAmount(a.Current), cur, change)
	if a.Company != "" {
		text += " · " + inert(a.Company)
	}
	return &finding{kind: "Mover", name: inert(a.App), ids: a.TransactionIDs, id: a.Ident, text: text}
}

func usersFinding(us insights.Users) *finding {
	text := fmt.Sprintf("%d active · %d disabled · %d app/agent", us.Active, us.Disabled, us.Applications)
	if n := len(us.MissingEmail); n > 0 {
		text += fmt.Sprintf(" · %d active without contact email: %s", n, strings.Join(us.MissingEmail, ", "))
	} else {
		text += " · every active user has a contact email"
	}
	return &finding{kind: "Users", name: "missing email", text: text, users: true}
}

func cleanAll(xs []string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = inert(x)
	}
	return out
}

func cleanBuckets(bs []insights.Bucket) []insights.Bucket {
	out := make([]insights.Bucket, len(bs))
	for i, b := range bs {
		b.Name = inert(b.Name)
		out[i] = b
	}
	return out
}

func cleanMoney(m spend.Money) spend.Money {
	out := make(spend.Money, len(m))
	for c, a := range m {
		out[inert(c)] += a
	}
	return out
}
