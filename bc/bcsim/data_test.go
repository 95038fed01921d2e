package bcsim

import (
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/bcspend/bcspend/bc"
	"github.com/bcspend/bcspend/money"
)

func TestDeterministic(t *testing.T) {
	a := New(Config{Seed: 42, Now: testNow})
	b := New(Config{Seed: 42, Now: testNow})
	c := New(Config{Seed: 43, Now: testNow})
	if !reflect.DeepEqual(a.Companies(), b.Companies()) || !reflect.DeepEqual(a.Users(), b.Users()) {
		t.Fatal("companies/users differ for one seed")
	}
	for _, co := range a.Companies() {
		if !reflect.DeepEqual(a.Invoices(co.ID), b.Invoices(co.ID)) || !reflect.DeepEqual(a.Vendors(co.ID), b.Vendors(co.ID)) || !reflect.DeepEqual(a.Rates(co.ID), b.Rates(co.ID)) {
			t.Fatal("data differs for one seed")
		}
	}
	if a.Companies()[0].ID == c.Companies()[0].ID {
		t.Fatal("another seed gave the same ids")
	}
}

func TestDataShape(t *testing.T) {
	tn := New(Config{Seed: 11, Now: testNow})
	cs := tn.Companies()
	if len(cs) < 3 {
		t.Fatal("companies")
	}
	earliest := testNow.AddDate(0, -13, 0)
	locals := map[string]bool{}
	for _, c := range cs {
		invs := tn.Invoices(c.ID)
		statuses := map[string]int{}
		currencies := map[string]bool{}
		oldest := testNow
		for _, inv := range invs {
			statuses[inv.Status]++
			currencies[inv.CurrencyCode] = true
			if inv.InvoiceDate.Before(oldest) {
				oldest = inv.InvoiceDate.Time
			}
			if inv.InvoiceDate.After(testNow) || inv.LastModifiedDateTime.After(testNow) {
				t.Fatalf("future invoice %+v", inv)
			}
			var net, tax, incl money.Amount
			for _, l := range inv.Lines {
				net, tax, incl = net+l.NetAmount, tax+l.NetTaxAmount, incl+l.NetAmountIncludingTax
				if utf8.RuneCountInString(l.Description) > 100 || l.DocumentID != inv.ID {
					t.Fatalf("line %+v", l)
				}
				if l.LineType == bc.LineComment && (l.NetAmount != 0 || !l.UnitCost.IsZero()) {
					t.Fatalf("comment with amount %+v", l)
				}
			}
			if net != inv.TotalAmountExcludingTax || tax != inv.TotalTaxAmount || incl != inv.TotalAmountIncludingTax {
				t.Fatalf("totals of %s", inv.Number)
			}
		}
		for _, st := range []string{bc.StatusPaid, bc.StatusOpen, bc.StatusDraft, bc.StatusInReview, bc.StatusCanceled, bc.StatusCorrective} {
			if statuses[st] == 0 {
				t.Errorf("%s: no %s invoices", c.Name, st)
			}
		}
		if statuses[bc.StatusPaid] < len(invs)/2 {
			t.Errorf("%s: paid %d of %d", c.Name, statuses[bc.StatusPaid], len(invs))
		}
		if len(currencies) < 3 || oldest.After(earliest) {
			t.Errorf("%s: currencies %v, oldest %v", c.Name, currencies, oldest)
		}
		rates := tn.Rates(c.ID)
		rc := map[string]int{}
		var local string
		for _, r := range rates {
			rc[r.CurrencyCode]++
		}
		for cur := range usdPer {
			if rc[cur] == 0 {
				local = cur
			}
		}
		locals[local] = true
		if len(rc) < 5 || rc["EUR"] < 13 {
			t.Errorf("%s: rates %v", c.Name, rc)
		}
		if vs := tn.Vendors(c.ID); len(vs) < 150 {
			t.Errorf("vendors: %d", len(vs))
		}
	}
	if len(locals) != len(cs) {
		t.Errorf("local currencies %v", locals)
	}
	if len(saasVendors) < 60 {
		t.Errorf("saas vendors: %d", len(saasVendors))
	}

	names := map[string]bool{}
	for _, v := range tn.Vendors(cs[0].ID) {
		names[v.DisplayName] = true
	}
	for _, n := range []string{"Slack Technologies LLC", "Slack Plumbing", "Notion Bakery", "The Rocket Science Group LLC", "CDW LLC", `=HYPERLINK("http://evil.example/x","Click me")`} {
		if !names[n] {
			t.Errorf("missing vendor %q", n)
		}
	}
	long := false
	for n := range names {
		if utf8.RuneCountInString(n) == 100 {
			long = true
		}
	}
	if !long {
		t.Error("no 100-character vendor name")
	}

	us := tn.Users()
	var disabled, noEmail, app, oddEmail int
	for _, u := range us {
		if u.State == bc.UserDisabled {
			disabled++
		}
		if u.ContactEmail == nil || *u.ContactEmail == "" {
			noEmail++
		} else if e := *u.ContactEmail; e != strings.ToLower(strings.TrimSpace(e)) {
			oddEmail++
		}
		if strings.HasPrefix(u.DisplayName, "AAD App:") {
			app++
		}
	}
	if len(us) < 100 || disabled == 0 || noEmail == 0 || app == 0 || oddEmail == 0 {
		t.Errorf("users %d disabled %d noEmail %d app %d odd %d", len(us), disabled, noEmail, app, oddEmail)
	}
}

func TestScaleGeneration(t *testing.T) {
	if testing.Short() {
		t.Skip("large tenant")
	}
	start := time.Now()
	tn := New(Config{Seed: 1, Now: testNow, InvoicesPerMonth: 2300})
	n, l := 0, 0
	for _, c := range tn.Companies() {
		for _, inv := range tn.Invoices(c.ID) {
			n++
			l += len(inv.Lines)
		}
	}
	t.Logf("%d invoices, %d lines in %v", n, l, time.Since(start))
	if n < 100000 || l < 400000 {
		t.Fatalf("%d invoices, %d lines", n, l)
	}
}

func BenchmarkGenerate100k(b *testing.B) {
	for b.Loop() {
		New(Config{Seed: 1, Now: testNow, InvoicesPerMonth: 2300})
	}
}
