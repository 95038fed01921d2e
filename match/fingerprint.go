package match

import (
	"crypto/sha256"
	"encoding/binary"
	"hash"
)

// Fingerprint is a digest of everything the catalog was built from: its
// applications, groups and resellers in the catalog's own order (the
// embedded file with the user's catalog.txt and the custom applications
// merged in) and the embedded vocabulary. Two catalogs with the same
// fingerprint, built by the same code, decide every input alike; a stored
// decision is keyed by it (spend/decisions.go), so changing any record
// invalidates them. The code itself is not in it: that is the executable's
// build identity, which the caller adds.
//
// It hashes the fields one by one (some 1 MB of text, a millisecond or
// two): encoding/json took 7-9 ms and 36 ms on a process's first call.
// TestFingerprintCoversEveryField fails when App, Group or Reseller gain a
// field this does not hash.
func (c *Catalog) Fingerprint() [sha256.Size]byte {
	h := &fingerprintHash{h: sha256.New(), buf: make([]byte, 0, 40<<10)}
	h.str("bcspend catalog 1")
	h.uint(uint64(len(c.apps)))
	for i := range c.apps {
		a := &c.apps[i]
		h.str(a.Name)
		h.str(a.Category)
		h.str(a.Domain)
		h.str(a.Group)
		h.strs(a.Vendors)
		h.strs(a.Keywords)
		h.bools(a.Default, a.Generic, a.Channel)
	}
	h.uint(uint64(len(c.groups)))
	for _, g := range c.groups {
		h.str(g.Name)
		h.strs(g.Vendors)
		h.str(g.Default)
		h.bools(g.NoFlagship)
	}
	h.uint(uint64(len(c.resellers)))
	for _, r := range c.resellers {
		h.str(r.Name)
		h.str(r.Domain)
		h.strs(r.Vendors)
	}
	h.uint(uint64(len(builtinWords)))
	h.flush()
	h.h.Write(builtinWords)
	var out [sha256.Size]byte
	h.h.Sum(out[:0])
	return out
}

// fingerprintHash writes values length-prefixed, so that no two different
// catalogs write the same bytes ("ab","c" against "a","bc"), through a
// buffer (a string written to a hash.Hash is copied to the heap first).
type fingerprintHash struct {
	h   hash.Hash
	buf []byte
}

func (f *fingerprintHash) flush() {
	f.h.Write(f.buf)
	f.buf = f.buf[:0]
}

func (f *fingerprintHash) uint(n uint64) { f.buf = binary.AppendUvarint(f.buf, n) }

func (f *fingerprintHash) str(s string) {
	f.uint(uint64(len(s)))
	f.buf = append(f.buf, s...)
	if len(f.buf) >= 32<<10 {
		f.flush()
	}
}

func (f *fingerprintHash) strs(ss []string) {
	f.uint(uint64(len(ss)))
	for _, s := range ss {
		f.str(s)
	}
}

func (f *fingerprintHash) bools(bs ...bool) {
	var n uint64
	for i, b := range bs {
		if b {
			n |= 1 << i
		}
	}
	f.uint(n)
}
