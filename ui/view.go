package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

type toastItem struct {
	id   int
	text string
}

// modal is a box over the screen: an error with its remedy and a retry, or
// a text such as the "why this match" trace.
type modal struct {
	title, body, remedy string
	retry               tea.Cmd
	isErr               bool
	scroll              int
}

// View renders the whole console.
func (m Model) View() tea.View {
	v := tea.NewView(m.render())
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "bcspend"
	return v
}

func (m Model) render() string {
	w, h := m.c.width, m.c.height
	if w == 0 || h == 0 {
		return "Loading…"
	}
	if w < minWidth || h < minHeight {
		return fmt.Sprintf("Terminal too small: bcspend needs at least %dx%d, this one is %dx%d.\nEnlarge the window, or press %s to quit.", minWidth, minHeight, w, h, keyName(m.c.keys.Quit))
	}
	var body string
	switch m.mode {
	case modeWizard:
		body = m.frame("Connect to Business Central", m.wiz.View(), m.wiz.HelpKeys(), m.wiz.Breadcrumb())
	case modeSignIn:
		body = m.frame("Sign in", m.sign.View(), m.sign.HelpKeys(), "Sign in")
	default:
		body = m.mainView()
	}
	return m.overlays(body)
}

// frame lays out a full-screen flow (wizard, sign-in) with a title, a
// status line and the help bar.
func (m Model) frame(title, content string, keys []key.Binding, crumb string) string {
	st := &m.c.st
	w, h := m.c.width, m.c.height
	top := st.Title.Render(fit(" bcspend · "+title, w))
	lines := []string{top}
	lines = append(lines, padLines(content, w, h-3)...)
	lines = append(lines, st.Status.Render(fit(" "+crumb, w)), m.helpBar(keys))
	return strings.Join(lines, "\n")
}

func (m Model) mainView() string {
	w, h := m.c.width, m.c.height
	s := m.active()
	lines := []string{m.tabBar()}
	lines = append(lines, padLines(s.View(), w, h-3)...)
	lines = append(lines, m.statusLine(s), m.helpBar(append(s.HelpKeys(), m.globalKeys()...)))
	return strings.Join(lines, "\n")
}

func (m Model) globalKeys() []key.Binding {
	k := m.c.keys
	return []key.Binding{k.NextTab, k.Quit}
}

var shortTabNames = [numTabs]string{"Apps", "Txns", "Unmatched", "Users", "Integ", "Sync", "Overview", "Renew"}

// tabLabels are the tab labels that fit the width, and the prefix before them.
func (m Model) tabLabels() (string, []string) {
	full := make([]string, numTabs)
	short := make([]string, numTabs)
	total := len("bcspend ")
	for i := range tabNames {
		n := tabKey(&m.c.keys, tab(i)) // the key that opens it
		if n != "" {
			n += " "
		}
		full[i] = " " + n + tabNames[i] + " "
		short[i] = " " + n + shortTabNames[i] + " "
		total += ansi.StringWidth(full[i])
	}
	if total <= m.c.width {
		return "bcspend ", full
	}
	return "", short
}

func (m Model) tabBar() string {
	st := &m.c.st
	prefix, labels := m.tabLabels()
	var b strings.Builder
	b.WriteString(st.Title.Render(prefix))
	for i, label := range labels {
		if tab(i) == m.tab {
			b.WriteString(st.TabActive.Render("[" + label[1:len(label)-1] + "]"))
		} else {
			b.WriteString(st.Tab.Render(label))
		}
	}
	return fit(b.String(), m.c.width)
}

// tabAt maps a click on the tab bar to a tab.
func (m Model) tabAt(x int) tab {
	prefix, labels := m.tabLabels()
	pos := len(prefix)
	for i, label := range labels {
		wd := ansi.StringWidth(label)
		if x >= pos && x < pos+wd {
			return tab(i)
		}
		pos += wd
	}
	return -1
}

// seg is one part of the status line; when the line is too long the
// highest prio goes first.
type seg struct {
	text string
	prio int
}

// statusLine: breadcrumb · screen state (filter, sort, counts, totals) ·
// tenant/environment · data age.
func (m Model) statusLine(s screen) string {
	st := &m.c.st
	info := m.c.info
	segs := []seg{{s.Breadcrumb(), 0}}
	segs = append(segs, s.Status()...)
	if m.sync.Running() && m.tab != tabSync {
		segs = append(segs, seg{m.sync.Short(), 0})
	} else if m.loaded && m.stale() && !info.LastSync.IsZero() {
		segs = append(segs, seg{"data older than 24 h: press " + keyName(m.c.keys.Refresh), 0})
	}
	switch cs := info.Connections; len(cs) {
	case 0:
		segs = append(segs, seg{"not connected", 1})
	case 1:
		segs = append(segs, seg{ellipsis(cs[0].Tenant, 8) + "/" + ellipsis(cs[0].Environment, 12), 1})
	default:
		segs = append(segs, seg{fmt.Sprintf("%d connections", len(cs)), 1})
	}
	segs = append(segs, seg{"↻ " + fmtAge(m.c.now(), info.LastSync), 0})
	return st.Status.Render(fit(joinSegs(segs, m.c.width-2), m.c.width))
}

// joinSegs joins segments with " │ ", dropping the least important until
// the line fits in w.
func joinSegs(segs []seg, w int) string {
	for {
		parts := make([]string, 0, len(segs))
		for _, s := range segs {
			if s.text != "" {
				parts = append(parts, s.text)
			}
		}
		line := " " + strings.Join(parts, " │ ")
		worst, at := 0, -1
		for i, s := range segs {
			if s.prio > worst {
				worst, at = s.prio, i
			}
		}
		if ansi.StringWidth(line) <= w || at < 0 {
			return line
		}
		segs = append(segs[:at:at], segs[at+1:]...)
	}
}

func ellipsis(s string, n int) string {
	if ansi.StringWidth(s) <= n {
		return s
	}
	return ansi.Truncate(s, n, "…")
}

// helpBar shows as many whole key hints as fit, always ending with the
// way to the full help.
func (m Model) helpBar(keys []key.Binding) string {
	st := &m.c.st
	render := func(k key.Binding) string {
		hk := k.Help()
		return st.HelpKey.Render(hk.Key) + " " + st.HelpDesc.Render(hk.Desc)
	}
	sep := st.HelpDesc.Render(" · ")
	tail := render(m.c.keys.Help)
	line, room := " ", m.c.width-ansi.StringWidth(tail)-4
	for _, k := range keys {
		if !k.Enabled() || k.Help().Key == m.c.keys.Help.Help().Key { // the tail names it
			continue
		}
		p := render(k) + sep
		if ansi.StringWidth(line)+ansi.StringWidth(p) > room {
			break
		}
		line += p
	}
	return fit(line+tail, m.c.width)
}

// overlays draws the toasts, the fix picker, the help and the modal over the
// screen.
func (m Model) overlays(bg string) string {
	layers := []*lipgloss.Layer{lipgloss.NewLayer(bg)}
	w, h := m.c.width, m.c.height
	if m.fix != nil && m.mode == modeMain {
		box := m.fix.View()
		layers = append(layers, centered(box, w, h, 1))
	}
	if len(m.toasts) > 0 {
		texts := make([]string, len(m.toasts))
		for i, t := range m.toasts {
			texts[i] = "• " + t.text
		}
		tw := min(w-4, 60)
		box := m.c.st.Toast.Width(tw).Render(strings.Join(texts, "\n"))
		bh := lipgloss.Height(box)
		layers = append(layers, lipgloss.NewLayer(box).X(w-lipgloss.Width(box)-1).Y(max(0, h-2-bh)).Z(3))
	}
	if m.showHelp {
		layers = append(layers, centered(m.fullHelp(), w, h, 4))
	}
	if m.modal != nil {
		layers = append(layers, centered(m.modalView(), w, h, 5))
	}
	if len(layers) == 1 {
		return bg
	}
	return lipgloss.NewCompositor(layers...).Render()
}

func centered(box string, w, h, z int) *lipgloss.Layer {
	bw, bh := lipgloss.Width(box), lipgloss.Height(box)
	return lipgloss.NewLayer(box).X(max(0, (w-bw)/2)).Y(max(0, (h-bh)/2)).Z(z)
}

func (m Model) modalView() string {
	st := &m.c.st
	md := m.modal
	bw := min(m.c.width-6, 76)
	inner := bw - st.Box.GetHorizontalFrameSize()
	title := st.Bold.Render(md.title)
	if md.isErr {
		title = st.Error.Render("✗ " + md.title)
	}
	lines := []string{title, ""}
	lines = append(lines, wrap(md.body, inner)...)
	if md.remedy != "" {
		lines = append(lines, "", st.Bold.Render("What to do:"))
		lines = append(lines, wrap(md.remedy, inner)...)
	}
	maxBody := m.c.height - 8
	if len(lines) > maxBody {
		off := min(md.scroll, len(lines)-maxBody)
		lines = lines[off : off+maxBody]
	}
	k := m.c.keys
	foot := hint(relabel(k.Back, "close"))
	if md.retry != nil {
		foot = hint(relabel(k.Retry, "retry"), relabel(k.Back, "close"))
	}
	lines = append(lines, "", st.Dim.Render(foot))
	return st.Box.Width(bw).Render(strings.Join(lines, "\n"))
}

func (m Model) fullHelp() string {
	st := &m.c.st
	k := m.c.keys
	bw := min(m.c.width-2, 84)
	inner := bw - st.Box.GetHorizontalFrameSize()
	groups := [][]key.Binding{
		{k.Up, k.Down, k.Top, k.Bottom, k.PageUp, k.PageDown},
		{k.Filter, k.Sort, k.Reverse, k.Enter, k.Back, k.Export},
		{k.NextTab, k.PrevTab, k.GoToTab, k.Refresh, k.Quit, k.ForceQuit},
	}
	var cols []string
	for _, g := range groups {
		var rows []string
		for _, b := range g {
			hk := b.Help()
			rows = append(rows, st.HelpKey.Render(fmt.Sprintf("%-9s", hk.Key))+" "+fmt.Sprintf("%-13s", hk.Desc))
		}
		cols = append(cols, strings.Join(rows, "\n"))
	}
	var scr []string
	for _, b := range m.activeHelp() {
		hk := b.Help()
		scr = append(scr, hk.Key+" "+hk.Desc)
	}
	body := lipgloss.JoinHorizontal(lipgloss.Top, cols[0], " ", cols[1], " ", cols[2])
	out := st.Bold.Render("Keys") + "\n\n" + body
	if len(scr) > 0 {
		out += "\n\n" + st.Bold.Render("On this screen") + "\n" + strings.Join(wrap(strings.Join(scr, " · "), inner), "\n")
	}
	out += "\n\n" + strings.Join(wrap("Mouse: the wheel scrolls, a click selects (a second click opens), a click on a header sorts, on a tab opens it.", inner), "\n")
	out += "\n" + st.Dim.Render(keyName(k.Help)+" or "+keyName(k.Back)+" closes this help")
	return st.Box.Width(bw).Render(out)
}

func (m Model) activeHelp() []key.Binding {
	switch m.mode {
	case modeWizard:
		return m.wiz.HelpKeys()
	case modeSignIn:
		return m.sign.HelpKeys()
	}
	return m.active().HelpKeys()
}

// padLines splits s into exactly n lines of width w.
func padLines(s string, w, n int) []string {
	lines := strings.Split(s, "\n")
	if len(lines) > n {
		lines = lines[:n]
	}
	for i := range lines {
		lines[i] = fit(lines[i], w)
	}
	for len(lines) < n {
		lines = append(lines, strings.Repeat(" ", w))
	}
	return lines
}

// wrap word-wraps plain text to width w.
func wrap(s string, w int) []string {
	if w <= 0 {
		return []string{s}
	}
	var out []string
	for _, para := range strings.Split(s, "\n") {
		out = append(out, strings.Split(ansi.Wordwrap(para, w, ""), "\n")...)
	}
	return out
}
