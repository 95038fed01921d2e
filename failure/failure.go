// Package failure is bcspend's one error type: what happened, who must act
// and the one sentence that says what to do next. Every layer builds and
// reads it (Business Central and Entra answers, input checks, the store,
// the syncer, the CLI and the console), so it belongs to none of them.
package failure

import (
	"errors"
	"strings"
)

// Kind classifies a failure by who must act on it.
type Kind string

// Kinds. The first group needs the admin (exit 3), KindInput is a usage
// error (exit 2), the rest are transient or unexpected (exit 1).
const (
	KindInput       Kind = "input"       // a field is malformed
	KindCredentials Kind = "credentials" // secret, client id, tenant
	KindConsent     Kind = "consent"     // admin consent or roles missing
	KindPermission  Kind = "permission"  // BC refused: app not set up in BC, permission sets
	KindNotFound    Kind = "not-found"   // environment or company does not exist
	KindSignIn      Kind = "sign-in"     // a person must sign in again
	KindThrottled   Kind = "throttled"   // BC or Entra rate limits, retries exhausted
	KindServer      Kind = "server"      // 5xx after retries
	KindNetwork     Kind = "network"     // could not reach the service
	KindCanceled    Kind = "canceled"    // the user stopped it
	KindProtocol    Kind = "protocol"    // an answer we did not expect
	// KindData is a value Business Central sent that bcspend cannot hold
	// exactly (a decimal beyond what money keeps, text where a number
	// belongs). It is not a network problem and never retried: BC would
	// send the same value again.
	KindData Kind = "data"
)

// NeedsAdmin reports whether the admin must change something before a retry
// can succeed.
func (k Kind) NeedsAdmin() bool {
	switch k {
	case KindCredentials, KindConsent, KindPermission, KindNotFound, KindSignIn:
		return true
	}
	return false
}

// ExitCode is the CLI contract for a failure of this kind: 2 invalid
// input, 3 the admin must act, 1 anything else (the empty kind included).
func (k Kind) ExitCode() int {
	switch {
	case k == KindInput:
		return 2
	case k.NeedsAdmin():
		return 3
	}
	return 1
}

// Error is every failure bcspend reports: what happened and the one
// sentence that tells the admin what to do next. It never holds a secret.
type Error struct {
	Kind          Kind
	Code          string // AADSTS code, BC error code, device-poll error or bcspend's own
	Status        int    // HTTP status, 0 when none
	Message       string // what happened
	Fix           string // what to do next: one sentence for the admin
	CorrelationID string // BC's or Entra's, for a support ticket
	RequestID     string // the client-request-id bcspend sent, when it was a BC request
	Err           error  // the underlying cause, if any
}

// Input is a usage or input error (exit 2): message says what is wrong,
// fix what to type instead.
func Input(message, fix string) *Error {
	return &Error{Kind: KindInput, Message: message, Fix: fix}
}

func (e *Error) Error() string {
	s := e.Message
	if e.Code != "" && !strings.Contains(s, e.Code) {
		s += " (" + e.Code + ")"
	}
	return s
}

// Unwrap exposes the cause.
func (e *Error) Unwrap() error { return e.Err }

// Remedy is the next step for the admin. Every error a user can see in
// bcspend offers this method; the console and the CLI print it.
func (e *Error) Remedy() string { return e.Fix }

// secretExpiredCode is Entra's code for a client secret past its end date.
const secretExpiredCode = "AADSTS7000222"

// SecretExpired reports whether the client secret has expired, so the
// console can go straight to replacing it.
func (e *Error) SecretExpired() bool { return e.Code == secretExpiredCode }

// Support is what to quote to Microsoft support: BC's (or Entra's)
// correlation id and the client-request-id bcspend sent, or "".
func (e *Error) Support() string {
	corr, req := idText(e.CorrelationID), idText(e.RequestID)
	switch {
	case corr != "" && req != "":
		return "correlation id " + corr + ", request id " + req
	case corr != "":
		return "correlation id " + corr
	case req != "":
		return "request id " + req
	}
	return ""
}

// idText keeps an id from a server printable: letters, digits and dashes,
// at most 64 of them; anything else means it is not an id.
func idText(s string) string {
	if len(s) > 64 {
		return ""
	}
	for _, r := range s {
		if !(r == '-' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return ""
		}
	}
	return s
}

// Support returns the support reference carried in err's chain, or "".
func Support(err error) string {
	if e, ok := AsError(err); ok {
		return e.Support()
	}
	return ""
}

// AsError finds a *Error in err's chain.
func AsError(err error) (*Error, bool) {
	var e *Error
	ok := errors.As(err, &e)
	return e, ok
}

// KindOf is the kind of the *Error in err's chain, "" when there is none
// (which counts as "other": exit 1, no admin needed).
func KindOf(err error) Kind {
	if e, ok := AsError(err); ok {
		return e.Kind
	}
	return ""
}

// ExitCode maps an error to the CLI contract: 0 ok, 2 invalid input, 3 the
// admin must act, 1 anything else.
func ExitCode(err error) int {
	if err == nil {
		return 0
	}
	return KindOf(err).ExitCode()
}

// Remedier is any error that knows what the user should do about it.
type Remedier interface{ Remedy() string }

// Remedy returns the next step carried anywhere in err's chain, or "".
func Remedy(err error) string {
	var r Remedier
	if errors.As(err, &r) {
		return r.Remedy()
	}
	return ""
}
