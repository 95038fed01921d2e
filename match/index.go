package match

import (
	"fmt"
	"strings"
)

// refKind says what a vendor name identifies.
type refKind uint8

const (
	refApp refKind = iota
	refGroup
	refReseller
)

// vendorRef is what one normalised vendor name points to.
type vendorRef struct {
	kind    refKind
	i       int    // index into apps, groups or resellers
	alias   string // the normalised name as catalogued
	generic bool   // a single everyday word: needs more evidence
}

// phraseKind ranks what a phrase in a description is: product names and
// keywords are evidence of a product, a vendor name only of a vendor.
type phraseKind uint8

const (
	phraseAlias phraseKind = iota
	phraseKeyword
	phraseName
)

type phraseHit struct {
	app     int
	kind    phraseKind
	generic bool // one everyday word: "box", "teams"
	weak    bool // only everyday and plan words: "premium business"
	tier    bool // a billing, plan, corporate or place word itself ("piano" is Italian for plan, "company"): never an app on its own
	inGroup bool // the app's name without its vendor's ("Talent Insights"): only its vendor's lines
	phrase  string
}

// index holds the lookups built once per catalog.
type index struct {
	vendors      map[string]vendorRef
	phrases      map[string][]phraseHit
	starts       map[string]int       // first word -> most words of a phrase it starts
	appGroup     []int                // app -> group index, -1 when standalone
	groupApps    [][]int              // group -> its apps
	groupDefault []int                // group -> default app, -1 when none
	groupCloud   []int                // group -> its cloud (its Cloud Infrastructure app with most keywords), -1 when none
	groupWords   []map[string]bool    // group -> the words of its names: not a product
	cjk          []string             // phrases in Chinese or Japanese letters, longest first
	fuzzy        *fuzzyIndex          // read through typos(): built beside the other indexes
	fuzzyBuilt   chan struct{}        // closed once fuzzy is built
	compact      map[string]vendorRef // vendor name without spaces -> entry, when one entry has it
	formed       map[string][]string  // everyday-word vendor name -> its catalogued legal names, as normPhrase writes them (see writtenAsLegalName)
	documents    map[string]bool      // a group product's name that is its maker's name and a document word ("zoho invoice"; see documentAt)
}

// typos is the typo index, once it is built.
func (x *index) typos() *fuzzyIndex {
	<-x.fuzzyBuilt
	return x.fuzzy
}

// buildCatalog turns parsed records into a Catalog. Conflicting names are
// resolved in favour of the later record (user entries come last) and noted.
func buildCatalog(f *catalogFile) (*Catalog, error) {
	words, err := parseWords(builtinWords)
	if err != nil {
		return nil, err
	}
	c := &Catalog{apps: f.apps, groups: f.groups, resellers: f.resellers, words: words, memo: newMemo(),
		byName: map[string]int{}}
	// Sized from the records (some 1.6 vendor names, 4 phrases and 2
	// phrase starts per app): growing maps of this size was a tenth of the
	// build.
	n := len(f.apps) + len(f.groups) + len(f.resellers)
	c.idx = &index{vendors: make(map[string]vendorRef, 2*n), phrases: make(map[string][]phraseHit, 4*n),
		starts: make(map[string]int, 2*n), formed: map[string][]string{}, documents: map[string]bool{}}
	if err := c.indexGroups(f); err != nil {
		return nil, err
	}
	c.indexApps()
	c.indexResellers()
	// The typo index is a fifth of the catalog's build and needs only the
	// vendor names, complete by now and never written again: it is built on
	// the other core while the rest of the indexes are.
	c.idx.fuzzyBuilt = make(chan struct{})
	go func() {
		c.idx.fuzzy = newFuzzyIndex(c.idx.vendors)
		close(c.idx.fuzzyBuilt)
	}()
	c.indexCompact()
	c.indexStarts()
	c.indexCJK()
	c.indexGroupWords()
	c.buildSearchKeys()
	return c, nil
}

func (c *Catalog) indexGroups(f *catalogFile) error {
	x := c.idx
	groupByName := map[string]int{}
	for gi, g := range c.groups {
		groupByName[Normalize(g.Name)] = gi
	}
	x.appGroup = make([]int, len(c.apps))
	x.groupApps = make([][]int, len(c.groups))
	for ai := range c.apps {
		c.apps[ai].Default = false
		x.appGroup[ai] = -1
		if g := c.apps[ai].Group; g != "" {
			gi, ok := groupByName[Normalize(g)]
			if !ok {
				return fmt.Errorf("%sapp %q names group %q, which has no group record; add \"group | %s | vendor names | default app\" or clear the field",
					f.where("app", c.apps[ai].Name), c.apps[ai].Name, g, g)
			}
			x.appGroup[ai] = gi
			x.groupApps[gi] = append(x.groupApps[gi], ai)
		}
	}
	return c.resolveDefaults(f)
}

func (c *Catalog) resolveDefaults(f *catalogFile) error {
	x := c.idx
	x.groupDefault = make([]int, len(c.groups))
	for gi, g := range c.groups {
		x.groupDefault[gi] = -1
		if g.Default == "" {
			continue
		}
		for _, ai := range x.groupApps[gi] {
			if Normalize(c.apps[ai].Name) == Normalize(g.Default) {
				x.groupDefault[gi] = ai
				c.apps[ai].Default = true
			}
		}
		if x.groupDefault[gi] < 0 {
			return fmt.Errorf("%sgroup %q defaults to %q, which is not one of its apps; name an app whose group field is %q, or leave the default empty",
				f.where("group", g.Name), g.Name, g.Default, g.Name)
		}
	}
	x.groupCloud = make([]int, len(c.groups))
	for gi := range c.groups {
		x.groupCloud[gi] = -1
		for _, ai := range x.groupApps[gi] {
			if best := x.groupCloud[gi]; c.apps[ai].Category == categoryCloud && (best < 0 || len(c.apps[ai].Keywords) > len(c.apps[best].Keywords)) {
				x.groupCloud[gi] = ai
			}
		}
	}
	for gi, g := range c.groups {
		nameWords := strings.Fields(Normalize(g.Name))
		for _, v := range append([]string{g.Name}, g.Vendors...) {
			everyday := c.everydayGroupName(gi, v)
			c.addVendor(v, vendorRef{kind: refGroup, i: gi, generic: everyday}, "group "+g.Name)
			if d := x.groupDefault[gi]; d >= 0 {
				// An everyday-word group name ("Sistemi") is the word on a
				// line as well ("Okul yönetim sistemi": Turkish "system").
				c.addPhrase(v, phraseHit{app: d, kind: phraseAlias, generic: everyday || bareWordOf(v, nameWords)})
			}
		}
	}
	return nil
}

// everydayGroupName: a multi-product vendor's name is an everyday word when
// the catalog flags its product of that name generic ("Sistemi", an Italian
// suite named "systems"; InsERT), as an app's would be: group records carry
// no flags, and their names needed more evidence only when words.txt listed
// them, so "Sistemi S.r.l." billing office cleaning was Sistemi's default.
func (c *Catalog) everydayGroupName(gi int, name string) bool {
	key := Normalize(name)
	for _, ai := range c.idx.groupApps[gi] {
		if c.apps[ai].Generic && Normalize(c.apps[ai].Name) == key {
			return true
		}
	}
	return false
}

func (c *Catalog) indexApps() {
	resellers := map[string]bool{}
	for _, r := range c.resellers {
		resellers[Normalize(r.Name)] = true
	}
	for ai, a := range c.apps {
		key := Normalize(a.Name)
		if prev, dup := c.byName[key]; dup {
			c.conflicts = append(c.conflicts, fmt.Sprintf("app name %q is used by %q and %q", key, c.apps[prev].Name, a.Name))
		}
		c.byName[key] = ai
		// An app named like its group (Zoom, Twilio) leaves the bare name to
		// the group, so "Zoom" as a vendor still lets the lines pick Zoom Phone;
		// one named like a reseller (Paddle, a merchant of record's own
		// platform) leaves it to the reseller, whose lines pick what it resold.
		if Normalize(a.Group) != key && !resellers[key] {
			c.addVendor(a.Name, vendorRef{kind: refApp, i: ai, generic: a.Generic}, a.Name)
		}
		c.addPhrase(a.Name, phraseHit{app: ai, kind: phraseName, generic: a.Generic})
		nameWords := strings.Fields(key)
		for _, v := range a.Vendors {
			c.addVendor(v, vendorRef{kind: refApp, i: ai, generic: c.legalNameOfGeneric(a, key, v)}, a.Name)
			c.addPhrase(v, phraseHit{app: ai, kind: phraseAlias, generic: bareWordOf(v, nameWords)})
		}
		for _, k := range a.Keywords {
			c.addPhrase(k, phraseHit{app: ai, kind: phraseKeyword})
		}
		if rest, ok := strings.CutPrefix(key, Normalize(a.Group)+" "); ok && a.Group != "" && c.words.document[rest] {
			c.idx.documents[normPhrase(a.Name)] = true
		}
	}
	for ai, a := range c.apps {
		if short, ok := c.shortName(a); ok {
			c.addPhrase(short, phraseHit{app: ai, kind: phraseName, inGroup: true})
		}
	}
	c.indexDomains()
}

// legalNameOfGeneric: "Homebase Inc" is the legal name of Homebase, an app
// the catalog flags generic, but "homebase" once its form is gone; the
// name stays an everyday word, and only the legal name written as
// catalogued is the identity (writtenAsLegalName). Words the lists know
// ("Census Inc", "Hexagon AB") were everyday words already, legal form or
// not: a company of another trade is registered under them too.
func (c *Catalog) legalNameOfGeneric(a App, key, legal string) bool {
	if !a.Generic || Normalize(legal) != key || c.everyday(key) {
		return false
	}
	if full := normPhrase(legal); full != key {
		c.idx.formed[key] = append(c.idx.formed[key], full)
	}
	return true
}

// indexDomains: an app's own domain on a line names it, everyday-word name
// or not: card statements write the merchant as "LINEAR.APP" or
// "NOTION.SO". Only a domain of two labels that one app has, and that names
// no other app's phrase.
func (c *Catalog) indexDomains() {
	owners := map[string]int{}
	for ai, a := range c.apps {
		d := strings.ToLower(strings.TrimSpace(a.Domain))
		if strings.Count(d, ".") != 1 {
			continue
		}
		if _, dup := owners[d]; dup {
			owners[d] = -1
			continue
		}
		owners[d] = ai
	}
	for d, ai := range owners {
		key := normPhrase(d)
		if ai < 0 || !strings.Contains(key, " ") || c.makersDomain(ai, key) {
			continue
		}
		own, other := false, false
		for _, h := range c.idx.phrases[key] {
			if h.app != ai && h.kind != phraseAlias {
				other = true
			}
			own = own || h.app == ai
		}
		if other {
			continue
		}
		if !own {
			c.addPhrase(key, phraseHit{app: ai, kind: phraseName})
		}
		hits := c.idx.phrases[key]
		for i := range hits {
			if hits[i].app == ai {
				hits[i].weak, hits[i].generic, hits[i].tier = false, false, false
			}
		}
	}
}

// makersDomain: the domain is the maker's own, its first label the name of
// the app's group ("intuit.com" of Intuit Enterprise Suite): on a line it
// names the maker, whose names decide (QuickBooks, its default), not the
// one product catalogued on it. The group's default keeps it.
func (c *Catalog) makersDomain(ai int, key string) bool {
	g := c.idx.appGroup[ai]
	if g < 0 || c.idx.groupDefault[g] == ai {
		return false
	}
	label, _, _ := strings.Cut(key, " ")
	return label == strings.ReplaceAll(Normalize(c.groups[g].Name), " ", "")
}

// shortName is a multi-product vendor's app named without the vendor
// ("Primavera" for Oracle Primavera, "Talent Insights" for LinkedIn Talent
// Insights), as its vendor's invoices write it. It is left out when it is
// an everyday word, shorter than four letters, or already a phrase of the
// app.
func (c *Catalog) shortName(a App) (string, bool) {
	if a.Group == "" {
		return "", false
	}
	name, group := normPhrase(a.Name), normPhrase(a.Group)
	short, ok := strings.CutPrefix(name, group+" ")
	w := c.words
	billing := (w.billing[short] || w.filler[short]) && !w.function[short] // "Zoho Billing" is not every Zoho line's billing period
	if !ok || len(short) < 4 || c.allCommon(short) || (!strings.Contains(short, " ") && w.generic[short]) || billing {
		return "", false
	}
	for _, h := range c.idx.phrases[short] {
		if h.app == c.byName[Normalize(a.Name)] {
			return "", false
		}
	}
	return short, true
}

func (c *Catalog) indexResellers() {
	for ri, r := range c.resellers {
		c.addVendor(r.Name, vendorRef{kind: refReseller, i: ri}, "reseller "+r.Name)
		for _, v := range r.Vendors {
			c.addVendor(v, vendorRef{kind: refReseller, i: ri}, "reseller "+r.Name)
		}
	}
}

// bareWordOf: a vendor name that is one word once normalised, and no word of
// the name it stands for ("Early" for Timeular, "Degree" for Lattice,
// "Catalyst" for Totango). On a line such a word is as likely the word
// ("Early payment discount", "Degree apprenticeship levy", "Catalyst
// converter"), so as a phrase it is generic: alone it names nothing. A name
// the catalog writes in capitals is an abbreviation, not a word: "MSFT" on a
// card statement is Microsoft. nameWords is the name normalised, split into
// words once per name rather than once per vendor name.
func bareWordOf(vendor string, nameWords []string) bool {
	if strings.ToUpper(vendor) == vendor {
		return false
	}
	key := Normalize(vendor)
	return !strings.Contains(key, " ") && !containsWord(nameWords, key)
}

// addVendor registers a vendor name; a single everyday word is marked generic
// so that only an exact vendor name, never a fuzzy one, can use it.
func (c *Catalog) addVendor(name string, ref vendorRef, owner string) {
	key := Normalize(name)
	if key == "" {
		return
	}
	ref.alias = key
	if !strings.Contains(key, " ") && (c.everyday(key) || len(key) < 3) {
		ref.generic = true
	}
	if prev, dup := c.idx.vendors[key]; dup && !sameRef(prev, ref) {
		c.conflicts = append(c.conflicts, fmt.Sprintf("vendor name %q points to %s and %s", key, c.refOwner(prev), owner))
	}
	c.idx.vendors[key] = ref
}

func sameRef(a, b vendorRef) bool { return a.kind == b.kind && a.i == b.i }

func (c *Catalog) refOwner(r vendorRef) string {
	switch r.kind {
	case refGroup:
		return "group " + c.groups[r.i].Name
	case refReseller:
		return "reseller " + c.resellers[r.i].Name
	}
	return c.apps[r.i].Name
}

// addPhrase registers a description phrase. The same phrase for two apps
// would make descriptions ambiguous, so it is a conflict unless one of the
// two is just a vendor name.
func (c *Catalog) addPhrase(p string, h phraseHit) {
	key := normPhrase(p)
	if key == "" {
		return
	}
	h.phrase = key
	if !strings.Contains(key, " ") && (c.everyday(key) || len(key) < 3) {
		h.generic = true
	}
	h.weak = c.allCommon(key)
	w := c.words
	h.tier = w.filler[key] || w.billing[key] && !w.function[key] || w.context[key] || w.geo[key]
	for _, prev := range c.idx.phrases[key] {
		if prev.app != h.app && prev.kind != phraseAlias && h.kind != phraseAlias && !prev.inGroup && !h.inGroup {
			c.conflicts = append(c.conflicts, fmt.Sprintf("phrase %q names both %q and %q", key, c.apps[prev.app].Name, c.apps[h.app].Name))
		}
	}
	c.idx.phrases[key] = append(c.idx.phrases[key], h)
}

// indexStarts records, for every first word of a known phrase, how many
// words the longest such phrase has (see scan).
func (c *Catalog) indexStarts() {
	add := func(key string) {
		first, _, _ := strings.Cut(key, " ")
		c.idx.starts[first] = max(c.idx.starts[first], strings.Count(key, " ")+1)
	}
	for k := range c.idx.phrases {
		add(k)
	}
	for k := range c.idx.vendors {
		add(k)
	}
	w := c.words
	for _, set := range []map[string]bool{w.generic, w.context, w.strong, w.geo, w.filler, w.billing, w.payer, w.before, w.after, w.explicit, w.category, w.firm, w.trade,
		w.addon, w.plan, w.period, w.tier, w.fee, w.store} {
		for k := range set {
			add(k)
		}
	}
	for k := range w.nonsoftware {
		add(k)
	}
	for k := range w.usage {
		add(k)
	}
	for k := range w.payfee {
		add(k)
	}
}

// allCommon reports whether every word of a phrase is an everyday, plan or
// short word, so the phrase cannot tell one vendor's product from another's.
func (c *Catalog) allCommon(key string) bool {
	for _, w := range strings.Fields(key) {
		if !c.words.generic[w] && !c.words.context[w] && !c.words.strong[w] && len(w) >= 3 {
			return false
		}
	}
	return true
}

// tierOnly: every word of key is a tier, billing or software word
// ("premium business"), none a name, not even an everyday one ("slack").
func (c *Catalog) tierOnly(key string) bool {
	w := c.words
	for _, t := range strings.Fields(key) {
		if !w.billing[t] && !w.context[t] && !w.strong[t] {
			return false
		}
	}
	return true
}

// everyday: a one-word name that is an everyday word, or a word the lists
// give another meaning (a corporate, billing, plan or place word: the
// catalog's "COMPANY", a Japanese HR suite, is the word in "cleaning
// company"): it needs more evidence, like "Box" or "Notion".
func (c *Catalog) everyday(key string) bool {
	w := c.words
	return w.generic[key] || w.filler[key] || w.billing[key] && !w.function[key] || w.context[key] || w.geo[key]
}

// Conflicts lists names that point to more than one entry; the shipped
// catalog has none, and a user file may cause some (its entries win).
func (c *Catalog) Conflicts() []string { return append([]string(nil), c.conflicts...) }

// indexGroupWords collects the words of each group's names, which on its own
// line name the vendor, not a product.
func (c *Catalog) indexGroupWords() {
	c.idx.groupWords = make([]map[string]bool, len(c.groups))
	for gi, g := range c.groups {
		set := map[string]bool{}
		for _, v := range append([]string{g.Name}, g.Vendors...) {
			for _, t := range strings.Fields(normPhrase(v)) {
				set[t] = true
			}
		}
		c.idx.groupWords[gi] = set
	}
}

// minCompact is the fewest letters a name written without spaces needs to be
// looked up that way: shorter ones join into other words too easily.
const minCompact = 6

// indexCompact records each vendor name with its spaces removed, so that a
// name written with other spacing ("Uptime Robot" for UptimeRobot, "Better
// Stack" for BetterStack) is the same name. An everyday-word name and a
// spelling two entries share are left out.
func (c *Catalog) indexCompact() {
	c.idx.compact = map[string]vendorRef{}
	ambiguous := map[string]bool{}
	for k, r := range c.idx.vendors {
		ck := strings.ReplaceAll(k, " ", "")
		if r.generic || len(ck) < minCompact || c.words.generic[ck] || ambiguous[ck] {
			continue
		}
		if prev, ok := c.idx.compact[ck]; ok && !sameRef(prev, r) {
			delete(c.idx.compact, ck)
			ambiguous[ck] = true
			continue
		}
		c.idx.compact[ck] = r
	}
}
