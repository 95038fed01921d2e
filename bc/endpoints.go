package bc

import (
	"net/url"
	"strings"

	"golang.org/x/oauth2"
)

// Default service roots; both are configurable so tests and the demo can
// point at the simulated tenant.
const (
	DefaultAuthorityURL = "https://login.microsoftonline.com"
	DefaultAPIURL       = "https://api.businesscentral.dynamics.com"
)

// Resource is the BC API's application ID URI, the audience of its tokens.
const Resource = "https://api.businesscentral.dynamics.com"

// Scopes per flow. BC offers no read-only delegated scope.
var (
	AppScopes       = []string{Resource + "/.default"}
	DelegatedScopes = []string{Resource + "/Financials.ReadWrite.All", "offline_access"}
)

// Target says where one connection points.
type Target struct {
	AuthorityURL string // e.g. https://login.microsoftonline.com
	APIURL       string // e.g. https://api.businesscentral.dynamics.com
	Tenant       string
	Environment  string
}

func (t Target) authority() string {
	if t.AuthorityURL == "" {
		return DefaultAuthorityURL
	}
	return strings.TrimRight(t.AuthorityURL, "/")
}

func (t Target) api() string {
	if t.APIURL == "" {
		return DefaultAPIURL
	}
	return strings.TrimRight(t.APIURL, "/")
}

// Endpoint builds the Entra v2.0 endpoints from the configurable authority.
// AuthStyleInParams: autodetection would send every failing request twice and
// lose the first error.
func (t Target) Endpoint() oauth2.Endpoint {
	base := t.authority() + "/" + url.PathEscape(t.Tenant) + "/oauth2/v2.0"
	return oauth2.Endpoint{
		AuthURL:       base + "/authorize",
		TokenURL:      base + "/token",
		DeviceAuthURL: base + "/devicecode",
		AuthStyle:     oauth2.AuthStyleInParams,
	}
}

// root is {api}/v2.0/{tenant}/{environment}.
func (t Target) root() string {
	return t.api() + "/v2.0/" + url.PathEscape(t.Tenant) + "/" + url.PathEscape(t.Environment)
}

// APIRoot is the standard API v2.0 root.
func (t Target) APIRoot() string { return t.root() + "/api/v2.0" }

// AutomationRoot is the automation API root (users).
func (t Target) AutomationRoot() string { return t.root() + "/api/microsoft/automation/v2.0" }

// company builds {root}/companies({id})/{entity}.
func company(root, companyID, entity string) string {
	return root + "/companies(" + url.PathEscape(companyID) + ")/" + entity
}
