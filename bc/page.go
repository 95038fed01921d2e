package bc

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/bcspend/bcspend/failure"
)

// Page decoding is where a hostile or broken server meets the sync. A page
// that is not exactly the OData shape (an object with a "value" array) must
// fail the pass: read as an empty last page it would end a backfill early,
// make a --full reconcile mark everything unseen as removed, and mark every
// user removed. The limits below bound what one answer can cost.
const (
	// maxBodyBytes caps one response body. A real page of 1,000 invoices
	// with their lines is a few MB; 20,000 (the largest --page-size) stays
	// well under this.
	maxBodyBytes = 64 << 20
	// maxObjects caps the JSON objects in one page: "{}," is three bytes
	// of body but a few hundred bytes of decoded record, so the byte limit
	// alone would let 64 MB of empty objects take gigabytes.
	maxObjects = 250_000
)

// maxPagesPerChain caps the pages one nextLink chain may have: a server
// that hands out fresh links forever would otherwise keep a sync busy
// forever. 20,000 pages is 20 million records at the default page size. A
// variable so tests can lower it.
var maxPagesPerChain = 20_000

// eachPage follows nextLink until it is absent, handing each decoded page
// to fn in order. While fn works on a page (a sync commits it), the next
// page is already being fetched: a chain keeps its one request in flight
// instead of leaving BC idle for the length of a commit. A failing fn
// cancels that request and its error is the one returned. A link seen
// before in the same chain (a server looping) and a chain longer than
// maxPagesPerChain end it with an error instead of running forever.
func eachPage[T any](c *Client, ctx context.Context, u string, rt route, fn func(Page[T]) error) error {
	ch := c.newChain()
	seen := map[string]bool{}
	p, err := fetchPage[T](c, ctx, u, rt, ch)
	for pages := 1; ; pages++ {
		if err != nil {
			return err
		}
		if p.NextLink == "" {
			return fn(p)
		}
		if seen[u] = true; seen[p.NextLink] || pages >= maxPagesPerChain {
			// The page itself is good: it is handed on before the chain ends.
			if err := fn(p); err != nil {
				return err
			}
			if seen[p.NextLink] {
				return loopError("Business Central returned a next-page link it had already sent")
			}
			return loopError(fmt.Sprintf("Business Central kept sending next-page links after %d pages", maxPagesPerChain))
		}
		u = p.NextLink
		ahead, cancel := prefetch[T](c, ctx, u, rt, ch)
		if err := fn(p); err != nil {
			cancel()
			<-ahead
			return err
		}
		r := <-ahead
		cancel()
		p, err = r.page, r.err
	}
}

type fetched[T any] struct {
	page Page[T]
	err  error
}

// prefetch fetches u in the background; the channel delivers it once.
func prefetch[T any](c *Client, ctx context.Context, u string, rt route, ch *chain) (<-chan fetched[T], context.CancelFunc) {
	ctx, cancel := context.WithCancel(ctx)
	out := make(chan fetched[T], 1)
	go func() {
		p, err := fetchPage[T](c, ctx, u, rt, ch)
		out <- fetched[T]{p, err}
	}()
	return out, cancel
}

// fetchPage gets and decodes one page. Only the body is read inside the
// request's in-flight slot; decoding it (the client's CPU, not BC's)
// happens after the slot is free, so another request is already on its
// way.
func fetchPage[T any](c *Client, ctx context.Context, u string, rt route, ch *chain) (Page[T], error) {
	var body []byte
	err := c.fetch(ctx, u, rt, ch, func(r io.Reader) (err error) {
		body, err = readBody(r)
		return err
	})
	if err != nil {
		return Page[T]{}, err
	}
	return decodePage[T](body)
}

func loopError(msg string) *failure.Error {
	return &failure.Error{Kind: failure.KindProtocol, Code: "paging_loop", Message: msg,
		Fix: "Nothing from this list was removed or marked complete; sync again later, and if it persists check --api-url points at Business Central."}
}

// readBody reads one body, within maxBodyBytes. A failed read is returned
// as it is, so the client retries it like any network failure; a body
// that is too big is a *failure.Error, which is never retried: the same server
// would send the same answer (so is one of the wrong shape, decodePage).
func readBody(r io.Reader) ([]byte, error) {
	body, err := io.ReadAll(io.LimitReader(r, maxBodyBytes+1))
	if err != nil {
		return nil, err
	}
	if len(body) > maxBodyBytes {
		return nil, &failure.Error{Kind: failure.KindProtocol, Code: "response_too_large",
			Message: fmt.Sprintf("Business Central sent a response larger than %d MB", maxBodyBytes>>20),
			Fix:     "Sync again with a smaller --page-size (e.g. 200); if it persists, check --api-url points at Business Central."}
	}
	return body, nil
}

// decodePage accepts exactly one JSON object with a "value" array (and an
// optional string "@odata.nextLink"), nothing before or after it.
func decodePage[T any](body []byte) (Page[T], error) {
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) > 0 && trimmed[0] == '<' {
		return Page[T]{}, badResponse("an HTML or XML page instead of JSON; a proxy or sign-in page may be answering", nil)
	}
	if n := countObjects(trimmed); n > maxObjects {
		return Page[T]{}, badResponse(fmt.Sprintf("a page of more than %d records", maxObjects), nil)
	}
	if p, ok := decodeWellFormed[T](trimmed); ok {
		return p, nil
	}
	return decodeStrict[T](trimmed)
}

// decodeWellFormed is the fast path for a page that is what BC sends: it
// decodes "value" straight into the records, in one scan and one decode
// of the body (decodeStrict takes twice that, a page of 1,000 invoices
// with lines being most of a sync's client CPU). Anything unusual (a key
// twice, a value that is not an array, a record it cannot read, trailing
// data) reports false, and decodeStrict decides and words the error.
func decodeWellFormed[T any](body []byte) (p Page[T], ok bool) {
	dec := json.NewDecoder(bytes.NewReader(body))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return p, false
	}
	var haveValue, haveNext bool
	for dec.More() {
		t, err := dec.Token()
		key, isKey := t.(string)
		if err != nil || !isKey {
			return p, false
		}
		switch key {
		case "value":
			if haveValue || dec.Decode(&p.Value) != nil || p.Value == nil {
				return p, false
			}
			haveValue = true
		case "@odata.nextLink":
			var next *string
			if haveNext || dec.Decode(&next) != nil {
				return p, false
			}
			if next != nil {
				p.NextLink = *next
			}
			haveNext = true
		default:
			var skip json.RawMessage
			if dec.Decode(&skip) != nil {
				return p, false
			}
		}
	}
	if t, err := dec.Token(); err != nil || t != json.Delim('}') || !haveValue {
		return p, false
	}
	if _, err := dec.Token(); err != io.EOF {
		return p, false
	}
	decodeEnums(p.Value)
	return p, true
}

// decodeStrict reads the page through a map of its keys, so that every
// way a page can be wrong gets its own error.
func decodeStrict[T any](trimmed []byte) (Page[T], error) {
	// Keys are matched exactly: encoding/json would also take "Value" or
	// "VALUE" for value, which is not the OData contract.
	var top map[string]json.RawMessage
	dec := json.NewDecoder(bytes.NewReader(trimmed))
	if err := dec.Decode(&top); err != nil {
		return Page[T]{}, badResponse("JSON it could not read", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return Page[T]{}, badResponse("more than one JSON value", nil)
	}
	value, ok := top["value"]
	if !ok || !bytes.HasPrefix(value, []byte("[")) {
		return Page[T]{}, badResponse(`a page without its "value" list`, nil)
	}
	var p Page[T]
	if err := json.Unmarshal(value, &p.Value); err != nil {
		return Page[T]{}, recordError[T](value, err)
	}
	decodeEnums(p.Value)
	if next, ok := top["@odata.nextLink"]; ok && string(next) != "null" {
		if err := json.Unmarshal(next, &p.NextLink); err != nil {
			return Page[T]{}, badResponse("a next-page link that is not a string", err)
		}
	}
	return p, nil
}

// badResponse is an answer that arrived but cannot be used: not a network
// problem, so it must not say "could not reach".
func badResponse(what string, cause error) *failure.Error {
	msg := "Business Central sent " + what
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(cause, &te) && te.Field != "":
		msg += fmt.Sprintf(" (field %s is not a %s)", te.Field, te.Type)
	case errors.As(cause, &se):
		msg += fmt.Sprintf(" (invalid JSON at byte %d)", se.Offset)
	case cause != nil:
		msg += " (" + firstSentence(cause.Error()) + ")"
	}
	return &failure.Error{Kind: failure.KindProtocol, Code: "bad_response", Message: msg, Err: cause,
		Fix: "Nothing from this answer was stored; check --api-url points at Business Central, sync again later, and report it if it persists."}
}

// countObjects counts the '{' outside JSON strings: each becomes a record
// when decoded. It does not validate; the decoder does.
func countObjects(b []byte) int {
	n, inString, escaped := 0, false, false
	for _, c := range b {
		switch {
		case escaped:
			escaped = false
		case inString && c == '\\':
			escaped = true
		case c == '"':
			inString = !inString
		case !inString && c == '{':
			n++
		}
	}
	return n
}
