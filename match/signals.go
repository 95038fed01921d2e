package match

import (
	_ "embed"
	"fmt"
	"strings"
)

// words.txt holds the vocabulary that is not about one application: what
// marks a charge as non-software, which words are too common to prove an app,
// which words say "this is a software plan", and the region and corporate
// words found in vendor legal names.
//
//go:embed words.txt
var builtinWords []byte

// wordLists is words.txt parsed into phrase sets keyed by normalised text.
type wordLists struct {
	nonsoftware map[string]string // phrase -> why (hardware, travel...)
	generic     map[string]bool
	context     map[string]bool
	strong      map[string]bool // context that outweighs a non-software word
	geo         map[string]bool
	filler      map[string]bool
	specific    map[string]bool   // non-software words that outweigh a known software vendor
	billing     map[string]bool   // words that name no product
	payer       map[string]bool   // vendors that pay others: card issuers, banks
	before      map[string]bool   // "our", "at": the app name after it is a place or customer
	after       map[string]bool   // "tower", "campus": the app name before it is a place
	retail      map[string]bool   // groups that are also shops
	explicit    map[string]bool   // "software", "licence": a trade word beside them is the customer's
	firm        map[string]bool   // "agency", "partners": in a vendor's name, a firm that sells services
	function    map[string]bool   // "payroll", "Lønn": what a product does; billing words too
	category    map[string]bool   // "lagersystem", "salon booking", "e-shop": a kind of software, beside a brand and a subscription its product
	host        map[string]bool   // "domain renewal", "web hosting": what a registrar or host sells; billing words too
	document    map[string]bool   // "invoice", "Vertrag", "請求書": a document, not a product; billing words too
	usage       map[string]string // "gb month", "egress" -> cloud; "minutes" -> metered: what a platform bills
	addon       map[string]bool   // "add-on", "top-up", "Zusatzpaket": what the line buys extends a product
	plan        map[string]bool   // "plan", "package", "แพ็กเกจ": what a subscription is sold as
	period      map[string]bool   // "monthly", "recurring", "รายเดือน": the period a subscription is billed by
	tier        map[string]bool   // "starter", "pro", "business": the name of a subscription's plan
	fee         map[string]bool   // "mensalidade", "monthly fee": a fee by the period, beside a brand its subscription
	setup       map[string]bool   // "onboarding", "Einrichtung": getting a product going (with once: a one-time service)
	once        map[string]bool   // "one time", "einmalig": a charge billed once
	trade       map[string]bool   // "farm", "clinic", "displays": beside a subscription word whom it is for or what it counts
	payfee      map[string]string // "transactiekosten", "komisyon" -> transaction or fees: a payments platform's own billing
	seats       map[string]bool   // "staff", "profissionais": after a number, the people a subscription counts
	units       map[string]bool   // "hoitajaa", "veículos": after a number, what a trade's subscription counts (seats too)
	company     map[string]bool   // "software", "yazilim": what kind of company a vendor is; no part of an inferred brand
	compounds   []compoundEnd     // "konferanse", "anwendertreffen": a compound ending in one is that signal
	enrolment   map[string]bool   // "1 enrollment", "course purchase": one course bought on a learning platform, not its plan
	course      map[string]bool   // "certification prep", "academy", "試験対策": a course someone is sent to; its seat count is who goes
	setupWork   map[string]bool   // "professional services", "implementation": specific services words that, with a setup package, are the setup
	makerCode   map[string]string // "sen" -> Atlassian: a maker's own reference code before a number names the maker
	store       map[string]bool   // "app store", "app charges": what follows is a third-party product bought on the platform
	shipper     map[string]bool   // "shippo", "sendcloud": apps that sell shipping, whose labels are their billing
	umbrella    map[string]bool   // "oracle cloud services": a maker's term for all it sells, no product; billing words too
	edition     map[string]bool   // "conf", "forum", "tag der": an event's edition, which a ticket or pass on the line buys admission to
	device      map[string]bool   // "switch", "terminal", "pos": devices named by software words too; after a model number or rented, the device
	deviceWords map[string]int    // a device phrase's first word -> the most words of one ("punto" -> 3): most words start none
	rental      map[string]bool   // "noleggio", "hyra", "レンタル": renting; beside a device, the device's rental
	phase       map[string]bool   // "phase", "vaihe", "etap": beside a number, a project's phase
	fixedPrice  map[string]bool   // "fixed price", "fastpris", "kiinteä hinta": a project's price, unless billed by the period
	line        map[string]bool   // any phrase a line is scanned for: one lookup per n-gram
}

func parseWords(data []byte) (*wordLists, error) {
	w := &wordLists{nonsoftware: map[string]string{}, generic: map[string]bool{},
		context: map[string]bool{}, strong: map[string]bool{}, geo: map[string]bool{}, filler: map[string]bool{},
		specific: map[string]bool{}, billing: map[string]bool{}, payer: map[string]bool{},
		before: map[string]bool{}, after: map[string]bool{}, retail: map[string]bool{}, explicit: map[string]bool{}, firm: map[string]bool{}, function: map[string]bool{}, category: map[string]bool{}, host: map[string]bool{}, document: map[string]bool{},
		usage: map[string]string{}, addon: map[string]bool{}, plan: map[string]bool{}, period: map[string]bool{}, tier: map[string]bool{}, fee: map[string]bool{},
		setup: map[string]bool{}, once: map[string]bool{}, trade: map[string]bool{}, payfee: map[string]string{},
		seats: map[string]bool{}, units: map[string]bool{}, company: map[string]bool{},
		enrolment: map[string]bool{}, course: map[string]bool{}, setupWork: map[string]bool{}, makerCode: map[string]string{}, store: map[string]bool{}, shipper: map[string]bool{}, umbrella: map[string]bool{},
		edition: map[string]bool{}, device: map[string]bool{}, deviceWords: map[string]int{}, rental: map[string]bool{}, phase: map[string]bool{}, fixedPrice: map[string]bool{}}
	for n, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if err := w.addLine(line); err != nil {
			return nil, fmt.Errorf("words.txt line %d: %w", n+1, err)
		}
	}
	w.line = map[string]bool{}
	for k := range w.nonsoftware {
		w.line[k] = true
	}
	for k := range w.usage {
		w.line[k] = true
	}
	for k := range w.payfee {
		w.line[k] = true
	}
	for _, set := range []map[string]bool{w.context, w.strong, w.billing, w.generic, w.geo, w.filler, w.explicit, w.category, w.addon, w.plan, w.period, w.tier, w.fee, w.store} {
		for k := range set {
			w.line[k] = true
		}
	}
	return w, nil
}

// onLine reports whether a line's n-gram is in any list analyzeLine reads;
// a plural of a non-software word counts ("conference tickets").
func (w *wordLists) onLine(k string) bool {
	return w.line[k] || w.signal(k) != ""
}

func (w *wordLists) addLine(line string) error {
	f := strings.Split(line, "|")
	if len(f) != 3 {
		return fmt.Errorf("want kind | label | words, got %d fields", len(f))
	}
	kind, label := strings.TrimSpace(f[0]), strings.TrimSpace(f[1])
	for _, p := range list(f[2]) {
		key := normPhrase(p)
		if key == "" {
			continue
		}
		switch kind {
		case "nonsoftware":
			w.nonsoftware[key] = label
		case "specific":
			w.nonsoftware[key] = label
			w.specific[key] = true
		case "billing":
			w.billing[key] = true
		case "function":
			w.billing[key] = true
			w.function[key] = true
		case "host":
			w.billing[key] = true
			w.host[key] = true
		case "document":
			w.billing[key] = true
			w.document[key] = true
		case "payer":
			w.payer[key] = true
		case "retail":
			w.retail[key] = true
		case "explicit":
			w.explicit[key] = true
		case "category":
			w.category[key] = true
		case "firm":
			w.firm[key] = true
		case "usage":
			w.usage[key] = label
		case "addon":
			w.addon[key] = true
		case "plan":
			w.plan[key] = true
		case "period":
			w.period[key] = true
		case "tier":
			w.tier[key] = true
		case "fee":
			// A fee by the period names its period too.
			w.fee[key] = true
			w.period[key] = true
		case "setup":
			w.setup[key] = true
		case "once":
			w.once[key] = true
		case "payfee":
			w.payfee[key] = label
		case "trade", "counted":
			w.trade[key] = true
		case "seats":
			w.seats[key] = true
		case "units":
			w.seats[key] = true
			w.units[key] = true
		case "company":
			w.company[key] = true
		case "enrolment":
			// One course bought: a course, even from a learning platform.
			w.nonsoftware[key] = label
			w.specific[key] = true
			w.enrolment[key] = true
		case "course":
			// A course, exam or certification: training, and the seats
			// its line counts are the people sent to it.
			w.nonsoftware[key] = label
			w.specific[key] = true
			w.course[key] = true
		case "setupwork":
			w.setupWork[key] = true
		case "makercode":
			w.makerCode[key] = label
		case "store":
			w.store[key] = true
		case "shipper":
			w.shipper[key] = true
		case "umbrella":
			w.umbrella[key] = true
			w.billing[key] = true
		case "edition":
			w.edition[key] = true
		case "device":
			w.device[key] = true
			first, _, _ := strings.Cut(key, " ")
			w.deviceWords[first] = max(w.deviceWords[first], strings.Count(key, " ")+1)
		case "rental":
			w.rental[key] = true
		case "phase":
			w.phase[key] = true
		case "fixedprice":
			// A project's fixed price: professional services, specific.
			w.nonsoftware[key] = label
			w.specific[key] = true
			w.fixedPrice[key] = true
		case "compound":
			w.compounds = append(w.compounds, compoundEnd{end: key, label: label})
		case "mention":
			if label == "before" {
				w.before[key] = true
			} else {
				w.after[key] = true
			}
		case "generic":
			w.generic[key] = true
		case "context":
			w.context[key] = true
		case "strong":
			w.strong[key] = true
		case "geo":
			w.geo[key] = true
		case "filler":
			w.filler[key] = true
		default:
			return fmt.Errorf("unknown kind %q; use nonsoftware, specific, generic, context, strong, explicit, category, firm, usage, addon, plan, period, tier, fee, setup, once, setupwork, enrolment, course, trade, counted, payfee, seats, units, company, compound, makercode, store, shipper, umbrella, edition, device, rental, phase, fixedprice, billing, function, host, document, payer, retail, mention, geo or filler", kind)
		}
	}
	return nil
}

// signal is why a phrase marks a charge as non-software, "" if it does not;
// a plural matches its singular ("conference tickets").
func (w *wordLists) signal(k string) string {
	if why := w.nonsoftware[k]; why != "" {
		return why
	}
	if len(k) > 4 && strings.HasSuffix(k, "s") {
		return w.nonsoftware[k[:len(k)-1]]
	}
	return ""
}

// compoundEnd ends compound words that are a specific signal of label:
// "brukerkonferanse", "användarkonferens", "DATEV-Anwendertreffen" are
// events. Germanic languages write such compounds as one word, which no
// phrase list can hold whole.
type compoundEnd struct{ end, label string }

// compound: the label of the compound ending token t ("brukerkonferanse":
// events), "" when none does. A token that is a listed word itself is read
// as that word ("videokonferenz" is video conferencing, software), and an
// end needs three letters before it to make a compound.
func (w *wordLists) compound(t string) string {
	if len(t) < 8 || w.onLine(t) {
		return ""
	}
	for _, c := range w.compounds {
		if t == c.end || len(t) >= len(c.end)+3 && strings.HasSuffix(t, c.end) {
			return c.label
		}
	}
	return ""
}

// isSpecific is signal's counterpart for the specific words.
func (w *wordLists) isSpecific(k string) bool {
	if w.specific[k] {
		return true
	}
	return len(k) > 4 && strings.HasSuffix(k, "s") && w.specific[k[:len(k)-1]]
}

// normPhrase normalises a dictionary phrase without dropping legal forms or
// "the": in a description "AS" or "Co" may be the word that matters.
func normPhrase(s string) string {
	return strings.Join(tokenize(foldText(s)), " ")
}

// span is a phrase found in a token list.
type span struct {
	start, end int // token positions, end exclusive
	key        string
}

// scan finds every n-gram of toks for which has returns true, longest first
// at each position. starts bounds the n-grams tried: the most words of any
// known phrase beginning with that token, so most tokens cost one lookup.
func scan(toks []string, starts map[string]int, has func(string) bool) []span {
	var out []span
	for i := range toks {
		for n := min(max(starts[toks[i]], 1), len(toks)-i); n >= 1; n-- {
			key := toks[i]
			if n > 1 {
				key = strings.Join(toks[i:i+n], " ")
			}
			if has(key) {
				out = append(out, span{i, i + n, key})
			}
		}
	}
	return out
}
