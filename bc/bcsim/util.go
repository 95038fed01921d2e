package bcsim

import (
	"encoding/hex"
	"math/rand/v2"
	"sort"
	"strconv"
	"strings"
)

// newGUID draws a version-4 GUID in BC's lowercase form from r, so ids are
// deterministic for a seed.
func newGUID(r *rand.Rand) string {
	var b [16]byte
	for i := 0; i < 16; i += 8 {
		v := r.Uint64()
		for j := 0; j < 8; j++ {
			b[i+j] = byte(v >> (8 * j))
		}
	}
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	var out [36]byte
	hex.Encode(out[0:8], b[0:4])
	out[8] = '-'
	hex.Encode(out[9:13], b[4:6])
	out[13] = '-'
	hex.Encode(out[14:18], b[6:8])
	out[18] = '-'
	hex.Encode(out[19:23], b[8:10])
	out[23] = '-'
	hex.Encode(out[24:], b[10:])
	return string(out[:])
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// pad renders n with at least width digits.
func pad(n int64, width int) string {
	s := itoa(n)
	if len(s) < width {
		s = strings.Repeat("0", width-len(s)) + s
	}
	return s
}

// equalID compares GUIDs the way BC does: case-insensitively, braces optional.
func equalID(a, b string) bool {
	return strings.EqualFold(strings.Trim(a, "{}"), strings.Trim(b, "{}"))
}

func sortByID[T any](s []*T, key func(*T) string) {
	sort.Slice(s, func(i, j int) bool { return key(s[i]) < key(s[j]) })
}
