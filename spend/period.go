package spend

import (
	"fmt"
	"time"
)

// Period is the one definition of "12 months" that every screen, insight
// and export uses: the 12 calendar months ending with the current one, the
// current month counted to date. It keeps exactly 12 monthly columns with
// the current month last (month_12), so this month's charges show as they
// arrive; the alternatives are worse for a spend console: 12 full months
// leave out everything paid this month, and 12 full months plus this one
// make 13 columns and a "12-month" total with 13 monthly bills in it.
type Period struct {
	Start time.Time // first day of the oldest month
	End   time.Time // today (inclusive)
}

// PeriodAt is the period on the day of now.
func PeriodAt(now time.Time) Period {
	y, mo, d := now.Date()
	return Period{Start: time.Date(y, mo-11, 1, 0, 0, 0, 0, time.UTC), End: time.Date(y, mo, d, 0, 0, 0, 0, time.UTC)}
}

// PeriodDefinition says in words what Period is, for screens and reports.
const PeriodDefinition = "12 calendar months, the current one to date"

// String is the period's dates for captions: "Jan 2026 – 24 Dec 2026".
func (p Period) String() string {
	if p.Start.IsZero() {
		return "the last " + PeriodDefinition
	}
	return fmt.Sprintf("%s – %s", p.Start.Format("Jan 2006"), p.End.Format("2 Jan 2006"))
}

// Period is the model's period.
func (m *Model) Period() Period { return PeriodAt(m.now) }
