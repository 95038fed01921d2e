package main

import (
	"encoding/json"
	"fmt"
	"io"
	"reflect"

	"github.com/bcspend/bcspend/untrusted"
)

// Company names, BC error messages and codes reach the CLI's output as
// arguments of a format; anyone who can name a company or a vendor in BC
// chooses them. inertf and sayf are fmt.Sprintf and fmt.Fprintf with every
// string-like argument (strings, named string types, errors) passed
// through untrusted.Text first: the format's own line breaks stay, an
// argument's escape sequences and line breaks (a forged log line) do not.

func inertf(format string, args ...any) string {
	return fmt.Sprintf(format, inertArgs(args)...)
}

func sayf(w io.Writer, format string, args ...any) {
	fmt.Fprint(w, inertf(format, args...))
}

func inertArgs(args []any) []any {
	out := make([]any, len(args))
	for i, a := range args {
		switch v := a.(type) {
		case string:
			out[i] = untrusted.Text(v)
		case error:
			out[i] = untrusted.Text(v.Error())
		default:
			out[i] = a
			if rv := reflect.ValueOf(a); rv.IsValid() && rv.Kind() == reflect.String {
				out[i] = untrusted.Text(rv.String())
			}
		}
	}
	return out
}

// writeJSON prints v indented, every string from BC in it made inert: the
// one way a command prints --json. v is a pointer or a slice, so that its
// strings can be rewritten.
func writeJSON(io stdio, v any) int {
	inertJSON(&v)
	enc := json.NewEncoder(io.jsonOut())
	enc.SetIndent("", "  ")
	if io.mode != nil {
		io.mode.printedJSON = true // one document per run
	}
	if err := enc.Encode(v); err != nil {
		return fail(io, err)
	}
	return exitOK
}

// inertJSON makes every string reachable from v (a pointer to what --json
// prints) inert in place: JSON escapes control characters, but `jq -r`
// and log shippers turn them back into the real thing.
func inertJSON(v any) { inertValue(reflect.ValueOf(v)) }

func inertValue(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			inertValue(v.Elem())
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if f := v.Field(i); f.CanSet() {
				inertValue(f)
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			inertValue(v.Index(i))
		}
	case reflect.String:
		if v.CanSet() {
			v.SetString(untrusted.Text(v.String()))
		}
	}
}
