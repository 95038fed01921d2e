package match

import (
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// memoInputs are the labelled charges of testdata (eval.tsv and the
// held-out sets) as inputs, a " || " description being a whole invoice.
func memoInputs(t *testing.T) []Input {
	var ins []Input
	for _, c := range loadEval(t) {
		ins = append(ins, Input{VendorName: c.vendor, Descriptions: strings.Split(c.desc, " || ")})
	}
	files, err := filepath.Glob("testdata/heldout*.tsv")
	if err != nil || len(files) == 0 {
		t.Fatalf("no held-out sets: %v", err)
	}
	for _, f := range files {
		for _, c := range loadHeldOut(t, f) {
			ins = append(ins, Input{VendorName: c.vendor, Descriptions: strings.Split(c.desc, " || ")})
		}
	}
	return ins
}

// The memo's entries for a vendor are what the functions it keeps make of
// the same input, whichever vendor asked first: asked cold, asked again,
// and after every other vendor of the test data.
func TestVendorMemoIsWhatItKeeps(t *testing.T) {
	c := testCatalog
	ins := memoInputs(t)
	check := func(round string) {
		for _, in := range ins {
			vt := strings.Fields(c.vendor(in.VendorName))
			noGeo, noFill := c.forms(vt)
			wantGeo := c.stripWords(vt, c.words.geo)
			wantFill := c.stripWords(wantGeo, c.words.filler)
			if !slices.Equal(noGeo, wantGeo) || !slices.Equal(noFill, wantFill) {
				t.Fatalf("%s: %q: forms %q / %q, stripWords %q / %q", round, in.VendorName, noGeo, noFill, wantGeo, wantFill)
			}
			r, how, known := c.exact(vt)
			wr, whow, wknown := c.resolveExact(vt)
			if r != wr || how != whow || known != wknown {
				t.Fatalf("%s: %q: exact %+v %q %v, resolveExact %+v %q %v", round, in.VendorName, r, how, known, wr, whow, wknown)
			}
			for _, cand := range [][]string{noGeo, noFill} {
				compact := strings.Join(cand, "")
				if got, want := c.typoHits(compact), c.idx.typos().lookup(compact); !reflect.DeepEqual(got, want) && len(got)+len(want) > 0 {
					t.Fatalf("%s: %q: typoHits %+v, lookup %+v", round, compact, got, want)
				}
			}
		}
	}
	check("first")
	check("again")
}

// A catalog's memo (lines, vendors, vendor forms) changes no decision:
// every labelled charge decides the same on a catalog whose memo other
// matchers filled in one order and on a fresh catalog deciding them in
// the reverse order, each by a matcher of its own (no decision cache
// shared).
func TestCatalogMemoChangesNoDecision(t *testing.T) {
	if testing.Short() {
		t.Skip("loads a second catalog")
	}
	ins := memoInputs(t)
	warm := testCatalog
	NewMatcher(warm, nil).MatchAll(ins) // fill the memo in input order
	fresh := MustLoadBuiltin()
	rev := NewMatcher(fresh, nil)
	got := make([]Decision, len(ins))
	for i := len(ins) - 1; i >= 0; i-- {
		got[i] = rev.Match(ins[i])
	}
	again := NewMatcher(warm, nil)
	for i, in := range ins {
		if want := again.Match(in); !reflect.DeepEqual(got[i], want) {
			t.Errorf("%q %q: fresh catalog, reverse order %+v; memo filled %+v", in.VendorName, in.Descriptions, got[i], want)
		}
	}
}
