package spend

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"math"
	"unicode/utf8"

	"github.com/bcspend/bcspend/match"
	"github.com/bcspend/bcspend/store"
)

// Stored decisions. A console starting with a fresh matcher used to decide
// every distinct input of the store again (18,000 for 400,000 lines: most
// of a cold start). Load now reads the decisions an earlier run stored for
// the same fingerprint and decides only the inputs without one; the caller
// stores what was decided (SaveDecisions), off the path that shows the
// screen. A decision depends only on its input, the catalog, the rules and
// the code (match.NewMatcher takes nothing else), so the fingerprint is a
// digest of those: the format below, the executable's build ID (code, the
// embedded catalog and vocabulary), the catalog's own fingerprint (user
// catalog and custom applications included) and the rules. Any change gives
// another fingerprint, whose decisions are not stored yet.
//
// A stored record is untrusted (a damaged file, a hostile edit): the store
// skips one whose checksum fails, and decodeDecision accepts only what the
// matcher could have decided with this catalog (see checkDecision); any
// other record is decided again, never shown.
const decisionFormat = "bcspend decisions 1"

// decisionFingerprint is nil when the build is unknown: without the code's
// identity nothing may be stored or read.
func decisionFingerprint(catFP [sha256.Size]byte, rules string) []byte {
	build := buildID()
	if build == "" {
		return nil
	}
	h := sha256.New()
	for _, part := range []string{decisionFormat, build, string(catFP[:]), rules} {
		h.Write(binary.AppendUvarint(nil, uint64(len(part))))
		h.Write([]byte(part))
	}
	return h.Sum(nil)
}

// storedDecisions reads the decisions stored for the matcher in force:
// decs[i] is input i's when have[i]. Both are nil when there is no
// fingerprint; a read that fails leaves the rest to the matcher (the store
// is only a shortcut).
func (m *Model) storedDecisions(db *store.DB) (decs []match.Decision, have []bool) {
	if m.fp == nil || db == nil {
		return nil, nil
	}
	d := &m.d
	decs, have = make([]match.Decision, len(d.inputs)), make([]bool, len(d.inputs))
	check := newDecisionCheck(m.cat)
	_, err := db.Decisions(m.fp, func(k, v []byte) {
		i, ok := d.keyIdx[string(k)]
		if !ok {
			return // an input no longer in the store
		}
		if dec, err := decodeDecision(v, check); err == nil {
			decs[i], have[i] = dec, true
		}
	})
	if err != nil {
		return nil, nil
	}
	return decs, have
}

// SaveDecisions stores the decisions the matcher made since the last save
// (Load's, a granularity switch's, a rule change's), so that the next start
// with the same catalog, rules and bcspend reads them. It writes one
// transaction (some 4 MB for 18,000 inputs) and may wait for another
// process's lock: call it off the path that shows the screen. Nothing to
// save, or no build identity, is no error; a failed write leaves the next
// start to decide them again.
func (m *Model) SaveDecisions(db *store.DB) error {
	m.saveMu.Lock()
	defer m.saveMu.Unlock()
	m.mu.RLock()
	fp, gen, n := m.fp, m.unsavedGen, len(m.unsaved)
	recs := m.unsavedRecords()
	m.mu.RUnlock()
	if len(recs) > 0 {
		if err := db.PutDecisions(fp, recs); err != nil {
			return err
		}
	}
	m.mu.Lock()
	if m.unsavedGen == gen {
		m.unsaved = m.unsaved[n:]
	}
	m.mu.Unlock()
	return nil
}

// unsavedRecords encodes the unsaved decisions of inputs still derived.
// Rule decisions are left out: cheap to make again, and their app may be
// one the catalog lacks, which checkDecision could not tell from damage.
func (m *Model) unsavedRecords() []store.DecisionRecord {
	if m.fp == nil {
		return nil
	}
	var recs []store.DecisionRecord
	for _, k := range m.unsaved {
		i, ok := m.d.keyIdx[k]
		if !ok || len(k) > store.MaxDecisionKey {
			continue
		}
		if v, ok := encodeDecision(&m.d.decs[i]); ok {
			recs = append(recs, store.DecisionRecord{Key: []byte(k), Value: v})
		}
	}
	return recs
}

// noteDecided records the inputs the matcher decided (those have does not
// mark: read from the store or kept) for SaveDecisions. A new fingerprint,
// or every input decided anew, starts a new list.
func (m *Model) noteDecided(fp []byte, have []bool) {
	if have == nil || string(fp) != string(m.unsavedFP) {
		m.unsaved, m.unsavedFP = nil, fp
		m.unsavedGen++
	}
	if fp == nil {
		return
	}
	for i, k := range m.d.keys {
		if have == nil || !have[i] {
			m.unsaved = append(m.unsaved, k)
		}
	}
}

// The payload of a stored decision, format 1 (the store adds its checksum):
//
//	0x01
//	app, category, method  str (uvarint length, UTF-8)
//	confidence             8 bytes, the float64's bits, big-endian
//	reason                 str
//	flags                  byte: 1 ignored, 2 suggest lines
//	vendor, suggest        str
//	apps                   uvarint count, then str each
//
// No rule id: rule decisions are not stored.
const decisionV1 = 0x01

func encodeDecision(d *match.Decision) ([]byte, bool) {
	if d.RuleID != "" || d.Method == match.MethodRule || d.Method == match.MethodManual {
		return nil, false
	}
	n := 32 + len(d.App) + len(d.Category) + len(d.Method) + len(d.Reason) + len(d.Vendor) + len(d.Suggest)
	for _, a := range d.Apps {
		n += len(a) + 2
	}
	b := make([]byte, 0, n)
	b = append(b, decisionV1)
	b = appendStr(b, d.App)
	b = appendStr(b, d.Category)
	b = appendStr(b, string(d.Method))
	b = binary.BigEndian.AppendUint64(b, math.Float64bits(d.Confidence))
	b = appendStr(b, d.Reason)
	var flags byte
	if d.Ignored {
		flags |= 1
	}
	if d.SuggestLines {
		flags |= 2
	}
	b = append(b, flags)
	b = appendStr(b, d.Vendor)
	b = appendStr(b, d.Suggest)
	b = binary.AppendUvarint(b, uint64(len(d.Apps)))
	for _, a := range d.Apps {
		b = appendStr(b, a)
	}
	return b, true
}

func appendStr(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

var errBadDecision = errors.New("spend: stored decision does not decode")

// decodeDecision reads a payload strictly (every length bounded by what is
// left, no byte left over) and checks it with check. Its strings are
// substrings of one copy of v: one allocation per decision, and v (the
// file's memory) is not kept.
func decodeDecision(v []byte, check *decisionCheck) (match.Decision, error) {
	r := decisionReader{s: string(v)}
	if r.byte() != decisionV1 {
		return match.Decision{}, errBadDecision
	}
	var d match.Decision
	d.App, d.Category = r.str(), r.str()
	d.Method = match.Method(r.str())
	d.Confidence = math.Float64frombits(r.uint64())
	d.Reason = r.str()
	flags := r.byte()
	d.Ignored, d.SuggestLines = flags&1 != 0, flags&2 != 0
	d.Vendor, d.Suggest = r.str(), r.str()
	if n := r.uvarint(); n > 0 && n <= uint64(len(r.s)) {
		d.Apps = make([]string, n)
		for i := range d.Apps {
			d.Apps[i] = r.str()
		}
	} else if n > 0 {
		r.bad = true
	}
	if r.bad || len(r.s) != 0 || flags&^3 != 0 || !check.ok(&d) {
		return match.Decision{}, errBadDecision
	}
	return d, nil
}

// decisionReader reads a payload; any read past its end sets bad.
type decisionReader struct {
	s   string
	bad bool
}

func (r *decisionReader) byte() byte {
	if len(r.s) < 1 {
		r.bad = true
		return 0
	}
	b := r.s[0]
	r.s = r.s[1:]
	return b
}

func (r *decisionReader) uint64() uint64 {
	if len(r.s) < 8 {
		r.bad = true
		return 0
	}
	v := binary.BigEndian.Uint64([]byte(r.s[:8]))
	r.s = r.s[8:]
	return v
}

func (r *decisionReader) uvarint() uint64 {
	var v uint64
	for shift := uint(0); shift < 64; shift += 7 {
		if len(r.s) == 0 {
			break
		}
		c := r.s[0]
		r.s = r.s[1:]
		v |= uint64(c&0x7f) << shift
		if c < 0x80 {
			return v
		}
	}
	r.bad = true
	return 0
}

func (r *decisionReader) str() string {
	n := r.uvarint()
	if r.bad || n > uint64(len(r.s)) {
		r.bad = true
		return ""
	}
	s := r.s[:n]
	r.s = r.s[n:]
	if !utf8.ValidString(s) {
		r.bad = true
	}
	return s
}

// storedMethods are the methods a stored decision may have: every layer
// of the catalog's, not a rule's or a manual fix's.
var storedMethods = map[match.Method]bool{
	match.MethodKeyword: true, match.MethodAlias: true, match.MethodName: true, match.MethodFuzzy: true,
	match.MethodIgnored: true, match.MethodNone: true, match.MethodUnknownProduct: true, match.MethodInferred: true,
}

// decisionCheck accepts a decoded decision only if this catalog could have
// made it: a known method, a confidence in [0, 1], its app (and every app
// it lists) an application of the catalog under its exact name, with that
// application's category, and no app when it is ignored. Free text (the
// reason, a vendor or suggestion read from BC's lines) is BC's text, which
// every output path treats as untrusted anyway. Lookups are memoised per
// name: a store has a few thousand apps among 18,000 decisions.
type decisionCheck struct {
	cat  *match.Catalog
	apps map[string]string // name -> category; "\x00" not an app
}

func newDecisionCheck(cat *match.Catalog) *decisionCheck {
	return &decisionCheck{cat: cat, apps: map[string]string{}}
}

func (c *decisionCheck) ok(d *match.Decision) bool {
	if !storedMethods[d.Method] || math.IsNaN(d.Confidence) || d.Confidence < 0 || d.Confidence > 1 {
		return false
	}
	if d.Ignored && d.App != "" {
		return false
	}
	if d.App == "" {
		if d.Category != "" {
			return false
		}
	} else if cat, ok := c.category(d.App); !ok || cat != d.Category {
		return false
	}
	for _, a := range d.Apps {
		if _, ok := c.category(a); !ok {
			return false
		}
	}
	return true
}

// category is the category of the catalog's application named exactly
// name; ok is false when there is none.
func (c *decisionCheck) category(name string) (string, bool) {
	cat, seen := c.apps[name]
	if !seen {
		cat = "\x00"
		if a, ok := c.cat.App(name); ok && a.Name == name {
			cat = a.Category
		}
		c.apps[name] = cat
	}
	return cat, cat != "\x00"
}
