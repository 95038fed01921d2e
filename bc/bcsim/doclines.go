package bcsim

import (
	"bytes"
	"net/http"
	"sort"
	"strings"
)

// Purchase invoices and purchase credit memos carry the same lines
// (bc.PurchaseInvoiceLine) under different names: what follows serves them
// for both documents, told apart by the line entity and BC's table caption.

// expandLines writes a document's lines as the navigation property prop,
// for $expand.
func expandLines(prop string, le entity[line], ls []line, q query) func(*bytes.Buffer) error {
	return func(b *bytes.Buffer) error {
		b.WriteString(`,"` + prop + `":[`)
		for i := range ls {
			if i > 0 {
				b.WriteByte(',')
			}
			l := &ls[i]
			if err := writeEntity(b, l, le.tag(l), q.expandSel, nil); err != nil {
				return err
			}
		}
		b.WriteByte(']')
		return nil
	}
}

func linePtrs(ls []line) []*line {
	out := make([]*line, len(ls))
	for i := range ls {
		out[i] = &ls[i]
	}
	return out
}

// topLines are the lines a top-level lines request reads: one document's
// (documentId eq ...) or every document's.
type topLines struct {
	le      entity[line]
	caption string                 // BC's table caption in its "does not exist" error
	byID    func(id string) []line // the lines of the document with this id, nil if none
	all     func() [][]line        // every document's lines
}

// topLinesOf reads the lines of documents of one kind: docs in id order,
// byID keyed by lower-case id, lines the document's lines.
func topLinesOf[T any](le entity[line], caption string, docs []*T, byID map[string]*T, lines func(*T) []line) topLines {
	return topLines{le: le, caption: caption,
		byID: func(id string) []line {
			if v := byID[id]; v != nil {
				return lines(v)
			}
			return nil
		},
		all: func() [][]line {
			out := make([][]line, 0, len(docs))
			for _, v := range docs {
				out = append(out, lines(v))
			}
			return out
		}}
}

// serveTopLines: BC refuses top-level lines without a document or line id.
func (t *Tenant) serveTopLines(w http.ResponseWriter, r *http.Request, q query, ctx string, tl topLines, key string, hasKey bool) {
	if !hasKey && (q.filter == nil || !q.filter.hasEq("documentId", "id")) {
		badRequest(w, "BadRequest", "You must specify an Id or a Document Id to get the lines.")
		return
	}
	var lines []*line
	t.mu.RLock()
	if doc, ok := q.filter.eqLiteral("documentId"); ok && !hasKey {
		lines = linePtrs(tl.byID(strings.ToLower(doc)))
	} else {
		for _, ls := range tl.all() {
			lines = append(lines, linePtrs(ls)...)
		}
	}
	t.mu.RUnlock()
	sort.Slice(lines, func(i, j int) bool { return tl.le.key(lines[i]) < tl.le.key(lines[j]) })
	if hasKey {
		for _, l := range lines {
			if equalID(l.ID, key) {
				serveOneOf(w, q, ctx+"/$entity", tl.le, l, nil)
				return
			}
		}
		notFound(w, tl.caption)
		return
	}
	serveList(w, r, q, ctx, tl.le, lines, nil)
}
