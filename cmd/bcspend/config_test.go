package main

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bcspend/bcspend/failure"
	"github.com/bcspend/bcspend/spend/spendtest"
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

// The reporting currency is a real setting: its default is the first
// company's local currency, only a currency the data can convert to is
// accepted, and the exports follow it.
func TestConfigReportingCurrency(t *testing.T) {
	g := spendDB(t)
	run := func(wantCode int, args ...string) (string, string) {
		t.Helper()
		code, out, errOut := cli(t, "", append(append([]string{}, g...), args...)...)
		if code != wantCode {
			t.Fatalf("%v: exit %d (want %d)\nstdout: %s\nstderr: %s", args, code, wantCode, out, errOut)
		}
		return out, errOut
	}
	if out, _ := run(0, "config", "list"); !strings.Contains(out, "reporting-currency = EUR  (default)") {
		t.Errorf("list:\n%s", out)
	}
	if _, errOut := run(2, "config", "set", "reporting-currency", "JPY"); !strings.Contains(errOut, "what to do: use one of: EUR") {
		t.Errorf("JPY refused without the choices:\n%s", errOut)
	}
	if out, _ := run(0, "config", "set", "reporting-currency", "eur"); out != "reporting-currency = EUR\n" {
		t.Errorf("set: %q", out)
	}
	if out, _ := run(0, "config", "get", "reporting-currency"); out != "EUR\n" {
		t.Errorf("get: %q", out)
	}
	if out, _ := run(0, "export", "apps"); !strings.Contains(out, ",EUR,") {
		t.Errorf("export apps not in EUR:\n%s", out)
	}
	if out, _ := run(0, "config", "unset", "reporting-currency"); out != "reporting-currency = EUR  (default)\n" {
		t.Errorf("unset: %q", out)
	}
}

// The console's exports go to export-dir, an existing absolute directory.
func TestConfigExportDir(t *testing.T) {
	g := spendDB(t)
	dir := t.TempDir()
	if code, _, errOut := cli(t, "", append(g, "config", "set", "export-dir", "relative/dir")...); code != exitUsage || !strings.Contains(errOut, "absolute path") {
		t.Fatalf("relative dir: exit %d %s", code, errOut)
	}
	if code, out, errOut := cli(t, "", append(g, "config", "set", "export-dir", dir)...); code != 0 || out != "export-dir = "+dir+"\n" {
		t.Fatalf("set: exit %d %q %s", code, out, errOut)
	}
	db, err := store.Open(g[1])
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	cat, err := loadCatalog(g[1])
	if err != nil {
		t.Fatal(err)
	}
	b := newBackend(db, &globals{DB: g[1]}, cat)
	b.now = func() time.Time { return spendtest.Now }
	path, err := b.Export("apps", []string{"Slack"})
	if err != nil || filepath.Dir(path) != dir {
		t.Fatalf("export went to %q (%v), want %s", path, err, dir)
	}
	if _, err := b.Export("apps", nil); err == nil || failure.Remedy(err) == "" {
		t.Errorf("an empty view exported: %v", err)
	}
}
