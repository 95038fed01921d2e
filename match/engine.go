package match

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

// Confidence levels per kind of evidence. They are ordinal more than
// calibrated: the console sorts and colours by them.
const (
	confAlias        = 0.97
	confAliasGeneric = 0.85
	confAliasRegion  = 0.93
	confAliasFiller  = 0.88
	confGroupDefault = 0.6
	confKeyword      = 0.95
	confUsage        = 0.85
	confReseller     = 0.9
	confName         = 0.85
	confNameGeneric  = 0.75
	confNameVendor   = 0.65
	confFuzzyTypo    = 0.75
	confFuzzyContain = 0.8
	confIgnored      = 0.9
	confIgnoredVend  = 0.8
	confInferred     = 0.3
	multiAppFactor   = 0.8
)

// written is what the vendor's name as written says that normalising it
// loses.
type written struct {
	legal      bool // one of the catalogued legal names behind an everyday-word name (writtenAsLegalName)
	descriptor bool // a card descriptor: the name holds "*", the issuer's mark between merchant and purchase
}

// writtenAs reads the vendor's name as written (raw) beside its key.
func (c *Catalog) writtenAs(raw, key string) written {
	return written{legal: c.writtenAsLegalName(raw, key), descriptor: strings.Contains(raw, "*")}
}

// decideInfos runs the catalog layers on a normalised vendor and its lines
// as analyzeLine saw them; infos is only read (a matcher shares them
// between decisions). as: what the name as written says (written).
func (c *Catalog) decideInfos(vendor string, infos []lineInfo, as written) Decision {
	vt := strings.Fields(vendor)
	r, how, known := c.exact(vt) // resolveExact, memoised (vendormemo.go)
	if known && as.legal {
		r, how = c.asLegalName(r, how)
	}
	if !known {
		r, how, known = c.resolveEveryday(vt, infos)
	}
	if !known {
		r, how, known = c.resolveMakerAndProduct(vt)
	}
	if !known && as.descriptor {
		r, how, known = c.resolveMakersDescriptor(vt)
	}
	if !known {
		r, how, known = c.resolveCoded(vt, infos)
	}
	if !known {
		infos = c.forItsTrade(vt, infos)
	}
	soft, d, done := c.nonSoftware(infos, c.softwareVendor(r, known))
	if done {
		return d
	}
	if known {
		if d, ok := c.everydayNameWithoutEvidence(vt, r, how, soft); ok {
			return d
		}
		return noteDropped(c.byVendor(r, how, soft, false), infos, soft)
	}
	if d, ok := c.byLineNames(vt, c.resaleLines(vt, soft)); ok {
		return noteDropped(d, infos, soft)
	}
	if why, ok := c.vendorSignal(vt, infos); ok {
		return Decision{Method: MethodIgnored, Ignored: true, Confidence: confIgnoredVend,
			Reason: fmt.Sprintf("vendor name '%s' mentions %s: not software", vendor, why)}
	}
	if d, ok := c.namedAsAPlace(vt); ok {
		return d
	}
	if r, how, ok := c.resolveFuzzy(vt, infos); ok {
		if strings.HasPrefix(how, "vendor name contains") {
			// "HubSpot Partner Agency": a firm named after the product it
			// implements; only its licence lines are the product.
			soft = c.resaleLines(vt, soft)
		}
		if d, ok := c.withoutEvidence(vt, r, how, soft); ok && !(as.descriptor && c.paysMerchant(vt, r)) {
			return d
		}
		d := noteDropped(c.byVendor(r, how, soft, true), infos, soft)
		if d.Method != MethodNone {
			return d
		}
		// A reseller's name inside a longer one ("Kestrel Insight") whose
		// lines name no app: what the vendor bills may still be inferred,
		// or be a processor's card descriptor ("PADDLE.NET* LINEAR").
		if d, ok := c.byMerchant(vt, infos, soft); ok {
			return d
		}
		if inf, ok := c.infer(vt, infos); ok {
			return inf
		}
		return d
	}
	if d, ok := c.makerOnLine(c.resaleLines(vt, soft)); ok {
		return d
	}
	if d, ok := c.byMerchant(vt, infos, soft); ok {
		return d
	}
	if d, ok := c.infer(vt, infos); ok {
		return d
	}
	return Decision{Method: MethodNone, Reason: noEvidence(vendor, soft)}
}

// softwareVendor is the category of the known app or multi-product vendor
// behind a vendor name; ok is false for resellers (they sell anything) and
// for vendors the catalog lacks.
type softwareVendor struct {
	ok       bool
	category string
	shipper  bool      // the app sells shipping (words.txt kind shipper): its labels are its billing
	everyday bool      // the vendor's name is an everyday-word app's or maker's ("Gusto Inc", "Oracle Corporation"), which is no identity
	ref      vendorRef // that app or maker, when everyday
}

func (c *Catalog) softwareVendor(r vendorRef, known bool) softwareVendor {
	switch {
	case known && r.kind != refReseller && r.generic:
		// An everyday-word name ("Chorus", "Harvest") is no identity.
		return softwareVendor{everyday: true, ref: r}
	case !known || r.kind == refReseller:
		return softwareVendor{}
	case r.kind == refApp:
		return softwareVendor{ok: true, category: c.apps[r.i].Category, shipper: c.words.shipper[Normalize(c.apps[r.i].Name)]}
	case c.words.retail[Normalize(c.groups[r.i].Name)]:
		return softwareVendor{}
	}
	return softwareVendor{ok: true}
}

// exempt: a specific signal that is the vendor's own trade does not outweigh
// it (a course from a learning platform). Advertising is none: bought from a
// marketing vendor (Capterra's PPC clicks) it is still advertising
// (testdata/LABELLING.md).
var exempt = map[string]string{"training": "Learning", "events": "Events", "hardware": "IT Management"}

// ownTrade: the line's specific signal is the vendor's own trade (exempt).
// A course is a learning platform's trade only on a line that bills the
// platform (its plan, seats, licences or period, outside the names the line
// holds, or the platform named outright: "Skills - training platform",
// "training content library - 200 learners - annual"); one course bought on
// it ("Course: Jira administration", "Google Cloud Digital Leader course")
// is a course, not the platform's subscription nor
// the product it teaches (testdata/LABELLING.md).
func (li *lineInfo) ownTrade(sv softwareVendor) bool {
	if li.specWhy == "shipping" {
		// A shipping app's labels ("Fragtlabels oktober, 640 stk" from
		// Shipmondo) are what it bills; a commerce platform's are postage.
		return sv.shipper
	}
	own, has := exempt[li.specWhy]
	// A device bought by its model or rented ("Meraki MX68 appliance") is
	// hardware even from a device-management maker, which counts devices.
	if !has || own != sv.category || li.enrolled || li.device {
		return false
	}
	return li.specWhy != "training" || li.explicit || li.planned || li.ownWords > 0
}

// feesOfItsPayments: a payments platform's line billing fees per
// transaction ("Yoco transaction fees - card machine") is its own billing,
// whatever device the transactions were taken on (testdata/LABELLING.md:
// payment processing fees are the platform's).
func (li *lineInfo) feesOfItsPayments(sv softwareVendor) bool {
	return li.payFee == payTransaction && sv.category == categoryPayments
}

// categoryPayments is the catalog's category of payment platforms.
const categoryPayments = "Payments"

// noEvidence explains an unmatched charge, including the everyday words
// that were seen but not trusted, so the admin knows a rule would help.
func noEvidence(vendor string, soft []lineInfo) string {
	who := fmt.Sprintf("vendor '%s' is not in the catalog", vendor)
	if vendor == "" {
		who = "no vendor name"
	}
	if len(soft) == 0 {
		return who + " and there is no description"
	}
	for _, li := range soft {
		for _, h := range li.hits {
			if h.generic {
				return fmt.Sprintf("%s; line '%s' has '%s', an everyday word that alone does not prove an app (add a rule if it does)",
					who, li.text, h.phrase)
			}
		}
	}
	return who + " and no line names a catalogued app"
}

// nonSoftware splits off lines with non-software signals. When every line
// has one, or the others say nothing either way ("PO 5034 - requested by
// Wei", "Billing period ..."), the charge is ignored. A known software
// vendor's identity comes first: only a specific signal counts on its lines
// (a Surface from Microsoft is hardware, a course from Salesforce is
// training), not the words its billing shares with premises, travel or
// shipping ("Servermiete", "email delivery", "rooms and desks"), and talk of
// subscriptions or seats outweighs even that ("Security awareness training,
// 200 seats").
func (c *Catalog) nonSoftware(infos []lineInfo, sv softwareVendor) (soft []lineInfo, d Decision, done bool) {
	var first *lineInfo
	var firstSig string
	for i := range infos {
		li := &infos[i]
		sig, ok := li.signal, li.hasSignal
		if sv.ok {
			sig, ok = li.specSig, li.specific && !li.strong && !li.ownTrade(sv) && !li.feesOfItsPayments(sv)
		} else if ok && li.why == setupFee && sv.everyday && slices.ContainsFunc(li.hits, func(h lineHit) bool { return c.sells(sv.ref, h.app) }) {
			// "Gusto onboarding package - one-time" from Gusto Inc: the
			// maker's own setup fee, though its name is an everyday word.
			ok = false
		}
		if ok {
			if first == nil {
				first, firstSig = li, sig
			}
			continue
		}
		soft = append(soft, *li)
	}
	if first == nil {
		return soft, Decision{}, false
	}
	for _, li := range soft {
		if !li.neutral() {
			return soft, Decision{}, false
		}
	}
	return nil, Decision{Method: MethodIgnored, Ignored: true, Confidence: confIgnored,
		Reason: fmt.Sprintf("line '%s' mentions %s: not software", first.text, firstSig)}, true
}

// incidental signals are charges that ride along on a software invoice
// (freight, tax) and do not justify splitting it.
var incidental = map[string]bool{"shipping": true, "finance": true}

// noteDropped tells, on a decision for an invoice, which lines were left out
// as non-software; hardware or services on a software invoice are worth
// splitting into lines.
func noteDropped(d Decision, all, soft []lineInfo) Decision {
	if d.App == "" || len(all) == len(soft) {
		return d
	}
	for _, li := range all {
		if !li.hasSignal || containsLine(soft, li.text) {
			continue
		}
		d.Reason += fmt.Sprintf("; %d of %d lines are not software (line '%s' mentions %s)",
			len(all)-len(soft), len(all), li.text, li.signal)
		if !incidental[li.why] && !d.SuggestLines {
			d.SuggestLines = true
			d.Reason += ": switch to line granularity to split it"
		}
		break
	}
	return d
}

func containsLine(ls []lineInfo, text string) bool {
	for _, l := range ls {
		if l.text == text {
			return true
		}
	}
	return false
}

// byVendor decides for a vendor found in the catalog: a reseller or a
// multi-product vendor is decided by its lines, an app vendor by its name.
func (c *Catalog) byVendor(r vendorRef, how string, soft []lineInfo, fuzzy bool) Decision {
	var d Decision
	switch r.kind {
	case refReseller:
		d = c.byReseller(r, how, soft)
	case refGroup:
		d = c.byGroup(r, how, soft)
	default:
		d = c.byAppVendor(r, how, soft)
	}
	if fuzzy && d.App != "" {
		if r.kind == refApp {
			d.Method = MethodFuzzy
			d.Confidence = fuzzyConf(how)
		} else {
			d.Confidence *= 0.85
		}
	}
	return d
}

func aliasConf(r vendorRef, how string) float64 {
	switch {
	case r.generic:
		return confAliasGeneric
	case strings.HasPrefix(how, "vendor alias"):
		return confAlias
	case strings.HasPrefix(how, "vendor without region"):
		return confAliasRegion
	}
	return confAliasFiller
}

func fuzzyConf(how string) float64 {
	if strings.HasPrefix(how, "vendor name contains") {
		return confFuzzyContain
	}
	return confFuzzyTypo
}

func (c *Catalog) appDecision(ai int, m Method, conf float64, reason string) Decision {
	a := c.apps[ai]
	return Decision{App: a.Name, Category: a.Category, Method: m, Confidence: conf, Reason: reason}
}

// byAppVendor: the vendor is an app's vendor. Its lines still win when they
// name another catalogued product and never the vendor's own (GoDaddy
// selling Microsoft 365 mailboxes).
func (c *Catalog) byAppVendor(r vendorRef, how string, soft []lineInfo) Decision {
	if d, ok := c.byMarketplace(r, how, soft); ok {
		return d
	}
	if picks, rest := c.makersProducts(r, soft); len(picks) > 0 {
		picks = append(picks, pickLines(rest, func(h lineHit) bool { return h.app == r.i }, true)...)
		return c.fromPicks(picks, MethodKeyword, confKeyword, fmt.Sprintf("%s is %s, whose maker's product the line names", how, c.apps[r.i].Name))
	}
	own := pickLines(soft, func(h lineHit) bool { return h.app == r.i }, true)
	// A name of everyday words ("Google Workspace") names another product
	// only when its vendor is the same group (Google Cloud's invoice); an
	// everyday-word name before a plan word ("Observe Business" on Hotjar's
	// invoice) is the vendor's own plan or product, not the other app.
	sibling := func(app int) bool { g := c.idx.appGroup[app]; return g >= 0 && g == c.idx.appGroup[r.i] }
	lines := withoutUsage(soft)
	if c.sellsHosting(r.i) {
		lines = withoutHosting(lines)
	}
	other := pickLines(c.withoutCarried(r.i, lines), func(h lineHit) bool {
		return h.app != r.i && named(h) && (!h.weak || h.kind == phraseName && sibling(h.app)) && !h.platform &&
			(!h.generic || sibling(h.app)) && !c.hostedOn(r.i, h.app)
	}, false)
	if len(own) == 0 && len(other) > 0 {
		if c.teaches(r.i) {
			return c.topicOnly(r, how, soft, other)
		}
		return c.fromPicks(other, MethodKeyword, confReseller,
			fmt.Sprintf("%s is %s, but the line names another product", how, c.apps[r.i].Name))
	}
	reason := fmt.Sprintf("%s -> %s", how, c.apps[r.i].Name)
	if r.generic {
		reason += " (the name is an everyday word, so confidence is lower)"
	}
	return c.appDecision(r.i, MethodAlias, aliasConf(r, how), reason)
}

// teaches: a learning platform or a publisher (category Learning) names
// other products as what its courses and books are about.
func (c *Catalog) teaches(app int) bool { return c.apps[app].Category == categoryLearning }

// categoryLearning is the catalog's category of course platforms and
// publishers' learning subscriptions.
const categoryLearning = "Learning"

// topicOnly: another product named on a learning platform's or publisher's
// line is the topic of a course or book bought there ("Mastering Azure
// DevOps (print)" from Packt, "Course purchase: Power BI for beginners"
// from Udemy), not that product; a line that sells the platform's
// licences, seats or subscription is the platform ("Udemy Business - 25
// users, Jira and Confluence courses").
func (c *Catalog) topicOnly(r vendorRef, how string, soft []lineInfo, other []linePick) Decision {
	for _, li := range soft {
		if li.strong || li.planned {
			return c.appDecision(r.i, MethodAlias, aliasConf(r, how), fmt.Sprintf("%s -> %s (line '%s' names other products as its courses' topics)", how, c.apps[r.i].Name, li.text))
		}
	}
	p := other[0]
	return Decision{Method: MethodNone, Reason: fmt.Sprintf(
		"%s is %s, a learning platform or publisher; line '%s' names '%s' as the topic of a course or book bought there, not that product (add a rule if it is)",
		how, c.apps[r.i].Name, p.line, p.hit.phrase)}
}

// withoutUsage leaves out the lines that bill metered usage: another
// vendor's product named on them is the channel the vendor's service
// carries ("WhatsApp Business conversations" on MessageBird's or Vonage's
// line), not that product resold.
func withoutUsage(soft []lineInfo) []lineInfo {
	for i, li := range soft {
		if li.usage == "metered" {
			out := append([]lineInfo(nil), soft[:i]...)
			for _, l := range soft[i+1:] {
				if l.usage != "metered" {
					out = append(out, l)
				}
			}
			return out
		}
	}
	return soft
}

// withoutHosting leaves out the lines that bill a domain, DNS or hosting:
// another maker's product named on them is part of the registrar's or
// host's bundle ("Domain renewal acme.example + Microsoft 365 Email
// Essentials" on GoDaddy's line), not that product resold.
func withoutHosting(soft []lineInfo) []lineInfo {
	var out []lineInfo
	for i, li := range soft {
		if li.host && out == nil {
			out = append([]lineInfo{}, soft[:i]...)
		}
		if !li.host && out != nil {
			out = append(out, li)
		}
	}
	if out == nil {
		return soft
	}
	return out
}

// sellsHosting: the app is a registrar's, a host's or a site builder's
// (categories Website, Hosting, Cloud Infrastructure), whose lines bill
// domains and hosting as its own. Any other maker's domains are the unit of
// what it sells ("Mailgun Foundation – 5 sending domains" on Sinch's line).
func (c *Catalog) sellsHosting(app int) bool {
	switch c.apps[app].Category {
	case "Website", "Hosting", categoryCloud:
		return true
	}
	return false
}

// withoutCarried drops from the lines of vendor app vendorApp the
// messaging channels of other makers they name ("WhatsApp Business API -
// March" on MessageBird's, "WhatsApp Business kanaal" on CM.com's): the
// channel the vendor's service carries and bills as its own, not the
// channel resold. A line that buys its licences or a subscription of it
// ("WhatsApp Business Platform licence") buys the channel. Lines left as
// they are are shared, not copied.
func (c *Catalog) withoutCarried(vendorApp int, soft []lineInfo) []lineInfo {
	carried := func(h lineHit) bool { return c.apps[h.app].Channel && !c.sameMaker(vendorApp, h.app) }
	var out []lineInfo
	for i, li := range soft {
		if li.strong || !slices.ContainsFunc(li.hits, carried) {
			continue
		}
		if out == nil {
			out = append([]lineInfo(nil), soft...)
		}
		out[i].hits = slices.DeleteFunc(slices.Clone(li.hits), carried)
	}
	if out == nil {
		return soft
	}
	return out
}

// hostedOn: a cloud named on a software vendor's line is where the vendor
// runs what it bills ("Capacity usage - AWS EU Frankfurt" on Snowflake's,
// "Atlas cluster M30 - Azure westeurope" on MongoDB's), not a resale of the
// cloud; a cloud's or host's own line naming another cloud still may be.
func (c *Catalog) hostedOn(vendorApp, named int) bool {
	return c.apps[named].Category == categoryCloud && c.apps[vendorApp].Category != categoryCloud
}

// categoryCloud is the catalog's category of clouds and hosts.
const categoryCloud = "Cloud Infrastructure"

// named: another vendor's product on a known vendor's line must be named,
// by its name or a phrase of several words, not a bare keyword ("RDS" on
// Alibaba Cloud's invoice is Alibaba's database, not AWS's).
func named(h lineHit) bool {
	return h.kind == phraseName || h.kind == phraseKeyword && strings.Contains(h.phrase, " ")
}

// byReseller: a reseller sells everything, so only its lines can tell.
func (c *Catalog) byReseller(r vendorRef, how string, soft []lineInfo) Decision {
	name := c.resellers[r.i].Name
	own, platform := c.byName[Normalize(name)]
	// The reseller's own name on its line is the reseller, not a product
	// it resold ("Paddle.com - TablePlus licence").
	every := func(h lineHit) bool { return !platform || h.app != own }
	picks := pickLines(soldOnAPlatform(soft, every, every), every, false)
	if len(picks) == 0 {
		if app, line, ok := c.resellersDescriptor(soft); ok {
			return c.appDecision(app, MethodKeyword, confReseller, fmt.Sprintf(
				"%s is reseller %s; line '%s' is its card descriptor of merchant %s", how, name, line, c.apps[app].Name))
		}
		if line, ok := ownFees(soft); ok && platform {
			// A merchant of record's fees: what the seller pays its
			// platform to sell through it (LABELLING.md).
			return c.appDecision(own, MethodAlias, confReseller, fmt.Sprintf(
				"%s is reseller %s; line '%s' bills its own fees and names nothing it resold -> %s", how, name, line, c.apps[own].Name))
		}
		if d, ok := c.makerNamed(soft); ok {
			// "Microsoft Lizenzen lt. Vertrag EA 8841209": what a software
			// reseller sells is software, so a maker's name is enough.
			d.Reason = fmt.Sprintf("%s is reseller %s; %s", how, name, d.Reason)
			return d
		}
		return Decision{Method: MethodNone,
			Reason: fmt.Sprintf("%s is reseller %s; no line names a catalogued app", how, name)}
	}
	return c.fromPicks(picks, MethodKeyword, confReseller, fmt.Sprintf("reseller %s", name))
}

// ownFees: a line bills fees (words.txt kind payfee: "Paddle fees",
// "Transaction fees", "Commissions") and names no product.
func ownFees(soft []lineInfo) (string, bool) {
	for _, li := range soft {
		if li.payFee != "" && len(li.rest) == 0 {
			return li.text, true
		}
	}
	return "", false
}

// byGroup: a multi-product vendor; a line naming one of its products
// decides, else its default product with low confidence.
func (c *Catalog) byGroup(r vendorRef, how string, soft []lineInfo) Decision {
	g := c.groups[r.i]
	if d, ok := c.byMarketplace(r, how, soft); ok {
		return d
	}
	inGroup := func(h lineHit) bool { return c.idx.appGroup[h.app] == r.i && h.kind != phraseAlias }
	if sold, rest := c.soldOnItsPlatform(soft, inGroup); len(sold) > 0 {
		return c.fromPicks(append(sold, pickLines(rest, inGroup, true)...), MethodKeyword, confKeyword,
			fmt.Sprintf("vendor '%s' sells several products (%s) and another maker's for them", r.alias, g.Name))
	}
	if picks := pickLines(soft, inGroup, true); len(picks) > 0 {
		if c.brandOnly(g, picks) {
			// "Zoom Docs", "Twilio Engage": the vendor's own name, then a
			// product the catalog lacks, is not the product named like it.
			if d, ok := c.unknownProduct(r, how, soft); ok {
				return d
			}
		}
		return c.fromPicks(picks, MethodKeyword, confKeyword, fmt.Sprintf("vendor '%s' sells several products (%s)", r.alias, g.Name))
	}
	if picks := pickLines(withoutUsage(soft), func(h lineHit) bool { return named(h) && c.namesItsApp(h) }, false); len(picks) > 0 {
		return c.fromPicks(picks, MethodName, confName, fmt.Sprintf("vendor '%s' (%s)", r.alias, g.Name))
	}
	if picks := c.planOfItsProduct(r.i, soft); len(picks) > 0 {
		return c.fromPicks(picks, MethodKeyword, confKeyword, fmt.Sprintf("vendor '%s' sells several products (%s); a line opens with the plan of one", r.alias, g.Name))
	}
	def := c.idx.groupDefault[r.i]
	app, usage := c.usageApp(r, soft)
	if app >= 0 && app != def {
		return c.appDecision(app, MethodKeyword, confUsage, fmt.Sprintf(
			"%s is %s, which sells several products; line '%s' bills %s usage -> %s", how, g.Name, usage.text, usage.usage, c.apps[app].Name))
	}
	if app < 0 {
		if d, ok := c.unknownProduct(r, how, soft); ok {
			return d
		}
	}
	if def < 0 && g.NoFlagship {
		return Decision{Method: MethodUnknownProduct, Vendor: g.Name, Reason: fmt.Sprintf(
			"%s is %s, which sells several products, none of them what a line naming no product almost always pays for; no line names one: unknown product of %s (add a rule if one is)",
			how, g.Name, g.Name)}
	}
	if def < 0 {
		return Decision{Method: MethodNone, Reason: fmt.Sprintf(
			"%s is %s, which sells several products and has no default; no line names one", how, g.Name)}
	}
	return c.appDecision(def, MethodAlias, confGroupDefault, fmt.Sprintf(
		"%s is %s, which sells several products; no product keyword in the description, assuming its default %s",
		how, g.Name, c.apps[def].Name))
}

// usageApp: a multi-product vendor's line that names no product but bills
// what a platform meters is that platform: cloud usage ("Blob Storage cool
// tier", "egress", "GB-month") its cloud, metered usage ("SIP trunking -
// minutes") its product named like the vendor (Twilio), a product's own
// units (payslips, registers: usageCategory) the vendor's one product of
// that kind (Sage Payroll, QuickBooks Payroll). The words of such a line
// are usage, not an unknown product's name. -1 when no line does.
func (c *Catalog) usageApp(r vendorRef, soft []lineInfo) (int, *lineInfo) {
	for i := range soft {
		li := &soft[i]
		switch li.usage {
		case "cloud":
			if a := c.idx.groupCloud[r.i]; a >= 0 {
				return a, li
			}
		case "metered":
			if d := c.idx.groupDefault[r.i]; d >= 0 && Normalize(c.apps[d].Name) == Normalize(c.groups[r.i].Name) {
				return d, li
			}
		default:
			if a := c.onlyOfCategory(r.i, usageCategory[li.usage]); a >= 0 {
				return a, li
			}
		}
	}
	return -1, nil
}

// usageCategory is the catalog category of the product that bills a kind
// of usage (words.txt kind usage): payslips are a payroll product's units,
// registers a POS's.
var usageCategory = map[string]string{"payroll": "Payroll", "pos": "POS"}

// onlyOfCategory is group g's one app of the category; -1 when it has none
// or several (Lightspeed's registers are Restaurant's or Retail's: its
// default decides).
func (c *Catalog) onlyOfCategory(g int, category string) int {
	found := -1
	for _, ai := range c.idx.groupApps[g] {
		if category == "" || c.apps[ai].Category != category {
			continue
		}
		if found >= 0 {
			return -1
		}
		found = ai
	}
	return found
}

// namesItsApp: a phrase that names its app by more than what the app does:
// its name, or a keyword with a word of the name ("Teams Phone Standard").
// "Audio conferencing", a keyword of Teams Phone, is what Zoom's
// conferencing does as well: on another vendor's line it names no app.
func (c *Catalog) namesItsApp(h lineHit) bool {
	if h.kind == phraseName {
		return true
	}
	for _, t := range strings.Fields(normPhrase(c.apps[h.app].Name)) {
		if containsWord(strings.Fields(h.phrase), t) && !c.words.generic[t] && !c.words.context[t] {
			return true
		}
	}
	return false
}

// brandOnly: every pick is the group's own name ("twilio" on Twilio's line),
// which names its product of that name only when nothing else is named.
func (c *Catalog) brandOnly(g Group, picks []linePick) bool {
	name := Normalize(g.Name)
	for _, p := range picks {
		if p.hit.phrase != name {
			return false
		}
	}
	return true
}

// byLineNames: an unknown vendor whose lines name catalogued apps.
func (c *Catalog) byLineNames(vt []string, soft []lineInfo) (Decision, bool) {
	soft = withoutOwnName(vt, soft)
	// A keyword of tier and billing words only ("premium business", "cloud
	// storage") proves nothing on a line of a vendor we do not know.
	// Nor does an app named as the platform of what the line sells
	// ("ThinkSmart Hub for Teams Rooms", "Timesheets add-on for Jira").
	picks := pickLines(soft, func(h lineHit) bool {
		return !h.mention && !h.platform && !(h.kind != phraseName && c.tierOnly(h.phrase))
	}, false)
	if len(picks) == 0 {
		return Decision{}, false
	}
	return c.fromPicks(picks, MethodName, confName, ""), true
}

// withoutOwnName drops the hits that lie inside a repetition of the
// vendor's own name on its line: "Mistral Peak Jahresabo" from Mistral
// Peak Analytics names the vendor, not Peak. Lines without such a hit are
// shared, not copied.
func withoutOwnName(vt []string, soft []lineInfo) []lineInfo {
	if len(vt) < 2 {
		return soft
	}
	var out []lineInfo
	whole := " " + strings.Join(vt, " ") + " "
	for i, li := range soft {
		if strings.Contains(" "+li.text+" ", whole) {
			// The line holds the whole vendor name: a card statement's
			// descriptor ("GOOGLE *GSUITE_ACME" as vendor and line), whose
			// words name the merchant.
			continue
		}
		var toks []string
		keep := li.hits[:0:0]
		dropped := false
		for _, h := range li.hits {
			if toks == nil {
				toks = strings.Fields(li.text)
			}
			if inOwnName(toks, h.pos, h.end, vt) {
				dropped = true
				continue
			}
			keep = append(keep, h)
		}
		if dropped && out == nil {
			out = append([]lineInfo(nil), soft...)
		}
		if dropped {
			out[i].hits = keep
		}
	}
	if out == nil {
		return soft
	}
	return out
}

// inOwnName: the name found at toks[pos:end] starts inside a run of two or
// more words of the line that are words of the vendor's name vt, in order
// ("Red Pitch Pro" from Red Pitch Studio: "pitch pro" starts in "red pitch").
func inOwnName(toks []string, pos, end int, vt []string) bool {
	for k := range vt {
		if vt[k] != toks[pos] {
			continue
		}
		a, b, ka, kb := pos, pos+1, k, k+1
		for a > 0 && ka > 0 && toks[a-1] == vt[ka-1] {
			a, ka = a-1, ka-1
		}
		for b < len(toks) && kb < len(vt) && toks[b] == vt[kb] {
			b, kb = b+1, kb+1
		}
		if b-a >= 2 {
			return true
		}
	}
	return false
}

// resaleLines: an unknown vendor whose name says it sells services, not
// software ("Deloitte Consulting", "Slalom", "... Training Ltd", "...
// Partner Agency"), or hosts events (a hotel, a caterer, a venue), names a
// product on its lines because it implements or teaches it; only a line
// that sells licences, seats or a subscription is the product, resold.
func (c *Catalog) resaleLines(vt []string, soft []lineInfo) []lineInfo {
	w := c.words
	if len(scan(vt, c.idx.starts, func(k string) bool { return w.isSpecific(k) || w.firm[k] || hosts[w.signal(k)] })) == 0 && !firmCompound(vt) {
		return soft
	}
	var out []lineInfo
	for _, li := range soft {
		if li.strong {
			out = append(out, li)
		}
	}
	return out
}

// hosts are the labels of vendor-name words of hotels, caterers, venues and
// event organisers ("Hotel Marriott ...", "Traiteur Dupont", "LX Factory
// Eventos"): an app their lines name is the topic of the event they host
// ("Room 3 nights, HubSpot INBOUND attendee"), as a firm's is the product
// it implements.
var hosts = map[string]bool{"travel": true, "food": true, "events": true, "premises": true, labelTrades: true}

// labelTrades is words.txt's label of trades, galleries and framers
// ("Elektro ...", "Galerie ...", "Verkabelung"): the app their lines name
// is the room they work in or a common word ("tableau", a painting).
const labelTrades = "trades"

// firmSuffixes end German and Nordic compounds that name a service firm
// ("Digitalagentur", "IT-Beratung" written as one word, "Webbyrå").
var firmSuffixes = []string{"agentur", "beratung", "consulting", "byra", "bureau"}

func firmCompound(vt []string) bool {
	for _, t := range vt {
		for _, s := range firmSuffixes {
			if len(t) > len(s)+2 && strings.HasSuffix(t, s) {
				return true
			}
		}
	}
	return false
}

// linePick is the app one line names.
type linePick struct {
	hit  lineHit
	line string
}

func pickLines(soft []lineInfo, keep func(lineHit) bool, allowGeneric bool) []linePick {
	var out []linePick
	for _, li := range soft {
		if h, ok := li.pick(keep, allowGeneric); ok {
			out = append(out, linePick{hit: h, line: li.text})
		}
	}
	return out
}

// fromPicks turns per-line picks into one decision. Several apps on one
// invoice are listed and line granularity suggested; the app named on most
// lines (first on a tie) carries the invoice meanwhile.
func (c *Catalog) fromPicks(picks []linePick, m Method, conf float64, who string) Decision {
	counts := map[int]int{}
	var order []int
	for _, p := range picks {
		if counts[p.hit.app] == 0 {
			order = append(order, p.hit.app)
		}
		counts[p.hit.app]++
	}
	best := order[0]
	for _, a := range order[1:] {
		if counts[a] > counts[best] {
			best = a
		}
	}
	var bp linePick
	for _, p := range picks {
		if p.hit.app == best {
			bp = p
			break
		}
	}
	d := c.appDecision(best, m, hitConf(bp.hit, conf), pickReason(who, bp, c.apps[best].Name))
	if len(order) > 1 {
		for _, a := range order {
			d.Apps = append(d.Apps, c.apps[a].Name)
		}
		sort.Strings(d.Apps)
		d.SuggestLines = true
		d.Confidence *= multiAppFactor
		d.Reason += fmt.Sprintf("; the invoice's lines name %d apps (%s): switch to line granularity to split it",
			len(order), strings.Join(d.Apps, ", "))
	}
	return d
}

func hitConf(h lineHit, conf float64) float64 {
	switch {
	case h.kind == phraseAlias:
		return min(conf, confNameVendor)
	case h.generic:
		return min(conf, confNameGeneric)
	}
	return conf
}

func pickReason(who string, p linePick, app string) string {
	what := "names"
	if p.hit.kind == phraseAlias {
		what = "names the vendor of"
	}
	s := fmt.Sprintf("line '%s' %s '%s' -> %s", p.line, what, p.hit.phrase, app)
	if who != "" {
		s = who + "; " + s
	}
	return s
}
