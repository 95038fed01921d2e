package export

import (
	"strconv"
	"strings"

	"github.com/bcspend/bcspend/insights"
	"github.com/bcspend/bcspend/money"
	"github.com/bcspend/bcspend/spend"
)

// InsightColumns are the columns of the insights table: one row per
// finding, the transactions behind it space-separated in transaction_ids.
var InsightColumns = []string{
	"kind", "application", "company", "category", "date", "amount", "currency", "cadence",
	"change_percent", "detail", "transaction_ids",
}

// Insight kinds, the values of the kind column.
const (
	KindRenewal       = "renewal"
	KindPriceIncrease = "price_increase"
	KindMissedCharge  = "missed_charge"
	KindEndedPlan     = "ended_plan"
	KindSeats         = "seats"
	KindNewVendor     = "new_vendor"
	KindDimension     = "dimension"
	KindDuplicate     = "duplicate"
	KindOverlap       = "overlap"
	KindRunRate       = "run_rate"
	KindTotal         = "total_12m"
)

// Insights is the insights table; app "" keeps every application.
func Insights(r insights.Report, app string) Table {
	t := Table{Name: "insights", Header: InsightColumns, Numeric: numeric(InsightColumns, "amount", "change_percent")}
	add := func(kind, a, company, category, date string, amt money.Amount, cur, cadence, change, detail string, ids []string) {
		if app != "" && a != app {
			return
		}
		t.Rows = append(t.Rows, []string{kind, a, company, category, date, amt.Fixed2(), cur, cadence, change,
			detail, strings.Join(ids, " ")})
	}
	if app == "" {
		add(KindTotal, "", "", "", Date(r.WindowStart), r.Totals.Reporting, r.ReportingCurrency, "", "",
			spend.PeriodDefinition+", paid and not ignored", nil)
		add(KindRunRate, "", "", "", Date(r.Generated), r.Totals.RunRate, r.ReportingCurrency, "", "", r.Totals.RunRateMethod, nil)
	}
	if app == "" {
		for _, d := range r.Dimensions {
			for _, v := range d.Values {
				names := make([]string, len(v.TopApps))
				for i, a := range v.TopApps {
					names[i] = a.Name
				}
				add(KindDimension, "", "", d.Label+": "+v.Value, Date(r.WindowStart), v.Reporting, r.ReportingCurrency, "",
					strconv.FormatFloat(v.Share*100, 'f', 1, 64), "biggest: "+strings.Join(names, ", "), nil)
			}
		}
	}
	for _, x := range r.Renewals {
		add(KindRenewal, x.App, x.Company, x.Category, Date(x.NextCharge), x.NextAmount, x.Currency, string(x.Cadence), "",
			x.Message, x.TransactionIDs)
	}
	for _, x := range r.PriceIncreases {
		add(KindPriceIncrease, x.App, x.Company, "", Date(x.Date), x.Current, x.Currency, string(x.Cadence),
			strconv.FormatFloat(x.Change*100, 'f', 1, 64), x.Message, x.TransactionIDs)
	}
	for _, x := range r.MissedCharges {
		add(KindMissedCharge, x.App, x.Company, "", Date(x.Expected), x.ExpectedAmount, x.Currency, string(x.Cadence), "",
			x.Message, x.TransactionIDs)
	}
	for _, x := range r.Ended {
		add(KindEndedPlan, x.App, x.Company, "", Date(x.EndedAbout), x.LastAmount, x.Currency, string(x.Cadence), "",
			x.Message, x.TransactionIDs)
	}
	for _, x := range r.Seats {
		add(KindSeats, x.App, x.Company, "", Date(x.History[len(x.History)-1].Date), x.PricePerSeat, x.Currency, string(x.Cadence),
			strconv.FormatFloat(x.PriceTrend*100, 'f', 1, 64), x.Message, x.TransactionIDs)
	}
	for _, x := range r.NewVendors {
		add(KindNewVendor, x.App, x.Company, "", Date(x.First), x.Amount, x.Currency, "", "", x.Message, x.TransactionIDs)
	}
	for _, x := range r.Duplicates {
		add(KindDuplicate, x.App, x.Company, "", Date(x.Dates[len(x.Dates)-1]), x.Amount, x.Currency, "", "", x.Message, x.TransactionIDs)
	}
	for _, x := range r.Overlaps {
		for _, a := range x.Apps {
			add(KindOverlap, a.App, "", x.Category, "", a.Reporting, r.ReportingCurrency, "", "", x.Message, a.TransactionIDs)
		}
	}
	return t
}
