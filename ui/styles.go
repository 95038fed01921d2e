package ui

import (
	"charm.land/lipgloss/v2"
)

// Styles is every style the console uses, built from a handful of semantic
// colours for a dark or light background, or without colour (NO_COLOR).
type Styles struct {
	NoColor bool
	Dark    bool

	App       lipgloss.Style // whole-screen base
	Title     lipgloss.Style
	Tab       lipgloss.Style
	TabActive lipgloss.Style
	Header    lipgloss.Style // table header
	Selected  lipgloss.Style // selected table row (reverse video: never colour alone)
	Dim       lipgloss.Style
	Bold      lipgloss.Style
	OK        lipgloss.Style
	Warn      lipgloss.Style
	Error     lipgloss.Style
	Status    lipgloss.Style
	HelpKey   lipgloss.Style
	HelpDesc  lipgloss.Style
	Box       lipgloss.Style // modal and panel border
	Toast     lipgloss.Style
	Big       lipgloss.Style // the device code
	Focused   lipgloss.Style // focused input label
	Accent    lipgloss.Style
}

// NewStyles builds the styles for a background (dark or light), or plain
// ones when noColor is set.
func NewStyles(dark, noColor bool) Styles {
	ld := lipgloss.LightDark(dark)
	var (
		fg     = ld(lipgloss.Color("#1f2328"), lipgloss.Color("#e6edf3"))
		muted  = ld(lipgloss.Color("#57606a"), lipgloss.Color("#8b949e"))
		accent = ld(lipgloss.Color("#0550ae"), lipgloss.Color("#58a6ff"))
		good   = ld(lipgloss.Color("#1a7f37"), lipgloss.Color("#3fb950"))
		warn   = ld(lipgloss.Color("#9a6700"), lipgloss.Color("#d29922"))
		bad    = ld(lipgloss.Color("#cf222e"), lipgloss.Color("#f85149"))
		selBg  = ld(lipgloss.Color("#ddf4ff"), lipgloss.Color("#1f3a5f"))
	)
	s := Styles{NoColor: noColor, Dark: dark}
	base := lipgloss.NewStyle()
	if noColor {
		s.Title = base.Bold(true)
		s.Tab = base
		s.TabActive = base.Bold(true).Reverse(true)
		s.Header = base.Bold(true).Underline(true)
		s.Selected = base.Reverse(true)
		s.Dim = base.Faint(true)
		s.Bold = base.Bold(true)
		s.OK, s.Warn, s.Error = base.Bold(true), base.Bold(true), base.Bold(true)
		s.Status = base.Reverse(true)
		s.HelpKey = base.Bold(true)
		s.HelpDesc = base
		s.Box = base.Border(lipgloss.NormalBorder()).Padding(0, 1)
		s.Toast = base.Border(lipgloss.NormalBorder()).Padding(0, 1)
		s.Big = base.Bold(true)
		s.Focused = base.Bold(true).Underline(true)
		s.Accent = base.Bold(true)
		return s
	}
	s.App = base.Foreground(fg)
	s.Title = base.Bold(true).Foreground(accent)
	s.Tab = base.Foreground(muted)
	s.TabActive = base.Bold(true).Foreground(fg).Background(selBg)
	s.Header = base.Bold(true).Foreground(accent)
	s.Selected = base.Bold(true).Foreground(fg).Background(selBg).Reverse(false)
	s.Dim = base.Foreground(muted)
	s.Bold = base.Bold(true)
	s.OK = base.Foreground(good).Bold(true)
	s.Warn = base.Foreground(warn).Bold(true)
	s.Error = base.Foreground(bad).Bold(true)
	s.Status = base.Foreground(fg).Background(selBg)
	s.HelpKey = base.Foreground(accent).Bold(true)
	s.HelpDesc = base.Foreground(muted)
	s.Box = base.Border(lipgloss.RoundedBorder()).BorderForeground(accent).Padding(0, 1)
	s.Toast = base.Border(lipgloss.RoundedBorder()).BorderForeground(warn).Padding(0, 1)
	s.Big = base.Bold(true).Foreground(accent)
	s.Focused = base.Bold(true).Foreground(accent)
	s.Accent = base.Foreground(accent)
	return s
}
