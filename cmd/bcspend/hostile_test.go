package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

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
