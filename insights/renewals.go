package insights

import (
	"fmt"
	"sort"
	"time"

	"github.com/bcspend/bcspend/money"
)

// Renewal is an application's billing rhythm for one company and currency,
// inferred from its charges, with the next charge predicted when the
// rhythm is regular: the last charge's date plus one period, for the last
// charge's amount.
type Renewal struct {
	App            string       `json:"app"`
	Category       string       `json:"category"`
	Company        string       `json:"company"`
	CompanyID      string       `json:"company_id"`
	Vendor         string       `json:"vendor"`
	Currency       string       `json:"currency"`
	Cadence        Cadence      `json:"cadence"`
	Charges        int          `json:"charges"`
	LastCharge     time.Time    `json:"last_charge"`
	LastAmount     money.Amount `json:"last_amount"`
	NextCharge     time.Time    `json:"next_charge,omitzero"` // zero unless the cadence is regular
	NextAmount     money.Amount `json:"next_amount"`
	DaysUntil      int          `json:"days_until"` // negative when overdue
	TransactionIDs []string     `json:"transaction_ids"`
	Message        string       `json:"message"`
}

// PriceIncrease is a charge above the previous one of the same regular
// series by more than the threshold.
type PriceIncrease struct {
	App            string       `json:"app"`
	Company        string       `json:"company"`
	Currency       string       `json:"currency"`
	Cadence        Cadence      `json:"cadence"`
	Date           time.Time    `json:"date"`
	Previous       money.Amount `json:"previous"`
	Current        money.Amount `json:"current"`
	Change         float64      `json:"change"` // 0.25 = +25%
	TransactionIDs []string     `json:"transaction_ids"`
	Message        string       `json:"message"`
}

// MissedCharge is an expected charge that did not come: the predicted date
// plus the cadence's grace period has passed. It often means a
// cancellation, or an invoice not yet paid or not yet synced.
type MissedCharge struct {
	App            string       `json:"app"`
	Company        string       `json:"company"`
	Currency       string       `json:"currency"`
	Cadence        Cadence      `json:"cadence"`
	Expected       time.Time    `json:"expected"`
	GraceUntil     time.Time    `json:"grace_until"`
	ExpectedAmount money.Amount `json:"expected_amount"`
	LastCharge     time.Time    `json:"last_charge"`
	TransactionIDs []string     `json:"transaction_ids"` // the last charge
	Message        string       `json:"message"`
}

func renewals(all []*series, now time.Time, opt Options) ([]Renewal, []PriceIncrease, []MissedCharge) {
	today := day(now)
	var rs []Renewal
	var ups []PriceIncrease
	var missed []MissedCharge
	for _, s := range all {
		r := renewalOf(s, today)
		rs = append(rs, r)
		b, regular := bandOf(r.Cadence)
		if !regular {
			continue
		}
		ups = append(ups, priceIncreases(s, r.Cadence, opt.PriceIncrease)...)
		if grace := r.NextCharge.AddDate(0, 0, b.grace); today.After(grace) {
			missed = append(missed, missedOf(s, r, grace))
		}
	}
	sort.SliceStable(rs, func(i, j int) bool { return renewalLess(&rs[i], &rs[j]) })
	sort.SliceStable(ups, func(i, j int) bool { return ups[i].Date.After(ups[j].Date) })
	sort.SliceStable(missed, func(i, j int) bool { return missed[i].Expected.Before(missed[j].Expected) })
	return rs, ups, missed
}

// renewalLess puts predicted charges first, soonest first.
func renewalLess(a, b *Renewal) bool {
	if a.NextCharge.IsZero() != b.NextCharge.IsZero() {
		return !a.NextCharge.IsZero()
	}
	if !a.NextCharge.Equal(b.NextCharge) {
		return a.NextCharge.Before(b.NextCharge)
	}
	return a.App < b.App
}

func renewalOf(s *series, today time.Time) Renewal {
	last := s.Charges[len(s.Charges)-1]
	r := Renewal{
		App: s.App, Category: s.Category, Company: s.Company, CompanyID: s.CompanyID, Vendor: s.Vendor,
		Currency: s.Currency, Cadence: InferCadence(s.dates()), Charges: len(s.Charges),
		LastCharge: last.Date, LastAmount: last.Amount, TransactionIDs: s.ids(),
	}
	b, regular := bandOf(r.Cadence)
	if !regular {
		r.Message = fmt.Sprintf("%s (%s): %s billing, %d charges, last %s", s.App, s.Company, r.Cadence,
			r.Charges, last.Date.Format(time.DateOnly))
		return r
	}
	r.NextCharge = addMonths(last.Date, b.months)
	r.NextAmount = last.Amount
	r.DaysUntil = int(r.NextCharge.Sub(today).Hours() / 24)
	r.Message = fmt.Sprintf("%s (%s): %s, next charge about %s for %s %s", s.App, s.Company, r.Cadence,
		r.NextCharge.Format(time.DateOnly), r.NextAmount.Fixed2(), s.Currency)
	return r
}

func priceIncreases(s *series, c Cadence, threshold float64) []PriceIncrease {
	var out []PriceIncrease
	// A price needs two charges to be seen; the third can raise it.
	for i := 2; i < len(s.Charges); i++ {
		prev, cur := s.Charges[i-1], s.Charges[i]
		if prev.Amount <= 0 || cur.Amount <= prev.Amount || !stable(s.Charges[max(0, i-stableWindow):i], max(threshold, volatility)) {
			continue
		}
		change := float64(cur.Amount-prev.Amount) / float64(prev.Amount)
		if change <= threshold {
			continue
		}
		out = append(out, PriceIncrease{
			App: s.App, Company: s.Company, Currency: s.Currency, Cadence: c, Date: cur.Date,
			Previous: prev.Amount, Current: cur.Amount, Change: change,
			TransactionIDs: append(append([]string(nil), prev.IDs...), cur.IDs...),
			Message: fmt.Sprintf("%s (%s): %s %s on %s, up %.0f%% from %s", s.App, s.Company,
				cur.Amount.Fixed2(), s.Currency, cur.Date.Format(time.DateOnly), change*100, prev.Amount.Fixed2()),
		})
	}
	return out
}

// stableWindow is how many earlier charges show whether the price was
// steady; volatility is how far they may wander and still be a price.
const (
	stableWindow = 3
	volatility   = 0.10
)

// stable reports whether the charges agree within tolerance of each other.
// Metered bills (AWS, Twilio usage) move every month, and a rise among them
// is usage, not a price increase.
func stable(charges []charge, tolerance float64) bool {
	lo, hi := charges[0].Amount, charges[0].Amount
	for _, c := range charges[1:] {
		lo, hi = min(lo, c.Amount), max(hi, c.Amount)
	}
	return lo > 0 && float64(hi-lo) <= tolerance*float64(lo)
}

func missedOf(s *series, r Renewal, grace time.Time) MissedCharge {
	last := s.Charges[len(s.Charges)-1]
	return MissedCharge{
		App: s.App, Company: s.Company, Currency: s.Currency, Cadence: r.Cadence,
		Expected: r.NextCharge, GraceUntil: grace, ExpectedAmount: r.NextAmount, LastCharge: last.Date,
		TransactionIDs: append([]string(nil), last.IDs...),
		Message: fmt.Sprintf("%s (%s): %s charge expected about %s has not come; cancelled, unpaid or not synced?",
			s.App, s.Company, r.Cadence, r.NextCharge.Format(time.DateOnly)),
	}
}

// addMonths adds n calendar months, clamping the day to the target month's
// last day (a bill on 31 January renews on 28/29 February, not 3 March).
func addMonths(t time.Time, n int) time.Time {
	y, m, d := t.Date()
	first := time.Date(y, m+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1).Day()
	return time.Date(first.Year(), first.Month(), min(d, last), 0, 0, 0, 0, time.UTC)
}

func day(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
