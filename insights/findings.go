package insights

import (
	"fmt"
	"hash/fnv"
	"strings"
	"time"

	"github.com/bcspend/bcspend/store"
)

// Finding kinds: the first part of every finding's Key, and the kind the
// headless alerts and the dismissals name.
const (
	KindRenewal       = "renewal"
	KindNotice        = "notice" // a renewal whose notice deadline is near
	KindPriceIncrease = "price-increase"
	KindMissedCharge  = "missed-charge"
	KindEnded         = "ended"
	KindDuplicate     = "duplicate"
	KindOverlap       = "overlap"
	KindMover         = "mover"
	KindNewVendor     = "new-vendor"
	KindSeats         = "seats" // a seat count that changed
)

// Ident is what every finding carries so an admin can dismiss it and a
// cron job can tell a new one from one it already mailed: Key names the
// thing the finding is about (the same Zoom plan of the same company stays
// the same key month after month), Fingerprint the facts it states. A
// dismissal stores both; the finding comes back when its facts change
// (another expected date, another amount, another app in the overlap).
type Ident struct {
	Key         string `json:"key"`
	Fingerprint string `json:"fingerprint"`
}

// ident builds an Ident: key parts identify, facts describe.
func ident(kind string, key []string, facts ...any) Ident {
	return Ident{Key: kind + "|" + strings.Join(key, "|"), Fingerprint: fingerprint(facts...)}
}

// fingerprint is a short stable hash of the facts, dates as YYYY-MM-DD.
func fingerprint(facts ...any) string {
	h := fnv.New64a()
	for _, f := range facts {
		if t, ok := f.(time.Time); ok {
			f = t.Format(time.DateOnly)
		}
		fmt.Fprintf(h, "%v\x00", f)
	}
	return fmt.Sprintf("%016x", h.Sum64())
}

// Kind is the finding kind of a key ("missed-charge").
func Kind(key string) string {
	k, _, _ := strings.Cut(key, "|")
	return k
}

// ApplyDismissals drops the findings a dismissal still covers and counts
// them in r.Dismissed; a finding whose facts changed since stays. Renewals
// and contracts stay (the calendar needs every one) but are marked.
func (r *Report) ApplyDismissals(ds map[string]store.Dismissal) {
	hidden := func(id Ident) bool {
		d, ok := ds[id.Key]
		if ok && d.Hides(id.Key, id.Fingerprint) {
			r.Dismissed++
			return true
		}
		return false
	}
	r.PriceIncreases = keep(r.PriceIncreases, func(x *PriceIncrease) bool { return !hidden(x.Ident) })
	r.MissedCharges = keep(r.MissedCharges, func(x *MissedCharge) bool { return !hidden(x.Ident) })
	r.Ended = keep(r.Ended, func(x *EndedPlan) bool { return !hidden(x.Ident) })
	r.Seats = keep(r.Seats, func(x *SeatPlan) bool { return !x.SeatChanged() || !hidden(x.Ident) })
	r.Duplicates = keep(r.Duplicates, func(x *Duplicate) bool { return !hidden(x.Ident) })
	r.NewVendors = keep(r.NewVendors, func(x *NewVendor) bool { return !hidden(x.Ident) })
	r.Overlaps = keep(r.Overlaps, func(x *Overlap) bool { return !hidden(x.Ident) })
	r.Trends.Movers = keep(r.Trends.Movers, func(x *AppTrend) bool { return !hidden(x.Ident) })
	for i := range r.Renewals {
		r.Renewals[i].Dismissed = hidden(r.Renewals[i].Ident)
	}
	for i := range r.Contracts {
		r.Contracts[i].Dismissed = hidden(r.Contracts[i].Ident)
	}
}

func keep[T any](xs []T, ok func(*T) bool) []T {
	out := xs[:0:0]
	for i := range xs {
		if ok(&xs[i]) {
			out = append(out, xs[i])
		}
	}
	return out
}

// Ref is a finding's short handle for the command line ("bcspend dismiss
// 3f9a1c"): six hex digits of its key's hash, unique enough among one
// report's findings (Find reports a clash).
func Ref(key string) string {
	h := fnv.New32a()
	h.Write([]byte(key))
	return fmt.Sprintf("%06x", h.Sum32()&0xffffff)
}

// Findings are every dismissable finding of the report, in report order.
func (r *Report) Findings() []Alert {
	var out []Alert
	for _, x := range r.Renewals {
		if !x.NextCharge.IsZero() && !x.Ended {
			out = append(out, Alert{x.Ident, KindRenewal, x.App, x.Company, x.NextCharge, x.Message, x.TransactionIDs})
		}
	}
	for _, x := range r.PriceIncreases {
		out = append(out, Alert{x.Ident, KindPriceIncrease, x.App, x.Company, x.Date, x.Message, x.TransactionIDs})
	}
	for _, x := range r.MissedCharges {
		out = append(out, Alert{x.Ident, KindMissedCharge, x.App, x.Company, x.Expected, x.Message, x.TransactionIDs})
	}
	for _, x := range r.Ended {
		out = append(out, Alert{x.Ident, KindEnded, x.App, x.Company, x.EndedAbout, x.Message, x.TransactionIDs})
	}
	for _, x := range r.Duplicates {
		out = append(out, Alert{x.Ident, KindDuplicate, x.App, x.Company, x.Dates[len(x.Dates)-1], x.Message, x.TransactionIDs})
	}
	for _, x := range r.Seats {
		if x.SeatChanged() {
			out = append(out, Alert{x.Ident, KindSeats, x.App, x.Company, x.History[len(x.History)-1].Date, x.Message, x.TransactionIDs})
		}
	}
	for _, x := range r.NewVendors {
		out = append(out, Alert{x.Ident, KindNewVendor, x.App, x.Company, x.First, x.Message, x.TransactionIDs})
	}
	for _, x := range r.Overlaps {
		out = append(out, Alert{Ident: x.Ident, Kind: KindOverlap, Message: x.Message, TransactionIDs: x.TransactionIDs})
	}
	for _, x := range r.Trends.Movers {
		out = append(out, Alert{Ident: x.Ident, Kind: KindMover, App: x.App, Message: x.App + " moved", TransactionIDs: x.TransactionIDs})
	}
	return out
}

// Find is the finding whose Ref or Key is ref; several matching refs is an
// error that asks for the whole key.
func (r *Report) Find(ref string) (Alert, error) {
	var hit []Alert
	for _, f := range r.Findings() {
		if f.Key == ref || Ref(f.Key) == ref {
			hit = append(hit, f)
		}
	}
	switch len(hit) {
	case 0:
		return Alert{}, fmt.Errorf("no current finding has the reference %q", ref)
	case 1:
		return hit[0], nil
	}
	return Alert{}, fmt.Errorf("%d findings share the reference %q", len(hit), ref)
}

// Alert is one finding as the headless alerts and the finding list print it.
type Alert struct {
	Ident
	Kind           string    `json:"kind"`
	App            string    `json:"app,omitempty"`
	Company        string    `json:"company,omitempty"`
	Date           time.Time `json:"date,omitzero"`
	Message        string    `json:"message"`
	TransactionIDs []string  `json:"transaction_ids"`
}

// daysBetween is the whole days from one date to another, negative when to
// is earlier.
func daysBetween(from, to time.Time) int { return int(to.Sub(from).Hours() / 24) }
