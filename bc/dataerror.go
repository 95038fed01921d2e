package bc

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"

	"github.com/bcspend/bcspend/untrusted"

	"github.com/bcspend/bcspend/failure"
)

// DataError says exactly which value could not be read: the entity, its id
// (and number), the line when the value is on an invoice line, and the field.
type DataError struct {
	Entity string // e.g. purchaseInvoice
	ID     string // "" when the record has no readable id
	Number string // the invoice or vendor number, when it has one
	LineID string // set when the value is on one of the invoice's lines
	Line   string // that line's sequence
	Field  string // JSON name, e.g. unitCost
	Value  string // what was wrong, e.g. "number 1.00001 (more than 4 decimal places)"
}

func (e *DataError) Error() string {
	var b strings.Builder
	b.WriteString("Business Central sent a value bcspend cannot read: " + e.Entity)
	if e.Number != "" {
		b.WriteString(" " + e.Number)
	}
	if e.ID != "" {
		b.WriteString(" (id " + e.ID + ")")
	}
	if e.LineID != "" || e.Line != "" {
		b.WriteString(", line " + e.Line)
		if e.LineID != "" {
			b.WriteString(" (id " + e.LineID + ")")
		}
	}
	b.WriteString(", field " + e.Field + ": " + e.Value)
	return b.String()
}

// dataFix is what to do about a DataError.
const dataFix = "Nothing from this page was stored. Check that value in Business Central; if it is right there, report this message to bcspend (it names no secret), since bcspend cannot store it exactly."

// recordError explains why the page's "value" array did not decode into
// []T. A value of the wrong form (json.UnmarshalTypeError, which money's
// types also return for what they cannot hold) becomes a failure.KindData error
// naming the entity, its id and the field; anything else stays a bad
// response. It runs only on the failure path, so it may decode the page
// again record by record.
func recordError[T any](value []byte, cause error) *failure.Error {
	var te *json.UnmarshalTypeError
	if !errors.As(cause, &te) {
		return badResponse("a record it could not read", cause)
	}
	de := &DataError{Entity: entityName[T](), Field: lastSegment(te.Field), Value: describeValue(te)}
	var raws []json.RawMessage
	if json.Unmarshal(value, &raws) == nil {
		for _, raw := range raws {
			var v T
			if err := json.Unmarshal(raw, &v); err != nil && errors.As(err, &te) {
				de.locate(raw, te)
				break
			}
		}
	}
	return &failure.Error{Kind: failure.KindData, Code: "bad_value", Message: de.Error(), Fix: dataFix, Err: de}
}

// locate fills in the record (and line) the failing field belongs to.
func (de *DataError) locate(raw json.RawMessage, te *json.UnmarshalTypeError) {
	de.Field, de.Value = lastSegment(te.Field), describeValue(te)
	props := map[string]json.RawMessage{}
	_ = json.Unmarshal(raw, &props)
	de.ID, de.Number = textOf(props, "id", "userSecurityId"), textOf(props, "number")
	nav, _, _ := strings.Cut(te.Field, ".")
	if nav != "purchaseInvoiceLines" && nav != "purchaseCreditMemoLines" || !strings.Contains(te.Field, ".") {
		return
	}
	var lines []json.RawMessage
	_ = json.Unmarshal(props[nav], &lines)
	for _, l := range lines {
		var line PurchaseInvoiceLine
		if json.Unmarshal(l, &line) != nil {
			lp := map[string]json.RawMessage{}
			_ = json.Unmarshal(l, &lp)
			de.LineID, de.Line = textOf(lp, "id"), textOf(lp, "sequence")
			return
		}
	}
}

// textOf is the first of keys present in props, as sanitised text.
func textOf(props map[string]json.RawMessage, keys ...string) string {
	for _, k := range keys {
		raw, ok := props[k]
		if !ok {
			continue
		}
		var s string
		if json.Unmarshal(raw, &s) != nil {
			s = string(raw)
		}
		return clip(untrusted.Text(s), 60)
	}
	return ""
}

// describeValue is what was wrong with the value: money's own reason when
// it set one, else what was sent against what was expected.
func describeValue(te *json.UnmarshalTypeError) string {
	v := untrusted.Text(te.Value)
	if strings.Contains(v, "(") {
		return v
	}
	return fmt.Sprintf("%s where a %s belongs", v, te.Type)
}

func lastSegment(path string) string {
	if i := strings.LastIndexByte(path, '.'); i >= 0 {
		return path[i+1:]
	}
	return path
}

func clip(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

// entityName is the OData entity a wire type is, for messages.
func entityName[T any]() string {
	switch any(*new(T)).(type) {
	case PurchaseInvoice:
		return "purchaseInvoice"
	case PurchaseInvoiceLine:
		return "purchaseInvoiceLine"
	case PurchaseCreditMemo:
		return "purchaseCreditMemo"
	case Vendor:
		return "vendor"
	case CurrencyExchangeRate:
		return "currencyExchangeRate"
	case User:
		return "user"
	case Company:
		return "company"
	case CompanyInformation:
		return "companyInformation"
	case GeneralLedgerSetup:
		return "generalLedgerSetup"
	}
	n := reflect.TypeFor[T]().Name()
	if n == "" {
		return "record"
	}
	return strings.ToLower(n[:1]) + n[1:]
}
