package bcsim

import (
	"errors"
	"strings"
	"time"

	"github.com/bcspend/bcspend/money"
)

// A small OData $filter: comparisons (eq ne gt ge lt le) joined by "and",
// "or" only between comparisons of the same field (BC refuses "or" across
// fields), parentheses. Literals: 'text', bare dates, bare datetimes,
// GUIDs, numbers, true/false.

type kind int

const (
	kString kind = iota
	kGUID
	kDate
	kDateTime
	kNumber
	kBool
)

// field describes one filterable property of T.
type field[T any] struct {
	kind kind
	str  func(*T) string
	tm   func(*T) time.Time
	num  func(*T) money.Amount
	bol  func(*T) bool
}

type fields[T any] map[string]field[T]

// node is a parsed filter expression.
type node struct {
	op          string // "and", "or", or a comparison operator
	left, right *node
	name, lit   string
}

type filterError struct{ msg string }

func (e *filterError) Error() string { return e.msg }

func ferr(msg string) error { return &filterError{msg} }

// tokenize splits on spaces and parentheses, keeping quoted strings whole.
func tokenize(s string) ([]string, error) {
	var toks []string
	for i := 0; i < len(s); {
		switch c := s[i]; {
		case c == ' ' || c == '\t':
			i++
		case c == '(' || c == ')':
			toks = append(toks, string(c))
			i++
		case c == '\'':
			j := i + 1
			for ; j < len(s); j++ {
				if s[j] == '\'' {
					if j+1 < len(s) && s[j+1] == '\'' {
						j++
						continue
					}
					break
				}
			}
			if j >= len(s) {
				return nil, ferr("Unterminated string literal in $filter.")
			}
			toks = append(toks, s[i:j+1])
			i = j + 1
		default:
			j := i
			for j < len(s) && s[j] != ' ' && s[j] != '(' && s[j] != ')' {
				j++
			}
			toks = append(toks, s[i:j])
			i = j
		}
	}
	return toks, nil
}

type parser struct {
	toks []string
	pos  int
}

func (p *parser) peek() string {
	if p.pos < len(p.toks) {
		return p.toks[p.pos]
	}
	return ""
}

func (p *parser) next() string { t := p.peek(); p.pos++; return t }

func parseFilter(s string) (*node, error) {
	toks, err := tokenize(s)
	if err != nil {
		return nil, err
	}
	p := &parser{toks: toks}
	n, err := p.or()
	if err != nil {
		return nil, err
	}
	if p.pos != len(p.toks) {
		return nil, ferr("Syntax error at position " + itoa(int64(p.pos)) + " in '" + s + "'.")
	}
	return n, nil
}

func (p *parser) or() (*node, error) {
	l, err := p.and()
	for err == nil && strings.EqualFold(p.peek(), "or") {
		p.next()
		var r *node
		if r, err = p.and(); err == nil {
			l = &node{op: "or", left: l, right: r}
		}
	}
	return l, err
}

func (p *parser) and() (*node, error) {
	l, err := p.primary()
	for err == nil && strings.EqualFold(p.peek(), "and") {
		p.next()
		var r *node
		if r, err = p.primary(); err == nil {
			l = &node{op: "and", left: l, right: r}
		}
	}
	return l, err
}

var compareOps = map[string]bool{"eq": true, "ne": true, "gt": true, "ge": true, "lt": true, "le": true}

func (p *parser) primary() (*node, error) {
	if p.peek() == "(" {
		p.next()
		n, err := p.or()
		if err != nil {
			return nil, err
		}
		if p.next() != ")" {
			return nil, ferr("Syntax error: ')' expected in $filter.")
		}
		return n, nil
	}
	name, op, lit := p.next(), strings.ToLower(p.next()), p.next()
	if name == "" || lit == "" || lit == "(" || lit == ")" {
		return nil, ferr("Syntax error: expression expected in $filter.")
	}
	if !compareOps[op] {
		return nil, ferr("The operator '" + op + "' is not supported in $filter.")
	}
	return &node{op: op, name: name, lit: lit}, nil
}

// fieldsOf lists the properties a subtree compares.
func (n *node) fieldsOf(into map[string]bool) {
	if n.left == nil {
		into[n.name] = true
		return
	}
	n.left.fieldsOf(into)
	n.right.fieldsOf(into)
}

// hasEq reports whether the expression requires name eq <value> (at the
// top level of an and-chain), as BC needs for top-level lines.
func (n *node) hasEq(names ...string) bool {
	switch n.op {
	case "and":
		return n.left.hasEq(names...) || n.right.hasEq(names...)
	case "eq":
		for _, s := range names {
			if n.name == s {
				return true
			}
		}
	}
	return false
}

// compile turns the tree into a predicate over T.
func compile[T any](n *node, fs fields[T], entity string) (func(*T) bool, error) {
	switch n.op {
	case "and", "or":
		if n.op == "or" {
			seen := map[string]bool{}
			n.fieldsOf(seen)
			if len(seen) > 1 {
				return nil, ferr("The 'or' operator is only supported between conditions on the same field.")
			}
		}
		l, err := compile(n.left, fs, entity)
		if err != nil {
			return nil, err
		}
		r, err := compile(n.right, fs, entity)
		if err != nil {
			return nil, err
		}
		if n.op == "and" {
			return func(v *T) bool { return l(v) && r(v) }, nil
		}
		return func(v *T) bool { return l(v) || r(v) }, nil
	}
	f, ok := fs[n.name]
	if !ok {
		return nil, ferr("Could not find a property named '" + n.name + "' on type 'Microsoft.NAV." + entity + "'.")
	}
	test, err := cmpFunc(n.op)
	if err != nil {
		return nil, err
	}
	return literal(f, n, test)
}

func cmpFunc(op string) (func(int) bool, error) {
	switch op {
	case "eq":
		return func(c int) bool { return c == 0 }, nil
	case "ne":
		return func(c int) bool { return c != 0 }, nil
	case "gt":
		return func(c int) bool { return c > 0 }, nil
	case "ge":
		return func(c int) bool { return c >= 0 }, nil
	case "lt":
		return func(c int) bool { return c < 0 }, nil
	case "le":
		return func(c int) bool { return c <= 0 }, nil
	}
	return nil, errors.New("unreachable")
}

func literal[T any](f field[T], n *node, test func(int) bool) (func(*T) bool, error) {
	bad := ferr("A binary operator with incompatible types was detected. Found operand types for '" + n.name + "' and literal " + n.lit + ".")
	switch f.kind {
	case kString, kGUID:
		s, ok := unquote(n.lit)
		if !ok && f.kind == kGUID && isGUID(n.lit) {
			s, ok = n.lit, true
		}
		if !ok {
			return nil, bad
		}
		s = strings.ToLower(s)
		return func(v *T) bool { return test(strings.Compare(strings.ToLower(f.str(v)), s)) }, nil
	case kDate, kDateTime:
		t, ok := parseTimeLit(n.lit)
		if !ok {
			return nil, bad
		}
		return func(v *T) bool { return test(f.tm(v).Compare(t)) }, nil
	case kNumber:
		a, err := money.Parse(n.lit)
		if err != nil {
			return nil, bad
		}
		return func(v *T) bool { x := f.num(v); return test(cmpInt(int64(x), int64(a))) }, nil
	case kBool:
		b := strings.EqualFold(n.lit, "true")
		if !b && !strings.EqualFold(n.lit, "false") {
			return nil, bad
		}
		return func(v *T) bool { return test(cmpInt(b2i(f.bol(v)), b2i(b))) }, nil
	}
	return nil, bad
}

func cmpInt(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func b2i(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

func unquote(s string) (string, bool) {
	if len(s) >= 2 && s[0] == '\'' && s[len(s)-1] == '\'' {
		return strings.ReplaceAll(s[1:len(s)-1], "''", "'"), true
	}
	return "", false
}

func isGUID(s string) bool {
	s = strings.Trim(s, "{}")
	if len(s) != 36 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if i == 8 || i == 13 || i == 18 || i == 23 {
			if c != '-' {
				return false
			}
		} else if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
			return false
		}
	}
	return true
}

// parseTimeLit reads a bare date or datetime, as BC's $filter expects.
func parseTimeLit(s string) (time.Time, bool) {
	for _, layout := range []string{"2006-01-02", time.RFC3339Nano, "2006-01-02T15:04:05.999999999", "2006-01-02T15:04:05"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), true
		}
	}
	return time.Time{}, false
}
