package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/bcspend/bcspend/bc/bcsim"
)

// The preferences file under the user config dir ($XDG_CONFIG_HOME on
// Linux) sets page-size, export-dir and reporting-currency; 'config set'
// (the database) wins over it, 'config unset' falls back to it, and
// sync, the spend figures and config show it with its source.
func TestUserConfigFile(t *testing.T) {
	_, g, _ := connected(t, bcsim.Config{InvoicesPerMonth: 2})
	args := func(a ...string) []string { return append(append([]string{}, g...), a...) }
	xdg := t.TempDir()
	t.Setenv("BCSPEND_CONFIG", "")
	t.Setenv("XDG_CONFIG_HOME", xdg)
	file := filepath.Join(xdg, "bcspend", "config.toml")
	if runtime.GOOS != "linux" {
		t.Setenv("BCSPEND_CONFIG", file) // os.UserConfigDir is not XDG there
	}
	exports := t.TempDir()
	writeConfig := func(text string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(file), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	writeConfig("# my defaults\npage-size = 300\nexport-dir = \"" + exports + "\"\nreporting-currency = \"gbp\"\n")

	get := func(key string) (string, string) {
		t.Helper()
		code, out, errOut := cli(t, "", args("config", "get", key, "--json")...)
		var s struct{ Value, Source string }
		if err := json.Unmarshal([]byte(out), &s); err != nil || code != 0 {
			t.Fatalf("config get %s: exit %d %v %s%s", key, code, err, out, errOut)
		}
		return s.Value, s.Source
	}
	for key, want := range map[string]string{"page-size": "300", "export-dir": exports, "reporting-currency": "GBP"} {
		if v, src := get(key); v != want || src != "config file" {
			t.Errorf("%s = %q from %q, want %q from the config file", key, v, src, want)
		}
	}
	if _, out, _ := cli(t, "", args("config", "list")...); !strings.Contains(out, "page-size = 300  (from "+file+")") {
		t.Errorf("config list does not name the file:\n%s", out)
	}
	code, out, errOut := cli(t, "", args("sync", "--json")...)
	if !strings.Contains(out, `"page_size": 300`) || code != 0 {
		t.Errorf("sync did not use the file's page size: exit %d %s\n%s", code, errOut, out)
	}
	if _, out, _ := cli(t, "", args("insights", "--json")...); !strings.Contains(out, `"reporting_currency": "GBP"`) {
		t.Errorf("insights not in the file's reporting currency:\n%.400s", out)
	}

	cli(t, "", args("config", "set", "page-size", "500")...)
	if v, src := get("page-size"); v != "500" || src != "database" {
		t.Errorf("after config set: %q from %q", v, src)
	}
	if _, out, _ := cli(t, "", args("config", "unset", "page-size")...); !strings.Contains(out, "page-size = 300  (from "+file+")") {
		t.Errorf("config unset does not fall back to the file: %q", out)
	}

	for text, want := range map[string]string{
		"page_size = 300\n":              `unknown setting "page_size"`,
		"page-size = 0\n":                `page-size cannot be "0"`,
		"reporting-currency = \"XYZ\"\n": `no company can convert to reporting-currency "XYZ"`,
		"page-size = [\n":                "Cannot read " + file,
	} {
		writeConfig(text)
		code, out, errOut := cli(t, "", args("config", "get", "page-size")...)
		if text == "reporting-currency = \"XYZ\"\n" {
			code, out, errOut = cli(t, "", args("insights")...)
		}
		if code != exitUsage || !strings.Contains(errOut, want) || !strings.Contains(errOut, file) && !strings.Contains(want, file) {
			t.Errorf("file %q: exit %d, stdout %q, stderr %q; want %q", text, code, out, errOut, want)
		}
	}
}
