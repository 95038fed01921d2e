package spend

import (
	"fmt"
	"sort"
	"strings"

	"github.com/bcspend/bcspend/match"
)

// NoDimensionValue names the spend of invoices without a value of the
// dimension.
const NoDimensionValue = "(none)"

// AppsByDimension is Apps split by the value of BC's global dimension n
// (1 or 2: the invoice's shortcutDimension1Code / 2Code): one row per
// application and value, with Dimension set to the value as DimensionValue reads it.
// It sums the same units as Apps, so the rows of an application add up to
// its Apps row; the rows are ordered like Apps, each application's values
// biggest first under it.
func (m *Model) AppsByDimension(n int) ([]AppRow, error) {
	if n != 1 && n != 2 {
		return nil, fmt.Errorf("spend: no global dimension %d; BC has dimensions 1 and 2", n)
	}
	m.mu.RLock()
	defer m.mu.RUnlock()
	d := &m.d
	ncur := len(d.currencies)
	byValue := map[string]map[string]*appAcc{}
	q := DimensionQualifiers(m.companies, n)
	m.eachUnit(func(i int, un *unit, dec *match.Decision) {
		if dec.Ignored || dec.App == "" {
			return
		}
		t := &d.txs[i]
		v := DimensionValue(t, n, q)
		if byValue[v] == nil {
			byValue[v] = map[string]*appAcc{}
		}
		appAccOf(byValue[v], dec.App, dec.Category, ncur).add(t, un, dec.Category, i, d.vendor[i], d.cur[i], d.month[i])
	})
	rank := map[string]int{}
	for i, r := range m.agg.apps {
		rank[r.App] = i
	}
	var out []AppRow
	for v, apps := range byValue {
		for _, r := range m.appRows(apps) {
			r.Dimension = v
			out = append(out, r)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := &out[i], &out[j]
		if a.App != b.App {
			return rank[a.App] < rank[b.App]
		}
		if a.Reporting != b.Reporting {
			return a.Reporting > b.Reporting
		}
		return a.Dimension < b.Dimension
	})
	return out, nil
}

// DimensionValue is t's value of global dimension n as bcspend shows it:
// NoDimensionValue when the invoice has none, and qualified by the
// company's name for the dimension ("AREA: CPH", qualify from
// DimensionQualifiers) when the companies name it differently (DEPARTMENT in
// one, AREA in another), since the same code then means different things.
func DimensionValue(t *Transaction, n int, qualify map[string]string) string {
	v := t.Dimension1
	if n == 2 {
		v = t.Dimension2
	}
	if v == "" {
		return NoDimensionValue
	}
	return qualify[t.CompanyID] + v
}

// DimensionQualifiers are, per company id, the prefix of its values of
// dimension n: none when every company names the dimension alike.
func DimensionQualifiers(cs []Company, n int) map[string]string {
	q := map[string]string{}
	if !strings.Contains(DimensionLabel(cs, n), " / ") {
		return q
	}
	for _, c := range cs {
		q[c.ID] = map[int]string{1: c.Dimension1, 2: c.Dimension2}[n] + ": "
	}
	return q
}
