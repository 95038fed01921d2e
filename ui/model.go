package ui

import (
	"context"
	"os"
	"runtime"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
)

// Minimum terminal size the console lays out for.
const (
	minWidth  = 80
	minHeight = 24
)

// tab is one of the eight main screens.
type tab int

const (
	tabApps tab = iota
	tabTx
	tabUnmatched
	tabUsers
	tabIntegration
	tabSync
	tabOverview // insights; after the first six so their numbers stay
	tabRenewals // the renewal calendar, from the Overview's report
	numTabs
)

var tabNames = [numTabs]string{"Applications", "Transactions", "Unmatched", "Users", "Integration", "Sync", "Overview", "Renewals"}

type mode int

const (
	modeMain mode = iota
	modeWizard
	modeSignIn
)

// common is what every screen shares: one pointer, no globals.
type common struct {
	b        Backend
	st       Styles
	keys     KeyMap
	now      func() time.Time
	getenv   func(string) string
	info     Info
	runs     int // stream run counter
	width    int
	height   int
	noColor  bool
	autoSync bool
	catalog  []CatalogApp
	intents  []tea.Msg
	after    Timer // every timer of the console
}

func (c *common) nextRun() int { c.runs++; return c.runs }

// post queues an intent (open the fix picker, start a sync, ...) for the
// root to handle right after the screen's Update, in the same Update: a
// key typed next can rely on it.
func (c *common) post(msg tea.Msg) tea.Cmd {
	c.intents = append(c.intents, msg)
	return nil
}

// Option configures New.
type Option func(*options)

type options struct {
	prefill   *ConnInput
	now       func() time.Time
	getenv    func(string) string
	noColor   *bool
	dark      bool
	autoSync  bool
	reconnect bool
	after     Timer
	keys      *KeyMap
}

// WithPrefill fills the wizard's fields (the demo uses it).
func WithPrefill(in ConnInput) Option { return func(o *options) { o.prefill = &in } }

// WithClock replaces time.Now (tests).
func WithClock(now func() time.Time) Option { return func(o *options) { o.now = now } }

// WithEnv replaces os.Getenv for NO_COLOR, SSH_CONNECTION and DISPLAY (tests).
func WithEnv(getenv func(string) string) Option { return func(o *options) { o.getenv = getenv } }

// WithNoColor forces plain styles on or off; by default NO_COLOR decides.
func WithNoColor(on bool) Option { return func(o *options) { o.noColor = &on } }

// WithAutoSync turns the sync of data older than 24 h on (default) or off.
func WithAutoSync(on bool) Option { return func(o *options) { o.autoSync = on } }

// Timer is a Cmd whose msg arrives after d: the console's one way to wait
// (the sign-in's second tick, a toast's expiry).
type Timer func(d time.Duration, msg tea.Msg) tea.Cmd

// tickAfter is the real Timer.
func tickAfter(d time.Duration, msg tea.Msg) tea.Cmd {
	return tea.Tick(d, func(time.Time) tea.Msg { return msg })
}

// WithTimer replaces the console's timers, so a test can tell a timer
// from work by the message it returns instead of by how long it takes.
func WithTimer(t Timer) Option { return func(o *options) { o.after = t } }

// WithKeyMap replaces DefaultKeyMap: every key and every hint follow it.
func WithKeyMap(k KeyMap) Option { return func(o *options) { o.keys = &k } }

// WithWizard starts in the wizard even when a connection is saved
// ("bcspend connect").
func WithWizard() Option { return func(o *options) { o.reconnect = true } }

// Model is the root of the console.
type Model struct {
	c    *common
	mode mode
	tab  tab

	// Screens are pointers: a table screen's shared keys hold a pointer to
	// its grid, which must not go stale when the root is copied.
	apps  *appsScreen
	txs   *txScreen
	unm   *unmatchedScreen
	users *usersScreen
	integ *integrationScreen
	sync  *syncScreen
	ov    *overviewScreen
	rn    *renewalsScreen
	wiz   *wizard
	sign  *signInScreen

	fix      *fixPicker
	modal    *modal
	showHelp bool
	toasts   []toastItem
	toastID  int
	loaded   bool
	startCmd tea.Cmd
	// following: a look for other processes' changes is out (follow.go);
	// followNote what the reload under way will show.
	following  bool
	followNote string
}

// New builds the console over a backend.
func New(b Backend, opts ...Option) Model {
	o := options{getenv: os.Getenv, now: time.Now, dark: true, autoSync: true, after: tickAfter}
	for _, f := range opts {
		f(&o)
	}
	noColor := o.getenv("NO_COLOR") != ""
	if o.noColor != nil {
		noColor = *o.noColor
	}
	keys := DefaultKeyMap()
	if o.keys != nil {
		keys = *o.keys
	}
	c := &common{b: b, keys: keys, now: o.now, getenv: o.getenv, noColor: noColor, autoSync: o.autoSync, after: o.after}
	c.st = NewStyles(o.dark, noColor)
	c.info = b.Info()
	m := Model{c: c}
	m.apps = newAppsScreen(c)
	m.txs = newTxScreen(c)
	m.unm = newUnmatchedScreen(c)
	m.users = newUsersScreen(c)
	m.integ = newIntegrationScreen(c)
	m.sync = newSyncScreen(c)
	m.ov = newOverviewScreen(c)
	m.rn = newRenewalsScreen(c, m.ov)
	m.wiz = newWizard(c, o.prefill, defaultFlow(o.getenv, runtime.GOOS))
	m.sign = newSignInScreen(c)
	if !c.info.Connected() || o.reconnect {
		m.mode = modeWizard
		m.wiz.reconnect = c.info.Connected()
		m.startCmd = m.wiz.Init()
	}
	return m
}

// defaultFlow picks device code where a browser is unlikely to open: over
// SSH, or on Linux without a display.
func defaultFlow(getenv func(string) string, goos string) Flow {
	if getenv("SSH_CONNECTION") != "" || getenv("SSH_TTY") != "" {
		return FlowDeviceCode
	}
	if goos == "linux" && getenv("DISPLAY") == "" && getenv("WAYLAND_DISPLAY") == "" {
		return FlowDeviceCode
	}
	return FlowClientCredentials
}

// Run runs the console until the admin quits or ctx ends. NO_COLOR (any
// non-empty value) turns colour off.
func Run(ctx context.Context, b Backend, opts ...Option) error {
	popts := []tea.ProgramOption{tea.WithContext(ctx)}
	if os.Getenv("NO_COLOR") != "" {
		popts = append(popts, tea.WithColorProfile(colorprofile.ASCII))
		opts = append([]Option{WithNoColor(true)}, opts...)
	}
	_, err := tea.NewProgram(New(b, opts...), popts...).Run()
	return err
}

// Init asks for the background colour, and loads the data (or starts the
// wizard).
func (m Model) Init() tea.Cmd {
	cmds := []tea.Cmd{tea.RequestBackgroundColor, followTick(m.c)}
	if m.mode == modeWizard {
		return tea.Batch(append(cmds, m.startCmd)...)
	}
	cmds = append(cmds, loadCmd(m.c.b))
	if m.c.autoSync && m.stale() {
		cmds = append(cmds, emit(startSyncMsg{trigger: "auto"}))
	}
	return tea.Batch(cmds...)
}

// stale reports data older than 24 h (or never synced).
func (m Model) stale() bool {
	return m.c.info.LastSync.IsZero() || m.c.now().Sub(m.c.info.LastSync) > 24*time.Hour
}
