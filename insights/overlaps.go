package insights

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/bcspend/bcspend/money"
	"github.com/bcspend/bcspend/spend"
)

// Overlap is a category in which several applications were paid in the
// trailing 12 months (three video-conferencing tools): a candidate for
// consolidation.
type Overlap struct {
	Category       string         `json:"category"`
	Apps           []OverlapApp   `json:"apps"`
	Reporting      money.Amount   `json:"reporting"` // the category's converted spend
	TransactionIDs []string       `json:"transaction_ids"`
	Message        string         `json:"message"`
	Spend          spend.Money    `json:"spend"`
	byApp          map[string]int `json:"-"`
}

// OverlapApp is one application of an overlap.
type OverlapApp struct {
	App            string       `json:"app"`
	Reporting      money.Amount `json:"reporting"`
	Spend          spend.Money  `json:"spend"`
	TransactionIDs []string     `json:"transaction_ids"`
}

// overlaps lists categories with two or more paid applications, the
// biggest spend first. Uncategorised applications are not compared: an
// empty category says nothing about what they do.
func overlaps(apps []spend.AppRow, txs []spend.Transaction, since time.Time) []Overlap {
	byCat := map[string]*Overlap{}
	for _, a := range apps {
		if a.Category == "" {
			continue
		}
		o := byCat[a.Category]
		if o == nil {
			o = &Overlap{Category: a.Category, Spend: spend.Money{}, byApp: map[string]int{}}
			byCat[a.Category] = o
		}
		o.byApp[a.App] = len(o.Apps)
		o.Apps = append(o.Apps, OverlapApp{App: a.App, Reporting: a.Reporting, Spend: a.Spend})
		o.Reporting += a.Reporting
		for cur, v := range a.Spend {
			o.Spend[cur] += v
		}
	}
	addOverlapIDs(byCat, txs, since)
	var out []Overlap
	for _, o := range byCat {
		if len(o.Apps) < 2 {
			continue
		}
		names := make([]string, len(o.Apps))
		for i, a := range o.Apps {
			names[i] = a.App
		}
		o.Message = fmt.Sprintf("%d %s applications paid: %s", len(o.Apps), o.Category, strings.Join(names, ", "))
		out = append(out, *o)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Reporting != out[j].Reporting {
			return out[i].Reporting > out[j].Reporting
		}
		return out[i].Category < out[j].Category
	})
	return out
}

func addOverlapIDs(byCat map[string]*Overlap, txs []spend.Transaction, since time.Time) {
	for i := range txs {
		t := &txs[i]
		if t.History || t.Ignored || t.App == "" || t.Date().Before(since) {
			continue
		}
		o := byCat[t.Category]
		if o == nil {
			continue
		}
		if ai, ok := o.byApp[t.App]; ok {
			o.Apps[ai].TransactionIDs = append(o.Apps[ai].TransactionIDs, t.ID)
			o.TransactionIDs = append(o.TransactionIDs, t.ID)
		}
	}
}
