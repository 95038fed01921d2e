package insights

import (
	"sort"

	"github.com/bcspend/bcspend/money"
	"github.com/bcspend/bcspend/spend"
)

// DimensionSpend is the trailing 12 months' spend split by one of BC's two
// global dimensions (the shortcut dimension codes on each invoice), under
// the name BC gives the dimension (generalLedgerSetup; "Dimension 1" when
// BC did not say: never assumed to be a department).
type DimensionSpend struct {
	Dimension int              `json:"dimension"` // 1 or 2
	Label     string           `json:"label"`
	Values    []DimensionValue `json:"values"` // biggest first; "" is invoices without a value
}

// DimensionValue is one dimension value's spend and its biggest apps. When
// the companies name the dimension differently, Value is qualified by the
// company's name for it ("AREA: CPH").
type DimensionValue struct {
	Value        string       `json:"value"`
	Reporting    money.Amount `json:"reporting"`
	Share        float64      `json:"share"` // of the 12-month total
	Transactions int          `json:"transactions"`
	TopApps      []Bucket     `json:"top_apps"` // at most 5
}

// NoDimensionValue names the invoices without a dimension value.
const NoDimensionValue = spend.NoDimensionValue

func dimensions(m *spend.Model, txs []spend.Transaction, grand money.Amount) []DimensionSpend {
	since, now := m.WindowStart(), m.Now()
	out := make([]DimensionSpend, 2)
	for n := 1; n <= 2; n++ {
		out[n-1] = DimensionSpend{Dimension: n, Label: spend.DimensionLabel(m.Companies(), n)}
		qualify := spend.DimensionQualifiers(m.Companies(), n)
		vals := map[string]*DimensionValue{}
		apps := map[string]buckets{}
		for i := range txs {
			t := &txs[i]
			if t.History || t.Ignored || !inWindow(t.Date(), since, now) {
				continue
			}
			v := spend.DimensionValue(t, n, qualify)
			d := vals[v]
			if d == nil {
				d = &DimensionValue{Value: v}
				vals[v], apps[v] = d, buckets{}
			}
			d.Transactions++
			if !t.Unconverted {
				d.Reporting += t.AmountReporting
			}
			if t.App != "" {
				apps[v].add(t.App, t)
			}
		}
		for v, d := range vals {
			d.Share = share(d.Reporting, grand)
			top := apps[v].sorted(d.Reporting)
			d.TopApps = top[:min(5, len(top))]
			out[n-1].Values = append(out[n-1].Values, *d)
		}
		sort.Slice(out[n-1].Values, func(i, j int) bool {
			a, b := out[n-1].Values[i], out[n-1].Values[j]
			if a.Reporting != b.Reporting {
				return a.Reporting > b.Reporting
			}
			return a.Value < b.Value
		})
	}
	return out
}
