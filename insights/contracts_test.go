package insights_test

import (
	"testing"

	"github.com/bcspend/bcspend/insights"
	"github.com/bcspend/bcspend/money"
	"github.com/bcspend/bcspend/spend/spendtest"
	"github.com/bcspend/bcspend/store"
)

func contractFor(t *testing.T, r insights.Report, app string) insights.Contract {
	t.Helper()
	for _, k := range r.Contracts {
		if k.App == app {
			return k
		}
	}
	t.Fatalf("no contract for %s: %+v", app, r.Contracts)
	return insights.Contract{}
}

// contractHistory: an annual contract billed once with its period on a
// comment line, a 3-year one with only "3-year" on its line, a monthly plan
// with no words at all, and an annual one that ran out long ago.
func contractHistory(t *testing.T) *store.DB {
	db := spendtest.Open(t)
	spendtest.Connect(t, db)
	eu := spendtest.CompanyEU
	invs := []inv{
		{N: 10, Vendor: "ServiceNow Inc.", Date: day(2026, 8, 13), Local: "EUR", Lines: []ln{
			{Desc: "Billing period Aug 13, 2026 - Aug 12, 2027", Comment: true},
			{Desc: "ServiceNow ITSM Professional", Amount: "54000.00"}}},
		{N: 20, Vendor: "Veeam Software Group GmbH", Date: day(2025, 3, 1), Local: "EUR", Lines: []ln{
			{Desc: "Veeam Data Platform Foundation 3-year subscription", Amount: "9000.00"}}},
		{N: 30, Vendor: "Tableau Software LLC", Date: day(2025, 1, 15), Local: "EUR", Lines: []ln{
			{Desc: "Tableau Creator 15.01.2025 - 14.01.2026", Amount: "7500.00"}}},
	}
	invs = append(invs, spendtest.Monthly(100, "Datadog Inc", "Datadog Pro", "900.00", "EUR", day(2026, 11, 8), 12)...)
	spendtest.Commit(t, db, eu, invs...)
	return db
}

func TestContractsFromInvoices(t *testing.T) {
	db := contractHistory(t)
	r := compute(t, db)
	sn := contractFor(t, r, "ServiceNow ITSM")
	if sn.TermMonths != 12 || !sn.Start.Equal(day(2026, 8, 13)) || !sn.End.Equal(day(2027, 8, 12)) ||
		!sn.NextRenewal.Equal(day(2027, 8, 13)) || sn.Status != insights.ContractActive || sn.Amount != amt("54000") ||
		sn.Source != insights.SourceLinePeriod || sn.Confidence < 0.85 || len(sn.Evidence) == 0 || len(sn.TransactionIDs) != 1 {
		t.Errorf("annual from the line's period: %+v", sn)
	}
	// The renewal calendar now knows the one-charge annual plan.
	if rn := renewal(t, r, "ServiceNow ITSM", "EUR"); rn.Cadence != insights.Annual || !rn.NextCharge.Equal(day(2027, 8, 13)) {
		t.Errorf("ServiceNow renewal: %+v", rn)
	}
	v := contractFor(t, r, "Veeam")
	if v.TermMonths != 36 || !v.End.Equal(day(2028, 2, 29)) || v.PerYear != amt("3000") || v.Source != insights.SourceLineTerm ||
		v.Status != insights.ContractActive {
		t.Errorf("3-year from the line's term: %+v", v)
	}
	d := contractFor(t, r, "Datadog")
	if d.TermMonths != 1 || d.Source != insights.SourceCadence || !d.NextRenewal.Equal(day(2026, 12, 8)) || d.Confidence < 0.75 {
		t.Errorf("monthly from the cadence: %+v", d)
	}
	// Tableau's year ended 2026-01-14: lapsed, and listed after the live ones.
	tb := contractFor(t, r, "Tableau")
	if tb.Status != insights.ContractLapsed || tb.TermMonths != 12 || r.Contracts[len(r.Contracts)-1].App != "Tableau" {
		t.Errorf("lapsed: %+v; order %+v", tb, r.Contracts)
	}
	if up := r.Upcoming(365, 3); len(up) != 1 || up[0].App != "ServiceNow ITSM" {
		t.Errorf("within a year from 2026-11-24, of 3 months or more: only ServiceNow (Veeam renews in 2028): %+v", up)
	}
	if up := r.Upcoming(90, 3); len(up) != 0 {
		t.Errorf("nothing of 3 months or more within 90 days: %+v", up)
	}
	if up := r.Upcoming(30, 1); len(up) != 1 || up[0].App != "Datadog" {
		t.Errorf("within 30 days, monthly included: %+v", up)
	}
}

// An admin's correction wins field by field and is kept in the store: a
// notice period makes a deadline (and puts the contract first), auto-renew
// off is said, and a contract no invoice shows can be added.
func TestContractCorrections(t *testing.T) {
	db := contractHistory(t)
	notice, off := 300, false
	put := func(c store.Contract) {
		t.Helper()
		c.By, c.At = "anna", spendtest.Now
		if err := db.PutContract(c); err != nil {
			t.Fatal(err)
		}
	}
	put(store.Contract{App: "ServiceNow ITSM", CompanyID: spendtest.CompanyEU, NoticeDays: &notice, AutoRenew: &off, Owner: "it-lead"})
	price := money.MustParse("1200")
	put(store.Contract{App: "Miro", CompanyID: spendtest.CompanyEU, Company: "Cronus EU", Start: day(2026, 1, 1), TermMonths: 12,
		Amount: &price, Currency: "EUR", Notes: "paid by card"})
	r := compute(t, db)
	r.ApplyContracts(mustContracts(t, db))
	sn := contractFor(t, r, "ServiceNow ITSM")
	if sn.NoticeDays != 300 || !sn.NoticeDeadline.Equal(day(2026, 10, 17)) || sn.AutoRenew == nil || *sn.AutoRenew ||
		sn.Owner != "it-lead" || sn.Source != insights.SourceAdmin || !sn.End.Equal(day(2027, 8, 12)) {
		t.Errorf("corrected ServiceNow: %+v", sn)
	}
	if r.Contracts[0].App != "ServiceNow ITSM" {
		t.Errorf("the passed notice deadline must come first: %+v", r.Contracts[0])
	}
	m := contractFor(t, r, "Miro")
	if !m.End.Equal(day(2026, 12, 31)) || m.Amount != price || m.Notes != "paid by card" || m.Status != insights.ContractActive {
		t.Errorf("added Miro: %+v", m)
	}
}

func mustContracts(t *testing.T, db *store.DB) map[string]store.Contract {
	t.Helper()
	cs, err := db.Contracts()
	if err != nil {
		t.Fatal(err)
	}
	return cs
}
