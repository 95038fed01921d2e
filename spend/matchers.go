package spend

import (
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
	rules string // the rules' JSON: equal text, equal decisions
	m     *match.Matcher
}

// matcherFor returns a matcher for cat and rules, reusing a kept one.
func matcherFor(cat *match.Catalog, rules []match.Rule) *match.Matcher {
	b, err := json.Marshal(rules)
	if err != nil {
		return match.NewMatcher(cat, rules)
	}
	key := string(b)
	matchers.mu.Lock()
	defer matchers.mu.Unlock()
	for i, k := range matchers.kept {
		if k.cat == cat && k.rules == key {
			matchers.kept = append(append(matchers.kept[:i:i], matchers.kept[i+1:]...), k)
			return k.m
		}
	}
	m := match.NewMatcher(cat, rules)
	if n := len(matchers.kept); n > 0 && matchers.kept[n-1].cat != cat {
		matchers.kept = nil
	}
	if len(matchers.kept) == keptMatchers {
		matchers.kept = matchers.kept[1:]
	}
	matchers.kept = append(matchers.kept, keptMatcher{cat: cat, rules: key, m: m})
	return m
}
