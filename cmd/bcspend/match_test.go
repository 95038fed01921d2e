package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// Scripts read `bcspend match --json`: the decision keeps app, method,
// confidence and reason, and the new outcomes (an inferred application, an
// unknown product of a known vendor, a name without evidence) add their
// fields next to them instead of changing those four.
func TestMatchCommandNewOutcomes(t *testing.T) {
	db := filepath.Join(t.TempDir(), "none.db")
	for _, c := range []struct {
		vendor, desc       string
		method, key, value string // key: the field that carries the outcome
		text               string // in the plain output
	}{
		{"Polarwind Systems AS", "Månedlig abonnement - 12 brukere", "inferred", "suggest", "Polarwind", "inferred: Polarwind ("},
		{"Microsoft Ireland Operations Ltd", "Microsoft Places premium - 80 users", "unknown-product", "vendor", "Microsoft", "unknown product of Microsoft"},
		{"Canva Tent Hire", "Marquee for summer party", "none", "suggest", "Canva", "maybe Canva"},
	} {
		code, out, errOut := cli(t, "", "--db", db, "match", c.vendor, c.desc, "--json")
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", c.vendor, code, errOut)
		}
		var res struct {
			Decision map[string]any `json:"decision"`
		}
		if err := json.Unmarshal([]byte(out), &res); err != nil {
			t.Fatalf("%s: %v\n%s", c.vendor, err, out)
		}
		d := res.Decision
		for _, k := range []string{"app", "method", "confidence", "reason"} {
			if _, ok := d[k]; !ok {
				t.Errorf("%s: decision lacks %q: %s", c.vendor, k, out)
			}
		}
		if d["app"] != "" || d["method"] != c.method || d[c.key] != c.value {
			t.Errorf("%s: decision %v; want app \"\", method %s, %s %q", c.vendor, d, c.method, c.key, c.value)
		}
		if _, out, _ := cli(t, "", "--db", db, "match", c.vendor, c.desc); !strings.Contains(out, c.text) {
			t.Errorf("%s: plain output lacks %q:\n%s", c.vendor, c.text, out)
		}
	}
}
