//go:build windows

package store

import (
	"errors"
	"os"

	"golang.org/x/sys/windows"
)

// Windows has no flock; LockFileEx is its counterpart, also per handle
// and also dropped by the system when the process dies. Its locks are
// mandatory, though: a locked byte cannot be read by another handle. The
// lock therefore covers one byte far past the sidecar's text (at 2^32), so
// that a waiting process can still read who holds the lock.
const lockOffsetHigh = 1

func tryLock(f *os.File, exclusive bool) (bool, error) {
	flags := uint32(windows.LOCKFILE_FAIL_IMMEDIATELY)
	if exclusive {
		flags |= windows.LOCKFILE_EXCLUSIVE_LOCK
	}
	ol := &windows.Overlapped{OffsetHigh: lockOffsetHigh}
	err := windows.LockFileEx(windows.Handle(f.Fd()), flags, 0, 1, 0, ol)
	switch {
	case err == nil:
		return true, nil
	case errors.Is(err, windows.ERROR_LOCK_VIOLATION):
		return false, nil
	}
	return false, err
}

func unlock(f *os.File) error {
	ol := &windows.Overlapped{OffsetHigh: lockOffsetHigh}
	return windows.UnlockFileEx(windows.Handle(f.Fd()), 0, 1, 0, ol)
}
