package ui

import (
	"context"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/bcspend/bcspend/untrusted"
)

// Wizard steps.
const (
	stepIntro = iota
	stepFlow
	stepFields
	stepTest
	stepCompanies
	numSteps
)

var stepNames = [numSteps]string{"Before you start", "Sign-in flow", "Connection", "Test", "Companies"}

type (
	validateMsg struct {
		field Field
		value string
		err   error
	}
	testResult struct {
		companies []Company
		err       error
	}
	wizardDoneMsg struct{ info Info }
	wizardQuitMsg struct{}
)

var checklist = []string{
	"Entra > App registrations > New registration: one app for bcspend.",
	"Client credentials: Certificates & secrets > New client secret; copy its VALUE, not the Secret ID.",
	"API permissions > Dynamics 365 Business Central: Financials.ReadWrite.All (delegated) or API.ReadWrite.All (application).",
	"Grant admin consent for the tenant.",
	"BC page \"Microsoft Entra Applications\": add the Client ID, Enabled, read permission sets (D365 READ), Grant Consent.",
	"Browser flow: Authentication > Mobile and desktop, redirect URI http://localhost.",
	"Device code flow: Authentication > \"Allow public client flows\" = Yes.",
}

var flows = []struct {
	flow Flow
	name string
	when string
}{
	{FlowClientCredentials, "Client credentials", "unattended and scheduled syncs; needs a client secret and the BC Microsoft Entra Applications page."},
	{FlowDeviceCode, "Device code", "sign in as yourself from any terminal, also over SSH: type a short code on any device."},
	{FlowBrowser, "Browser", "sign in as yourself on this machine: opens the browser, answer comes back to http://localhost."},
}

// field order on the Connection step.
var wizardFields = []struct {
	field Field
	label string
	hint  string
}{
	{FieldTenant, "Tenant ID", "Directory (tenant) ID GUID or domain, from Entra > Overview"},
	{FieldEnvironment, "Environment Name", "e.g. Production or Sandbox, from the BC admin center"},
	{FieldClientID, "Client ID", "Application (client) ID GUID of the app registration"},
	{FieldSecret, "Client Secret", "the secret's Value; shown masked, never stored in plain text"},
}

// wizard connects bcspend to BC. Every step keeps what was typed when the
// admin goes back.
//
// Its fields are ours, not a huh form (charm.land/huh/v2, checked at
// v2.0.3): huh validates synchronously inside Update and only on leaving a
// field, where ours ask the backend in a command on every key and show ✓
// or the error as it is typed; huh's error blocks, where a warning here
// (a Secret ID pasted for the Value) lets the admin go on with its advice
// and remedy shown; and huh brings a key map of its own beside KeyMap.
// The fields step is about 80 lines; wrapping huh would not make it
// smaller.
type wizard struct {
	c         *common
	reconnect bool
	conn      string // the name of the connection reconnected; "" adds one
	step      int
	def       Flow // the flow preselected for this machine

	checks   []bool
	checkCur int

	flowCur int

	fields  [4]input
	checked [4]string // the value each error belongs to
	errs    [4]error
	focus   int
	// enter was pressed while validations were pending
	submitting bool

	run       int
	cancel    context.CancelFunc
	steps     []Step
	testing   bool
	testErr   error
	companies []Company
	chosen    []bool
	compCur   int
	saving    bool
	saveErr   error

	width, height int
}

func newWizard(c *common, prefill *ConnInput, def Flow) *wizard {
	w := wizard{c: c, checks: make([]bool, len(checklist)), def: def}
	w.fields[3].masked = true
	for i, f := range flows {
		if f.flow == def {
			w.flowCur = i
		}
	}
	if prefill != nil {
		w.fields[0].value, w.fields[1].value = prefill.Tenant, prefill.Environment
		w.fields[2].value, w.fields[3].value = prefill.ClientID, prefill.Secret
		if prefill.Flow != "" {
			for i, f := range flows {
				if f.flow == prefill.Flow {
					w.flowCur = i
				}
			}
		}
	}
	for i := range w.checked {
		w.checked[i] = "\x00" // not validated yet
	}
	return &w
}

// prefillFrom starts a reconnect of the saved connection c: its fields
// and flow, and its name, so the save replaces it and no other. The
// secret is never known: what was typed stays for the same connection and
// is cleared for another. A zero c (add a connection) keeps the fields.
func (w *wizard) prefillFrom(c ConnectionInfo) {
	if c.Name == "" {
		w.conn = ""
		return
	}
	if c.Name != w.conn {
		w.fields[3].value = ""
	}
	w.conn = c.Name
	for i, v := range []string{c.Tenant, c.Environment, c.ClientID} {
		w.fields[i].value = v
	}
	for i, f := range flows {
		if f.flow == c.Flow {
			w.flowCur = i
		}
	}
}

// Init validates prefilled values.
func (w *wizard) Init() tea.Cmd {
	var cmds []tea.Cmd
	for i := range w.fields {
		if w.fields[i].value != "" {
			cmds = append(cmds, w.validate(i))
		}
	}
	return tea.Batch(cmds...)
}

func (w *wizard) SetSize(wd, h int) { w.width, w.height = wd, h }

func (w *wizard) flow() Flow { return flows[w.flowCur].flow }

// nFields is 4 with client credentials (the secret), else 3.
func (w *wizard) nFields() int {
	if w.flow() == FlowClientCredentials {
		return 4
	}
	return 3
}

func (w *wizard) input() ConnInput {
	in := ConnInput{
		Connection:  w.conn,
		Tenant:      strings.TrimSpace(w.fields[0].value),
		Environment: strings.TrimSpace(w.fields[1].value),
		ClientID:    strings.TrimSpace(w.fields[2].value),
		Flow:        w.flow(),
	}
	if in.Flow == FlowClientCredentials {
		in.Secret = strings.TrimSpace(w.fields[3].value)
	}
	return in
}

func (w *wizard) validate(i int) tea.Cmd {
	b, f, v := w.c.b, wizardFields[i].field, w.fields[i].value
	return func() tea.Msg { return validateMsg{field: f, value: v, err: b.Validate(f, strings.TrimSpace(v))} }
}

func (w *wizard) validateFocused() tea.Cmd {
	if w.step != stepFields {
		return nil
	}
	return w.validate(w.focus)
}

// Validated records a validation if the value has not changed since, and
// moves on if enter was pressed while it was pending.
func (w *wizard) Validated(msg validateMsg) tea.Cmd {
	for i, f := range wizardFields {
		if f.field == msg.field && w.fields[i].value == msg.value {
			w.checked[i], w.errs[i] = msg.value, msg.err
		}
	}
	if w.submitting && w.step == stepFields {
		for i := 0; i < w.nFields(); i++ {
			if w.checked[i] != w.fields[i].value {
				return nil // still waiting
			}
		}
		w.submitting = false
		return w.submitFields()
	}
	return nil
}

func (w *wizard) Paste(msg tea.PasteMsg) {
	if w.step == stepFields {
		w.fields[w.focus].Update(msg, &w.c.keys)
	}
}

func (w *wizard) Update(msg tea.KeyPressMsg) tea.Cmd {
	if key.Matches(msg, w.c.keys.Back) {
		return w.back()
	}
	switch w.step {
	case stepIntro:
		return w.introKey(msg)
	case stepFlow:
		return w.flowKey(msg)
	case stepFields:
		return w.fieldsKey(msg)
	case stepTest:
		return w.testKey(msg)
	case stepCompanies:
		return w.companiesKey(msg)
	}
	return nil
}

func (w *wizard) back() tea.Cmd {
	if w.step == stepIntro {
		return w.c.post(wizardQuitMsg{})
	}
	if w.step == stepTest {
		w.Cancel()
	}
	w.step--
	return nil
}

// Cancel stops a running test.
func (w *wizard) Cancel() {
	if w.cancel != nil {
		w.cancel()
		w.cancel = nil
		w.run = 0
	}
	w.testing = false
}

func (w *wizard) introKey(msg tea.KeyPressMsg) tea.Cmd {
	k := w.c.keys
	switch {
	case key.Matches(msg, k.Up):
		w.checkCur = max(0, w.checkCur-1)
	case key.Matches(msg, k.Down):
		w.checkCur = min(len(checklist)-1, w.checkCur+1)
	case key.Matches(msg, k.Toggle):
		w.checks[w.checkCur] = !w.checks[w.checkCur]
	case key.Matches(msg, k.Enter):
		w.step = stepFlow
	case key.Matches(msg, k.Quit):
		return w.c.post(wizardQuitMsg{})
	}
	return nil
}

func (w *wizard) flowKey(msg tea.KeyPressMsg) tea.Cmd {
	k := w.c.keys
	switch {
	case key.Matches(msg, k.Up):
		w.flowCur = max(0, w.flowCur-1)
	case key.Matches(msg, k.Down):
		w.flowCur = min(len(flows)-1, w.flowCur+1)
	case keyIndex(k.Choice, msg) >= 0 && keyIndex(k.Choice, msg) < len(flows):
		w.flowCur = keyIndex(k.Choice, msg)
	case key.Matches(msg, k.Enter):
		w.step = stepFields
		w.focus = min(w.focus, w.nFields()-1)
	case key.Matches(msg, k.Quit):
		return w.c.post(wizardQuitMsg{})
	}
	return nil
}

func (w *wizard) fieldsKey(msg tea.KeyPressMsg) tea.Cmd {
	n, k := w.nFields(), &w.c.keys
	switch {
	case key.Matches(msg, k.NextField):
		w.focus = (w.focus + 1) % n
		return nil
	case key.Matches(msg, k.PrevField):
		w.focus = (w.focus + n - 1) % n
		return nil
	case key.Matches(msg, k.Enter):
		return w.submitFields()
	}
	if w.fields[w.focus].Update(msg, k) {
		w.submitting = false
		return w.validate(w.focus)
	}
	return nil
}

// submitFields moves on when every field is valid, focuses the first
// invalid one, or waits for validations still running.
func (w *wizard) submitFields() tea.Cmd {
	var pending []tea.Cmd
	for i := 0; i < w.nFields(); i++ {
		if w.checked[i] != w.fields[i].value {
			pending = append(pending, w.validate(i))
		}
	}
	if len(pending) > 0 {
		w.submitting = true
		return tea.Batch(pending...)
	}
	for i := 0; i < w.nFields(); i++ {
		if blocks(w.errs[i]) {
			w.focus = i
			return nil
		}
	}
	w.step = stepTest
	if w.flow() != FlowClientCredentials {
		return w.c.post(needSignInMsg{in: w.input(), then: signInThenTest})
	}
	return w.StartTest()
}

// StartTest runs the connection test in a goroutine.
func (w *wizard) StartTest() tea.Cmd {
	w.Cancel()
	ctx, cancel := context.WithCancel(context.Background())
	w.step, w.cancel, w.testing, w.testErr, w.steps, w.companies = stepTest, cancel, true, nil, nil, nil
	w.run = w.c.nextRun()
	b, in := w.c.b, w.input()
	return stream(ctx, w.run, func(ctx context.Context, send func(any)) any {
		cs, err := b.TestConnection(ctx, in, func(s Step) { send(s) })
		return testResult{companies: cs, err: err}
	})
}

// StepEvent records one test step.
func (w *wizard) StepEvent(run int, s Step) {
	if run != w.run {
		return
	}
	s.Detail = untrusted.Text(s.Detail)
	for i := range w.steps {
		if w.steps[i].Name == s.Name {
			w.steps[i] = s
			return
		}
	}
	w.steps = append(w.steps, s)
}

// TestDone ends the test and prepares the company choice.
func (w *wizard) TestDone(run int, r testResult) tea.Cmd {
	if run != w.run {
		return nil
	}
	w.testing, w.testErr, w.cancel = false, r.err, nil
	w.companies = make([]Company, len(r.companies))
	w.chosen = make([]bool, len(r.companies))
	for i, c := range r.companies {
		w.companies[i] = Company{ID: c.ID, Name: untrusted.Text(c.Name), Problem: untrusted.Text(c.Problem)}
		w.chosen[i] = c.Problem == ""
	}
	w.compCur = 0
	return nil
}

func (w *wizard) testKey(msg tea.KeyPressMsg) tea.Cmd {
	k := w.c.keys
	switch {
	case key.Matches(msg, k.Retry):
		if !w.testing {
			w.step = stepFields
			return w.submitFields()
		}
	case key.Matches(msg, k.Enter):
		if !w.testing && w.testErr == nil && len(w.companies) > 0 {
			w.step = stepCompanies
		}
	}
	return nil
}

func (w *wizard) companiesKey(msg tea.KeyPressMsg) tea.Cmd {
	k := w.c.keys
	switch {
	case key.Matches(msg, k.Up):
		w.compCur = max(0, w.compCur-1)
	case key.Matches(msg, k.Down):
		w.compCur = min(len(w.companies)-1, w.compCur+1)
	case key.Matches(msg, k.Toggle):
		w.chosen[w.compCur] = !w.chosen[w.compCur]
	case key.Matches(msg, k.All):
		all := !allTrue(w.chosen)
		for i := range w.chosen {
			w.chosen[i] = all
		}
	case key.Matches(msg, k.Enter):
		return w.save()
	}
	return nil
}

func allTrue(bs []bool) bool {
	for _, b := range bs {
		if !b {
			return false
		}
	}
	return true
}

func (w *wizard) save() tea.Cmd {
	var ids []string
	for i, c := range w.companies {
		if w.chosen[i] {
			ids = append(ids, c.ID)
		}
	}
	if len(ids) == 0 || w.saving {
		return nil
	}
	w.saving, w.saveErr = true, nil
	b, in := w.c.b, w.input()
	return func() tea.Msg {
		if err := b.SaveConnection(in, ids); err != nil {
			return fatalMsg{title: "Could not save the connection", err: err}
		}
		return wizardDoneMsg{info: b.Info()}
	}
}

func (w *wizard) Breadcrumb() string {
	parts := make([]string, numSteps)
	for i, n := range stepNames {
		switch {
		case i == w.step:
			parts[i] = "[" + n + "]"
		default:
			parts[i] = n
		}
	}
	return fmt.Sprintf("Step %d/%d: ", w.step+1, numSteps) + strings.Join(parts, " › ")
}

func (w *wizard) HelpKeys() []key.Binding {
	k := w.c.keys
	back := k.Back
	switch w.step {
	case stepIntro:
		return []key.Binding{k.Up, k.Down, k.Toggle, relabel(k.Enter, "continue"), relabel(k.Back, "quit")}
	case stepFlow:
		return []key.Binding{k.Choice, k.Up, k.Down, relabel(k.Enter, "continue"), back}
	case stepFields:
		return []key.Binding{k.NextField, relabel(k.PrevField, "previous"), relabel(k.Enter, "test connection"), back}
	case stepTest:
		if w.testing {
			return []key.Binding{relabel(k.Back, "stop")}
		}
		if w.testErr != nil {
			return []key.Binding{k.Retry, relabel(k.Back, "back to the fields")}
		}
		return []key.Binding{relabel(k.Enter, "choose companies"), back}
	}
	return []key.Binding{k.Toggle, k.All, relabel(k.Enter, "save and sync"), back}
}
