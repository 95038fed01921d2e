package syncer

import (
	"context"
	"sync"
	"time"

	"github.com/bcspend/bcspend/store"
)

// A backfill or --full reads a company's invoiceDate window as several
// disjoint ranges, each its own nextLink chain, so that one company keeps
// all of BC's 5 request slots busy (one chain has one request in flight at
// a time). The ranges are balanced with $count: BC counts each month of
// the window, and the cut points fall on the days where the running count
// (spread evenly over each month's days) crosses equal shares, so the
// chains end at about the same time.

// counter counts one document type's entries dated in [from, to]
// (inclusive; zero to = open end). It is the only thing splitting knows
// about the entity, so credit memos split the same way as invoices.
type counter func(ctx context.Context, from, to time.Time) (int, error)

// splitWindow plans the chains of a window [from, to] (to zero = open
// end, then today is the last day split on and the last range stays
// open) into at most maxChains ranges of similar size, each of at least
// minChain invoices.
func splitWindow(ctx context.Context, count counter, from, to, today time.Time, maxChains, minChain int) ([]store.ChainState, error) {
	total, err := count(ctx, from, to)
	if err != nil {
		return nil, err
	}
	n := min(maxChains, (total+minChain-1)/minChain)
	last := to
	if last.IsZero() {
		last = today
	}
	if n <= 1 || !last.After(from) {
		return []store.ChainState{{From: from, To: to, Expected: total}}, nil
	}
	months := monthsOf(from, last)
	counts, err := countAll(ctx, count, months, to.IsZero())
	if err != nil {
		return nil, err
	}
	chains := balance(months, counts, n)
	if to.IsZero() {
		chains[len(chains)-1].To = time.Time{}
	}
	return chains, nil
}

// span is an inclusive range of calendar days.
type span struct{ from, to time.Time }

func (s span) days() int { return int(s.to.Sub(s.from).Hours()/24) + 1 }

// monthsOf cuts [from, last] at month boundaries.
func monthsOf(from, last time.Time) []span {
	var out []span
	for d := from; !d.After(last); {
		end := time.Date(d.Year(), d.Month()+1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, -1)
		if end.After(last) {
			end = last
		}
		out = append(out, span{d, end})
		d = end.AddDate(0, 0, 1)
	}
	return out
}

// countAll counts every month at once (the client keeps the requests
// within BC's in-flight limit); with an open window the last month has no
// upper end, so what is dated after today is counted too.
func countAll(ctx context.Context, count counter, months []span, open bool) ([]int, error) {
	counts := make([]int, len(months))
	errs := make([]error, len(months))
	var wg sync.WaitGroup
	for i, m := range months {
		to := m.to
		if open && i == len(months)-1 {
			to = time.Time{}
		}
		wg.Go(func() { counts[i], errs[i] = count(ctx, m.from, to) })
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return counts, nil
}

// balance cuts the months into n contiguous ranges of about equal count,
// on day boundaries, assuming a month's invoices spread evenly over its
// days. Every range has at least one day; together they cover the months
// exactly, so no invoice of the window falls between two chains.
func balance(months []span, counts []int, n int) []store.ChainState {
	total := 0
	for _, c := range counts {
		total += c
	}
	var out []store.ChainState
	start := months[0].from
	cum, expected := 0.0, 0.0
	for i, m := range months {
		perDay := float64(counts[i]) / float64(m.days())
		for d := m.from; !d.After(m.to); d = d.AddDate(0, 0, 1) {
			cum += perDay
			expected += perDay
			cut := float64(total) * float64(len(out)+1) / float64(n)
			if len(out) < n-1 && cum >= cut {
				out = append(out, store.ChainState{From: start, To: d, Expected: int(expected + 0.5)})
				start, expected = d.AddDate(0, 0, 1), 0
			}
		}
	}
	last := months[len(months)-1].to
	if !start.After(last) {
		out = append(out, store.ChainState{From: start, To: last, Expected: int(expected + 0.5)})
	} else {
		out[len(out)-1].To = last
	}
	fixExpected(out, total)
	return out
}

// fixExpected makes the rounded shares add up to BC's total.
func fixExpected(chains []store.ChainState, total int) {
	sum := 0
	for _, c := range chains {
		sum += c.Expected
	}
	chains[len(chains)-1].Expected = max(0, chains[len(chains)-1].Expected+total-sum)
}
