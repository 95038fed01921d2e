package spend

import (
	"crypto/sha256"
	"encoding/json"
	"sync"

	"github.com/bcspend/bcspend/match"
)

// A matcher caches its decisions, and a cold one spends most of Load's
// matching time deciding each distinct (vendor, descriptions) input once.
// Loads in one process (the console reloading after a sync, a preview then
// the same rule saved) mostly see the same inputs with the same catalog
// and rules, so recent matchers are kept and reused while both are
// unchanged. Decisions depend on nothing else, so reuse is exact.
//
// Only the newest catalog's matchers are kept. A process moves to a new
// catalog when its custom applications change and does not go back to the
// old one, and a kept matcher holds its catalog (some 50 MB for 8,900
// applications) and its decisions: kept for an old catalog, they only made
// every later collection mark them.
const keptMatchers = 4

var matchers struct {
	mu   sync.Mutex
	kept []keptMatcher // most recent last
}

type keptMatcher struct {
	cat   *match.Catalog
	catFP [sha256.Size]byte // cat.Fingerprint(), computed once per catalog
	rules string            // the rules' JSON: equal text, equal decisions
	m     *match.Matcher
	fp    []byte // its decisions' fingerprint (decisions.go)
}

// matcherFor returns a matcher for cat and rules, reusing a kept one, and
// the fingerprint its decisions are stored under (nil: none).
func matcherFor(cat *match.Catalog, rules []match.Rule) (*match.Matcher, []byte) {
	b, err := json.Marshal(rules)
	if err != nil {
		return match.NewMatcher(cat, rules), nil
	}
	key := string(b)
	matchers.mu.Lock()
	defer matchers.mu.Unlock()
	for i, k := range matchers.kept {
		if k.cat == cat && k.rules == key {
			matchers.kept = append(append(matchers.kept[:i:i], matchers.kept[i+1:]...), k)
			return k.m, k.fp
		}
	}
	m := match.NewMatcher(cat, rules)
	if n := len(matchers.kept); n > 0 && matchers.kept[n-1].cat != cat {
		matchers.kept = nil
	}
	if len(matchers.kept) == keptMatchers {
		matchers.kept = matchers.kept[1:]
	}
	k := keptMatcher{cat: cat, rules: key, m: m}
	if cat != nil { // a model of no charges may have no catalog
		if n := len(matchers.kept); n > 0 {
			k.catFP = matchers.kept[n-1].catFP // the same catalog, by the reset above
		} else {
			k.catFP = cat.Fingerprint()
		}
		k.fp = decisionFingerprint(k.catFP, key)
	}
	matchers.kept = append(matchers.kept, k)
	return m, k.fp
}
