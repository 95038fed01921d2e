package export

import (
	"strconv"
	"strings"

	"github.com/bcspend/bcspend/insights"
)

// ContractColumns are the columns of the contracts table: one row per
// contract, inferred or corrected (docs/INSIGHTS.md), notice deadline or
// renewal soonest first.
var ContractColumns = []string{
	"application", "company", "company_id", "vendor", "category", "term_months", "start", "end", "amount", "currency",
	"per_year", "next_renewal", "status", "notice_days", "notice_deadline", "auto_renew", "owner", "notes",
	"confidence", "source", "evidence", "transaction_ids",
}

// Contracts is the contracts table of the report.
func Contracts(r insights.Report) Table {
	t := Table{Name: "contracts", Header: ContractColumns,
		Numeric: numeric(ContractColumns, "term_months", "amount", "per_year", "notice_days", "confidence")}
	for _, k := range r.Contracts {
		auto := ""
		if k.AutoRenew != nil {
			auto = strconv.FormatBool(*k.AutoRenew)
		}
		notice := ""
		if k.NoticeDays > 0 {
			notice = strconv.Itoa(k.NoticeDays)
		}
		t.Rows = append(t.Rows, []string{k.App, k.Company, k.CompanyID, k.Vendor, k.Category, strconv.Itoa(k.TermMonths),
			Date(k.Start), Date(k.End), k.Amount.Fixed2(), k.Currency, k.PerYear.Fixed2(), Date(k.NextRenewal), k.Status,
			notice, Date(k.NoticeDeadline), auto, k.Owner, k.Notes, strconv.FormatFloat(k.Confidence, 'f', 2, 64), k.Source,
			strings.Join(k.Evidence, "; "), strings.Join(k.TransactionIDs, " ")})
	}
	return t
}
