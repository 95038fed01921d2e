package bcsim

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/url"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"time"
)

// OData query options, rendering and server-driven paging.

// MaxPageSize is BC's largest page.
const MaxPageSize = 20000

// query is the parsed OData options of one request.
type query struct {
	filter    *node
	sel       []string
	expand    bool     // $expand=purchaseInvoiceLines or purchaseCreditMemoLines
	expandNav string   // which of the two
	expandSel []string // its nested $select
	skip      string   // $skiptoken: the key of the last entity already sent
	top       int      // -1 when absent
	pageSize  int
	preferred bool // Prefer: odata.maxpagesize was given
}

func parseQuery(r *http.Request) (query, error) {
	q := query{top: -1, pageSize: MaxPageSize}
	v := r.URL.Query()
	for k := range v {
		switch k {
		case "$filter", "$select", "$expand", "$skiptoken", "$top", "aid", "company", "tenant", "$format":
		default:
			if strings.HasPrefix(k, "$") {
				return q, ferr("The query option '" + k + "' is not supported.")
			}
		}
	}
	var err error
	if f := v.Get("$filter"); f != "" {
		if q.filter, err = parseFilter(f); err != nil {
			return q, err
		}
	}
	q.sel = splitList(v.Get("$select"))
	if e := v.Get("$expand"); e != "" {
		if q.expandNav, q.expandSel, err = parseExpand(e); err != nil {
			return q, err
		}
		q.expand = true
	}
	q.skip = v.Get("$skiptoken")
	if s := v.Get("$top"); s != "" {
		if q.top, err = strconv.Atoi(s); err != nil || q.top < 0 {
			return q, ferr("Invalid value for $top.")
		}
	}
	q.pageSize, q.preferred = preferPageSize(r.Header.Values("Prefer"))
	return q, nil
}

// preferPageSize reads Prefer: odata.maxpagesize=N, capped at MaxPageSize.
func preferPageSize(prefs []string) (int, bool) {
	for _, h := range prefs {
		for _, part := range strings.Split(h, ",") {
			k, v, ok := strings.Cut(strings.TrimSpace(part), "=")
			if ok && strings.EqualFold(strings.TrimSpace(k), "odata.maxpagesize") {
				if n, err := strconv.Atoi(strings.TrimSpace(v)); err == nil && n > 0 {
					return min(n, MaxPageSize), true
				}
			}
		}
	}
	return MaxPageSize, false
}

func splitList(s string) []string {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	parts := strings.Split(s, ",")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	return parts
}

// parseExpand accepts a document's lines, purchaseInvoiceLines or
// purchaseCreditMemoLines, optionally with ($select=a,b); whether the
// navigation belongs to the entity set asked for is checked where it is
// served.
func parseExpand(e string) (string, []string, error) {
	name, rest, _ := strings.Cut(strings.TrimSpace(e), "(")
	if name != "purchaseInvoiceLines" && name != "purchaseCreditMemoLines" {
		return "", nil, ferr("Could not find a navigation property named '" + name + "'.")
	}
	if rest == "" {
		return name, nil, nil
	}
	rest, ok := strings.CutSuffix(rest, ")")
	opt, val, ok2 := strings.Cut(rest, "=")
	if !ok || !ok2 || strings.TrimSpace(opt) != "$select" {
		return "", nil, ferr("Only $select is supported inside $expand.")
	}
	return name, splitList(val), nil
}

// jsonFields lists the JSON property names of a struct type, minus skip.
func jsonFields(v any, skip ...string) map[string]bool {
	out := map[string]bool{}
	rt := reflect.TypeOf(v)
	for i := 0; i < rt.NumField(); i++ {
		name, _, _ := strings.Cut(rt.Field(i).Tag.Get("json"), ",")
		if name != "" && name != "-" {
			out[name] = true
		}
	}
	for _, s := range skip {
		delete(out, s)
	}
	return out
}

func checkSelect(sel []string, valid map[string]bool, entity string) error {
	for _, s := range sel {
		if !valid[s] {
			return ferr("Could not find a property named '" + s + "' on type 'Microsoft.NAV." + entity + "'.")
		}
	}
	return nil
}

// etag derives a weak ETag from the modification time, so it changes
// whenever the entity does.
func etag(t time.Time, id string) string {
	return `W/"` + base64.StdEncoding.EncodeToString([]byte("JzE5Ozk"+strconv.FormatInt(t.UnixNano(), 10)+";"+id+"'")) + `"`
}

// writeEntity renders v with @odata.etag first, only the selected
// properties when sel is set, and extra properties (an expansion) last.
func writeEntity(buf *bytes.Buffer, v any, tag string, sel []string, extra func(*bytes.Buffer) error) error {
	b, err := json.Marshal(wireForm(v))
	if err != nil {
		return err
	}
	buf.WriteString(`{"@odata.etag":`)
	t, _ := json.Marshal(tag)
	buf.Write(t)
	if sel == nil {
		if len(b) > 2 {
			buf.WriteByte(',')
			buf.Write(b[1 : len(b)-1])
		}
	} else {
		props := splitObject(b)
		for _, f := range sel {
			buf.WriteString(`,"` + f + `":`)
			if raw := props.get(f); raw != nil {
				buf.Write(raw)
			} else {
				buf.WriteString(`""`)
			}
		}
	}
	if extra != nil {
		if err := extra(buf); err != nil {
			return err
		}
	}
	buf.WriteByte('}')
	return nil
}

// pageOf returns up to size items after the key `after` that match pred,
// in key order, and whether more matches follow. items are sorted by key.
func pageOf[T any](items []*T, key func(*T) string, pred func(*T) bool, after string, size int) ([]*T, bool) {
	i := 0
	if after != "" {
		i = sort.Search(len(items), func(i int) bool { return key(items[i]) > after })
	}
	var out []*T
	for ; i < len(items); i++ {
		if pred != nil && !pred(items[i]) {
			continue
		}
		if len(out) == size {
			return out, true
		}
		out = append(out, items[i])
	}
	return out, false
}

// nextLink is absolute and carries every option of the request, plus the
// skiptoken and BC's aid=FIN, so following it verbatim continues the walk.
func nextLink(r *http.Request, last string, q query, sent int) string {
	v := r.URL.Query()
	v.Set("$skiptoken", last)
	v.Set("aid", "FIN")
	if q.top >= 0 {
		v.Set("$top", strconv.Itoa(q.top-sent))
	}
	return "http://" + r.Host + r.URL.EscapedPath() + "?" + encodeQuery(v)
}

// encodeQuery keeps OData's $ and , readable like BC's own links.
func encodeQuery(v url.Values) string {
	return strings.NewReplacer("%24", "$", "%2C", ",", "%28", "(", "%29", ")", "%27", "'", "+", "%20").Replace(v.Encode())
}

// writeJSON sends a finished body with the OData headers.
func writeJSON(w http.ResponseWriter, q query, body []byte) {
	h := w.Header()
	h.Set("Content-Type", "application/json; odata.metadata=minimal; odata.streaming=true; IEEE754Compatible=false; charset=utf-8")
	h.Set("OData-Version", "4.0")
	if q.preferred {
		h.Set("Preference-Applied", "odata.maxpagesize="+strconv.Itoa(q.pageSize))
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	_, _ = w.Write(body)
}

// props is an object's top-level properties in order: raw key (with
// quotes) and raw value.
type props [][2][]byte

func (p props) get(name string) []byte {
	for _, kv := range p {
		if len(kv[0]) == len(name)+2 && string(kv[0][1:len(kv[0])-1]) == name {
			return kv[1]
		}
	}
	return nil
}

// splitObject cuts the compact JSON object that encoding/json produced into
// its properties without decoding values; far cheaper than a map round trip
// on pages of 20,000 entities.
func splitObject(b []byte) props {
	var out props
	i := 1 // past '{'
	for i < len(b)-1 {
		ks := i
		i = skipString(b, i)
		key := b[ks:i]
		i++ // ':'
		vs := i
		depth := 0
	value:
		for ; i < len(b); i++ {
			switch b[i] {
			case '"':
				i = skipString(b, i) - 1
			case '{', '[':
				depth++
			case '}', ']':
				if depth == 0 {
					break value
				}
				depth--
			case ',':
				if depth == 0 {
					break value
				}
			}
		}
		out = append(out, [2][]byte{key, b[vs:i]})
		i++ // ',' or the final '}'
	}
	return out
}

// skipString returns the index just past the string starting at b[i] == '"'.
func skipString(b []byte, i int) int {
	for i++; i < len(b); i++ {
		switch b[i] {
		case '\\':
			i++
		case '"':
			return i + 1
		}
	}
	return i
}
