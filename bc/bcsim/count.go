package bcsim

import (
	"net/http"
	"strconv"
	"time"
)

// serveCount answers {set}/$count the way BC's OData v4 endpoint does: the
// number of entities that match $filter, as a bare text/plain integer
// (OData v4 Protocol 11.2.10; $top and paging do not apply). Clients use
// it to size work before paging, e.g. to split a window into ranges of
// similar size.
func serveCount[T any](w http.ResponseWriter, q query, e entity[T], items []*T) {
	pred, _, ok := listQuery(w, q, e)
	if !ok {
		return
	}
	n := 0
	for _, v := range items {
		if pred == nil || pred(v) {
			n++
		}
	}
	body := strconv.Itoa(n)
	h := w.Header()
	h.Set("Content-Type", "text/plain; charset=utf-8")
	h.Set("OData-Version", "4.0")
	h.Set("Content-Length", strconv.Itoa(len(body)))
	_, _ = w.Write([]byte(body))
}

// entityDelay makes an invoice page take Config.EntityLatency of real time
// per invoice it holds, as BC builds a page of invoices with their lines
// one invoice at a time: the page's server time grows with its size. spent
// is what rendering the page already took; only the rest is slept, so the
// simulator's own rendering (on the client's cores) is not added on top
// of the time it stands in for. It reports false when the client hung up
// first.
func (t *Tenant) entityDelay(r *http.Request, n int, spent time.Duration) bool {
	d := time.Duration(n) * t.cfg.EntityLatency
	if d <= 0 {
		return true
	}
	if d > spent {
		timer := time.NewTimer(d - spent)
		defer timer.Stop()
		select {
		case <-timer.C:
		case <-r.Context().Done():
			return false
		}
	}
	t.statsDo(func(s *Stats) { s.Injected += d })
	return true
}
