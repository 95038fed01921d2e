package bc

import (
	"crypto/rand"
	"fmt"
	"net/http"
)

// Version is bcspend's version as sent in the User-Agent; cmd/bcspend sets
// it from its build version at start-up.
var Version = "dev"

// userAgent names the product and version, so Microsoft support (and the
// admin's own logs) can tell bcspend's requests apart.
func userAgent() string { return "bcspend/" + Version }

// setRequestHeaders adds what makes a request traceable on Microsoft's side:
// a fresh client-request-id per request (BC and Entra log it), the product
// in User-Agent, and English messages, because errors are classified by
// their text as well as their code and a localized message would not match.
// It returns the request id.
func setRequestHeaders(h http.Header) string {
	id := newRequestID()
	h.Set("client-request-id", id)
	h.Set("User-Agent", userAgent())
	h.Set("Accept-Language", "en-US")
	return id
}

// newRequestID is a random (version 4) GUID.
func newRequestID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

// correlationHeaders are response headers that may carry the server's
// correlation id when the error message does not (which header BC uses is
// unconfirmed; both spellings are accepted).
var correlationHeaders = []string{"ms-correlation-x", "x-ms-correlation-id"}

func correlationFromHeaders(h http.Header) string {
	for _, k := range correlationHeaders {
		if v := h.Get(k); v != "" && len(v) <= 64 {
			return v
		}
	}
	return ""
}
