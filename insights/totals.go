package insights

import (
	"sort"
	"time"

	"github.com/bcspend/bcspend/money"
	"github.com/bcspend/bcspend/spend"
)

// RunRateMethod explains Totals.RunRate; it is part of the report so the
// number is never shown without its method.
const RunRateMethod = "sum over applications and companies of the latest charge times the charges per year of the " +
	"inferred cadence (monthly x12, quarterly x4, annual x1), skipping subscriptions whose expected " +
	"charge is overdue past its grace period and payment term (probably cancelled); applications billed irregularly count " +
	"their trailing-12-month spend; unmatched spend is not included; in the reporting currency at each " +
	"charge's own rate"

// Totals are the headline numbers over the trailing 12 months of paid,
// not-ignored spend.
type Totals struct {
	Spend              spend.Money  `json:"spend"`
	Reporting          money.Amount `json:"reporting"`
	Unconverted        int          `json:"unconverted"` // transactions with no rate, left out of Reporting
	RunRate            money.Amount `json:"run_rate"`
	RunRateMethod      string       `json:"run_rate_method"`
	Applications       int          `json:"applications"`
	Unmatched          spend.Money  `json:"unmatched"`
	UnmatchedReporting money.Amount `json:"unmatched_reporting"`
	UnmatchedShare     float64      `json:"unmatched_share"` // of Reporting
	PerCategory        []Bucket     `json:"per_category"`
	PerCompany         []Bucket     `json:"per_company"`
	TopApps            []Bucket     `json:"top_apps"`
}

// Bucket is the spend of one category, company or application.
type Bucket struct {
	Name         string       `json:"name"`
	Spend        spend.Money  `json:"spend"`
	Reporting    money.Amount `json:"reporting"`
	Share        float64      `json:"share"` // of Totals.Reporting
	Transactions int          `json:"transactions"`
}

// UnmatchedCategory is the category bucket of spend no application claims.
const UnmatchedCategory = "(unmatched)"

// totals fills the breakdowns of grand, the converted 12-month total
// Compute reads from the model (spend.Model.Total) before walking txs.
func totals(m *spend.Model, apps []spend.AppRow, txs []spend.Transaction, all []*series, grand money.Amount, opt Options) Totals {
	t := Totals{RunRateMethod: RunRateMethod, Spend: spend.Money{}, Unmatched: spend.Money{}}
	since := m.WindowStart()
	cats, cos := buckets{}, buckets{}
	for i := range txs {
		x := &txs[i]
		if x.History || x.Ignored || !inWindow(x.Date(), since, m.Now()) {
			continue
		}
		cat := x.Category
		if x.App == "" {
			cat = UnmatchedCategory
			t.Unmatched[x.Currency] += x.Amount
			if !x.Unconverted {
				t.UnmatchedReporting += x.AmountReporting
			}
		} else if cat == "" {
			cat = "(uncategorised)"
		}
		cats.add(cat, x)
		cos.add(x.Company, x)
	}
	t.PerCategory, t.PerCompany = cats.sorted(grand), cos.sorted(grand)
	t.Applications = len(apps)
	for i := 0; i < len(apps) && i < opt.Top; i++ {
		a := apps[i]
		t.TopApps = append(t.TopApps, Bucket{Name: a.App, Spend: a.Spend, Reporting: a.Reporting,
			Share: share(a.Reporting, grand), Transactions: a.Transactions})
	}
	t.RunRate = runRate(all, m.Now(), since)
	return t
}

func inWindow(d, since, now time.Time) bool {
	return !d.Before(since) && !d.After(endOfMonth(now))
}

func endOfMonth(t time.Time) time.Time {
	y, m, _ := t.Date()
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC)
}

type buckets map[string]*Bucket

func (b buckets) add(name string, t *spend.Transaction) {
	k := b[name]
	if k == nil {
		k = &Bucket{Name: name, Spend: spend.Money{}}
		b[name] = k
	}
	k.Spend[t.Currency] += t.Amount
	if !t.Unconverted {
		k.Reporting += t.AmountReporting
	}
	k.Transactions++
}

func (b buckets) sorted(total money.Amount) []Bucket {
	out := make([]Bucket, 0, len(b))
	for _, k := range b {
		k.Share = share(k.Reporting, total)
		out = append(out, *k)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Reporting != out[j].Reporting {
			return out[i].Reporting > out[j].Reporting
		}
		return out[i].Name < out[j].Name
	})
	return out
}

// runRate implements RunRateMethod.
func runRate(all []*series, now, since time.Time) money.Amount {
	today := day(now)
	var total money.Amount
	for _, s := range all {
		c := InferCadence(s.dates())
		b, regular := bandOf(c)
		if !regular {
			for _, ch := range s.Charges {
				if !ch.Unconverted && inWindow(ch.Date, since, now) {
					total += ch.Reporting
				}
			}
			continue
		}
		last := s.Charges[len(s.Charges)-1]
		if last.Unconverted || today.After(overdueAfter(addMonths(last.Date, b.months), b, last.DueDays)) {
			continue
		}
		total += last.Reporting * money.Amount(12/b.months)
	}
	return total
}
