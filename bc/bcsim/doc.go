// Package bcsim is a simulated Business Central tenant: a real HTTP server on
// loopback that speaks Entra ID and the BC API v2.0 plus the automation API,
// over deterministic generated data, with fault injection. Tests and
// `bcspend demo` / `bcspend simulate` run against it, so the client is
// exercised over real HTTP, real paging and real error bodies.
//
// Roots (see Server): AuthorityURL() replaces https://login.microsoftonline.com,
// APIURL() replaces https://api.businesscentral.dynamics.com.
//
// Entra, under {authority}/{TenantID or TenantDomain}/oauth2/v2.0/:
//
//	token       client_credentials, device_code, authorization_code (PKCE S256), refresh_token (rotating;
//	            without scope the access token is narrowed to openid/profile, which BC refuses)
//	devicecode  device_code, user_code, verification_uri ({root}/entra/devicelogin), expires_in 900, interval 1
//	authorize   auto-approves DemoUser; 302 to a http://localhost or http://127.0.0.1 redirect with code and state
//
// BC, under {api}/v2.0/{tenant}/{Environment}/api/v2.0/:
//
//	companies, companies({id})
//	companies({id})/purchaseInvoices[({id})[/purchaseInvoiceLines]]
//	companies({id})/purchaseInvoices/$count?$filter=...  (text/plain integer, OData v4)
//	companies({id})/purchaseInvoiceLines?$filter=documentId eq {id}
//	companies({id})/vendors, companies({id})/currencyExchangeRates
//	companies({id})/companyInformation, companies({id})/generalLedgerSetup  (collections of one)
//
// and .../api/microsoft/automation/v2.0/companies({id})/users.
//
// Query options: $filter (eq ne gt ge lt le, and; or only within one field),
// $select, $expand=purchaseInvoiceLines($select=...), $top; paging is
// server-driven with Prefer: odata.maxpagesize (at most 20,000) and an
// absolute @odata.nextLink with $skiptoken and aid=FIN. Entities are served
// in id order (lines in document, sequence order), so pages never skip or
// repeat an entity.
//
// The data has BC's real shapes, not the client's: exchange-rate amounts
// with 6 decimal places, some lines with 5-place quantities and unit costs,
// enum values escaped as XML names on the wire and in filters
// (In_x0020_Review, Fixed_x0020_Asset, Allocation_x0020_Account, _x0020_
// for blank), and each company's local currency and global dimensions in
// companyInformation and generalLedgerSetup (the Danish company's dimension
// 1 is AREA, not a department). Config.NoExchangeRates simulates an
// environment before API 23.0 (currencyExchangeRates answers 404
// BadRequest_ResourceNotFound), Config.NoGLSetup one without
// generalLedgerSetup.
//
// Faults (SetFaults) follow BC's documented behaviour: 429 and 503 (with or
// without Retry-After), dropped connections, an expired secret, 403 or 400
// Application_DialogException permission refusals (all companies, one
// company, or users), a failing company, slow invoice pages (408 above an
// operation limit, measured on the tenant clock; or a page that never
// answers), and a sliding-window request limit answering 429 without
// Retry-After. Stats records what the client did, including the
// User-Agent, Accept-Language and client-request-id headers it sent, and
// IssuedTokens every token handed out.
//
// Identities: ClientID/ClientSecret (client credentials), PublicClientID
// (device code, browser), and one app per setup failure: ExpiredClientID,
// NotInBCClientID, NoConsentClientID, NoRolesClientID, NoAutomationClientID,
// ConfidentialOnlyClientID.
package bcsim
