package ui

import (
	"fmt"
	"sort"
	"strings"
	"unicode"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/bcspend/bcspend/money"
)

// fixState is where a fix stands.
type fixState int

const (
	fixPicking fixState = iota
	fixPreviewing
	fixPreviewed
	fixSaving
	fixCategory // a new application's category is being chosen
	fixCreating // the new application is being saved
)

// fixPicker chooses the application (or ignore) for a transaction or a
// vendor, shows what moves, and saves.
type fixPicker struct {
	c          *common
	base       Fix
	title      string
	canScope   bool // a transaction fix may widen to its vendor
	query      input
	items      []pickItem
	cursor     int
	offset     int
	state      fixState
	preview    Preview
	pending    Fix
	err        error
	width      int
	height     int
	suggestion string
	// lines are the extra scopes of a split invoice (one line each);
	// scope is which one tab has chosen: 0 the base scope, 1..n a line,
	// n+1 the vendor.
	lines     []lineScope
	scope     int
	invoiceID string

	// A new application: its name, the categories to choose from and the
	// cursor among those matching catQuery.
	newApp    string
	cats      []string
	catQuery  input
	catCursor int
}

// lineScope is one line of a split invoice a fix can target alone.
type lineScope struct {
	id    string // invoice id + "/" + line sequence
	label string // "line 20000 (now VMware)"
}

type pickItem struct {
	ignore bool
	create string // "Create application 'Visma'": the typed name
	app    CatalogApp
}

func (p pickItem) label() string {
	switch {
	case p.ignore:
		return "Ignore: not software (keep out of every application)"
	case p.create != "":
		return "Create application '" + p.create + "'"
	}
	return p.app.Name
}

type closeFixMsg struct{}

func newFixPicker(c *common, msg openFixMsg) *fixPicker {
	p := &fixPicker{c: c, base: msg.fix, title: msg.title, canScope: msg.fix.Scope == ScopeTransaction, suggestion: msg.suggestion,
		lines: msg.lines, invoiceID: msg.fix.TransactionID}
	p.refilter()
	for i, it := range p.items {
		if !it.ignore && it.app.Name == msg.suggestion {
			p.cursor = i
		}
	}
	if msg.newApp != "" {
		p.startCategory(msg.newApp)
	}
	return p
}

// fuzzyScore is a subsequence match score: 0 is no match; consecutive and
// word-start hits count more.
func fuzzyScore(text, q string) int {
	if q == "" {
		return 1
	}
	t := []rune(strings.ToLower(text))
	score, ti, run := 0, 0, 0
	for _, qr := range strings.ToLower(q) {
		found := false
		for ; ti < len(t); ti++ {
			if t[ti] == qr {
				run++
				score += 1 + run*2
				if ti == 0 || !unicode.IsLetter(t[ti-1]) {
					score += 5
				}
				ti++
				found = true
				break
			}
			run = 0
		}
		if !found {
			return 0
		}
	}
	return score
}

func (p *fixPicker) refilter() {
	type scored struct {
		it pickItem
		s  int
	}
	var out []scored
	q := p.query.value
	if s := fuzzyScore("ignore not software", q); s > 0 {
		out = append(out, scored{pickItem{ignore: true}, s + 1000*boolInt(q == "")})
	}
	for _, a := range p.c.catalog {
		s := max(fuzzyScore(a.Name, q)*2, fuzzyScore(a.Name+" "+a.Vendor+" "+a.Category, q))
		if s > 0 {
			if q == "" && a.Name == p.suggestion {
				s += 500
			}
			out = append(out, scored{pickItem{app: a}, s})
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].s != out[j].s && q != "" {
			return out[i].s > out[j].s
		}
		if q == "" && out[i].s != out[j].s {
			return out[i].s > out[j].s
		}
		return strings.ToLower(out[i].it.label()) < strings.ToLower(out[j].it.label())
	})
	p.items = p.items[:0]
	name := strings.TrimSpace(q)
	strong := name == "" || p.hasStrongMatch(name)
	if !strong { // nothing in the catalog is close: creating it comes first
		p.items = append(p.items, pickItem{create: name})
	}
	for _, s := range out {
		p.items = append(p.items, s.it)
	}
	if strong && name != "" && !p.exact(name) {
		p.items = append(p.items, pickItem{create: name})
	}
	p.cursor, p.offset = 0, 0
	if q == "" && p.suggestion != "" && len(p.items) > 1 {
		p.cursor = 1 // the suggestion sits right under "ignore"
	}
}

// strongScore is the name score (fuzzyScore) from which a match is
// confident, per typed character: about one word start or a run of three
// per letter ("adbcc" for Adobe Creative Cloud is; letters scattered over
// a name or its vendor, Jira Service Management for "visma", are not).
const strongScore = 5

// hasStrongMatch reports whether some application's name contains the
// typed text or matches it confidently; weaker matches are listed but
// never preselected.
func (p *fixPicker) hasStrongMatch(q string) bool {
	lq := strings.ToLower(q)
	for _, a := range p.c.catalog {
		if strings.Contains(strings.ToLower(a.Name), lq) || fuzzyScore(a.Name, q) >= strongScore*len([]rune(q)) {
			return true
		}
	}
	return false
}

// exact reports whether an application has the typed name.
func (p *fixPicker) exact(q string) bool {
	for _, a := range p.c.catalog {
		if strings.EqualFold(a.Name, q) {
			return true
		}
	}
	return false
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func (p *fixPicker) SetSize(w, h int) { p.width, p.height = w, h }

func (p *fixPicker) listHeight() int { return max(3, p.height-16) }

// Move moves the cursor (keys and wheel).
func (p *fixPicker) Move(d int) {
	if p.state != fixPicking || len(p.items) == 0 {
		return
	}
	p.cursor = max(0, min(p.cursor+d, len(p.items)-1))
	h := p.listHeight()
	if p.cursor < p.offset {
		p.offset = p.cursor
	}
	if p.cursor >= p.offset+h {
		p.offset = p.cursor - h + 1
	}
}

func (p *fixPicker) Paste(msg tea.PasteMsg) {
	if p.state == fixPicking && p.query.Update(msg, &p.c.keys) {
		p.refilter()
	}
}

// Update: the letters type the search, so the list moves with the keys
// that type nothing (PickUp, PickDown, the page keys).
func (p *fixPicker) Update(msg tea.KeyPressMsg) tea.Cmd {
	k := &p.c.keys
	switch p.state {
	case fixPreviewed:
		switch {
		case key.Matches(msg, k.Enter, k.Yes):
			return p.save()
		case key.Matches(msg, k.Back, k.No):
			p.state = fixPicking
		}
		return nil
	case fixPreviewing, fixSaving, fixCreating:
		if key.Matches(msg, k.Back) {
			p.state = fixPicking
		}
		return nil
	case fixCategory:
		return p.categoryKey(msg)
	}
	switch {
	case key.Matches(msg, k.Back):
		if p.query.value != "" {
			p.query.value = ""
			p.refilter()
			return nil
		}
		return p.c.post(closeFixMsg{})
	case key.Matches(msg, k.Enter):
		return p.requestPreview()
	case key.Matches(msg, k.PickUp):
		p.Move(-1)
	case key.Matches(msg, k.PickDown):
		p.Move(1)
	case key.Matches(msg, k.PageUp):
		p.Move(-p.listHeight())
	case key.Matches(msg, k.PageDown):
		p.Move(p.listHeight())
	case key.Matches(msg, k.Scope):
		if p.canScope {
			p.nextScope()
		}
	default:
		if p.query.Update(msg, k) {
			p.refilter()
		}
	}
	return nil
}

// nextScope cycles: the transaction (a whole invoice), each line of a
// split invoice, every charge of the vendor.
func (p *fixPicker) nextScope() {
	p.scope = (p.scope + 1) % (len(p.lines) + 2)
	switch {
	case p.scope == 0:
		p.base.Scope, p.base.TransactionID = ScopeTransaction, p.invoiceID
	case p.scope <= len(p.lines):
		p.base.Scope, p.base.TransactionID = ScopeTransaction, p.lines[p.scope-1].id
	default:
		p.base.Scope, p.base.TransactionID = ScopeVendor, p.invoiceID
	}
}

// chosen is the fix the cursor describes.
func (p *fixPicker) chosen() (Fix, bool) {
	if p.cursor >= len(p.items) {
		return Fix{}, false
	}
	f := p.base
	it := p.items[p.cursor]
	if it.ignore {
		f.Ignore = true
	} else {
		f.App = it.app.Name
	}
	return f, true
}

func (p *fixPicker) requestPreview() tea.Cmd {
	if p.cursor < len(p.items) && p.items[p.cursor].create != "" {
		p.startCategory(p.items[p.cursor].create)
		return nil
	}
	f, ok := p.chosen()
	if !ok {
		return nil
	}
	return p.askPreview(f)
}

func (p *fixPicker) askPreview(f Fix) tea.Cmd {
	p.state, p.pending, p.err = fixPreviewing, f, nil
	b := p.c.b
	return func() tea.Msg {
		pv, err := b.PreviewFix(f)
		return previewMsg{fix: f, p: pv, err: err}
	}
}

// Previewed shows the preview if it is still the one asked for.
func (p *fixPicker) Previewed(msg previewMsg) {
	if p.state != fixPreviewing || msg.fix != p.pending {
		return
	}
	p.preview, p.err = msg.p, msg.err
	p.state = fixPreviewed
	if msg.err != nil {
		p.state = fixPicking
	}
}

func (p *fixPicker) save() tea.Cmd {
	if p.err != nil {
		return nil
	}
	p.state = fixSaving
	b, f := p.c.b, p.pending
	return func() tea.Msg { return appliedMsg{fix: f, err: b.ApplyFix(f)} }
}

func describeFix(f Fix) string {
	target := "→ " + f.App
	if f.Ignore {
		target = "ignored (not software)"
	}
	if f.Scope == ScopeVendor {
		return "every " + f.VendorName + " charge " + target
	}
	return "this " + f.VendorName + " charge " + target
}

func (p *fixPicker) View() string {
	st := &p.c.st
	bw := min(p.width-4, 84)
	inner := bw - st.Box.GetHorizontalFrameSize()
	var lines []string
	lines = append(lines, st.Bold.Render("Fix the match: ")+p.title)
	scope := "this transaction only"
	if len(p.lines) > 0 {
		scope = "this whole invoice"
	}
	if p.scope > 0 && p.scope <= len(p.lines) {
		scope = "only " + p.lines[p.scope-1].label + " of this invoice"
	}
	if p.base.Scope == ScopeVendor {
		scope = "every transaction of " + p.base.VendorName + " (a rule: past and future, survives re-syncs)"
	}
	sc := "Scope: " + scope
	if p.canScope {
		sc += st.Dim.Render("  (" + keyName(p.c.keys.Scope) + " changes)")
	}
	lines = append(lines, wrap(sc, inner)...)
	lines = append(lines, "")
	switch p.state {
	case fixPreviewed, fixSaving:
		lines = append(lines, p.previewLines(inner)...)
	case fixPreviewing:
		lines = append(lines, "Working out what moves…")
	case fixCategory:
		lines = append(lines, p.categoryLines(inner)...)
	case fixCreating:
		lines = append(lines, "Creating "+p.newApp+"…")
	default:
		lines = append(lines, p.pickLines(inner)...)
	}
	return st.Box.Width(bw).Render(strings.Join(lines, "\n"))
}

func (p *fixPicker) pickLines(inner int) []string {
	st := &p.c.st
	lines := []string{"Application: " + p.query.View(true, inner-14)}
	if p.err != nil {
		lines = append(lines, st.Error.Render("Preview failed: ")+errText(p.err))
	}
	h := p.listHeight()
	for i := p.offset; i < min(len(p.items), p.offset+h); i++ {
		it := p.items[i]
		label := it.label()
		if !it.ignore && it.app.Category != "" {
			label = cell(label, 28, false) + " " + st.Dim.Render(it.app.Category)
		}
		if !it.ignore && it.app.Name == p.suggestion {
			label += st.Accent.Render("  ★ suggested")
		}
		if i == p.cursor {
			lines = append(lines, st.Selected.Render(fit("▸ "+label, inner)))
		} else {
			lines = append(lines, "  "+label)
		}
	}
	k := p.c.keys
	if len(p.items) == 0 {
		lines = append(lines, st.Dim.Render("  No application matches; "+keyName(k.Back)+" clears the search."))
	}
	lines = append(lines, "", st.Dim.Render("type to search · "+p.chooseHint()+" · "+hint(relabel(k.Enter, "preview"), relabel(k.Back, "cancel"))))
	return lines
}

// chooseHint is "↑/↓ choose": the keys that move a picker's list.
func (p *fixPicker) chooseHint() string {
	return keyName(p.c.keys.PickUp) + "/" + keyName(p.c.keys.PickDown) + " choose"
}

func (p *fixPicker) previewLines(inner int) []string {
	st := &p.c.st
	lines := []string{st.Bold.Render("Preview: ") + describeFix(p.pending)}
	if len(p.preview.Moves) == 0 {
		lines = append(lines, "Nothing moves: the transactions are already there.")
	}
	for _, mv := range p.preview.Moves {
		from, to := orDash(mv.From, "(unmatched)"), orDash(mv.To, "(unmatched)")
		if p.pending.Ignore && mv.To == "" {
			to = "(ignored)"
		}
		lines = append(lines, wrap(fmt.Sprintf("• moves %s / %s from %s to %s",
			money.Plural(mv.Transactions, "transaction", "transactions"), fmtMoneyAll(mv.Spend), from, to), inner)...)
	}
	foot := hint(relabel(p.c.keys.Enter, "save"), relabel(p.c.keys.Back, "back"))
	if p.state == fixSaving {
		foot = "Saving…"
	}
	return append(lines, "", st.Dim.Render(foot))
}

// createdAppMsg ends the creation of a custom application.
type createdAppMsg struct {
	name, category string
	err            error
}

// startCategory asks for the new application's category, the vendor's
// likely one (its suggestion's) or "Other" chosen.
func (p *fixPicker) startCategory(name string) {
	p.newApp, p.state, p.err = name, fixCategory, nil
	seen := map[string]bool{"Other": true}
	p.cats = []string{"Other"}
	def := "Other"
	for _, a := range p.c.catalog {
		if a.Name == p.suggestion && a.Category != "" {
			def = a.Category
		}
		if a.Category != "" && !seen[a.Category] {
			seen[a.Category] = true
			p.cats = append(p.cats, a.Category)
		}
	}
	sort.Strings(p.cats)
	p.catQuery.value, p.catCursor = "", 0
	for i, c := range p.cats {
		if c == def {
			p.catCursor = i
		}
	}
}

// shownCats are the categories matching what is typed.
func (p *fixPicker) shownCats() []string {
	q := strings.ToLower(strings.TrimSpace(p.catQuery.value))
	if q == "" {
		return p.cats
	}
	var out []string
	for _, c := range p.cats {
		if strings.Contains(strings.ToLower(c), q) {
			out = append(out, c)
		}
	}
	if len(out) == 0 {
		out = []string{strings.TrimSpace(p.catQuery.value)} // a new category
	}
	return out
}

func (p *fixPicker) categoryKey(msg tea.KeyPressMsg) tea.Cmd {
	cats, k := p.shownCats(), &p.c.keys
	switch {
	case key.Matches(msg, k.Back):
		p.state = fixPicking
	case key.Matches(msg, k.PickUp):
		p.catCursor = max(0, p.catCursor-1)
	case key.Matches(msg, k.PickDown):
		p.catCursor = min(len(cats)-1, p.catCursor+1)
	case key.Matches(msg, k.Enter):
		cat := cats[min(p.catCursor, len(cats)-1)]
		p.state = fixCreating
		b, name := p.c.b, p.newApp
		return func() tea.Msg { return createdAppMsg{name: name, category: cat, err: b.CreateApp(name, cat)} }
	default:
		if p.catQuery.Update(msg, k) {
			p.catCursor = 0
		}
	}
	return nil
}

// Created continues the fix with the new application: it is in the
// catalog now, and the preview of the fix follows.
func (p *fixPicker) Created(msg createdAppMsg) tea.Cmd {
	if p.state != fixCreating || msg.name != p.newApp {
		return nil
	}
	if msg.err != nil {
		p.state, p.err = fixCategory, msg.err
		return nil
	}
	p.c.catalog = append(p.c.catalog, CatalogApp{Name: msg.name, Category: msg.category, Custom: true})
	f := p.base
	f.App = msg.name
	return p.askPreview(f)
}

func (p *fixPicker) categoryLines(inner int) []string {
	st := &p.c.st
	lines := []string{st.Bold.Render("New application: ") + p.newApp, "Category: " + p.catQuery.View(true, inner-11)}
	if p.err != nil {
		lines = append(lines, st.Error.Render("Could not create it: ")+errText(p.err))
	}
	cats := p.shownCats()
	h := p.listHeight()
	off := max(0, p.catCursor-h+1)
	for i := off; i < min(len(cats), off+h); i++ {
		if i == p.catCursor {
			lines = append(lines, st.Selected.Render(fit("▸ "+cats[i], inner)))
		} else {
			lines = append(lines, "  "+cats[i])
		}
	}
	k := p.c.keys
	return append(lines, "", st.Dim.Render("type to search or name a new category · "+p.chooseHint()+" · "+hint(relabel(k.Enter, "create"), relabel(k.Back, "back"))))
}
