package ui

import (
	"context"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/bcspend/bcspend/spend"
	"github.com/bcspend/bcspend/untrusted"
)

// secretResult is the end of a secret replacement.
type secretResult struct{ err error }

// integrationScreen shows the connection's health and lets the admin
// replace an expired secret, switch granularity, re-sync or reconnect.
type integrationScreen struct {
	c       *common
	info    Info
	hist    []SyncRunInfo
	editing bool // the new-secret field has the keys
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

func (s *integrationScreen) SetData(info Info, hist []SyncRunInfo) { s.info, s.hist = info, hist }

func (s *integrationScreen) SetSize(w, h int) { s.width, s.height = w, h }

// OpenSecret opens the secret field with a reason (an expired secret).
func (s *integrationScreen) OpenSecret(reason string) {
	s.editing, s.reason, s.result = true, reason, nil
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
	case key.Matches(msg, k.Secret):
		if s.info.Flow != FlowClientCredentials && s.info.Flow != "" {
			in := ConnInput{Tenant: s.info.Tenant, Environment: s.info.Environment, ClientID: s.info.ClientID, Flow: s.info.Flow}
			return s.c.post(needSignInMsg{in: in, then: signInThenReplace})
		}
		s.OpenSecret("Paste the Value of a new client secret (Entra > App registrations > Certificates & secrets).")
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
		return s.c.post(reconnectMsg{})
	}
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
		b, secret := s.c.b, strings.TrimSpace(s.secret.value)
		return stream(context.Background(), s.run, func(ctx context.Context, _ func(any)) any {
			return secretResult{err: b.ReplaceSecret(ctx, secret)}
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
	return tea.Batch(loadCmd(s.c.b), toast("New client secret tested and saved. Press "+keyName(s.c.keys.Refresh)+" to sync."))
}

func (s *integrationScreen) View() string {
	st := &s.c.st
	in := s.info
	var b strings.Builder
	row := func(k, v string) { fmt.Fprintf(&b, "  %-14s %s\n", k, v) }
	b.WriteString(" " + st.Bold.Render("Connection") + "\n")
	row("Tenant", orDash(in.Tenant, "-"))
	row("Environment", orDash(in.Environment, "-"))
	row("Client ID", orDash(in.ClientID, "-"))
	row("Sign-in flow", flowLabel(in.Flow))
	if in.Flow == FlowClientCredentials || in.Flow == "" {
		sec := "not set"
		if in.HasSecret {
			sec = "•••••••• (stored in " + orDash(in.SecretBackend, "the store") + ")"
		}
		row("Client secret", sec)
	}
	row("Companies", orDash(strings.Join(in.Companies, ", "), "-"))
	for _, n := range in.CompanyNotes {
		b.WriteString("  " + st.Warn.Render(strings.Join(wrap("! "+n, s.width-4), "\n    ")) + "\n")
	}
	if s.editing {
		b.WriteString(s.secretView())
	}
	b.WriteString("\n " + st.Bold.Render("Data") + "\n")
	row("Last sync", fmtAge(s.c.now(), in.LastSync))
	g := "invoice: one transaction per paid invoice"
	if in.Granularity == spend.PerLine {
		g = "line: one transaction per invoice line"
	}
	row("Granularity", g)
	b.WriteString(st.Dim.Render("  "+strings.Join(wrap("Per invoice is simplest; per line splits an invoice that pays for several apps (one Microsoft bill for 365 and Azure) and matches each line by its description.", s.width-4), "\n  ")) + "\n")
	row("Currency", orDash(in.ReportingCurrency, "-")+"  ("+keyName(s.c.keys.Currency)+" changes it: "+orDash(strings.Join(in.Currencies, ", "), "known after the first sync")+")")
	row("Period", in.Period.String()+" ("+spend.PeriodDefinition+")")
	b.WriteString("\n " + st.Bold.Render("Sync history") + "\n")
	b.WriteString(s.historyView())
	return b.String()
}

func (s *integrationScreen) secretView() string {
	st := &s.c.st
	var b strings.Builder
	b.WriteString("\n " + st.Warn.Render("Replace the client secret") + "\n")
	if s.reason != "" {
		b.WriteString("  " + s.reason + "\n")
	}
	b.WriteString("  New secret value: " + s.secret.View(!s.testing, 40) + "\n")
	switch {
	case s.testing:
		b.WriteString("  Testing the new secret against " + s.info.Tenant + "/" + s.info.Environment + "…\n")
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

func (s *integrationScreen) historyView() string {
	st := &s.c.st
	if len(s.hist) == 0 {
		return "  No sync yet.\n"
	}
	var b strings.Builder
	for i, h := range s.hist {
		if i >= 5 {
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
	if s.info.Flow == FlowDeviceCode || s.info.Flow == FlowBrowser {
		secret = relabel(k.Secret, "sign in again")
	}
	return []key.Binding{secret, k.Granularity, k.Currency, k.Refresh, k.Reconnect}
}

// secretKeys are the keys of the new-secret field.
func (s *integrationScreen) secretKeys() []key.Binding {
	k := s.c.keys
	return []key.Binding{relabel(k.Enter, "test and save"), relabel(k.Back, "cancel")}
}

func (s *integrationScreen) Breadcrumb() string {
	if s.editing {
		return "Integration › replace secret"
	}
	return "Integration"
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
