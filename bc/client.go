package bc

import (
	"context"
	"errors"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/bcspend/bcspend/failure"
)

// MaxInFlight is BC's budget of requests processed at once per user; more
// only queue on the server, so the client never sends more.
const MaxInFlight = 5

// ClientOptions tunes a Client. Zero values are production defaults.
type ClientOptions struct {
	HTTPClient  *http.Client
	MaxInFlight int // default MaxInFlight
	// RequestTimeout bounds one request, body included. The default, 11
	// minutes, is above BC's own limits (408 after 8 minutes of work, 504
	// after 10), so BC's answer arrives before the client gives up.
	RequestTimeout time.Duration
	MaxRetries     int           // server and network failures, default 8
	BaseBackoff    time.Duration // default 500 ms
	MaxBackoff     time.Duration // default 30 s
	// Throttling (429) has its own, longer backoff: BC counts 6,000
	// requests per sliding 5 minutes per user, so a 429 without Retry-After
	// only clears once the window has moved. One wait starts at
	// ThrottleBase (default 5 s), doubles up to ThrottleMax (default 2
	// minutes), and the request gives up only after ThrottleBudget (default
	// 20 minutes) of waiting.
	ThrottleBase, ThrottleMax, ThrottleBudget time.Duration
	PageSize                                  int // Prefer: odata.maxpagesize, default 1000
	// MinPageSize is the floor of halving: a page that times out (408, 504
	// or the client's timeout) is asked for again at half the size, down to
	// this (default 10).
	MinPageSize int
	// Sleep waits between retries; tests replace it (and Now) so nothing
	// waits for real. It must return early with ctx's error when ctx ends.
	Sleep func(ctx context.Context, d time.Duration) error
	// Now is the clock the throttling wait is measured with; default time.Now.
	Now func() time.Time
}

// Default limits; ClientOptions documents each.
const (
	DefaultRequestTimeout = 11 * time.Minute
	DefaultPageSize       = 1000
	DefaultMinPageSize    = 10
	MaxPageSize           = 20000 // BC refuses larger pages (413)
)

// Stats counts what a client did, for sync history.
type Stats struct {
	Requests  int64
	Retries   int64
	Throttled int64
	// ThrottleWait is wall-clock time during which at least one request
	// was waiting on throttling: concurrent waits overlap and count once.
	ThrottleWait time.Duration
	// PageSize is the smallest page size a chain asked for: the
	// configured one, or what halving on slow pages brought it to.
	PageSize int
}

// Client talks to one BC environment.
type Client struct {
	target Target
	tokens TokenSource
	opt    ClientOptions
	slots  chan struct{}
	waits  waitClock

	requests, retries, throttled atomic.Int64
	smallest                     atomic.Int64 // smallest page size asked for after halving; 0 none
}

// NewClient builds a client for target that authenticates with tokens.
func NewClient(target Target, tokens TokenSource, opt ClientOptions) *Client {
	opt.HTTPClient = withoutRedirects(opt.HTTPClient) // urls.go
	if opt.MaxInFlight <= 0 || opt.MaxInFlight > MaxInFlight {
		opt.MaxInFlight = MaxInFlight
	}
	defaultDuration(&opt.RequestTimeout, DefaultRequestTimeout)
	if opt.MaxRetries <= 0 {
		opt.MaxRetries = 8
	}
	defaultDuration(&opt.BaseBackoff, 500*time.Millisecond)
	defaultDuration(&opt.MaxBackoff, 30*time.Second)
	defaultDuration(&opt.ThrottleBase, 5*time.Second)
	defaultDuration(&opt.ThrottleMax, 2*time.Minute)
	defaultDuration(&opt.ThrottleBudget, 20*time.Minute)
	if opt.PageSize <= 0 {
		opt.PageSize = DefaultPageSize
	}
	opt.PageSize = min(opt.PageSize, MaxPageSize)
	if opt.MinPageSize <= 0 {
		opt.MinPageSize = DefaultMinPageSize
	}
	opt.MinPageSize = min(opt.MinPageSize, opt.PageSize)
	if opt.Sleep == nil {
		opt.Sleep = sleepCtx
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	return &Client{target: target, tokens: tokens, opt: opt, slots: make(chan struct{}, opt.MaxInFlight)}
}

func defaultDuration(d *time.Duration, def time.Duration) {
	if *d <= 0 {
		*d = def
	}
}

// PageSize is the page size chains start with (Prefer: odata.maxpagesize).
func (c *Client) PageSize() int { return c.opt.PageSize }

// Target is where the client points.
func (c *Client) Target() Target { return c.target }

// Stats returns the counters so far.
func (c *Client) Stats() Stats {
	size := c.opt.PageSize
	if s := int(c.smallest.Load()); s > 0 {
		size = min(size, s)
	}
	return Stats{Requests: c.requests.Load(), Retries: c.retries.Load(), Throttled: c.throttled.Load(),
		ThrottleWait: c.waits.total(c.opt.Now()), PageSize: size}
}

// Special statuses once reports besides HTTP ones.
const (
	statusTransport     = 0  // no answer: connection refused, reset, DNS
	statusCut           = -1 // a 2xx whose body broke off
	statusClientTimeout = -2 // RequestTimeout passed before the answer was complete
)

// get fetches one URL outside any page chain (one try per retry at the
// default page size); see fetch.
func (c *Client) get(ctx context.Context, rawURL string, rt route, read func(io.Reader) error) error {
	return c.fetch(ctx, rawURL, rt, nil, read)
}

// chain is one nextLink chain's state: its page size, halved when a page
// is too slow for BC (or for the client) and kept for the chain's later
// pages.
type chain struct{ size int }

func (c *Client) newChain() *chain { return &chain{size: c.opt.PageSize} }

// fetch gets rawURL and hands the successful body to read, inside one of
// the in-flight slots, retrying what BC documents as retryable. read runs
// once per successful response; its error is returned as is.
//
// A page that takes too long (408, 504, client timeout) is not resent as
// is: its chain asks for the same position with half the page size, down
// to MinPageSize, and the last failure names the size that failed. A 429
// waits on its own, longer schedule (see ClientOptions).
func (c *Client) fetch(ctx context.Context, rawURL string, rt route, ch *chain, read func(io.Reader) error) error {
	if err := c.checkURL(rawURL); err != nil {
		return err
	}
	reauthed := false
	retries, throttles := 0, 0
	var throttledFor time.Duration
	for {
		size := c.opt.PageSize
		if ch != nil {
			size = ch.size
		}
		status, wait, err := c.once(ctx, rawURL, rt, size, read)
		if err == nil {
			return nil
		}
		var d time.Duration
		switch {
		case status == http.StatusUnauthorized && !reauthed:
			// A token may expire between our check and BC's; one fresh token
			// tells an expiry apart from a real refusal.
			reauthed = true
			c.tokens.Invalidate()
			continue
		case ch != nil && slowPage(status):
			if ch.size <= c.opt.MinPageSize {
				return pageTooSlow(err, status, size)
			}
			ch.size = max(ch.size/2, c.opt.MinPageSize)
			c.noteSmaller(ch.size)
			c.retries.Add(1)
			continue // at once: the server was not busy, the page was too big
		case status == http.StatusTooManyRequests || status == http.StatusServiceUnavailable:
			// 503 is BC's queue timing out behind the 5 in flight: load,
			// like a 429, and it clears on the same schedule.
			if throttledFor >= c.opt.ThrottleBudget {
				if status == http.StatusServiceUnavailable {
					return err
				}
				return throttledOut(err, throttledFor)
			}
			d = c.throttleBackoff(throttles, wait)
			throttles++
			throttledFor += d
		case retryable(status, err) && retries < c.opt.MaxRetries:
			d = c.backoff(retries, wait)
			retries++
		default:
			return err
		}
		c.retries.Add(1)
		if serr := c.pause(ctx, status, d); serr != nil {
			return classifyTransport(serr)
		}
	}
}

// noteSmaller remembers the smallest page size a chain went down to.
func (c *Client) noteSmaller(size int) {
	for {
		old := c.smallest.Load()
		if old != 0 && old <= int64(size) || c.smallest.CompareAndSwap(old, int64(size)) {
			return
		}
	}
}

// pause sleeps d before a retry. Waits on BC's limits (429, and 503: a
// queue timeout) are throttling: counted, measured on the wall clock, and
// reported to the context's WaitObserver while they last.
func (c *Client) pause(ctx context.Context, status int, d time.Duration) error {
	if status != http.StatusTooManyRequests && status != http.StatusServiceUnavailable {
		return c.opt.Sleep(ctx, d)
	}
	c.throttled.Add(1)
	obs := waitObserver(ctx)
	start := c.waits.begin(c.opt.Now)
	obs(Wait{Status: status, Duration: d, Until: start.Add(d)})
	err := c.opt.Sleep(ctx, d)
	end := c.waits.end(c.opt.Now)
	obs(Wait{Status: status, Duration: end.Sub(start), Done: true})
	return err
}

// slowPage: BC gave up building the page (408 after 8 minutes, 504 after
// 10) or the client's own timeout passed.
func slowPage(status int) bool {
	return status == http.StatusRequestTimeout || status == http.StatusGatewayTimeout || status == statusClientTimeout
}

// pageTooSlow is the final error of a chain whose pages time out even at
// the smallest size: it names the size and how to ask for a smaller one.
func pageTooSlow(err error, status, size int) error {
	smaller := max(1, size/2)
	what := "did not answer within the client's timeout"
	if status > 0 {
		what = "gave up building it (HTTP " + strconv.Itoa(status) + ")"
	}
	e := &failure.Error{Kind: failure.KindServer, Code: "page_too_slow", Status: max(status, 0), Err: err,
		Message: "A page of " + strconv.Itoa(size) + " entries was too slow: Business Central " + what,
		Fix: "Sync again with smaller pages: `bcspend sync --page-size " + strconv.Itoa(smaller) +
			"`, or keep the setting with `bcspend config set page-size " + strconv.Itoa(smaller) + "`."}
	if be, ok := failure.AsError(err); ok {
		e.CorrelationID, e.RequestID = be.CorrelationID, be.RequestID
	}
	return e
}

// throttledOut is the error after ThrottleBudget of waiting on 429s.
func throttledOut(err error, waited time.Duration) error {
	e := &failure.Error{Kind: failure.KindThrottled, Code: "Application_TooManyRequests", Status: http.StatusTooManyRequests, Err: err,
		Message: "Business Central kept throttling requests for " + waited.Round(time.Second).String(),
		Fix:     "Other integrations share the app's limit of 6,000 requests per 5 minutes; sync again later, or at a quieter hour."}
	if be, ok := failure.AsError(err); ok {
		e.CorrelationID, e.RequestID = be.CorrelationID, be.RequestID
	}
	return e
}

// once makes one request. status is an HTTP status or one of the special
// ones above; wait is the server's Retry-After.
func (c *Client) once(ctx context.Context, rawURL string, rt route, pageSize int, read func(io.Reader) error) (status int, wait time.Duration, err error) {
	select {
	case c.slots <- struct{}{}:
	case <-ctx.Done():
		return 0, 0, classifyTransport(ctx.Err())
	}
	defer func() { <-c.slots }()

	token, err := c.tokens.Token(ctx)
	if err != nil {
		return 0, 0, err
	}
	rctx, cancel := context.WithTimeout(ctx, c.opt.RequestTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(rctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return 0, 0, &failure.Error{Kind: failure.KindProtocol, Message: "Bad request URL", Fix: "Check --api-url.", Err: err}
	}
	reqID := setRequestHeaders(req.Header)
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Accept", "application/json")
	req.Header.Set("Prefer", "odata.maxpagesize="+strconv.Itoa(pageSize))
	req.Header.Set("Data-Access-Intent", "ReadOnly")
	c.requests.Add(1)
	// timedOut tells our own deadline apart from the caller's.
	timedOut := func() bool { return ctx.Err() == nil && errors.Is(rctx.Err(), context.DeadlineExceeded) }
	resp, err := c.opt.HTTPClient.Do(req)
	if err != nil {
		switch {
		case ctx.Err() != nil:
			return 0, 0, classifyTransport(ctx.Err())
		case timedOut():
			return statusClientTimeout, 0, withRequestID(clientTimeout(c.opt.RequestTimeout, err), reqID)
		}
		return statusTransport, 0, withRequestID(classifyTransport(err), reqID)
	}
	defer resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		body, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
		e := classifyBC(resp.StatusCode, body, rt, ParseClaims(token))
		if e.CorrelationID == "" {
			e.CorrelationID = correlationFromHeaders(resp.Header)
		}
		return resp.StatusCode, retryAfter(resp.Header.Get("Retry-After")), withRequestID(e, reqID)
	}
	if err := read(resp.Body); err != nil {
		switch {
		case ctx.Err() != nil:
			return 0, 0, classifyTransport(ctx.Err())
		case timedOut():
			return statusClientTimeout, 0, withRequestID(clientTimeout(c.opt.RequestTimeout, err), reqID)
		}
		var be *failure.Error
		if errors.As(err, &be) {
			return 0, 0, err
		}
		// A body cut mid-stream is a network failure worth a retry.
		return statusCut, 0, withRequestID(classifyTransport(err), reqID)
	}
	return resp.StatusCode, 0, nil
}

func withRequestID(e *failure.Error, id string) *failure.Error {
	if e.RequestID == "" {
		e.RequestID = id
	}
	return e
}

func clientTimeout(limit time.Duration, err error) *failure.Error {
	return &failure.Error{Kind: failure.KindNetwork, Code: "client_timeout", Err: err,
		Message: "Business Central did not answer within " + limit.String(),
		Fix:     "Check the network and try again; if it persists, sync with smaller pages (`bcspend sync --page-size 100`)."}
}

// retryable: 429, 502, 503, 504, 408 and network failures; never auth or
// permission errors, never a cancellation.
func retryable(status int, err error) bool {
	switch status {
	case http.StatusTooManyRequests, http.StatusBadGateway, http.StatusServiceUnavailable,
		http.StatusGatewayTimeout, http.StatusRequestTimeout:
		return true
	case statusTransport, statusCut, statusClientTimeout:
		e, ok := failure.AsError(err)
		return ok && e.Kind == failure.KindNetwork
	}
	return false
}

// backoff is capped exponential with full jitter, or the server's Retry-After
// when it asked for longer.
func (c *Client) backoff(attempt int, retryAfter time.Duration) time.Duration {
	return jittered(c.opt.BaseBackoff, c.opt.MaxBackoff, attempt, retryAfter)
}

// throttleBackoff is backoff on the throttling schedule.
func (c *Client) throttleBackoff(attempt int, retryAfter time.Duration) time.Duration {
	return jittered(c.opt.ThrottleBase, c.opt.ThrottleMax, attempt, retryAfter)
}

// jittered is base doubled attempt times, capped, then drawn from its upper
// half; a longer Retry-After (at most 5 minutes) wins.
func jittered(base, limit time.Duration, attempt int, retryAfter time.Duration) time.Duration {
	d := base << min(attempt, 16)
	if d > limit || d <= 0 {
		d = limit
	}
	d = d/2 + time.Duration(rand.Int64N(int64(d/2)+1))
	if retryAfter > d {
		d = min(retryAfter, 5*time.Minute)
	}
	return d
}

// retryAfter parses seconds or an HTTP date.
func retryAfter(v string) time.Duration {
	if v == "" {
		return 0
	}
	if s, err := strconv.Atoi(v); err == nil && s >= 0 {
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil {
		return time.Until(t)
	}
	return 0
}

// checkURL refuses to send the bearer token anywhere but the API host: a
// nextLink comes from the server and is followed verbatim otherwise.
func (c *Client) checkURL(raw string) error {
	if err := c.target.Check(); err != nil {
		return err
	}
	u, err := url.Parse(raw)
	base, berr := url.Parse(c.target.api())
	if err != nil || berr != nil || u.Scheme != base.Scheme || u.Host != base.Host {
		return &failure.Error{Kind: failure.KindProtocol, Code: "foreign_link", Message: "Business Central returned a link to another host",
			Fix: "Check --api-url; bcspend only sends its token to the configured API host."}
	}
	return nil
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
