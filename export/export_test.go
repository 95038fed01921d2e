package export_test

import (
	"bytes"
	"encoding/csv"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bcspend/bcspend/export"
	"github.com/bcspend/bcspend/insights"
	"github.com/bcspend/bcspend/match"
	"github.com/bcspend/bcspend/spend"
	"github.com/bcspend/bcspend/spend/spendtest"
	"github.com/bcspend/bcspend/store"
)

// hostile are vendor names and descriptions anyone who can create a
// vendor in BC can type.
var hostile = []string{
	"=HYPERLINK(\"http://evil.example\",\"Click\")",
	"+1+cmd|' /C calc'!A0",
	"-2+3+cmd|' /C calc'!A0",
	"@SUM(1+1)*cmd|' /C calc'!A0",
	"\t=1+1 Tab Vendor",
	"\r=1+1 CR Vendor",
	"Line\nbreak, \"quoted\" Vendor",
	"\x1b[31mRed\x1b[0m Vendor \x1b]8;;http://evil\x07link\x1b]8;;\x07",
	"Zoom Video Communications Inc",
	"Café Zürich, GmbH",
}

func hostileStore(t *testing.T) (*store.DB, *spend.Model) {
	t.Helper()
	db := spendtest.Open(t)
	spendtest.Connect(t, db)
	var invs []spendtest.Inv
	for i, name := range hostile {
		invs = append(invs, spendtest.Inv{N: 100 + i, Vendor: name, Date: spendtest.Day(2026, 10, 1+i), Local: "EUR",
			VendorInvoiceNumber: "=" + name,
			Lines:               []spendtest.Line{{Desc: hostile[(i+3)%len(hostile)], Amount: "100.10"}, {Desc: "credit -", Amount: "-12.50"}}})
	}
	spendtest.Commit(t, db, spendtest.CompanyEU, invs...)
	m, err := spend.Load(db, match.MustLoadBuiltin(), spend.Options{Now: spendtest.Now, Granularity: spend.PerLine})
	if err != nil {
		t.Fatal(err)
	}
	return db, m
}

// readCSV parses a file back the way a spreadsheet's importer would.
func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("the export is not valid CSV: %v", err)
	}
	return rows
}

func TestTransactionsExportRoundTrip(t *testing.T) {
	db, m := hostileStore(t)
	path := filepath.Join(t.TempDir(), "tx.csv")
	if err := export.WriteFile(path, export.Transactions(m, spend.Filter{})); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Stat(path); err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("export file mode: %v %v", info.Mode(), err)
	}
	rows := readCSV(t, path)
	if strings.Join(rows[0], ",") != strings.Join(export.TransactionColumns, ",") {
		t.Fatalf("header %v", rows[0])
	}
	col := map[string]int{}
	for i, c := range rows[0] {
		col[c] = i
	}
	if len(rows)-1 != 2*len(hostile) {
		t.Fatalf("%d rows, want %d (two lines per invoice)", len(rows)-1, 2*len(hostile))
	}
	for _, r := range rows[1:] {
		inv, ok, err := db.Invoice(spendtest.CompanyEU, r[col["invoice_id"]])
		if err != nil || !ok {
			t.Fatalf("row %v: invoice not in the store", r)
		}
		checkCell(t, "vendor_name", r[col["vendor_name"]], inv.VendorName)
		checkCell(t, "vendor_invoice_number", r[col["vendor_invoice_number"]], inv.VendorInvoiceNumber)
		seq := r[col["line_sequence"]]
		var line *store.Line
		for i := range inv.Lines {
			if seq == itoa(inv.Lines[i].Sequence) {
				line = &inv.Lines[i]
			}
		}
		if line == nil {
			t.Fatalf("row %v: no line %s", r, seq)
		}
		checkCell(t, "description", r[col["description"]], line.Description)
		if r[col["amount"]] != line.NetAmount.Fixed2() || r[col["currency"]] != "EUR" || r[col["amount_reporting"]] != line.NetAmount.Fixed2() {
			t.Errorf("amount %q %q, stored %s", r[col["amount"]], r[col["currency"]], line.NetAmount.Fixed2())
		}
		if r[col["invoice_date"]] != "2026-"+inv.InvoiceDate.Format("01-02") || r[col["status"]] != "Paid" {
			t.Errorf("date/status: %q %q", r[col["invoice_date"]], r[col["status"]])
		}
	}
}

// checkCell: the cell holds the stored text minus what makes it dangerous:
// no control character, no escape, no live formula.
func checkCell(t *testing.T, name, cell, stored string) {
	t.Helper()
	if cell != export.Sanitize(stored) {
		t.Errorf("%s: %q, want Sanitize(%q)", name, cell, stored)
	}
	if strings.ContainsAny(cell, "\x1b\t\r\n\x07") {
		t.Errorf("%s: control characters left in %q", name, cell)
	}
	if c := strings.TrimLeft(cell, " "); c != "" && strings.ContainsRune("=+-@", rune(c[0])) {
		t.Errorf("%s: %q would run as a formula", name, cell)
	}
}

func itoa(n int) string {
	b := []byte{}
	for n > 0 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	return string(b)
}

func TestNegativeAmountsStayNumeric(t *testing.T) {
	_, m := hostileStore(t)
	var buf bytes.Buffer
	if err := export.Write(&buf, export.Transactions(m, spend.Filter{})); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), ",-12.50,EUR,-12.50,") {
		t.Errorf("a credit line's amount must stay a bare negative number:\n%s", buf.String())
	}
	if strings.Contains(buf.String(), "\n") && !strings.Contains(buf.String(), "\r\n") {
		t.Error("RFC 4180 wants CRLF line ends")
	}
}

// The console exports its views as untyped strings: plain numbers stay
// numbers, everything else is text.
func TestUntypedTable(t *testing.T) {
	var buf bytes.Buffer
	err := export.Write(&buf, export.Table{Header: []string{"Vendor", "Amount"},
		Rows: [][]string{{"=cmd", "-5.00"}, {"-1+2", "12"}}})
	if err != nil {
		t.Fatal(err)
	}
	want := "Vendor,Amount\r\n'=cmd,-5.00\r\n'-1+2,12\r\n"
	if buf.String() != want {
		t.Errorf("got %q, want %q", buf.String(), want)
	}
}

func TestWriteFileKeepsOldFileOnFailure(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.csv")
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	bad := export.Table{Name: "bad", Header: []string{"a"}, Rows: [][]string{{"1", "2"}}}
	if err := export.WriteFile(path, bad); err == nil {
		t.Fatal("a malformed table was written")
	}
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Errorf("the old file was replaced by %q", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
	err := export.WriteFile(filepath.Join(dir, "missing", "x.csv"), bad)
	var fe *export.FileError
	if !errors.As(err, &fe) || fe.Remedy() == "" {
		t.Errorf("missing directory: %v", err)
	}
}

func TestOtherTables(t *testing.T) {
	_, m := hostileStore(t)
	for _, tb := range []export.Table{export.Apps(m, ""), export.Unmatched(m, ""), export.Users(m),
		export.Insights(insights.Compute(m, insights.Options{}), "")} {
		var buf bytes.Buffer
		if err := export.Write(&buf, tb); err != nil {
			t.Fatalf("%s: %v", tb.Name, err)
		}
		rows, err := csv.NewReader(&buf).ReadAll()
		if err != nil || len(rows) == 0 || strings.Join(rows[0], ",") != strings.Join(documented[tb.Name], ",") {
			t.Fatalf("%s: %v %v", tb.Name, err, rows)
		}
		for _, r := range rows[1:] {
			for _, c := range r {
				if strings.ContainsAny(c, "\x1b\r\n\t") {
					t.Errorf("%s: unsafe cell %q", tb.Name, c)
				}
			}
		}
	}
	apps := export.Apps(m, "Zoom")
	if len(apps.Rows) != 1 || apps.Rows[0][0] != "Zoom" || apps.Rows[0][5] != "EUR" {
		t.Errorf("apps --app Zoom: %v", apps.Rows)
	}
	if u := export.Unmatched(m, "Cronus EU"); len(u.Rows) == 0 {
		t.Error("unmatched for Cronus EU is empty")
	}
}
