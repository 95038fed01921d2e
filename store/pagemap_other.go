//go:build !unix

package store

import "os"

// mapPages does not map on this system: the page walk reads with ReadAt.
func mapPages(*os.File, int64) ([]byte, func()) { return nil, func() {} }
