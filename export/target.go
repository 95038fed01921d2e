package export

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// An export renames a finished temporary file over its target. Renamed
// over a symlink it would replace the link, over a FIFO or a device it
// would replace the node (as root, /dev/full became a regular file), over
// a directory it fails late. So the target is resolved and checked first.

// Target resolves the path an export to path writes: path itself when it
// is a regular file or does not exist yet, the file a symlink points to
// when that is a regular file. Anything else (a FIFO, a device, a socket,
// a directory, a dangling symlink) is a *TargetError, returned before
// anything is created.
func Target(path string) (string, error) {
	info, err := os.Lstat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return path, nil
	case err != nil:
		return "", &FileError{Path: path, Err: err}
	case info.Mode()&os.ModeSymlink != 0:
		real, err := filepath.EvalSymlinks(path)
		if err != nil {
			return "", &TargetError{Path: path, What: "a symlink to nothing that exists"}
		}
		rinfo, err := os.Stat(real)
		if err != nil {
			return "", &FileError{Path: path, Err: err}
		}
		if !rinfo.Mode().IsRegular() {
			return "", &TargetError{Path: path, What: "a symlink to " + describe(rinfo.Mode())}
		}
		return real, nil
	case !info.Mode().IsRegular():
		return "", &TargetError{Path: path, What: describe(info.Mode())}
	}
	return path, nil
}

func describe(m os.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&os.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&os.ModeCharDevice != 0:
		return "a character device"
	case m&os.ModeDevice != 0:
		return "a device"
	case m&os.ModeSocket != 0:
		return "a socket"
	}
	return "not a regular file"
}

// TargetError: the export's path is not somewhere a file can be written.
type TargetError struct {
	Path, What string
}

func (e *TargetError) Error() string {
	return fmt.Sprintf("export: %s is %s; nothing was written", e.Path, e.What)
}

// Remedy says what -o accepts.
func (e *TargetError) Remedy() string {
	return "give -o a new file name or an existing regular file (or leave -o out to write to standard output, e.g. to pipe it)"
}
