package insights_test

import (
	"testing"

	"github.com/bcspend/bcspend/spend/spendtest"
)

// Without BC's names for the dimensions, spend is grouped by the codes on
// the invoices under a neutral label, never "Department".
func TestSpendByDimension(t *testing.T) {
	db := spendtest.Open(t)
	spendtest.Connect(t, db)
	invs := spendtest.Monthly(100, "Slack Technologies Ltd", "Slack Pro", "100.00", "EUR", day(2026, 11, 10), 3)
	for i := range invs {
		invs[i].Dim1, invs[i].Dim2 = "SALES", "EMEA"
	}
	invs = append(invs, inv{N: 200, Vendor: "Figma Inc", Date: day(2026, 10, 1), Local: "EUR", Dim1: "PROD",
		Lines: []ln{{Desc: "Figma Organization", Amount: "50.00"}}})
	spendtest.Commit(t, db, spendtest.CompanyEU, invs...)
	r := compute(t, db)
	if len(r.Dimensions) != 2 || r.Dimensions[0].Label != "Dimension 1" || r.Dimensions[1].Label != "Dimension 2" {
		t.Fatalf("dimensions: %+v", r.Dimensions)
	}
	d1 := r.Dimensions[0].Values
	if len(d1) != 2 || d1[0].Value != "SALES" || d1[0].Reporting != amt("300") || d1[0].TopApps[0].Name != "Slack" ||
		d1[1].Value != "PROD" || d1[1].Transactions != 1 {
		t.Errorf("dimension 1: %+v", d1)
	}
	d2 := r.Dimensions[1].Values
	if len(d2) != 2 || d2[0].Value != "EMEA" || d2[1].Value != "(none)" {
		t.Errorf("dimension 2: %+v", d2)
	}
}
