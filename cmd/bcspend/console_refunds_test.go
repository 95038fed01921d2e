package main

import (
	"regexp"
	"strings"
	"testing"
)

// refundRow is a Transactions row of a demo credit memo: its negative
// amount, then in the Application column the refund marker and the
// application it nets.
var refundRow = regexp.MustCompile(`Service cr\S*\s+-[0-9,]+\.\d\d [A-Z]{3}\s+-[0-9,]+\.\d\d [A-Z]{3} ↩ \S`)

// The demo's paid credit memos are on the Transactions screen over the
// real backend as negative transactions marked as refunds of an
// application.
func TestConsoleShowsRefundsMarked(t *testing.T) {
	b, _ := demoBackend(t)
	r := startConsole(t, b, 140, 30)
	r.loaded()
	r.keys("2")
	r.waitUntil(func(s string) bool { return strings.Contains(s, "Application") })
	r.keys("/")
	r.typeText("Service credit")
	r.keys("enter")
	r.waitUntil(func(s string) bool { return refundRow.MatchString(s) })
	r.finish()
}
