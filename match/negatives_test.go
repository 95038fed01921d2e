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
	const maxRate = 0.02
	m := NewMatcher(testCatalog, nil)
	cases := loadHeldOut(t, "testdata/negatives.tsv")
	if len(cases) < 150 {
		t.Fatalf("negatives.tsv has %d cases, want at least 150", len(cases))
	}
	fp := 0
	for _, c := range cases {
		if c.want != "-" {
			t.Fatalf("negatives.tsv line %d: expected %q, want \"-\": the set holds only lines that pay for no software", c.line, c.want)
		}
		if got := heldOutOutcome(m.Match(Input{VendorName: c.vendor, Descriptions: []string{c.desc}})); got != "-" {
			fp++
			t.Logf("false positive line %d (%s): %q / %q => %q", c.line, c.kind, c.vendor, c.desc, got)
		}
	}
	rate := float64(fp) / float64(len(cases))
	t.Logf("negatives: %d of %d cases get an application (%.3f)", fp, len(cases), rate)
	if rate > maxRate {
		t.Errorf("%d of %d non-software lines (%.3f) get an application, want at most %.0f%%: see the false positives above", fp, len(cases), rate, maxRate*100)
	}
}
