package insights

import (
	"math"
	"sort"
	"time"

	"github.com/bcspend/bcspend/money"
	"github.com/bcspend/bcspend/spend"
)

// Trends is spend month by month over the trailing 12 months (oldest
// first; the last is the current, still open month) and the change per
// application between the last two complete months: comparing with the
// open month would show every app "falling" until its bill arrives.
type Trends struct {
	Months   []MonthSpend `json:"months"`
	Compared [2]string    `json:"compared"` // the two months compared, "2026-09", "2026-10"
	Apps     []AppTrend   `json:"apps"`
	Movers   []AppTrend   `json:"movers"` // monthly bills that moved (see movers), biggest absolute changes first
}

// MonthSpend is one month of paid, not-ignored spend.
type MonthSpend struct {
	Month     string       `json:"month"` // YYYY-MM
	Spend     spend.Money  `json:"spend"`
	Reporting money.Amount `json:"reporting"`
}

// AppTrend is one application's monthly spend in the reporting currency
// and its month-over-month change.
type AppTrend struct {
	App            string           `json:"app"`
	Company        string           `json:"company,omitempty"` // of a mover: the plan's company
	Months         [12]money.Amount `json:"months"`
	Previous       money.Amount     `json:"previous"`
	Current        money.Amount     `json:"current"`
	Change         money.Amount     `json:"change"`
	ChangeShare    float64          `json:"change_share"` // Change/Previous; 0 when Previous is 0 (see New)
	New            bool             `json:"new"`          // nothing the month before
	TransactionIDs []string         `json:"transaction_ids"`
	Ident
}

const (
	prevMonth = 9  // index of the month before the last complete one
	lastMonth = 10 // index of the last complete month
)

func trends(m *spend.Model, apps []spend.AppRow, txs []spend.Transaction, series []*series, opt Options) Trends {
	start := m.WindowStart()
	var tr Trends
	tr.Compared = [2]string{start.AddDate(0, prevMonth, 0).Format("2006-01"), start.AddDate(0, lastMonth, 0).Format("2006-01")}
	tr.Months = monthTotals(txs, start)
	ids := moverIDs(txs, start)
	for _, a := range apps {
		t := AppTrend{App: a.App, Months: a.ReportingMonths, Previous: a.ReportingMonths[prevMonth],
			Current: a.ReportingMonths[lastMonth], TransactionIDs: ids[a.App]}
		t.Change = t.Current - t.Previous
		t.New = t.Previous == 0 && t.Current != 0
		t.ChangeShare = share(t.Change, t.Previous)
		t.Ident = ident(KindMover, []string{a.App, tr.Compared[1]}, t.Previous, t.Current)
		tr.Apps = append(tr.Apps, t)
	}
	tr.Movers = movers(series, start, tr.Compared[1], opt.Top)
	return tr
}

// moverShare is how far an application's monthly bills must move between
// the two compared months to be a mover: metered bills wander by a fifth
// month to month, seats added or a usage spike move more.
const moverShare = 0.25

// movers are the plans whose monthly bill (a plan whose charges show a
// monthly rhythm, of one company) moved by more than moverShare between
// the last two complete months, the biggest absolute changes first, at most
// top. Both months need a bill: a month without one is a charge not yet
// paid (see MissedCharge), and an annual bill landing in one month is a
// renewal; neither is a move of what the app costs.
func movers(all []*series, start time.Time, month string, top int) []AppTrend {
	var out []AppTrend
	for _, s := range all {
		b, regular := bandOf(InferCadence(s.dates()))
		if !regular || b.cadence != Monthly || !s.rhythmShown(b) {
			continue
		}
		t := AppTrend{App: s.App, Company: s.Company}
		for _, c := range s.Charges {
			i := monthIndex(c.Date, start)
			if (i != prevMonth && i != lastMonth) || c.Unconverted {
				continue
			}
			if i == prevMonth {
				t.Previous += c.Reporting
			} else {
				t.Current += c.Reporting
			}
			t.TransactionIDs = append(t.TransactionIDs, c.IDs...)
		}
		t.Change = t.Current - t.Previous
		t.ChangeShare = share(t.Change, t.Previous)
		if t.Previous <= 0 || t.Current <= 0 || math.Abs(t.ChangeShare) <= moverShare {
			continue
		}
		t.Ident = ident(KindMover, append(s.keyParts(), month), t.Previous, t.Current)
		out = append(out, t)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if abs(out[i].Change) != abs(out[j].Change) {
			return abs(out[i].Change) > abs(out[j].Change)
		}
		return out[i].App < out[j].App
	})
	return out[:min(len(out), top)]
}

func monthTotals(txs []spend.Transaction, start time.Time) []MonthSpend {
	out := make([]MonthSpend, 12)
	for i := range out {
		out[i] = MonthSpend{Month: start.AddDate(0, i, 0).Format("2006-01"), Spend: spend.Money{}}
	}
	for k := range txs {
		t := &txs[k]
		if i := monthIndex(t.Date(), start); i >= 0 && !t.Ignored && !t.History {
			out[i].Spend[t.Currency] += t.Amount
			if !t.Unconverted {
				out[i].Reporting += t.AmountReporting
			}
		}
	}
	return out
}

// moverIDs are each application's transactions in the two compared months.
func moverIDs(txs []spend.Transaction, start time.Time) map[string][]string {
	ids := map[string][]string{}
	for k := range txs {
		t := &txs[k]
		if i := monthIndex(t.Date(), start); (i == prevMonth || i == lastMonth) && t.App != "" && !t.Ignored && !t.History {
			ids[t.App] = append(ids[t.App], t.ID)
		}
	}
	return ids
}

func monthIndex(d, start time.Time) int {
	i := (d.Year()-start.Year())*12 + int(d.Month()) - int(start.Month())
	if i < 0 || i > 11 {
		return -1
	}
	return i
}

func abs(a money.Amount) money.Amount {
	if a < 0 {
		return -a
	}
	return a
}
