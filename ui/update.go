package ui

import (
	"context"
	"errors"
	"fmt"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/bcspend/bcspend/untrusted"

	"github.com/bcspend/bcspend/money"
)

// Update routes a message to the root's handlers or the active screen.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.resize(msg.Width, msg.Height)
		return m, nil
	case tea.BackgroundColorMsg:
		m.c.st = NewStyles(msg.IsDark(), m.c.noColor)
		return m, nil
	case tea.KeyPressMsg:
		cmd := m.handleKey(msg)
		return m, tea.Batch(cmd, m.flushIntents())
	case tea.PasteMsg:
		return m, m.handleInput(msg)
	case tea.MouseWheelMsg, tea.MouseClickMsg:
		cmd := m.handleMouse(msg.(tea.MouseMsg))
		return m, tea.Batch(cmd, m.flushIntents())
	case streamMsg:
		cmd := tea.Batch(m.handleStream(msg), m.flushIntents())
		if !msg.done {
			cmd = tea.Batch(cmd, msg.next)
		}
		return m, cmd
	}
	cmd := m.handleResult(msg)
	return m, tea.Batch(cmd, m.flushIntents())
}

// flushIntents handles what screens posted during this Update.
func (m *Model) flushIntents() tea.Cmd {
	var cmds []tea.Cmd
	for n := 0; len(m.c.intents) > 0 && n < 16; n++ {
		msg := m.c.intents[0]
		m.c.intents = m.c.intents[1:]
		cmds = append(cmds, m.handleResult(msg))
	}
	return tea.Batch(cmds...)
}

func (m *Model) resize(w, h int) {
	m.c.width, m.c.height = w, h
	bw, bh := w, max(1, h-3) // tabs, status, help
	for _, s := range m.screens() {
		s.SetSize(bw, bh)
	}
	m.wiz.SetSize(w, h-2)
	m.sign.SetSize(w, h-2)
	if m.fix != nil {
		m.fix.SetSize(w, h)
	}
}

// screen is what every main screen offers the root.
type screen interface {
	SetSize(w, h int)
	Update(msg tea.KeyPressMsg) tea.Cmd
	View() string
	HelpKeys() []key.Binding
	Breadcrumb() string
	Click(x, y int) tea.Cmd
	Wheel(d int)
	Editing() bool // a text field has the keys
	Status() []seg
	Paste(msg tea.PasteMsg)
}

func (m *Model) screens() []screen {
	return []screen{m.apps, m.txs, m.unm, m.users, m.integ, m.sync, m.ov, m.rn}
}

func (m *Model) active() screen { return m.screens()[m.tab] }

func (m *Model) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.c.keys
	if key.Matches(msg, k.ForceQuit) {
		m.cancelAll()
		return tea.Quit
	}
	switch {
	case m.modal != nil:
		return m.modalKey(msg)
	case m.showHelp:
		if key.Matches(msg, k.Help, k.Back, k.Quit) {
			m.showHelp = false
		}
		return nil
	case key.Matches(msg, k.Help) && (m.mode == modeSignIn || m.mode == modeWizard && m.wiz.step != stepFields):
		m.showHelp = true
		return nil
	case m.mode == modeWizard:
		return m.wiz.Update(msg)
	case m.mode == modeSignIn:
		return m.sign.Update(msg)
	case m.fix != nil:
		return m.fix.Update(msg)
	}
	if m.active().Editing() {
		return m.active().Update(msg)
	}
	switch {
	case key.Matches(msg, k.Quit):
		m.cancelAll()
		return tea.Quit
	case key.Matches(msg, k.Help):
		m.showHelp = true
		return nil
	case key.Matches(msg, k.NextTab):
		m.tab = (m.tab + 1) % numTabs
		return nil
	case key.Matches(msg, k.PrevTab):
		m.tab = (m.tab + numTabs - 1) % numTabs
		return nil
	case keyIndex(k.GoToTab, msg) >= 0 && keyIndex(k.GoToTab, msg) < int(numTabs):
		m.tab = tab(keyIndex(k.GoToTab, msg))
		return nil
	}
	if why := disabledWhy(m.tab, msg, &k); why != "" {
		return m.toast(why)
	}
	return m.active().Update(msg)
}

// disabledWhy says why a key does nothing on a screen, so no key is silently
// ignored.
func disabledWhy(t tab, msg tea.KeyPressMsg, k *KeyMap) string {
	table := t == tabApps || t == tabTx || t == tabUnmatched || t == tabUsers
	match := key.Matches(msg, k.Fix, k.Why)
	switch {
	case match && t == tabApps:
		return fmt.Sprintf("Matches are fixed per transaction or vendor: open the application (%s) or go to Unmatched (%s).",
			keyName(k.Enter), tabKey(k, tabUnmatched))
	case match && t == tabUsers:
		return "Users have no matches to fix or explain."
	case match && (t == tabOverview || t == tabRenewals):
		return "Findings have no match to fix: " + keyName(k.Enter) + " opens the transactions behind one, fix them there."
	case !table && (key.Matches(msg, k.Export) && t != tabOverview || key.Matches(msg, k.Filter, k.Sort)):
		return "Filter and sort work on the tables: Applications, Transactions, Unmatched, Users; export (" + keyName(k.Export) + ") there and on Overview."
	}
	return ""
}

// tabKey is the key that opens tab t ("3"), "" when none does.
func tabKey(k *KeyMap, t tab) string {
	if keys := k.GoToTab.Keys(); int(t) < len(keys) {
		return keys[t]
	}
	return ""
}

// handleInput sends pasted text to whatever field is focused.
func (m *Model) handleInput(msg tea.PasteMsg) tea.Cmd {
	switch {
	case m.mode == modeWizard:
		m.wiz.Paste(msg)
		return m.wiz.validateFocused()
	case m.fix != nil:
		m.fix.Paste(msg)
	case m.mode == modeMain && m.modal == nil:
		m.active().Paste(msg)
	}
	return nil
}

func (m *Model) handleMouse(msg tea.MouseMsg) tea.Cmd {
	if m.mode != modeMain || m.modal != nil || m.showHelp {
		return nil
	}
	mo := msg.Mouse()
	if m.fix != nil {
		if _, ok := msg.(tea.MouseWheelMsg); ok {
			m.fix.Move(wheelDelta(mo.Button))
		}
		return nil
	}
	if _, ok := msg.(tea.MouseWheelMsg); ok {
		m.active().Wheel(wheelDelta(mo.Button))
		return nil
	}
	if mo.Button != tea.MouseLeft {
		return nil
	}
	if mo.Y == 0 {
		if t := m.tabAt(mo.X); t >= 0 {
			m.tab = t
		}
		return nil
	}
	return m.active().Click(mo.X, mo.Y-1)
}

func wheelDelta(b tea.MouseButton) int {
	if b == tea.MouseWheelUp {
		return -3
	}
	if b == tea.MouseWheelDown {
		return 3
	}
	return 0
}

// handleStream hands a long-running event to its owner.
func (m *Model) handleStream(msg streamMsg) tea.Cmd {
	switch p := msg.payload.(type) {
	case SyncProgress:
		m.sync.Progress(msg.run, p)
	case syncResult:
		return m.syncDone(msg.run, p)
	case SignInEvent:
		return m.sign.Event(msg.run, p)
	case signInResult:
		return m.signInDone(msg.run, p)
	case Step:
		m.wiz.StepEvent(msg.run, p)
	case testResult:
		return m.wiz.TestDone(msg.run, p)
	case secretResult:
		return m.integ.SecretDone(msg.run, p)
	}
	return nil
}

// handleResult handles one-shot results; intents go to handleIntent.
func (m *Model) handleResult(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case dataMsg:
		return m.setData(msg)
	case validateMsg:
		return m.wiz.Validated(msg)
	case previewMsg:
		if m.fix != nil {
			m.fix.Previewed(msg)
		}
	case appliedMsg:
		return m.applied(msg)
	case rejectedMsg:
		if msg.err != nil {
			return m.fatal("Could not reject "+msg.app, msg.err, nil)
		}
		return tea.Batch(loadCmd(m.c.b), m.toast(untrusted.Text("Rejected "+msg.app+": "+msg.vendor+" stays unmatched ("+keyName(m.c.keys.Fix)+" fixes it)")))
	case removalMsg:
		return m.apps.Removal(msg)
	case removedMsg:
		if msg.err != nil {
			return m.fatal("Could not remove "+msg.app, msg.err, nil)
		}
		return tea.Batch(loadCmd(m.c.b), m.toast("Removed "+msg.app+" and its rules."))
	case editedMsg:
		if msg.err != nil {
			return m.fatal("Could not change "+msg.app, msg.err, nil)
		}
		return tea.Batch(loadCmd(m.c.b), m.toast(msg.done))
	case createdAppMsg:
		if m.fix != nil {
			return m.fix.Created(msg)
		}
	case explainMsg:
		if msg.err != nil {
			return m.fatal("Could not explain this match", msg.err, nil)
		}
		m.modal = &modal{title: msg.title, body: msg.text}
	case exportMsg:
		if msg.err != nil {
			return m.fatal("Export failed", msg.err, nil)
		}
		m.modal = &modal{title: "Exported", body: exportText(msg)}
	case currencyMsg:
		if msg.err != nil {
			return m.fatal("Could not change the reporting currency", msg.err, nil)
		}
		return tea.Batch(loadCmd(m.c.b), m.toast("Every figure is now in "+msg.cur+"."))
	case granularityMsg:
		if msg.err != nil {
			return m.fatal("Could not change the granularity", msg.err, nil)
		}
		return tea.Batch(loadCmd(m.c.b), m.toast("Transactions are now one per "+string(msg.g)+"."))
	case toastExpiredMsg:
		m.expireToast(msg.id)
	case tickMsg:
		return m.sign.Tick(msg.run)
	case followTickMsg:
		return m.followLook(true)
	case FollowMsg:
		return m.followLook(false)
	case followedMsg:
		return m.followed(msg)
	case keptMsg:
		if msg.err != nil {
			return m.fatal("Could not keep the new sign-in"+of(msg.conn), msg.err, nil)
		}
		return tea.Batch(loadCmd(m.c.b), m.toast("Signed in again: the sign-in"+of(msg.conn)+" is saved."))
	case openedMsg:
		if msg.err != nil {
			return m.toast("Could not open a browser: open the URL shown yourself.")
		}
	default:
		return m.handleIntent(msg)
	}
	return nil
}

// handleIntent acts on what a screen asked for.
func (m *Model) handleIntent(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case switchTabMsg:
		m.tab = msg.tab
	case drillMsg:
		m.txs.Drill(msg.app)
		if msg.dim > 0 {
			m.txs.DrillValue(msg.app, msg.dim, msg.value)
		}
		m.tab = tabTx
	case openFixMsg:
		m.fix = newFixPicker(m.c, msg)
		m.fix.SetSize(m.c.width, m.c.height)
	case closeFixMsg:
		m.fix = nil
	case startSyncMsg:
		return m.startSync(msg.trigger)
	case reconnectMsg:
		m.mode = modeWizard
		m.wiz.reconnect = true
		m.wiz.step = 0
		m.wiz.prefillFrom(msg.conn)
		return m.wiz.Init()
	case needSignInMsg:
		m.mode = modeSignIn
		return m.sign.Start(msg.in, msg.then)
	case signInCanceledMsg:
		return m.signInCanceled()
	case wizardDoneMsg:
		m.mode = modeMain
		m.c.info = msg.info
		m.wiz.saving = false
		m.tab = tabSync
		return m.startSync("wizard")
	case wizardQuitMsg:
		if m.c.info.Connected() {
			m.mode = modeMain
			return nil
		}
		return tea.Quit
	case insightsMsg, findingMsg, usersFindingMsg, dismissedMsg:
		return m.overviewIntent(msg)
	case toastMsg:
		return m.toast(msg.text)
	case fatalMsg:
		return m.fatal(msg.title, msg.err, msg.retry)
	}
	return nil
}

func (m *Model) setData(d dataMsg) tea.Cmd {
	if d.err != nil {
		return m.fatal("Could not read the data", d.err, loadCmd(m.c.b))
	}
	m.c.info = d.info
	m.loaded = true
	m.apps.SetData(d.apps, d.appsHay, d.split, d.splitHay, d.info)
	m.txs.SetData(d.txs, d.txsHay, d.info.Dimension1)
	m.unm.SetData(d.unm, d.unmHay)
	m.users.SetData(d.users, d.usersHay)
	m.integ.SetData(d.info, d.hist)
	m.c.catalog = d.cat
	return tea.Batch(m.ov.Load(), m.followToast())
}

func (m *Model) applied(msg appliedMsg) tea.Cmd {
	m.fix = nil
	if msg.err != nil {
		return m.fatal("Could not save the fix", msg.err, nil)
	}
	what := "Saved: " + describeFix(msg.fix)
	return tea.Batch(loadCmd(m.c.b), m.toast(what))
}

func (m *Model) startSync(trigger string) tea.Cmd {
	if m.sync.Running() {
		return m.toast("A sync is already running.")
	}
	return m.sync.Start(trigger)
}

func (m *Model) syncDone(run int, r syncResult) tea.Cmd {
	trigger, ok := m.sync.Done(run, r)
	if !ok {
		return nil
	}
	cmds := []tea.Cmd{loadCmd(m.c.b)}
	switch {
	case r.err != nil && !errors.Is(r.err, context.Canceled) && !r.sum.Canceled:
		cmds = append(cmds, m.fatal("Sync failed", r.err, emit(startSyncMsg{trigger: trigger})))
	case r.sum.Canceled:
		cmds = append(cmds, m.toast(fmt.Sprintf("Sync cancelled: kept %s already committed.", money.Plural(r.sum.Invoices, "invoice", "invoices"))))
	default:
		cmds = append(cmds, m.toast(fmt.Sprintf("Synced %s, %s.", money.Plural(r.sum.Invoices, "invoice", "invoices"), money.Plural(r.sum.Lines, "line", "lines"))))
		for _, w := range r.sum.Warnings {
			cmds = append(cmds, m.toast("Note: "+untrusted.Text(w)))
		}
		if trigger == "wizard" {
			m.tab = tabApps
		}
	}
	return tea.Batch(cmds...)
}

func (m *Model) signInDone(run int, r signInResult) tea.Cmd {
	then, ok := m.sign.Done(run, r)
	if !ok {
		return nil
	}
	if r.err != nil {
		return nil // the sign-in screen shows the error and the retry
	}
	m.mode = modeWizard
	if then == signInThenReplace {
		m.mode = modeMain
		b, in := m.c.b, m.sign.in
		return func() tea.Msg { return keptMsg{conn: in.Connection, err: b.KeepSignIn(context.Background(), in)} }
	}
	return m.wiz.StartTest()
}

func (m *Model) signInCanceled() tea.Cmd {
	if m.sign.then == signInThenReplace {
		m.mode = modeMain
		return nil
	}
	m.mode = modeWizard
	m.wiz.step = stepFields
	return nil
}

// fatal opens the error modal; an expired secret goes straight to its
// replacement on the Integration screen instead.
func (m *Model) fatal(title string, err error, retry tea.Cmd) tea.Cmd {
	if secretExpired(err) {
		m.mode = modeMain
		m.fix = nil
		m.tab = tabIntegration
		name := connectionOf(err)
		m.integ.OpenSecret(name, "The client secret"+of(name)+" has expired: paste a new secret's Value to reconnect.")
		return nil
	}
	m.modal = &modal{title: title, body: errText(err), remedy: remedyOf(err), retry: retry, isErr: true}
	return nil
}

func (m *Model) modalKey(msg tea.KeyPressMsg) tea.Cmd {
	md := m.modal
	switch {
	case key.Matches(msg, m.c.keys.Retry) && md.retry != nil:
		m.modal = nil
		return md.retry
	case key.Matches(msg, m.c.keys.Back, m.c.keys.Enter, m.c.keys.Quit):
		m.modal = nil
	case key.Matches(msg, m.c.keys.Down):
		md.scroll++
	case key.Matches(msg, m.c.keys.Up):
		md.scroll = max(0, md.scroll-1)
	}
	return nil
}

func (m *Model) cancelAll() {
	m.sync.Cancel()
	m.sign.Cancel()
	m.wiz.Cancel()
}

const toastTTL = 5 * time.Second

func (m *Model) toast(text string) tea.Cmd {
	m.toastID++
	id := m.toastID
	m.toasts = append(m.toasts, toastItem{id: id, text: text})
	if len(m.toasts) > 3 {
		m.toasts = m.toasts[len(m.toasts)-3:]
	}
	return m.c.after(toastTTL, toastExpiredMsg{id})
}

func (m *Model) expireToast(id int) {
	for i, t := range m.toasts {
		if t.id == id {
			m.toasts = append(m.toasts[:i:i], m.toasts[i+1:]...)
			return
		}
	}
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return untrusted.Text(err.Error())
}

// exportText is the export dialog: where the file went and what is in it.
// It stays until dismissed, so the path can be copied.
func exportText(msg exportMsg) string {
	rows := "The " + msg.view + " view was written to:"
	if msg.n >= 0 {
		rows = fmt.Sprintf("%s of the %s view, in the order shown, were written to:", money.Plural(msg.n, "row", "rows"), msg.view)
	}
	return rows + "\n\n  " + msg.path + "\n\nSame columns and formats as 'bcspend export " + msg.view + "' (docs/EXPORT.md)." +
		"\nThe folder is the setting export-dir ('bcspend config set export-dir DIR')."
}
