package match

import "testing"

// The classes of issue 15's fifth round, from held-out 10's misses and the
// other sets' (docs/MATCHING.md, "Round 5 classes"). Each case is a vendor
// and line of neither set.

// Cloud usage on a multi-product vendor's bare legal name ("Microsoft
// Corporation", whose name alone is an everyday word on a line) is its
// cloud: the hours of a machine are a unit of usage, not consulting hours.
// Hours of consulting are still services.
func TestCloudUsageHoursAreUsage(t *testing.T) {
	runClass(t, []classCase{
		{"Microsoft Corporation", "Virtual Machines Esv5 Series - 720 hours - West Europe", "Azure", MethodKeyword},
		{"Microsoft Corporation", "Managed Disks P30 - 730 hours", "Azure", MethodKeyword},
		{"Google LLC", "Virtual machines E2 series - 2,160 hours - europe-north1", "Google Cloud", MethodKeyword},
		{"Oracle Corporation", "Block volume - 744 hours - Frankfurt", "Oracle Cloud Infrastructure", MethodAlias},
	})
	runNoApp(t, [][2]string{
		{"Nordlys Rådgivning AS", "Consulting - 40 hours"},
		{"Microsoft Corporation", "Consulting hours - Azure migration"},
	})
}

// An add-on, extension or top-up of a multi-product vendor that names no
// other product is the vendor's default application ("Large Meetings
// add-on" on Zoom's line is Zoom); the vendor's own name followed by a
// product word, or a line without add-on wording, still names an unknown
// product.
func TestAddOnsOfTheFlagship(t *testing.T) {
	runClass(t, []classCase{
		{"Zoom Communications, Inc.", "Large Meetings add-on - 1,000 participants - annual", "Zoom", MethodAlias},
		{"Zoom Video Communications, Inc.", "Extra participants top-up - 200", "Zoom", MethodAlias},
		{"Atlassian Pty Ltd", "Advanced Roadmaps add-on - 50 users", "Jira", MethodAlias},
		{"Microsoft Ireland Operations Ltd", "Advanced eDiscovery add-on - 50 users", "Microsoft 365", MethodAlias},
	})
	for _, c := range [][2]string{
		{"Zoom Communications, Inc.", "Zoom Docs add-on - 20 users"},
		{"Microsoft Ireland Operations Ltd", "Microsoft Places premium"},
	} {
		if d := match(c[0], c[1]); d.Method != MethodUnknownProduct {
			t.Errorf("%q / %q: got %q %s (%s); want an unknown product", c[0], c[1], d.App, d.Method, d.Reason)
		}
	}
}
