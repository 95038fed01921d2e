package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/bcspend/bcspend/store"
)

// The granularity setting round-trips through the command line with no
// connection and no network at all.
func TestConfigGranularityRoundTripWithoutNetwork(t *testing.T) {
	t.Setenv("BCSPEND_KEYRING", "off")
	g := []string{"--db", filepath.Join(t.TempDir(), "bcspend.db"), "--api-url", "http://127.0.0.1:1", "--authority-url", "http://127.0.0.1:1"}
	step := func(wantCode int, wantOut string, args ...string) string {
		t.Helper()
		code, out, errOut := cli(t, "", append(append([]string{}, g...), args...)...)
		if code != wantCode || !strings.Contains(out, wantOut) {
			t.Fatalf("%v: exit %d (want %d)\nstdout: %s\nstderr: %s", args, code, wantCode, out, errOut)
		}
		return errOut
	}
	step(0, "invoice\n", "config", "get", "transaction-granularity")
	step(0, "transaction-granularity = invoice  (default)", "config", "list")
	step(0, "transaction-granularity = line", "config", "set", "transaction-granularity", "line")
	step(0, "line\n", "config", "get", "transaction-granularity")
	step(0, "transaction-granularity = line\n", "config", "list")

	if e := step(2, "", "config", "set", "transaction-granularity", "lines"); !strings.Contains(e, "what to do: Use one of: invoice, line.") {
		t.Errorf("invalid value stderr: %s", e)
	}
	step(2, "", "config", "set", "colour", "blue")
	step(2, "", "config", "frobnicate")
	step(0, "line\n", "config", "get", "transaction-granularity") // the bad set changed nothing

	step(0, "transaction-granularity = invoice  (default)", "config", "unset", "transaction-granularity")
	db, err := store.Open(g[1])
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, ok, _ := db.Setting(store.SettingGranularity); ok {
		t.Error("unset left the setting stored")
	}
}
