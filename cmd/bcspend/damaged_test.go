package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/bcspend/bcspend/bc/bcsim"
)

// A damaged database (cut short, or pages overwritten) never panics any
// command (a panic exits 2, the usage code, with a goroutine dump): each
// says "damaged database" with the remedy, exits 1 and leaves the file as
// it was. doctor says what is wrong.
func TestDamagedDatabaseIsReportedNotPanicked(t *testing.T) {
	_, g, dbPath := connected(t, bcsim.Config{InvoicesPerMonth: 30})
	if code, out, errOut := cli(t, "", append(append([]string{}, g...), "sync")...); code != 0 {
		t.Fatalf("sync: %d\n%s%s", code, out, errOut)
	}
	healthy, err := os.ReadFile(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	ps := os.Getpagesize()
	overwritten := append([]byte(nil), healthy...)
	for i := 2 * ps; i < len(overwritten)*2/5; i++ {
		overwritten[i] = 0xff
	}
	damages := map[string][]byte{
		"truncated":   healthy[:2*ps+100],
		"overwritten": overwritten,
	}
	commands := [][]string{{"status"}, {"sync"}, {"sync", "--full"}, {"export", "transactions"}, {"insights"},
		{"rules", "list"}, {"config", "list"}, {"doctor"},
		{"connect", "--tenant", bcsim.TenantID, "--environment", bcsim.Environment, "--client-id", bcsim.ClientID, "--flow", "client-credentials", "--client-secret-stdin"}}
	for name, data := range damages {
		path := filepath.Join(t.TempDir(), name+".db")
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		for _, args := range commands {
			full := append(append(append([]string{}, g...), "--db", path), args...)
			code, out, errOut := cli(t, bcsim.ClientSecret, full...)
			what := name + " " + strings.Join(args, " ")
			if code != exitOther || !strings.Contains(errOut, "damaged database") || !strings.Contains(errOut, "what to do: restore") ||
				strings.Contains(out+errOut, "goroutine") {
				t.Errorf("%s: exit %d\n%s%s", what, code, out, errOut)
			}
			if after, _ := os.ReadFile(path); !bytes.Equal(after, data) {
				t.Fatalf("%s modified the damaged file", what)
			}
		}
	}
	if code, out, errOut := cli(t, "", append(append([]string{}, g...), "doctor")...); code != 0 || !strings.Contains(out, "nothing to do") {
		t.Errorf("doctor on the healthy file: exit %d\n%s%s", code, out, errOut)
	}
}

// status on a mistyped --db creates nothing; on a read-only file it works.
func TestStatusReadsWithoutWriting(t *testing.T) {
	_, g, dbPath := connected(t, bcsim.Config{})
	typo := filepath.Join(t.TempDir(), "tpyo", "bcspend.db")
	code, out, errOut := cli(t, "", append(append([]string{}, g...), "--db", typo, "status")...)
	if code != exitAdmin || !strings.Contains(out, "does not exist") {
		t.Errorf("status on a missing file: exit %d\n%s%s", code, out, errOut)
	}
	if _, err := os.Stat(filepath.Dir(typo)); !os.IsNotExist(err) {
		t.Errorf("status created %s: %v", filepath.Dir(typo), err)
	}
	if err := os.Chmod(dbPath, 0o400); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(dbPath)
	code, out, errOut = cli(t, "", append(append([]string{}, g...), "status")...)
	if code != 0 || !strings.Contains(out, "Tenant:") {
		t.Errorf("status on a read-only file: exit %d\n%s%s", code, out, errOut)
	}
	if after, _ := os.ReadFile(dbPath); !bytes.Equal(before, after) {
		t.Error("status wrote to the file")
	}
	if info, _ := os.Stat(dbPath); info.Mode().Perm() != 0o400 {
		t.Errorf("status changed the file's mode to %v", info.Mode().Perm())
	}
}

// export -o a FIFO is a usage error before the database is read; the FIFO
// stays a FIFO.
func TestExportToAFIFOIsRefused(t *testing.T) {
	_, g, _ := connected(t, bcsim.Config{})
	fifo := filepath.Join(t.TempDir(), "pipe.csv")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	code, out, errOut := cli(t, "", append(append([]string{}, g...), "export", "transactions", "-o", fifo)...)
	if code != exitUsage || !strings.Contains(errOut, "named pipe") || !strings.Contains(errOut, "what to do:") {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	if info, err := os.Lstat(fifo); err != nil || info.Mode()&os.ModeNamedPipe == 0 {
		t.Fatalf("the FIFO was replaced: %v", err)
	}
}
