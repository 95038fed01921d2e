package export_test

import (
	"bytes"
	"encoding/csv"
	"testing"

	"github.com/bcspend/bcspend/export"
	"github.com/bcspend/bcspend/match"
	"github.com/bcspend/bcspend/spend"
	"github.com/bcspend/bcspend/spend/spendtest"
	"github.com/bcspend/bcspend/store"
)

// The transactions table names each company's dimensions as BC does (its
// General Ledger Setup, stored by the sync), never "department".
func TestTransactionsNameDimensionsAsBCDoes(t *testing.T) {
	db := spendtest.Open(t)
	spendtest.Connect(t, db)
	if err := db.PutCompanyInfo(spendtest.CompanyEU, store.CompanyInfo{LocalCurrency: "EUR", Dimension1: "AREA", Dimension2: "PROJECT", GLSetup: true}); err != nil {
		t.Fatal(err)
	}
	spendtest.Commit(t, db, spendtest.CompanyEU, spendtest.Inv{N: 1, Vendor: "Figma Inc", Date: spendtest.Day(2026, 5, 1), Local: "EUR",
		Lines: []spendtest.Line{{Desc: "Figma", Amount: "10"}}})
	spendtest.Commit(t, db, spendtest.CompanyUS, spendtest.Inv{N: 2, Vendor: "Figma Inc", Date: spendtest.Day(2026, 5, 1), Local: "USD",
		Lines: []spendtest.Line{{Desc: "Figma", Amount: "10"}}})
	m, err := spend.Load(db, match.MustLoadBuiltin(), spend.Options{Now: spendtest.Now})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := export.Write(&buf, export.Transactions(m, spend.Filter{})); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	if _, ok := col["department"]; ok {
		t.Fatal("a department column assumes what dimension 1 is")
	}
	got := map[string]string{}
	for _, r := range rows[1:] {
		got[r[col["company_id"]]] = r[col["dimension_1_name"]] + "/" + r[col["dimension_2_name"]]
	}
	if got[spendtest.CompanyEU] != "AREA/PROJECT" || got[spendtest.CompanyUS] != "Dimension 1/Dimension 2" {
		t.Fatalf("dimension names %v", got)
	}
}
