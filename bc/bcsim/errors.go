package bcsim

import (
	"encoding/json"
	"math/rand/v2"
	"net/http"
	"strconv"
	"time"
)

// Error bodies in the shapes Microsoft sends, so the client's error mapping
// is tested against the real thing.

// correlationID is random on purpose: it is a log aid, never data.
func correlationID() string { return newGUID(rand.New(rand.NewPCG(rand.Uint64(), rand.Uint64()))) }

// bcError writes {"error":{"code":...,"message":"...  CorrelationId:  <guid>."}}.
func bcError(w http.ResponseWriter, status int, code, msg string) {
	body, _ := json.Marshal(map[string]any{"error": map[string]string{
		"code":    code,
		"message": msg + "  CorrelationId:  " + correlationID() + ".",
	}})
	w.Header().Set("Content-Type", "application/json; odata.metadata=minimal; odata.streaming=true; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

// xmlError is the routing layer's OData XML error.
func xmlError(w http.ResponseWriter, status int, code, msg string) {
	w.Header().Set("Content-Type", "application/xml; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write([]byte(`<?xml version="1.0" encoding="utf-8"?><error xmlns="http://docs.oasis-open.org/odata/ns/metadata"><code>` +
		code + `</code><message>` + msg + `</message></error>`))
}

func unauthorized(w http.ResponseWriter, why string) {
	w.Header().Set("WWW-Authenticate", `Bearer authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", error="invalid_token", error_description="`+why+`"`)
	bcError(w, http.StatusUnauthorized, "Authentication_InvalidCredentials", "The server has rejected the client credentials.")
}

func forbidden(w http.ResponseWriter, object string) {
	bcError(w, http.StatusForbidden, "Authorization_InsufficientPermissions",
		"You do not have the following permissions on "+object+": Read. The current permissions prevented the action. To view details about your permissions, see the Effective Permissions page.")
}

func badRequest(w http.ResponseWriter, code, msg string) {
	bcError(w, http.StatusBadRequest, code, msg)
}

// entraError is Entra's token-endpoint error.
type entraError struct {
	status int
	err    string // OAuth error
	code   int    // AADSTS code
	desc   string
}

func (e *entraError) write(w http.ResponseWriter) {
	now := time.Now().UTC()
	desc := e.desc
	if e.code != 0 {
		desc = "AADSTS" + strconv.Itoa(e.code) + ": " + e.desc
	}
	trace, corr := correlationID(), correlationID()
	desc += " Trace ID: " + trace + " Correlation ID: " + corr + " Timestamp: " + now.Format("2006-01-02 15:04:05Z")
	body := map[string]any{
		"error":             e.err,
		"error_description": desc,
		"timestamp":         now.Format("2006-01-02 15:04:05Z"),
		"trace_id":          trace,
		"correlation_id":    corr,
	}
	if e.code != 0 {
		body["error_codes"] = []int{e.code}
		body["error_uri"] = "https://login.microsoftonline.com/error?code=" + strconv.Itoa(e.code)
	}
	b, _ := json.Marshal(body)
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store, no-cache")
	w.WriteHeader(e.status)
	_, _ = w.Write(b)
}

func eErr(status int, err string, code int, desc string) *entraError {
	return &entraError{status: status, err: err, code: code, desc: desc}
}

// The Entra errors the simulator produces.
var (
	errUnknownTenant = func(t string) *entraError {
		return eErr(400, "invalid_request", 90002, "Tenant '"+t+"' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.")
	}
	errUnknownClient = func(id string) *entraError {
		return eErr(400, "unauthorized_client", 700016, "Application with identifier '"+id+"' was not found in the directory 'CRONUS Demo'.")
	}
	errBadSecret     = eErr(401, "invalid_client", 7000215, "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app.")
	errExpiredSecret = eErr(401, "invalid_client", 7000222, "The provided client secret keys for app are expired. Visit the Azure portal to create new keys for your app.")
	errNeedSecret    = eErr(401, "invalid_client", 7000218, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.")
	errPublicSecret  = eErr(401, "invalid_client", 700025, "Client is public so neither 'client_assertion' nor 'client_secret' should be presented.")
	errBadScope      = func(s string) *entraError {
		return eErr(400, "invalid_scope", 70011, "The provided request must include a 'scope' input parameter. The provided value for the input parameter 'scope' is not valid: '"+s+"'.")
	}
	errNoConsent = eErr(400, "invalid_grant", 65001, "The user or administrator has not consented to use the application. Send an interactive authorization request for this user and resource.")
	errRefresh   = eErr(400, "invalid_grant", 70008, "The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.")
	errGrantType = eErr(400, "unsupported_grant_type", 70003, "The app requested an unsupported grant type.")
)
