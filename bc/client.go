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
)

// MaxInFlight is BC's budget of requests processed at once per user; more
// only queue on the server, so the client never sends more.
const MaxInFlight = 5

// ClientOptions tunes a Client. Zero values are production defaults.
type ClientOptions struct {
	HTTPClient     *http.Client
	MaxInFlight    int           // default MaxInFlight
	RequestTimeout time.Duration // per request, default 2 minutes
	MaxRetries     int           // default 8
	BaseBackoff    time.Duration // default 500 ms
	MaxBackoff     time.Duration // default 30 s
	PageSize       int           // Prefer: odata.maxpagesize, default 1000
	// Sleep waits between retries; tests may shorten it. It must return
	// early with ctx's error when ctx ends.
	Sleep func(ctx context.Context, d time.Duration) error
}

// Stats counts what a client did, for sync history.
type Stats struct {
	Requests     int64
	Retries      int64
	Throttled    int64
	ThrottleWait time.Duration
}

// Client talks to one BC environment.
type Client struct {
	target Target
	tokens TokenSource
	opt    ClientOptions
	slots  chan struct{}

	requests, retries, throttled, throttleNanos atomic.Int64
}

// NewClient builds a client for target that authenticates with tokens.
func NewClient(target Target, tokens TokenSource, opt ClientOptions) *Client {
	if opt.HTTPClient == nil {
		opt.HTTPClient = &http.Client{}
	}
	if opt.MaxInFlight <= 0 || opt.MaxInFlight > MaxInFlight {
		opt.MaxInFlight = MaxInFlight
	}
	if opt.RequestTimeout <= 0 {
		opt.RequestTimeout = 2 * time.Minute
	}
	if opt.MaxRetries <= 0 {
		opt.MaxRetries = 8
	}
	if opt.BaseBackoff <= 0 {
		opt.BaseBackoff = 500 * time.Millisecond
	}
	if opt.MaxBackoff <= 0 {
		opt.MaxBackoff = 30 * time.Second
	}
	if opt.PageSize <= 0 {
		opt.PageSize = 1000
	}
	if opt.Sleep == nil {
		opt.Sleep = sleepCtx
	}
	return &Client{target: target, tokens: tokens, opt: opt, slots: make(chan struct{}, opt.MaxInFlight)}
}

// Target is where the client points.
func (c *Client) Target() Target { return c.target }

// Stats returns the counters so far.
func (c *Client) Stats() Stats {
	return Stats{Requests: c.requests.Load(), Retries: c.retries.Load(), Throttled: c.throttled.Load(),
		ThrottleWait: time.Duration(c.throttleNanos.Load())}
}

// get fetches url and hands the successful body to read, inside one of the
// in-flight slots, retrying what BC documents as retryable. read runs once
// per successful response; its error is returned as is.
func (c *Client) get(ctx context.Context, rawURL string, rt route, read func(io.Reader) error) error {
	if err := c.checkURL(rawURL); err != nil {
		return err
	}
	reauthed := false
	for attempt := 0; ; attempt++ {
		status, wait, err := c.once(ctx, rawURL, rt, read)
		if err == nil {
			return nil
		}
		if status == http.StatusUnauthorized && !reauthed {
			// A token may expire between our check and BC's; one fresh token
			// tells an expiry apart from a real refusal.
			reauthed = true
			c.tokens.Invalidate()
			continue
		}
		if !retryable(status, err) || attempt >= c.opt.MaxRetries {
			return err
		}
		c.retries.Add(1)
		d := c.backoff(attempt, wait)
		if status == http.StatusTooManyRequests || status == http.StatusServiceUnavailable {
			c.throttled.Add(1)
			c.throttleNanos.Add(int64(d))
		}
		if serr := c.opt.Sleep(ctx, d); serr != nil {
			return classifyTransport(serr)
		}
	}
}

// once makes one request. status is 0 for transport errors; wait is the
// server's Retry-After.
func (c *Client) once(ctx context.Context, rawURL string, rt route, read func(io.Reader) error) (status int, wait time.Duration, err error) {
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
		return 0, 0, &Error{Kind: KindProtocol, Message: "Bad request URL", Fix: "Check --api-url.", Err: err}
	}
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Accept", "application/json")
	req.Header.Set("Prefer", "odata.maxpagesize="+strconv.Itoa(c.opt.PageSize))
	req.Header.Set("Data-Access-Intent", "ReadOnly")
	c.requests.Add(1)
	resp, err := c.opt.HTTPClient.Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return 0, 0, classifyTransport(ctx.Err())
		}
		return 0, 0, classifyTransport(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		body, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
		return resp.StatusCode, retryAfter(resp.Header.Get("Retry-After")), classifyBC(resp.StatusCode, body, rt, ParseClaims(token))
	}
	if err := read(resp.Body); err != nil {
		if ctx.Err() != nil {
			return 0, 0, classifyTransport(ctx.Err())
		}
		var be *Error
		if errors.As(err, &be) {
			return 0, 0, err
		}
		// A body cut mid-stream is a network failure worth a retry.
		return -1, 0, classifyTransport(err)
	}
	return resp.StatusCode, 0, nil
}

// retryable: 429, 502, 503, 504, 408 and network failures; never auth or
// permission errors, never a cancellation.
func retryable(status int, err error) bool {
	switch status {
	case http.StatusTooManyRequests, http.StatusBadGateway, http.StatusServiceUnavailable,
		http.StatusGatewayTimeout, http.StatusRequestTimeout:
		return true
	case 0, -1:
		e, ok := AsError(err)
		return ok && e.Kind == KindNetwork
	}
	return false
}

// backoff is capped exponential with full jitter, or the server's Retry-After
// when it asked for longer.
func (c *Client) backoff(attempt int, retryAfter time.Duration) time.Duration {
	d := c.opt.BaseBackoff << min(attempt, 16)
	if d > c.opt.MaxBackoff || d <= 0 {
		d = c.opt.MaxBackoff
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
	u, err := url.Parse(raw)
	base, berr := url.Parse(c.target.api())
	if err != nil || berr != nil || u.Scheme != base.Scheme || u.Host != base.Host {
		return &Error{Kind: KindProtocol, Code: "foreign_link", Message: "Business Central returned a link to another host",
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
