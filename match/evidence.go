package match

import (
	"fmt"
	"strings"
)

// byMarketplace: a cloud's marketplace resells third-party products ("AWS
// Marketplace: Datadog Pro"); the spend is that product, not the cloud.
func (c *Catalog) byMarketplace(r vendorRef, how string, soft []lineInfo) (Decision, bool) {
	var market []lineInfo
	for _, li := range soft {
		if li.market {
			market = append(market, li)
		}
	}
	if len(market) == 0 {
		return Decision{}, false
	}
	picks := pickLines(market, func(h lineHit) bool {
		return !c.sells(r, h.app) && h.kind != phraseAlias && !(h.weak && h.kind != phraseName) && !h.platform
	}, false)
	if len(picks) == 0 {
		return c.unknownResale(r, how, market)
	}
	return c.fromPicks(picks, MethodKeyword, confReseller,
		fmt.Sprintf("%s; a marketplace line resells another vendor's product", how)), true
}

// unknownResale: a marketplace line that names a product the catalog does
// not know still resells it ("AWS Marketplace: Quillstack Pro"); the
// cloud's own default would put the spend on the wrong app. A line that
// names one of the cloud's own products besides the marketplace's name
// ("Azure Marketplace" is Azure's name for its shop), or names nothing
// ("AWS Marketplace fees"), is the cloud's.
func (c *Catalog) unknownResale(r vendorRef, how string, market []lineInfo) (Decision, bool) {
	for _, li := range market {
		if len(li.marketRest) == 0 || li.store {
			// An app store's words are the topic of an app-store tool's
			// line as often ("App Store optimisation, Pro plan"): only a
			// catalogued app is read as bought there.
			return Decision{}, false
		}
		for _, h := range li.hits {
			if c.sells(r, h.app) && h.kind != phraseAlias && (h.end < li.marketAt || h.pos > li.marketAt) {
				return Decision{}, false
			}
		}
	}
	li := market[0]
	if seller, ok := c.knownSeller(r, li); ok {
		return Decision{Method: MethodUnknownProduct, Vendor: seller, Reason: fmt.Sprintf(
			"%s; line '%s' resells a product of %s through the marketplace ('%s'), which is none the catalog knows: unknown product of %s (add it to the catalog or a rule)",
			how, li.text, seller, strings.Join(li.marketRest, " "), seller)}, true
	}
	if len(li.marketSeller) > 0 {
		// The seller is a vendor in its own right, one the catalog lacks:
		// what it resells is a product of that vendor, as for a known one.
		seller := strings.Join(li.marketSeller, " ")
		return Decision{Method: MethodUnknownProduct, Vendor: seller, brandWords: seller, Reason: fmt.Sprintf(
			"%s; line '%s' resells a product of '%s' through the marketplace, a vendor the catalog lacks: unknown product of %s (add it to the catalog or a rule)",
			how, li.text, seller, seller)}, true
	}
	return Decision{Method: MethodNone, Reason: fmt.Sprintf(
		"%s; line '%s' resells another vendor's product through the marketplace ('%s'), none the catalog knows (add it to the catalog or a rule)",
		how, li.text, strings.Join(li.marketRest, " "))}, true
}

// knownSeller: the vendor a marketplace line names after the marketplace
// word, when the catalog knows it as a vendor ("Palo Alto Networks", the
// vendor of Prisma Access; "SAP", a multi-product vendor) and it is not
// the cloud itself. Its name as the catalog writes it.
func (c *Catalog) knownSeller(cloud vendorRef, li lineInfo) (string, bool) {
	for _, h := range li.hits {
		if h.kind != phraseAlias || h.pos <= li.marketAt || c.sells(cloud, h.app) {
			continue
		}
		if r, ok := c.idx.vendors[Normalize(h.phrase)]; ok {
			return c.sellerName(r), true
		}
	}
	if r, ok := c.groupAfterMarket(cloud, li); ok {
		return c.sellerName(r), true
	}
	if len(li.marketSeller) == 0 {
		return "", false
	}
	r, _, ok := c.resolveExact(li.marketSeller[:1])
	if !ok || r.kind == refReseller || r.generic || sameRef(r, cloud) {
		return "", false
	}
	return c.sellerName(r), true
}

// groupAfterMarket: a multi-product maker's name of several words after the
// marketplace word ("Azure Marketplace: Palo Alto Networks ..."). A maker
// with a default product is a phrase of it (the loop over li.hits above
// finds it); one without (no flagship) is found among the vendor names.
func (c *Catalog) groupAfterMarket(cloud vendorRef, li lineInfo) (vendorRef, bool) {
	toks := strings.Fields(li.text)
	if li.marketAt+1 >= len(toks) {
		return vendorRef{}, false
	}
	for _, s := range scan(toks[li.marketAt+1:], c.idx.starts, func(k string) bool { _, ok := c.idx.vendors[k]; return ok }) {
		if r := c.idx.vendors[s.key]; r.kind == refGroup && !r.generic && !sameRef(r, cloud) && strings.Contains(s.key, " ") {
			return r, true
		}
	}
	return vendorRef{}, false
}

// sellerName is a known vendor as the catalog writes it: a multi-product
// vendor's name, or the legal name of an app's vendor that the line used
// ("Palo Alto Networks" rather than Prisma Access).
func (c *Catalog) sellerName(r vendorRef) string {
	if r.kind != refApp {
		return c.refName(r)
	}
	for _, v := range c.apps[r.i].Vendors {
		if Normalize(v) == r.alias {
			return brandOf(v, c.words)
		}
	}
	return c.apps[r.i].Name
}

// sells reports whether the vendor r is the app's own vendor or its group.
func (c *Catalog) sells(r vendorRef, app int) bool {
	switch r.kind {
	case refApp:
		return app == r.i
	case refGroup:
		return c.idx.appGroup[app] == r.i
	}
	return false
}

// unknownProduct: a multi-product vendor's line names something no word
// list explains ("Microsoft Viva Glint", "Rovo - 40 users"). That is most
// likely one of its products the catalog lacks; assuming its default
// product would put the spend on the wrong app, so it stays unmatched,
// named as an unknown product of the vendor.
func (c *Catalog) unknownProduct(r vendorRef, how string, soft []lineInfo) (Decision, bool) {
	g := c.groups[r.i]
	own := c.idx.groupWords[r.i]
	for _, li := range soft {
		if addOnOfDefault(li, own) {
			continue
		}
		var words []string
		for _, w := range li.rest {
			if !own[w] {
				words = append(words, w)
			}
		}
		if app, w, ok := c.gluedProduct(r.i, words); ok {
			return c.appDecision(app, MethodKeyword, confKeyword, fmt.Sprintf(
				"%s is %s, which sells several products; line '%s' writes '%s', its product %s with the kind of product it is",
				how, g.Name, li.text, w, c.apps[app].Name)), true
		}
		if len(words) > 0 {
			return Decision{Method: MethodUnknownProduct, Vendor: g.Name, Reason: fmt.Sprintf(
				"%s is %s, which sells several products; line '%s' names '%s', which is none the catalog knows: unknown product of %s (add it to the catalog or a rule)",
				how, g.Name, li.text, strings.Join(words, " "), g.Name)}, true
		}
	}
	return Decision{}, false
}

// gluedProduct: a word that is the name of one of the group's products
// written together with the kind of product it is, in two to four letters
// ("LeverTRM" on Employ's line is Lever, its talent relationship
// manager): that product; ok is false when no word is.
func (c *Catalog) gluedProduct(group int, words []string) (int, string, bool) {
	for _, w := range words {
		for cut := 2; cut <= 4 && len(w)-cut >= 4; cut++ {
			for _, h := range c.idx.phrases[w[:len(w)-cut]] {
				if h.kind == phraseName && c.idx.appGroup[h.app] == group {
					return h.app, w, true
				}
			}
		}
	}
	return -1, "", false
}

// addOnOfDefault: a line buying an add-on, an extension or a top-up
// ("Large Meetings add-on - 500 participants" on Zoom's invoice) names what
// the add-on does, not a product: it extends the vendor's default
// application. The vendor's own name followed by a word we lack ("Zoom Docs
// add-on") still names a product.
func addOnOfDefault(li lineInfo, own map[string]bool) bool {
	if !li.addOn {
		return false
	}
	toks := strings.Fields(li.text)
	for i := 1; i < len(toks) && i < 64; i++ {
		if li.restAt&(1<<i) != 0 && own[toks[i-1]] {
			return false
		}
	}
	return true
}

// withoutEvidence: a catalogued name inside a longer vendor name ("Canva
// Tent Hire", "Figma Frames & Framing") is evidence only with support: the
// other words are corporate or region words ("Datadog Billing Dept"), or a
// line talks software (a subscription or seats, or two plan words: one
// "team" is an everyday word) or names the app. Otherwise
// the charge stays unmatched, with the app as a suggestion.
func (c *Catalog) withoutEvidence(vt []string, r vendorRef, how string, soft []lineInfo) (Decision, bool) {
	if !strings.HasPrefix(how, "vendor name contains") || c.onlyCorporate(vt, r.alias) {
		return Decision{}, false
	}
	for _, li := range soft {
		if li.strong || li.contextN >= 2 || li.payFee != "" && c.paymentsRef(r) {
			return Decision{}, false
		}
		for _, h := range li.hits {
			if c.sells(r, h.app) && !h.mention {
				return Decision{}, false
			}
		}
	}
	name := c.refName(r)
	return Decision{Method: MethodNone, Suggest: name, Reason: fmt.Sprintf(
		"%s, but nothing else says this is %s (the vendor's other words are not corporate words, and no line talks about software): add a rule if it is",
		how, name)}, true
}

// paymentsRef: the vendor reference is a payments platform, whose own
// billing is fees and commissions ("işlem komisyonları", "Avgifter oktober"):
// on its lines they say the charge is what it charges for processing.
func (c *Catalog) paymentsRef(r vendorRef) bool {
	return r.kind == refApp && c.apps[r.i].Category == categoryPayments
}

// onlyCorporate: the vendor's words besides alias are legal, region,
// corporate or billing words, or numbers.
func (c *Catalog) onlyCorporate(vt []string, alias string) bool {
	at := strings.Fields(alias)
	w := c.words
	var other []string
	for i := 0; i < len(vt); i++ {
		if i+len(at) <= len(vt) && strings.Join(vt[i:i+len(at)], " ") == alias {
			i += len(at) - 1
			continue
		}
		if t := vt[i]; !w.geo[t] && !w.filler[t] && !w.billing[t] && c.productWord(t) {
			other = append(other, t)
		}
	}
	if len(other) == 0 {
		return true
	}
	// "Postmark (ActiveCampaign)": the other words name its parent, a
	// catalogued software vendor.
	_, parent := c.idx.vendors[strings.Join(other, " ")]
	return parent
}

// refName is the application (or vendor) a vendor reference stands for.
func (c *Catalog) refName(r vendorRef) string {
	switch r.kind {
	case refGroup:
		return c.groups[r.i].Name
	case refReseller:
		return c.resellers[r.i].Name
	}
	return c.apps[r.i].Name
}
