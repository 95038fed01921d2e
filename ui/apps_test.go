package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

func TestGoldenApplications(t *testing.T) {
	m := loaded(t, newFake(200), 100, 30)
	golden.RequireEqual(t, []byte(screenText(m)))
}

func TestGoldenApplicationsNarrow(t *testing.T) {
	m := loaded(t, newFake(200), 80, 24)
	golden.RequireEqual(t, []byte(screenText(m)))
}

func TestTooSmall(t *testing.T) {
	m := loaded(t, newFake(10), 79, 24)
	if !strings.Contains(screenText(m), "Terminal too small") {
		t.Fatal(screenText(m))
	}
}
