package store

import (
	"encoding/binary"
	"fmt"
	"os"
)

// walkFile checks the structure of every page reachable from the newest
// meta page with plain reads, before bbolt (or bbolt's own tx.Check, which
// follows page numbers without checking them) touches the memory map: every
// page number lies inside the file and is reached once, every page is of
// the type its parent says, every element lies inside its page, and the
// freelist names only pages inside the file. A file that passes cannot
// send bbolt outside its map or around a cycle.
func walkFile(path string) error {
	if err := checkFile(path); err != nil {
		return err
	}
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("store: %w; check permissions or pass --db", err)
	}
	defer f.Close()
	m, err := newestMeta(f)
	if err != nil || !m.valid {
		return nil // not bbolt: Open reports it
	}
	w := &walker{f: f, path: path, ps: uint64(m.pageSize), hwm: m.pgid, seen: make([]uint64, (m.pgid+63)/64)}
	// checkFile has seen that the file holds all pgid pages, so a mapping
	// of the file covers every page the walk may visit.
	if info, err := f.Stat(); err == nil && uint64(info.Size()) >= m.pgid*w.ps {
		var unmap func()
		w.mem, unmap = mapForWalk(f, info.Size())
		defer unmap()
	}
	if m.freelist != noFreelist {
		if err := w.freelist(m.freelist); err != nil {
			return err
		}
	}
	return w.tree(m.root, 0)
}

// mapForWalk is mapPages; the tests turn it off to compare both ways of
// reading.
var mapForWalk = mapPages

// newestMeta is the meta page bbolt uses: the valid one with the higher txid.
func newestMeta(f *os.File) (boltMeta, error) {
	return newer(readMetas(f)), nil
}

// readMetas reads the file's two header (meta) pages. The second sits one
// page in, at the page size the first one states, or at the OS page size
// (bbolt's default) when the first is unreadable.
func readMetas(f *os.File) (m0, m1 boltMeta) {
	head := make([]byte, pageHeaderSize+metaSize)
	n, _ := f.ReadAt(head, 0)
	m0 = parseMeta(head[:n])
	off := int64(m0.pageSize)
	if !m0.valid {
		off = int64(os.Getpagesize())
	}
	n, _ = f.ReadAt(head, off)
	return m0, parseMeta(head[:n])
}

// newer is the meta page bbolt would use of the two.
func newer(m0, m1 boltMeta) boltMeta {
	if !m0.valid || m1.valid && m1.txid > m0.txid {
		return m1
	}
	return m0
}

const (
	flagBranch   = 0x01
	flagLeaf     = 0x02
	flagFreelist = 0x10
	flagBucket   = 0x01 // leaf element: the value is a bucket
	elemSize     = 16   // branch and leaf elements are both 16 bytes
	maxDepth     = 64   // a B+tree of a few GB is under 10 levels deep
)

type walker struct {
	f    *os.File
	mem  []byte // the file mapped read-only (mapPages); nil: read with f
	path string
	ps   uint64
	hwm  uint64
	seen []uint64 // a bit per page below hwm: reached already
}

// reach marks page i reached; false when it was reached before.
func (w *walker) reach(i uint64) bool {
	word, bit := i/64, uint64(1)<<(i%64)
	if w.seen[word]&bit != 0 {
		return false
	}
	w.seen[word] |= bit
	return true
}

func (w *walker) bad(format string, a ...any) error {
	return damaged(w.path, "page structure: "+fmt.Sprintf(format, a...))
}

// headRead is how much of a page the walk reads at first: the header and
// the element table of a page of up to 15 elements. The walk reads what it
// checks (headers, element tables, bucket values), not the keys and values
// (invoices), so opening a 100 MB file reads a few MB of it.
const headRead = 256

// region is a page's bytes, read from the file only where the walk looks
// (f set), or all of them at hand (f nil): a page of the mapped file, or an
// inline bucket's page, held in its parent's value.
type region struct {
	f    *os.File
	base int64  // the page's offset in the file
	size uint64 // the page's length with its overflow pages
	mem  []byte // the bytes from base read so far: all of them when f is nil
}

// bytes is the page's n bytes at off, which the caller has checked lie
// inside it.
func (r *region) bytes(off, n uint64) ([]byte, error) {
	if off+n <= uint64(len(r.mem)) {
		return r.mem[off : off+n], nil
	}
	buf := make([]byte, n)
	if _, err := r.f.ReadAt(buf, r.base+int64(off)); err != nil {
		return nil, err
	}
	return buf, nil
}

// page reads the start of page id, checking it and its overflow pages lie
// inside the file, have not been reached before and that it has one of the
// wanted flags.
func (w *walker) page(id uint64, want uint16) (*region, error) {
	if id < 2 || id >= w.hwm {
		return nil, w.bad("a reference to page %d, outside pages 2..%d", id, w.hwm-1)
	}
	head, err := w.head(id)
	if len(head) < pageHeaderSize {
		return nil, w.bad("page %d cannot be read (%v)", id, err)
	}
	le := binary.LittleEndian
	hid, flags, overflow := le.Uint64(head[0:]), le.Uint16(head[8:]), uint64(le.Uint32(head[12:]))
	if hid != id {
		return nil, w.bad("page %d says it is page %d", id, hid)
	}
	if flags&want == 0 || flags&(flags-1) != 0 { // exactly one of the wanted flags
		return nil, w.bad("page %d has flags %#x where a %s page belongs", id, flags, kindOf(want))
	}
	if id+overflow >= w.hwm {
		return nil, w.bad("page %d runs %d pages past the end of the file", id, overflow)
	}
	for i := id; i <= id+overflow; i++ {
		if !w.reach(i) {
			return nil, w.bad("page %d is referenced twice", i)
		}
	}
	base, size := id*w.ps, (overflow+1)*w.ps
	if w.mem != nil { // the whole page and its overflow lie in the mapping
		return &region{base: int64(base), size: size, mem: w.mem[base : base+size]}, nil
	}
	return &region{f: w.f, base: int64(base), size: size, mem: head}, nil
}

// head is the start of page id as page checks it: up to headRead bytes,
// fewer at the end of the file.
func (w *walker) head(id uint64) ([]byte, error) {
	n := min(headRead, w.ps)
	if off := id * w.ps; w.mem != nil && off+n <= uint64(len(w.mem)) {
		return w.mem[off : off+n], nil
	}
	head := make([]byte, n)
	k, err := w.f.ReadAt(head, int64(id*w.ps))
	return head[:k], err
}

// read is p.bytes with the walk's error.
func (w *walker) read(p *region, id, off, n uint64) ([]byte, error) {
	b, err := p.bytes(off, n)
	if err != nil {
		return nil, w.bad("page %d cannot be read (%v)", id, err)
	}
	return b, nil
}

func kindOf(flags uint16) string {
	switch flags {
	case flagFreelist:
		return "freelist"
	case flagBranch | flagLeaf:
		return "branch or leaf"
	}
	return fmt.Sprintf("%#x", flags)
}

func (w *walker) freelist(id uint64) error {
	p, err := w.page(id, flagFreelist)
	if err != nil {
		return err
	}
	le := binary.LittleEndian
	count, start := uint64(le.Uint16(p.mem[10:])), uint64(pageHeaderSize)
	if count == 0xffff { // the real count is the first element
		if p.size < pageHeaderSize+8 {
			return w.bad("freelist page %d is cut short", id)
		}
		first, err := w.read(p, id, pageHeaderSize, 8)
		if err != nil {
			return err
		}
		count, start = le.Uint64(first), pageHeaderSize+8
	}
	if count > (p.size-start)/8 {
		return w.bad("freelist page %d counts %d pages it does not hold", id, count)
	}
	ids, err := w.read(p, id, start, 8*count)
	if err != nil {
		return err
	}
	for i := uint64(0); i < count; i++ {
		if free := le.Uint64(ids[8*i:]); free < 2 || free >= w.hwm {
			return w.bad("the freelist names page %d, outside the file", free)
		}
	}
	return nil
}

// tree walks the B+tree rooted at page id.
func (w *walker) tree(id uint64, depth int) error {
	if depth > maxDepth {
		return w.bad("the tree under page %d is deeper than %d levels", id, maxDepth)
	}
	p, err := w.page(id, flagBranch|flagLeaf)
	if err != nil {
		return err
	}
	return w.elements(p, id, depth, false)
}

// elements checks the elements of page p (a file page, or an inline
// bucket's page inside a value) and descends into children and buckets.
func (w *walker) elements(p *region, id uint64, depth int, inline bool) error {
	le := binary.LittleEndian
	if p.size < pageHeaderSize {
		return w.bad("an inline bucket in page %d is cut short", id)
	}
	h, err := w.read(p, id, 0, pageHeaderSize)
	if err != nil {
		return err
	}
	flags, count := le.Uint16(h[8:]), uint64(le.Uint16(h[10:]))
	if pageHeaderSize+count*elemSize > p.size {
		return w.bad("page %d counts %d elements it does not hold", id, count)
	}
	if flags == flagBranch && count == 0 { // a cursor would descend into element 0 regardless
		return w.bad("branch page %d is empty", id)
	}
	if inline && flags != flagLeaf { // bbolt answers every page lookup in an inline bucket with its one page
		return w.bad("an inline bucket in page %d is not a leaf (flags %#x)", id, flags)
	}
	if flags != flagBranch && flags != flagLeaf {
		return w.bad("page %d is neither a branch nor a leaf (flags %#x)", id, flags)
	}
	table, err := w.read(p, id, pageHeaderSize, count*elemSize)
	if err != nil {
		return err
	}
	for i := range count {
		off, e := pageHeaderSize+i*elemSize, table[i*elemSize:(i+1)*elemSize]
		if flags == flagBranch {
			pos, ksize, child := uint64(le.Uint32(e[0:])), uint64(le.Uint32(e[4:])), le.Uint64(e[8:])
			if off+pos+ksize > p.size {
				return w.bad("a key in branch page %d lies outside it", id)
			}
			if err := w.tree(child, depth+1); err != nil {
				return err
			}
			continue
		}
		eflags, pos, ksize, vsize := le.Uint32(e[0:]), uint64(le.Uint32(e[4:])), uint64(le.Uint32(e[8:])), uint64(le.Uint32(e[12:]))
		end := off + pos + ksize + vsize
		if end > p.size {
			return w.bad("a value in leaf page %d lies outside it", id)
		}
		if eflags&flagBucket == 0 {
			continue
		}
		if vsize < 16 {
			return w.bad("a bucket header in page %d is cut short", id)
		}
		v, err := w.read(p, id, end-vsize, vsize)
		if err != nil {
			return err
		}
		if root := le.Uint64(v); root != 0 {
			if err := w.tree(root, depth+1); err != nil {
				return err
			}
		} else if err := w.elements(&region{size: vsize - 16, mem: v[16:]}, id, depth+1, true); err != nil {
			return err
		}
	}
	return nil
}
