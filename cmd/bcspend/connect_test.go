package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bcspend/bcspend/bc/bcsim"
	"github.com/bcspend/bcspend/secretstore"
	"github.com/bcspend/bcspend/store"
)

// cli runs the command line in-process with its own streams.
func cli(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), args, stdio{in: strings.NewReader(stdin), out: &out, err: &errb})
	return code, out.String(), errb.String()
}

// simArgs starts a simulated tenant and returns the global flags that point
// bcspend at it, with a fresh database path.
func simArgs(t *testing.T, cfg bcsim.Config) (*bcsim.Tenant, []string, string) {
	t.Helper()
	t.Setenv("BCSPEND_KEYRING", "off")
	t.Setenv("BCSPEND_CLIENT_SECRET", "")
	t.Setenv("BCSPEND_CONFIG", filepath.Join(t.TempDir(), "no-config.toml")) // not the tester's own preferences
	if cfg.Seed == 0 {
		cfg.Seed = 1
	}
	ten := bcsim.New(cfg)
	srv, err := ten.Start("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	db := filepath.Join(t.TempDir(), "sub", "bcspend.db")
	return ten, []string{"--db", db, "--authority-url", srv.AuthorityURL(), "--api-url", srv.APIURL()}, db
}

func connectArgs(globals []string, client, flow string, extra ...string) []string {
	args := append([]string{}, globals...)
	args = append(args, "connect", "--tenant", bcsim.TenantID, "--environment", bcsim.Environment, "--client-id", client, "--flow", flow)
	return append(args, extra...)
}

func TestConnectClientCredentialsSavesConnection(t *testing.T) {
	_, g, dbPath := simArgs(t, bcsim.Config{})
	code, out, errOut := cli(t, bcsim.ClientSecret+"\n", connectArgs(g, bcsim.ClientID, "client-credentials", "--client-secret-stdin")...)
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	if !strings.Contains(out, "Tracking 3 of 3 companies") || strings.Contains(out+errOut, bcsim.ClientSecret) {
		t.Fatalf("output:\n%s\n%s", out, errOut)
	}
	info, err := os.Stat(dbPath)
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("db file: %v %v", info.Mode(), err)
	}
	if dir, _ := os.Stat(filepath.Dir(dbPath)); dir.Mode().Perm() != 0o700 {
		t.Errorf("db dir mode %v", dir.Mode().Perm())
	}
	db, err := store.Open(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	conn, ok, err := db.Connection()
	if !ok || err != nil || conn.ClientID != bcsim.ClientID || conn.FirstConnected.IsZero() || len(conn.Companies) != 3 {
		t.Fatalf("saved connection: %+v %v %v", conn, ok, err)
	}
	secret, ok, _ := secretstore.Open(db, nil, conn.TenantID, conn.ClientID).Get(secretstore.ClientSecret)
	if !ok || secret != bcsim.ClientSecret {
		t.Fatal("secret not saved")
	}
}

func TestConnectSecretFromEnvironmentAndCompanyChoice(t *testing.T) {
	ten, g, _ := simArgs(t, bcsim.Config{})
	t.Setenv("BCSPEND_CLIENT_SECRET", bcsim.ClientSecret)
	name := ten.Companies()[1].Name
	code, out, errOut := cli(t, "", connectArgs(g, bcsim.ClientID, "client-credentials", "--company", name)...)
	if code != 0 || !strings.Contains(out, "Tracking 1 of 3") || !strings.Contains(out, name) {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
}

func TestConnectDeviceFlow(t *testing.T) {
	_, g, _ := simArgs(t, bcsim.Config{})
	code, out, errOut := cli(t, "", connectArgs(g, bcsim.PublicClientID, "device")...)
	if code != 0 || !strings.Contains(errOut, "enter the code") || !strings.Contains(out, "device flow") {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
}

func TestConnectBrowserFlow(t *testing.T) {
	curl, err := exec.LookPath("curl")
	if err != nil {
		t.Skip("curl is needed for the fake browser")
	}
	_, g, _ := simArgs(t, bcsim.Config{})
	browser := filepath.Join(t.TempDir(), "browser")
	script := "#!/bin/sh\nexec " + curl + " -sSL -o /dev/null \"$1\"\n"
	if err := os.WriteFile(browser, []byte(script), 0o700); err != nil {
		t.Fatal(err)
	}
	t.Setenv("BROWSER", browser)
	code, out, errOut := cli(t, "", connectArgs(g, bcsim.PublicClientID, "browser", "--browser-timeout", (20*time.Second).String())...)
	if code != 0 || !strings.Contains(errOut, "If it does not open, visit") || !strings.Contains(out, "browser flow") {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
}

func TestConnectFailuresExitThreeAndSaveNothing(t *testing.T) {
	cases := []struct {
		name, client, secret, env, remedy string
	}{
		{"wrong secret", bcsim.ClientID, "wrong", bcsim.Environment, "Value, not its Secret ID"},
		{"expired secret", bcsim.ExpiredClientID, bcsim.ExpiredClientSecret, bcsim.Environment, "new client secret"},
		{"wrong environment", bcsim.ClientID, bcsim.ClientSecret, "Sandbox", "Environment Name"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, g, dbPath := simArgs(t, bcsim.Config{})
			args := append([]string{}, g...)
			args = append(args, "connect", "--tenant", bcsim.TenantID, "--environment", c.env, "--client-id", c.client,
				"--flow", "client-credentials", "--client-secret-stdin")
			code, out, errOut := cli(t, c.secret, args...)
			if code != 3 || !strings.Contains(errOut, "what to do: ") || !strings.Contains(errOut, c.remedy) {
				t.Fatalf("exit %d\nstdout: %s\nstderr: %s", code, out, errOut)
			}
			if strings.Contains(out+errOut, c.secret) && len(c.secret) > 8 {
				t.Fatal("secret printed")
			}
			if _, err := os.Stat(dbPath); !os.IsNotExist(err) {
				t.Fatalf("a failed first connect left a database behind: %v", err)
			}
		})
	}
}

func TestUsageErrorsExitTwo(t *testing.T) {
	_, g, dbPath := simArgs(t, bcsim.Config{})
	cases := [][]string{
		connectArgs(g, "not-a-guid", "device"),
		connectArgs(g, bcsim.ClientID, "carrier-pigeon"),
		connectArgs(g, bcsim.ClientID, "client-credentials"), // no secret anywhere
		append(append([]string{}, g...), "connect", "--client-secret", "x"),
		append(append([]string{}, g...), "frobnicate"),
	}
	for _, args := range cases {
		code, _, errOut := cli(t, "", args...)
		if code != 2 || errOut == "" {
			t.Errorf("%v: exit %d, stderr %q", args[len(g):], code, errOut)
		}
	}
	if _, err := os.Stat(dbPath); !os.IsNotExist(err) {
		t.Error("invalid input must not create the database")
	}
}

func TestHelpAndVersion(t *testing.T) {
	code, out, _ := cli(t, "", "--help")
	for _, want := range []string{"demo", "connect", "status", "simulate", "--db", "BCSPEND_DB", "--authority-url", "--api-url", "Examples:", "Exit codes"} {
		if !strings.Contains(out, want) {
			t.Errorf("help lacks %q", want)
		}
	}
	if code != 0 {
		t.Errorf("--help exit %d", code)
	}
	if code, out, _ := cli(t, "", "--version"); code != 0 || !strings.HasPrefix(out, "bcspend ") {
		t.Errorf("--version: %d %q", code, out)
	}
}

func TestStatusAfterConnect(t *testing.T) {
	_, g, _ := simArgs(t, bcsim.Config{})
	if code, out, errOut := cli(t, bcsim.ClientSecret, connectArgs(g, bcsim.ClientID, "client-credentials", "--client-secret-stdin")...); code != 0 {
		t.Fatalf("connect: %d %s %s", code, out, errOut)
	}
	code, out, errOut := cli(t, "", append(append([]string{}, g...), "status")...)
	if code != 0 || !strings.Contains(out, "Tenant:       "+bcsim.TenantID) || !strings.Contains(out, "stored (hidden)") ||
		!strings.Contains(out, "Last sync:    never") || strings.Contains(out, bcsim.ClientSecret) {
		t.Fatalf("status exit %d:\n%s%s", code, out, errOut)
	}
}

// `connect` tests every company: without --companies it tracks the ones
// it can read and says which it left out and why; naming one it cannot
// read fails with the remedy and saves nothing.
func TestConnectChecksEveryChosenCompany(t *testing.T) {
	ten, g, db := simArgs(t, bcsim.Config{})
	denied := ten.Companies()[0]
	for _, c := range ten.Companies() {
		if c.ID > denied.ID {
			denied = c
		}
	}
	ten.SetFaults(bcsim.Faults{DenyCompany: denied.ID})
	code, out, errOut := cli(t, bcsim.ClientSecret, connectArgs(g, bcsim.ClientID, "client-credentials", "--client-secret-stdin", "--company", denied.Name)...)
	if code != exitAdmin || !strings.Contains(errOut, denied.Name) || !strings.Contains(errOut, "permission sets") {
		t.Fatalf("naming a refused company: exit %d\n%s%s", code, out, errOut)
	}
	if _, err := os.Stat(db); err == nil {
		if s, _ := store.Open(db); s != nil {
			_, ok, _ := s.Connection()
			s.Close()
			if ok {
				t.Fatal("a failed connect saved the connection")
			}
		}
	}
	code, out, errOut = cli(t, bcsim.ClientSecret, connectArgs(g, bcsim.ClientID, "client-credentials", "--client-secret-stdin")...)
	if code != 0 || !strings.Contains(out, "Tracking 2 of 3 companies") || !strings.Contains(errOut, "not tracking "+denied.Name) {
		t.Fatalf("all companies: exit %d\n%s%s", code, out, errOut)
	}
}
