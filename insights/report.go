// Package insights reads a spend.Model and says what an admin should look
// at: totals and run-rate, monthly trends and movers, renewals and price
// drift inferred from invoice history alone, missed and duplicate charges,
// overlapping applications, and the state of BC users. Every finding carries
// the transaction IDs behind it so the console can link to them.
package insights

import (
	"time"

	"github.com/bcspend/bcspend/money"
	"github.com/bcspend/bcspend/spend"
	"github.com/bcspend/bcspend/store"
)

// Options tunes the detectors. Zero values take the defaults.
type Options struct {
	PriceIncrease   float64 // flag a charge this much above the previous one (0.10 = 10%)
	DuplicateWindow int     // days within which two equal charges look duplicated
	Top             int     // how many top applications and movers to list
}

// Defaults.
const (
	DefaultPriceIncrease   = 0.10
	DefaultDuplicateWindow = 5
	DefaultTop             = 10
)

func (o Options) withDefaults() Options {
	if o.PriceIncrease <= 0 {
		o.PriceIncrease = DefaultPriceIncrease
	}
	if o.DuplicateWindow <= 0 {
		o.DuplicateWindow = DefaultDuplicateWindow
	}
	if o.Top <= 0 {
		o.Top = DefaultTop
	}
	return o
}

// Report is everything Compute finds. Amounts in the reporting currency
// ("reporting") leave out transactions without a rate for their date; those
// are counted in Unconverted and still appear per currency in Money fields.
type Report struct {
	Generated         time.Time         `json:"generated"`
	ReportingCurrency string            `json:"reporting_currency"`
	Granularity       spend.Granularity `json:"granularity"`
	WindowStart       time.Time         `json:"window_start"` // first day of the trailing 12 months
	Totals            Totals            `json:"totals"`
	Trends            Trends            `json:"trends"`
	Comparison        Comparison        `json:"comparison"` // last complete month vs the one before and a year before
	Dimensions        []DimensionSpend  `json:"dimensions"` // spend by BC's two global dimensions
	Renewals          []Renewal         `json:"renewals"`
	Contracts         []Contract        `json:"contracts"` // notice deadline or renewal soonest first, lapsed last
	Seats             []SeatPlan        `json:"seats"`     // plans billed per seat, changed seat counts first
	PriceIncreases    []PriceIncrease   `json:"price_increases"`
	MissedCharges     []MissedCharge    `json:"missed_charges"`
	Ended             []EndedPlan       `json:"ended"`
	Duplicates        []Duplicate       `json:"duplicates"`
	NewVendors        []NewVendor       `json:"new_vendors"` // first paid within NewVendorDays
	Overlaps          []Overlap         `json:"overlaps"`
	Users             Users             `json:"users"`
	Dismissed         int               `json:"dismissed"` // findings left out because an admin dismissed them
}

// Compute derives the report from the model as it stands (granularity and
// rules applied).
func Compute(m *spend.Model, opt Options) Report {
	opt = opt.withDefaults()
	r := Report{
		Generated: m.Now(), ReportingCurrency: m.ReportingCurrency(), Granularity: m.Granularity(),
		WindowStart: m.WindowStart(),
	}
	apps := m.Apps()
	total, reporting, unconverted := m.Total()
	r.Users = users(m.Users())
	// Everything below reads the model's transactions in place (history
	// included: each step skips it) without calling back into the model.
	invs := map[string]*store.Invoice{}
	m.EachInvoice(func(inv *store.Invoice) { invs[inv.ID] = inv })
	m.ViewCharges(func(txs []spend.Transaction) {
		series := buildSeries(txs, invs)
		sc := renewals(series, m.Now(), m.WindowStart(), opt)
		r.Renewals, r.PriceIncreases, r.MissedCharges, r.Ended = sc.renewals, sc.ups, sc.missed, sc.ended
		r.Contracts, r.Seats = sc.contracts, sc.seats
		r.Totals = totals(m, apps, txs, series, reporting, opt)
		r.Totals.Spend, r.Totals.Reporting, r.Totals.Unconverted = total, reporting, unconverted
		r.Totals.UnmatchedShare = share(r.Totals.UnmatchedReporting, reporting)
		r.Trends = trends(m, apps, txs, series, opt)
		r.Comparison = compare(txs, m.Now())
		r.Dimensions = dimensions(m, txs, reporting)
		r.Duplicates = duplicates(txs, opt)
		r.NewVendors = newVendors(txs, m.Now())
		r.Overlaps = overlaps(apps, txs, m.WindowStart(), coverage(series, m.WindowStart(), sc.terms), reporting)
	})
	return r
}

// share is part/whole as a fraction, 0 when whole is 0.
func share(part, whole money.Amount) float64 {
	if whole == 0 {
		return 0
	}
	return float64(part) / float64(whole)
}
