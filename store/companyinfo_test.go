package store

import "testing"

func TestCompanyInfo(t *testing.T) {
	db, _ := openTemp(t)
	if _, ok, err := db.CompanyInfo(testCompany); ok || err != nil {
		t.Fatalf("before any sync: ok %v, %v", ok, err)
	}
	in := CompanyInfo{LocalCurrency: "DKK", Dimension1: "AREA", GLSetup: true, RatesUnavailable: "no rates page"}
	if err := db.PutCompanyInfo(testCompany, in); err != nil {
		t.Fatal(err)
	}
	got, ok, err := db.CompanyInfo(testCompany)
	if err != nil || !ok || got.LocalCurrency != "DKK" || got.Dimension1 != "AREA" || !got.GLSetup ||
		got.RatesUnavailable != "no rates page" || got.Updated.IsZero() {
		t.Fatalf("got %+v, %v, %v", got, ok, err)
	}
	if got.DimensionLabel(1) != "AREA" || got.DimensionLabel(2) != "Dimension 2" {
		t.Fatalf("labels %q %q", got.DimensionLabel(1), got.DimensionLabel(2))
	}
	all, err := db.CompanyInfos()
	if err != nil || len(all) != 1 || all[testCompany].LocalCurrency != "DKK" {
		t.Fatalf("all %v, %v", all, err)
	}
}
