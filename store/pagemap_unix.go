//go:build unix

package store

import (
	"os"
	"syscall"
)

// mapPages maps the first size bytes of f read-only for the page walk, so
// that reading a page's header is a memory access instead of a pread: a
// 100 MB file has ~25,000 pages, and one system call each made the walk
// most of the time of opening it. nil (with a no-op unmap) when the file
// cannot be mapped; the walk then reads with ReadAt.
func mapPages(f *os.File, size int64) ([]byte, func()) {
	if size <= 0 || int64(int(size)) != size {
		return nil, func() {}
	}
	b, err := syscall.Mmap(int(f.Fd()), 0, int(size), syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		return nil, func() {}
	}
	return b, func() { _ = syscall.Munmap(b) }
}
