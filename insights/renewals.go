package insights

import (
	"fmt"
	"regexp"
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
	Ended          bool         `json:"ended"`     // no charge for two periods: the plan stopped
	Dismissed      bool         `json:"dismissed"` // an admin dismissed it (it stays in the calendar)
	Ident
}

// PriceIncrease is a rise of a regular plan's price by more than the
// threshold after steady prices: of the price per seat when the plan is
// billed per seat (Basis per-seat: more seats is not a price increase), else
// of the amount per term (Basis per-term; a metered bill, which wanders,
// never qualifies).
type PriceIncrease struct {
	App            string       `json:"app"`
	Company        string       `json:"company"`
	Currency       string       `json:"currency"`
	Cadence        Cadence      `json:"cadence"`
	Date           time.Time    `json:"date"`
	Basis          string       `json:"basis"`           // per-seat or per-term
	Seats          money.Amount `json:"seats,omitempty"` // per-seat: the seats of the raised charge
	Previous       money.Amount `json:"previous"`
	Current        money.Amount `json:"current"`
	Change         float64      `json:"change"` // 0.25 = +25%
	TransactionIDs []string     `json:"transaction_ids"`
	Message        string       `json:"message"`
	Ident
}

// MissedCharge is an expected charge of a live plan that did not come: the
// predicted date plus the cadence's grace period plus the payment term has
// passed (overdueAfter) and the charge after it is not overdue yet (then the
// plan has ended: see EndedPlan). bcspend syncs paid invoices only, so a bill
// received but left unpaid past its due date looks missed too: the message
// says so.
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
	Ident
}

// EndedPlan is a regular plan whose two expected charges after the last
// one are both overdue (past overdueAfter): cancelled, or moved to another
// vendor or plan. It is said once,
// while the last charge is inside the trailing 12 months.
type EndedPlan struct {
	App            string       `json:"app"`
	Company        string       `json:"company"`
	Currency       string       `json:"currency"`
	Cadence        Cadence      `json:"cadence"`
	LastCharge     time.Time    `json:"last_charge"`
	LastAmount     money.Amount `json:"last_amount"`
	EndedAbout     time.Time    `json:"ended_about"` // the last charge plus one period: what it paid up to
	TransactionIDs []string     `json:"transaction_ids"`
	Message        string       `json:"message"`
	Ident
}

// schedule reads every series: its renewal, its price increases, and
// whether its expected charge is missed or the plan has ended.
type schedule struct {
	renewals  []Renewal
	ups       []PriceIncrease
	missed    []MissedCharge
	ended     []EndedPlan
	contracts []Contract
	seats     []SeatPlan
	terms     map[*series]int // each plan's term in months, for overlaps
}

func renewals(all []*series, now, since time.Time, opt Options) schedule {
	today := day(now)
	sc := schedule{terms: map[*series]int{}}
	for _, s := range all {
		r := renewalOf(s, today)
		// The detectors below need a rhythm the charges show; a period
		// read from a line only dates the renewal.
		b, regular := bandOf(r.Cadence)
		k, known := contractOf(s, r.Cadence, today)
		if known {
			sc.terms[s] = k.TermMonths
			if k.Status != ContractLapsed || !k.End.Before(since) {
				sc.contracts = append(sc.contracts, k)
			}
			r.fromContract(&k, today)
		}
		// A seat count is compared one period back, and only when the
		// charges show the rhythm or a line states the term.
		shown := regular && s.rhythmShown(b) || known && k.Source != SourceCadence
		p, perSeat := seatPlan(s, r.Cadence, shown)
		if perSeat && (regular || known) {
			sc.seats = append(sc.seats, p)
		}
		if regular {
			if perSeat {
				sc.ups = append(sc.ups, seatPriceIncreases(s, r.Cadence, opt.PriceIncrease)...)
			} else {
				sc.ups = append(sc.ups, priceIncreases(s, r.Cadence, opt.PriceIncrease)...)
			}
		}
		if regular && s.rhythmShown(b) {
			last := s.Charges[len(s.Charges)-1]
			grace := overdueAfter(r.NextCharge, b, last.DueDays)
			switch {
			case movedOn(all, s, grace):
				// Billed anew at another amount: neither missed nor ended.
			case today.After(overdueAfter(addMonths(last.Date, 2*b.months), b, last.DueDays)):
				r.Ended = true
				if !last.Date.Before(since) {
					sc.ended = append(sc.ended, endedOf(s, r))
				}
			case today.After(grace):
				sc.missed = append(sc.missed, missedOf(s, r, grace))
			}
		}
		sc.renewals = append(sc.renewals, r)
	}
	sortContracts(sc.contracts)
	sortSeatPlans(sc.seats)
	sort.SliceStable(sc.renewals, func(i, j int) bool { return renewalLess(&sc.renewals[i], &sc.renewals[j]) })
	sort.SliceStable(sc.ups, func(i, j int) bool { return sc.ups[i].Date.After(sc.ups[j].Date) })
	sort.SliceStable(sc.missed, func(i, j int) bool { return sc.missed[i].Expected.Before(sc.missed[j].Expected) })
	sort.SliceStable(sc.ended, func(i, j int) bool { return sc.ended[i].LastCharge.After(sc.ended[j].LastCharge) })
	return sc
}

// fromContract predicts the next charge of a plan whose rhythm the charges
// alone do not show (one annual charge) from the period its line states.
func (r *Renewal) fromContract(k *Contract, today time.Time) {
	if _, regular := bandOf(r.Cadence); regular || k.Source == SourceCadence {
		return
	}
	r.Cadence = termCadence(k.TermMonths)
	r.NextCharge, r.NextAmount = k.NextRenewal, k.Amount
	r.DaysUntil = daysBetween(today, r.NextCharge)
	r.Message = fmt.Sprintf("%s (%s): %s (from the invoice line), next charge about %s for %s %s", r.App, r.Company, termName(k.TermMonths),
		r.NextCharge.Format(time.DateOnly), r.NextAmount.Grouped(), r.Currency)
}

func endedOf(s *series, r Renewal) EndedPlan {
	last := s.Charges[len(s.Charges)-1]
	return EndedPlan{
		App: s.App, Company: s.Company, Currency: s.Currency, Cadence: r.Cadence, LastCharge: last.Date,
		LastAmount: last.Amount, EndedAbout: r.NextCharge, TransactionIDs: append([]string(nil), last.IDs...),
		Message: fmt.Sprintf("%s (%s): %s plan ended; last charge %s for %s %s, none since", s.App, s.Company, r.Cadence,
			last.Date.Format(time.DateOnly), last.Amount.Grouped(), s.Currency),
		Ident: ident(KindEnded, s.keyParts(), last.Date),
	}
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
	r.Ident = ident(KindRenewal, s.keyParts(), r.Cadence, last.Date)
	if !regular {
		r.Message = fmt.Sprintf("%s (%s): %s billing, %d charges, last %s", s.App, s.Company, r.Cadence,
			r.Charges, last.Date.Format(time.DateOnly))
		return r
	}
	r.NextCharge = addMonths(last.Date, b.months)
	r.NextAmount = last.Amount
	r.DaysUntil = int(r.NextCharge.Sub(today).Hours() / 24)
	r.Message = fmt.Sprintf("%s (%s): %s, next charge about %s for %s %s", s.App, s.Company, r.Cadence,
		r.NextCharge.Format(time.DateOnly), r.NextAmount.Grouped(), s.Currency)
	return r
}

func priceIncreases(s *series, c Cadence, threshold float64) []PriceIncrease {
	if s.usageWords() {
		return nil
	}
	var out []PriceIncrease
	// A price needs two charges to be seen; the third can raise it.
	for i := 2; i < len(s.Charges); i++ {
		prev, cur := s.Charges[i-1], s.Charges[i]
		window := s.Charges[max(0, i-stableWindow):i]
		if prev.Amount <= 0 || cur.Amount <= prev.Amount || !stable(window, max(threshold, volatility)) || !repeats(window) ||
			undone(s.Charges[i+1:], func(c charge) money.Amount { return c.Amount }, prev.Amount, cur.Amount) {
			continue
		}
		change := float64(cur.Amount-prev.Amount) / float64(prev.Amount)
		if change <= threshold {
			continue
		}
		out = append(out, PriceIncrease{
			App: s.App, Company: s.Company, Currency: s.Currency, Cadence: c, Date: cur.Date, Basis: BasisPerTerm,
			Previous: prev.Amount, Current: cur.Amount, Change: change,
			TransactionIDs: append(append([]string(nil), prev.IDs...), cur.IDs...),
			Ident:          ident(KindPriceIncrease, append(s.keyParts(), cur.Date.Format(time.DateOnly)), prev.Amount, cur.Amount),
			Message: fmt.Sprintf("%s (%s): %s %s on %s, up %.0f%% from %s", s.App, s.Company,
				cur.Amount.Grouped(), s.Currency, cur.Date.Format(time.DateOnly), change*100, prev.Amount.Grouped()),
		})
	}
	return out
}

// undone reports whether the charge after a rise is back nearer the old
// price than the new one: a price that rose stays up, a one-off purchase
// between two bills of the plan (more licences, a partner's invoice) does
// not. A rise on the plan's last charge stands until the next one says.
func undone[T any](after []T, v func(T) money.Amount, old, raised money.Amount) bool {
	if len(after) == 0 {
		return false
	}
	next := v(after[0])
	return abs(next-old) < abs(next-raised)
}

// Price increase bases.
const (
	BasisPerSeat = "per-seat"
	BasisPerTerm = "per-term"
)

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

// repeats reports whether two of the charges are equal to the cent: a
// price billed per term repeats, a metered bill (usage, consumption)
// differs every time, so its rise is usage, not a price.
func repeats(cs []charge) bool {
	for i := range cs {
		for j := i + 1; j < len(cs); j++ {
			if cs[i].Amount == cs[j].Amount {
				return true
			}
		}
	}
	return false
}

// usageRE are the words of a metered line, in the languages of ParsePeriod.
var usageRE = regexp.MustCompile(`(?i)usage|metered|consumption|pay[- ]as[- ]you[- ]go|overage|verbrauch|nutzung|forbrug|forbruk|förbrukning|consommation|consumo|verbruik`)

// usageWords reports whether the plan's lines say it is metered.
func (s *series) usageWords() bool {
	for i := range s.Charges {
		for _, t := range s.Charges[i].Texts {
			if usageRE.MatchString(t.text) {
				return true
			}
		}
	}
	return false
}

func missedOf(s *series, r Renewal, grace time.Time) MissedCharge {
	last := s.Charges[len(s.Charges)-1]
	return MissedCharge{
		App: s.App, Company: s.Company, Currency: s.Currency, Cadence: r.Cadence,
		Expected: r.NextCharge, GraceUntil: grace, ExpectedAmount: r.NextAmount, LastCharge: last.Date,
		TransactionIDs: append([]string(nil), last.IDs...),
		Ident:          ident(KindMissedCharge, s.keyParts(), r.NextCharge, r.NextAmount),
		Message: fmt.Sprintf("%s (%s): %s charge expected about %s has not come; cancelled, or not yet invoiced or paid?",
			s.App, s.Company, r.Cadence, r.NextCharge.Format(time.DateOnly)),
	}
}

// overdueAfter is the last day a charge expected on the given date may
// still come: the cadence's grace plus the payment term of the plan's last
// invoice (due date minus invoice date). bcspend syncs paid invoices only
// and a bill is paid by its due date, so before that day a charge that was
// invoiced but not yet paid looks exactly like one that never came.
func overdueAfter(expected time.Time, b cadenceBand, dueDays int) time.Time {
	return expected.AddDate(0, 0, b.grace+dueDays)
}

// rhythmShown reports whether the plan's charges show its rhythm well
// enough to call a charge missed or the plan ended: three charges (two
// one-off purchases a month apart look monthly), or two for an annual plan,
// which 15 months of history never show more often.
func (s *series) rhythmShown(b cadenceBand) bool {
	return len(s.Charges) >= 3 || b.months >= 12 && len(s.Charges) >= 2
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

// movedOn reports whether the app's charges went on as another plan: a
// plan of the same app, company and currency (see plans) whose first
// charge came after s's last one and by the day s's next charge was
// overdue. A monthly bill that triples when seats are added is such a
// move; an annual plan beside a monthly one of the same app is not (it
// began before).
func movedOn(all []*series, s *series, grace time.Time) bool {
	last := s.Charges[len(s.Charges)-1].Date
	for _, o := range all {
		if o == s || o.seriesKey != s.seriesKey || len(o.Charges) == 0 {
			continue
		}
		if first := o.Charges[0].Date; first.After(last) && !first.After(grace) {
			return true
		}
	}
	return false
}
