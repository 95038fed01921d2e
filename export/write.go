// Package export writes bcspend's tables as CSV (RFC 4180, UTF-8, CRLF,
// header row with stable snake_case names: docs/EXPORT.md). The console's
// "export the current view" and `bcspend export` share Write and WriteFile;
// the table builders turn spend views into Tables.
package export

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// Table is a header and its rows. Rows come either from Rows or, for big
// tables, from Stream, which emits one row at a time (the row slice may be
// reused between calls). Numeric marks columns holding plain numbers, kept
// numeric; nil treats every column as text except cells that are plain
// decimal numbers (the console's views, whose columns are not typed).
type Table struct {
	Name    string
	Header  []string
	Numeric []bool
	Rows    [][]string
	Stream  func(emit func(row []string) error) error
}

// Write writes t as CSV to w, every cell sanitized (see Sanitize).
func Write(w io.Writer, t Table) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	cw := csv.NewWriter(bw)
	cw.UseCRLF = true
	out := make([]string, len(t.Header))
	emit := func(row []string) error {
		if len(row) != len(t.Header) {
			return fmt.Errorf("export: %s row has %d cells for %d columns (a bug: please report it)", t.Name, len(row), len(t.Header))
		}
		for i, c := range row {
			if t.Numeric != nil && t.Numeric[i] || t.Numeric == nil && IsNumber(c) {
				out[i] = SanitizeNumber(c)
			} else {
				out[i] = Sanitize(c)
			}
		}
		return cw.Write(out)
	}
	if err := writeHeader(cw, t.Header); err != nil {
		return err
	}
	for _, r := range t.Rows {
		if err := emit(r); err != nil {
			return err
		}
	}
	if t.Stream != nil {
		if err := t.Stream(emit); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("export: write: %w", err)
	}
	return bw.Flush()
}

func writeHeader(cw *csv.Writer, header []string) error {
	h := make([]string, len(header))
	for i, c := range header {
		h[i] = Sanitize(c)
	}
	return cw.Write(h)
}

// WriteFile writes t to path atomically: into a temporary file in the same
// directory (mode 0600: spend data is confidential), then renamed over
// path, so a reader never sees half a file and a failed export leaves the
// old one in place.
func WriteFile(path string, t Table) error {
	return writeAtomic(path, func(w io.Writer) error { return Write(w, t) })
}

// writeAtomic is WriteFile for any format (the renewals calendar too). A
// symlink is written through to its file; a path that is not a regular
// file or a new one is refused before anything is created (target.go).
func writeAtomic(path string, write func(io.Writer) error) (err error) {
	path, err = Target(path)
	if err != nil {
		return err
	}
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return &FileError{Path: path, Err: err}
	}
	defer func() {
		if err != nil {
			_ = f.Close()
			_ = os.Remove(f.Name())
		}
	}()
	if err = f.Chmod(0o600); err != nil {
		return &FileError{Path: path, Err: err}
	}
	if err = write(f); err != nil {
		return &FileError{Path: path, Err: err}
	}
	if err = f.Sync(); err != nil {
		return &FileError{Path: path, Err: err}
	}
	if err = f.Close(); err != nil {
		return &FileError{Path: path, Err: err}
	}
	if err = os.Rename(f.Name(), path); err != nil {
		return &FileError{Path: path, Err: err}
	}
	return nil
}

// FileError is an export that could not be written; nothing was replaced.
type FileError struct {
	Path string
	Err  error
}

func (e *FileError) Error() string {
	return fmt.Sprintf("export: cannot write %s: %v; nothing was written", e.Path, e.Err)
}

// Remedy says what to check.
func (e *FileError) Remedy() string {
	if errors.Is(e.Err, os.ErrPermission) {
		return "choose a directory you can write to with -o, or fix its permissions"
	}
	if errors.Is(e.Err, os.ErrNotExist) {
		return "create the directory first, or choose another path with -o"
	}
	return "check the path and free disk space, then export again"
}

func (e *FileError) Unwrap() error { return e.Err }

// WriteTextFile writes text (a catalog file) atomically, like WriteFile.
func WriteTextFile(path, text string) error {
	return writeAtomic(path, func(w io.Writer) error {
		_, err := io.WriteString(w, text)
		return err
	})
}
