package syncer

import (
	"testing"
	"time"

	"github.com/bcspend/bcspend/store"
)

func TestPlanPassPicksTheMode(t *testing.T) {
	fc := time.Date(2026, 3, 10, 15, 0, 0, 0, time.UTC)
	now := time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)
	w := time.Date(2026, 11, 19, 8, 0, 0, 0, time.UTC)
	conn := store.Connection{FirstConnected: fc}
	opt := Options{Now: func() time.Time { return now }, Overlap: 10 * time.Minute}
	full := opt
	full.Full = true
	done := store.SyncState{Watermark: w, Mode: store.ModeIncremental}
	midIncr := store.SyncState{Watermark: w, InProgress: true, Mode: store.ModeIncremental, RunID: "old",
		NextLink: "http://x/next", WindowFrom: w.Add(-time.Hour), Pages: 3}
	midFull := store.SyncState{Watermark: w, InProgress: true, Mode: store.ModeFull, RunID: "old", Pages: 2,
		WindowFrom: time.Date(2025, 3, 10, 0, 0, 0, 0, time.UTC)}
	killedBeforeFirstPage := store.SyncState{InProgress: true, Mode: store.ModeBackfill, RunID: "old",
		WindowFrom: time.Date(2025, 3, 10, 0, 0, 0, 0, time.UTC), WindowTo: time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)}

	cases := []struct {
		name       string
		st         store.SyncState
		ok         bool
		opt        Options
		mode, id   string
		resumed    bool
		pagingDone bool
		from, to   string // the checkpoint's WindowFrom/WindowTo
	}{
		{"never synced", store.SyncState{}, false, opt, store.ModeBackfill, "run", false, false, "2025-03-10T00:00", "2026-11-20T00:00"},
		{"never synced, --full is a backfill", store.SyncState{}, false, full, store.ModeBackfill, "run", false, false, "2025-03-10T00:00", "2026-11-20T00:00"},
		{"synced before", done, true, opt, store.ModeIncremental, "run", false, false, "2026-11-19T07:50", ""},
		{"synced before, --full", done, true, full, store.ModeFull, "run", false, false, "2025-03-10T00:00", ""},
		{"interrupted incremental resumes", midIncr, true, opt, store.ModeIncremental, "old", true, false, "2026-11-19T07:00", ""},
		{"interrupted incremental gives way to --full", midIncr, true, full, store.ModeFull, "run", false, false, "2025-03-10T00:00", ""},
		{"interrupted full is finished without --full", midFull, true, opt, store.ModeFull, "old", false, true, "2025-03-10T00:00", ""},
		{"killed before the first page restarts the same pass", killedBeforeFirstPage, true, full, store.ModeBackfill, "old", false, false, "2025-03-10T00:00", "2026-11-20T00:00"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := planPass(store.Company{ID: "c"}, tc.st, tc.ok, conn, "run", tc.opt)
			got := []any{p.state.Mode, p.id, p.resumed, p.pagingDone, stamp(p.state.WindowFrom), stamp(p.state.WindowTo), p.state.InProgress}
			want := []any{tc.mode, tc.id, tc.resumed, tc.pagingDone, tc.from, tc.to, true}
			for i := range got {
				if got[i] != want[i] {
					t.Fatalf("got mode/id/resumed/pagingDone/from/to/inProgress %v, want %v", got, want)
				}
			}
		})
	}
}

func stamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2006-01-02T15:04")
}

func TestWindowAndWatermarkRules(t *testing.T) {
	fc := time.Date(2026, 2, 28, 23, 30, 0, 0, time.UTC)
	if got := stamp(windowStart(fc, fc)); got != "2025-02-28T00:00" {
		t.Errorf("window start %s", got)
	}
	if got := stamp(backfillEnd(fc, fc.Add(time.Hour))); got != "2026-03-01T00:00" {
		t.Errorf("a first sync after midnight reaches to its own day, got %s", got)
	}
	if got := stamp(backfillEnd(fc, fc.Add(-time.Hour))); got != "2026-02-28T00:00" {
		t.Errorf("backfill end before the connection day: %s", got)
	}
	from := time.Date(2025, 2, 28, 0, 0, 0, 0, time.UTC)
	w := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	if got := sinceFor(w, from, 10*time.Minute); !got.Equal(w.Add(-10 * time.Minute)) {
		t.Errorf("since %s", got)
	}
	if got := sinceFor(time.Time{}, from, 10*time.Minute); !got.Equal(from) {
		t.Errorf("no watermark: since %s, want the window start", got)
	}
	start := w.Add(-time.Minute)
	if got := finalWatermark(w, start); !got.Equal(start) {
		t.Errorf("a change seen after the pass began caps the watermark at the start: %s", got)
	}
	if got := finalWatermark(start, w); !got.Equal(start) {
		t.Errorf("watermark %s", got)
	}
}
