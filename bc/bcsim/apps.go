package bcsim

// Demo identities. All values are fake and only meaningful to the simulator.
const (
	TenantID     = "5b2f8f4e-7c1d-4a8e-9f3b-2d6c1e0a9b47"
	TenantDomain = "cronus-demo.onmicrosoft.com"
	Environment  = "Production"

	// ClientID/ClientSecret: the confidential app for client credentials,
	// added in BC ("Microsoft Entra Applications", State Enabled), with
	// admin-consented roles API.ReadWrite.All and Automation.ReadWrite.All.
	// It also allows public client flows, so the demo's device code and
	// browser sign-ins work with the same Client ID, as one registration can.
	ClientID     = "0b9d2c7a-3e41-4f6b-8a5d-1c2e3f4a5b6c"
	ClientSecret = "bcs8Q~demo.Secret-Value_0123456789abcdefGHIJ"
	// ClientSecretID is the main secret's "Secret ID": pasting it instead of
	// the Value is the classic mistake (7000215).
	ClientSecretID = "e1f2a3b4-c5d6-4e7f-8091-a2b3c4d5e6f7"

	// PublicClientID: "Allow public client flows" on, mobile/desktop redirect
	// http://localhost; for device code and browser (PKCE) sign-in. No secret.
	PublicClientID = "7f3e9a1b-2c4d-4e5f-8a6b-9c0d1e2f3a4b"

	// ExpiredClientID: its only secret has expired (7000222).
	ExpiredClientID     = "a1000001-0000-4000-8000-000000000001"
	ExpiredClientSecret = "bcs8Q~expired.Secret-0000000000000000000001"
	// NotInBCClientID: tokens are issued but the app is not added in BC, so
	// every BC request answers 401 Authentication_InvalidCredentials.
	NotInBCClientID     = "a1000002-0000-4000-8000-000000000002"
	NotInBCClientSecret = "bcs8Q~notinbc.Secret-0000000000000000000002"
	// NoConsentClientID: admin consent was never granted (65001).
	NoConsentClientID     = "a1000003-0000-4000-8000-000000000003"
	NoConsentClientSecret = "bcs8Q~noconsent.Secret-00000000000000000003"
	// NoRolesClientID: consented without application permissions; its
	// tokens carry no roles and BC answers 401.
	NoRolesClientID     = "a1000004-0000-4000-8000-000000000004"
	NoRolesClientSecret = "bcs8Q~noroles.Secret-0000000000000000000004"
	// NoAutomationClientID: API.ReadWrite.All only; invoices work, the
	// automation users endpoint answers 403.
	NoAutomationClientID     = "a1000005-0000-4000-8000-000000000005"
	NoAutomationClientSecret = "bcs8Q~noautomation.Secret-000000000000005"
	// ConfidentialOnlyClientID: public client flows disabled; device code
	// without a secret fails with 7000218.
	ConfidentialOnlyClientID     = "a1000006-0000-4000-8000-000000000006"
	ConfidentialOnlyClientSecret = "bcs8Q~confidential.Secret-000000000000006"

	// DemoUser is who signs in through the delegated flows.
	DemoUser = "admin@cronus-demo.onmicrosoft.com"
)

// Application permission (role) names.
const (
	RoleAPI        = "API.ReadWrite.All"
	RoleAutomation = "Automation.ReadWrite.All"
	DelegatedScope = "Financials.ReadWrite.All"
)

// app is an Entra app registration plus its BC-side setup.
type app struct {
	id, secret    string
	name          string
	public        bool // a public client only: no secret exists, sending one fails
	allowPublic   bool // a confidential app that also allows public client flows
	secretExpired bool
	consent       bool
	inBC          bool
	roles         []string
}

var apps = map[string]*app{
	ClientID:                 {id: ClientID, secret: ClientSecret, name: "bcspend", allowPublic: true, consent: true, inBC: true, roles: []string{RoleAPI, RoleAutomation}},
	PublicClientID:           {id: PublicClientID, name: "bcspend (public)", public: true, consent: true, inBC: true},
	ExpiredClientID:          {id: ExpiredClientID, secret: ExpiredClientSecret, name: "bcspend expired", secretExpired: true, consent: true, inBC: true, roles: []string{RoleAPI, RoleAutomation}},
	NotInBCClientID:          {id: NotInBCClientID, secret: NotInBCClientSecret, name: "bcspend not in BC", consent: true, roles: []string{RoleAPI, RoleAutomation}},
	NoConsentClientID:        {id: NoConsentClientID, secret: NoConsentClientSecret, name: "bcspend no consent", inBC: true, roles: []string{RoleAPI, RoleAutomation}},
	NoRolesClientID:          {id: NoRolesClientID, secret: NoRolesClientSecret, name: "bcspend no roles", consent: true, inBC: true},
	NoAutomationClientID:     {id: NoAutomationClientID, secret: NoAutomationClientSecret, name: "bcspend no automation", consent: true, inBC: true, roles: []string{RoleAPI}},
	ConfidentialOnlyClientID: {id: ConfidentialOnlyClientID, secret: ConfidentialOnlyClientSecret, name: "bcspend confidential", consent: true, inBC: true, roles: []string{RoleAPI, RoleAutomation}},
}

func lookupApp(id string) *app {
	for k, a := range apps {
		if equalID(k, id) {
			return a
		}
	}
	return nil
}
