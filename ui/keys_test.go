package ui

import (
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// altKey moves a key under alt: "enter" -> "alt+enter", "ctrl+c" ->
// "ctrl+alt+c" (Bubble Tea's order of modifiers); a help key the same way.
func altKey(s string) string {
	if rest, ok := strings.CutPrefix(s, "ctrl+"); ok {
		return "ctrl+alt+" + rest
	}
	return "alt+" + s
}

// altKeys is the default map with every binding, keys and help key, moved
// under alt. A console driven by it works only where a key goes through
// the map, and names a bare key only where a hint bypasses it. Every field
// is rebound, so a binding added later is covered without a change here.
func altKeys() KeyMap {
	k := DefaultKeyMap()
	v := reflect.ValueOf(&k).Elem()
	for i := range v.NumField() {
		b := v.Field(i).Interface().(key.Binding)
		keys := make([]string, 0, len(b.Keys()))
		for _, s := range b.Keys() {
			keys = append(keys, altKey(s))
		}
		nb := key.NewBinding(key.WithKeys(keys...), key.WithHelp(altKey(b.Help().Key), b.Help().Desc))
		v.Field(i).Set(reflect.ValueOf(nb))
	}
	return k
}

// bareKey is a default key named in a sentence or hint without the alt+
// the rebound map gives it: "esc cancels", "(enter)", "press r".
var bareKey = regexp.MustCompile(`(^|[^+\pL])(esc|enter|backspace|pgdn|ctrl\+[a-z])\b|[Pp]ress [a-zA-Z?/] |\([a-zA-Z/?]( [a-z]+)?\)`)

// requireHintsFromMap fails when the help bar lists a key that is not the
// rebound map's, or the screen names a bare default key.
func requireHintsFromMap(t *testing.T, m Model, where string) {
	t.Helper()
	scr := screenText(m)
	lines := strings.Split(scr, "\n")
	bar := strings.TrimSpace(lines[len(lines)-1])
	for _, item := range strings.Split(bar, " · ") {
		if !strings.HasPrefix(item, "alt+") && !strings.HasPrefix(item, "ctrl+alt+") {
			t.Errorf("%s: help bar entry %q is not from the key map:\n%s", where, item, bar)
		}
	}
	if loc := bareKey.FindStringIndex(scr); loc != nil {
		t.Errorf("%s: the screen names a key the map does not: %q in\n%s", where, scr[max(0, loc[0]-30):min(len(scr), loc[1]+30)], scr)
	}
}

// The wizard, rebound: the old keys do nothing, the new ones walk every
// step to the first sync, and every step's help names the new keys.
func TestRebindingTheKeyMapMovesWizardKeysAndHelp(t *testing.T) {
	f := firstRun()
	m := New(f, testOpts(WithKeyMap(altKeys()))...)
	m = step(m, tea.WindowSizeMsg{Width: 100, Height: 30})
	requireHintsFromMap(t, m, "intro")
	if m = press(m, "enter", "space"); m.wiz.step != stepIntro || m.wiz.checks[0] {
		t.Fatalf("the default keys still work in the intro: step %d, ticked %v", m.wiz.step, m.wiz.checks[0])
	}
	m = press(m, "alt+down", "alt+space")
	if !m.wiz.checks[1] {
		t.Fatal("alt+down alt+space did not tick the second item")
	}
	m = press(m, "alt+enter")
	requireHintsFromMap(t, m, "flow")
	if m = press(m, "1"); m.wiz.step != stepFlow || m.wiz.flowCur == 0 && m.wiz.def != FlowClientCredentials {
		t.Fatalf("1 chose a flow: step %d", m.wiz.step)
	}
	m = press(m, "alt+1", "alt+enter")
	if m.wiz.step != stepFields || m.wiz.flow() != FlowClientCredentials {
		t.Fatalf("alt+1 alt+enter: step %d flow %s", m.wiz.step, m.wiz.flow())
	}
	requireHintsFromMap(t, m, "fields")
	m = typeText(m, "contoso.onmicrosoft.com")
	if m = press(m, "tab"); m.wiz.focus != 0 {
		t.Fatal("tab still moves between the fields")
	}
	m = press(m, "alt+tab")
	m = typeText(m, "Production")
	m = press(m, "alt+tab")
	m = typeText(m, "11111111-2222-3333-4444-555555555555")
	m = press(m, "alt+tab")
	m = typeText(m, "abc~real-secret-valueX")
	if m = press(m, "backspace"); m.wiz.fields[3].value != "abc~real-secret-valueX" {
		t.Fatal("backspace still deletes")
	}
	m = press(m, "alt+backspace")
	if m = press(m, "enter"); m.wiz.step != stepFields {
		t.Fatal("enter still submits the fields")
	}
	m = press(m, "alt+enter")
	if m.wiz.step != stepTest || m.wiz.testing || m.wiz.testErr != nil {
		t.Fatalf("alt+enter: step %d testing %v err %v", m.wiz.step, m.wiz.testing, m.wiz.testErr)
	}
	requireHintsFromMap(t, m, "test")
	m = press(m, "alt+enter")
	requireHintsFromMap(t, m, "companies")
	if m = press(m, "a"); !allTrue(m.wiz.chosen) {
		t.Fatal("a still toggles every company")
	}
	m = press(m, "alt+a")
	if anyTrue(m.wiz.chosen) {
		t.Fatal("alt+a did not untick every company")
	}
	m = press(m, "alt+space", "alt+enter")
	if m.mode != modeMain || f.saved == nil || f.saved.Secret != "abc~real-secret-value" {
		t.Fatalf("mode %d, saved %+v", m.mode, f.saved)
	}
	requireHintsFromMap(t, m, "after the first sync")
}

// The console, rebound: tabs, the table filter, the fix picker, the error
// dialog's retry and the full help follow the map, and say so.
func TestRebindingTheKeyMapMovesConsoleKeysAndHelp(t *testing.T) {
	f := newFake(200)
	m := loaded(t, f, 100, 30, WithKeyMap(altKeys()))
	requireHintsFromMap(t, m, "Applications")
	if m = press(m, "2"); m.tab != tabApps {
		t.Fatal("2 still opens Transactions")
	}
	m = press(m, "alt+2")
	if m.tab != tabTx {
		t.Fatalf("alt+2: tab %d", m.tab)
	}
	if !strings.Contains(screenText(m), "[alt+2 Txns]") {
		t.Fatalf("the tab bar does not name alt+2:\n%s", screenText(m))
	}
	requireHintsFromMap(t, m, "Transactions")

	m = press(m, "alt+/")
	requireHintsFromMap(t, m, "filter")
	if !strings.Contains(screenText(m), "alt+enter keep · alt+esc clear") {
		t.Fatalf("the filter caption does not follow the map:\n%s", screenText(m))
	}
	m = typeText(m, "zoom")
	if m = press(m, "enter"); !m.txs.editing {
		t.Fatal("enter still ends the filter")
	}
	m = press(m, "alt+enter")
	if m.txs.editing || m.txs.filter.value != "zoom" {
		t.Fatalf("alt+enter: editing %v filter %q", m.txs.editing, m.txs.filter.value)
	}
	requireHintsFromMap(t, m, "filtered")
	m = press(m, "alt+esc")
	if m.txs.filter.value != "" {
		t.Fatal("alt+esc did not clear the filter")
	}

	m = press(m, "alt+?")
	if !m.showHelp {
		t.Fatal("alt+? did not open the help")
	}
	help := screenText(m)
	for _, want := range []string{"alt+1-8", "alt+↑/k", "alt+? or alt+esc closes this help"} {
		if !strings.Contains(help, want) {
			t.Errorf("the full help lacks %q:\n%s", want, help)
		}
	}
	m = press(m, "alt+esc")

	m = press(m, "alt+3", "f")
	if m.fix != nil {
		t.Fatal("f still opens the fix picker")
	}
	m = press(m, "alt+f")
	if m.fix == nil {
		t.Fatal("alt+f did not open the fix picker")
	}
	requireHintsFromMap(t, m, "fix picker")
	if !strings.Contains(screenText(m), "alt+↑/alt+↓ choose · alt+enter preview · alt+esc cancel") {
		t.Fatalf("the picker's foot does not follow the map:\n%s", screenText(m))
	}
	m = typeText(m, "zoom")
	if m = press(m, "enter"); m.fix.state != fixPicking {
		t.Fatal("enter still previews")
	}
	m = press(m, "alt+enter")
	if m.fix == nil || m.fix.state != fixPreviewed {
		t.Fatalf("alt+enter did not preview: %+v", m.fix)
	}
	requireHintsFromMap(t, m, "preview")
	if m = press(m, "y"); m.fix == nil {
		t.Fatal("y still saves the fix")
	}
	m = press(m, "alt+y")
	if m.fix != nil || len(f.venRule) != 1 {
		t.Fatalf("alt+y did not save: rules %+v", f.venRule)
	}

	f.syncErr = errors.New("BC is down")
	m = press(m, "alt+r")
	if m.modal == nil || m.modal.retry == nil {
		t.Fatal("a failed sync shows no dialog with a retry")
	}
	requireHintsFromMap(t, m, "error dialog")
	if m = press(m, "r"); m.modal == nil {
		t.Fatal("r still retries")
	}
	f.syncErr = nil
	m = press(m, "alt+r")
	if m.modal != nil || !strings.Contains(screenText(m), "Synced") {
		t.Fatalf("alt+r did not retry:\n%s", screenText(m))
	}
}

// No key literal outside keys.go: a switch on a key's String(), a
// comparison with it, a binding or key press built elsewhere.
func TestNoKeyLiteralsOutsideTheKeyMap(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") || name == "keys.go" {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.SwitchStmt:
				if isStringCall(n.Tag) {
					t.Errorf("%s: a switch on String() bypasses the key map", fset.Position(n.Pos()))
				}
			case *ast.BinaryExpr:
				if isStringCall(n.X) || isStringCall(n.Y) {
					t.Errorf("%s: a comparison with String() bypasses the key map", fset.Position(n.Pos()))
				}
			case *ast.SelectorExpr:
				if id, ok := n.X.(*ast.Ident); ok && id.Name == "key" && n.Sel.Name == "NewBinding" {
					t.Errorf("%s: a binding built outside keys.go", fset.Position(n.Pos()))
				}
			case *ast.CompositeLit:
				if sel, ok := n.Type.(*ast.SelectorExpr); ok && sel.Sel.Name == "KeyPressMsg" {
					t.Errorf("%s: a key press built outside keys.go", fset.Position(n.Pos()))
				}
			}
			return true
		})
	}
}

// isStringCall reports x.String() on a key press (msg, k, key).
func isStringCall(e ast.Expr) bool {
	c, ok := e.(*ast.CallExpr)
	if !ok {
		return false
	}
	sel, ok := c.Fun.(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "String" {
		return false
	}
	id, ok := sel.X.(*ast.Ident)
	return ok && (id.Name == "msg" || id.Name == "k" || id.Name == "key")
}

// The Integration screen of two connections, rebound: the choice of
// connection and its hints follow the map.
func TestRebindingTheKeyMapMovesIntegrationKeysAndHelp(t *testing.T) {
	m := loaded(t, twoConnections(), 100, 30, WithKeyMap(altKeys()))
	m = press(m, "alt+5", "j")
	if m.integ.sel != 0 {
		t.Fatal("j still chooses the next connection")
	}
	m = press(m, "alt+j")
	if m.integ.selectedName() != "sandbox" {
		t.Fatalf("alt+j chose %q", m.integ.selectedName())
	}
	requireHintsFromMap(t, m, "Integration")
	if !strings.Contains(screenText(m), "alt+↑/k alt+↓/j choose; alt+p, alt+c act on the one chosen") {
		t.Fatalf("the list's hint does not follow the map:\n%s", screenText(m))
	}
}
