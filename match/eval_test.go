package match

import (
	"bufio"
	"os"
	"strings"
	"testing"
)

// evalCase is one labelled row of testdata/eval.tsv: what a finance admin
// sees in BC and the app the charge really pays for ("" = no app). A
// description with " || " is a whole invoice, one line per part.
type evalCase struct {
	line              int
	vendor, desc, app string
	kind              string // the section of the file it is in
}

func loadEval(t testing.TB) []evalCase {
	t.Helper()
	f, err := os.Open("testdata/eval.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cases []evalCase
	sc := bufio.NewScanner(f)
	kind := ""
	for n := 1; sc.Scan(); n++ {
		l := sc.Text()
		if strings.HasPrefix(l, "#") && n > 1 {
			kind = strings.TrimSpace(strings.TrimPrefix(l, "#"))
		}
		if strings.TrimSpace(l) == "" || strings.HasPrefix(l, "#") {
			continue
		}
		fl := strings.Split(l, "\t")
		if len(fl) != 3 {
			t.Fatalf("eval.tsv line %d: want vendor<TAB>description<TAB>app, got %d fields", n, len(fl))
		}
		app := fl[2]
		if app == "-" {
			app = ""
		}
		cases = append(cases, evalCase{n, fl[0], fl[1], app, kind})
	}
	return cases
}

// TestEvalPrecisionRecall is the quality bar: precision counts wrong apps
// (the costly error: spend lands on the wrong app), recall counts charges
// left unmatched that belong to an app.
func TestEvalPrecisionRecall(t *testing.T) {
	cat := MustLoadBuiltin()
	m := NewMatcher(cat, nil)
	cases := loadEval(t)
	if len(cases) < 300 {
		t.Fatalf("eval set has %d cases, want at least 300", len(cases))
	}
	var predicted, correct, labelled int
	perKind := map[string]*prCount{}
	var kinds []string
	for _, c := range cases {
		if perKind[c.kind] == nil {
			perKind[c.kind] = &prCount{}
			kinds = append(kinds, c.kind)
		}
		perKind[c.kind].add(orDash(c.app), orDash(m.Match(Input{VendorName: c.vendor, Descriptions: strings.Split(c.desc, " || ")}).App))
		if c.app != "" {
			if _, ok := cat.App(c.app); !ok {
				t.Errorf("eval.tsv line %d: label %q is not a catalog app", c.line, c.app)
			}
			labelled++
		}
		d := m.Match(Input{VendorName: c.vendor, Descriptions: strings.Split(c.desc, " || ")})
		if d.App != "" {
			predicted++
		}
		if d.App != "" && d.App == c.app {
			correct++
			continue
		}
		if d.App != c.app {
			t.Logf("miss line %d: %q / %q: want %q, got %q (%s: %s)", c.line, c.vendor, c.desc, c.app, d.App, d.Method, d.Reason)
		}
	}
	precision := float64(correct) / float64(max(predicted, 1))
	recall := float64(correct) / float64(max(labelled, 1))
	t.Logf("eval: %d cases, %d labelled with an app, %d app predictions, %d correct", len(cases), labelled, predicted, correct)
	t.Logf("eval: precision %.4f, recall %.4f", precision, recall)
	for _, k := range kinds {
		c := perKind[k]
		t.Logf("  %-40.40s %4d cases  %s  negatives right %d/%d", k, c.labelled+c.negatives, c.pr(), c.negativesRight, c.negatives)
	}
	if precision < 0.99 {
		t.Errorf("precision %.4f below 0.99", precision)
	}
	if recall < 0.95 {
		t.Errorf("recall %.4f below 0.95", recall)
	}
}

func orDash(app string) string {
	if app == "" {
		return "-"
	}
	return app
}
