package store

import (
	"encoding/binary"
	"encoding/hex"
	"errors"
	"time"

	"github.com/bcspend/bcspend/bc"
	"github.com/bcspend/bcspend/money"
)

// The value codec: a flat sequence of fields in a fixed order, each in the
// smallest self-delimiting form (see docs/STORAGE.md for every layout).
// Hundreds of thousands of invoice lines live in the file, so the bytes per
// line matter; JSON would repeat every field name in every record and gob
// would drag type descriptors and reflection into the hot path.
//
// Primitives:
//   uvarint / varint   encoding/binary (zig-zag for signed)
//   string             uvarint length, then the bytes
//   amount             varint of the money.Amount (1/10000 units): exact
//   decimal            varint coefficient, then one byte of scale (0..18):
//                      the money.Decimal coef × 10^-scale, exact
//   date               varint days since 1970-01-01 (calendar day, UTC)
//   time               varint Unix seconds, uvarint nanoseconds (UTC)
//   bool               one byte 0 or 1
//   guid               tag byte: 0 string follows, 1 16 raw bytes of a
//                      canonical lower-case GUID, 2 the all-zero GUID
//   symbol             uvarint: 0 string follows, n>0 the n-th entry of a
//                      fixed table (statuses, line types, user states)
//
// Decoding is strict: every read is bounds-checked, lengths are checked
// against the bytes left before allocating, and trailing bytes are an error,
// so arbitrary input never panics or allocates more than its own size.

var errShort = errors.New("truncated or malformed value")

type encoder struct{ b []byte }

func (e *encoder) byte1(v byte)          { e.b = append(e.b, v) }
func (e *encoder) uvarint(v uint64)      { e.b = binary.AppendUvarint(e.b, v) }
func (e *encoder) varint(v int64)        { e.b = binary.AppendVarint(e.b, v) }
func (e *encoder) amount(a money.Amount) { e.varint(int64(a)) }

func (e *encoder) decimal(v money.Decimal) {
	e.varint(v.Coef())
	e.byte1(byte(v.Scale()))
}

func (e *encoder) str(s string) {
	e.uvarint(uint64(len(s)))
	e.b = append(e.b, s...)
}

func (e *encoder) bool(v bool) {
	if v {
		e.byte1(1)
	} else {
		e.byte1(0)
	}
}

// date keeps the calendar day only: BC dates carry no time of day.
func (e *encoder) date(t time.Time) {
	e.varint(floorDiv(t.Unix(), 86400))
}

func (e *encoder) time(t time.Time) {
	e.varint(t.Unix())
	e.uvarint(uint64(t.Nanosecond()))
}

// guid halves the size of BC's ids: 36 characters become 16 bytes, and the
// all-zero currencyId of every local-currency invoice becomes one byte.
func (e *encoder) guid(s string) {
	if s == bc.ZeroGUID {
		e.byte1(2)
		return
	}
	if raw, ok := parseGUID(s); ok {
		e.byte1(1)
		e.b = append(e.b, raw[:]...)
		return
	}
	e.byte1(0)
	e.str(s)
}

func (e *encoder) symbol(s string, table []string) {
	for i, v := range table {
		if v == s {
			e.uvarint(uint64(i + 1))
			return
		}
	}
	e.uvarint(0)
	e.str(s)
}

// parseGUID accepts only the canonical lower-case 8-4-4-4-12 form, so that
// formatGUID(parseGUID(s)) == s and the round trip is exact.
func parseGUID(s string) ([16]byte, bool) {
	var raw [16]byte
	if len(s) != 36 || s[8] != '-' || s[13] != '-' || s[18] != '-' || s[23] != '-' {
		return raw, false
	}
	hexs := s[0:8] + s[9:13] + s[14:18] + s[19:23] + s[24:36]
	for i := 0; i < len(hexs); i++ {
		c := hexs[i]
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return raw, false
		}
	}
	if _, err := hex.Decode(raw[:], []byte(hexs)); err != nil {
		return raw, false
	}
	return raw, true
}

// formatGUID writes the canonical form in one allocation (it runs twice
// per invoice decoded).
func formatGUID(raw []byte) string {
	out := appendGUID(raw)
	return string(out[:])
}

func appendGUID(raw []byte) [36]byte {
	const digits = "0123456789abcdef"
	var out [36]byte
	j := 0
	for i, c := range raw[:16] {
		if i == 4 || i == 6 || i == 8 || i == 10 {
			out[j] = '-'
			j++
		}
		out[j], out[j+1] = digits[c>>4], digits[c&0x0f]
		j += 2
	}
	return out
}

// decoder reads what encoder wrote. The first failure sticks in err and
// makes every later read return a zero value, so record decoders read
// straight through and check once at the end.
//
// When s is set it is the whole value as one string (b its byte form, read
// from the front), and str returns substrings of it: a record's strings
// then cost one allocation together instead of one each, which is most of
// what decoding 100,000 invoices used to allocate.
type decoder struct {
	b   []byte
	s   string
	a   *arena // when set, s and formatted GUIDs are copied into it
	err error
}

// newStringDecoder decodes v with every string sharing one copy of v,
// taken from a when it is not nil.
func newStringDecoder(v []byte, a *arena) decoder {
	if a != nil {
		return decoder{b: v, s: a.str(v), a: a}
	}
	return decoder{b: v, s: string(v)}
}

func (d *decoder) fail() {
	if d.err == nil {
		d.err = errShort
	}
	d.b = nil
}

func (d *decoder) byte1() byte {
	if d.err != nil || len(d.b) < 1 {
		d.fail()
		return 0
	}
	v := d.b[0]
	d.b = d.b[1:]
	return v
}

func (d *decoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) varint() int64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) amount() money.Amount { return money.Amount(d.varint()) }

func (d *decoder) decimal() money.Decimal {
	coef := d.varint()
	scale := d.byte1()
	if d.err != nil || scale > money.MaxDecimalScale {
		d.fail()
		return money.Decimal{}
	}
	return money.NewDecimal(coef, int(scale))
}

func (d *decoder) str() string {
	n := d.uvarint()
	if d.err != nil || n > uint64(len(d.b)) {
		d.fail()
		return ""
	}
	var s string
	if off := len(d.s) - len(d.b); d.s != "" {
		s = d.s[off : off+int(n)]
	} else {
		s = string(d.b[:n])
	}
	d.b = d.b[n:]
	return s
}

func (d *decoder) bool() bool {
	switch d.byte1() {
	case 0:
		return false
	case 1:
		return true
	}
	d.fail()
	return false
}

// Time bounds: years 0001..9999 with slack. Outside them time.Unix would
// wrap and the round trip would not be exact, so such bytes are malformed.
const (
	minUnix = -62135596800 - 86400
	maxUnix = 253402300800 + 86400
)

func (d *decoder) date() time.Time {
	days := d.varint()
	if days < minUnix/86400 || days > maxUnix/86400 {
		d.fail()
		return time.Time{}
	}
	return time.Unix(days*86400, 0).UTC()
}

func (d *decoder) time() time.Time {
	sec := d.varint()
	ns := d.uvarint()
	if sec < minUnix || sec > maxUnix || ns >= 1e9 {
		d.fail()
		return time.Time{}
	}
	return time.Unix(sec, int64(ns)).UTC()
}

func (d *decoder) guid() string {
	switch d.byte1() {
	case 0:
		s := d.str()
		if _, ok := parseGUID(s); ok || s == bc.ZeroGUID {
			d.fail() // the encoder would have used the short form
		}
		return s
	case 1:
		if d.err != nil || len(d.b) < 16 {
			d.fail()
			return ""
		}
		var s string
		if d.a != nil {
			out := appendGUID(d.b[:16])
			s = d.a.str(out[:])
		} else {
			s = formatGUID(d.b[:16])
		}
		d.b = d.b[16:]
		return s
	case 2:
		return bc.ZeroGUID
	}
	d.fail()
	return ""
}

func (d *decoder) symbol(table []string) string {
	i := d.uvarint()
	if i == 0 {
		s := d.str()
		for _, v := range table {
			if v == s {
				d.fail() // the encoder would have used the index
			}
		}
		return s
	}
	if i > uint64(len(table)) {
		d.fail()
		return ""
	}
	return table[i-1]
}

// count reads a element count and rejects one that could not fit in the
// bytes left (each element takes at least minSize bytes), so a forged count
// cannot make the decoder allocate gigabytes.
func (d *decoder) count(minSize int) int {
	n := d.uvarint()
	if d.err != nil || n > uint64(len(d.b)/minSize) {
		d.fail()
		return 0
	}
	return int(n)
}

// finish reports a malformed value or trailing garbage.
func (d *decoder) finish() error {
	if d.err == nil && len(d.b) != 0 {
		d.err = errShort
	}
	return d.err
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}
