package bc

import (
	"regexp"
	"strings"

	"github.com/bcspend/bcspend/failure"
)

// Input checks for the four connection fields. Each failure is an *failure.Error of
// failure.KindInput whose remedy says exactly what a valid value looks like, so the
// wizard can show it as the admin types and `connect` can exit 2 with it.

var (
	guidRE   = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)
	domainRE = regexp.MustCompile(`^(?i:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.(?i:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?))+$`)
	envRE    = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_-]{0,28}$`)
)

// IsGUID reports whether s is a GUID in the 8-4-4-4-12 form.
func IsGUID(s string) bool { return guidRE.MatchString(s) }

// ValidateTenant accepts a directory (tenant) ID GUID or a verified domain.
func ValidateTenant(s string) error {
	s = strings.TrimSpace(s)
	switch {
	case s == "":
		return inputErr("tenant", "Tenant ID is empty",
			"Paste the Directory (tenant) ID from the Entra admin center > Overview, or the tenant's domain such as contoso.onmicrosoft.com.")
	case IsGUID(s):
		return nil
	case strings.EqualFold(s, "common") || strings.EqualFold(s, "organizations") || strings.EqualFold(s, "consumers"):
		return inputErr("tenant", "Tenant ID '"+s+"' is a multi-tenant alias, not a tenant",
			"Use your own Directory (tenant) ID GUID or domain: Business Central needs the tenant in every URL.")
	case strings.Contains(s, "@"):
		return inputErr("tenant", "Tenant ID looks like an email address",
			"Use the part after the @ (the domain, e.g. contoso.com) or the Directory (tenant) ID GUID.")
	case domainRE.MatchString(s):
		return nil
	case len(s) >= 30 && strings.Count(s, "-") >= 3:
		return inputErr("tenant", "Tenant ID is not a well-formed GUID",
			"A tenant ID has the form xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx (hex digits); copy it again from Entra > Overview.")
	default:
		return inputErr("tenant", "Tenant ID is neither a GUID nor a domain",
			"Use the Directory (tenant) ID GUID or a verified domain such as contoso.onmicrosoft.com.")
	}
}

// ValidateEnvironment applies BC's environment name rule.
func ValidateEnvironment(s string) error {
	s = strings.TrimSpace(s)
	switch {
	case s == "":
		return inputErr("environment", "Environment name is empty",
			"Use the name shown in the Business Central admin center > Environments, e.g. Production or Sandbox.")
	case len(s) >= 30:
		return inputErr("environment", "Environment name is 30 characters or longer",
			"Business Central environment names are shorter than 30 characters; copy it from the admin center.")
	case !envRE.MatchString(s):
		return inputErr("environment", "Environment name may only start with a letter, then letters, digits, '_' or '-'",
			"Copy the name (not the display URL) from the Business Central admin center > Environments.")
	}
	return nil
}

// ValidateClientID requires the Application (client) ID GUID.
func ValidateClientID(s string) error {
	s = strings.TrimSpace(s)
	switch {
	case s == "":
		return inputErr("client-id", "Client ID is empty",
			"Paste the Application (client) ID from Entra > App registrations > your app > Overview.")
	case !IsGUID(s):
		return inputErr("client-id", "Client ID is not a GUID",
			"The Application (client) ID has the form xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx; the app's display name will not work.")
	}
	return nil
}

// ValidateSecret trims the secret and rejects an empty one. The warning is
// non-empty when the value looks like a Secret ID (a GUID) rather than the
// secret's Value, the most common copy mistake.
func ValidateSecret(s string) (trimmed string, warning string, err error) {
	trimmed = strings.TrimSpace(s)
	if trimmed == "" {
		return "", "", inputErr("client-secret", "Client secret is empty",
			"Paste the secret's Value from Entra > App registrations > Certificates & secrets (it is shown only once, right after you create it).")
	}
	if IsGUID(trimmed) {
		warning = "This looks like the Secret ID, not the secret's Value: Entra shows both; paste the Value column."
	}
	return trimmed, warning, nil
}

func inputErr(field, msg, remedy string) *failure.Error {
	return &failure.Error{Kind: failure.KindInput, Code: "invalid_" + strings.ReplaceAll(field, "-", "_"), Message: msg, Fix: remedy}
}
