package match

import (
	"os"
	"path/filepath"
	"testing"
)

// The product-grain and vendor-identity classes of issue 15's seventh round
// (docs/MATCHING.md, "Round 7: product grain and vendor identity"). Cases
// follow testdata/LABELLING.md and are vendors and lines of no held-out set.

// A maker whose legal name is its flagship app's bills other products of
// its own too: the product a line names is what the line pays for, also
// when the line bills usage of it, while a line naming the flagship's own
// product words, or nothing, stays the flagship (LABELLING.md, "Grain").
func TestTheNamedProductBeatsTheMakersFlagship(t *testing.T) {
	runClass(t, []classCase{
		{"DocuSign Inc.", "DocuSign CLM Professional - annual, 15 users", "DocuSign CLM", MethodKeyword},
		{"DocuSign International (EMEA) Limited", "Docusign IAM Standard - annual plan", "Docusign IAM", MethodKeyword},
		{"Xero (UK) Ltd", "Xero Practice Manager - monthly, 12 staff", "Xero Practice Manager", MethodKeyword},
		{"Coupa Software Inc", "Coupa Treasury - annual subscription", "Coupa Treasury", MethodKeyword},
		{"IONOS SE", "IONOS Cloud Compute Engine - 730 vCPU hours", "IONOS Cloud", MethodKeyword},
		{"Amazon Web Services EMEA SARL", "Amazon Connect - inbound voice minutes, November", "Amazon Connect", MethodKeyword},
		{"Amazon Web Services, Inc.", "Amazon Connect chat messages - 12,400", "Amazon Connect", MethodKeyword},
		// The flagship's own words, or none, are the flagship.
		{"DocuSign Inc.", "DocuSign eSignature Business Pro - 10 seats", "DocuSign", MethodAlias},
		{"DocuSign Inc.", "Invoice 2026-11-0042", "DocuSign", MethodAlias},
		{"Xero Limited", "Xero Standard - monthly", "Xero", MethodAlias},
		{"Amazon Web Services EMEA SARL", "Amazon EC2 - 1,200 instance hours", "AWS", MethodAlias},
		// A short name of a group's product is the group's word: on a
		// sibling's line it is what the sibling does.
		{"Tripletex AS", "Tripletex Lønn, 25 ansatte - november", "Tripletex", MethodAlias},
	})
}

// Once the catalog lists a maker's products apart from its flagship (the
// catalog's entries of round 7), the same reading picks them, with entries
// as the catalog writes products of multi-product makers: on the maker's
// domain, or in its group.
func TestTheNamedProductOnceCatalogued(t *testing.T) {
	f := filepath.Join(t.TempDir(), "catalog.txt")
	entries := `app | HashiCorp | Developer Tools | hashicorp.com | | HashiCorp Inc | hashicorp; vault enterprise |
app | HCP Terraform | Developer Tools | hashicorp.com | | | hcp terraform; terraform cloud; terraform enterprise |
app | QuickBooks | Accounting | quickbooks.intuit.com | Intuit | | quickbooks; quickbooks online; qbo; quickbooks advanced; quickbooks plus |
app | QuickBooks Payroll | Payroll | quickbooks.intuit.com | Intuit | | quickbooks payroll; quickbooks online payroll |
app | AutoCAD | Design | autodesk.com | Autodesk | | autocad; autocad subscription |
app | AutoCAD LT | Design | autodesk.com | Autodesk | | autocad lt |
`
	if err := os.WriteFile(f, []byte(entries), 0o600); err != nil {
		t.Fatal(err)
	}
	c, err := LoadCatalog(f)
	if err != nil {
		t.Fatal(err)
	}
	m := NewMatcher(c, nil)
	for _, tc := range []classCase{
		{"HashiCorp, Inc.", "HCP Terraform Standard - 3,100 managed resources, October", "HCP Terraform", MethodKeyword},
		{"HashiCorp Inc", "HashiCorp HCP Terraform Plus - usage, November", "HCP Terraform", MethodKeyword},
		{"HashiCorp Inc", "Vault Enterprise - annual", "HashiCorp", MethodAlias},
		{"HCP Terraform (HashiCorp)", "Plus tier - 1,200 managed resources", "HCP Terraform", MethodAlias},
		{"Intuit Canada ULC", "QuickBooks Online Payroll Premium - 14 employees", "QuickBooks Payroll", MethodKeyword},
		{"Intuit Limited", "QuickBooks Online Advanced - monthly", "QuickBooks", MethodKeyword},
		{"Autodesk Inc.", "AutoCAD LT - annual subscription, 2 seats", "AutoCAD LT", MethodKeyword},
		{"TD SYNNEX UK Limited", "Autodesk AutoCAD LT 2026 - 1 year, 5 seats", "AutoCAD LT", MethodKeyword},
	} {
		d := m.Match(Input{VendorName: tc.vendor, Descriptions: []string{tc.desc}})
		if d.App != tc.app || d.Method != tc.method {
			t.Errorf("%q / %q: got %q %s (%s); want %q %s", tc.vendor, tc.desc, d.App, d.Method, d.Reason, tc.app, tc.method)
		}
	}
}

// An app the catalog flags generic keeps the flag under a legal name that
// normalises to the same word ("Homebase Inc" is "homebase"): only that
// legal name written with its legal form is the identity; the word with
// another legal form is another company, which needs a line that reads like
// the app's billing (negatives2: "Homebase Ltd", "Recharge Spa Ltd").
func TestLegalNamesOfEverydayWordApps(t *testing.T) {
	runNoApp(t, [][2]string{
		{"Homebase Ltd", "Garden furniture and barbecue"},
		{"Recharge Ltd", "Electric vehicle charging - 14 sessions"},
		{"Replicate Ltd", "Hand-painted replica of company logo"},
		{"Sympa GmbH", "Blumenlieferung Empfang"},
	}, MethodInferred, MethodUnknownProduct)
	runClass(t, []classCase{
		{"Homebase, Inc.", "Invoice 2026-11", "Homebase", MethodAlias},
		{"Recharge Inc.", "Invoice 88213", "Recharge", MethodAlias},
		{"Sympa Oy", "Kuukausimaksu marraskuu", "Sympa", MethodAlias},
		{"Replicate, Inc.", "Predictions - November", "Replicate", MethodAlias},
		{"Homebase Ltd", "Scheduling and timesheets - 3 locations, monthly", "Homebase", MethodAlias},
		// A product the vendor's line names that the catalog lists.
		{"Cvent, Inc.", "Attendee Hub - hybrid event, 800 attendees", "Cvent", MethodAlias},
	})
}

// A vendor card that writes a brand and the company behind it ("Brand
// (Legal name)", "Product (Maker)") holds two names of one catalogued
// entry: that is its identity, known, so its lines are read as its billing
// and not as a stranger's words (rooms, displays, "Internet Services").
func TestBrandAndLegalNameInOneVendorName(t *testing.T) {
	runClass(t, []classCase{
		{"Proxyclick (Eptura)", "Visitor management - 4 sites, renewal", "Eptura", MethodAlias},
		{"CircleCI (Circle Internet Services Inc)", "Scale plan - 250,000 credits", "CircleCI", MethodAlias},
		{"Joan (Visionect d.o.o.)", "Joan Business - 8 rooms, annual", "Joan", MethodAlias},
		{"Tripletex (Tripletex AS)", "Regnskap og fakturering - månedlig", "Tripletex", MethodAlias},
		{"Timely (Memory AS)", "Time tracking - 6 users, monthly", "Timely", MethodAlias},
		{"SendGrid (Twilio Inc)", "Pro 300K - monthly", "SendGrid", MethodAlias},
		// A product listed without a legal entity of its own, beside its maker.
		{"Little Hotelier (SiteMinder Limited)", "Front desk and booking engine - 14 rooms, monthly", "Little Hotelier", MethodAlias},
	})
	runNoApp(t, [][2]string{
		{"Joan Bakery (Visionect Street)", "Croissants for the office"},
	}, MethodInferred, MethodUnknownProduct)
}

// Advertising bought from a marketing software vendor is advertising, not
// its software (LABELLING.md: "Advertising bought from a software company"
// is no application): its own trade exempts a course from a learning
// platform, not a listing's clicks from a review site. A subscription line
// is still the tool.
func TestAdvertisingFromAMarketingVendor(t *testing.T) {
	runNoApp(t, [][2]string{
		{"Gartner Digital Markets", "GetApp pay per click - October"},
		{"Capterra Inc", "Sponsored listing - Accounting category, Q4"},
	})
	runClass(t, []classCase{
		{"Capterra Inc", "Capterra vendor profile subscription - annual", "Gartner Digital Markets", MethodAlias},
	})
}

// "SAE" ends an Egyptian (and Spanish) company's name as its legal form,
// written "S.A.E." or "SAE", and is dropped from vendor names like every
// form; on a line legal forms are kept, so a product named with it ("Aspel
// SAE", Aspel's administration system) is still named there.
func TestLegalFormSAE(t *testing.T) {
	runClass(t, []classCase{
		{"Fawry for Banking Technology and Electronic Payments SAE", "Fawry collection fees - November", "Fawry", MethodAlias},
		{"Paymob S.A.E.", "Paymob Accept - transaction fees, October", "Paymob", MethodAlias},
		{"BasharSoft S.A.E.", "Wuzzuf employer subscription - 3 months", "Wuzzuf", MethodAlias},
		{"Aspel de México, S.A. de C.V.", "Aspel SAE 9.0 - licencia anual, 2 usuarios", "Aspel", MethodKeyword},
	})
	runBrandOf(t, map[string]string{"Nile Ledger Systems S.A.E.": "Nile Ledger Systems", "Nile Ledger Systems SAE": "Nile Ledger Systems"})
}

// A reseller's, distributor's or marketplace vendor's line that names a
// product and, as the platform it runs on ("for", "with"), another product
// pays for the first: "Zephyr Scale for Jira Software Cloud" is Zephyr
// Scale, resold, and on Atlassian's own invoice (a Marketplace app) too;
// a line that names only the platform keeps it, and the group's own
// products named for one another stay the group's (LABELLING.md: the
// product a reseller sells is the answer, never the reseller).
func TestTheProductSoldBeatsItsPlatform(t *testing.T) {
	runClass(t, []classCase{
		{"SoftwareONE Deutschland GmbH", "Zephyr Scale for Jira Software Cloud - 25 Benutzer, 12 Monate", "Zephyr", MethodKeyword},
		{"TD SYNNEX UK Limited", "Veeam Backup for Microsoft 365 - 100 users, 1 year", "Veeam", MethodKeyword},
		{"Bechtle AG", "Veeam Backup for Microsoft 365 Subscription, 50 Benutzer", "Veeam", MethodKeyword},
		{"Atlassian Pty Ltd", "Zephyr Scale for Jira Cloud - 25 users, monthly", "Zephyr", MethodKeyword},
		{"Google Ireland Limited", "Lucidchart for Google Workspace - Team, 10 users", "Lucidchart", MethodKeyword},
		// Only the platform named, or the group's products for each other.
		{"Crayon Software Experts Ltd", "Licences for Microsoft 365 E3 - 40 users, CSP", "Microsoft 365", MethodKeyword},
		{"Atlassian Pty Ltd", "Confluence Standard for Jira users - 40 users", "Confluence", MethodKeyword},
		{"Microsoft Ireland Operations Ltd", "Defender for Office 365 Plan 1 - 40 users", "Microsoft Defender for Office 365", MethodKeyword},
	})
}
