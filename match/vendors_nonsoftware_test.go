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

// Purchase-order references and billing periods say nothing either way, so
// they do not keep a non-software invoice out of "ignored".
func TestNeutralLinesDoNotShieldNonSoftware(t *testing.T) {
	m := NewMatcher(MustLoadBuiltin(), nil)
	for _, c := range []struct {
		vendor string
		lines  []string
	}{
		{"KPMG LLP", []string{"PO 5034 - requested by Wei", "Audit fees - interim"}},
		{"Dell Marketing L.P.", []string{"Dell ProSupport Plus 3 years", "Dell Latitude 7450 laptop"}},
		{"Apple Inc.", []string{"MacBook Pro 14-inch M4 Pro", "AppleCare for Business"}},
		{"Hansen Electrical LLC", []string{"Billing period Jan 3, 2026 - Feb 2, 2026", "Electrician call-out"}},
	} {
		d := m.Match(Input{VendorName: c.vendor, Descriptions: c.lines})
		if !d.Ignored {
			t.Errorf("%s %q: %+v", c.vendor, c.lines, d)
		}
	}
	// A line that names software still decides.
	d := m.Match(Input{VendorName: "Microsoft Ireland Operations Ltd", Descriptions: []string{"Surface Laptop 7", "Microsoft 365 E3 - 25 seats"}})
	if d.App != "Microsoft 365" {
		t.Errorf("mixed hardware and 365: %+v", d)
	}
}
