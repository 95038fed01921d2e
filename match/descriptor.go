package match

import (
	"fmt"
	"strings"
)

// resolveDescriptor reads a vendor name the catalog lacks as a card
// statement's descriptor: the merchant written as its domain, or as its
// name and a product or plan word, then a city, a state or a country
// ("LINEAR.APP SAN FRANCISCO", "HARVEST TIME TRACKING", "SLACK PRO
// DUBLIN"). A catalogued app's own two-label domain opening the name is
// that app; so is a phrase of several words that names it (its name with a
// product or plan word, never one everyday word alone) when the lines
// talk software and none of them is about something else: "Notion Plus
// Interiors Ltd" selling a sofa is a furniture shop.
func (c *Catalog) resolveDescriptor(vt []string, infos []lineInfo) (vendorRef, string, bool) {
	if len(vt) < 2 {
		return vendorRef{}, "", false
	}
	var best phraseHit
	end := 0
	for _, s := range scan(vt, c.idx.starts, func(k string) bool { return c.idx.phrases[k] != nil }) {
		if s.start != 0 || s.end-s.start < 2 || s.end <= end {
			continue
		}
		for _, h := range c.idx.phrases[s.key] {
			if (h.kind == phraseName || h.kind == phraseKeyword) && !h.inGroup && (!h.weak || c.opensWithItsName(h)) {
				best, end = h, s.end
				break
			}
		}
	}
	if end == 0 {
		return vendorRef{}, "", false
	}
	r := vendorRef{kind: refApp, i: best.app, alias: best.phrase}
	if c.isDomain(best) {
		return r, fmt.Sprintf("card descriptor '%s' opens with %s's domain", strings.Join(vt, " "), c.apps[best.app].Name), true
	}
	if !c.talksSoftware(r, infos) {
		return vendorRef{}, "", false
	}
	return r, fmt.Sprintf("card descriptor '%s' opens with '%s', a name of %s, and its lines talk software",
		strings.Join(vt, " "), best.phrase, c.apps[best.app].Name), true
}

// opensWithItsName: the phrase begins with its app's name ("slack pro",
// "harvest forecast"): everyday and plan words, but the app's own.
func (c *Catalog) opensWithItsName(h phraseHit) bool {
	return strings.HasPrefix(h.phrase, normPhrase(c.apps[h.app].Name)+" ")
}

// isDomain: the phrase is its app's own domain ("linear app").
func (c *Catalog) isDomain(h phraseHit) bool {
	d := strings.ToLower(strings.TrimSpace(c.apps[h.app].Domain))
	return d != "" && normPhrase(d) == h.phrase
}
