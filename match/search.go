package match

import (
	"sort"
	"strings"
)

// Search finds apps for a picker: by name, vendor name or keyword, prefix
// and substring first, then close spellings. At most limit results (all when
// limit <= 0), best first.
func (c *Catalog) Search(query string, limit int) []App {
	q := normPhrase(query)
	if q == "" {
		return nil
	}
	type scored struct {
		app   int
		score float64
	}
	var res []scored
	for ai := range c.apps {
		if s := c.searchScore(ai, q); s > 0 {
			res = append(res, scored{ai, s})
		}
	}
	sort.Slice(res, func(i, j int) bool {
		if res[i].score != res[j].score {
			return res[i].score > res[j].score
		}
		return c.apps[res[i].app].Name < c.apps[res[j].app].Name
	})
	if limit > 0 && len(res) > limit {
		res = res[:limit]
	}
	out := make([]App, len(res))
	for i, r := range res {
		out[i] = c.apps[r.app]
	}
	return out
}

// searchScore rates how well q fits an app; the name counts most.
func (c *Catalog) searchScore(ai int, q string) float64 {
	keys := c.searchKeys[ai]
	best := textScore(keys[0], q)
	for _, k := range keys[1:] {
		best = max(best, textScore(k, q)*0.9)
	}
	return best
}

// buildSearchKeys normalises every app's name (first), group, vendor names
// and keywords once, so a keystroke in the picker costs no Unicode work.
func (c *Catalog) buildSearchKeys() {
	c.searchKeys = make([][]string, len(c.apps))
	for ai, a := range c.apps {
		keys := []string{normPhrase(a.Name)}
		for _, v := range append(append([]string{a.Group}, a.Vendors...), a.Keywords...) {
			if k := normPhrase(v); k != "" {
				keys = append(keys, k)
			}
		}
		c.searchKeys[ai] = keys
	}
}

// textScore: exact 1, prefix 0.9, word prefix 0.8, substring 0.7, else a
// similarity of at least 0.75 scaled down, else 0.
func textScore(s, q string) float64 {
	switch {
	case s == q:
		return 1
	case strings.HasPrefix(s, q):
		return 0.9
	case strings.Contains(" "+s, " "+q):
		return 0.8
	case strings.Contains(s, q):
		return 0.7
	}
	if d := len(s) - len(q); d > 3 || d < -3 {
		return 0 // too different in length to be a typo
	}
	if sim := similarity(s, q); sim >= 0.75 {
		return sim * 0.6
	}
	return 0
}
