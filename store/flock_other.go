//go:build !unix

package store

import "os"

// Without flock (not a Unix system) the sync lock always succeeds: bbolt's
// own per-transaction lock still keeps every commit whole, but two syncs
// started at once are not kept apart.
func tryLock(*os.File, bool) (bool, error) { return true, nil }

func unlock(*os.File) error { return nil }
