package export_test

import (
	"slices"
	"testing"

	"github.com/bcspend/bcspend/export"
	"github.com/bcspend/bcspend/match"
	"github.com/bcspend/bcspend/spend"
	"github.com/bcspend/bcspend/spend/spendtest"
)

// The unmatched table carries the application inferred for a vendor the
// catalog lacks, as the console's Unmatched shows it, and nothing for a
// vendor with no inference.
func TestUnmatchedExportShowsTheInferredApplication(t *testing.T) {
	db := spendtest.Open(t)
	spendtest.Connect(t, db)
	spendtest.Commit(t, db, spendtest.CompanyEU,
		spendtest.Inv{N: 1, Vendor: "Zorblax Software GmbH", Date: spendtest.Day(2026, 10, 1), Local: "EUR",
			Lines: []spendtest.Line{{Desc: "Jahresabo Pro Plan 10 Nutzer", Amount: "400.00"}}},
		spendtest.Inv{N: 2, Vendor: "Acme Widgets Ltd", Date: spendtest.Day(2026, 10, 2), Local: "EUR",
			Lines: []spendtest.Line{{Desc: "Invoice 4432", Amount: "90.00"}}})
	m, err := spend.Load(db, match.MustLoadBuiltin(), spend.Options{Now: spendtest.Now})
	if err != nil {
		t.Fatal(err)
	}
	tb := export.Unmatched(m, "")
	col := slices.Index(tb.Header, "inferred_application")
	vendor := slices.Index(tb.Header, "vendor_name")
	if col < 0 {
		t.Fatalf("no inferred_application column in %v", tb.Header)
	}
	got := map[string]string{}
	for _, r := range tb.Rows {
		got[r[vendor]] = r[col]
	}
	if got["Zorblax Software GmbH"] != "Zorblax" || got["Acme Widgets Ltd"] != "" {
		t.Errorf("inferred applications: %q", got)
	}
}
