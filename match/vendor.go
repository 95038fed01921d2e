package match

import (
	"fmt"
	"strings"
)

// resolveExact looks the vendor up by its catalogued names: as written, then
// without region words ("Microsoft Ireland Operations"), then without
// corporate filler ("Adobe Systems Software"). The last step refuses
// everyday-word names: "Zoom Technologies" is not Zoom.
func (c *Catalog) resolveExact(vt []string) (vendorRef, string, bool) {
	if len(vt) == 0 {
		return vendorRef{}, "", false
	}
	key := strings.Join(vt, " ")
	if r, ok := c.idx.vendors[key]; ok {
		return r, fmt.Sprintf("vendor alias '%s'", key), true
	}
	noGeo := c.stripWords(vt, c.words.geo)
	if k := strings.Join(noGeo, " "); k != key {
		if r, ok := c.idx.vendors[k]; ok {
			return r, fmt.Sprintf("vendor without region words '%s'", k), true
		}
	}
	noFill := c.stripWords(noGeo, c.words.filler)
	if k := strings.Join(noFill, " "); len(noFill) < len(noGeo) {
		if r, ok := c.idx.vendors[k]; ok && !r.generic {
			return r, fmt.Sprintf("vendor without corporate words '%s'", k), true
		}
	}
	return c.resolveCompact(vt, noGeo, noFill)
}

// resolveMakerAndProduct: a vendor name that holds a multi-product vendor's
// catalogued name and, in its other words, the name of one of its products
// ("Walkover Web Solutions Pvt Ltd (MSG91)", "Twilio Inc (SendGrid)") is
// that product: the name says which of the maker's products it bills.
// Legal, region and corporate words among the other words do not count.
func (c *Catalog) resolveMakerAndProduct(vt []string) (vendorRef, string, bool) {
	for _, s := range scan(vt, c.idx.starts, func(k string) bool { _, ok := c.idx.vendors[k]; return ok }) {
		if s.end-s.start == len(vt) {
			continue
		}
		r := c.idx.vendors[s.key]
		if r.kind != refGroup {
			continue // an app's own keyword beside its name names nothing more
		}
		var rest []string
		for i, t := range vt {
			if (i < s.start || i >= s.end) && !c.words.geo[t] && !c.words.filler[t] && !legalWord(t) {
				rest = append(rest, t)
			}
		}
		key := strings.Join(rest, " ")
		for _, h := range c.idx.phrases[key] {
			if h.kind != phraseAlias && c.sells(r, h.app) {
				return vendorRef{kind: refApp, i: h.app, alias: key}, fmt.Sprintf(
					"vendor name holds its maker '%s' and its product '%s'", s.key, key), true
			}
		}
	}
	return vendorRef{}, "", false
}

// legalWord: a legal form of one word, which a name may write before its
// trade name ("Pvt Ltd (MSG91)").
func legalWord(t string) bool {
	return anywhereForms[t] || trailingFormLen([]string{t}) == 1
}

// resolveEveryday: a vendor named after an everyday-word app with corporate
// words ("Slack Billing Dept", "Jobber Software Inc") is that app when its
// name says software, or when its lines talk software (a subscription,
// seats, two plan words, or the app's own name) and none of them is about
// something else. Without that support "Zoom Technologies" is not Zoom.
func (c *Catalog) resolveEveryday(vt []string, infos []lineInfo) (vendorRef, string, bool) {
	noGeo := c.stripWords(vt, c.words.geo)
	noFill := c.stripWords(noGeo, c.words.filler)
	if len(noFill) == len(noGeo) {
		return vendorRef{}, "", false
	}
	k := strings.Join(noFill, " ")
	r, ok := c.idx.vendors[k]
	if !ok || !r.generic {
		return vendorRef{}, "", false
	}
	why := ""
	switch {
	case containsWord(noGeo, "software"):
		why = "the name says software"
	case c.talksSoftware(r, infos):
		why = "its lines talk software"
	default:
		return vendorRef{}, "", false
	}
	r.generic = false
	return r, fmt.Sprintf("vendor without corporate words '%s' (an everyday word, but %s)", k, why), true
}

// talksSoftware: every line is free of non-software words, and one talks
// software or names the vendor's app.
func (c *Catalog) talksSoftware(r vendorRef, infos []lineInfo) bool {
	talks := false
	for _, li := range infos {
		if li.hasSignal {
			return false
		}
		talks = talks || li.strong || li.contextN >= 2
		for _, h := range li.hits {
			talks = talks || c.sells(r, h.app) && !h.mention
		}
	}
	return talks
}

func containsWord(toks []string, w string) bool {
	for _, t := range toks {
		if t == w {
			return true
		}
	}
	return false
}

// resolveCompact: the vendor's name is a catalogued one written with other
// spacing ("Uptime Robot s.r.o." is UptimeRobot); the variant with the most
// words that matches wins.
func (c *Catalog) resolveCompact(variants ...[]string) (vendorRef, string, bool) {
	for _, v := range variants {
		k := strings.Join(v, "")
		if r, ok := c.idx.compact[k]; ok && r.alias != strings.Join(v, " ") {
			return r, fmt.Sprintf("vendor '%s' is '%s' written with other spacing", strings.Join(v, " "), r.alias), true
		}
	}
	return vendorRef{}, "", false
}

// stripWords drops the phrases of set from vt but never every word, and
// drops legal forms exposed at the end ("Atlassian Pty Ltd Australia").
func (c *Catalog) stripWords(vt []string, set map[string]bool) []string {
	drop := make([]bool, len(vt))
	for _, s := range scan(vt, c.idx.starts, func(k string) bool { return set[k] }) {
		for i := s.start; i < s.end; i++ {
			drop[i] = true
		}
	}
	var out []string
	for i, t := range vt {
		if !drop[i] {
			out = append(out, t)
		}
	}
	if len(out) == 0 {
		return vt
	}
	return dropLegalForms(out)
}

// resolveFuzzy is the last resort for the vendor name: a catalogued name
// inside it ("Datadog Inc EMEA Billing Dept") or one typo away from it
// ("Atlasian"). Everyday-word names never match this way, and neither is
// a name its own lines write the same way a typo: a vendor spells its own
// brand on its invoice ("Shippeo visibility platform" from Shippeo SAS is
// not Shippo, "Qandle HRMS" from Qandle not Pandle), a clerk's typo on the
// vendor card is not repeated there.
func (c *Catalog) resolveFuzzy(vt []string, lines []lineInfo) (vendorRef, string, bool) {
	noGeo := c.stripWords(vt, c.words.geo)
	if r, k, ok := c.contained(noGeo); ok {
		return r, fmt.Sprintf("vendor name contains '%s'", k), true
	}
	for _, cand := range [][]string{noGeo, c.stripWords(noGeo, c.words.filler)} {
		compact := strings.Join(cand, "")
		hits := c.idx.typos().lookup(compact)
		if len(hits) == 0 || writtenOnItsLines(cand, lines) {
			continue
		}
		if r, ok := unambiguous(hits); ok {
			return r, fmt.Sprintf("vendor '%s' is one typo from '%s'", strings.Join(cand, " "), r.alias), true
		}
	}
	return vendorRef{}, "", false
}

// writtenOnItsLines: the name's words appear one after the other on a line.
func writtenOnItsLines(name []string, lines []lineInfo) bool {
	compact := strings.Join(name, "")
	for _, li := range lines {
		toks := strings.Fields(li.text)
		if containsWord(toks, compact) {
			return true
		}
		for i := range toks {
			if isPhraseAt(toks, i, name...) {
				return true
			}
		}
	}
	return false
}

// unambiguous accepts fuzzy hits that all point to the same entry.
func unambiguous(hits []fuzzyEntry) (vendorRef, bool) {
	r := hits[0].ref
	for _, h := range hits[1:] {
		if !sameRef(h.ref, r) {
			return vendorRef{}, false
		}
	}
	return r, true
}

// contained finds the longest catalogued, non-generic name of at least two
// words or five letters among the vendor's words.
func (c *Catalog) contained(vt []string) (vendorRef, string, bool) {
	var best vendorRef
	bestLen, found := 0, false
	for _, s := range scan(vt, c.idx.starts, func(k string) bool { _, ok := c.idx.vendors[k]; return ok }) {
		r := c.idx.vendors[s.key]
		n := s.end - s.start
		if r.generic || (n == 1 && len(s.key) < 5) || n == len(vt) || c.corporate(s.key) {
			continue
		}
		if !found || n > bestLen {
			best, bestLen, found = r, n, true
		}
	}
	return best, best.alias, found
}

// corporate: a word of legal names ("Online", "Systems", "Global") is no
// name to find inside a longer one, even where an entry is called so
// (Scaleway was "Online SAS"): "Beck-online" is not Scaleway.
func (c *Catalog) corporate(k string) bool {
	w := c.words
	return w.filler[k] || w.geo[k] || w.billing[k] || w.context[k]
}

// vendorSignal: a vendor whose name says plumbing or bakery is not a
// software vendor, whatever else its name resembles.
func (c *Catalog) vendorSignal(vt []string) (string, bool) {
	w := c.words
	spans := scan(vt, c.idx.starts, func(k string) bool { return w.signal(k) != "" })
	if len(spans) == 0 {
		return "", false
	}
	return "'" + spans[0].key + "' (" + w.signal(spans[0].key) + ")", true
}
