package bc

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/bcspend/bcspend/failure"
)

func entraJSON(code int, oauthErr string) []byte {
	return []byte(fmt.Sprintf(`{"error":%q,"error_description":"AADSTS%d: something. Trace ID: x","error_codes":[%d],"correlation_id":"c0ffee00-0000-0000-0000-000000000000"}`, oauthErr, code, code))
}

func TestClassifyEntraTable(t *testing.T) {
	cases := []struct {
		code     int
		kind     failure.Kind
		exit     int
		inRemedy string
	}{
		{7000222, failure.KindCredentials, 3, "new client secret"},
		{7000215, failure.KindCredentials, 3, "Value, not its Secret ID"},
		{700016, failure.KindCredentials, 3, "Client ID"},
		{90002, failure.KindCredentials, 3, "Tenant ID"},
		{65001, failure.KindConsent, 3, "Grant admin consent"},
		{90094, failure.KindConsent, 3, "Grant admin consent"},
		{7000218, failure.KindCredentials, 3, "Allow public client flows"},
		{700025, failure.KindCredentials, 3, "without a secret"},
		{70008, failure.KindSignIn, 3, "Sign in again"},
		{700082, failure.KindSignIn, 3, "Sign in again"},
		{50173, failure.KindSignIn, 3, "Sign in again"},
		{50076, failure.KindSignIn, 3, "MFA"},
		{50079, failure.KindSignIn, 3, "MFA"},
		{53003, failure.KindConsent, 3, "Conditional Access"},
		{500011, failure.KindConsent, 3, "Business Central subscription"},
		{70011, failure.KindProtocol, 1, "bug"},
	}
	for _, c := range cases {
		e := classifyEntra(400, entraJSON(c.code, "invalid_client"))
		if e.Kind != c.kind || failure.ExitCode(e) != c.exit || !strings.Contains(e.Fix, c.inRemedy) {
			t.Errorf("AADSTS%d: kind %s exit %d remedy %q; want %s %d containing %q", c.code, e.Kind, failure.ExitCode(e), e.Fix, c.kind, c.exit, c.inRemedy)
		}
		if e.Code != fmt.Sprintf("AADSTS%d", c.code) || e.CorrelationID == "" {
			t.Errorf("AADSTS%d: code %q correlation %q", c.code, e.Code, e.CorrelationID)
		}
	}
}

func TestClassifyEntraFallbacks(t *testing.T) {
	// Without error_codes, the number in the description still decides.
	e := classifyEntra(401, []byte(`{"error":"invalid_client","error_description":"AADSTS7000222: The provided client secret keys are expired."}`))
	if e.Code != "AADSTS7000222" || e.Kind != failure.KindCredentials {
		t.Fatalf("description fallback: %+v", e)
	}
	for _, poll := range []string{"authorization_declined", "expired_token", "bad_verification_code"} {
		e := classifyEntra(400, []byte(`{"error":"`+poll+`"}`))
		if e.Kind != failure.KindSignIn || e.Code != poll || e.Fix == "" {
			t.Errorf("%s: %+v", poll, e)
		}
	}
	if e := classifyEntra(400, []byte(`{"error":"invalid_grant"}`)); e.Kind != failure.KindSignIn {
		t.Errorf("invalid_grant: %+v", e)
	}
	if e := classifyEntra(503, []byte(`<html>`)); e.Kind != failure.KindServer {
		t.Errorf("5xx html: %+v", e)
	}
}

func fakeJWT(claims map[string]any) string {
	b, _ := json.Marshal(claims)
	return "eyJhbGciOiJIUzI1NiJ9." + base64.RawURLEncoding.EncodeToString(b) + ".sig"
}

func TestClassifyBCTable(t *testing.T) {
	bcJSON := func(code, msg string) []byte {
		return []byte(`{"error":{"code":"` + code + `","message":"` + msg + `  CorrelationId:  3f1c2a4e-1111-2222-3333-444455556666."}}`)
	}
	noEnv := []byte(`<error xmlns="http://docs.oasis-open.org/odata/ns/metadata"><code>NoEnvironment</code><message>Environment does not exist.</message></error>`)
	unauthXML := []byte(`<error xmlns="http://docs.oasis-open.org/odata/ns/metadata"><code>Unauthorized</code><message>Unauthorized</message></error>`)
	withRoles := ParseClaims(fakeJWT(map[string]any{"roles": []string{"API.ReadWrite.All"}}))
	noRoles := ParseClaims(fakeJWT(map[string]any{"aud": Resource}))
	cases := []struct {
		name     string
		status   int
		body     []byte
		rt       route
		claims   *TokenClaims
		kind     failure.Kind
		inRemedy string
	}{
		{"no environment", 404, noEnv, routeCompanies, nil, failure.KindNotFound, "Environment Name"},
		{"app not in BC", 401, bcJSON("Authentication_InvalidCredentials", "The server has rejected the client credentials."), routeAPI, withRoles, failure.KindPermission, "Microsoft Entra Applications"},
		{"token without roles", 401, bcJSON("Authentication_InvalidCredentials", "The server has rejected the client credentials."), routeAPI, noRoles, failure.KindConsent, "Grant admin consent"},
		{"wrong audience", 401, unauthXML, routeAPI, nil, failure.KindCredentials, "Dynamics 365 Business Central"},
		{"permission set", 403, bcJSON("Internal_PermissionError", "Your current permissions prevented the action."), routeAPI, withRoles, failure.KindPermission, "permission sets"},
		{"users refused", 403, bcJSON("Internal_PermissionError", "Your current permissions prevented the action."), routeUsers, withRoles, failure.KindPermission, "Automation.ReadWrite.All"},
		{"users 401", 401, bcJSON("Authentication_InvalidCredentials", "x"), routeUsers, withRoles, failure.KindPermission, "D365 AUTOMATION"},
		{"unknown company", 404, bcJSON("Internal_CompanyNotFound", "The company does not exist."), routeAPI, nil, failure.KindNotFound, "companies again"},
		{"throttled", 429, bcJSON("Application_TooManyRequests", "Too many requests."), routeAPI, nil, failure.KindThrottled, "Wait"},
		{"server", 503, nil, routeAPI, nil, failure.KindServer, "later"},
	}
	for _, c := range cases {
		e := classifyBC(c.status, c.body, c.rt, c.claims)
		if e.Kind != c.kind || !strings.Contains(e.Fix, c.inRemedy) {
			t.Errorf("%s: kind %s remedy %q; want %s containing %q", c.name, e.Kind, e.Fix, c.kind, c.inRemedy)
		}
	}
	e := classifyBC(401, bcJSON("Authentication_InvalidCredentials", "x"), routeAPI, withRoles)
	if e.CorrelationID != "3f1c2a4e-1111-2222-3333-444455556666" {
		t.Errorf("correlation id not parsed: %q", e.CorrelationID)
	}
}

func TestValidation(t *testing.T) {
	ok := []struct {
		f func(string) error
		v string
	}{
		{ValidateTenant, "72f988bf-86f1-41af-91ab-2d7cd011db47"},
		{ValidateTenant, "contoso.onmicrosoft.com"},
		{ValidateTenant, " contoso.com "},
		{ValidateEnvironment, "Production"},
		{ValidateEnvironment, "Sandbox_EU-2"},
		{ValidateClientID, "11111111-2222-3333-4444-555555555555"},
	}
	for _, c := range ok {
		if err := c.f(c.v); err != nil {
			t.Errorf("%q: unexpected %v", c.v, err)
		}
	}
	bad := []struct {
		f        func(string) error
		v, inMsg string
	}{
		{ValidateTenant, "", "empty"},
		{ValidateTenant, "common", "multi-tenant"},
		{ValidateTenant, "admin@contoso.com", "email"},
		{ValidateTenant, "72f988bf-86f1-41af-91ab-2d7cd011db4", "GUID"},
		{ValidateTenant, "not a tenant", "neither"},
		{ValidateEnvironment, "", "empty"},
		{ValidateEnvironment, "1prod", "start with a letter"},
		{ValidateEnvironment, "prod env", "start with a letter"},
		{ValidateEnvironment, strings.Repeat("a", 30), "30 characters"},
		{ValidateClientID, "my-app", "not a GUID"},
		{ValidateClientID, "", "empty"},
	}
	for _, c := range bad {
		err := c.f(c.v)
		if err == nil || !strings.Contains(err.Error(), c.inMsg) || failure.ExitCode(err) != 2 || failure.Remedy(err) == "" {
			t.Errorf("%q: got %v (exit %d); want message containing %q, exit 2 and a remedy", c.v, err, failure.ExitCode(err), c.inMsg)
		}
	}
	if s, warn, err := ValidateSecret("  abc~DEF  "); err != nil || s != "abc~DEF" || warn != "" {
		t.Errorf("secret trim: %q %q %v", s, warn, err)
	}
	if _, warn, err := ValidateSecret("11111111-2222-3333-4444-555555555555"); err != nil || !strings.Contains(warn, "Secret ID") {
		t.Errorf("secret id warning: %q %v", warn, err)
	}
	if _, _, err := ValidateSecret("   "); err == nil || failure.ExitCode(err) != 2 {
		t.Errorf("empty secret: %v", err)
	}
}

func TestCredentialsNeverPrintSecrets(t *testing.T) {
	c := Credentials{ClientID: "id", ClientSecret: "s3cr3t-value", RefreshToken: "rt-value", Flow: FlowDevice}
	for _, s := range []string{fmt.Sprint(c), fmt.Sprintf("%v %+v %#v", c, c, c)} {
		if strings.Contains(s, "s3cr3t") || strings.Contains(s, "rt-value") {
			t.Fatalf("secret leaked: %s", s)
		}
	}
}

func FuzzParseBCError(f *testing.F) {
	f.Add([]byte(`{"error":{"code":"X","message":"m  CorrelationId:  3f1c2a4e-1111-2222-3333-444455556666."}}`))
	f.Add([]byte(`<error><code>NoEnvironment</code></error>`))
	f.Fuzz(func(t *testing.T, b []byte) {
		_, _, _, _ = parseBCError(b)
		e := classifyBC(401, b, routeAPI, ParseClaims(string(b)))
		if e.Fix == "" || e.Message == "" {
			t.Fatalf("unclassified: %+v", e)
		}
	})
}
