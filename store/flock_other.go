//go:build !unix && !windows

package store

import "os"

// Without flock or LockFileEx (neither Unix nor Windows) the sync lock always succeeds: bbolt's
// own per-transaction lock still keeps every commit whole, but two syncs
// started at once are not kept apart.
func tryLock(*os.File, bool) (bool, error) { return true, nil }

func unlock(*os.File) error { return nil }
