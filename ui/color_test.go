package ui

import (
	"image/color"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// In colour, on dark and light backgrounds, every screen keeps its layout:
// no line wider than the terminal, the same number of lines.
func TestColourLayoutsFit(t *testing.T) {
	for _, bg := range []color.Color{color.Black, color.White} {
		for _, sz := range sizes {
			m := loaded(t, newFake(200), sz.w, sz.h, WithNoColor(false))
			m = step(m, tea.BackgroundColorMsg{Color: bg})
			for _, keys := range [][]string{{"1"}, {"2"}, {"3"}, {"4"}, {"5"}, {"6"}, {"3", "f"}, {"esc", "?"}} {
				m = press(m, keys...)
				out := m.View().Content
				if !strings.Contains(out, "\x1b[") {
					t.Fatal("no colour in colour mode")
				}
				lines := strings.Split(out, "\n")
				if len(lines) != sz.h {
					t.Fatalf("%v %v: %d lines, want %d", bg, keys, len(lines), sz.h)
				}
				for i, l := range lines {
					if w := ansi.StringWidth(l); w > sz.w {
						t.Fatalf("%v %v line %d is %d wide (> %d): %q", bg, keys, i, w, sz.w, ansi.Strip(l))
					}
				}
			}
		}
	}
}
