package match

import (
	"bufio"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
)

// The held-out set (testdata/heldout.tsv) was written before the matcher
// ran on it, and the tuning loop never reads it: TestHeldOut runs only when
// asked for, to report how the matcher does on data it has never seen:
//
//	BCSPEND_HELDOUT=1 go test ./match -run TestHeldOut -v
type heldOutCase struct {
	line                     int
	vendor, desc, want, kind string
}

func loadHeldOut(t testing.TB, file string) []heldOutCase {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cases []heldOutCase
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		l := sc.Text()
		if strings.TrimSpace(l) == "" || strings.HasPrefix(l, "#") {
			continue
		}
		fl := strings.Split(l, "\t")
		if len(fl) != 4 {
			t.Fatalf("%s line %d: want vendor<TAB>description<TAB>expected<TAB>kind, got %d fields", file, n, len(fl))
		}
		cases = append(cases, heldOutCase{n, fl[0], fl[1], fl[2], fl[3]})
	}
	return cases
}

// heldOutOutcome renders a decision in the label language of heldout.tsv:
// an app, "?Vendor" for an unknown product of a known vendor, "~Brand" for
// an inferred application, "-" for none.
func heldOutOutcome(d Decision) string {
	switch {
	case d.App != "":
		return d.App
	case d.Method == MethodUnknownProduct:
		return "?" + d.Vendor
	case d.Method == MethodInferred:
		return "~" + d.Suggest
	}
	return "-"
}

// heldOutCorrect says whether an outcome is what the label asks for. A
// label "A|B" lists answers that are each right ("Zoom Phone|Zoom": the
// product is catalogued either way); each is read by the rules below.
//
// "~Brand" names the brand's own application (LABELLING.md since session
// 26): inferred under that brand, or the catalogued application of exactly
// that brand, which a writer who cannot see the catalog could not rule out.
func heldOutCorrect(want, got string) bool {
	return correctUnder(want, got, true)
}

// heldOutCorrectInferredOnly is the rule of sessions 7-25, under which a
// "~Brand" label is right only as an inferred application: kept to report
// the figures of earlier rounds on the same footing.
func heldOutCorrectInferredOnly(want, got string) bool {
	return correctUnder(want, got, false)
}

func correctUnder(want, got string, catalogBrand bool) bool {
	if alts := strings.Split(want, "|"); len(alts) > 1 {
		for _, a := range alts {
			if correctUnder(strings.TrimSpace(a), got, catalogBrand) {
				return true
			}
		}
		return false
	}
	if vendor, product, ok := strings.Cut(strings.TrimPrefix(want, "?"), ":"); ok && strings.HasPrefix(want, "?") {
		return strings.EqualFold(got, "?"+vendor) || strings.EqualFold(withoutMaker(vendor, product), withoutMaker(vendor, got))
	}
	if brand, ok := strings.CutPrefix(want, "~"); ok {
		if inferred, ok := strings.CutPrefix(got, "~"); ok {
			return strings.EqualFold(brandSpelling(brand), brandSpelling(inferred))
		}
		return catalogBrand && !strings.HasPrefix(got, "?") && strings.EqualFold(brandSpelling(brand), brandSpelling(got))
	}
	// Letter case names no other application: writers spell a brand
	// "parcelLab" or "Parcellab", "tamigo" or "Tamigo", and so does the catalog.
	return strings.EqualFold(want, got)
}

// brandSpelling is an inferred brand without its spaces and hyphens: the
// brand a vendor writes "VinotecaCloud" on its invoices is "Vinoteca Cloud"
// to a writer and "Vinoteca-Cloud" elsewhere, one application each time
// (match/testdata/LABELLING.md).
func brandSpelling(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '-' {
			return -1
		}
		return r
	}, s)
}

// withoutMaker is a product's name without its maker's name in front: the
// label "?SAP:SAP LeanIX" and the app LeanIX, or "?Salesforce:Data Cloud"
// and the app Salesforce Data Cloud, name one product, the maker's name
// being written once in the label's vendor part and once, or not, in the
// product's. Only the whole maker's name at the start is dropped.
func withoutMaker(maker, name string) string {
	if rest, ok := strings.CutPrefix(strings.ToLower(name), strings.ToLower(maker)+" "); ok && rest != "" {
		return strings.TrimSpace(rest)
	}
	return strings.ToLower(name)
}

type prCount struct{ predicted, labelled, correct, negatives, negativesRight int }

func (c *prCount) add(want, got string) { c.addUnder(want, got, heldOutCorrect) }

func (c *prCount) addUnder(want, got string, correct func(want, got string) bool) {
	if want != "-" {
		c.labelled++
	} else {
		c.negatives++
		if got == "-" {
			c.negativesRight++
		}
	}
	if got != "-" {
		c.predicted++
		if correct(want, got) {
			c.correct++
		}
	}
}

func (c prCount) precision() float64 { return float64(c.correct) / float64(max(c.predicted, 1)) }
func (c prCount) recall() float64    { return float64(c.correct) / float64(max(c.labelled, 1)) }

// pr renders precision and recall, "n/a" where nothing was predicted or
// nothing is labelled with an app.
func (c prCount) pr() string {
	p, r := "n/a  ", "n/a  "
	if c.predicted > 0 {
		p = fmt.Sprintf("%.3f", c.precision())
	}
	if c.labelled > 0 {
		r = fmt.Sprintf("%.3f", c.recall())
	}
	return "precision " + p + "  recall " + r
}

// TestHeldOut scores the held-out sets. heldout.tsv was scored blind once
// (precision 0.929, recall 0.941) and read afterwards; heldout2.tsv was
// written before that reading, heldout3.tsv after the second had been read
// too and before the matcher ran on it, heldout4.tsv after all three had
// been read (blind: 0.849 / 0.825), heldout5.tsv after the fourth's fixes,
// heldout6.tsv after the fifth's. heldout7.tsv and heldout8.tsv were
// written in the second round, by a writer who had read neither the
// matcher, nor its catalog, nor any earlier set (blind: 0.956 / 0.942 and
// 0.898 / 0.898 at the round's end; testdata/blind.sha256 dates them).
// heldout9.tsv is the third round's first blind set, scored once at the
// round's start (0.883 / 0.878) and read since; its sibling heldout10.tsv
// was kept outside the repository until the round's end and scored blind
// once then (0.880 / 0.880; 0.821 / 0.789 with the round's starting
// matcher and catalog). heldout11.tsv and heldout12.tsv, the fifth round's,
// were kept outside the repository until the round's last landing and
// scored blind once then (0.985 / 0.985 and 0.967 / 0.970; 0.966 / 0.954
// and 0.941 / 0.927 with the round's starting matcher and catalog).
// heldout13.tsv and heldout14.tsv, the sixth round's, by another writer,
// were kept outside the repository until the round's last landing and
// scored blind once then (0.940 / 0.935 and 0.912 / 0.898; 0.904 / 0.899
// and 0.883 / 0.859 with the round's starting matcher and catalog).
// heldout15.tsv and heldout16.tsv, the seventh round's, by a writer given
// testdata/LABELLING.md, were kept outside the repository until the round's
// last landing and scored blind once then (0.946 / 0.943 and 0.933 / 0.913;
// 0.920 / 0.920 and 0.914 / 0.892 with the round's starting matcher and
// catalog). heldout17.tsv and heldout18.tsv, the eighth round's, the same
// way: 0.956 / 0.943 and 0.949 / 0.933 (0.945 / 0.934 and 0.935 / 0.918 at
// the round's start). heldout19.tsv to heldout22.tsv, the ninth round's,
// by two writers given LABELLING.md with its "~Brand" rule of session 26,
// the same way: 0.948 / 0.953, 0.954 / 0.965, 0.947 / 0.947 and 0.932 /
// 0.921 (0.938 / 0.938 for the four at the round's start, 0.945 / 0.947 at
// its end). heldout23.tsv to heldout26.tsv, the tenth round's, by two
// more writers the same way: 0.988 / 0.982, 0.968 / 0.974, 0.977 / 0.977
// and 0.979 / 0.968 (0.976 / 0.974 for the four at the round's start,
// 0.978 / 0.975 at its end). heldout27.tsv to heldout30.tsv, the eleventh
// round's, by two more writers the same way: 0.980 / 0.977, 0.953 / 0.929,
// 0.953 / 0.931 and 0.951 / 0.937 (0.955 / 0.941 for the four at the
// round's start, 0.959 / 0.943 at its end). heldout31.tsv to heldout34.tsv,
// the twelfth round's, by two more writers the same way: 0.968 / 0.957,
// 0.977 / 0.966, 0.965 / 0.960 and 0.977 / 0.971 at the round's end
// (0.966 / 0.951 for the four at its start, 0.972 / 0.964 at its end).
// docs/MATCHING.md has the figures.
func TestHeldOut(t *testing.T) {
	if os.Getenv("BCSPEND_HELDOUT") == "" {
		t.Skip("the held-out sets are read only when asked for: BCSPEND_HELDOUT=1 go test ./match -run TestHeldOut -v")
	}
	// A blind set kept outside the repository is scored on its own, once:
	// BCSPEND_HELDOUT=1 BCSPEND_HELDOUT_FILE=/path/set.tsv.
	if file := os.Getenv("BCSPEND_HELDOUT_FILE"); file != "" {
		scoreHeldOut(t, file, 300)
		return
	}
	// The fifth and sixth sets confirm the fixes before them and are smaller.
	for _, set := range []struct {
		file  string
		least int
	}{{"testdata/heldout.tsv", 300}, {"testdata/heldout2.tsv", 300}, {"testdata/heldout3.tsv", 300},
		{"testdata/heldout4.tsv", 300}, {"testdata/heldout5.tsv", 150}, {"testdata/heldout6.tsv", 150},
		{"testdata/heldout7.tsv", 300}, {"testdata/heldout8.tsv", 300}, {"testdata/heldout9.tsv", 300}, {"testdata/heldout10.tsv", 300},
		{"testdata/heldout11.tsv", 300}, {"testdata/heldout12.tsv", 300}, {"testdata/heldout13.tsv", 300}, {"testdata/heldout14.tsv", 300},
		{"testdata/heldout15.tsv", 300}, {"testdata/heldout16.tsv", 300}, {"testdata/heldout17.tsv", 300}, {"testdata/heldout18.tsv", 300},
		{"testdata/heldout19.tsv", 300}, {"testdata/heldout20.tsv", 300}, {"testdata/heldout21.tsv", 300}, {"testdata/heldout22.tsv", 300},
		{"testdata/heldout23.tsv", 300}, {"testdata/heldout24.tsv", 300}, {"testdata/heldout25.tsv", 300}, {"testdata/heldout26.tsv", 300},
		{"testdata/heldout27.tsv", 300}, {"testdata/heldout28.tsv", 300}, {"testdata/heldout29.tsv", 300}, {"testdata/heldout30.tsv", 300},
		{"testdata/heldout31.tsv", 300}, {"testdata/heldout32.tsv", 300}, {"testdata/heldout33.tsv", 300}, {"testdata/heldout34.tsv", 300}} {
		t.Run(set.file, func(t *testing.T) { scoreHeldOut(t, set.file, set.least) })
	}
}

func scoreHeldOut(t *testing.T, file string, least int) {
	m := NewMatcher(MustLoadBuiltin(), nil)
	cases := loadHeldOut(t, file)
	if len(cases) < least {
		t.Fatalf("held-out set has %d cases, want at least %d", len(cases), least)
	}
	var all, inferredOnly, lenient, named prCount
	perKind := map[string]*prCount{}
	for _, c := range cases {
		got := heldOutOutcome(m.Match(Input{VendorName: c.vendor, Descriptions: []string{c.desc}}))
		all.add(c.want, got)
		inferredOnly.addUnder(c.want, got, heldOutCorrectInferredOnly)
		lenient.add(c.want, lenientOutcome(c.want, got))
		named.add(c.want, namedOutcome(m.Catalog(), c.want, lenientOutcome(c.want, got)))
		if perKind[c.kind] == nil {
			perKind[c.kind] = &prCount{}
		}
		perKind[c.kind].add(c.want, got)
		if !heldOutCorrect(c.want, got) && !(c.want == "-" && got == "-") {
			t.Logf("miss line %d [%s]: %q / %q: want %q, got %q", c.line, c.kind, c.vendor, c.desc, c.want, got)
		}
	}
	kinds := make([]string, 0, len(perKind))
	for k := range perKind {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		c := perKind[k]
		t.Logf("  %-12s %4d cases  %s  negatives right %d/%d", k, c.labelled+c.negatives, c.pr(), c.negativesRight, c.negatives)
	}
	t.Logf("  %-12s %4d cases  %s  negatives right %d/%d", "all", all.labelled+all.negatives, all.pr(), all.negativesRight, all.negatives)
	t.Logf("  %-12s %4d cases  %s  (the rule of sessions 7-25: a \"~Brand\" label right only as an inferred application)", "inferredonly", inferredOnly.labelled+inferredOnly.negatives, inferredOnly.pr())
	t.Logf("  %-12s %4d cases  %s  (inferred as an application of the app's name counted right)", "lenient", lenient.labelled+lenient.negatives, lenient.pr())
	t.Logf("  %-12s %4d cases  %s  (lenient, and a label that is one of the matched app's catalogued names, \"Dinero\" for Visma Dinero, counted right)", "names", named.labelled+named.negatives, named.pr())
	if all.precision() < 0.98 {
		t.Errorf("held-out precision %.4f below 0.98", all.precision())
	}
	if all.recall() < 0.95 {
		t.Errorf("held-out recall %.4f below 0.95", all.recall())
	}
}

// lenientOutcome is got, rewritten to the label where it is an inferred
// application named as the labelled app ("~Conta" for Conta, an app the
// catalog lacks; letter case aside, which the strict figure ignores too
// since session 22): a second figure for the report, never the one the
// targets are judged on.
func lenientOutcome(want, got string) string {
	if alts := strings.Split(want, "|"); len(alts) > 1 {
		for _, a := range alts {
			if g := lenientOutcome(strings.TrimSpace(a), got); g != got {
				return g
			}
		}
		return got
	}
	// The other way round (Tidsbanken for "~Tidsbanken") the strict rule
	// counts since session 26.
	if strings.HasPrefix(want, "~") || strings.HasPrefix(want, "?") || want == "-" {
		return got
	}
	if strings.EqualFold(want, strings.TrimPrefix(got, "~")) {
		return want
	}
	return got
}

// namedOutcome is got rewritten to the label where the label is one of the
// catalogued names of the app got ("Dinero", a name of Visma Dinero): the
// same application under another of its names. A third figure for the
// report, never the one the targets are judged on.
func namedOutcome(c *Catalog, want, got string) string {
	if alts := strings.Split(want, "|"); len(alts) > 1 {
		for _, a := range alts {
			if g := namedOutcome(c, strings.TrimSpace(a), got); g != got {
				return g
			}
		}
		return got
	}
	if strings.HasPrefix(want, "~") || strings.HasPrefix(want, "?") || want == "-" || strings.HasPrefix(got, "~") || strings.HasPrefix(got, "?") || got == "-" {
		return got
	}
	ai, ok := c.byName[Normalize(got)]
	if !ok {
		return got
	}
	key := Normalize(want)
	if r, ok := c.idx.vendors[key]; ok && r.kind == refApp && r.i == ai {
		return want
	}
	for _, h := range c.idx.phrases[normPhrase(want)] {
		if h.app == ai && h.kind != phraseAlias {
			return want
		}
	}
	return got
}

// TestHeldOutCorrect pins the scorer's label language: an app, "-", "?Vendor"
// or "?Vendor:Product", "~Brand", and "A|B", either of which is right.
func TestHeldOutCorrect(t *testing.T) {
	for _, c := range []struct {
		want, got string
		ok        bool
	}{
		{"Zoom", "Zoom", true},
		{"Zoom", "Zoom Phone", false},
		{"parcelLab", "Parcellab", true},
		{"?Zoom", "?zoom", true},
		{"Parcellab", "~Parcellab", false},
		{"-", "-", true},
		{"-", "Zoom", false},
		{"?Microsoft", "?Microsoft", true},
		{"?Microsoft", "Microsoft 365", false},
		{"?Microsoft:Viva Glint", "?Microsoft", true},
		{"?Microsoft:Viva Glint", "Viva Glint", true},
		{"?Microsoft:Viva Glint", "Microsoft Viva", false},
		{"?SAP:SAP LeanIX", "LeanIX", true},
		{"?Salesforce:Data Cloud", "Salesforce Data Cloud", true},
		{"?Salesforce:Data Cloud", "Salesforce", false},
		{"?Salesforce:Data Cloud", "Data Cloud Plus", false},
		{"?Visma:Youforce", "Visma Raet Youforce", false},
		{"?SAP:SAPphire", "phire", false},
		{"~Webfleet", "~webfleet", true},
		{"~Webfleet", "Webfleet", true},
		{"~Webfleet", "Webfleet Solutions Fleet", false},
		{"~Webfleet", "?Webfleet", false},
		{"~Webfleet", "-", false},
		{"~Vinoteca Cloud", "~VinotecaCloud", true},
		{"~Vinoteca-Cloud", "~vinoteca cloud", true},
		{"~Vinoteca Cloud", "~Vinoteca", false},
		{"Zoom Phone|Zoom", "Zoom", true},
		{"Zoom Phone|Zoom", "Zoom Phone", true},
		{"Zoom Phone|Zoom", "Zoom Rooms", false},
		{"Zoom Phone|Zoom", "-", false},
		{"Microsoft Teams Rooms|?Microsoft", "?Microsoft", true},
		{"?Google:Looker Studio|Looker", "Looker Studio", true},
		{"?Google:Looker Studio|Looker", "Looker", true},
		{"?Google:Looker Studio|Looker", "Google Cloud", false},
		{"~Flip|Flip", "~flip", true},
		{"~Flip|Flip", "Flip", true},
		{"~Flip|Flip", "~Flip GmbH", false},
		{"Visma Dinero | Dinero", "Dinero", true},
	} {
		if got := heldOutCorrect(c.want, c.got); got != c.ok {
			t.Errorf("heldOutCorrect(%q, %q) = %v, want %v", c.want, c.got, got, c.ok)
		}
	}
	// The rule of sessions 7-25 wants an inferred label inferred.
	for _, c := range []struct {
		want, got string
		ok        bool
	}{{"~Webfleet", "Webfleet", false}, {"~Webfleet", "~webfleet", true}, {"~Flip|Flip", "Flip", true}, {"Zoom", "Zoom", true}} {
		if got := heldOutCorrectInferredOnly(c.want, c.got); got != c.ok {
			t.Errorf("heldOutCorrectInferredOnly(%q, %q) = %v, want %v", c.want, c.got, got, c.ok)
		}
	}
	// The lenient figure leaves an inferred label's outcome to the strict
	// rule, which counts the catalogued app of its very brand.
	for _, c := range []struct{ want, got, lenient string }{
		{"~Tidsbanken", "Tidsbanken", "Tidsbanken"},
		{"~Agrimetria", "Quaderno", "Quaderno"},
		{"~Bookeo", "~Bookeo Pty", "~Bookeo Pty"},
		{"Conta", "~Conta", "Conta"},
	} {
		if got := lenientOutcome(c.want, c.got); got != c.lenient {
			t.Errorf("lenientOutcome(%q, %q) = %q, want %q", c.want, c.got, got, c.lenient)
		}
	}
	// The lenient figure reads each answer: "kaonavi" for "Kaonavi".
	if got := lenientOutcome("Zoom|kaonavi", "Kaonavi"); got != "kaonavi" {
		t.Errorf("lenientOutcome of an alternative: %q, want kaonavi", got)
	}
}
