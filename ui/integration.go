package ui

import (
	"context"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/bcspend/bcspend/money"
	"github.com/bcspend/bcspend/spend"
	"github.com/bcspend/bcspend/untrusted"
)

// secretResult is the end of a secret replacement.
type secretResult struct{ err error }

// integrationScreen lists the connections with their health; the one
// selected shows its details and its sync history, and is the one a
// secret replacement, a new sign-in or a reconnect targets. Granularity,
// currency and re-sync apply to all.
type integrationScreen struct {
	c    *common
	info Info
	hist []SyncRunInfo
	sel  int // the selected connection
	// editing: the new-secret field has the keys; target is the name of
	// the connection the secret is for, fixed when the field opens.
	editing bool
	target  string
	secret  input
	reason  string
	testing bool
	run     int
	result  *secretResult
	width   int
	height  int
}

func newIntegrationScreen(c *common) *integrationScreen {
	return &integrationScreen{c: c, info: c.info, secret: input{masked: true}}
}

// SetData shows fresh connections, keeping the same one selected.
func (s *integrationScreen) SetData(info Info, hist []SyncRunInfo) {
	name := s.selectedName()
	s.info, s.hist = info, hist
	s.selectNamed(name)
}

func (s *integrationScreen) SetSize(w, h int) { s.width, s.height = w, h }

// selected is the connection the keys act on.
func (s *integrationScreen) selected() (ConnectionInfo, bool) {
	if s.sel < 0 || s.sel >= len(s.info.Connections) {
		return ConnectionInfo{}, false
	}
	return s.info.Connections[s.sel], true
}

func (s *integrationScreen) selectedName() string {
	c, _ := s.selected()
	return c.Name
}

// selectNamed selects the connection called name, if there is one, and
// keeps the selection in range.
func (s *integrationScreen) selectNamed(name string) {
	for i, c := range s.info.Connections {
		if c.Name == name {
			s.sel = i
		}
	}
	s.sel = max(0, min(s.sel, len(s.info.Connections)-1))
}

// OpenSecret opens the secret field for the connection called name (""
// keeps the one selected) with a reason (an expired secret).
func (s *integrationScreen) OpenSecret(name, reason string) {
	s.selectNamed(name)
	s.editing, s.reason, s.result = true, reason, nil
	s.target = s.selectedName()
	s.secret.value = ""
}

func (s *integrationScreen) Paste(msg tea.PasteMsg) {
	if s.editing {
		s.secret.Update(msg, &s.c.keys)
	}
}

func (s *integrationScreen) Update(msg tea.KeyPressMsg) tea.Cmd {
	if s.editing {
		return s.secretKey(msg)
	}
	k := s.c.keys
	switch {
	case key.Matches(msg, k.Up):
		s.sel = max(0, s.sel-1)
	case key.Matches(msg, k.Down):
		s.sel = max(0, min(s.sel+1, len(s.info.Connections)-1))
	case key.Matches(msg, k.Secret):
		return s.renewCredentials()
	case key.Matches(msg, k.Granularity):
		g := spend.PerLine
		if s.info.Granularity == spend.PerLine {
			g = spend.PerInvoice
		}
		b := s.c.b
		return func() tea.Msg { return granularityMsg{g: g, err: b.SetGranularity(g)} }
	case key.Matches(msg, k.Currency):
		cur, ok := nextCurrency(s.info.Currencies, s.info.ReportingCurrency)
		if !ok {
			return nil
		}
		b := s.c.b
		return func() tea.Msg { return currencyMsg{cur: cur, err: b.SetReportingCurrency(cur)} }
	case key.Matches(msg, k.Refresh):
		return s.c.post(startSyncMsg{trigger: "manual"})
	case key.Matches(msg, k.Reconnect):
		if c, ok := s.selected(); ok {
			return s.c.post(reconnectMsg{conn: c})
		}
	}
	return nil
}

// renewCredentials replaces the selected connection's secret, or signs in
// again for a delegated flow.
func (s *integrationScreen) renewCredentials() tea.Cmd {
	c, ok := s.selected()
	if !ok {
		return nil
	}
	if c.Flow != FlowClientCredentials && c.Flow != "" {
		in := ConnInput{Connection: c.Name, Tenant: c.Tenant, Environment: c.Environment, ClientID: c.ClientID, Flow: c.Flow}
		return s.c.post(needSignInMsg{in: in, then: signInThenReplace})
	}
	s.OpenSecret(c.Name, "Paste the Value of a new client secret (Entra > App registrations > Certificates & secrets).")
	return nil
}

func (s *integrationScreen) secretKey(msg tea.KeyPressMsg) tea.Cmd {
	k := &s.c.keys
	switch {
	case key.Matches(msg, k.Back):
		s.editing, s.testing = false, false
		s.secret.value = ""
		return nil
	case key.Matches(msg, k.Enter):
		if s.testing || strings.TrimSpace(s.secret.value) == "" {
			return nil
		}
		s.testing, s.result = true, nil
		s.run = s.c.nextRun()
		b, name, secret := s.c.b, s.target, strings.TrimSpace(s.secret.value)
		return stream(context.Background(), s.run, func(ctx context.Context, _ func(any)) any {
			return secretResult{err: b.ReplaceSecret(ctx, name, secret)}
		})
	}
	if !s.testing {
		s.secret.Update(msg, k)
	}
	return nil
}

// SecretDone ends a replacement: on success the field closes and the data
// reloads; on failure the error and remedy stay under the field.
func (s *integrationScreen) SecretDone(run int, r secretResult) tea.Cmd {
	if run != s.run {
		return nil
	}
	s.testing, s.result = false, &r
	if r.err != nil {
		return nil
	}
	s.editing = false
	s.secret.value = ""
	return tea.Batch(loadCmd(s.c.b), toast("New client secret tested and saved for "+s.target+". Press "+keyName(s.c.keys.Refresh)+" to sync."))
}

// View: the connections, the selected one's details and health, the
// data settings (every connection's), the selected one's history. When
// it does not fit, the granularity's explanation goes first, then the
// tenant and environment rows the list shows already.
func (s *integrationScreen) View() string {
	if v := s.view(false); strings.Count(v, "\n") <= s.height || len(s.info.Connections) < 2 {
		return v
	}
	return s.view(true)
}

func (s *integrationScreen) view(compact bool) string {
	st := &s.c.st
	var top strings.Builder
	if len(s.info.Connections) != 1 {
		top.WriteString(s.listView() + "\n")
	}
	if c, ok := s.selected(); ok {
		top.WriteString(s.detailView(c, compact))
	}
	for _, n := range s.info.CompanyNotes {
		top.WriteString("  " + st.Warn.Render(strings.Join(wrap("! "+n, s.width-4), "\n    ")) + "\n")
	}
	if s.editing {
		top.WriteString(s.secretView())
	}
	top.WriteString("\n " + st.Bold.Render("Data") + st.Dim.Render(s.allNote()) + "\n")
	g := "invoice: one transaction per paid invoice"
	if s.info.Granularity == spend.PerLine {
		g = "line: one transaction per invoice line"
	}
	top.WriteString(infoRow("Granularity", g))
	why := st.Dim.Render("  "+strings.Join(wrap("Per invoice is simplest; per line splits an invoice that pays for several apps (one Microsoft bill for 365 and Azure) and matches each line by its description.", s.width-4), "\n  ")) + "\n"
	rest := infoRow("Currency", orDash(s.info.ReportingCurrency, "-")+"  ("+keyName(s.c.keys.Currency)+" changes it: "+orDash(strings.Join(s.info.Currencies, ", "), "known after the first sync")+")")
	rest += infoRow("Period", s.info.Period.String()+" ("+spend.PeriodDefinition+")")
	rest += "\n " + st.Bold.Render("Sync history"+s.ofSelected()) + "\n" + s.historyView()
	if strings.Count(top.String()+why+rest, "\n") > s.height {
		why = ""
	}
	return top.String() + why + rest
}

// infoRow is one "  Label          value" line.
func infoRow(k, v string) string { return fmt.Sprintf("  %-14s %s\n", k, v) }

// allNote says the data settings apply to every connection, when there
// are several.
func (s *integrationScreen) allNote() string {
	if len(s.info.Connections) > 1 {
		return "  (every connection)"
	}
	return ""
}

// ofSelected is " of NAME" when there are several connections.
func (s *integrationScreen) ofSelected() string {
	if len(s.info.Connections) > 1 {
		return " of " + s.selectedName()
	}
	return ""
}

// listView is one line per connection: name, tenant/environment,
// companies and health, the selected one marked.
func (s *integrationScreen) listView() string {
	st := &s.c.st
	k := s.c.keys
	head := " " + st.Bold.Render(fmt.Sprintf("Connections (%d)", len(s.info.Connections)))
	if len(s.info.Connections) > 1 {
		head += st.Dim.Render("  " + keyName(k.Up) + " " + keyName(k.Down) + " choose; " + keyName(k.Secret) + ", " + keyName(k.Reconnect) + " act on the one chosen")
	}
	lines := []string{head}
	if len(s.info.Connections) == 0 {
		lines = append(lines, "  Not connected: "+keyName(k.Reconnect)+" opens the setup wizard.")
	}
	nameW := 12
	for _, c := range s.info.Connections {
		nameW = max(nameW, min(24, width(c.Name)))
	}
	targetW := max(16, min(34, s.width-3-nameW-2-12-2-19)) // the health keeps its cells ("✗ canceled 23h ago")
	for i, c := range s.info.Connections {
		line := cell(c.Name, nameW, false) + "  " + cell(c.Tenant+"/"+c.Environment, targetW, false) + "  " +
			cell(money.Plural(len(c.Companies), "company", "companies"), 12, false) + "  " + s.healthShort(c)
		if i == s.sel {
			lines = append(lines, st.Selected.Render(fit(" ▸ "+line, s.width)))
		} else {
			lines = append(lines, "   "+line)
		}
	}
	return strings.Join(lines, "\n") + "\n"
}

// healthShort is "✓ ok 2h ago", "✗ failed 1d ago", "never synced".
func (s *integrationScreen) healthShort(c ConnectionInfo) string {
	if c.Health == HealthNever || c.Health == "" {
		return HealthNever
	}
	mark := "✓ "
	switch c.Health {
	case "ok":
	case "running":
		mark = "… "
	default:
		mark = "✗ "
	}
	return mark + c.Health + " " + fmtAge(s.c.now(), c.LastRun)
}

// detailView is the selected connection: what it reads, how it signs in,
// its health with what went wrong and what to do.
func (s *integrationScreen) detailView(c ConnectionInfo, compact bool) string {
	st := &s.c.st
	var b strings.Builder
	b.WriteString(" " + st.Bold.Render("Connection "+c.Name) + "\n")
	out := func(k, v string) { b.WriteString(infoRow(k, v)) }
	if !compact {
		out("Tenant", orDash(c.Tenant, "-"))
		out("Environment", orDash(c.Environment, "-"))
	}
	out("Client ID", orDash(c.ClientID, "-"))
	out("Sign-in flow", flowLabel(c.Flow))
	if c.Flow == FlowClientCredentials || c.Flow == "" {
		sec := "not set"
		if c.HasSecret {
			sec = "•••••••• (stored in " + orDash(c.SecretBackend, "the store") + ")"
		}
		out("Client secret", sec)
	}
	out("Companies", orDash(strings.Join(c.Companies, ", "), "-"))
	health := s.healthShort(c)
	if c.Health != "ok" && !c.LastOK.IsZero() {
		health += " · last good sync " + fmtAge(s.c.now(), c.LastOK)
	}
	out("Last sync", health)
	if c.Problem != "" {
		b.WriteString("    " + st.Error.Render(strings.Join(wrap(c.Problem, s.width-6), "\n    ")) + "\n")
	}
	if c.Remedy != "" {
		b.WriteString(st.Dim.Render("    → "+strings.Join(wrap(c.Remedy, s.width-8), "\n      ")) + "\n")
	}
	return b.String()
}

func (s *integrationScreen) secretView() string {
	st := &s.c.st
	var b strings.Builder
	b.WriteString("\n " + st.Warn.Render("Replace the client secret of "+s.target) + "\n")
	if s.reason != "" {
		b.WriteString("  " + s.reason + "\n")
	}
	b.WriteString("  New secret value: " + s.secret.View(!s.testing, 40) + "\n")
	switch {
	case s.testing:
		c, _ := s.selected()
		b.WriteString("  Testing the new secret against " + c.Tenant + "/" + c.Environment + "…\n")
	case s.result != nil && s.result.err != nil:
		b.WriteString("  " + st.Error.Render("✗ "+errText(s.result.err)) + "\n")
		if r := remedyOf(s.result.err); r != "" {
			b.WriteString("    " + r + "\n")
		}
	default:
		b.WriteString(st.Dim.Render("  The Value column, not the Secret ID. Nothing else needs retyping. "+hint(s.secretKeys()...)) + "\n")
	}
	return b.String()
}

// historyView is the selected connection's last runs (all runs with one
// connection).
func (s *integrationScreen) historyView() string {
	st := &s.c.st
	var b strings.Builder
	n := 0
	for _, h := range s.hist {
		if len(s.info.Connections) > 1 && h.Connection != s.selectedName() {
			continue
		}
		if n++; n > 5 {
			break
		}
		res := st.OK.Render("ok")
		switch {
		case h.Err != "":
			res = st.Error.Render("failed: ") + untrusted.Text(h.Err)
		case h.Canceled:
			res = st.Warn.Render("cancelled")
		}
		fmt.Fprintf(&b, "  %s  %-7s %6s  %6s inv  %s\n", h.Started.Format("2006-01-02 15:04"), h.Trigger,
			fmtDuration(h.Duration), fmtInt(h.Invoices), res)
		if h.Err != "" && h.Remedy != "" {
			b.WriteString(st.Dim.Render("      → "+untrusted.Text(h.Remedy)) + "\n")
		}
	}
	if n == 0 {
		return "  No sync yet.\n"
	}
	return b.String()
}

func flowLabel(f Flow) string {
	switch f {
	case FlowDeviceCode:
		return "device code (delegated)"
	case FlowBrowser:
		return "browser (delegated)"
	case FlowClientCredentials:
		return "client credentials (app-only)"
	}
	return "-"
}

func (s *integrationScreen) HelpKeys() []key.Binding {
	k := s.c.keys
	if s.editing {
		return s.secretKeys()
	}
	secret := k.Secret
	if c, ok := s.selected(); ok && (c.Flow == FlowDeviceCode || c.Flow == FlowBrowser) {
		secret = relabel(k.Secret, "sign in again")
	}
	keys := []key.Binding{secret, k.Granularity, k.Currency, k.Refresh, k.Reconnect}
	if len(s.info.Connections) > 1 {
		keys = append([]key.Binding{relabel(k.Up, "previous"), relabel(k.Down, "next")}, keys...)
	}
	return keys
}

// secretKeys are the keys of the new-secret field.
func (s *integrationScreen) secretKeys() []key.Binding {
	k := s.c.keys
	return []key.Binding{relabel(k.Enter, "test and save"), relabel(k.Back, "cancel")}
}

func (s *integrationScreen) Breadcrumb() string {
	crumb := "Integration"
	if len(s.info.Connections) > 1 {
		crumb += " › " + s.selectedName()
	}
	if s.editing {
		crumb += " › replace secret"
	}
	return crumb
}
func (s *integrationScreen) Click(x, y int) tea.Cmd { return nil }
func (s *integrationScreen) Wheel(int)              {}
func (s *integrationScreen) Editing() bool          { return s.editing }
func (s *integrationScreen) Status() []seg          { return nil }

// nextCurrency is the choice after cur, wrapping; ok is false when there
// is nothing else to choose.
func nextCurrency(choices []string, cur string) (string, bool) {
	if len(choices) == 0 || len(choices) == 1 && choices[0] == cur {
		return "", false
	}
	for i, c := range choices {
		if c == cur {
			return choices[(i+1)%len(choices)], true
		}
	}
	return choices[0], true
}
