package insights

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/bcspend/bcspend/money"
	"github.com/bcspend/bcspend/spend"
)

// Overlap is a job (substitutes) for which one company pays applications
// of different vendors for the same months lately (Slack and Microsoft
// Teams, both billing this quarter to CRONUS UK): a candidate for
// consolidation. Apps of one vendor (Zoom and Zoom Rooms) are a suite, not
// an overlap; an app that stopped before the others started is a switch;
// two subsidiaries each on their own accounting tool are two choices, not
// one company paying twice.
type Overlap struct {
	Job            string         `json:"job"`      // "team chat"
	Category       string         `json:"category"` // the apps' catalog categories, " / " between different ones
	Apps           []OverlapApp   `json:"apps"`
	Companies      []string       `json:"companies"` // those paying two or more of the apps
	Reporting      money.Amount   `json:"reporting"` // the overlapping apps' converted spend, 12 months
	AtStake        money.Amount   `json:"at_stake"`  // the same without the biggest app: what consolidating could save
	TransactionIDs []string       `json:"transaction_ids"`
	Message        string         `json:"message"`
	Spend          spend.Money    `json:"spend"`
	byApp          map[string]int `json:"-"`
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

// The overlap list is short: at most maxOverlaps categories, each with at
// least minOverlapShare (a quarter of a percent) of the 12 months' spend at
// stake (a 300-a-year second survey tool is not worth a consolidation
// project).
const (
	maxOverlaps     = 5
	minOverlapShare = 0.0025
)

// appCover is what coverage knows of one app in one company.
type appCover struct{ app, companyID, company string }

// overlaps lists the jobs (substitutes) for which a company pays
// applications of two or more vendors whose billing covers one of the same
// last overlapMonths months, the most money at stake first, capped
// (maxOverlaps, minOverlapShare of total).
func overlaps(apps []spend.AppRow, txs []spend.Transaction, since time.Time, cover map[appCover]uint16, total money.Amount) []Overlap {
	rows := map[string]spend.AppRow{}
	for _, a := range apps {
		rows[a.App] = a
	}
	byApp := map[string][]appCover{}
	for k := range cover {
		byApp[k.app] = append(byApp[k.app], k)
	}
	for _, ks := range byApp {
		sort.Slice(ks, func(i, j int) bool { return ks[i].company < ks[j].company })
	}
	var out []Overlap
	for _, job := range substitutes {
		var peers []spend.AppRow
		for _, name := range job.apps {
			if a, ok := rows[name]; ok {
				peers = append(peers, a)
			}
		}
		if o, ok := overlapOf(job.job, peers, txs, since, cover, byApp); ok && float64(o.AtStake) >= minOverlapShare*float64(total) {
			out = append(out, o)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].AtStake != out[j].AtStake {
			return out[i].AtStake > out[j].AtStake
		}
		return out[i].Job < out[j].Job
	})
	return out[:min(len(out), maxOverlaps)]
}

// overlapOf is the overlap among one job's applications (peers), if two
// of them overlap in a company.
func overlapOf(job string, peers []spend.AppRow, txs []spend.Transaction, since time.Time, cover map[appCover]uint16,
	byApp map[string][]appCover) (Overlap, bool) {
	o := Overlap{Job: job, Spend: spend.Money{}, byApp: map[string]int{}}
	var cats []string
	for _, a := range peers {
		companies := overlappingCompanies(a, peers, cover, byApp)
		if len(companies) == 0 {
			continue
		}
		o.byApp[a.App] = len(o.Apps)
		o.Apps = append(o.Apps, OverlapApp{App: a.App, Reporting: a.Reporting, Spend: a.Spend})
		o.Reporting += a.Reporting
		for cur, v := range a.Spend {
			o.Spend[cur] += v
		}
		for _, c := range companies {
			if !slices.Contains(o.Companies, c) {
				o.Companies = append(o.Companies, c)
			}
		}
		if a.Category != "" && !slices.Contains(cats, a.Category) {
			cats = append(cats, a.Category)
		}
	}
	if len(o.Apps) < 2 {
		return Overlap{}, false
	}
	o.Category = strings.Join(cats, " / ")
	addOverlapIDs(&o, txs, since)
	names := make([]string, len(o.Apps))
	biggest := money.Amount(0)
	for i, a := range o.Apps {
		names[i] = a.App
		biggest = max(biggest, a.Reporting)
	}
	o.AtStake = o.Reporting - biggest
	sort.Strings(o.Companies)
	o.Message = fmt.Sprintf("%d %s applications of different vendors paid for the same months by %s: %s; %s outside the biggest",
		len(o.Apps), job, strings.Join(o.Companies, ", "), strings.Join(names, ", "), o.AtStake.Grouped())
	sorted := append([]string(nil), names...)
	sort.Strings(sorted)
	o.Ident = ident(KindOverlap, []string{job}, strings.Join(sorted, ","))
	return o, true
}

// overlappingCompanies are the companies that pay a, in one of the last
// overlapMonths months, together with another app of a's category (peers)
// from another vendor in the same month. byApp is cover's keys per app.
func overlappingCompanies(a spend.AppRow, peers []spend.AppRow, cover map[appCover]uint16, byApp map[string][]appCover) []string {
	recent := uint16(1<<12-1) &^ uint16(1<<(12-overlapMonths)-1)
	var out []string
	for _, k := range byApp[a.App] {
		months := cover[k] & recent
		if months == 0 {
			continue
		}
		for _, b := range peers {
			if b.App != a.App && vendorOf(b) != vendorOf(a) && cover[appCover{b.App, k.companyID, k.company}]&months != 0 {
				out = append(out, k.company)
				break
			}
		}
	}
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

// coverage is, per app and company, the months of the trailing 12 (bit 11
// = the current month) its charges paid for: a charge covers its own month
// and the rest of its period (a monthly bill one month, an annual one
// twelve; a bill of unknown rhythm its own month).
func coverage(all []*series, start time.Time, periods map[*series]int) map[appCover]uint16 {
	out := map[appCover]uint16{}
	for _, s := range all {
		n := periods[s]
		if n == 0 {
			n = 1
			if b, ok := bandOf(InferCadence(s.dates())); ok {
				n = b.months
			}
		}
		k := appCover{s.App, s.CompanyID, s.Company}
		for _, c := range s.Charges {
			for m := range n {
				if i := monthIndex(addMonths(c.Date, m), start); i >= 0 {
					out[k] |= 1 << i
				}
			}
		}
	}
	return out
}

func addOverlapIDs(o *Overlap, txs []spend.Transaction, since time.Time) {
	for i := range txs {
		t := &txs[i]
		if t.History || t.Ignored || t.App == "" || t.Date().Before(since) {
			continue
		}
		if ai, ok := o.byApp[t.App]; ok {
			o.Apps[ai].TransactionIDs = append(o.Apps[ai].TransactionIDs, t.ID)
			o.TransactionIDs = append(o.TransactionIDs, t.ID)
		}
	}
}
