package match

import "testing"

// TestNegatives scores testdata/negatives.tsv: about 200 invoice lines that
// pay for no software (non-software businesses named with everyday words
// that are also app names, and ordinary spend), written before any matcher
// ran on it. Every case that gets an application, an unknown product of a
// known vendor or an inferred application is a false positive; more than 2%
// of them fails the test. It runs in the ordinary suite (it is quick) so a
// catalog entry that starts to claim a bakery shows at once.
func TestNegatives(t *testing.T) {
	runNegatives(t, "testdata/negatives.tsv", 150)
}

// TestNegativesOfVendorIdentity scores testdata/negatives2.tsv, the second
// negative set (round 6 of issue 15), written before any matcher ran on it
// to stress vendor identity as the catalog grows: businesses one or two typos
// from an app name, app names with a trade word or a legal form, names that
// are one common word once the legal form is gone, everyday-word group
// names, apps named only as a place or a customer. Same 2% rule.
func TestNegativesOfVendorIdentity(t *testing.T) {
	runNegatives(t, "testdata/negatives2.tsv", 200)
}

func runNegatives(t *testing.T, file string, minCases int) {
	t.Helper()
	const maxRate = 0.02
	m := NewMatcher(testCatalog, nil)
	cases := loadHeldOut(t, file)
	if len(cases) < minCases {
		t.Fatalf("%s has %d cases, want at least %d", file, len(cases), minCases)
	}
	fp := 0
	for _, c := range cases {
		if c.want != "-" {
			t.Fatalf("%s line %d: expected %q, want \"-\": the set holds only lines that pay for no software", file, c.line, c.want)
		}
		if got := heldOutOutcome(m.Match(Input{VendorName: c.vendor, Descriptions: []string{c.desc}})); got != "-" {
			fp++
			t.Logf("false positive line %d (%s): %q / %q => %q", c.line, c.kind, c.vendor, c.desc, got)
		}
	}
	rate := float64(fp) / float64(len(cases))
	t.Logf("%s: %d of %d cases get an application (%.3f)", file, fp, len(cases), rate)
	if rate > maxRate {
		t.Errorf("%d of %d non-software lines (%.3f) get an application, want at most %.0f%%: see the false positives above", fp, len(cases), rate, maxRate*100)
	}
}
