package insights

import (
	"fmt"
	"sort"
	"time"

	"github.com/bcspend/bcspend/money"
)

// SeatPlan is a subscription billed per seat: the seats each charge
// bought (the quantity on its lines) and the price per seat (the charge's
// net amount over its seats, so discounts count), oldest first, and how
// both moved. A plan is per seat when one of its charges buys two or
// more of something; a plan of one "1 x usage" line a month is metered, and
// its price is the bill (see PriceIncrease).
type SeatPlan struct {
	App            string       `json:"app"`
	Company        string       `json:"company"`
	Currency       string       `json:"currency"`
	Cadence        Cadence      `json:"cadence"`
	Seats          money.Amount `json:"seats"` // of the last charge (quantities have four decimals, like BC's)
	PreviousSeats  money.Amount `json:"previous_seats"`
	PricePerSeat   money.Amount `json:"price_per_seat"`
	FirstPerSeat   money.Amount `json:"first_price_per_seat"` // of the first charge
	PriceTrend     float64      `json:"price_trend"`          // PricePerSeat/FirstPerSeat - 1
	History        []SeatPoint  `json:"history"`
	TransactionIDs []string     `json:"transaction_ids"` // the last two charges
	Message        string       `json:"message"`
	Ident
}

// SeatPoint is one charge of a seat plan.
type SeatPoint struct {
	Date         time.Time    `json:"date"`
	Seats        money.Amount `json:"seats"`
	PricePerSeat money.Amount `json:"price_per_seat"`
	at           int          // index of the charge
}

// seatsOf is what a charge's lines say: the seats bought (the sum of the
// quantities) and the price per seat. ok is false when the lines carry no
// quantity (lines never fetched, or zero quantities) or bill different
// products.
func seatsOf(c *charge) (seats, perSeat money.Amount, ok bool) {
	for i, l := range c.Lines {
		if i > 0 && l.Description != c.Lines[0].Description {
			// Several products on one bill (a reseller's invoice): their
			// quantities are not one count of seats.
			return 0, 0, false
		}
		q := quantityOf(l.Quantity)
		if q%10000 != 0 {
			return 0, 0, false // 152.7594 units: usage, not seats
		}
		if q > 0 {
			seats += q
		}
	}
	if seats <= 0 || c.Amount <= 0 {
		return 0, 0, false
	}
	return seats, perSeatOf(c.Amount, seats), true
}

// quantityOf is a BC quantity (up to five decimals) as four-decimal fixed
// point, rounded half away from zero; seats are whole in practice.
func quantityOf(d money.Decimal) money.Amount {
	c, sc := d.Coef(), d.Scale()
	for ; sc < 4; sc++ {
		c *= 10
	}
	for ; sc > 4; sc-- {
		if sc == 5 {
			if c >= 0 {
				c += 5
			} else {
				c -= 5
			}
		}
		c /= 10
	}
	return money.Amount(c)
}

// perSeatOf divides an amount by a quantity (both four-decimal fixed point).
func perSeatOf(amount, seats money.Amount) money.Amount {
	return money.Amount((int64(amount)*10000 + int64(seats)/2) / int64(seats))
}

// seatPoints are the charges that bill the same product as the last one
// (one description on every line) with whole seat counts, oldest first.
func (s *series) seatPoints() []SeatPoint {
	last := &s.Charges[len(s.Charges)-1]
	if len(last.Lines) == 0 {
		return nil
	}
	product := last.Lines[0].Description
	var out []SeatPoint
	for i := range s.Charges {
		c := &s.Charges[i]
		if n, per, ok := seatsOf(c); ok && c.Lines[0].Description == product {
			out = append(out, SeatPoint{Date: c.Date, Seats: n, PricePerSeat: per, at: i})
		}
	}
	return out
}

// seatBased reports whether the plan is billed per seat: its product was
// bought two or more at a time.
func (s *series) seatBased() bool {
	for _, p := range s.seatPoints() {
		if p.Seats >= money.Amount(2*10000) {
			return true
		}
	}
	return false
}

// seatPlan is the plan's seats and price per seat over its charges. The
// seat count is compared with the charge one period before the last, and
// only when shown (the rhythm is seen or a line states the term): a one-off
// purchase of a few more licences between two monthly bills, or two one-off
// invoices, are not a seat count that changed.
func seatPlan(s *series, c Cadence, shown bool) (SeatPlan, bool) {
	if !s.seatBased() {
		return SeatPlan{}, false
	}
	p := SeatPlan{App: s.App, Company: s.Company, Currency: s.Currency, Cadence: c, History: s.seatPoints()}
	if len(p.History) == 0 {
		return SeatPlan{}, false
	}
	last := p.History[len(p.History)-1]
	p.Seats, p.PricePerSeat, p.PreviousSeats = last.Seats, last.PricePerSeat, last.Seats
	if prev, ok := periodBefore(p.History, c); ok && shown {
		p.PreviousSeats = prev.Seats
	}
	p.FirstPerSeat = p.History[0].PricePerSeat
	p.PriceTrend = share(p.PricePerSeat-p.FirstPerSeat, p.FirstPerSeat)
	for i := max(0, len(s.Charges)-2); i < len(s.Charges); i++ {
		p.TransactionIDs = append(p.TransactionIDs, s.Charges[i].IDs...)
	}
	p.Message = fmt.Sprintf("%s (%s): %s seats at %s %s a seat", s.App, s.Company, seatText(p.Seats), p.PricePerSeat.Grouped(), s.Currency)
	if p.PreviousSeats != p.Seats {
		p.Message += fmt.Sprintf(", %s before", seatText(p.PreviousSeats))
	}
	if len(p.History) > 1 && p.PriceTrend != 0 {
		p.Message += fmt.Sprintf("; price per seat %+.0f%% since %s", p.PriceTrend*100, p.History[0].Date.Format(time.DateOnly))
	}
	p.Ident = ident(KindSeats, s.keyParts(), p.Seats, p.PreviousSeats, p.PricePerSeat)
	return p, true
}

// periodBefore is the seat point one period of cadence c before the last
// one (the gap inside the cadence's band), the newest such.
func periodBefore(pts []SeatPoint, c Cadence) (SeatPoint, bool) {
	b, ok := bandOf(c)
	if !ok || len(pts) < 2 {
		return SeatPoint{}, false
	}
	last := pts[len(pts)-1]
	for i := len(pts) - 2; i >= 0; i-- {
		gap := int(last.Date.Sub(pts[i].Date).Hours()/24 + 0.5)
		if gap > b.max {
			break
		}
		if gap >= b.min {
			return pts[i], true
		}
	}
	return SeatPoint{}, false
}

// SeatChanged reports whether the last charge bought another number of
// seats than the one before: a licence count to check.
func (p *SeatPlan) SeatChanged() bool { return p.Seats != p.PreviousSeats }

// seatText prints a quantity without needless decimals ("40", "2.5").
func seatText(a money.Amount) string {
	if a%10000 == 0 {
		return money.GroupInt(int64(a) / 10000)
	}
	return a.String()
}

// seatsText is a seat count with its noun: "1 seat", "30 seats".
func seatsText(a money.Amount) string {
	if a == money.Amount(10000) {
		return "1 seat"
	}
	return seatText(a) + " seats"
}

// sortSeatPlans: changed seat counts first, then the biggest spend.
func sortSeatPlans(ps []SeatPlan) {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := &ps[i], &ps[j]
		if a.SeatChanged() != b.SeatChanged() {
			return a.SeatChanged()
		}
		ta, tb := a.PricePerSeat*a.Seats, b.PricePerSeat*b.Seats
		if ta != tb {
			return ta > tb
		}
		return a.App < b.App
	})
}

// seatPriceIncreases are rises of the price per seat of a seat plan above
// threshold after steady prices: a bill that grows because seats were added
// is not a price increase.
func seatPriceIncreases(s *series, c Cadence, threshold float64) []PriceIncrease {
	pts := s.seatPoints()
	var out []PriceIncrease
	for k := 2; k < len(pts); k++ { // a price needs two charges to be seen; the third can raise it
		prev, cur := pts[k-1], pts[k]
		perSeat := func(p SeatPoint) money.Amount { return p.PricePerSeat }
		if cur.PricePerSeat <= prev.PricePerSeat || !steadyPrices(pts[max(0, k-stableWindow):k], perSeat, volatility) ||
			undone(pts[k+1:], perSeat, prev.PricePerSeat, cur.PricePerSeat) {
			continue
		}
		change := share(cur.PricePerSeat-prev.PricePerSeat, prev.PricePerSeat)
		if change <= threshold {
			continue
		}
		pc, cc := s.Charges[prev.at], s.Charges[cur.at]
		out = append(out, PriceIncrease{
			App: s.App, Company: s.Company, Currency: s.Currency, Cadence: c, Date: cc.Date, Basis: BasisPerSeat,
			Previous: prev.PricePerSeat, Current: cur.PricePerSeat, Change: change, Seats: cur.Seats,
			TransactionIDs: append(append([]string(nil), pc.IDs...), cc.IDs...),
			Ident:          ident(KindPriceIncrease, append(s.keyParts(), cc.Date.Format(time.DateOnly)), prev.PricePerSeat, cur.PricePerSeat),
			Message: fmt.Sprintf("%s (%s): %s %s a seat on %s, up %.0f%% from %s (%s)", s.App, s.Company,
				cur.PricePerSeat.Grouped(), s.Currency, cc.Date.Format(time.DateOnly), change*100, prev.PricePerSeat.Grouped(), seatsText(cur.Seats)),
		})
	}
	return out
}

// steadyPrices reports whether the values agree within tolerance.
func steadyPrices[T any](xs []T, v func(T) money.Amount, tolerance float64) bool {
	if len(xs) == 0 {
		return false
	}
	lo, hi := v(xs[0]), v(xs[0])
	for _, x := range xs[1:] {
		lo, hi = min(lo, v(x)), max(hi, v(x))
	}
	return lo > 0 && float64(hi-lo) <= tolerance*float64(lo)
}
