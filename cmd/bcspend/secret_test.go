package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bcspend/bcspend/bc/bcsim"
	"github.com/bcspend/bcspend/secretstore"
	"github.com/bcspend/bcspend/store"
)

// storedSecret is the client secret saved in the database (keyring off).
func storedSecret(t *testing.T, path string) string {
	t.Helper()
	db, err := store.OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	conn, _, err := db.Connection()
	if err != nil {
		t.Fatal(err)
	}
	s, _, err := secretstore.Open(db, nil, conn.TenantID, conn.ClientID).Get(secretstore.ClientSecret)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// A secret file others can read is refused before anything is created
// or sent; chmod 600 makes it acceptable.
func TestSecretFileOnlyItsOwnerCanRead(t *testing.T) {
	_, g, dbPath := simArgs(t, bcsim.Config{})
	file := filepath.Join(t.TempDir(), "secret")
	if err := os.WriteFile(file, []byte(bcsim.ClientSecret+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(file, 0o644); err != nil { // whatever the umask
		t.Fatal(err)
	}
	code, out, errOut := cli(t, "", connectArgs(g, bcsim.ClientID, "client-credentials", "--client-secret-file", file)...)
	if code != exitUsage || !strings.Contains(errOut, "can be read by other users (mode 0644)") || !strings.Contains(errOut, "chmod 600 "+file) {
		t.Fatalf("group/world-readable file: exit %d\n%s%s", code, out, errOut)
	}
	if _, err := os.Stat(dbPath); !os.IsNotExist(err) {
		t.Fatal("a refused secret file created the database")
	}
	if err := os.Chmod(file, 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errOut = cli(t, "", connectArgs(g, bcsim.ClientID, "client-credentials", "--client-secret-file", file)...)
	if code != 0 || strings.Contains(out+errOut, bcsim.ClientSecret) {
		t.Fatalf("0600 file: exit %d\n%s%s", code, out, errOut)
	}
	if s := storedSecret(t, dbPath); s != bcsim.ClientSecret {
		t.Errorf("stored secret %q", s)
	}
	code, _, errOut = cli(t, bcsim.ClientSecret, connectArgs(g, bcsim.ClientID, "client-credentials", "--client-secret-file", file, "--client-secret-stdin")...)
	if code != exitUsage || !strings.Contains(errOut, "both give the secret") {
		t.Errorf("two sources: exit %d %s", code, errOut)
	}
}

// 'secret replace' tests the new secret before saving it: a wrong one
// leaves the old one in place, a new valid one replaces it and sync works
// again after the old one expired.
func TestSecretReplaceTestsTheConnectionFirst(t *testing.T) {
	ten, g, dbPath := connected(t, bcsim.Config{InvoicesPerMonth: 2})
	ten.SetFaults(bcsim.Faults{ExpireSecret: true})
	if code, _, errOut := cli(t, "", append(g, "sync")...); code != exitAdmin {
		t.Fatalf("sync with an expired secret: exit %d %s", code, errOut)
	}
	replace := append(append([]string{}, g...), "secret", "replace", "--client-secret-stdin")
	wrong := "bcs8Q~wrong.Secret-Value_0123456789abcdefGHIJ"
	code, out, errOut := cli(t, wrong, replace...)
	if code != exitAdmin || !strings.Contains(errOut, "what to do:") || strings.Contains(out+errOut, wrong) {
		t.Fatalf("wrong secret: exit %d\n%s%s", code, out, errOut)
	}
	if s := storedSecret(t, dbPath); s != bcsim.ClientSecret {
		t.Fatalf("a secret that failed the test was saved: %q", s)
	}
	fresh := ten.NewClientSecret()
	code, out, errOut = cli(t, fresh+"\n", replace...)
	if code != 0 || !strings.Contains(out, "Replaced the client secret") || !strings.Contains(errOut, "✓") || strings.Contains(out+errOut, fresh) {
		t.Fatalf("new secret: exit %d\n%s%s", code, out, errOut)
	}
	if s := storedSecret(t, dbPath); s != fresh {
		t.Fatalf("stored secret %q, want the new one", s)
	}
	if code, _, errOut := cli(t, "", append(g, "sync")...); code != 0 {
		t.Fatalf("sync after the replacement: exit %d %s", code, errOut)
	}
	if code, _, errOut := cli(t, "", "--db", filepath.Join(t.TempDir(), "none.db"), "secret", "replace", "--client-secret-stdin"); code != exitUsage ||
		!strings.Contains(errOut, "No new client secret") {
		t.Errorf("empty stdin: exit %d %s", code, errOut)
	}
}

// On a terminal the secret is prompted for and not echoed: typed into a
// real terminal (tmux), it never shows on the screen, for connect's
// --client-secret-stdin and for 'secret replace' with no secret given.
func TestSecretPromptDoesNotEcho(t *testing.T) {
	tmux, bin := tmuxBinary(t)
	ten, g, _ := simArgs(t, bcsim.Config{InvoicesPerMonth: 2})
	fresh := ten.NewClientSecret()
	script := "BCSPEND_KEYRING=off BCSPEND_CLIENT_SECRET= " + bin + " " + strings.Join(connectArgs(g, bcsim.ClientID, "client-credentials", "--client-secret-stdin"), " ") +
		"; echo CONNECT_EXIT=$?; BCSPEND_KEYRING=off BCSPEND_CLIENT_SECRET= " + bin + " " + strings.Join(g, " ") + " secret replace; echo REPLACE_EXIT=$?; sleep 60"
	tt := startTmux(t, tmux, "bcspend-secret-test", 150, 40, script)
	// after is what precedes the prompt to answer: the one before it
	// stays on the screen.
	typeSecret := func(after, secret, exit string) string {
		t.Helper()
		tt.waitUntil("the prompt after "+after, time.Minute, func(s string) bool {
			i := strings.Index(s, after)
			return i >= 0 && strings.Contains(s[i:], "not shown as you type")
		})
		tt.run("send-keys", "-t", tt.session, "-l", secret)
		if s := tt.screen(); strings.Contains(s, secret) || strings.Contains(s, secret[:8]) {
			t.Fatalf("the secret is echoed while typed:\n%s", s)
		}
		tt.key("Enter")
		return tt.waitFor(exit, time.Minute)
	}
	s := typeSecret("", bcsim.ClientSecret, "CONNECT_EXIT=")
	if !strings.Contains(s, "CONNECT_EXIT=0") || !strings.Contains(s, "Connected to tenant") {
		t.Fatalf("connect:\n%s", s)
	}
	s = typeSecret("CONNECT_EXIT=", fresh, "REPLACE_EXIT=")
	if !strings.Contains(s, "REPLACE_EXIT=0") || strings.Contains(s, bcsim.ClientSecret[:8]) || strings.Contains(s, fresh[:10]) {
		t.Fatalf("secret replace:\n%s", s)
	}
}
