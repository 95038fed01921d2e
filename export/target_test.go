package export

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

var tiny = Table{Name: "t", Header: []string{"a"}, Rows: [][]string{{"x"}}}

func wantRefused(t *testing.T, what string, err error) {
	t.Helper()
	var te *TargetError
	if !errors.As(err, &te) || te.Remedy() == "" {
		t.Fatalf("%s: err %v, want a refused target", what, err)
	}
}

// A FIFO stays a FIFO: the export is refused before anything is created.
func TestExportRefusesAFIFO(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	wantRefused(t, "fifo", WriteFile(fifo, tiny))
	if info, err := os.Lstat(fifo); err != nil || info.Mode()&os.ModeNamedPipe == 0 {
		t.Fatalf("the FIFO was replaced: %v %v", info.Mode(), err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("%d entries: a temporary file was left", len(entries))
	}
}

// A character device such as /dev/null is refused by its type before a
// byte is written or a temporary file created beside it.
func TestExportRefusesADevice(t *testing.T) {
	const dev = "/dev/null"
	info, err := os.Lstat(dev)
	if err != nil || info.Mode()&os.ModeCharDevice == 0 {
		t.Skip("no /dev/null character device")
	}
	if _, err := Target(dev); err == nil {
		t.Fatal("Target accepted a character device")
	} else {
		wantRefused(t, dev, err)
	}
	// WriteFile refuses through the same check before CreateTemp, so /dev
	// never gets a temporary file (it is not written to in this test).
	wantRefused(t, "WriteFile "+dev, WriteFile(dev, tiny))
	if after, err := os.Lstat(dev); err != nil || after.Mode()&os.ModeCharDevice == 0 {
		t.Fatalf("/dev/null is no longer a device: %v %v", after.Mode(), err)
	}
}

func TestExportRefusesADirectoryAndADanglingSymlink(t *testing.T) {
	dir := t.TempDir()
	wantRefused(t, "directory", WriteFile(dir, tiny))
	dangling := filepath.Join(dir, "dangling.csv")
	if err := os.Symlink(filepath.Join(dir, "missing", "x.csv"), dangling); err != nil {
		t.Fatal(err)
	}
	wantRefused(t, "dangling symlink", WriteFile(dangling, tiny))
}

// Through a symlink to a regular file the export lands in the file; the
// link stays a link.
func TestExportWritesThroughASymlink(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real.csv")
	if err := os.WriteFile(real, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.csv")
	if err := os.Symlink(real, link); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(link, tiny); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the symlink was replaced: %v %v", info.Mode(), err)
	}
	if b, _ := os.ReadFile(real); string(b) != "a\r\nx\r\n" {
		t.Fatalf("target holds %q", b)
	}
}
