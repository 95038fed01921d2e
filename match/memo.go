package match

import "sync"

// memo keeps, per catalog, what matching derives from a line or a vendor
// name alone. A store repeats the same line texts ("Support plan", "Slack
// Pro seats") and vendor names in ever new combinations, so a pair never
// seen before mostly consists of lines and a vendor already normalised
// and analysed. None of it depends on the rules, so every matcher of the
// catalog shares it: a rule change re-decides the pairs without
// re-reading their words. Safe for concurrent use; bounded like the
// matchers' caches.
type memo struct {
	mu      sync.RWMutex
	lines   map[string]lineEntry // raw description -> normalised and analysed
	vendors map[string]string    // raw vendor name -> Normalize form
	// vendormemo.go: what a vendor's words alone resolve to
	forms map[string]vendorForms  // vendor words -> without region, filler words
	exact map[string]exactVendor  // vendor words -> resolveExact
	typos map[string][]fuzzyEntry // compact name -> typo index hits
}

// lineEntry is one description: its normPhrase form ("" when nothing is
// left) and, for a non-empty one, what it says. It is shared: only read.
type lineEntry struct {
	norm string
	info lineInfo
}

func newMemo() *memo {
	return &memo{lines: map[string]lineEntry{}, vendors: map[string]string{},
		forms: map[string]vendorForms{}, exact: map[string]exactVendor{}, typos: map[string][]fuzzyEntry{}}
}

// line is normPhrase(raw) and its analysis.
func (c *Catalog) line(raw string) lineEntry {
	m := c.memo
	m.mu.RLock()
	e, ok := m.lines[raw]
	m.mu.RUnlock()
	if ok {
		return e
	}
	e.norm = normPhrase(raw)
	if e.norm != "" {
		e.info = c.analyzeLine(e.norm)
	}
	m.mu.Lock()
	if len(m.lines) >= maxCache {
		m.lines = map[string]lineEntry{}
	}
	m.lines[raw] = e
	m.mu.Unlock()
	return e
}

// vendor is Normalize(raw).
func (c *Catalog) vendor(raw string) string {
	m := c.memo
	m.mu.RLock()
	v, ok := m.vendors[raw]
	m.mu.RUnlock()
	if ok {
		return v
	}
	v = Normalize(raw)
	m.mu.Lock()
	if len(m.vendors) >= maxCache {
		m.vendors = map[string]string{}
	}
	m.vendors[raw] = v
	m.mu.Unlock()
	return v
}
