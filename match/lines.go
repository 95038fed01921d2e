package match

import (
	"strings"
)

// lineInfo is what one description line says: catalogued phrases found in
// it, and a non-software signal if any.
type lineInfo struct {
	text      string
	hits      []lineHit
	signal    string // e.g. "laptop" (hardware); "" when none
	why       string // the signal's label: hardware, travel...
	hasSignal bool
	context   bool // mentions plans, seats, licences...
	strong    bool // mentions subscriptions, licences, seats
}

type lineHit struct {
	phraseHit
	pos, end int
	platform bool // follows "for", "with"...: the platform an add-on runs on
}

// platformWords introduce the platform a product works with ("Document
// Capture for Business Central", "Jira integration with Slack").
var platformWords = map[string]bool{"for": true, "with": true, "into": true, "to": true, "on": true, "via": true}

// analyzeLine finds catalogued phrases and non-software words. Words inside a
// catalogued phrase do not count as signals, so "Concur Travel" or "Zoom
// Phone" stay software while "flight to Berlin" does not.
func (c *Catalog) analyzeLine(text string) lineInfo {
	toks := strings.Fields(text)
	li := lineInfo{text: text}
	covered := make([]bool, len(toks))
	for _, s := range scan(toks, c.idx.starts, func(k string) bool { return c.idx.phrases[k] != nil }) {
		for _, h := range c.idx.phrases[s.key] {
			li.hits = append(li.hits, lineHit{phraseHit: h, pos: s.start, end: s.end,
				platform: s.start > 0 && platformWords[toks[s.start-1]]})
		}
		if !c.isGenericPhrase(s.key) {
			for i := s.start; i < s.end; i++ {
				covered[i] = true
			}
		}
	}
	w := c.words
	for _, s := range scan(toks, c.idx.starts, func(k string) bool { return w.signal(k) != "" || w.context[k] || w.strong[k] }) {
		li.context = li.context || w.context[s.key] || w.strong[s.key]
		li.strong = li.strong || w.strong[s.key]
		if why := w.signal(s.key); why != "" && !li.hasSignal && !anyCovered(covered, s) {
			li.signal, li.why, li.hasSignal = "'"+s.key+"' ("+why+")", why, true
		}
	}
	return li
}

// neutral lines say nothing about software either way: no catalogued name
// (everyday words aside), no talk of subscriptions, licences or seats, no
// non-software signal. Purchase-order references, billing periods and
// "ProSupport Plus 3 years" are like that; tier words such as plus or
// business prove nothing on their own.
func (li *lineInfo) neutral() bool {
	if li.hasSignal || li.strong {
		return false
	}
	for _, h := range li.hits {
		if !h.generic {
			return false
		}
	}
	return true
}

// isGenericPhrase: an everyday word does not shield the words around it.
func (c *Catalog) isGenericPhrase(key string) bool {
	for _, h := range c.idx.phrases[key] {
		if h.generic {
			return true
		}
	}
	return false
}

func anyCovered(covered []bool, s span) bool {
	for i := s.start; i < s.end; i++ {
		if covered[i] {
			return true
		}
	}
	return false
}

// pick chooses the app a line names among hits that pass keep. A generic
// hit counts only when allowGeneric (the vendor is known to sell it), or when
// it is the app's own name (Zoom, Box) and the line also talks about plans or
// seats; a generic keyword ("teams") never does on its own. Product names and
// keywords beat vendor names; longer phrases beat shorter ones.
func (li lineInfo) pick(keep func(lineHit) bool, allowGeneric bool) (lineHit, bool) {
	var best lineHit
	found := false
	for _, h := range li.hits {
		if !keep(h) || (h.generic && !allowGeneric && !(h.kind == phraseName && li.context)) {
			continue
		}
		if !found || better(h, best) {
			best, found = h, true
		}
	}
	return best, found
}

func better(a, b lineHit) bool {
	if a.kind != b.kind && (a.kind == phraseAlias || b.kind == phraseAlias) {
		return a.kind != phraseAlias
	}
	if la, lb := a.end-a.pos, b.end-b.pos; la != lb {
		return la > lb
	}
	if a.generic != b.generic {
		return !a.generic
	}
	return a.pos < b.pos
}
