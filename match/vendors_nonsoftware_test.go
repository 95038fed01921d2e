package match

import "testing"

// Vendors that sell no software are ignored, not left in Unmatched, unless a
// line names a catalogued app.
func TestKnownNonSoftwareVendorsAreIgnored(t *testing.T) {
	m := NewMatcher(MustLoadBuiltin(), nil)
	for _, v := range []struct{ vendor, desc string }{
		{"Vodafone Limited", "Mobile fleet - monthly"},
		{"Uber Technologies Inc.", "Billing period Feb 7, 2026 - Mar 6, 2026"},
		{"Cintas Corporation", "Uniform service"},
		{"Consolidated Edison Inc.", "Account 4471-22"},
		{"Regus Management Group LLC", "Virtual office - Copenhagen"},
	} {
		d := m.Match(Input{VendorName: v.vendor, Descriptions: []string{v.desc}})
		if !d.Ignored || d.App != "" || d.Method != MethodIgnored {
			t.Errorf("%s / %s: %+v", v.vendor, v.desc, d)
		}
	}
	// A catalogued app on the line still wins over the vendor.
	d := m.Match(Input{VendorName: "Vodafone Limited", Descriptions: []string{"Microsoft 365 Business Standard via carrier billing"}})
	if d.App != "Microsoft 365" {
		t.Errorf("carrier-billed Microsoft 365: %+v", d)
	}
}

func TestNormalizeDropsEscapeSequences(t *testing.T) {
	if got := Normalize("\x1b[31mEvil\x1b[0m Labs\x1b]0;title\x07 Inc."); got != "evil labs" {
		t.Fatalf("Normalize kept escape debris: %q", got)
	}
}
