package syncer

import (
	"time"
)

// The window is about invoiceDate, BC's Document Date: the vendor's billing
// date, which is what renewals and monthly trends follow. postingDate can
// lag by weeks when a bookkeeper posts in batches.

// windowStart is the first invoice date bcspend tracks: one year before the
// first connection (UTC calendar day).
func windowStart(firstConnected, now time.Time) time.Time {
	if firstConnected.IsZero() {
		firstConnected = now
	}
	return day(firstConnected.AddDate(-1, 0, 0))
}

// backfillEnd is the last invoice date of the first run: the first
// connection date, or today when the first sync happens days later, so
// nothing paid in between falls between the backfill and the watermark.
func backfillEnd(firstConnected, now time.Time) time.Time {
	if now.After(firstConnected) {
		return day(now)
	}
	return day(firstConnected)
}

func day(t time.Time) time.Time {
	y, m, d := t.UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// sinceFor is where an incremental query starts: the watermark minus the
// overlap, or the window's start when nothing was ever seen (an empty
// company has no watermark, and "everything changed since the window
// began" is both complete and small there).
func sinceFor(watermark, windowFrom time.Time, overlap time.Duration) time.Time {
	if watermark.IsZero() {
		return windowFrom
	}
	return watermark.Add(-overlap).UTC()
}

// finalWatermark is where the next incremental run continues from: the
// latest change seen, but never later than this process began the pass, so
// a change made on an already-read page while it paged is read again next
// time even when the pass outlasted the overlap.
func finalWatermark(seen, passStart time.Time) time.Time {
	if !passStart.IsZero() && seen.After(passStart) {
		return passStart.UTC()
	}
	return seen
}
