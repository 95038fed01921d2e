package ui

import (
	"fmt"
	"strings"

	"github.com/bcspend/bcspend/money"
)

func (w *wizard) View() string {
	switch w.step {
	case stepIntro:
		return w.introView()
	case stepFlow:
		return w.flowView()
	case stepFields:
		return w.fieldsView()
	case stepTest:
		return w.testView()
	}
	return w.companiesView()
}

func (w *wizard) introView() string {
	st := &w.c.st
	tw := w.width - 4
	var b strings.Builder
	intro := "bcspend reads paid purchase invoices, vendors and users from Business Central and never writes. " +
		"BC has no read-only API scope, so the app needs Financials.ReadWrite.All (API.ReadWrite.All for client " +
		"credentials); keep it read-only inside BC with read permission sets."
	b.WriteString("\n")
	for _, l := range wrap(intro, tw) {
		b.WriteString(" " + l + "\n")
	}
	b.WriteString("\n " + st.Bold.Render("Setup checklist") + st.Dim.Render("  (tick as you go; "+keyName(w.c.keys.Toggle)+")") + "\n")
	for i, item := range checklist {
		box := "[ ]"
		if w.checks[i] {
			box = "[x]"
		}
		lines := wrap(item, tw-6)
		for j, l := range lines {
			prefix := "     "
			if j == 0 {
				prefix = " " + box + " "
			}
			line := prefix + l
			if i == w.checkCur {
				if j == 0 {
					line = "▸" + line[1:]
				}
				line = st.Selected.Render(fit(line, tw+2))
			}
			b.WriteString(line + "\n")
		}
	}
	return b.String()
}

func (w *wizard) flowView() string {
	st := &w.c.st
	var b strings.Builder
	b.WriteString("\n " + st.Bold.Render("How should bcspend sign in?") + "\n\n")
	for i, f := range flows {
		mark := "( )"
		if i == w.flowCur {
			mark = "(•)"
		}
		line := fmt.Sprintf(" %s %s %s", mark, w.choiceKey(i), f.name)
		if i == w.flowCur {
			line = st.Selected.Render("▸" + line[1:])
		}
		b.WriteString(line + "\n")
		for _, l := range wrap(f.when, w.width-10) {
			b.WriteString("       " + st.Dim.Render(l) + "\n")
		}
		b.WriteString("\n")
	}
	if w.def == FlowDeviceCode && w.flow() == FlowDeviceCode {
		for _, l := range wrap("Device code is preselected: this looks like an SSH session or a machine without a display.", w.width-2) {
			b.WriteString(" " + st.Dim.Render(l) + "\n")
		}
	}
	return b.String()
}

// choiceKey is the key that picks option i (Choice), "" when none does.
func (w *wizard) choiceKey(i int) string {
	if keys := w.c.keys.Choice.Keys(); i < len(keys) {
		return keys[i]
	}
	return ""
}

func (w *wizard) fieldsView() string {
	st := &w.c.st
	var b strings.Builder
	title := "Connection details"
	if w.conn != "" {
		title += " of " + w.conn + " (reconnect)"
	}
	b.WriteString("\n " + st.Bold.Render(title) + st.Dim.Render("  ("+flows[w.flowCur].name+" flow)") + "\n\n")
	for i := 0; i < w.nFields(); i++ {
		f := wizardFields[i]
		label := fmt.Sprintf("%-17s", f.label)
		if i == w.focus {
			label = st.Focused.Render("▸ "+label) + " "
		} else {
			label = "  " + label + " "
		}
		b.WriteString(" " + label + "[" + fit(w.fields[i].View(i == w.focus, 44), 45) + "]\n")
		b.WriteString("                     " + w.fieldNote(i) + "\n")
	}
	return b.String()
}

// fieldNote is the validation under a field: ✓, the specific error and its
// remedy, or the hint.
func (w *wizard) fieldNote(i int) string {
	st := &w.c.st
	v := w.fields[i].value
	switch {
	case w.checked[i] != v || v == "" && w.errs[i] == nil:
		return st.Dim.Render(wizardFields[i].hint)
	case w.errs[i] != nil:
		msg := st.Error.Render("✗ " + errText(w.errs[i]))
		if !blocks(w.errs[i]) { // a warning's sentence carries its advice: all of it shows
			msg = st.Warn.Render(strings.Join(wrap("! "+errText(w.errs[i]), w.width-24), "\n                       "))
		}
		if r := remedyOf(w.errs[i]); r != "" {
			msg += "\n                       " + strings.Join(wrap(r, w.width-26), "\n                       ")
		}
		return msg
	}
	return st.OK.Render("✓ looks right")
}

func (w *wizard) testView() string {
	st := &w.c.st
	var b strings.Builder
	in := w.input()
	b.WriteString("\n " + st.Bold.Render("Testing the connection to "+in.Tenant+" / "+in.Environment) + "\n\n")
	for _, s := range w.steps {
		switch s.State {
		case StepOK:
			b.WriteString("  " + st.OK.Render("✓") + " " + s.Name)
			if s.Detail != "" {
				b.WriteString(st.Dim.Render(" · " + s.Detail))
			}
			b.WriteString("\n")
		case StepFailed:
			b.WriteString("  " + st.Error.Render("✗ "+s.Name) + ": " + errText(s.Err) + "\n")
			if r := remedyOf(s.Err); r != "" {
				for _, l := range wrap(r, w.width-8) {
					b.WriteString("      " + l + "\n")
				}
			}
		default:
			b.WriteString("  … " + s.Name + "\n")
		}
	}
	switch {
	case w.testing:
		b.WriteString("\n " + st.Dim.Render("Working…") + "\n")
	case w.testErr != nil:
		if !w.stepsShowError() {
			b.WriteString("\n " + st.Error.Render("✗ "+errText(w.testErr)) + "\n")
			if r := remedyOf(w.testErr); r != "" {
				b.WriteString("   " + r + "\n")
			}
		}
		k := w.c.keys
		b.WriteString("\n " + strings.Join(wrap("Fix it, then press "+keyName(k.Retry)+" to test again. "+keyName(k.Back)+" goes back to the fields; nothing typed is lost.", w.width-2), "\n ") + "\n")
	default:
		b.WriteString("\n " + st.OK.Render(fmt.Sprintf("Connection works: %s found.", money.Plural(len(w.companies), "company", "companies"))) + " Press " + keyName(w.c.keys.Enter) + " to choose which to sync.\n")
	}
	return b.String()
}

func (w *wizard) stepsShowError() bool {
	for _, s := range w.steps {
		if s.State == StepFailed {
			return true
		}
	}
	return false
}

func (w *wizard) companiesView() string {
	st := &w.c.st
	var b strings.Builder
	b.WriteString("\n " + st.Bold.Render("Which companies should bcspend read?") + "\n\n")
	for i, c := range w.companies {
		box := "[ ]"
		if w.chosen[i] {
			box = "[x]"
		}
		line := " " + box + " " + c.Name
		if c.Problem != "" {
			line += "  " + st.Warn.Render("✗ cannot read its invoices: "+c.Problem)
		}
		if i == w.compCur {
			line = st.Selected.Render("▸" + line)
		} else {
			line = " " + line
		}
		b.WriteString(line + "\n")
	}
	if !anyTrue(w.chosen) {
		b.WriteString("\n " + st.Warn.Render("Choose at least one company.") + "\n")
	}
	if w.saving {
		b.WriteString("\n Saving the connection…\n")
	}
	return b.String()
}

func anyTrue(bs []bool) bool {
	for _, b := range bs {
		if b {
			return true
		}
	}
	return false
}
