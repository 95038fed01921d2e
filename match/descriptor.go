package match

import (
	"fmt"
	"slices"
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

// byMerchant decides for a card descriptor's merchant (resolveDescriptor,
// resolveMerchant), where a brand would be inferred: a catalogued name
// the vendor's name holds is read first as that name (resolveFuzzy).
func (c *Catalog) byMerchant(vt []string, infos, soft []lineInfo) (Decision, bool) {
	r, how, ok := c.resolveDescriptor(vt, infos)
	if !ok {
		r, how, ok = c.resolveMerchant(vt, infos)
	}
	if !ok {
		return Decision{}, false
	}
	return noteDropped(c.byVendor(r, how, soft, false), infos, soft), true
}

// resolveMerchant reads a card descriptor that opens with a payment
// processor, a merchant of record or an issuer's short code before the
// merchant ("PADDLE.NET* LINEAR", "FS *NOTION", "SQ *HARVEST", "PAYPAL
// *CANNY.IO"): the merchant after it, a catalogued vendor or an app's
// domain, is the vendor. The prefix is one to three words: a code of up
// to three consonants, a payer (words.txt kind payer) or a vendor the catalog
// knows. An everyday-word merchant ("HARVEST") needs lines that talk
// software: "SQ *HARVEST" on a café's lunch is the café.
func (c *Catalog) resolveMerchant(vt []string, infos []lineInfo) (vendorRef, string, bool) {
	for k := 1; k <= 3 && k < len(vt); k++ {
		prefix, merchant := vt[:k], vt[k:]
		if !c.processorPrefix(prefix) {
			continue
		}
		key := strings.Join(merchant, " ")
		r, ok := c.idx.vendors[key]
		if !ok || r.kind == refReseller {
			r, ok = c.domainRef(merchant)
		}
		if !ok || r.generic && !c.talksSoftware(r, infos) {
			continue
		}
		r.generic = false
		return r, fmt.Sprintf("card descriptor '%s': '%s' pays merchant '%s'", strings.Join(vt, " "), strings.Join(prefix, " "), key), true
	}
	return vendorRef{}, "", false
}

// processorPrefix: the words before a card descriptor's merchant are a
// processor's or an issuer's: a code of up to three consonants ("sq", "fs",
// "dnh", "tst"; "My Notion" or "Go Linear" is a name), a payer or a
// vendor the catalog knows, also written as its domain ("paddle net").
func (c *Catalog) processorPrefix(prefix []string) bool {
	if len(prefix) == 1 && len(prefix[0]) <= 3 && !strings.ContainsAny(prefix[0], "aeiouy") {
		return true
	}
	if c.isPayer(prefix) {
		return true
	}
	if _, _, known := c.exact(prefix); known {
		return true
	}
	// A processor written as its domain ("paddle net", "2co com").
	last := prefix[len(prefix)-1]
	_, _, known := c.exact(prefix[:len(prefix)-1])
	return len(prefix) > 1 && len(last) <= 3 && known
}

// domainRef: the words are exactly a catalogued app's domain ("canny io").
func (c *Catalog) domainRef(words []string) (vendorRef, bool) {
	key := strings.Join(words, " ")
	for _, h := range c.idx.phrases[key] {
		if c.isDomain(h) {
			return vendorRef{kind: refApp, i: h.app, alias: key}, true
		}
	}
	return vendorRef{}, false
}

// resolveCoded reads a card descriptor written as a catalogued vendor's
// name and a reference code ("MSFT * G0712XY89", "CANVA* I04325-1234567"):
// the code is the issuer's reference of one charge, so the vendor is the
// name before it. A code is a word of five or more characters with a digit
// ("365" of "Microsoft 365" or "50" of "Sage 50" are names), and the name
// left must be one the catalog trusts on its own (no everyday word), or
// one its lines agree with: a billing profile's descriptor
// ("MICROSOFT#G045566123") whose line repeats the code or opens with the
// name ("Invoice G045566123 - billing profile", "Microsoft subscription")
// is the maker, though "microsoft" alone on a line is an everyday word.
//
// A phone number after the name ("ZOOM.COM 888-799-9666", split at its
// hyphens into groups of digits) is such a code too: seven digits or more
// in a row of digit groups (phoneAt).
func (c *Catalog) resolveCoded(vt []string, infos []lineInfo) (vendorRef, string, bool) {
	var name, codes []string
	for i := 0; i < len(vt); i++ {
		if n := phoneAt(vt, i); n > 0 {
			codes = append(codes, strings.Join(vt[i:i+n], " "))
			i += n - 1
			continue
		}
		if t := vt[i]; isCode(t) && !c.isVendorName(t) {
			codes = append(codes, t)
			continue
		}
		name = append(name, vt[i])
	}
	if len(codes) == 0 || len(name) == 0 {
		return vendorRef{}, "", false
	}
	r, how, ok := c.exact(name)
	if !ok {
		return vendorRef{}, "", false
	}
	if r.generic {
		if !linesAgree(name, codes, infos) {
			return vendorRef{}, "", false
		}
		r.generic = false
		how += ", which its lines agree with"
	}
	return r, fmt.Sprintf("card descriptor '%s' is %s with a reference code", strings.Join(vt, " "), how), true
}

// resolveMakersDescriptor reads a card descriptor ("GOOGLE *GSUITE_acme.fr",
// "ATLASSIAN *JIRA_acmeteam", "GOOGLE*WORKSPACE_acme.com") that opens with a
// catalogued maker's name and then one of its products, named or by a
// keyword, glued to the customer's account: the issuer writes what the
// maker sold, so the product is the vendor, whatever the account's words
// are. A product's own name that opens the descriptor is that product; an
// app of no maker's group that opens it may be a processor paying another
// merchant ("PAYPAL *NAMECHEAP", "PADDLE.NET* TUPLE": byMerchant's).
func (c *Catalog) resolveMakersDescriptor(vt []string) (vendorRef, string, bool) {
	var maker span
	found := false
	for _, s := range scan(vt, c.idx.starts, func(k string) bool { _, ok := c.idx.vendors[k]; return ok }) {
		if r := c.idx.vendors[s.key]; s.start == 0 && r.kind != refReseller && (!found || s.end > maker.end) {
			maker, found = s, true
		}
	}
	if !found || maker.end == len(vt) || c.words.payer[maker.key] {
		return vendorRef{}, "", false
	}
	r := c.idx.vendors[maker.key]
	how := fmt.Sprintf("card descriptor '%s' opens with '%s'", strings.Join(vt, " "), maker.key)
	if r.kind == refApp {
		if c.idx.appGroup[r.i] < 0 {
			return vendorRef{}, "", false
		}
		r.generic = false
		return r, how + ", a name of its maker's product " + c.apps[r.i].Name, true
	}
	rest := vt[maker.end:]
	for n := min(len(rest), max(c.idx.starts[rest[0]], 1)); n >= 1; n-- {
		key := strings.Join(rest[:n], " ")
		for _, h := range c.idx.phrases[key] {
			if h.kind != phraseAlias && !h.generic && c.sells(r, h.app) {
				return vendorRef{kind: refApp, i: h.app, alias: key}, fmt.Sprintf(
					"%s, its maker, then '%s', its product %s", how, key, c.apps[h.app].Name), true
			}
		}
	}
	return vendorRef{}, "", false
}

// linesAgree: a line holds one of the codes, or opens with the name.
func linesAgree(name, codes []string, infos []lineInfo) bool {
	for _, li := range infos {
		toks := strings.Fields(li.text)
		if isPhraseAt(toks, 0, name...) {
			return true
		}
		for _, code := range codes {
			if containsWord(toks, code) {
				return true
			}
		}
	}
	return false
}

// phoneAt is how many words from vt[i] on are groups of digits that make a
// phone number (seven digits or more, "888 799 9666"); 0 when they are not
// one. A single group is isCode's to read.
func phoneAt(vt []string, i int) int {
	n, digits := 0, 0
	for j := i; j < len(vt) && isDigits(vt[j]); j++ {
		n, digits = n+1, digits+len(vt[j])
	}
	if n < 2 || digits < 7 {
		return 0
	}
	return n
}

// isVendorName: the word is a catalogued vendor name ("1password",
// "o2switch"): the merchant a processor's descriptor pays ("PAYPAL
// *1PASSWORD"), not its reference code.
func (c *Catalog) isVendorName(t string) bool {
	_, ok := c.idx.vendors[t]
	return ok
}

// paysMerchant: a card descriptor that is a processor's or an issuer's
// prefix (processorPrefix: "DNH", "SQ", "PAYPAL"), then the catalogued name
// alias of r and nothing else but the rest of the merchant's own domain
// ("DNH*GODADDY.COM", "TST* DREAMHOST", "DNH*BLUEHOST.COM"): the card paid
// that merchant, which is then known whatever its line says.
func (c *Catalog) paysMerchant(vt []string, r vendorRef) bool {
	at := strings.Fields(r.alias)
	for k := 1; k <= 3 && k+len(at) <= len(vt); k++ {
		if !isPhraseAt(vt, k, at...) || !c.processorPrefix(vt[:k]) {
			continue
		}
		tail := vt[k+len(at):]
		return len(tail) == 0 || r.kind == refApp && c.ownDomain(r.i, append(slices.Clone(at), tail...))
	}
	return false
}

// ownDomain: the words are app ai's domain, its labels split apart
// ("bluehost com" of bluehost.com).
func (c *Catalog) ownDomain(ai int, words []string) bool {
	return normPhrase(strings.ToLower(c.apps[ai].Domain)) == strings.Join(words, " ")
}

// isCode: a reference code of a card descriptor or an invoice: five or more
// characters, one of them a digit.
func isCode(t string) bool {
	return len(t) >= 5 && strings.ContainsAny(t, "0123456789")
}

// makerOnLine: a line of a vendor the catalog lacks (a card issuer, a
// reseller) that opens with the name of a maker whose lines pay for many
// products ("MSFT * G0712XY89 REDMOND WA" on a Visa statement, "SAP
// Rechnung 9040012345") and names none of them is an unknown product of
// that maker, as the maker's own such line is (byGroup); so is a line that
// sells licences, a subscription or a renewal and names such a maker
// anywhere ("Renewal of Atlassian Cloud licences, 50 users" from a
// partner), or opens with one whose name is an everyday word ("Oracle
// support renewal 2026"), not as the platform of what it sells
// ("Connector for SAP, annual licence"). A maker with a flagship has its
// names indexed as phrases of the flagship (resolveDefaults), so only
// makers without one need this look-up.
func (c *Catalog) makerOnLine(soft []lineInfo) (Decision, bool) {
	return c.makerOn(soft, false)
}

// makerOn is makerOnLine, or makerNamed when reseller: a software
// reseller's line may name the maker anywhere, even by an everyday word;
// anyone else's must open with it, or sell licences, a subscription or a
// renewal.
func (c *Catalog) makerOn(soft []lineInfo, reseller bool) (Decision, bool) {
	for _, li := range soft {
		if d, ok := c.byMakerCode(li); ok {
			return d, true
		}
		toks := strings.Fields(li.text)
		anywhere := reseller || li.strong
		for i := range toks {
			if i > 0 && (!anywhere || platformWords[toks[i-1]]) {
				continue
			}
			if r, ok := c.makerAt(toks, i, reseller || i == 0 && li.strong); ok {
				return c.makerProduct(li, r, i), true
			}
		}
	}
	return Decision{}, false
}

// makerAt: the words from toks[i] on are a name of a maker without a
// flagship (an everyday one only if generic), not a place or a customer.
func (c *Catalog) makerAt(toks []string, i int, generic bool) (vendorRef, bool) {
	for n := min(len(toks)-i, max(c.idx.starts[toks[i]], 1)); n >= 1; n-- {
		r, ok := c.idx.vendors[strings.Join(toks[i:i+n], " ")]
		if !ok || r.kind != refGroup || r.generic && !generic || !c.groups[r.i].NoFlagship || c.isMention(toks, span{i, i + n, r.alias}) {
			continue
		}
		return r, true
	}
	return vendorRef{}, false
}

// makerProduct: the line names maker r at word i, and none of its products.
func (c *Catalog) makerProduct(li lineInfo, r vendorRef, i int) Decision {
	g := c.groups[r.i].Name
	how := "names"
	if i == 0 {
		how = "opens with"
	}
	return Decision{Method: MethodUnknownProduct, Vendor: g, Reason: fmt.Sprintf(
		"line '%s' %s '%s', a name of %s, which sells several products, and names none of them: unknown product of %s (add a rule if one is)",
		li.text, how, r.alias, g, g)}
}

// byMakerCode: a line that writes a maker's own reference code and number
// ("Cloud subscription renewal, SEN-88412093" on an Atlassian partner's
// invoice: Atlassian's support entitlement number) and names no product
// is an unknown product of that maker.
func (c *Catalog) byMakerCode(li lineInfo) (Decision, bool) {
	if li.makerCode == "" {
		return Decision{}, false
	}
	r, ok := c.idx.vendors[Normalize(li.makerCode)]
	if !ok || r.kind != refGroup {
		return Decision{}, false
	}
	g := c.groups[r.i].Name
	return Decision{Method: MethodUnknownProduct, Vendor: g, Reason: fmt.Sprintf(
		"line '%s' writes a reference code of %s, which sells several products, and names none of them: unknown product of %s (add a rule if one is)",
		li.text, g, g)}, true
}

// makerNamed: a reseller's line that names a maker whose lines pay for
// many products, anywhere and even as an everyday word ("Microsoft
// Lizenzen lt. Vertrag EA 8841209", "Renewal of Atlassian Cloud"), and
// names none of its products, is an unknown product of that maker; so is
// one that writes the maker's reference code.
func (c *Catalog) makerNamed(soft []lineInfo) (Decision, bool) {
	return c.makerOn(soft, true)
}

// resellersDescriptor reads a line of a payment processor's or merchant of
// record's own invoice that is its card descriptor ("FS *SKETCH
// FASTSPRING.COM CA", "PADDLE.NET* HARVEST"): a processor's prefix
// (processorPrefix), the merchant, an app the catalog knows by a name or
// its domain, then perhaps the processor's name, a phone number or a
// place. What a software reseller sells is software, so an everyday-word
// name ("Sketch", "Harvest") needs no more than that.
func (c *Catalog) resellersDescriptor(soft []lineInfo) (int, string, bool) {
	for _, li := range soft {
		toks := strings.Fields(li.text)
		for k := 1; k <= 2 && k < len(toks); k++ {
			if !c.processorPrefix(toks[:k]) {
				continue
			}
			for m := len(toks) - k; m >= 1; m-- {
				merchant := toks[k : k+m]
				r, ok := c.idx.vendors[strings.Join(merchant, " ")]
				if !ok || r.kind != refApp {
					r, ok = c.domainRef(merchant)
				}
				if ok && r.kind == refApp && c.descriptorTail(toks[k+m:]) {
					return r.i, li.text, true
				}
			}
		}
	}
	return -1, "", false
}

// descriptorTail: the words after a descriptor's merchant are the
// processor's name or domain, a phone number, a code or a place ("fastspring
// com ca", "877 467 4707").
func (c *Catalog) descriptorTail(toks []string) bool {
	for _, t := range toks {
		r, known := c.idx.vendors[t]
		if !strings.ContainsAny(t, "0123456789") && len(t) > 3 && !c.words.geo[t] && !(known && r.kind == refReseller) {
			return false
		}
	}
	return true
}
