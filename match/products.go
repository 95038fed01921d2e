package match

import "strings"

// The product grain of a maker's invoice: which of a maker's products a
// line pays for when the vendor is the maker's flagship app (DocuSign Inc is
// the legal name of DocuSign eSignature, and also bills DocuSign CLM).

// sameMaker: app b is sold by the maker of app a: both in one group, or b on
// a's web domain or under it (DocuSign CLM on docusign.com beside DocuSign,
// Xero Practice Manager beside Xero, IONOS Cloud on cloud.ionos.com beside
// IONOS). Another maker's product of a similar name (Tango Gestión beside
// Tango, Neon CRM beside Neon) is neither.
func (c *Catalog) sameMaker(a, b int) bool {
	if g := c.idx.appGroup[a]; g >= 0 && g == c.idx.appGroup[b] {
		return true
	}
	da, db := strings.ToLower(c.apps[a].Domain), strings.ToLower(c.apps[b].Domain)
	return da != "" && (db == da || strings.HasSuffix(db, "."+da) || strings.HasSuffix(da, "."+db))
}

// makersProducts: on the lines of app r's vendor, another product of the
// same maker that a line names is what the line pays for, when the line
// names the flagship only by the maker's name ("DocuSign CLM - annual" from
// DocuSign Inc: "docusign" is the maker there) or inside the product's name,
// or not at all; also when the line bills usage of it ("Amazon Connect -
// contact center usage minutes" from Amazon Web Services: the usage is
// Connect's, not a channel AWS carries). A line that names the flagship's
// own product words ("DocuSign eSignature Business Pro") stays the
// flagship's. It returns the lines the products win and the others.
func (c *Catalog) makersProducts(r vendorRef, soft []lineInfo) (picks []linePick, rest []lineInfo) {
	flagship := normPhrase(c.apps[r.i].Name)
	product := func(h lineHit) bool {
		// A name of everyday words ("Amazon Connect") names the product on
		// its maker's line, as a sibling's does (byAppVendor); a short name
		// ("Lønn" of Visma Lønn) only on the group's own lines: on Tripletex
		// AS's, "Tripletex lønn og regnskap" is what Tripletex does.
		return h.app != r.i && h.kind != phraseAlias && !h.generic && !h.inGroup && (!h.weak || h.kind == phraseName) && !h.platform && !h.mention &&
			(c.sameMaker(r.i, h.app) || c.groupsCompany(r, h.app))
	}
	own := func(h lineHit) bool { return h.app == r.i }
	for _, li := range soft {
		p, ok := li.pick(product, true)
		if !ok {
			rest = append(rest, li)
			continue
		}
		// The flagship's own name counts when it holds the product's
		// ("Vitec Express" from Vitec Mäklarsystem holds Vitec's "vitec").
		if o, mine := li.pick(own, true); mine && o.kind != phraseAlias && (o.phrase != flagship || covers(o, p)) && !covers(p, o) {
			rest = append(rest, li)
			continue
		}
		picks = append(picks, linePick{hit: p, line: li.text})
	}
	return picks, rest
}

// groupsCompany: the vendor's legal name holds the name of the group app
// belongs to ("Visma Solutions Oy", catalogued for Maventa, holds Visma,
// whose Visma Severa it bills too): one company of the group bills several
// of its products, and the line's product decides.
func (c *Catalog) groupsCompany(r vendorRef, app int) bool {
	g := c.idx.appGroup[app]
	if g < 0 {
		return false
	}
	vt := strings.Fields(r.alias)
	for _, s := range scan(vt, c.idx.starts, func(k string) bool {
		o, ok := c.idx.vendors[k]
		return ok && o.kind == refGroup && o.i == g && !o.generic
	}) {
		if s.end-s.start < len(vt) {
			return true
		}
	}
	return false
}

// covers: hit a's words hold hit b's, and more ("docusign clm" holds
// "docusign").
func covers(a, b lineHit) bool {
	return a.pos <= b.pos && a.end >= b.end && a.end-a.pos > b.end-b.pos
}

// soldOnAPlatform drops from each line the hits that name, as the platform
// the line's product runs on, a product that drop says is not the sale,
// when the line also names a product that sells says is: "Zephyr Scale for
// Jira Software Cloud - 25 users" from a reseller or from Atlassian pays
// for Zephyr Scale, "Veeam Backup for Microsoft 365" for Veeam, not for the
// platform named longer. A line naming only the platform ("Licences for
// Microsoft 365 E3") keeps it. Lines left as they are are shared, not
// copied.
func soldOnAPlatform(soft []lineInfo, drop, sells func(lineHit) bool) []lineInfo {
	var out []lineInfo
	for i, li := range soft {
		sold, onPlatform := false, false
		for _, h := range li.hits {
			sold = sold || !h.platform && !h.mention && !h.generic && h.kind != phraseAlias && sells(h)
			onPlatform = onPlatform || h.platform && drop(h)
		}
		if !sold || !onPlatform {
			continue
		}
		if out == nil {
			out = append([]lineInfo(nil), soft...)
		}
		keep := li.hits[:0:0]
		for _, h := range li.hits {
			if !(h.platform && drop(h)) {
				keep = append(keep, h)
			}
		}
		out[i].hits = keep
	}
	if out == nil {
		return soft
	}
	return out
}

// soldOnItsPlatform: a multi-product vendor's line that names one of its
// products only as the platform of another maker's product ("Zephyr Scale
// for Jira Cloud - 25 users" on Atlassian's invoice, a Marketplace app)
// pays for that product, named by its name or a keyword that is no
// everyday, tier or plan word ("Lucidchart for Google Workspace").
// It returns those lines' picks and the other lines.
func (c *Catalog) soldOnItsPlatform(soft []lineInfo, inGroup func(lineHit) bool) (picks []linePick, rest []lineInfo) {
	other := func(h lineHit) bool {
		return !inGroup(h) && !h.weak && !h.generic && !h.tier && !h.platform && !h.mention && h.kind != phraseAlias
	}
	for _, li := range soft {
		onPlatform := false
		for _, h := range li.hits {
			onPlatform = onPlatform || h.platform && inGroup(h)
		}
		if p, ok := li.pick(other, false); ok && onPlatform {
			picks = append(picks, linePick{hit: p, line: li.text})
			continue
		}
		rest = append(rest, li)
	}
	return picks, rest
}

// planOfItsProduct: a multi-product maker's line that opens with a plan's
// name in tier words only ("Business Standard - 20 users" on Google's
// invoice, a keyword of Microsoft 365 as well) is the plan of the maker's
// one product catalogued with that plan after its name ("workspace
// business standard" of Google Workspace). Plans of one tier word
// ("Standard - 50 users" on Atlassian's) name no product: Jira and
// Confluence both have one. The maker's lines that name a product never
// get here (byGroup).
func (c *Catalog) planOfItsProduct(g int, soft []lineInfo) []linePick {
	var picks []linePick
	for _, li := range soft {
		toks := strings.Fields(li.text)
		if app, plan, ok := c.planOpening(g, toks); ok {
			picks = append(picks, linePick{hit: lineHit{phraseHit: phraseHit{app: app, kind: phraseKeyword, phrase: plan}, end: len(strings.Fields(plan))}, line: li.text})
		}
	}
	return picks
}

// planOpening: the product of group g with a keyword whose last two or
// more words are tier words the line opens with, when one product has.
func (c *Catalog) planOpening(g int, toks []string) (int, string, bool) {
	found, plan := -1, ""
	for _, ai := range c.idx.groupApps[g] {
		for _, k := range c.apps[ai].Keywords {
			kw := strings.Fields(normPhrase(k))
			if len(kw) < 3 || !c.tierOnly(kw[len(kw)-1]) {
				continue
			}
			for s := len(kw) - 2; s >= 1 && c.tierOnly(kw[s]); s-- {
				if !isPhraseAt(toks, 0, kw[s:]...) {
					continue
				}
				if found >= 0 && found != ai {
					return -1, "", false
				}
				found, plan = ai, strings.Join(kw[s:], " ")
			}
		}
	}
	return found, plan, found >= 0
}
