package bc

import (
	"strconv"
	"strings"
)

// BC's OData layer spells enum values as XML names: every character a name
// may not hold is escaped as _xHHHH_ (hex UTF-16), so "In Review" arrives
// as "In_x0020_Review", "Fixed Asset" as "Fixed_x0020_Asset" and the blank
// value " " (an unblocked vendor, a document without status) as
// "_x0020_". bcspend decodes every enum field of a page before anything
// sees it, and writes filter literals in the escaped form BC compares.

// DecodeEnum turns BC's escaped enum value into its name ("In_x0020_Review"
// -> "In Review"). Text without a well-formed escape is returned as is.
func DecodeEnum(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if r, ok := escapeAt(s, i); ok {
			b.WriteRune(r)
			i += 7
			continue
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

// escapeAt reads an _xHHHH_ escape at s[i:].
func escapeAt(s string, i int) (rune, bool) {
	if i+7 > len(s) || s[i] != '_' || s[i+1] != 'x' || s[i+6] != '_' {
		return 0, false
	}
	v, err := strconv.ParseUint(s[i+2:i+6], 16, 16)
	if err != nil {
		return 0, false
	}
	return rune(v), true
}

// EncodeEnum is the form BC sends and filters on: every character that
// may not stand in an XML name (spaces above all) as _xHHHH_, and a
// literal "_x" escaped too so the result decodes back to s.
func EncodeEnum(s string) string {
	if plainName(s) {
		return s
	}
	var b strings.Builder
	for i, r := range s {
		switch {
		case r == '_' && strings.HasPrefix(s[i:], "_x"):
			b.WriteString("_x005F_")
		case nameChar(r, i == 0):
			b.WriteRune(r)
		case r > 0xFFFF:
			b.WriteString("_x003F_")
		default:
			b.WriteString("_x" + strings.ToUpper(strconv.FormatUint(uint64(r)|0x10000, 16)[1:]) + "_")
		}
	}
	return b.String()
}

// plainName reports whether s needs no escape (every BC enum but the
// spaced ones), so the common case costs no allocation.
func plainName(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 || !nameChar(rune(c), i == 0) || c == '_' && i+1 < len(s) && s[i+1] == 'x' {
			return false
		}
	}
	return s != ""
}

// nameChar is the conservative set BC leaves unescaped: letters, digits,
// and (not first) '_', '-', '.'.
func nameChar(r rune, first bool) bool {
	switch {
	case r >= 'A' && r <= 'Z', r >= 'a' && r <= 'z':
		return true
	case r >= '0' && r <= '9', r == '-', r == '.':
		return !first
	case r == '_':
		return true
	}
	return false
}

// enumDecoder is a wire type with enum fields to decode after a page is read.
type enumDecoder interface{ decodeEnums() }

// decodeEnums decodes the enum fields of every record of a page.
func decodeEnums[T any](vs []T) {
	for i := range vs {
		if e, ok := any(&vs[i]).(enumDecoder); ok {
			e.decodeEnums()
		}
	}
}

func (v *PurchaseInvoice) decodeEnums() {
	v.Status = DecodeEnum(v.Status)
	for i := range v.Lines {
		v.Lines[i].decodeEnums()
	}
}

func (v *PurchaseInvoiceLine) decodeEnums() { v.LineType = DecodeEnum(v.LineType) }
func (v *Vendor) decodeEnums()              { v.Blocked = DecodeEnum(v.Blocked) }
func (v *User) decodeEnums()                { v.State = DecodeEnum(v.State) }
