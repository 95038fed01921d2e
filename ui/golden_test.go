package ui

import (
	"errors"
	"fmt"
	"testing"
)

// sizes are the two layouts every screen is checked at.
var sizes = []struct{ w, h int }{{100, 30}, {80, 24}}

type goldenCase struct {
	name  string
	fake  func() *fakeBackend
	opts  []Option
	steps func(r *teaRun)
}

func connected() *fakeBackend { return newFake(200) }

func firstRun() *fakeBackend {
	f := newFake(200)
	f.info = Info{}
	return f
}

var goldenCases = []goldenCase{
	{name: "applications", fake: connected, steps: func(r *teaRun) { r.waitFor("32 apps") }},
	{name: "applications_filter", fake: connected, steps: func(r *teaRun) {
		r.waitFor("32 apps")
		r.keys("/")
		r.typeText("desi")
		r.waitFor(`filter "desi"`)
	}},
	{name: "transactions", fake: connected, steps: func(r *teaRun) { r.waitFor("32 apps"); r.keys("2"); r.waitFor("All transactions") }},
	{name: "transactions_drill", fake: connected, steps: func(r *teaRun) {
		r.waitFor("32 apps")
		r.keys("enter")
		r.waitFor("Applications › Zendesk")
	}},
	{name: "why", fake: connected, steps: func(r *teaRun) { r.waitFor("32 apps"); r.keys("2", "w"); r.waitFor("Normalised vendor") }},
	{name: "unmatched", fake: connected, steps: func(r *teaRun) { r.waitFor("32 apps"); r.keys("3"); r.waitFor("Suggestion") }},
	{name: "fix_picker", fake: connected, steps: func(r *teaRun) { r.waitFor("32 apps"); r.keys("3", "f"); r.waitFor("Fix the match") }},
	{name: "fix_preview", fake: connected, steps: func(r *teaRun) { r.waitFor("32 apps"); r.keys("3", "f", "enter"); r.waitFor("Preview:") }},
	{name: "users", fake: connected, steps: func(r *teaRun) { r.waitFor("32 apps"); r.keys("4"); r.waitFor("no email") }},
	{name: "integration", fake: connected, steps: func(r *teaRun) { r.waitFor("32 apps"); r.keys("5"); r.waitFor("Sync history") }},
	{name: "integration_no_rates", fake: func() *fakeBackend {
		f := connected()
		f.info.CompanyNotes = []string{"CRONUS Danmark A/S: This Business Central environment has no exchange rates API (it predates API version 23.0), so amounts in other currencies than the company's own stay unconverted."}
		return f
	}, steps: func(r *teaRun) { r.waitFor("32 apps"); r.keys("5"); r.waitFor("Sync history") }},
	{name: "integration_secret", fake: connected, steps: func(r *teaRun) {
		r.waitFor("32 apps")
		r.keys("5", "p")
		r.typeText("s3cr3t")
		r.waitFor("••••••")
	}},
	{name: "sync_done", fake: connected, steps: func(r *teaRun) {
		r.waitFor("32 apps")
		r.keys("6", "r")
		r.waitFor("Sync complete")
		r.waitFor("just now")
	}},
	{name: "sync_failed", fake: func() *fakeBackend {
		f := connected()
		f.syncErr = &remedyErr{"BC refused the request (403)", "Give the app a permission set that can read purchase invoices on the Microsoft Entra Applications page."}
		return f
	}, steps: func(r *teaRun) { r.waitFor("32 apps"); r.keys("6", "r"); r.waitFor("What to do") }},
	{name: "help", fake: connected, steps: func(r *teaRun) { r.waitFor("32 apps"); r.keys("?"); r.waitFor("On this screen") }},
	{name: "wizard_intro", fake: firstRun, steps: func(r *teaRun) { r.waitFor("Setup checklist"); r.keys("space", "j", "space") }},
	{name: "wizard_flow", fake: firstRun, steps: func(r *teaRun) { r.waitFor("Setup checklist"); r.keys("enter"); r.waitFor("How should") }},
	{name: "wizard_fields", fake: firstRun, steps: func(r *teaRun) {
		r.waitFor("Setup checklist")
		r.keys("enter", "enter")
		r.typeText("me@contoso.com")
		r.waitFor("[me@contoso.com█", "neither") // the last key's validation, not an earlier one's
	}},
	{name: "wizard_test", fake: firstRun, opts: []Option{WithPrefill(demoInput)}, steps: func(r *teaRun) {
		r.waitFor("Setup checklist")
		r.keys("enter", "enter", "enter")
		r.waitFor("Connection works")
	}},
	{name: "wizard_test_failed", fake: firstRun, opts: []Option{WithPrefill(ConnInput{Tenant: "contoso.com", Environment: "Missing", ClientID: demoInput.ClientID, Secret: "abc~def", Flow: FlowClientCredentials})}, steps: func(r *teaRun) {
		r.waitFor("Setup checklist")
		r.keys("enter", "enter", "enter")
		r.waitFor("Fix it, then")
	}},
	{name: "wizard_companies", fake: firstRun, opts: []Option{WithPrefill(demoInput)}, steps: func(r *teaRun) {
		r.waitFor("Setup checklist")
		r.keys("enter", "enter", "enter")
		r.waitFor("Connection works")
		r.keys("enter", "j", "space")
		r.waitFor("[ ] CRONUS UK")
	}},
	{name: "signin_device", fake: firstRun, opts: []Option{WithPrefill(ConnInput{Tenant: "contoso.com", Environment: "Production", ClientID: demoInput.ClientID, Flow: FlowDeviceCode})}, steps: func(r *teaRun) {
		r.waitFor("Setup checklist")
		r.keys("enter", "enter", "enter")
		r.waitFor("A B C D")
	}},
	{name: "signin_browser", fake: firstRun, opts: []Option{WithPrefill(ConnInput{Tenant: "contoso.com", Environment: "Production", ClientID: demoInput.ClientID, Flow: FlowBrowser})}, steps: func(r *teaRun) {
		r.waitFor("Setup checklist")
		r.keys("enter", "enter", "enter")
		r.waitFor("open this URL yourself")
	}},
}

var demoInput = ConnInput{Tenant: "contoso.onmicrosoft.com", Environment: "Production",
	ClientID: "11111111-2222-3333-4444-555555555555", Secret: "abc~secret-value", Flow: FlowClientCredentials}

// TestGoldenScreens renders every screen at 100x30 and 80x24 without colour
// and compares the final View().Content with testdata.
func TestGoldenScreens(t *testing.T) {
	for _, gc := range goldenCases {
		for _, sz := range sizes {
			t.Run(fmt.Sprintf("%s/%dx%d", gc.name, sz.w, sz.h), func(t *testing.T) {
				f := gc.fake()
				r := startTea(t, New(f, testOpts(gc.opts...)...), sz.w, sz.h)
				gc.steps(r)
				requireGolden(t, r.finish())
			})
		}
	}
}

var _ = errors.New
