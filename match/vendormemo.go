package match

import "strings"

// vendorForms is what vendor resolution derives from a vendor's words
// alone: the words without region words ("Microsoft Ireland Operations"),
// and those without corporate filler too ("Adobe Systems Software"), each
// as stripWords makes it. resolveExact, resolveEveryday and resolveFuzzy
// each need both, and a store bills the same few thousand vendors in ever
// new (vendor, descriptions) inputs: 18,000 inputs of 3,000 vendors in the
// 400,000-line benchmark, where stripping the words again per input was
// half of a cold matcher's time. The slices are shared: only read.
type vendorForms struct {
	noGeo, noFill []string
}

// forms is stripWords(vt, geo) and stripWords(of that, filler), kept per
// catalog in its memo (the word lists and phrase starts they read are the
// catalog's, and nothing else goes in), keyed by the words themselves.
func (c *Catalog) forms(vt []string) (noGeo, noFill []string) {
	key := strings.Join(vt, " ")
	m := c.memo
	m.mu.RLock()
	f, ok := m.forms[key]
	m.mu.RUnlock()
	if !ok {
		noGeo := c.stripWords(vt, c.words.geo)
		f = vendorForms{noGeo: clip(noGeo), noFill: clip(c.stripWords(noGeo, c.words.filler))}
		m.mu.Lock()
		if len(m.forms) >= maxCache {
			m.forms = map[string]vendorForms{}
		}
		m.forms[key] = f
		m.mu.Unlock()
	}
	return f.noGeo, f.noFill
}

// clip gives s a capacity of its length, so that an append to a shared
// form copies it instead of writing into another's.
func clip(s []string) []string { return s[:len(s):len(s)] }
