package export_test

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/bcspend/bcspend/export"
	"github.com/bcspend/bcspend/insights"
	"github.com/bcspend/bcspend/spend"
)

// documented is the header of every table as docs/EXPORT.md lists it,
// copied by hand: a spreadsheet or script reads columns by these names, so
// a renamed, dropped or moved column must fail here, not only in the code
// that makes it.
var documented = map[string][]string{
	"transactions": {"company", "invoice_id", "invoice_number", "vendor_invoice_number", "invoice_date", "posting_date",
		"vendor_number", "vendor_name", "line_sequence", "description", "amount", "currency", "amount_reporting",
		"reporting_currency", "application", "category", "match_method", "match_confidence", "status", "transaction_id",
		"company_id", "dimension_1", "dimension_1_name", "dimension_2", "dimension_2_name", "conversion", "ignored",
		"match_reason", "allocation", "document_type", "applies_to_invoice_id", "applies_to_invoice_number"},
	"apps": {"application", "category", "vendors", "transactions", "last_charge", "currency", "amount_12m",
		"month_01", "month_02", "month_03", "month_04", "month_05", "month_06", "month_07", "month_08", "month_09",
		"month_10", "month_11", "month_12", "app_reporting_total", "reporting_currency", "unconverted_transactions",
		"window_start", "monthly_average", "unconverted_amounts"},
	"unmatched": {"vendor_number", "vendor_name", "transactions", "currency", "amount", "vendor_reporting_total",
		"reporting_currency", "unconverted_transactions", "suggestion", "sample_description", "last_charge",
		"company_ids", "unconverted_amounts", "inferred_application"},
	"users": {"user_name", "display_name", "email", "state", "active", "missing_email", "application_user", "removed",
		"first_seen", "removed_at", "user_security_id", "connection"},
	"insights": {"kind", "application", "company", "category", "date", "amount", "currency", "cadence",
		"change_percent", "detail", "transaction_ids"},
	"contracts": {"application", "company", "company_id", "vendor", "category", "term_months", "start", "end", "amount",
		"currency", "per_year", "next_renewal", "status", "notice_days", "notice_deadline", "auto_renew", "owner",
		"notes", "confidence", "source", "evidence", "transaction_ids"},
}

// The header row each table writes is the documented one.
func TestHeadersAreTheDocumentedColumns(t *testing.T) {
	_, m := hostileStore(t)
	r := insights.Compute(m, insights.Options{})
	tables := []export.Table{export.Transactions(m, spend.Filter{}), export.Apps(m, ""), export.Unmatched(m, ""),
		export.Users(m), export.Insights(r, ""), export.Contracts(r)}
	seen := map[string]bool{}
	for _, tb := range tables {
		var buf bytes.Buffer
		if err := export.Write(&buf, tb); err != nil {
			t.Fatalf("%s: %v", tb.Name, err)
		}
		header, err := csv.NewReader(&buf).Read()
		if err != nil {
			t.Fatalf("%s: %v", tb.Name, err)
		}
		want, ok := documented[tb.Name]
		if !ok {
			t.Errorf("table %s is not in docs/EXPORT.md", tb.Name)
			continue
		}
		seen[tb.Name] = true
		if got := strings.Join(header, ","); got != strings.Join(want, ",") {
			t.Errorf("%s header\n got %s\nwant %s", tb.Name, got, strings.Join(want, ","))
		}
	}
	for name := range documented {
		if !seen[name] {
			t.Errorf("documented table %s was not written", name)
		}
	}
}

// The list above is the docs' list: each "### `table`" section's column
// table names the same columns in the same order.
func TestDocumentedColumnsMatchExportMD(t *testing.T) {
	docs, err := docColumns("../docs/EXPORT.md")
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range documented {
		if got := strings.Join(docs[name], ","); got != strings.Join(want, ",") {
			t.Errorf("docs/EXPORT.md %s\n got %s\nwant %s", name, got, strings.Join(want, ","))
		}
	}
	for name := range docs {
		if _, ok := documented[name]; !ok {
			t.Errorf("docs/EXPORT.md documents a table %s the test does not know", name)
		}
	}
}

var (
	sectionRE = regexp.MustCompile("^### `([a-z_]+)`")
	nameRE    = regexp.MustCompile("`([a-z0-9_]+)`")
	rangeRE   = regexp.MustCompile("^`([a-z_]+)01` \\.\\.\\. `([a-z_]+)12`$")
)

// docColumns reads the column names of each table section: the backticked
// names in the first cell of each row, "`month_01` ... `month_12`"
// spelled out.
func docColumns(path string) (map[string][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[string][]string{}
	table := ""
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if m := sectionRE.FindStringSubmatch(line); m != nil {
			table = m[1]
			continue
		}
		if strings.HasPrefix(line, "## ") {
			table = ""
		}
		if table == "" || !strings.HasPrefix(line, "| `") {
			continue
		}
		cell := strings.TrimSpace(strings.SplitN(line[1:], "|", 2)[0])
		if m := rangeRE.FindStringSubmatch(cell); m != nil {
			for i := 1; i <= 12; i++ {
				out[table] = append(out[table], fmt.Sprintf("%s%02d", m[1], i))
			}
			continue
		}
		for _, m := range nameRE.FindAllStringSubmatch(cell, -1) {
			out[table] = append(out[table], m[1])
		}
	}
	return out, sc.Err()
}
