package bc

import (
	"context"
	"sync"
	"time"
)

// Wait is one pause on Business Central's limits (429 throttling, or a 503
// queue timeout), reported to the context's observer when it begins and
// again when it ends.
type Wait struct {
	Status   int           // 429 or 503
	Duration time.Duration // planned when it begins, actual when Done
	Until    time.Time     // when the retry is due (set when it begins)
	Done     bool
}

type waitKey struct{}

// WithWaitObserver returns a context whose requests report their waits on
// BC's limits to fn, so a caller (one company's sync) can show "waiting
// for Business Central" while nothing else moves. fn runs on the
// requesting goroutine and must return quickly.
func WithWaitObserver(ctx context.Context, fn func(Wait)) context.Context {
	return context.WithValue(ctx, waitKey{}, fn)
}

func waitObserver(ctx context.Context) func(Wait) {
	if fn, ok := ctx.Value(waitKey{}).(func(Wait)); ok && fn != nil {
		return fn
	}
	return func(Wait) {}
}

// waitClock measures the wall-clock time during which at least one
// request was waiting: the union of the wait intervals. Summing them would
// count five requests throttled together as five times the time lost.
type waitClock struct {
	mu      sync.Mutex
	waiting int
	since   time.Time
	done    time.Duration
}

// begin and end read the clock under the lock, so the intervals they
// record are in the order they happened: a start read before taking the
// lock could predate another request's whole wait and count it twice.
func (w *waitClock) begin(clock func() time.Time) time.Time {
	w.mu.Lock()
	defer w.mu.Unlock()
	now := clock()
	if w.waiting == 0 {
		w.since = now
	}
	w.waiting++
	return now
}

func (w *waitClock) end(clock func() time.Time) time.Time {
	w.mu.Lock()
	defer w.mu.Unlock()
	now := clock()
	w.waiting--
	if w.waiting == 0 {
		w.done += max(0, now.Sub(w.since))
	}
	return now
}

// total includes a wait still under way.
func (w *waitClock) total(now time.Time) time.Duration {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.waiting > 0 {
		return w.done + max(0, now.Sub(w.since))
	}
	return w.done
}
