package spend

import (
	"encoding/binary"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/bcspend/bcspend/match"
	"github.com/bcspend/bcspend/spend/spendtest"
	"github.com/bcspend/bcspend/store"
)

// Stored decisions are tested over a real file: decide, save, close; then
// change one thing a decision depends on, reopen, and see the decision the
// change makes, not the stored one.

var builtin = sync.OnceValue(match.MustLoadBuiltin)

const (
	widgetVendor = "Fjordline Widgets AS" // no catalog application: unmatched
	widgetLine   = "Annual subscription"
)

// widgetFile is a closed store with one charge of widgetVendor and one of
// Slack, whose decisions a first start stored.
func widgetFile(t *testing.T, cat *match.Catalog) string {
	t.Helper()
	db := spendtest.Open(t)
	spendtest.Connect(t, db)
	spendtest.CommitRun(t, db, spendtest.CompanyEU, "r1",
		spendtest.Inv{N: 1, Vendor: widgetVendor, Date: spendtest.Day(2026, 10, 5), Local: "EUR",
			Lines: []spendtest.Line{{Desc: widgetLine, Amount: "100.00"}}},
		spendtest.Inv{N: 2, Vendor: "Slack Technologies Ltd", Date: spendtest.Day(2026, 10, 6), Local: "EUR",
			Lines: []spendtest.Line{{Desc: "Slack Pro", Amount: "80.00"}}})
	m := loadAt(t, db, cat)
	if len(m.unsaved) == 0 {
		t.Fatal("a first start decided nothing to save")
	}
	if err := m.SaveDecisions(db); err != nil {
		t.Fatal(err)
	}
	path := db.Path()
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

func loadAt(t *testing.T, db *store.DB, cat *match.Catalog) *Model {
	t.Helper()
	m, err := Load(db, cat, Options{Now: spendtest.Now})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// reopen opens path again with a fresh matcher (no kept one: a new
// process) and loads it with cat.
func reopen(t *testing.T, path string, cat *match.Catalog) (*Model, *store.DB) {
	t.Helper()
	dropKept()
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	return loadAt(t, db, cat), db
}

// appOf is the application of vendor's transaction.
func appOf(t *testing.T, m *Model, vendor string) string {
	t.Helper()
	for _, tx := range m.d.txs {
		if tx.VendorName == vendor {
			return tx.App
		}
	}
	t.Fatalf("no transaction of %s", vendor)
	return ""
}

// plant stores, under m's fingerprint, decision d for vendor's input: a
// decision another build could have made, told apart by its app. It shows
// which decisions a later Load takes from the file.
func plant(t *testing.T, db *store.DB, m *Model, vendor string, d match.Decision) {
	t.Helper()
	for i, in := range m.d.inputs {
		if in.VendorName != vendor {
			continue
		}
		v, ok := encodeDecision(&d)
		if !ok {
			t.Fatal("the planted decision does not encode")
		}
		if err := db.PutDecisions(m.fp, []store.DecisionRecord{{Key: []byte(m.d.keys[i]), Value: v}}); err != nil {
			t.Fatal(err)
		}
	}
}

// zoom is a decision of the catalog's that no matcher makes for the
// widget vendor.
func zoom(t *testing.T, cat *match.Catalog) match.Decision {
	a, ok := cat.App("Zoom")
	if !ok {
		t.Fatal("no Zoom in the catalog")
	}
	return match.Decision{App: a.Name, Category: a.Category, Method: match.MethodAlias, Confidence: 0.9, Reason: "planted"}
}

// The next start reads what the first stored: nothing is decided again,
// and a decision planted in the file is the one shown, at both
// granularities (a switch keeps the decisions it has).
func TestAStartReadsTheStoredDecisions(t *testing.T) {
	path := widgetFile(t, builtin())
	m, db := reopen(t, path, builtin())
	if len(m.unsaved) != 0 {
		t.Errorf("%d inputs decided again on an unchanged file", len(m.unsaved))
	}
	plant(t, db, m, widgetVendor, zoom(t, builtin()))
	m, _ = reopen(t, path, builtin())
	if got := appOf(t, m, widgetVendor); got != "Zoom" {
		t.Fatalf("the widget charge is %q, want the stored Zoom", got)
	}
	if err := m.SetGranularity(PerLine); err != nil {
		t.Fatal(err)
	}
	if got := appOf(t, m, widgetVendor); got != "Zoom" {
		t.Errorf("after a granularity switch the widget charge is %q, want the stored Zoom", got)
	}
	if len(m.unsaved) != 0 {
		t.Errorf("the switch decided %d inputs again", len(m.unsaved))
	}
}

// An admin's rule, added by another process while nothing runs, decides
// at the next start: the stored decision made without it is not used.
func TestARuleInvalidatesStoredDecisions(t *testing.T) {
	path := widgetFile(t, builtin())
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	rule, _ := json.Marshal(match.Rule{ID: "r1", Kind: match.RuleVendor, VendorName: widgetVendor, App: "Zoom"})
	if err := db.PutRule("r1", rule); err != nil {
		t.Fatal(err)
	}
	db.Close()
	m, _ := reopen(t, path, builtin())
	if got := appOf(t, m, widgetVendor); got != "Zoom" {
		t.Errorf("with a rule to Zoom the widget charge is %q", got)
	}
}

// A custom application (created in the console, stored in the file)
// decides at the next start.
func TestACustomAppInvalidatesStoredDecisions(t *testing.T) {
	path := widgetFile(t, builtin())
	custom, err := match.LoadCatalogWith("", []match.App{{Name: "Fjordline", Category: "Finance", Vendors: []string{widgetVendor}}})
	if err != nil {
		t.Fatal(err)
	}
	m, _ := reopen(t, path, custom)
	if got := appOf(t, m, widgetVendor); got != "Fjordline" {
		t.Errorf("with the custom app the widget charge is %q, want Fjordline", got)
	}
}

// An edit of the user's catalog.txt (the widget vendor's name added to an
// application's vendor names) decides at the next start.
func TestAUserCatalogChangeInvalidatesStoredDecisions(t *testing.T) {
	user := filepath.Join(t.TempDir(), "catalog.txt")
	write := func(vendors string) *match.Catalog {
		t.Helper()
		text := "app | Fjordline Ledger | Finance | fjordline.example | | " + vendors + " | | \n"
		if err := os.WriteFile(user, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		cat, err := match.LoadCatalog(user)
		if err != nil {
			t.Fatal(err)
		}
		return cat
	}
	before := write("Fjordline Holding")
	path := widgetFile(t, before)
	if m, _ := reopen(t, path, before); appOf(t, m, widgetVendor) != "" || len(m.unsaved) != 0 {
		t.Fatalf("before the edit the widget charge is %q (%d decided again), want unmatched from the file",
			appOf(t, m, widgetVendor), len(m.unsaved))
	}
	m, _ := reopen(t, path, write("Fjordline Holding; "+widgetVendor))
	if got := appOf(t, m, widgetVendor); got != "Fjordline Ledger" {
		t.Errorf("with the vendor in catalog.txt the widget charge is %q, want Fjordline Ledger", got)
	}
}

// Another bcspend build (new matcher code or a new embedded catalog) does
// not read what this one stored: the planted decision is gone.
func TestANewBuildInvalidatesStoredDecisions(t *testing.T) {
	defer standInBuild("build-1")()
	path := widgetFile(t, builtin())
	m, db := reopen(t, path, builtin())
	plant(t, db, m, widgetVendor, zoom(t, builtin()))
	if m, _ = reopen(t, path, builtin()); appOf(t, m, widgetVendor) != "Zoom" {
		t.Fatal("the planted decision is not read by the same build")
	}
	standInBuild("build-2")
	if m, _ = reopen(t, path, builtin()); appOf(t, m, widgetVendor) != "" {
		t.Errorf("another build shows the widget charge as %q, the stored decision", appOf(t, m, widgetVendor))
	}
	standInBuild("")
	if m, _ = reopen(t, path, builtin()); appOf(t, m, widgetVendor) != "" || len(m.unsaved) != 0 {
		t.Errorf("a build without an id read stored decisions or kept %d to save", len(m.unsaved))
	}
}

// standInBuild makes id the build's identity and returns what restores it.
// Kept matchers are dropped: each keeps the fingerprint of its build.
func standInBuild(id string) func() {
	was := buildID
	buildID = func() string { return id }
	dropKept()
	return func() { buildID = was; dropKept() }
}

func dropKept() {
	matchers.mu.Lock()
	matchers.kept = nil
	matchers.mu.Unlock()
}

// A stored record that is damaged or hostile (a well-formed record with a
// valid checksum, written by anyone who can write the file) is never shown
// and never crashes the load: every decision is the matcher's own.
func TestDamagedStoredDecisionsAreDecidedAgain(t *testing.T) {
	cat := builtin()
	valid := zoom(t, cat)
	good, _ := encodeDecision(&valid)
	withCategory := valid
	withCategory.Category = "Not Zoom's"
	wrongCat, _ := encodeDecision(&withCategory)
	notAnApp := valid
	notAnApp.App = "Zoomzoom Imaginary"
	noApp, _ := encodeDecision(&notAnApp)
	ruled := valid
	ruled.Method = match.MethodRule
	rule := []byte{decisionV1}
	rule = appendStr(appendStr(appendStr(rule, ruled.App), ruled.Category), string(ruled.Method))
	rule = append(rule, good[len(rule):]...)
	nan := append([]byte(nil), good...)
	off := 1 + 1 + len(valid.App) + 1 + len(valid.Category) + 1 + len(valid.Method)
	binary.BigEndian.PutUint64(nan[off:], math.Float64bits(math.NaN()))
	tooSure := append([]byte(nil), good...)
	binary.BigEndian.PutUint64(tooSure[off:], math.Float64bits(1.5))
	badUTF8 := append([]byte(nil), good...)
	badUTF8[len(badUTF8)-3] = 0xff // inside the suggestion
	manyApps := append(append([]byte(nil), good[:len(good)-1]...), 0xff, 0xff, 0xff, 0xff, 0x0f)
	ignoredApp := append([]byte(nil), good...)
	ignoredApp[off+8+1+len(valid.Reason)] = 1
	cases := map[string][]byte{
		"empty": {}, "format 2": append([]byte{2}, good[1:]...), "cut short": good[:len(good)-4],
		"trailing byte": append(append([]byte(nil), good...), 0), "category not the app's": wrongCat,
		"app not in the catalog": noApp, "a rule's method": rule, "NaN confidence": nan, "confidence 1.5": tooSure,
		"invalid UTF-8": badUTF8, "2^35 apps": manyApps, "ignored with an app": ignoredApp,
		"unknown method": append(appendStr(appendStr(appendStr([]byte{decisionV1}, valid.App), valid.Category), "oracle"), good[off:]...),
	}
	if _, err := decodeDecision(good, newDecisionCheck(cat)); err != nil {
		t.Fatalf("the valid record does not decode: %v", err)
	}
	path := widgetFile(t, cat)
	for name, v := range cases {
		if _, err := decodeDecision(v, newDecisionCheck(cat)); err == nil {
			t.Errorf("%s: decodes", name)
		}
		m, db := reopen(t, path, cat)
		for i := range m.d.inputs {
			if err := db.PutDecisions(m.fp, []store.DecisionRecord{{Key: []byte(m.d.keys[i]), Value: v}}); err != nil {
				t.Fatal(err)
			}
		}
		m, _ = reopen(t, path, cat)
		if got := appOf(t, m, widgetVendor); got != "" {
			t.Errorf("%s: the widget charge is %q, want unmatched", name, got)
		}
		if got := appOf(t, m, "Slack Technologies Ltd"); got != "Slack" {
			t.Errorf("%s: the Slack charge is %q", name, got)
		}
		if len(m.unsaved) != len(m.d.inputs) {
			t.Errorf("%s: %d of %d inputs decided again", name, len(m.unsaved), len(m.d.inputs))
		}
	}
}

// What the matcher decides for a real mix of charges (catalog apps at
// every layer, ignored, unknown products, inferred, unknown vendors)
// comes back from the file field for field.
func TestStoredDecisionsRoundTrip(t *testing.T) {
	db := spendtest.Open(t)
	spendtest.Connect(t, db)
	spendtest.Large(t, db, 3000)
	m := loadAt(t, db, builtin())
	check := newDecisionCheck(builtin())
	methods := map[match.Method]int{}
	for i := range m.d.inputs {
		d := m.d.decs[i]
		v, ok := encodeDecision(&d)
		if !ok {
			t.Fatalf("%+v does not encode", d)
		}
		got, err := decodeDecision(v, check)
		if err != nil {
			t.Fatalf("%+v: %v", d, err)
		}
		a, _ := json.Marshal(d)
		b, _ := json.Marshal(got)
		if string(a) != string(b) {
			t.Fatalf("stored %s, read %s", a, b)
		}
		methods[d.Method]++
	}
	if len(methods) < 4 {
		t.Errorf("the mix has only %v", methods)
	}
}

// Two inputs whose texts joined with a separator byte are the same (a
// vendor name holding the separator and a line) are two inputs, each
// with its own decision: BC's text may hold any byte.
func TestInputsWhoseTextsJoinAlikeAreTwo(t *testing.T) {
	db := spendtest.Open(t)
	spendtest.Connect(t, db)
	joined := "Slack Technologies Ltd\x00Slack Pro"
	spendtest.CommitRun(t, db, spendtest.CompanyEU, "r1",
		spendtest.Inv{N: 1, Vendor: "Slack Technologies Ltd", Date: spendtest.Day(2026, 10, 5), Local: "EUR",
			Lines: []spendtest.Line{{Desc: "Slack Pro", Amount: "100.00"}}},
		spendtest.Inv{N: 2, Vendor: joined, Date: spendtest.Day(2026, 10, 6), Local: "EUR",
			Lines: []spendtest.Line{{Desc: "", Amount: "50.00"}}})
	m := loadAt(t, db, builtin())
	for _, tx := range m.d.txs {
		want := m.matcher.Match(match.Input{VendorName: tx.VendorName, Descriptions: nonEmpty(tx.Description)})
		if tx.App != want.App || tx.Method != string(want.Method) {
			t.Errorf("%q: %s by %s, the matcher says %s by %s", tx.VendorName, tx.App, tx.Method, want.App, want.Method)
		}
	}
}

func nonEmpty(s string) []string {
	if s == "" {
		return nil
	}
	return []string{s}
}

func TestBuildIDIsRead(t *testing.T) {
	id := readBuildID()
	if id == "" {
		t.Skip("no build id on this platform: decisions are not stored")
	}
	if readBuildID() != id || len(id) < 20 {
		t.Errorf("build id %q", id)
	}
}
