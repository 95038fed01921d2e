package insights

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/bcspend/bcspend/money"
	"github.com/bcspend/bcspend/spend"
)

// Overlap is a category in which applications of different vendors were
// paid for the same months lately (three video-conferencing tools from
// three vendors, all billing this quarter): a candidate for consolidation.
// Apps of one vendor (Zoom and Zoom Rooms) are a suite, not an overlap, and
// an app that stopped before the others started is a switch, not one.
type Overlap struct {
	Category       string         `json:"category"`
	Apps           []OverlapApp   `json:"apps"`
	Reporting      money.Amount   `json:"reporting"` // the overlapping apps' converted spend, 12 months
	AtStake        money.Amount   `json:"at_stake"`  // the same without the biggest app: what consolidating could save
	TransactionIDs []string       `json:"transaction_ids"`
	Message        string         `json:"message"`
	Spend          spend.Money    `json:"spend"`
	byApp          map[string]int `json:"-"`
	vendors        map[string]bool
	Ident
}

// OverlapApp is one application of an overlap.
type OverlapApp struct {
	App            string       `json:"app"`
	Reporting      money.Amount `json:"reporting"`
	Spend          spend.Money  `json:"spend"`
	TransactionIDs []string     `json:"transaction_ids"`
}

// overlapMonths is the recent period in which apps must both be paid for
// to overlap: the current month and the two before it.
const overlapMonths = 3

// overlaps lists categories with paid applications of two or more vendors
// whose billing covers one of the last overlapMonths months, the most money
// at stake first. Uncategorised applications are not compared: an empty
// category says nothing about what they do.
func overlaps(apps []spend.AppRow, txs []spend.Transaction, since time.Time, cover map[string]uint16) []Overlap {
	byCat := map[string]*Overlap{}
	recent := uint16(1<<12-1) &^ uint16(1<<(12-overlapMonths)-1)
	for _, a := range apps {
		if a.Category == "" || cover[a.App]&recent == 0 {
			continue
		}
		o := byCat[a.Category]
		if o == nil {
			o = &Overlap{Category: a.Category, Spend: spend.Money{}, byApp: map[string]int{}, vendors: map[string]bool{}}
			byCat[a.Category] = o
		}
		o.byApp[a.App] = len(o.Apps)
		o.Apps = append(o.Apps, OverlapApp{App: a.App, Reporting: a.Reporting, Spend: a.Spend})
		o.Reporting += a.Reporting
		for cur, v := range a.Spend {
			o.Spend[cur] += v
		}
		o.vendors[vendorOf(a)] = true
	}
	addOverlapIDs(byCat, txs, since)
	var out []Overlap
	for _, o := range byCat {
		if len(o.Apps) < 2 || len(o.vendors) < 2 {
			continue
		}
		names := make([]string, len(o.Apps))
		biggest := money.Amount(0)
		for i, a := range o.Apps {
			names[i] = a.App
			biggest = max(biggest, a.Reporting)
		}
		o.AtStake = o.Reporting - biggest
		o.Message = fmt.Sprintf("%d %s applications of different vendors paid for the same months: %s; %s outside the biggest",
			len(o.Apps), o.Category, strings.Join(names, ", "), o.AtStake.Grouped())
		sorted := append([]string(nil), names...)
		sort.Strings(sorted)
		o.Ident = ident(KindOverlap, []string{o.Category}, strings.Join(sorted, ","))
		out = append(out, *o)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].AtStake != out[j].AtStake {
			return out[i].AtStake > out[j].AtStake
		}
		return out[i].Category < out[j].Category
	})
	return out
}

// vendorOf is the vendor an app is billed by: its first vendor, case
// folded (the catalog's suites come from one vendor).
func vendorOf(a spend.AppRow) string {
	if len(a.Vendors) == 0 {
		return a.App
	}
	return strings.ToLower(a.Vendors[0])
}

// coverage is, per app, the months of the trailing 12 (bit 11 = the
// current month) its charges paid for: a charge covers its own month and
// the rest of its period (a monthly bill one month, an annual one twelve;
// a bill of unknown rhythm its own month).
func coverage(all []*series, start time.Time, periods map[*series]int) map[string]uint16 {
	out := map[string]uint16{}
	for _, s := range all {
		n := periods[s]
		if n == 0 {
			n = 1
			if b, ok := bandOf(InferCadence(s.dates())); ok {
				n = b.months
			}
		}
		for _, c := range s.Charges {
			for k := range n {
				if i := monthIndex(addMonths(c.Date, k), start); i >= 0 {
					out[s.App] |= 1 << i
				}
			}
		}
	}
	return out
}

func addOverlapIDs(byCat map[string]*Overlap, txs []spend.Transaction, since time.Time) {
	for i := range txs {
		t := &txs[i]
		if t.History || t.Ignored || t.App == "" || t.Date().Before(since) {
			continue
		}
		o := byCat[t.Category]
		if o == nil {
			continue
		}
		if ai, ok := o.byApp[t.App]; ok {
			o.Apps[ai].TransactionIDs = append(o.Apps[ai].TransactionIDs, t.ID)
			o.TransactionIDs = append(o.TransactionIDs, t.ID)
		}
	}
}
