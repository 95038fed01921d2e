package match

import (
	"fmt"
	"math/bits"
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
	noGeo, noFill := c.forms(vt)
	if k := strings.Join(noGeo, " "); k != key {
		if r, ok := c.idx.vendors[k]; ok {
			return r, fmt.Sprintf("vendor without region words '%s'", k), true
		}
	}
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
		if r.kind == refReseller {
			continue
		}
		var rest []string
		for i, t := range vt {
			if (i < s.start || i >= s.end) && !c.words.geo[t] && !c.words.filler[t] && !legalWord(t) {
				rest = append(rest, t)
			}
		}
		key := strings.Join(rest, " ")
		if r.kind == refApp {
			if ar, how, ok := c.brandAndLegalName(r, s.key, key); ok {
				return ar, how, true
			}
			continue
		}
		for _, h := range c.idx.phrases[key] {
			if h.kind != phraseAlias && c.sells(r, h.app) {
				return vendorRef{kind: refApp, i: h.app, alias: key}, fmt.Sprintf(
					"vendor name holds its maker '%s' and its product '%s'", s.key, key), true
			}
		}
	}
	return vendorRef{}, "", false
}

// brandAndLegalName: a vendor card written as a brand and the company
// behind it ("Condeco (Eptura)", "CircleCI (Circle Internet Services,
// Inc.)", "Joan (Visionect d.o.o.)", "e-conomic (Visma e-conomic A/S)"):
// the app's catalogued name key, and in the other words another of its
// names, or the name of a product of the same maker ("Little Hotelier
// (SiteMinder)" once the catalog lists Little Hotelier with SiteMinder).
// A product the catalog lists without a legal entity of its own (Little
// Hotelier: SiteMinder bills it) is the maker's, whichever company the card
// writes beside it. Two names that agree are the identity, everyday word or not; the vendor
// is then known, so its lines are read as its billing ("Performance plan
// credits"), not as a stranger's ("Circle Internet Services" is no telecom).
func (c *Catalog) brandAndLegalName(r vendorRef, key, rest string) (vendorRef, string, bool) {
	if m, ok := c.idx.vendors[rest]; ok {
		// The other words name a vendor: the app's own, or its maker, of
		// which the app is the product ("SendGrid (Twilio)").
		if m.kind == refApp && m.i == r.i || m.kind == refGroup && c.idx.appGroup[r.i] == m.i ||
			m.kind == refApp && (c.sameMaker(r.i, m.i) || !r.generic && c.productEntry(r.i)) {
			r.generic = false
			if m.kind == refApp && m.i == r.i {
				return r, fmt.Sprintf("vendor name holds two names of %s, '%s' and '%s'", c.apps[r.i].Name, key, rest), true
			}
			return r, fmt.Sprintf("vendor name holds %s and its maker's name '%s'", c.apps[r.i].Name, rest), true
		}
		return vendorRef{}, "", false
	}
	for _, h := range c.idx.phrases[rest] {
		switch {
		case h.app == r.i:
			r.generic = false
			return r, fmt.Sprintf("vendor name holds two names of %s, '%s' and '%s'", c.apps[r.i].Name, key, rest), true
		case h.kind != phraseAlias && !h.inGroup && c.sameMaker(r.i, h.app),
			h.kind == phraseName && !h.inGroup && !h.generic && !h.weak && !r.generic && c.productEntry(h.app):
			return vendorRef{kind: refApp, i: h.app, alias: rest}, fmt.Sprintf(
				"vendor name holds its maker '%s' and its product '%s'", key, rest), true
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
	noGeo, noFill := c.forms(vt)
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
// software or names the vendor's app. A setup fee that names the app
// ("Deputy onboarding package - one-time" from DEPUTY.COM) is the maker's
// own (testdata/LABELLING.md), no word of something else.
func (c *Catalog) talksSoftware(r vendorRef, infos []lineInfo) bool {
	talks := false
	for _, li := range infos {
		names := false
		for _, h := range li.hits {
			names = names || c.sells(r, h.app) && !h.mention
		}
		if li.hasSignal && !(names && li.why == setupFee) {
			return false
		}
		talks = talks || li.strong || li.contextN >= 2 || names
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
	out := c.dropPhrases(vt, set)
	if len(out) == 0 {
		return vt
	}
	return dropLegalForms(out)
}

// dropPhrases is vt without the phrases of set, one word ("uk") or several
// ("united kingdom").
func (c *Catalog) dropPhrases(vt []string, set map[string]bool) []string {
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
	return out
}

// resolveFuzzy is the last resort for the vendor name: a catalogued name
// inside it ("Datadog Inc EMEA Billing Dept") or one typo away from it
// ("Atlasian"). Everyday-word names never match this way, and neither is
// a name its own lines write the same way a typo: a vendor spells its own
// brand on its invoice ("Shippeo visibility platform" from Shippeo SAS is
// not Shippo, "Qandle HRMS" from Qandle not Pandle), a clerk's typo on the
// vendor card is not repeated there.
func (c *Catalog) resolveFuzzy(vt []string, lines []lineInfo) (vendorRef, string, bool) {
	noGeo, noFill := c.forms(vt)
	if r, k, ok := c.contained(noGeo); ok {
		return r, fmt.Sprintf("vendor name contains '%s'", k), true
	}
	for _, cand := range [][]string{noGeo, noFill} {
		compact := strings.Join(cand, "")
		hits := c.typoHits(compact)
		if len(hits) == 0 || writtenOnItsLines(cand, lines) {
			continue
		}
		if r, ok := unambiguous(hits); ok && c.trustedTypo(cand, r, lines) {
			return r, fmt.Sprintf("vendor '%s' is one typo from '%s'", strings.Join(cand, " "), r.alias), true
		}
	}
	return vendorRef{}, "", false
}

// trustedTypo says when a name one edit from a catalogued one is that name
// misspelt rather than another name. Not when:
//   - the catalogued name's own part, without corporate, region and
//     everyday words, is shorter than minFuzzyLen letters: the edit then
//     falls in a short word padded by others, and "IKEA Business" is not
//     "Iken Business" (Iken);
//   - the vendor's name is a word the lists know (an everyday, corporate,
//     billing, plan or region word, or a non-software one): "Digital GmbH"
//     is the word digital, not Digitail;
//   - the edit changes one letter of a name shorter than longTypo letters,
//     unless a line talks software or names the app: one changed letter of
//     a short name makes another word or name ("Posten Norge" is Norway's
//     post, not Posteo), while clerks' typos drop, double or swap letters
//     ("Zendsk", "Pipedirve").
func (c *Catalog) trustedTypo(cand []string, r vendorRef, lines []lineInfo) bool {
	if runeLen(strings.Join(c.ownWords(r.alias), "")) < minFuzzyLen {
		return false
	}
	compact := strings.Join(cand, "")
	if c.everyday(compact) || c.corporate(compact) || c.words.signal(compact) != "" {
		return false
	}
	if cjkSubstitution(compact, strings.ReplaceAll(r.alias, " ", "")) {
		return false
	}
	if runeLen(compact) < longTypo && substitution(compact, strings.ReplaceAll(r.alias, " ", "")) {
		return c.talksSoftware(r, lines) && (c.namesIt(r, lines) || c.saysNothingElse(lines))
	}
	return true
}

// namesIt: a line names the vendor reference's app or one of its products.
func (c *Catalog) namesIt(r vendorRef, lines []lineInfo) bool {
	for _, li := range lines {
		for _, h := range li.hits {
			if c.sells(r, h.app) && !h.mention {
				return true
			}
		}
	}
	return false
}

// saysNothingElse: no line has a word that no list explains. Talk of
// licences and seats says the vendor sells software, which another brand
// one letter away does too: "Fahrtenbuch Lizenz, 7 Fahrzeuge" from Vimcar
// (a fleet logbook) names what that software is, and it is not Vimcal's
// calendar; "Professional - monthly, 2k tasks" names nothing but billing.
func (c *Catalog) saysNothingElse(lines []lineInfo) bool {
	for _, li := range lines {
		if c.unexplained(li) > 0 {
			return false
		}
	}
	return true
}

// longTypo is the length from which one changed letter is taken for a typo
// without a line's support.
const longTypo = 8

// ownWords is a name without its corporate, region and everyday words:
// none are left of "Pitch Software", whose typo "Patch Software" is words.
func (c *Catalog) ownWords(alias string) []string {
	var out []string
	for _, t := range strings.Fields(alias) {
		if !c.corporate(t) && !c.words.generic[t] {
			out = append(out, t)
		}
	}
	return out
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
// words or five letters among the vendor's words. A payment service's name
// (PayPal, Klarna) counts only beside corporate words ("PayPal Europe
// Services"): beside a merchant's name it is a card descriptor, a purchase
// paid through it ("PAYPAL *NAMECHEAP" is Namecheap's, "PAYPAL *ACME" no
// one's).
func (c *Catalog) contained(vt []string) (vendorRef, string, bool) {
	var best vendorRef
	bestLen, found := 0, false
	for _, s := range scan(vt, c.idx.starts, func(k string) bool { _, ok := c.idx.vendors[k]; return ok }) {
		r := c.idx.vendors[s.key]
		n := s.end - s.start
		if r.generic || (n == 1 && len(s.key) < 5) || n == len(vt) || c.corporate(s.key) {
			continue
		}
		if c.words.payer[s.key] && c.besideMerchant(vt, s) {
			continue
		}
		if !found || n > bestLen {
			best, bestLen, found = r, n, true
		}
	}
	return best, best.alias, found
}

// besideMerchant: the vendor has words besides the name at s that are not
// legal, region, corporate or billing words: a merchant's name, digits and
// all when it is a catalogued one ("PAYPAL *1PASSWORD").
func (c *Catalog) besideMerchant(vt []string, s span) bool {
	for i, t := range vt {
		if (i < s.start || i >= s.end) && !c.corporate(t) && (c.productWord(t) || c.isVendorName(t)) {
			return true
		}
	}
	return false
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
// A signal inside a catalogued name the vendor's name holds is a word of
// that name ("Opus Dental Sverige", "Klarna Bank AB (publ) Sverige
// filial"), not the vendor's trade; so is one inside words a line writes
// as one brand ("CabinetFlow abonnement" from Cabinet Flow SAS).
func (c *Catalog) vendorSignal(vt []string, infos []lineInfo) (string, bool) {
	w := c.words
	spans := scan(vt, c.idx.starts, func(k string) bool { return w.signal(k) != "" })
	if len(spans) == 0 {
		return "", false
	}
	names := scan(vt, c.idx.starts, func(k string) bool {
		r, ok := c.idx.vendors[k]
		return ok && !r.generic && strings.Contains(k, " ") && !c.corporate(k)
	})
	names = append(names, writtenAsOneWord(vt, infos)...)
	for _, s := range spans {
		if !insideAny(names, s) {
			return "'" + s.key + "' (" + w.signal(s.key) + ")", true
		}
	}
	return "", false
}

// writtenAsOneWord: the runs of two or more of the vendor's words that a
// line writes as one word ("cabinet flow" as "cabinetflow"): a brand made
// of everyday words.
func writtenAsOneWord(vt []string, infos []lineInfo) []span {
	if len(vt) < 2 {
		return nil
	}
	// Each line is split once, not once per run of the vendor's words.
	lines := make([][]string, len(infos))
	for k, li := range infos {
		lines[k] = strings.Fields(li.text)
	}
	var out []span
	for i := range vt {
		for j := i + 2; j <= len(vt); j++ {
			joined := strings.Join(vt[i:j], "")
			for _, toks := range lines {
				if containsWord(toks, joined) {
					out = append(out, span{i, j, joined})
					break
				}
			}
		}
	}
	return out
}

// insideAny: span s lies inside one of spans.
func insideAny(spans []span, s span) bool {
	for _, o := range spans {
		if o.start <= s.start && o.end >= s.end {
			return true
		}
	}
	return false
}

// everydayNameWithoutEvidence: a vendor name that is an everyday word
// ("Flex Ltd", "Ramp GmbH", "GAMMA Nederland B.V.": legal forms and region
// words are dropped before the lookup, so they add nothing) is the app or
// multi-product vendor of that name only with evidence, as a name with
// corporate words is (resolveEveryday): the name says software, or its
// lines read like the vendor's billing (readsLikeItsBilling). Otherwise the
// charge stays unmatched with the app as a suggestion: "Flex Ltd" billing
// "PCB assembly" is a contract manufacturer, not the HR app flex.
func (c *Catalog) everydayNameWithoutEvidence(vt []string, r vendorRef, how string, soft []lineInfo) (Decision, bool) {
	if !r.generic || r.kind == refReseller || strings.HasPrefix(how, "vendor without corporate words") {
		return Decision{}, false
	}
	if containsWord(vt, "software") || c.readsLikeItsBilling(r, soft) {
		return Decision{}, false
	}
	name := c.refName(r)
	return Decision{Method: MethodNone, Suggest: name, Reason: fmt.Sprintf(
		"%s, but '%s' is an everyday word and nothing else says this is %s (no line talks about software or names it): add a rule if it is",
		how, r.alias, name)}, true
}

// readsLikeItsBilling: the lines are what a software vendor's invoice says,
// or say nothing: one talks software or usage (a plan, seats, a
// subscription, metered units: "Creator plan", "Enterprise - bandwidth"),
// names one of the vendor's products (by a keyword or its domain, or by its
// everyday name where a product name stands, first: "Rippling PEO",
// "Intercom Essential"), or is billing words at least as many as the words
// no list explains ("Processing fees Oct 2026", "Invoice 4411"), or bills
// fees per transaction, which only a platform that processes them charges
// (a payments or ticketing platform: "Organiser fees - October"); or there is
// no line. Everyday words that are some app's name count as unexplained
// elsewhere on the line: "Wiring harness assembly - 200 units" from
// "Harness Ltd" and "Steel lattice girders" from "Lattice Ltd" use the
// word, not the app, and "PCB assembly - 500 boards" or "Bouwmaterialen en
// verf" are about something else the vendor sells.
func (c *Catalog) readsLikeItsBilling(r vendorRef, soft []lineInfo) bool {
	if len(soft) == 0 {
		return true
	}
	for _, li := range soft {
		if li.strong || li.contextN > 0 || li.usage != "" || li.planned || li.payFee == payTransaction || li.payFee != "" && c.paymentsRef(r) {
			return true
		}
		for _, h := range li.hits {
			if c.sells(r, h.app) && !h.mention && (!h.generic || h.pos == 0) {
				return true
			}
		}
		if bits.OnesCount64(li.planAt) >= c.unexplained(li) {
			return true
		}
	}
	return false
}

// namedAsAPlace: a vendor whose name holds a catalogued name followed by a
// word that makes a name a place ("Paycom Center Arena", "SAP Garden
// Stadium", "Salesforce Tower Management": words.txt kind mention, after)
// is the place named after its sponsor or tenant, not the app, whatever
// its lines sell (club seats are a stadium's). It stays unmatched, with
// the app as a suggestion; nothing is inferred.
func (c *Catalog) namedAsAPlace(vt []string) (Decision, bool) {
	w := c.words
	for _, s := range scan(vt, c.idx.starts, func(k string) bool { _, ok := c.idx.vendors[k]; return ok }) {
		r := c.idx.vendors[s.key]
		if c.corporate(s.key) || r.kind == refReseller {
			continue
		}
		for i := s.end; i < len(vt); i++ {
			if w.after[vt[i]] || i+1 < len(vt) && w.after[vt[i]+" "+vt[i+1]] {
				name := c.refName(r)
				return Decision{Method: MethodNone, Suggest: name, Reason: fmt.Sprintf(
					"vendor '%s' names '%s' as a place ('%s'): a venue or building named after it, not %s (add a rule if it is)",
					strings.Join(vt, " "), s.key, vt[i], name)}, true
			}
		}
	}
	return Decision{}, false
}

// unexplained counts a line's words of four letters or more that are
// neither plan, billing or software words nor inside a catalogued phrase
// other than an everyday word.
func (c *Catalog) unexplained(li lineInfo) int {
	toks := strings.Fields(li.text)
	covered := make([]bool, len(toks))
	for _, h := range li.hits {
		for i := h.pos; !h.generic && i < h.end && i < len(toks); i++ {
			covered[i] = true
		}
	}
	n := 0
	for i, t := range toks {
		billing := i < 64 && li.planAt&(1<<i) != 0
		if !covered[i] && !billing && c.productWord(t) && runeLen(t) >= 4 {
			n++
		}
	}
	return n
}

// writtenAsLegalName: the vendor's name as written (raw) is one of the
// catalogued legal names behind its everyday-word key, legal form and all
// ("Cvent, Inc." is Cvent Inc, "Homebase Inc." Homebase Inc), region words
// aside. Normalising drops the form, which is what tells the company apart
// from others of the same word: "Homebase Ltd" sells paint, "Recharge Spa
// Ltd" massages, and they stay everyday words that need evidence. Only
// keys with such legal names cost more than a map lookup.
func (c *Catalog) writtenAsLegalName(raw, key string) bool {
	names, ok := c.idx.formed[key]
	if !ok {
		return false
	}
	full := c.withoutRegion(normPhrase(raw))
	for _, n := range names {
		if c.withoutRegion(n) == full {
			return true
		}
	}
	return false
}

// withoutRegion drops region words and phrases from a phrase ("Sympa
// Finland Oy", "Recharge Inc United States"), as stripWords does from a
// vendor's words, legal forms kept.
func (c *Catalog) withoutRegion(p string) string {
	return strings.Join(c.dropPhrases(strings.Fields(p), c.words.geo), " ")
}

// asLegalName: a vendor written as its catalogued legal name is that
// entry, everyday word or not.
func (c *Catalog) asLegalName(r vendorRef, how string) (vendorRef, string) {
	if !r.generic {
		return r, how
	}
	r.generic = false
	return r, how + " (its catalogued legal name, legal form and all)"
}

// productEntry: an app the catalog lists without legal names of its own, as
// it lists products whose legal entity is their maker's.
func (c *Catalog) productEntry(app int) bool { return len(c.apps[app].Vendors) == 0 }
