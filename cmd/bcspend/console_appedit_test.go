package main

import (
	"testing"

	"github.com/bcspend/bcspend/spend"
)

// A custom application made from the console is renamed (R) and moved to
// another category (C) there, as 'bcspend apps rename|recategorise' do:
// its rule follows the new name, so its spend stays with it.
func TestConsoleCustomAppRenameRecategorise(t *testing.T) {
	b, db := demoBackend(t)
	r := startConsole(t, b, 120, 34)
	r.loaded()
	fixVismaToANewApp(r)

	r.keys("1", "/")
	r.typeText("nordic")
	r.keys("enter")
	r.waitFor("▸ Nordic Payroll               Finance      Visma Softwar…    4       3,774.04 USD")
	r.keys("R")
	r.waitFor("Rename Nordic Payroll to: Nordic Payroll█")
	r.keys("ctrl+u")
	r.typeText("Nordic Payroll Cloud")
	r.keys("enter")
	// The toast first: the console shows it as the rename returns, and the
	// reload that brings the renamed row only starts then. The row first
	// failed whenever that reload outlasted the toast's 5 s (under -race on
	// two loaded cores), the toast gone before it was looked for.
	r.waitFor("• Renamed Nordic Payroll to Nordic Payroll Cloud")
	r.waitFor("▸ Nordic Payroll Cloud         Finance      Visma Softwar…    4       3,774.04 USD")
	r.keys("C")
	r.waitFor("Category of Nordic Payroll Cloud: Finance█")
	r.keys("ctrl+u")
	r.typeText("Payroll")
	r.keys("enter")
	r.waitFor("Nordic Payroll Cloud is now in Payroll.") // the toast first, as above
	r.waitFor("▸ Nordic Payroll Cloud         Payroll      Visma Softwar…    4       3,774.04 USD")
	// A catalog application is not renamed.
	r.keys("esc", "/")
	r.typeText("slack")
	r.keys("enter", "R")
	r.waitFor("• Slack is a catalog application: only custom ones")
	r.finish()

	apps, _ := db.CustomApps()
	if len(apps) != 1 || apps[0].Name != "Nordic Payroll Cloud" || apps[0].Category != "Payroll" {
		t.Errorf("custom apps %+v, want Nordic Payroll Cloud in Payroll", apps)
	}
	rules, err := spend.LoadRules(db)
	if err != nil || len(rules) != 1 || rules[0].App != "Nordic Payroll Cloud" {
		t.Errorf("rules %+v (%v): the vendor rule must follow the new name", rules, err)
	}
}

// fixVismaToANewApp, on the demo's loaded console, fixes every charge of
// Visma Software AS to a new custom application, Nordic Payroll (Finance),
// from Unmatched: typing its name offers to create it first (no weak match
// preselected), a category follows, the preview shows what moves.
func fixVismaToANewApp(r *consoleRun) {
	r.t.Helper()
	r.keys("3", "/")
	r.typeText("visma")
	r.keys("enter")
	r.waitFor("▸ Visma Software AS")
	r.keys("f", "tab") // every transaction of the vendor
	r.waitFor("Scope: every transaction of Visma Software AS")
	r.typeText("Nordic Payroll")
	r.waitFor("▸ Create application 'Nordic Payroll'")
	r.keys("enter")
	r.waitFor("New application: Nordic Payroll")
	r.typeText("fin")
	r.waitFor("▸ Finance")
	r.keys("enter")
	r.waitFor("moves 18 transactions / 60,163.56 NOK from (unmatched) to Nordic Payroll") // all history since the window opened (DemoNow less a year), as paid
	r.keys("enter")
	r.waitFor("Saved: every Visma Software AS charge → Nordic Payroll")
}
