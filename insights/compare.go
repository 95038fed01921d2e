package insights

import (
	"sort"
	"time"

	"github.com/bcspend/bcspend/money"
	"github.com/bcspend/bcspend/spend"
)

// Comparison is the last complete month against the month before and the
// same month a year earlier, in the reporting currency, in total, per
// application and per category (transactions without a rate left out).
// LastYearKnown is false when the store holds nothing that old: 0 then
// means "no data", not "nothing spent".
type Comparison struct {
	Period        string      `json:"period"`    // "2026-11"
	Previous      string      `json:"previous"`  // "2026-10"
	LastYear      string      `json:"last_year"` // "2025-11"
	LastYearKnown bool        `json:"last_year_known"`
	Total         PeriodRow   `json:"total"`
	Apps          []PeriodRow `json:"apps"`       // biggest this period first
	Categories    []PeriodRow `json:"categories"` // likewise
}

// PeriodRow is one application's, category's or the total's spend in the
// three months compared; the changes are fractions (0.25 = +25%), 0 when
// the earlier month is 0.
type PeriodRow struct {
	Name           string       `json:"name"`
	Current        money.Amount `json:"current"`
	Previous       money.Amount `json:"previous"`
	LastYear       money.Amount `json:"last_year"`
	VsPrevious     float64      `json:"vs_previous"`
	VsLastYear     float64      `json:"vs_last_year"`
	TransactionIDs []string     `json:"transaction_ids"` // of the current period
}

func compare(txs []spend.Transaction, now time.Time) Comparison {
	cur := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, -1, 0)
	prev, year := cur.AddDate(0, -1, 0), cur.AddDate(-1, 0, 0)
	c := Comparison{Period: cur.Format("2006-01"), Previous: prev.Format("2006-01"), LastYear: year.Format("2006-01"),
		Total: PeriodRow{Name: "total"}}
	apps, cats := map[string]*PeriodRow{}, map[string]*PeriodRow{}
	row := func(m map[string]*PeriodRow, name string) *PeriodRow {
		r := m[name]
		if r == nil {
			r = &PeriodRow{Name: name}
			m[name] = r
		}
		return r
	}
	for i := range txs {
		t := &txs[i]
		if t.History || t.Ignored {
			continue
		}
		d := t.Date()
		if d.Before(year.AddDate(0, 1, 0)) {
			c.LastYearKnown = true
		}
		if t.Unconverted {
			continue
		}
		m := time.Date(d.Year(), d.Month(), 1, 0, 0, 0, 0, time.UTC)
		cat := t.Category
		if t.App == "" {
			cat = UnmatchedCategory
		} else if cat == "" {
			cat = "(uncategorised)"
		}
		rows := []*PeriodRow{&c.Total, row(cats, cat)}
		if t.App != "" {
			rows = append(rows, row(apps, t.App))
		}
		for _, r := range rows {
			switch {
			case m.Equal(cur):
				r.Current += t.AmountReporting
				if r != &c.Total {
					r.TransactionIDs = append(r.TransactionIDs, t.ID)
				}
			case m.Equal(prev):
				r.Previous += t.AmountReporting
			case m.Equal(year):
				r.LastYear += t.AmountReporting
			}
		}
	}
	c.Total.settle()
	c.Apps, c.Categories = sortedRows(apps), sortedRows(cats)
	return c
}

func (r *PeriodRow) settle() {
	r.VsPrevious = share(r.Current-r.Previous, r.Previous)
	r.VsLastYear = share(r.Current-r.LastYear, r.LastYear)
}

func sortedRows(m map[string]*PeriodRow) []PeriodRow {
	out := make([]PeriodRow, 0, len(m))
	for _, r := range m {
		if r.Current == 0 && r.Previous == 0 && r.LastYear == 0 {
			continue
		}
		r.settle()
		out = append(out, *r)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Current != out[j].Current {
			return out[i].Current > out[j].Current
		}
		return out[i].Name < out[j].Name
	})
	return out
}
