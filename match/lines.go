package match

import (
	"slices"
	"strings"
	"unicode"
)

// lineInfo is what one description line says: catalogued phrases found in
// it, and a non-software signal if any.
type lineInfo struct {
	text      string
	hits      []lineHit
	signal    string // e.g. "laptop" (hardware); "" when none
	why       string // the signal's label: hardware, travel...
	hasSignal bool
	context   bool   // mentions plans, seats, licences...
	contextN  int    // how many such words
	ownWords  int    // how many of them lie outside catalogued names ("team plan", not "cloud" of "Google Cloud")
	planAt    uint64 // bit i: token i is a plan, billing or software word (first 64 tokens)
	strong    bool   // mentions subscriptions, licences, seats
	usage     string // "cloud" or "metered": bills what a platform meters (words.txt kind usage); "" when not
	addOn     bool   // buys an add-on, extension or top-up (words.txt kind addon)
	host      bool   // bills what a registrar or host sells: a domain, DNS, hosting (words.txt kind host)
	planned   bool   // a named plan, or software named outright, billed by the period: "Starter plan - monthly" (words.txt kinds plan, tier, period, explicit)
	period    bool   // names a billing period: "monthly", "mensal", "per month" (words.txt kind period)
	tierAt    uint64 // bit i: token i is a plan's name (words.txt kind tier; first 64 tokens): "Cuentaclara Negocio"
	feeAt     uint64 // bit i: token i is a fee by the period (words.txt kind fee; first 64 tokens): "Mensalidade Gestão"
	explicit  bool   // says software outright: "platform", "licence" (words.txt kind explicit)
	payFee    string // bills payment fees (words.txt kind payfee): payTransaction, "fees", or ""
	enrolled  bool   // buys one course on a learning platform: "1 enrollment" (words.txt kind enrolment)
	device    bool   // buys or rents a device by its model or a rental word: "Meraki MX68 appliance", "noleggio POS"
	makerCode string // a maker's own reference code and number name it: "SEN-88412093" is Atlassian's (words.txt kind makercode)

	// A specific signal outweighs a known software vendor (see words.txt).
	specific         bool
	specSig, specWhy string
	market           bool     // "marketplace": a third-party product resold by a cloud
	marketAt         int      // the token "marketplace" is at, when market
	store            bool     // the market is an app store's ("App Store:", "app charges"): only a catalogued app is resold
	marketRest       []string // words after it that no phrase or word list explains: the resold product
	marketSeller     []string // the first of those and what continues it: who sells the resold product
	rest             []string // words no phrase or word list explains: maybe a product we lack
	wordAt           uint64   // bit i: token i is a word of letters no phrase or word list explains (first 64 tokens)
	restAt           uint64   // bit i: token i is one of rest (first 64 tokens)
}

type lineHit struct {
	phraseHit
	pos, end int
	platform bool // follows "for", "with"...: the platform an add-on runs on; or hosted by the vendor
	mention  bool // "our Shopify store", "Salesforce Tower": a place or a customer
}

// platformWords introduce the platform a product works with ("Document
// Capture for Business Central", "Jira integration with Slack").
var platformWords = map[string]bool{"for": true, "with": true, "into": true, "to": true, "on": true, "via": true}

// hostingWords around a product name make it what a host runs for the
// customer ("Managed Nextcloud hosting", "hosted MongoDB"): the spend is
// the host's service, like a platform an add-on runs on.
var hostingBefore = map[string]bool{"managed": true, "hosted": true}
var hostingAfter = map[string]bool{"hosting": true, "hosted": true, "managed": true}

// onPlatform: a platform word comes before the name, or before the
// catalogued words that lead up to it ("Neat Board 50 for Microsoft Teams
// Rooms": the maker's name, then its product), unless a subscription word
// comes before that: what a licence, subscription or renewal is for is the
// product bought ("Licences for Microsoft 365 E3").
func (c *Catalog) onPlatform(toks []string, phrases []span, s span) bool {
	i := s.start
	for i > 0 {
		if insideAny(phrases, span{start: i - 1, end: i}) {
			i--
			continue
		}
		n := c.makerNameBefore(toks, i)
		if n == 0 {
			break
		}
		i -= n
	}
	if i == 0 || !platformWords[toks[i-1]] {
		return false
	}
	return i < 2 || !c.words.strong[toks[i-2]]
}

// makerNameBefore: how many words before toks[i] are the name of a maker
// without a flagship ("for Atlassian Jira"), which no phrase holds
// (resolveDefaults indexes a maker's names as its flagship's); 0 when none.
func (c *Catalog) makerNameBefore(toks []string, i int) int {
	if platformWords[toks[i-1]] {
		return 0
	}
	for n := min(i, 3); n >= 1; n-- {
		if r, ok := c.idx.vendors[strings.Join(toks[i-n:i], " ")]; ok && r.kind == refGroup && c.groups[r.i].NoFlagship {
			return n
		}
	}
	return 0
}

func hosted(toks []string, s span) bool {
	return s.start > 0 && hostingBefore[toks[s.start-1]] || s.end < len(toks) && hostingAfter[toks[s.end]]
}

// aTrade: a non-software word of these kinds may name the customer's trade
// ("gym management software", "dental practice software", "property
// management licence", "restaurant POS software") on a line that says
// software outright; media ("digital subscription - 5 licences") may not,
// nor a setup fee ("software setup fee, one-time" is the fee).
func aTrade(why string) bool { return why != "media" && why != setupFee }

// setupFee is words.txt's label of onboarding, setup and activation fees:
// the product from its maker, a service from anyone else.
const setupFee = "setup fee"

// nested: a longer phrase of the word lists holds the span, and says what
// its words mean there: "conference rooms" are rooms, not a conference; a
// "web hotel" is hosting. Only whole-word spans nest (a CJK span is inside
// one token). A longer phrase that a catalogued name covers says nothing.
func nested(spans []span, s span, counts func(span) bool) bool {
	for _, o := range spans {
		if o.start <= s.start && o.end >= s.end && o.end-o.start > s.end-s.start && counts(o) {
			return true
		}
	}
	return false
}

func inSpecific(signals []span, s span, w *wordLists) bool {
	for _, o := range signals {
		if o.start <= s.start && o.end >= s.end && o.end-o.start > s.end-s.start && w.isSpecific(o.key) {
			return true
		}
	}
	return false
}

// outside: some explicit software word lies outside the signal's span
// ("music licence" says licence inside its own words).
func outside(explicit []span, s span) bool {
	for _, e := range explicit {
		if e.end <= s.start || e.start >= s.end {
			return true
		}
	}
	return false
}

// analyzeLine finds catalogued phrases and non-software words. Words inside a
// catalogued phrase do not count as signals, so "Concur Travel" or "Zoom
// Phone" stay software while "flight to Berlin" does not.
func (c *Catalog) analyzeLine(text string) lineInfo {
	toks := strings.Fields(text)
	li := lineInfo{text: text}
	covered := make([]bool, len(toks))
	explained := make([]bool, len(toks)) // by any phrase or word list
	byPhrase := make([]bool, len(toks))  // by a catalogued phrase
	listed := make([]bool, len(toks))    // by a word list other than the everyday words
	var inside map[int][]string          // CJK tokens: the phrases found inside them
	var signals, explicit []span         // non-software words; words that say software outright
	var strong []span                    // subscription words
	var plans, tiers []span              // plan words, plan names
	hasPeriod := false
	var shieldSpans []span // catalogued phrases that keep the signal words inside them from counting
	phrases := c.phraseSpans(text, toks)
	for _, s := range phrases {
		if s.key != toks[s.start] && s.end == s.start+1 {
			if inside == nil {
				inside = map[int][]string{}
			}
			inside[s.start] = append(inside[s.start], s.key)
		}
		for _, h := range c.idx.phrases[s.key] {
			if c.idx.documents[s.key] && documentAt(toks, s.end) {
				break
			}
			li.hits = append(li.hits, lineHit{phraseHit: h, pos: s.start, end: s.end,
				platform: c.onPlatform(toks, phrases, s) || hosted(toks, s),
				mention:  c.isMention(toks, s)})
		}
		shields := c.shields(s.key)
		if shields {
			shieldSpans = append(shieldSpans, s)
		}
		for i := s.start; i < s.end; i++ {
			covered[i] = covered[i] || shields
			explained[i], byPhrase[i] = true, true
		}
	}
	w := c.words
	spans := c.wordSpans(text, toks)
	li.hits = insideWords(li.hits, spans, w.umbrella)
	// A signal that holds a catalogued name and more is what the name's
	// maker sells besides it ("Zettle Reader", "Square Stand"), not part of
	// the name the way "travel" is of "Concur Travel".
	isCovered := func(s span) bool {
		return coveredSpan(covered, inside, toks, s) && !holdsName(shieldSpans, s)
	}
	periodic := false // the line names a billing period
	for _, s := range spans {
		if u := w.usage[s.key]; u != "" && li.usage != "cloud" {
			li.usage = u
		}
		periodic = periodic || w.period[s.key]
	}
	for _, s := range spans {
		if w.context[s.key] || w.strong[s.key] {
			li.context = true
			li.contextN++
			if !anyCovered(byPhrase, s) {
				li.ownWords++
			}
		}
		if (w.context[s.key] || w.strong[s.key] || w.billing[s.key]) && s.start < 64 {
			li.planAt |= 1 << s.start
		}
		if w.strong[s.key] {
			strong = append(strong, s)
		}
		li.addOn = li.addOn || w.addon[s.key]
		li.host = li.host || w.host[s.key]
		if l := w.payfee[s.key]; l != "" && li.payFee != payTransaction {
			li.payFee = l
		}
		if w.plan[s.key] {
			plans = append(plans, s)
		}
		if w.tier[s.key] {
			tiers = append(tiers, s)
		}
		hasPeriod = hasPeriod || w.period[s.key]
		if s.end <= 64 {
			for i := s.start; i < s.end; i++ {
				if w.tier[s.key] {
					li.tierAt |= 1 << i
				}
				if w.fee[s.key] {
					li.feeAt |= 1 << i
				}
			}
		}
		everyday := w.generic[s.key] && !w.billing[s.key] && !w.context[s.key] && !w.strong[s.key] && w.signal(s.key) == ""
		for i := s.start; i < s.end; i++ {
			explained[i] = true
			if !everyday {
				listed[i] = true
			}
		}
		if w.explicit[s.key] {
			explicit = append(explicit, s)
		}
		why := w.signal(s.key)
		if why == "" || isCovered(s) || nested(spans, s, func(o span) bool { return !isCovered(o) }) {
			continue
		}
		if why == jobAds && c.planBefore(spans, s) {
			// "Workable Standard plan - unlimited job postings": the
			// postings a plan includes, not an advert bought.
			continue
		}
		if periodic && w.fixedPrice[s.key] {
			// "Fortnox Bokföring, fast pris per månad", "Netvisor,
			// kiinteä hinta / kk": a fixed price by the period is a
			// subscription's, not a project's.
			continue
		}
		if li.usage == "cloud" && w.billing[s.key] && !w.isSpecific(s.key) {
			// "Virtual Machines Dsv5 - 1,488 hours": on a line billing
			// cloud usage, a unit that is also a services word ("hours")
			// counts what the cloud metered.
			continue
		}
		signals = append(signals, s)
		li.enrolled = li.enrolled || w.enrolment[s.key]
		if !li.specific && w.isSpecific(s.key) && !w.trade[s.key] {
			li.specSig, li.specWhy, li.specific = "'"+s.key+"' ("+why+")", why, true
		}
	}
	for _, s := range signals {
		// A device a subscription counts ("camera licences") is specific
		// only without the subscription word.
		if !li.specific && w.isSpecific(s.key) && w.trade[s.key] && !outside(strong, s) {
			li.specSig, li.specWhy, li.specific = "'"+s.key+"' ("+w.signal(s.key)+")", w.signal(s.key), true
		}
	}
	// Software named outright and billed by the period ("Cuota mensual
	// Nubelia ERP", "monthly CRM fee") reads like a subscription too.
	cSig, cWhy, cSoft, cLicence := c.compoundWords(toks, covered)
	li.planned = hasPeriod && (namedPlan(plans, tiers) || len(explicit) > 0 || cSoft)
	li.period, li.explicit = hasPeriod, len(explicit) > 0 || cSoft
	for _, s := range signals {
		// The customer's trade beside a subscription word is whom the
		// software is for ("farm plan annual subscription"), a device what
		// it counts ("12 displays subscription"); beside a word that says
		// software outright, any trade is.
		besideSoftware := outside(explicit, s) || w.trade[s.key] && outside(strong, s)
		specific := w.isSpecific(s.key) && !(w.trade[s.key] && outside(strong, s))
		if why := w.signal(s.key); specific || !aTrade(why) || !besideSoftware {
			li.signal, li.why, li.hasSignal = "'"+s.key+"' ("+why+")", why, true
			break
		}
	}
	// A subscription word inside a specific signal is part of it ("learning
	// subscription" is training): it does not outweigh the signal.
	// The seats a course's line counts ("certification prep, 1 seat") are
	// the people sent to it, not a subscription's.
	course := slices.ContainsFunc(signals, func(s span) bool { return w.course[s.key] })
	for _, s := range strong {
		li.strong = li.strong || !inSpecific(signals, s, w) && !(li.enrolled && anyCovered(byPhrase, s)) && !(course && countAt(toks, s.start))
	}
	// A licence written as a compound ("Kassenlizenz", "kassalicens") is
	// one too, whatever device the line says it runs on ("iPad-Kasse").
	li.strong = li.strong || cLicence
	if k, ok := w.oneTimeSetup(toks); ok && !li.hasSignal && !li.strong {
		// A setup fee: the product from its maker, so no specific signal.
		li.signal, li.why, li.hasSignal = "'"+k+"' ("+setupFee+")", setupFee, true
	} else if k, named := w.setupService(signals, k, ok); li.specific && !li.strong && w.onlySetupWork(signals) && (ok && (w.onceIn(toks) || strings.HasPrefix(k, "onboarding")) || named && li.namesAProduct()) {
		// "Zendesk Professional Services - implementation package
		// (one-time)", "Implementation package - Zendesk Professional
		// Services", "Workday HCM - deployment services by Workday
		// Professional Services": the services words name the setup of the
		// product, a setup fee, not hours of work; "Professional services -
		// implementation package", naming neither the product nor a once
		// word, stays services (held-out 11).
		li.signal, li.why = "'"+k+"' ("+setupFee+")", setupFee
		li.specific, li.specSig, li.specWhy = false, "", ""
	} else if k, ok := w.setupAlone(toks, covered); ok && !li.hasSignal && !li.strong && !li.period && (!li.explicit || !cSoft && w.setsUp(explicit, toks)) {
		// "HubSpot onboarding & CRM setup", "Oppsett og konfigurasjon av
		// HubSpot": getting a product going, with no subscription or period
		// billed beside it, and no software named but what is set up ("CRM
		// setup"; "onboarding software" is software), is a setup fee too.
		li.signal, li.why, li.hasSignal = "'"+k+"' ("+setupFee+")", setupFee, true
	}
	if cSig != "" && !li.specific {
		li.specSig, li.specWhy, li.specific = "'"+cSig+"' ("+cWhy+")", cWhy, true
		if !li.hasSignal {
			li.signal, li.why, li.hasSignal = li.specSig, li.specWhy, true
		}
	}
	if k, ok := c.deviceOfAnApp(toks, li.hits); ok && !li.specific && li.payFee == "" && len(strong) == 0 {
		li.specSig, li.specWhy, li.specific = "'"+k+"' (hardware)", "hardware", true
		if !li.hasSignal {
			li.signal, li.why, li.hasSignal = li.specSig, li.specWhy, true
		}
	}
	if k, ok := eventEdition(toks); ok && !li.specific {
		li.specSig, li.specWhy, li.specific = "'"+k+"' (events)", "events", true
		if !li.hasSignal {
			li.signal, li.why, li.hasSignal = li.specSig, li.specWhy, true
		}
	}
	if k, ok := w.projectPhase(toks, byPhrase); ok && !li.specific && !li.strong {
		li.specSig, li.specWhy, li.specific = "'"+k+"' (professional services)", "professional services", true
		if !li.hasSignal {
			li.signal, li.why, li.hasSignal = li.specSig, li.specWhy, true
		}
	}
	if k, ok := w.eventAdmission(toks, covered); ok && !li.specific && li.payFee == "" && li.usage == "" {
		// A ticketing platform's fees on the tickets it sold for an event
		// ("Ticket fees, 312 tickets sold, event Summer Fest") are its billing.
		li.specSig, li.specWhy, li.specific = "'"+k+"' (events)", "events", true
		if !li.hasSignal {
			li.signal, li.why, li.hasSignal = li.specSig, li.specWhy, true
		}
	}
	if k, ok := w.modelDevice(toks, spans, byPhrase, covered); ok && (!li.specific || li.specWhy == "hardware") {
		// A device word that is hardware itself ("MR46 access point") is
		// still the device bought by its model, which a device-management
		// maker's own trade does not explain.
		if !li.specific {
			li.specSig, li.specWhy, li.specific = "'"+k+"' (hardware)", "hardware", true
		}
		li.device = true
		if !li.hasSignal {
			li.signal, li.why, li.hasSignal = li.specSig, li.specWhy, true
		}
	}
	if k, ok := w.rentedDevice(toks, signals, covered); ok {
		// "Canone noleggio POS", "Location TPE, abonnement mensuel": the
		// fee of a rented device is the rental's, not a subscription's.
		li.specSig, li.specWhy, li.specific, li.strong, li.device = "'"+k+"' (hardware)", "hardware", true, false, true
		li.signal, li.why, li.hasSignal = li.specSig, li.specWhy, true
	}
	for i, t := range toks {
		if !li.market && (t == "marketplace" || t == "mktp") {
			li.market, li.marketAt = true, i
		}
		if li.makerCode == "" && i+1 < len(toks) && isDigits(toks[i+1]) {
			li.makerCode = w.makerCode[t]
		}
	}
	for _, s := range spans {
		// "Shopify App Store: Judge.me", "App charges: Matrixify": what
		// follows is a product bought on the platform's app store, as on a
		// cloud's marketplace.
		if !li.market && w.store[s.key] {
			li.market, li.marketAt, li.store = true, s.end-1, true
		}
	}
	if li.market {
		resold(li.hits, li.marketAt, li.store, c.firstAfter(toks, li.marketAt))
	}
	li.rest, li.restAt = c.productWords(toks, explained, byPhrase, listed)
	for i := 0; i < len(toks) && i < 64; i++ {
		if !explained[i] && c.productWord(toks[i]) {
			li.wordAt |= 1 << i
		}
	}
	if li.market {
		for i := li.marketAt + 1; i < len(toks); i++ {
			if !explained[i] && c.productWord(toks[i]) {
				li.marketRest = append(li.marketRest, toks[i])
			}
		}
		li.marketSeller = sellerWords(toks, explained, li.marketAt+1, c.productWord)
	}
	return li
}

// resold reads the names of a marketplace line ("Azure Marketplace -
// SendGrid Pro", "App Store: Things 3 for Mac") that names a product after
// the marketplace's words: the cloud or platform named before them is the
// shop, the platform of the sale (so a reseller's line is the product, not
// Azure), and on an app store's line the name right after its words is the
// app bought, even an everyday word ("Things 3"; first: where a name
// after the store's words stands, firstAfter). A line naming nothing after
// them ("Azure Marketplace fees") keeps its names as they are.
func resold(hits []lineHit, at int, store bool, first int) {
	if !slices.ContainsFunc(hits, func(h lineHit) bool { return h.pos > at && h.kind != phraseAlias }) {
		return
	}
	for i := range hits {
		h := &hits[i]
		if h.end <= at+1 && h.pos <= at {
			// The name ends before the marketplace's word or with it
			// ("AWS Marketplace" is a name of AWS).
			h.platform = true
		}
		if store && h.pos == first && h.kind != phraseAlias && !h.tier {
			h.generic, h.weak = false, false
		}
	}
}

// firstAfter: the first word after toks[at] that is no billing word
// ("App-Store-Kauf: Things 3", "App Store purchase: Craft").
func (c *Catalog) firstAfter(toks []string, at int) int {
	i := at + 1
	for i < len(toks) && c.words.billing[toks[i]] {
		i++
	}
	return i
}

// countAt: the word before toks[i] is a count ("1 seat", "3 seats").
func countAt(toks []string, i int) bool { return i > 0 && isDigits(toks[i-1]) }

// insideWords drops the everyday-word names that lie inside a longer
// phrase of the word lists ("bill" of "bill period"): the word is the
// phrase's there, not the app's; and any name inside a maker's umbrella
// term for all it sells (words.txt kind umbrella: "Oracle Cloud Services"
// is no Oracle Cloud Infrastructure).
func insideWords(hits []lineHit, spans []span, umbrella map[string]bool) []lineHit {
	under := false // a span is an umbrella term: most lines have none
	for _, o := range spans {
		under = under || umbrella[o.key]
	}
	keep := hits[:0]
	for _, h := range hits {
		s := span{h.pos, h.end, h.phrase}
		if (!h.generic || !nested(spans, s, func(span) bool { return true })) && !(under && nested(spans, s, func(o span) bool { return umbrella[o.key] })) {
			keep = append(keep, h)
		}
	}
	return keep
}

// documentAt: the words from i on are a document's number ("zoho invoice
// 88120", "zoho invoice no 2026 1104"): before them a product named by its
// maker's name and a document word (Zoho Invoice) is the maker's document.
func documentAt(toks []string, i int) bool {
	if i < len(toks) && numberWords[toks[i]] {
		i++
	}
	return i < len(toks) && strings.ContainsAny(toks[i], "0123456789")
}

// numberWords stand before a document's number.
var numberWords = map[string]bool{"no": true, "nr": true, "num": true, "number": true, "ref": true, "n": true}

// compoundWords reads the words of the line that are compounds (words.txt
// kind compound), outside catalogued names: the first that ends in a
// signal's word ("brukerkonferanse", "Anwendertreffen": events) and its
// label, and whether one ends in a word that says software outright
// ("kassasystem", "Lohnabrechnungssoftware", "potilastietojärjestelmä":
// label explicit), and whether one ends in a licence ("Kassenlizenz",
// "användarlicens": label licence, which says software outright too).
func (c *Catalog) compoundWords(toks []string, covered []bool) (sig, why string, soft, licence bool) {
	for i, t := range toks {
		if covered[i] {
			continue
		}
		switch l := c.words.compound(t); {
		case l == labelExplicit:
			soft = true
		case l == labelLicence:
			soft, licence = true, true
		case l != "" && sig == "":
			sig, why = t, l
		}
	}
	return sig, why, soft, licence
}

// labelExplicit and labelLicence are words.txt's labels of compounds that
// say software and of those that sell its licence.
const (
	labelExplicit = "explicit"
	labelLicence  = "licence"
)

// holdsName: every catalogued name the signal overlaps lies inside it, and
// it has more words: the signal names something the name's maker sells
// ("square stand", "zettle reader"), not a word of the name.
func holdsName(names []span, s span) bool {
	held := false
	for _, n := range names {
		if n.end <= s.start || n.start >= s.end {
			continue
		}
		if n.start < s.start || n.end > s.end || n.end-n.start == s.end-s.start {
			return false
		}
		held = true
	}
	return held
}

// productWords are the words no phrase or word list explains, where a
// product name stands: first on the line ("Rovo - 40 users"), right after
// a catalogued name ("Microsoft Viva Glint"), or continuing such a word.
// Right after a catalogued name an everyday word is a product name too
// ("Microsoft Loop", "Zoom Docs"), unless a list says it is billing or
// software talk ("Zoom Pro", "Twilio SMS"). An unexplained word elsewhere
// is more likely billing vocabulary we lack ("SMS delivery receipts").
func (c *Catalog) productWords(toks []string, explained, byPhrase, listed []bool) ([]string, uint64) {
	var out []string
	var at uint64
	first := true // no word seen yet
	prevRest := false
	for i, t := range toks {
		if !c.productWord(t) {
			continue
		}
		afterName := i > 0 && byPhrase[i-1] && !byPhrase[i]
		rest := !explained[i] && (first || prevRest || afterName) || afterName && !listed[i]
		if rest {
			out = append(out, t)
			if i < 64 {
				at |= 1 << i
			}
		}
		first, prevRest = false, rest
	}
	return out, at
}

// wordSpans finds the word-list phrases of a line: signals, context and
// billing words.
func (c *Catalog) wordSpans(text string, toks []string) []span {
	has := c.words.onLine
	return append(scan(toks, c.idx.starts, has), c.cjkSpans(text, toks, has)...)
}

// phraseSpans finds the catalogued phrases of a line.
func (c *Catalog) phraseSpans(text string, toks []string) []span {
	has := func(k string) bool { return c.idx.phrases[k] != nil }
	return append(scan(toks, c.idx.starts, has), c.cjkSpans(text, toks, has)...)
}

// isMention: words around a name make it a place or a customer ("our
// Shopify store", "Salesforce Tower", "visit to Google").
func (c *Catalog) isMention(toks []string, s span) bool {
	w := c.words
	for n := 1; n <= 2 && s.start-n >= 0; n++ {
		if w.before[strings.Join(toks[s.start-n:s.start], " ")] {
			return true
		}
	}
	for n := 1; n <= 2 && s.end+n <= len(toks); n++ {
		if w.after[strings.Join(toks[s.end:s.end+n], " ")] {
			return true
		}
	}
	return false
}

// productWord: a word that could name a product: letters, three or more
// (two for Chinese and Japanese, whose words are short), no digits.
func (c *Catalog) productWord(t string) bool {
	n := 0
	for _, r := range t {
		if unicode.IsDigit(r) {
			return false
		}
		n++
	}
	return n >= 3 || (n == 2 && isCJK(t))
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
		if !h.generic && !h.inGroup {
			return false
		}
	}
	return true
}

// shields: a catalogued phrase keeps the signal words inside it from
// counting ("Concur Travel"), unless it is an everyday word, or only an
// app's short name for its vendor's lines ("Talent Insights").
func (c *Catalog) shields(key string) bool {
	shield := false
	for _, h := range c.idx.phrases[key] {
		if h.generic {
			return false
		}
		shield = shield || !h.inGroup
	}
	return shield
}

// coveredSpan: a signal inside a catalogued phrase is part of its name. A
// signal found inside a CJK token is covered only by a phrase that holds
// it: 百度 in 百度推广广告费 names the vendor, 广告费 is still advertising.
func coveredSpan(covered []bool, inside map[int][]string, toks []string, s span) bool {
	if s.end == s.start+1 && s.key != toks[s.start] {
		for _, p := range inside[s.start] {
			if strings.Contains(p, s.key) {
				return true
			}
		}
		return false
	}
	return anyCovered(covered, s)
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
// it is the app's own name (Zoom, Box), the line also talks about plans or
// seats, and the name stands where a product does (standsAsProduct); a generic keyword ("teams") never does on its own. Product names and
// keywords beat vendor names; longer phrases beat shorter ones.
func (li lineInfo) pick(keep func(lineHit) bool, allowGeneric bool) (lineHit, bool) {
	var best lineHit
	found := false
	for _, h := range li.hits {
		if !keep(h) || (h.generic && !allowGeneric && !(h.kind == phraseName && li.context && !h.tier && li.standsAsProduct(h))) || (h.inGroup && !allowGeneric) {
			continue
		}
		if !found || better(h, best) {
			best, found = h, true
		}
	}
	return best, found
}

// standsAsProduct: an everyday-word name stands where a product does, first
// on the line or before a plan word ("Zoom Pro", "Box Business"), not in a
// sentence ("we gladly confirm your plan"), nor at the end of a phrase of
// words no list explains ("Okul yönetim sistemi yıllık lisans": Turkish
// "system", not the Italian suite Sistemi).
func (li lineInfo) standsAsProduct(h lineHit) bool {
	if h.pos == 0 {
		return true
	}
	// A marketplace line names its seller's product after words of its own
	// ("Marketplace purchase: Elastic Cloud Enterprise").
	return h.end < 64 && li.planAt&(1<<h.end) != 0 && (li.market || li.wordAt&(1<<(h.pos-1)) == 0)
}

func better(a, b lineHit) bool {
	if a.kind != b.kind && (a.kind == phraseAlias || b.kind == phraseAlias) {
		return a.kind != phraseAlias
	}
	if la, lb := a.end-a.pos, b.end-b.pos; la != lb {
		return la > lb
	}
	if a.kind != b.kind {
		// A product's own name beats another product's keyword on the same words.
		return a.kind == phraseName
	}
	if a.generic != b.generic {
		return !a.generic
	}
	return a.pos < b.pos
}

// deviceWords after a payments, POS or security app's name make the
// device it sells ("Zeller Terminal, 2 units", "Kisi Reader Pro"), which
// no list can name for every vendor; the app's fees on the same words
// ("Stripe Terminal usage fees") are its billing.
var deviceWords = map[string]bool{"terminal": true, "terminals": true, "reader": true, "readers": true,
	"machine": true, "machines": true, "kiosk": true, "kiosks": true, "stand": true, "handheld": true, "camera": true, "cameras": true}

// deviceCategories sell devices besides their software.
var deviceCategories = map[string]bool{categoryPayments: true, "POS": true, "Security": true}

// deviceOfAnApp: a line names a device of a payments, POS or security app:
// its name, then a device word.
func (c *Catalog) deviceOfAnApp(toks []string, hits []lineHit) (string, bool) {
	for _, h := range hits {
		if h.end < len(toks) && deviceWords[toks[h.end]] && deviceCategories[c.apps[h.app].Category] {
			return strings.Join(toks[h.pos:h.end+1], " "), true
		}
	}
	return "", false
}

// payTransaction is words.txt's payfee label of fees per transaction
// ("transaction fees", "transactiekosten", "決済手数料"), which name the spend
// even beside the device they were taken on.
const payTransaction = "transaction"

// jobAds is words.txt's label of job adverts.
const jobAds = "job advertising"

// planBefore: a plan word or a plan's name (words.txt kinds plan, tier)
// comes before the span on its line.
func (c *Catalog) planBefore(spans []span, s span) bool {
	for _, o := range spans {
		if o.end <= s.start && (c.words.plan[o.key] || c.words.tier[o.key]) {
			return true
		}
	}
	return false
}

// namedPlan: a plan word next to a plan's name ("Starter plan", "แพ็กเกจ
// Business"); "Family plan" or "Mobile package" name no subscription tier.
func namedPlan(plans, tiers []span) bool {
	for _, p := range plans {
		for _, t := range tiers {
			if t.end == p.start || t.start == p.end {
				return true
			}
		}
	}
	return false
}

// admissionWords follow an event's edition: "GitHub Universe 2026 ticket",
// "Oktane 2026 passes". Alone they are software words too (help-desk
// tickets, domain registrations), so they count only right after a year.
var admissionWords = map[string]bool{"ticket": true, "tickets": true, "pass": true, "passes": true,
	"registration": true, "registrations": true, "admission": true, "attendee": true, "attendees": true,
	"delegate": true, "delegates": true, "badge": true, "badges": true, "participant": true, "participants": true,
	// The same in the regions' words: a ticket, a registration.
	"billet": true, "billett": true, "biljett": true, "entrada": true, "biglietto": true, "lippu": true, "bilet": true,
	"vstupenka": true, "ingresso": true, "eintrittskarte": true, "inscription": true, "inscripcion": true,
	"anmeldung": true, "iscrizione": true, "registrering": true, "チケット": true, "티켓": true, "门票": true, "入場券": true}

// ticketWords before a year name an edition too ("Ticket 2026"); a
// registration before one is a domain's ("Domain registration 2026").
var ticketWords = map[string]bool{"ticket": true, "tickets": true, "pass": true, "passes": true, "badge": true, "badges": true}

// eventEdition finds a year (2000-2099) directly followed by an admission
// word, or a line that ends in one and has a year ("Google Cloud Next 2026
// Las Vegas - pass"): the named edition of an event, which is not software
// whoever sells it.
func eventEdition(toks []string) (string, bool) {
	year := -1
	for i, t := range toks {
		if len(t) == 4 && t[0] == '2' && t[1] == '0' && isDigits(t) {
			if i+1 < len(toks) && admissionWords[toks[i+1]] {
				return t + " " + toks[i+1], true
			}
			if i > 0 && ticketWords[toks[i-1]] { // "Festival Ticket 2026"
				return toks[i-1] + " " + t, true
			}
			year = i
		}
	}
	if last := len(toks) - 1; year >= 0 && last > year && admissionWords[toks[last]] {
		return toks[year] + " ... " + toks[last], true
	}
	return "", false
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// sellerCorporate ends a seller's name on a marketplace line ("Korvath
// Systems Edge Gateway" is sold by Korvath Systems).
var sellerCorporate = map[string]bool{"systems": true, "technologies": true, "technology": true, "software": true,
	"networks": true, "labs": true, "solutions": true, "group": true, "corporation": true, "holdings": true}

// sellerWords: the first word from..., that no list explains, named who
// sells what a marketplace line resells: with the corporate word that
// follows it ("Korvath Systems"), else alone ("NetApp Cloud Volumes ONTAP"
// is NetApp's; a seller of several words the catalog lacks cannot be told
// from its product's name).
func sellerWords(toks []string, explained []bool, from int, productWord func(string) bool) []string {
	for i := from; i < len(toks); i++ {
		if explained[i] || !productWord(toks[i]) {
			continue
		}
		if i+1 < len(toks) && sellerCorporate[toks[i+1]] {
			return toks[i : i+2]
		}
		return toks[i : i+1]
	}
	return nil
}

// setupPackages after a setup word sell it once as a package
// ("onboarding package", "Implementierungspaket" aside); a setup "plan"
// may be an onboarding tool's subscription.
var setupPackages = map[string]bool{"package": true, "packages": true, "paket": true, "pakket": true, "paquete": true,
	"pacote": true, "pacchetto": true, "pakke": true, "paketti": true, "pakiet": true, "balicek": true, "forfait": true, "bundle": true,
	"pauschale": true}

// onceIn: the line says it is billed once ("one-time", "einmalig"; words.txt
// kind once): an implementation package without it is a project.
func (w *wordLists) onceIn(toks []string) bool {
	for i, t := range toks {
		if w.once[t] || i+1 < len(toks) && w.once[t+" "+toks[i+1]] {
			return true
		}
	}
	return false
}

// onlySetupWork: every signal of the line is a services word that names a
// setup (words.txt kind setupwork: "professional services",
// "implementation services"), none of them hours, days or a project's
// milestone.
func (w *wordLists) onlySetupWork(signals []span) bool {
	for _, s := range signals {
		if !w.setupWork[s.key] && w.signal(s.key) != setupFee {
			return false
		}
	}
	return len(signals) > 0
}

// oneTimeSetup finds a setup word and a once word on a line (words.txt
// kinds setup and once): together ("HubSpot Onboarding - Professional
// (one-time)", "Einrichtung - einmalig") they are a one-time service, not
// the product, whoever bills it. Once words are one or two words long; a
// package of the setup ("onboarding package") is billed once too.
func (w *wordLists) oneTimeSetup(toks []string) (string, bool) {
	setup, once := "", ""
	for i, t := range toks {
		if w.setup[t] && setup == "" {
			setup = t
		}
		if w.setup[t] && i+1 < len(toks) && setupPackages[toks[i+1]] {
			// "Jumpstart implementation package": any setup word's package.
			once = toks[i+1]
		}
		if w.once[t] {
			once = t
		} else if i+1 < len(toks) && w.once[t+" "+toks[i+1]] {
			once = t + " " + toks[i+1]
		}
	}
	if setup == "" || once == "" {
		return "", false
	}
	return setup + " ... " + once, true
}

// setupService: the setup a line's services words sell, k when
// oneTimeSetup found one (ok), else the first services words of a setup
// that hold a setup word ("deployment services", "Implementierung"), which
// beside the product's name are the maker's setup of it; a migration by
// its professional services ("Professional services - GitLab migration")
// is work, not a setup fee. named reports whether there is one.
func (w *wordLists) setupService(signals []span, k string, ok bool) (string, bool) {
	if ok {
		return k, true
	}
	for _, s := range signals {
		if !w.setupWork[s.key] {
			continue
		}
		for _, t := range strings.Fields(s.key) {
			if w.setup[t] {
				return s.key, true
			}
		}
	}
	return "", false
}

// setupAlone finds a setup word (words.txt kind setup) outside the
// catalogued names of a line: "onboarding", "konfigurasjon", "parametrage".
func (w *wordLists) setupAlone(toks []string, covered []bool) (string, bool) {
	for i, t := range toks {
		if w.setup[t] && !covered[i] {
			return t, true
		}
	}
	return "", false
}

// setsUp: every software word of the line (words.txt kind explicit) is
// what a setup word right after it sets up ("CRM setup", "ERP
// implementatie").
func (w *wordLists) setsUp(explicit []span, toks []string) bool {
	for _, e := range explicit {
		if e.end >= len(toks) || !w.setup[toks[e.end]] {
			return false
		}
	}
	return true
}

// namesAProduct: the line names a catalogued product by more than an
// everyday word, or opens with an everyday-word product's name, where a
// product's name stands ("Factorial – servicios de implementación").
func (li *lineInfo) namesAProduct() bool {
	for _, h := range li.hits {
		if !h.generic || h.kind == phraseName && h.pos == 0 {
			return true
		}
	}
	return false
}

// projectPhase finds a phase word (words.txt kind phase: "phase", "vaihe",
// "etap") outside catalogued names, everyday ones too (Wave), with a number
// of one or two digits right after it, or before it as the Baltic and
// Slavic ordinals write it ("1. posms"): a project's phase, which a partner
// bills as a milestone.
func (w *wordLists) projectPhase(toks []string, named []bool) (string, bool) {
	small := func(j int) bool { return j >= 0 && j < len(toks) && len(toks[j]) <= 2 && isDigits(toks[j]) }
	for i, t := range toks {
		if !w.phase[t] || named[i] {
			continue
		}
		if small(i + 1) {
			return t + " " + toks[i+1], true
		}
		if small(i - 1) {
			return toks[i-1] + " " + t, true
		}
	}
	return "", false
}

// eventAdmission finds an event's edition word (words.txt kind edition:
// "conf", "forum", "tour", "tag der") and an admission word (admissionWords)
// on one line, outside catalogued names: "Contentful Conf ticket", "Billet
// Sellsy Tour Paris", "Ticket Personio Tag der HR". The line buys admission
// to the maker's event, not its product.
func (w *wordLists) eventAdmission(toks []string, covered []bool) (string, bool) {
	admission := ""
	for i, t := range toks {
		if !covered[i] && admissionWords[t] {
			admission = t
			break
		}
	}
	if admission == "" { // most lines: one lookup a word
		return "", false
	}
	for i, t := range toks {
		if !covered[i] && (w.edition[t] || i+1 < len(toks) && !covered[i+1] && w.edition[t+" "+toks[i+1]]) {
			return t + " ... " + admission, true
		}
	}
	return "", false
}

// deviceAt: how many words from toks[i] on are a device word (words.txt
// kind device, up to three words: "access point", "punto de acceso"); 0
// when none.
func (w *wordLists) deviceAt(toks []string, i int) int {
	for n := min(w.deviceWords[toks[i]], len(toks)-i); n >= 1; n-- {
		if w.device[strings.Join(toks[i:i+n], " ")] {
			return n
		}
	}
	return 0
}

// modelDevice finds a device word right after a model number ("catalyst
// 9300 switch", "fortigate 60f appliance", "ms120 24p switch", "pa 440
// firewall"): the device, where the word alone may be software talk (a
// firewall subscription, a switch of plan). A device word inside a
// catalogued name or a longer phrase that is no non-software word
// ("terminal services", "switch to") is not one, and a plan of a catalogued
// name is no model ("Microsoft 365 E3").
func (w *wordLists) modelDevice(toks []string, spans []span, byPhrase, covered []bool) (string, bool) {
	for i := range toks {
		n := w.deviceAt(toks, i)
		if n == 0 {
			continue
		}
		s := span{start: i, end: i + n}
		if anyCovered(covered, s) || nested(spans, s, func(o span) bool { return w.signal(o.key) == "" }) {
			continue
		}
		device := strings.Join(toks[i:i+n], " ")
		if i > 0 && !byPhrase[i-1] && modelCode(toks[i-1]) {
			return toks[i-1] + " " + device, true
		}
		if i > 1 && !byPhrase[i-2] && modelCode(toks[i-2]) && !isDigits(toks[i-2]) && !strings.ContainsAny(toks[i-1], "0123456789") {
			// "MX67 security appliance", "D3 Pro pokladna": a model of
			// letters and digits, one word before the device word.
			return toks[i-2] + " ... " + device, true
		}
		if j, ok := modelAfter(toks, i+n); ok {
			return device + " ... " + toks[j], true
		}
	}
	return "", false
}

// modelAfter: a model written with letters and digits ("MS225", "D3",
// "T2s") at toks[j], or one word further, after the maker's or a brand's
// name ("Pokladní terminál Sunmi D3 Pro", "Punto de acceso MR36"); digits
// alone after a device word are a count or a year ("terminal 2026"), no
// model.
func modelAfter(toks []string, j int) (int, bool) {
	for k := j; k < len(toks) && k <= j+1; k++ {
		if modelCode(toks[k]) && !isDigits(toks[k]) {
			return k, true
		}
		if strings.ContainsAny(toks[k], "0123456789") {
			break
		}
	}
	return 0, false
}

// modelCode: a token that reads as a model number: digits with letters
// ("mx68", "60f", "24p"), or three digits or more ("9300", "440"); not a
// version ("v2") nor a count of one or two digits.
func modelCode(t string) bool {
	digits, letters := 0, 0
	for _, r := range t {
		switch {
		case unicode.IsDigit(r):
			digits++
		case unicode.IsLetter(r):
			letters++
		}
	}
	if digits == 0 || t[0] == 'v' && letters == 1 {
		return false
	}
	return letters > 0 || digits >= 3
}

// rentedDevice finds a rental word (words.txt kind rental) beside a device
// (a device word or a hardware signal), with a word of three letters at
// most between ("noleggio pos", "leje af betalingsterminal", "alquiler de
// datafono", "pos terminal rental"), or a hardware signal that begins or
// ends in a rental word ("mietterminal", "terminalhyra", "端末レンタル"): the
// device's rental.
func (w *wordLists) rentedDevice(toks []string, signals []span, covered []bool) (string, bool) {
	hardwareAt := func(j int) bool {
		if j < 0 || j >= len(toks) {
			return false
		}
		if w.device[toks[j]] && !covered[j] || j > 0 && w.device[toks[j-1]+" "+toks[j]] || w.deviceAt(toks, j) > 0 && !covered[j] {
			return true
		}
		for _, s := range signals {
			if s.start <= j && j < s.end && w.signal(s.key) == "hardware" {
				return true
			}
		}
		return false
	}
	short := func(j int) bool { return j >= 0 && j < len(toks) && len([]rune(toks[j])) <= 3 }
	for i, t := range toks {
		if !w.rental[t] || covered[i] {
			continue
		}
		if hardwareAt(i+1) || short(i+1) && hardwareAt(i+2) || hardwareAt(i-1) || short(i-1) && hardwareAt(i-2) {
			return t, true
		}
	}
	for _, s := range signals {
		if w.signal(s.key) != "hardware" {
			continue
		}
		for r := range w.rental {
			if len(s.key) > len(r) && (strings.HasSuffix(s.key, r) || strings.HasPrefix(s.key, r)) {
				return s.key, true
			}
		}
	}
	return "", false
}
