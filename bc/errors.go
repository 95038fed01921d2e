package bc

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"net"
	"regexp"
	"strconv"
	"strings"

	"github.com/bcspend/bcspend/failure"
)

// entraCode is one row of the Entra error table.
type entraCode struct {
	kind    failure.Kind
	message string
	remedy  string
}

// entraCodes maps AADSTS numbers to what the admin must do. Description
// texts change; the numbers are the contract.
var entraCodes = map[int]entraCode{
	7000222: {failure.KindCredentials, "The client secret has expired",
		"Create a new client secret in Entra > App registrations > Certificates & secrets, then replace it in bcspend (Integration screen, or `bcspend secret replace`)."},
	7000215: {failure.KindCredentials, "Entra rejected the client secret",
		"Paste the secret's Value, not its Secret ID; if the Value is lost, create a new secret in Certificates & secrets."},
	700016: {failure.KindCredentials, "No app with this Client ID exists in this tenant",
		"Check the Client ID (Application ID) and the Tenant ID on the app registration's Overview page."},
	90002: {failure.KindCredentials, "The tenant was not found",
		"Check the Tenant ID: use the Directory (tenant) ID GUID from Entra > Overview or a verified domain."},
	65001: {failure.KindConsent, "Admin consent has not been granted to the app",
		"In Entra > App registrations > API permissions, click 'Grant admin consent' for Dynamics 365 Business Central."},
	90094: {failure.KindConsent, "Admin consent is required",
		"In Entra > App registrations > API permissions, click 'Grant admin consent' for Dynamics 365 Business Central."},
	7000218: {failure.KindCredentials, "The app does not allow public client flows, which device code sign-in needs",
		"In Entra > App registrations > Authentication, set 'Allow public client flows' to Yes, or use client credentials."},
	700025: {failure.KindCredentials, "A secret was sent for a public client",
		"Public client flows must not send a secret: connect again with the device code or browser flow without a secret."},
	70008: {failure.KindSignIn, "The sign-in has expired or was revoked",
		"Sign in again (`bcspend connect` or Integration > reconnect)."},
	700082: {failure.KindSignIn, "The sign-in has expired after a long time unused",
		"Sign in again (`bcspend connect` or Integration > reconnect)."},
	50173: {failure.KindSignIn, "The sign-in was revoked (password changed or sessions revoked)",
		"Sign in again (`bcspend connect` or Integration > reconnect)."},
	50076: {failure.KindSignIn, "Multi-factor authentication is required",
		"Use the device code or browser flow so a person can complete MFA."},
	50079: {failure.KindSignIn, "Multi-factor authentication registration is required",
		"Use the device code or browser flow so a person can complete MFA."},
	53003: {failure.KindConsent, "Conditional Access blocked the sign-in",
		"Ask your Entra admin to allow this app or sign-in location in the Conditional Access policy."},
	500011: {failure.KindConsent, "Business Central is not provisioned in this tenant",
		"Check that the tenant has a Business Central subscription and that the API permission is for Dynamics 365 Business Central."},
	70011: {failure.KindProtocol, "Entra rejected the requested scope",
		"This is a bcspend bug: the scope must be https://api.businesscentral.dynamics.com/.default; please report it."},
}

// devicePollCodes are the RFC 8628 poll outcomes that end a device sign-in.
var devicePollCodes = map[string]entraCode{
	"authorization_declined": {failure.KindSignIn, "The sign-in was declined", "Start the sign-in again and approve it."},
	"expired_token":          {failure.KindSignIn, "The device code expired before anyone signed in", "Start the sign-in again; the code is valid for 15 minutes."},
	"bad_verification_code":  {failure.KindSignIn, "Entra did not recognise the device code", "Start the sign-in again."},
}

// entraBody is Microsoft's token error JSON.
type entraBody struct {
	Error         string `json:"error"`
	Description   string `json:"error_description"`
	Codes         []int  `json:"error_codes"`
	CorrelationID string `json:"correlation_id"`
}

var aadstsRE = regexp.MustCompile(`AADSTS(\d+)`)

// classifyEntra turns a token endpoint failure into an *failure.Error, using
// error_codes[0] first, then the AADSTS number, then the OAuth error string.
func classifyEntra(status int, body []byte) *failure.Error {
	var b entraBody
	_ = json.Unmarshal(body, &b)
	code := 0
	if len(b.Codes) > 0 {
		code = b.Codes[0]
	} else if m := aadstsRE.FindStringSubmatch(b.Description); m != nil {
		code, _ = strconv.Atoi(m[1])
	}
	if c, ok := entraCodes[code]; ok {
		return &failure.Error{Kind: c.kind, Code: "AADSTS" + strconv.Itoa(code), Status: status,
			Message: c.message, Fix: c.remedy, CorrelationID: b.CorrelationID}
	}
	if c, ok := devicePollCodes[b.Error]; ok {
		return &failure.Error{Kind: c.kind, Code: b.Error, Status: status, Message: c.message, Fix: c.remedy}
	}
	e := &failure.Error{Kind: failure.KindProtocol, Code: b.Error, Status: status, CorrelationID: b.CorrelationID,
		Message: "Entra refused the sign-in",
		Fix:     "Check the app registration in Entra; the code above identifies the cause in Microsoft's AADSTS documentation."}
	switch {
	case code != 0:
		e.Code = "AADSTS" + strconv.Itoa(code)
		e.Kind = failure.KindCredentials
	case b.Error == "invalid_client" || b.Error == "unauthorized_client":
		e.Kind = failure.KindCredentials
	case b.Error == "invalid_grant":
		e.Kind = failure.KindSignIn
		e.Fix = "Sign in again."
	case status >= 500:
		e.Kind, e.Message, e.Fix = failure.KindServer, "Entra is unavailable", "Try again in a few minutes."
	case b.Error == "":
		e.Message = fmt.Sprintf("Entra answered HTTP %d without an error code", status)
		e.Fix = "Check the authority URL (--authority-url); it should be https://login.microsoftonline.com."
	}
	return e
}

// bcJSONError and bcXMLError are BC's two error shapes: JSON from the API,
// XML from the routing layer in front of it.
type bcJSONError struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

type bcXMLError struct {
	Code    string `xml:"code"`
	Message string `xml:"message"`
}

var correlationRE = regexp.MustCompile(`CorrelationId:\s*([0-9a-fA-F-]{36})`)

// parseBCError reads either shape; ok is false when neither parses.
func parseBCError(body []byte) (code, message, correlation string, ok bool) {
	trimmed := bytes.TrimSpace(body)
	if bytes.HasPrefix(trimmed, []byte("<")) {
		var x bcXMLError
		if xml.Unmarshal(trimmed, &x) == nil && x.Code != "" {
			return x.Code, x.Message, "", true
		}
		return "", "", "", false
	}
	var j bcJSONError
	if json.Unmarshal(trimmed, &j) == nil && j.Error.Code != "" {
		if m := correlationRE.FindStringSubmatch(j.Error.Message); m != nil {
			correlation = m[1]
		}
		return j.Error.Code, j.Error.Message, correlation, true
	}
	return "", "", "", false
}

// route says which kind of BC resource a request was for, because the same
// 401 means different things on the users route and elsewhere.
type route int

const (
	routeAPI route = iota
	routeUsers
	routeCompanies
)

// classifyBC turns a BC error response into an *Error. claims are the
// access token's, used to tell the admin which part of the setup is missing.
func classifyBC(status int, body []byte, rt route, claims *TokenClaims) *failure.Error {
	code, msg, corr, _ := parseBCError(body)
	e := &failure.Error{Kind: failure.KindProtocol, Code: code, Status: status, CorrelationID: corr}
	switch {
	case code == "NoEnvironment" || (status == 404 && rt == routeCompanies && code == ""):
		e.Kind, e.Message = failure.KindNotFound, "The Business Central environment does not exist in this tenant"
		e.Fix = "Check the Environment Name in the Business Central admin center > Environments (names are case-sensitive, e.g. Production)."
	case code == "Internal_CompanyNotFound" || (status == 404 && strings.Contains(msg, "ompany")):
		e.Kind, e.Message = failure.KindNotFound, "The company no longer exists in Business Central"
		e.Fix = "Choose the companies again (`bcspend connect` or Integration > reconnect)."
	case rt == routeUsers && (status == 401 || status == 403):
		e.Kind, e.Message = failure.KindPermission, "Business Central refused the users list while invoices work"
		e.Fix = usersPermissionFix
	case status == 401 && code == "Unauthorized":
		e.Kind, e.Message = failure.KindCredentials, "Business Central rejected the token's audience"
		e.Fix = "The API permission must be for Dynamics 365 Business Central; check --api-url and the app's API permissions."
	case status == 401:
		e.Kind = failure.KindPermission
		if claims != nil && len(claims.Roles) == 0 && claims.Scope == "" {
			e.Kind = failure.KindConsent
		}
		e.Message, e.Fix = diagnose401(claims)
	case dialogPermission(code, msg) && rt == routeUsers:
		e.Kind, e.Message = failure.KindPermission, "Business Central refused the users list: "+firstSentence(msg)
		e.Fix = usersPermissionFix
	case status == 403 || dialogPermission(code, msg):
		e.Kind, e.Message = failure.KindPermission, "Business Central denied access: the app lacks a permission set"
		if dialogPermission(code, msg) {
			e.Message = "Business Central denied access: " + firstSentence(msg)
		}
		e.Fix = "On the app's card in BC's Microsoft Entra Applications page, add the permission sets D365 BASIC ISV and D365 READ (or D365 BUS FULL ACCESS)."
	case status == 404:
		e.Kind, e.Message = failure.KindProtocol, "Business Central did not find the resource"
		e.Fix = "Check that the environment runs the v2.0 API; if it persists, report it with the correlation id."
	case status == 429:
		e.Kind, e.Message = failure.KindThrottled, "Business Central kept throttling requests"
		e.Fix = "Wait a few minutes and sync again; other integrations may share the same limit."
	case status >= 500:
		e.Kind, e.Message = failure.KindServer, fmt.Sprintf("Business Central answered HTTP %d", status)
		e.Fix = "Business Central is having trouble; sync again later (what was committed is kept)."
	default:
		e.Message = fmt.Sprintf("Business Central answered HTTP %d", status)
		e.Fix = "Report this with the correlation id if it persists."
	}
	if msg != "" && e.Kind == failure.KindProtocol {
		e.Message += ": " + firstSentence(msg)
	}
	return e
}

const usersPermissionFix = "Add the application permission Automation.ReadWrite.All (with admin consent) and the D365 AUTOMATION permission set on the app's card in BC's Microsoft Entra Applications page."

// dialogPermission recognises BC's other shape of a permission refusal: a
// 400 Application_DialogException whose message says the user may not read
// a table ("You do not have permissions to read Purchase Invoices."). The
// status alone would make it look like a bcspend bug. Accept-Language:
// en-US keeps the message in English.
func dialogPermission(code, msg string) bool {
	if !strings.EqualFold(code, "Application_DialogException") {
		return false
	}
	m := strings.ToLower(msg)
	return strings.Contains(m, "do not have permission") || strings.Contains(m, "don't have permission") ||
		strings.Contains(m, "do not have the following permission")
}

// mentionsField reports whether a 400 from BC names field (e.g. a $select
// of a property this BC version lacks), so a fallback without the field
// runs only for that error and not for any 400.
func mentionsField(e *failure.Error, field string) bool {
	return e.Status == 400 && e.Kind == failure.KindProtocol && strings.Contains(strings.ToLower(e.Message), strings.ToLower(field))
}

// StaleLink reports whether err says a refused nextLink itself is no
// longer good (an expired skiptoken, a link to a host the connection no
// longer uses), so the query may restart from its first page. Permission,
// sign-in, throttling, server and network failures would fail the restart
// the same way, and a restart would throw away the resume position.
func StaleLink(err error) bool {
	e, ok := failure.AsError(err)
	if !ok || e.Kind != failure.KindProtocol {
		return false
	}
	switch {
	case e.Code == "foreign_link":
		return true
	case e.Status == 400, e.Status == 404, e.Status == 410:
		return true
	}
	return false
}

// diagnose401 reads the token's claims to say why BC rejected valid
// credentials: no roles means no consent; roles present means BC itself
// has no (enabled) Microsoft Entra Application card for the app.
func diagnose401(c *TokenClaims) (msg, remedy string) {
	const head = "Business Central rejected the app's credentials (Authentication_InvalidCredentials)"
	switch {
	case c == nil:
		return head, "Add the app in BC's Microsoft Entra Applications page (State: Enabled, with permission sets) and grant admin consent in Entra."
	case len(c.Roles) == 0 && c.Scope == "":
		return head + ": the token carries no roles or scopes",
			"In Entra > API permissions, add Dynamics 365 Business Central API.ReadWrite.All (application) and click 'Grant admin consent'."
	case len(c.Roles) > 0:
		return head + ": the token has roles " + strings.Join(c.Roles, ", ") + ", so BC does not know or has not enabled the app",
			"In Business Central, open 'Microsoft Entra Applications', add this Client ID, set State to Enabled and assign permission sets (D365 BASIC ISV, D365 READ)."
	default:
		return head + ": the signed-in user has no access to this environment",
			"Give the user a Business Central license and permission sets in this environment, or sign in as another user."
	}
}

func firstSentence(s string) string {
	if i := strings.Index(s, "  CorrelationId"); i >= 0 {
		s = s[:i]
	}
	if len(s) > 200 {
		s = s[:200] + "..."
	}
	return strings.TrimSpace(s)
}

// classifyTransport wraps network failures and cancellations.
func classifyTransport(err error) *failure.Error {
	if e, ok := failure.AsError(err); ok {
		return e
	}
	if errors.Is(err, context.Canceled) {
		return &failure.Error{Kind: failure.KindCanceled, Message: "Stopped", Fix: "Run it again when you are ready; nothing committed was lost.", Err: err}
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return &failure.Error{Kind: failure.KindNetwork, Message: "Business Central did not answer in time", Fix: "Check the network and try again.", Err: err}
	}
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) {
		return &failure.Error{Kind: failure.KindNetwork, Message: "Could not resolve " + dnsErr.Name, Fix: "Check the network connection and the --api-url / --authority-url values.", Err: err}
	}
	return &failure.Error{Kind: failure.KindNetwork, Message: "Could not reach the service: " + err.Error(), Fix: "Check the network connection and try again.", Err: err}
}
