package export

import (
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/bcspend/bcspend/spend"
)

// Column names are a contract with the admin's spreadsheets and scripts:
// add columns at the end, never rename or reorder (docs/EXPORT.md).

// TransactionColumns are the columns of the transactions table.
var TransactionColumns = []string{
	"company", "invoice_id", "invoice_number", "vendor_invoice_number", "invoice_date", "posting_date",
	"vendor_number", "vendor_name", "line_sequence", "description", "amount", "currency",
	"amount_reporting", "reporting_currency", "application", "category", "match_method",
	"match_confidence", "status", "transaction_id", "company_id", "dimension_1", "dimension_1_name", "dimension_2", "dimension_2_name", "conversion",
	"ignored", "match_reason", "allocation", "document_type", "applies_to_invoice_id", "applies_to_invoice_number",
}

var transactionNumeric = numeric(TransactionColumns, "line_sequence", "amount", "amount_reporting", "match_confidence")

func numeric(cols []string, names ...string) []bool {
	out := make([]bool, len(cols))
	for i, c := range cols {
		for _, n := range names {
			if c == n {
				out[i] = true
			}
		}
	}
	return out
}

// Date renders a date as ISO 8601 (YYYY-MM-DD); a zero date is empty.
func Date(t time.Time) string {
	if t.IsZero() || t.Year() <= 1 {
		return ""
	}
	return t.Format(time.DateOnly)
}

// Transactions is the transactions table of m filtered by f, newest first
// as the console shows them, streamed so that 400,000 rows need no second
// copy.
func Transactions(m *spend.Model, f spend.Filter) Table {
	return Table{Name: "transactions", Header: TransactionColumns, Numeric: transactionNumeric,
		Stream: func(emit func([]string) error) error {
			row := make([]string, len(TransactionColumns))
			dims := dimensionNames(m)
			var err error
			m.EachNewestFirst(f, func(t *spend.Transaction) bool {
				err = emit(transactionRow(row, t, dims[t.CompanyID]))
				return err == nil
			})
			return err
		}}
}

// dimensionNames is each company's two global dimensions as BC names them
// (from the last sync), by company id.
func dimensionNames(m *spend.Model) map[string][2]string {
	out := map[string][2]string{}
	for _, c := range m.Companies() {
		out[c.ID] = [2]string{c.Dimension1, c.Dimension2}
	}
	return out
}

// TransactionsOf is the transactions table of the given transactions of
// m, in their order (the console exports what its view shows, sorted as
// shown).
func TransactionsOf(m *spend.Model, txs []spend.Transaction) Table {
	return Table{Name: "transactions", Header: TransactionColumns, Numeric: transactionNumeric,
		Stream: func(emit func([]string) error) error {
			row := make([]string, len(TransactionColumns))
			dims := dimensionNames(m)
			for i := range txs {
				if err := emit(transactionRow(row, &txs[i], dims[txs[i].CompanyID])); err != nil {
					return err
				}
			}
			return nil
		}}
}

func transactionRow(row []string, t *spend.Transaction, dims [2]string) []string {
	seq, rep, conv := "", t.AmountReporting.Fixed2(), "converted"
	if t.LineSequence != 0 {
		seq = strconv.Itoa(t.LineSequence)
	}
	if t.Unconverted {
		rep, conv = "", "unconverted"
	}
	return append(row[:0], t.Company, t.InvoiceID, t.InvoiceNumber, t.VendorInvoiceNumber,
		Date(t.InvoiceDate), Date(t.PostingDate), t.VendorNumber, t.VendorName, seq, t.Description,
		t.Amount.Fixed2(), t.Currency, rep, t.ReportingCurrency, t.App, t.Category, t.Method,
		strconv.FormatFloat(t.Confidence, 'f', 2, 64), t.Status, t.ID, t.CompanyID, t.Dimension1, dims[0], t.Dimension2, dims[1], conv,
		strconv.FormatBool(t.Ignored), t.Reason, allocation(t), t.DocumentType, t.AppliesToID, t.AppliesToNumber)
}

// allocation lists a split invoice's allocations in the transaction's
// currency, main first: "Jira Service Management=720.30; Jira=484.64;
// (ignored)=22.62"; empty for a transaction that is not split.
func allocation(t *spend.Transaction) string {
	if len(t.Splits) < 2 {
		return ""
	}
	parts := make([]string, len(t.Splits))
	for i := range t.Splits {
		parts[i] = t.Splits[i].Label() + "=" + t.Splits[i].Amount.Fixed2()
	}
	return strings.Join(parts, "; ")
}

// AppColumns are the columns of the applications table: one row per
// application, every figure in the reporting currency (currency). The
// amounts of transactions without a rate are never in them:
// unconverted_transactions counts them and unconverted_amounts lists them
// in their own currencies.
var AppColumns = []string{
	"application", "category", "vendors", "transactions", "last_charge", "currency", "amount_12m",
	"month_01", "month_02", "month_03", "month_04", "month_05", "month_06",
	"month_07", "month_08", "month_09", "month_10", "month_11", "month_12",
	"app_reporting_total", "reporting_currency", "unconverted_transactions", "window_start",
	"monthly_average", "unconverted_amounts",
}

var appNumeric = numeric(AppColumns, append(monthCols(), "transactions", "amount_12m", "app_reporting_total",
	"unconverted_transactions", "monthly_average")...)

// Apps is the applications table in the model's order; app "" keeps every
// application.
func Apps(m *spend.Model, app string) Table {
	var rows []spend.AppRow
	for _, a := range m.Apps() {
		if app == "" || a.App == app {
			rows = append(rows, a)
		}
	}
	return AppsOf(m, rows)
}

// AppsOf is the applications table of the given rows, in their order (the
// console exports what its view shows, sorted as shown).
func AppsOf(m *spend.Model, rows []spend.AppRow) Table {
	t := Table{Name: "apps", Header: AppColumns, Numeric: appNumeric}
	start := Date(m.WindowStart())
	for i := range rows {
		a := &rows[i]
		row := []string{a.App, a.Category, strings.Join(a.Vendors, "; "), strconv.Itoa(a.Transactions),
			Date(a.LastCharge), a.ReportingCurrency, a.Reporting.Fixed2()}
		for _, mo := range a.ReportingMonths {
			row = append(row, mo.Fixed2())
		}
		row = append(row, a.Reporting.Fixed2(), a.ReportingCurrency, strconv.Itoa(a.Unconverted), start,
			a.MonthlyAverage().Fixed2(), amounts(a.UnconvertedSpend))
		t.Rows = append(t.Rows, row)
	}
	return t
}

// amounts lists per-currency amounts as "50.00 GBP; 12.00 CHF", sorted by
// currency; "" when there are none.
func amounts(m spend.Money) string {
	cs := currencies(m)
	parts := make([]string, 0, len(cs))
	for _, c := range cs {
		if m[c] != 0 {
			parts = append(parts, m[c].Fixed2()+" "+c)
		}
	}
	return strings.Join(parts, "; ")
}

func monthCols() []string {
	out := make([]string, 12)
	for i := range out {
		out[i] = "month_" + twoDigits(i+1)
	}
	return out
}

func twoDigits(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// currencies lists the currencies of m with a non-zero amount, sorted; an
// all-zero Money still yields its currencies so the row is not lost.
func currencies(m spend.Money) []string {
	var out, zero []string
	for c, v := range m {
		if v != 0 {
			out = append(out, c)
		} else {
			zero = append(zero, c)
		}
	}
	if len(out) == 0 {
		out = zero
	}
	sort.Strings(out)
	return out
}

// UnmatchedColumns are the columns of the unmatched-vendors table: one
// row per vendor, in the reporting currency (see AppColumns).
var UnmatchedColumns = []string{
	"vendor_number", "vendor_name", "transactions", "currency", "amount", "vendor_reporting_total",
	"reporting_currency", "unconverted_transactions", "suggestion", "sample_description", "last_charge", "company_ids",
	"unconverted_amounts", "inferred_application",
}

var unmatchedNumeric = numeric(UnmatchedColumns, "transactions", "amount", "vendor_reporting_total", "unconverted_transactions")

// Unmatched is the unmatched-vendors table; company "" keeps every company.
func Unmatched(m *spend.Model, company string) Table {
	var rows []spend.UnmatchedRow
	for _, u := range m.Unmatched() {
		if company == "" || hasCompany(m, u.CompanyIDs, company) {
			rows = append(rows, u)
		}
	}
	return UnmatchedOf(rows)
}

// UnmatchedOf is the unmatched-vendors table of the given rows, in order.
func UnmatchedOf(rows []spend.UnmatchedRow) Table {
	t := Table{Name: "unmatched", Header: UnmatchedColumns, Numeric: unmatchedNumeric}
	for i := range rows {
		u := &rows[i]
		t.Rows = append(t.Rows, []string{u.VendorNumber, u.VendorName, strconv.Itoa(u.Transactions), u.ReportingCurrency,
			u.Reporting.Fixed2(), u.Reporting.Fixed2(), u.ReportingCurrency, strconv.Itoa(u.Unconverted),
			u.Suggestion, u.SampleDesc, Date(u.LastCharge), strings.Join(u.CompanyIDs, "; "), amounts(u.UnconvertedSpend),
			u.Inferred})
	}
	return t
}

// hasCompany matches a company by id or name.
func hasCompany(m *spend.Model, ids []string, company string) bool {
	for _, c := range m.Companies() {
		if c.ID != company && c.Name != company {
			continue
		}
		for _, id := range ids {
			if id == c.ID {
				return true
			}
		}
	}
	return false
}

// UserColumns are the columns of the users table.
var UserColumns = []string{
	"user_name", "display_name", "email", "state", "active", "missing_email", "application_user",
	"removed", "first_seen", "removed_at", "user_security_id", "connection",
}

// Users is the users table.
func Users(m *spend.Model) Table { return UsersOf(m.Users()) }

// UsersOf is the users table of the given users, in their order.
func UsersOf(users []spend.UserRow) Table {
	t := Table{Name: "users", Header: UserColumns, Numeric: make([]bool, len(UserColumns))}
	for _, u := range users {
		t.Rows = append(t.Rows, []string{u.UserName, u.DisplayName, u.Email, u.State, strconv.FormatBool(u.Active),
			strconv.FormatBool(u.MissingEmail), strconv.FormatBool(u.Application), strconv.FormatBool(u.Removed),
			Date(u.FirstSeen), Date(u.RemovedAt), u.UserSecurityID, u.Connection})
	}
	return t
}
