package match

import (
	"strings"
	"sync"

	"github.com/bcspend/bcspend/untrusted"
)

// Matcher decides which application a transaction pays for. It is built from
// a catalog and the admin's rules; when the rules change, build a new one.
// Safe for concurrent use.
type Matcher struct {
	cat    *Catalog
	manual map[string]Rule // transaction id -> fix; bypasses the cache
	rules  []compiledRule

	// A store holds far fewer distinct (vendor, description) pairs than
	// transactions, so decisions are cached twice: by the raw strings (no
	// normalisation on a hit) and by their normalised form (so spelling
	// variants share one decision).
	mu   sync.RWMutex
	raw  map[rawKey]*Decision
	norm map[string]*Decision
}

type rawKey struct{ vendor, desc string }

// maxCache bounds memory on stores with unusually many distinct pairs; the
// cache is simply dropped when full, which costs one recomputation each.
const maxCache = 1 << 20

// NewMatcher prepares a matcher. Invalid rules are skipped (validate them with
// Rule.Validate before saving).
func NewMatcher(c *Catalog, rules []Rule) *Matcher {
	manual, ordered := compileRules(rules)
	return &Matcher{cat: c, manual: manual, rules: ordered,
		raw: map[rawKey]*Decision{}, norm: map[string]*Decision{}}
}

// Catalog is the catalog the matcher uses.
func (m *Matcher) Catalog() *Catalog { return m.cat }

// Match decides one transaction.
func (m *Matcher) Match(in Input) Decision {
	if r, ok := m.manual[in.TransactionID]; ok && in.TransactionID != "" {
		return m.cat.ruleDecision(r, MethodManual)
	}
	rk := rawKey{vendor: in.VendorName, desc: joinRaw(in.Descriptions)}
	m.mu.RLock()
	d, ok := m.raw[rk]
	m.mu.RUnlock()
	if ok {
		return d.clone()
	}
	vendor, lines, infos := m.normalize(in)
	nk := vendor + "\x00" + strings.Join(lines, "\x1f")
	as := m.cat.writtenAs(in.VendorName, vendor)
	if as.legal {
		nk = "\x01" + nk // the same key written another way is another company
	}
	if as.descriptor {
		nk = "\x02" + nk // or a card descriptor of what a maker sold
	}
	m.mu.RLock()
	d, ok = m.norm[nk]
	m.mu.RUnlock()
	if !ok {
		dec := m.decide(vendor, lines, infos, as)
		d = &dec
	}
	m.store(rk, nk, d)
	if d.Method == MethodUnknownProduct && d.brandWords != "" {
		// A vendor read from a line is spelled as the line writes it.
		dec := d.clone()
		dec.Vendor = spelledIn(in.Descriptions, d.brandWords)
		m.mu.Lock()
		m.raw[rk] = &dec
		m.mu.Unlock()
		return dec.clone()
	}
	if d.Method == MethodInferred {
		// The brand keeps the vendor's own spelling, which normalising lost;
		// spelling variants share the decision, so it is set per raw name.
		dec := d.clone()
		dec.Suggest = m.cat.asLinesName(brandOf(in.VendorName, m.cat.words), in.Descriptions, lines, infos)
		m.mu.Lock()
		m.raw[rk] = &dec
		m.mu.Unlock()
		return dec.clone()
	}
	return d.clone()
}

// clone copies a cached decision, Apps included, so callers cannot change
// the cache.
func (d *Decision) clone() Decision {
	c := *d
	if c.Apps != nil {
		c.Apps = append([]string(nil), c.Apps...)
	}
	return c
}

func joinRaw(descs []string) string {
	if len(descs) == 1 {
		return descs[0]
	}
	return strings.Join(descs, "\x1f")
}

func (m *Matcher) store(rk rawKey, nk string, d *Decision) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if len(m.raw) >= maxCache {
		m.raw = map[rawKey]*Decision{}
	}
	if len(m.norm) >= maxCache {
		m.norm = map[string]*Decision{}
	}
	m.raw[rk] = d
	m.norm[nk] = d
}

// normalize gives the vendor in Normalize form and each non-empty line as
// words (legal forms kept: in a description they may be product words),
// with what each line says; both come from the catalog's memo when seen.
func (m *Matcher) normalize(in Input) (string, []string, []lineInfo) {
	var lines []string
	var infos []lineInfo
	for _, d := range in.Descriptions {
		if e := m.cat.line(d); e.norm != "" {
			lines = append(lines, e.norm)
			infos = append(infos, e.info)
		}
	}
	return m.cat.vendor(in.VendorName), lines, infos
}

// decide runs the rules, then the catalog layers.
func (m *Matcher) decide(vendor string, lines []string, infos []lineInfo, as written) Decision {
	padded := make([]string, len(lines))
	for i, l := range lines {
		padded[i] = " " + l + " "
	}
	for _, r := range m.rules {
		if r.applies(vendor, padded) {
			return m.cat.ruleDecision(r.Rule, MethodRule)
		}
	}
	return m.cat.decideInfos(vendor, infos, as)
}

// MatchAll decides many inputs; a convenience for re-matching a store.
func (m *Matcher) MatchAll(ins []Input) []Decision {
	out := make([]Decision, len(ins))
	for i, in := range ins {
		out[i] = m.Match(in)
	}
	return out
}

// spelledIn finds words whose normal form is norm in the raw lines and
// returns them as written ("NetApp" for "netapp"), or norm when no line has
// them.
func spelledIn(raws []string, norm string) string {
	want := strings.Fields(norm)
	for _, raw := range raws {
		words := strings.Fields(untrusted.Text(raw))
		for i := range words {
			if len(tokenize(foldText(words[i]))) == 0 {
				continue // "-": a name starts at a word
			}
			var got []string
			for j := i; j < len(words) && len(got) < len(want); j++ {
				got = append(got, tokenize(foldText(words[j]))...)
				if len(got) >= len(want) && strings.Join(got, " ") == norm {
					b := strings.Trim(strings.Join(words[i:j+1], " "), ",.;:()[]{}\"'-")
					if r := []rune(b); len(r) > maxBrand {
						b = string(r[:maxBrand])
					}
					return b
				}
			}
		}
	}
	return norm
}
