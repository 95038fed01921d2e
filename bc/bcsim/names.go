package bcsim

// The vendor catalog. Names are legal entity names as they appear on real
// invoices, because the matcher must map "The Rocket Science Group LLC" to
// Mailchimp and must NOT map "Slack Plumbing" to Slack.

// cadence of a recurring charge.
type cadence byte

const (
	oneOff cadence = iota
	monthly
	quarterly
	annual
)

// product is one billable thing a vendor sells; price in USD cents (scaled
// to the invoice currency), per unit.
type product struct {
	desc    string
	price   int64
	cadence cadence
	seats   bool // quantity is a seat count
}

// vendor kinds.
const (
	kindSaaS     = "saas"
	kindReseller = "reseller"
	kindOther    = "other"
	kindHostile  = "hostile"
)

// vendorSpec is a catalog entry. currency "" means the company's local currency.
type vendorSpec struct {
	name     string
	domain   string
	currency string
	kind     string
	products []product
}

func p(desc string, price int64, c cadence) product {
	return product{desc: desc, price: price, cadence: c}
}

// seat prices are per seat and MONTH, as vendors list them; an annual
// subscription bills twelve of them at once.
func seat(desc string, price int64, c cadence) product {
	return product{desc: desc, price: price, cadence: c, seats: true}
}

// in bills a vendor in a fixed currency instead of the company's own.
func in(cur string, v vendorSpec) vendorSpec { v.currency = cur; return v }

func saas(name, domain, cur string, prods ...product) vendorSpec {
	return vendorSpec{name: name, domain: domain, currency: cur, kind: kindSaaS, products: prods}
}

func other(name, domain string, prods ...product) vendorSpec {
	return vendorSpec{name: name, domain: domain, kind: kindOther, products: prods}
}

var saasVendors = []vendorSpec{
	saas("Slack Technologies LLC", "slack.com", "USD", seat("Slack Pro - monthly subscription", 875, monthly), seat("Slack Business+ annual plan", 15000, annual)),
	saas("Atlassian Pty Ltd", "atlassian.com", "USD", seat("Jira Software Cloud Standard", 815, monthly), seat("Confluence Cloud Standard", 605, monthly), seat("Jira Service Management Cloud", 2100, monthly), seat("Bitbucket Cloud Standard", 330, monthly)),
	saas("The Rocket Science Group LLC", "mailchimp.com", "USD", p("Mailchimp Standard plan - 10,000 contacts", 13500, monthly)),
	saas("AgileBits Inc.", "1password.com", "USD", seat("1Password Business", 799, monthly), seat("1Password Teams Starter Pack", 1995, monthly)),
	saas("Zoom Video Communications Inc.", "zoom.us", "USD", seat("Zoom Workplace Business", 2199, monthly), p("Zoom Rooms annual license", 49900, annual)),
	saas("Microsoft Ireland Operations Ltd", "microsoft.com", "EUR", seat("Microsoft 365 E3", 3600, monthly), p("Azure subscription - usage charges", 184250, monthly), seat("Dynamics 365 Business Central Essentials", 8000, monthly), seat("Power BI Pro", 1400, monthly), seat("Microsoft Teams Rooms Pro", 4000, monthly)),
	saas("Google Ireland Limited", "google.com", "EUR", seat("Google Workspace Business Standard", 1400, monthly), p("Google Cloud Platform - usage", 93417, monthly)),
	saas("Adobe Systems Software Ireland Ltd", "adobe.com", "EUR", seat("Adobe Acrobat Pro", 2399, monthly), seat("Creative Cloud All Apps", 8999, monthly), seat("Adobe Express Teams", 1199, monthly)),
	saas("Salesforce Inc.", "salesforce.com", "USD", seat("Sales Cloud Enterprise Edition", 16500, annual), seat("Service Cloud Professional", 8000, annual)),
	saas("HubSpot Inc.", "hubspot.com", "USD", p("Marketing Hub Professional - quarterly", 267000, quarterly), seat("Sales Hub Professional", 10000, monthly)),
	saas("Notion Labs Inc.", "notion.so", "USD", seat("Notion Plus plan", 1200, monthly), seat("Notion AI add-on", 1000, monthly)),
	saas("Figma Inc.", "figma.com", "USD", seat("Figma Organization - full seat", 5500, annual), seat("FigJam", 500, monthly)),
	saas("Dropbox International Unlimited Company", "dropbox.com", "EUR", seat("Dropbox Business Advanced", 2400, monthly)),
	saas("Functional Software Inc", "sentry.io", "USD", p("Sentry Business plan", 8000, monthly)),
	saas("Formagrid Inc", "airtable.com", "USD", seat("Airtable Team plan", 2400, monthly)),
	saas("Momentive Inc", "surveymonkey.com", "USD", seat("SurveyMonkey Team Advantage", 3000, annual)),
	saas("Mango Technologies Inc", "clickup.com", "USD", seat("ClickUp Business plan", 1200, monthly)),
	saas("Datadog Inc.", "datadoghq.com", "USD", p("Datadog Infrastructure Pro - hosts", 150000, monthly), p("Datadog Log Management - ingested GB", 32550, monthly)),
	saas("GitHub Inc.", "github.com", "USD", seat("GitHub Enterprise Cloud", 2100, monthly), seat("GitHub Copilot Business", 1900, monthly), p("GitHub Actions minutes overage", 4213, monthly)),
	saas("DocuSign Inc.", "docusign.com", "USD", seat("DocuSign eSignature Business Pro", 4000, annual)),
	saas("Intuit Inc.", "intuit.com", "USD", p("QuickBooks Online Advanced", 20000, monthly)),
	saas("Twilio Inc.", "twilio.com", "USD", p("Twilio Programmable Messaging usage", 21877, monthly), p("SendGrid Pro 100K", 8995, monthly)),
	saas("Freshworks Inc.", "freshworks.com", "USD", seat("Freshdesk Pro", 4900, monthly)),
	saas("Zendesk Inc.", "zendesk.com", "USD", seat("Zendesk Suite Professional", 11500, monthly)),
	saas("Okta Inc.", "okta.com", "USD", seat("Okta Workforce Identity SSO", 200, annual), seat("Okta Adaptive MFA", 600, annual)),
	saas("RealtimeBoard Inc.", "miro.com", "USD", seat("Miro Business plan", 1600, monthly)),
	saas("Asana Inc.", "asana.com", "USD", seat("Asana Business", 2499, monthly)),
	saas("monday.com Ltd.", "monday.com", "USD", seat("monday.com Pro plan", 1900, monthly)),
	saas("Smartsheet Inc.", "smartsheet.com", "USD", seat("Smartsheet Business - quarterly billing", 7200, quarterly)),
	saas("Calendly LLC", "calendly.com", "USD", seat("Calendly Teams", 1600, monthly)),
	saas("Canva Pty Ltd", "canva.com", "USD", seat("Canva Teams", 1000, annual)),
	saas("Loom Inc.", "loom.com", "USD", seat("Loom Business", 1500, monthly)),
	saas("Grammarly Inc.", "grammarly.com", "USD", seat("Grammarly Business", 1500, monthly)),
	saas("LastPass US LP", "lastpass.com", "USD", seat("LastPass Business", 700, annual)),
	saas("Amazon Web Services EMEA SARL", "aws.amazon.com", "EUR", p("AWS usage charges", 263411, monthly), p("AWS Support (Business)", 26341, monthly)),
	saas("Cloudflare Inc.", "cloudflare.com", "USD", p("Cloudflare Pro plan", 2500, monthly), seat("Cloudflare Zero Trust", 700, monthly)),
	saas("DigitalOcean LLC", "digitalocean.com", "USD", p("DigitalOcean Droplets and Spaces", 31200, monthly)),
	saas("New Relic Inc.", "newrelic.com", "USD", seat("New Relic full platform users", 9900, monthly)),
	saas("PagerDuty Inc.", "pagerduty.com", "USD", seat("PagerDuty Business", 4100, monthly)),
	saas("Elasticsearch B.V.", "elastic.co", "EUR", p("Elastic Cloud Standard deployment", 19500, monthly)),
	saas("MongoDB Inc.", "mongodb.com", "USD", p("MongoDB Atlas dedicated cluster", 57300, monthly)),
	saas("Snowflake Inc.", "snowflake.com", "USD", p("Snowflake on-demand credits", 120000, monthly)),
	saas("Tableau Software LLC", "tableau.com", "USD", seat("Tableau Creator", 7500, annual)),
	saas("Zapier Inc.", "zapier.com", "USD", p("Zapier Team plan", 10350, monthly)),
	saas("Webflow Inc.", "webflow.com", "USD", p("Webflow CMS site plan", 2900, monthly)),
	saas("GoDaddy.com LLC", "godaddy.com", "USD", p("Domain renewal - 1 year", 2199, annual), p("SSL certificate Standard", 9999, annual)),
	saas("Stripe Payments Europe Ltd", "stripe.com", "EUR", p("Stripe Billing fees", 14230, monthly)),
	saas("Xero Limited", "xero.com", "GBP", p("Xero Established plan", 6500, monthly)),
	saas("Gusto Inc.", "gusto.com", "USD", seat("Gusto Plus payroll", 1200, monthly)),
	saas("Rippling People Center Inc.", "rippling.com", "USD", seat("Rippling Unity platform", 800, monthly)),
	saas("BambooHR LLC", "bamboohr.com", "USD", seat("BambooHR Pro", 900, monthly)),
	saas("ServiceNow Inc.", "servicenow.com", "USD", seat("ServiceNow ITSM Professional", 10000, annual)),
	saas("Box Inc.", "box.com", "USD", seat("Box Business Plus - quarterly", 7500, quarterly)),
	saas("Intercom R&D Unlimited Company", "intercom.com", "EUR", seat("Intercom Advanced plan", 8500, monthly)),
	saas("Hootsuite Inc.", "hootsuite.com", "USD", seat("Hootsuite Team", 24900, monthly)),
	saas("Vimeo.com Inc.", "vimeo.com", "USD", p("Vimeo Advanced annual", 78000, annual)),
	saas("LinkedIn Ireland Unlimited Company", "linkedin.com", "EUR", seat("LinkedIn Sales Navigator Advanced", 14999, monthly), p("LinkedIn Recruiter Lite", 16995, monthly), p("LinkedIn job posting", 49500, oneOff)),
	saas("JetBrains s.r.o.", "jetbrains.com", "EUR", seat("IntelliJ IDEA Ultimate - commercial annual", 4990, annual), seat("All Products Pack - commercial annual", 6490, annual)),
	saas("Postman Inc.", "postman.com", "USD", seat("Postman Professional", 2900, monthly)),
	saas("HashiCorp Inc.", "hashicorp.com", "USD", p("HCP Terraform Standard", 27600, monthly)),
	saas("Docker Inc.", "docker.com", "USD", seat("Docker Business", 2400, monthly)),
	saas("OpenAI Ireland Ltd", "openai.com", "EUR", seat("ChatGPT Team", 3000, monthly), p("OpenAI API usage", 41277, monthly)),
	saas("Anthropic PBC", "anthropic.com", "USD", seat("Claude Team plan", 3000, monthly)),
	saas("Linear Orbit Inc.", "linear.app", "USD", seat("Linear Business", 1400, monthly)),
	saas("Vercel Inc.", "vercel.com", "USD", seat("Vercel Pro", 2000, monthly)),
	saas("TeamViewer Germany GmbH", "teamviewer.com", "EUR", p("TeamViewer Business annual subscription", 45900, annual)),
	saas("Typeform SL", "typeform.com", "EUR", p("Typeform Business plan", 8300, monthly)),
	saas("Shopify International Limited", "shopify.com", "USD", p("Shopify Plus platform fee", 230000, monthly)),
	saas("Autodesk Ireland Operations Unlimited Company", "autodesk.com", "EUR", seat("AutoCAD LT subscription", 4210, annual)),
	saas("Veeam Software Group GmbH", "veeam.com", "EUR", p("Veeam Data Platform Foundation - 10 instances", 230000, annual)),
}

// resellers sell other vendors' products; their invoices mix applications.
var resellerProducts = []product{
	seat("Microsoft 365 E3 - annual commitment (NCE)", 3600, oneOff),
	seat("Microsoft 365 Business Premium", 2200, oneOff),
	seat("Adobe Creative Cloud All Apps - VIP renewal", 8999, oneOff),
	seat("Adobe Acrobat Pro for teams - VIP", 2399, oneOff),
	p("VMware vSphere Foundation - 16 cores, 1 year", 285000, oneOff),
	seat("Autodesk AutoCAD LT - annual", 50500, oneOff),
	p("Veeam Backup & Replication Universal License - 10 pack", 114000, oneOff),
	p("Cisco Meraki MX68 Advanced Security license - 3 yr", 89500, oneOff),
	p("Dell Latitude 5550 laptop, i7, 32GB", 164900, oneOff),
	p("Dell UltraSharp U2724D monitor", 42999, oneOff),
	seat("Windows Server 2022 Standard - 16 core", 106900, oneOff),
	seat("Atlassian Jira Software Cloud - annual via partner", 8150, oneOff),
	p("Zoom Rooms license - annual", 49900, oneOff),
	seat("Sophos Intercept X Advanced", 4800, oneOff),
	p("Logitech Rally Bar video bar", 399900, oneOff),
	p("Freight and handling", 2500, oneOff),
}

var resellers = []vendorSpec{
	{name: "CDW LLC", domain: "cdw.com", currency: "USD", kind: kindReseller},
	{name: "SHI International Corp", domain: "shi.com", currency: "USD", kind: kindReseller},
	{name: "SoftwareONE Inc.", domain: "softwareone.com", currency: "USD", kind: kindReseller},
	{name: "Insight Enterprises Inc.", domain: "insight.com", currency: "USD", kind: kindReseller},
	{name: "Crayon Group AS", domain: "crayon.com", currency: "EUR", kind: kindReseller},
}

var otherVendors = []vendorSpec{
	other("Staples Inc.", "staples.com", p("Copy paper A4, 5 reams", 4599, oneOff), p("Toner cartridge HP 26X", 17999, oneOff), p("Office supplies - assorted", 8733, oneOff)),
	other("Office Depot LLC", "officedepot.com", p("Whiteboard markers and pens", 3210, oneOff), p("Desk organisers", 5640, oneOff)),
	other("Amazon.com Services LLC", "amazon.com", p("Ergonomic office chair, mesh back", 28999, oneOff), p("USB-C docking station", 15999, oneOff), p("Kitchen supplies", 6421, oneOff)),
	other("Dell Marketing L.P.", "dell.com", p("Dell Latitude 7450 laptop", 189900, oneOff), p("Dell ProSupport Plus 3 years", 32900, oneOff)),
	other("Apple Inc.", "apple.com", p("MacBook Pro 14-inch M4 Pro", 249900, oneOff), p("AppleCare for Business", 27900, oneOff)),
	other("Lenovo Global Technology LLC", "lenovo.com", p("ThinkPad T14 Gen 5", 154900, oneOff)),
	other("Harbor Point Properties LLC", "harborpointprop.com", p("Office rent - monthly", 1250000, monthly), p("Service charge / CAM", 85000, monthly)),
	other("Regus Management Group LLC", "regus.com", p("Coworking membership - 6 desks", 240000, monthly)),
	other("WeWork Companies LLC", "wework.com", p("Dedicated desks x4", 180000, monthly)),
	other("Delta Air Lines Inc.", "delta.com", p("Airfare ATL-LHR economy", 112450, oneOff)),
	in("GBP", other("British Airways Plc", "britishairways.com", p("Airfare LHR-CPH", 21840, oneOff))),
	other("United Airlines Inc.", "united.com", p("Airfare SFO-ORD", 48710, oneOff)),
	other("Marriott International Inc.", "marriott.com", p("Hotel accommodation, 3 nights", 68700, oneOff)),
	other("Hilton Worldwide Holdings Inc.", "hilton.com", p("Hotel accommodation, 2 nights", 41200, oneOff)),
	other("Uber Technologies Inc.", "uber.com", p("Business rides - monthly statement", 31288, monthly)),
	other("Verizon Business", "verizon.com", p("Mobile service - 25 lines", 187500, monthly)),
	other("AT&T Corp.", "att.com", p("Business fiber internet 1 Gbps", 25000, monthly)),
	other("Comcast Business", "comcast.com", p("Business internet and voice", 18999, monthly)),
	in("GBP", other("BT Group plc", "bt.com", p("Business broadband and lines", 14500, monthly))),
	in("GBP", other("Vodafone Limited", "vodafone.co.uk", p("Mobile fleet - monthly", 98000, monthly))),
	other("Pacific Gas and Electric Company", "pge.com", p("Electricity - office", 121344, monthly)),
	other("Consolidated Edison Inc.", "coned.com", p("Electricity and gas", 84320, monthly)),
	other("City Power & Light", "citypowerlight.example", p("Electricity", 60210, monthly)),
	other("FedEx Corporation", "fedex.com", p("Courier shipments", 7830, oneOff)),
	other("United Parcel Service Inc.", "ups.com", p("Shipping charges", 5610, oneOff)),
	other("DHL Express", "dhl.com", p("International express shipment", 12900, oneOff)),
	other("W.W. Grainger Inc.", "grainger.com", p("Facility maintenance supplies", 23480, oneOff)),
	other("Sodexo Inc.", "sodexo.com", p("Catering - all hands lunch", 184500, oneOff)),
	other("ezCater Inc.", "ezcater.com", p("Catering order - team lunch", 38750, oneOff)),
	in("DKK", other("Hotel d'Angleterre A/S", "dangleterre.com", p("Hotel accommodation, Copenhagen", 61000, oneOff))),
	in("SEK", other("Scandic Hotels AB", "scandichotels.com", p("Hotel accommodation, Stockholm", 24500, oneOff))),
	in("NOK", other("Visma Software AS", "visma.com", p("Visma payroll module", 31000, monthly))),
	in("CAD", other("Air Canada", "aircanada.com", p("Airfare YYZ-JFK", 39800, oneOff))),
	other("Slack Plumbing", "slackplumbing.example", p("Emergency plumbing repair, kitchen", 48000, oneOff), p("Call-out fee", 9500, oneOff)),
	other("Notion Bakery", "notionbakery.example", p("Pastries and coffee for board meeting", 12650, oneOff), p("Birthday cake", 5400, oneOff)),
	other("Zoom Window Cleaning Co.", "zoomclean.example", p("Window cleaning - quarterly", 45000, quarterly)),
	other("Figma Fine Foods Ltd", "figmafoods.example", p("Fruit basket delivery", 3900, monthly)),
	other("Cintas Corporation", "cintas.com", p("First aid cabinet service", 8900, monthly)),
	other("ADP Inc.", "adp.com", p("Payroll processing fee", 45000, monthly)),
	other("KPMG LLP", "kpmg.com", p("Audit fees - interim", 1500000, oneOff)),
	other("Baker McKenzie LLP", "bakermckenzie.com", p("Legal services", 640000, oneOff)),
	other("Iron Mountain Inc.", "ironmountain.com", p("Document storage and shredding", 21500, monthly)),
	other("Allstate Insurance Company", "allstate.com", p("General liability insurance", 350000, annual)),
	other("Starbucks Coffee Company", "starbucks.com", p("Office coffee service", 27400, monthly)),
	other("Waste Management Inc.", "wm.com", p("Waste collection", 15600, monthly)),
	other("ServiceMaster Clean", "servicemaster.com", p("Office cleaning", 180000, monthly)),
	other("Adventure Works Cycles", "adventure-works.example", p("Bike-to-work scheme bicycles", 89000, oneOff)),
	other("Fabrikam Inc.", "fabrikam.example", p("Consulting services", 450000, oneOff)),
	other("Contoso Ltd.", "contoso.example", p("Printing and signage", 67800, oneOff)),
	other("Litware Inc.", "litware.example", p("Training course - 2 days", 150000, oneOff)),
	other("Tailspin Toys", "tailspintoys.example", p("Promotional items", 34500, oneOff)),
	other("Wide World Importers", "wideworldimporters.example", p("Imported office furniture", 520000, oneOff)),
	other("Proseware Inc.", "proseware.example", p("Technical writing services", 220000, oneOff)),
	other("Woodgrove Bank", "woodgrovebank.example", p("Bank charges", 4500, monthly)),
	in("CHF", other("Alpine Ski House", "alpineskihouse.example", p("Team offsite accommodation", 760000, oneOff))),
	other("Coho Winery", "cohowinery.example", p("Client gifts - wine", 54000, oneOff)),
	other("Trey Research", "treyresearch.example", p("Market research report", 390000, oneOff)),
	other("Fourth Coffee", "fourthcoffee.example", p("Coffee beans and milk", 14200, monthly)),
	in("EUR", other("Margie's Travel", "margiestravel.example", p("Travel agency fees", 7500, oneOff))),
	other("Blue Yonder Airlines", "blueyonderairlines.example", p("Airfare", 64300, oneOff)),
	other("Humongous Insurance", "humongousinsurance.example", p("Employee health insurance", 2450000, monthly)),
	other("Consolidated Messenger", "consolidatedmessenger.example", p("Courier services", 3400, oneOff)),
	other("Lucerne Publishing", "lucernepublishing.example", p("Books and subscriptions", 12900, oneOff)),
	other("Graphic Design Institute", "graphicdesigninstitute.example", p("Design workshop", 98000, oneOff)),
	other("Northwind Traders", "northwindtraders.example", p("Breakroom snacks", 18900, monthly)),
}

// hostile vendors exist to test sanitising: terminal escapes, spreadsheet
// formulas, control characters, bidi overrides, and a maximum-length name.
var hostileVendors = []vendorSpec{
	{name: "\x1b[31mRed Alert\x1b[0m Supplies Inc.", domain: "redalert.example", kind: kindHostile, products: []product{p("\x1b[2J\x1b[HScreen clear toner", 4200, oneOff)}},
	{name: `=HYPERLINK("http://evil.example/x","Click me")`, domain: "evil.example", kind: kindHostile, products: []product{p(`=HYPERLINK("http://evil.example/pay","Invoice")`, 9900, monthly)}},
	{name: "+Plus Consulting Group", domain: "plus.example", kind: kindHostile, products: []product{p("+SUM(A1:A9) advisory hours", 30000, oneOff)}},
	{name: "-Minus Logistics Ltd", domain: "minus.example", kind: kindHostile, products: []product{p("-1 pallet return credit handling", 2500, oneOff)}},
	{name: "@Symbol Media LLC", domain: "symbol.example", kind: kindHostile, products: []product{p("@SUM(1+1) social campaign", 15000, oneOff)}},
	{name: "Tab\tand\nNewline Services", domain: "tabnl.example", kind: kindHostile, products: []product{p("Line one\nLine two\twith tab", 7300, oneOff)}},
	{name: "\u202eRTL Override Trading\u202c", domain: "rtl.example", kind: kindHostile, products: []product{p("Invoice \u202efdp.exe\u202c service", 11100, oneOff)}},
	{name: "Extremely Long Vendor Name International Holdings and Subsidiaries Worldwide Limited Partners LLP", domain: "long.example", kind: kindHostile, products: []product{p("Service with a description that is exactly as long as Business Central allows for a line, no more.", 12000, oneOff)}},
}

// synthetic local suppliers fill the vendor list up to a realistic size.
var (
	supplierSurnames = []string{"Hansen", "Miller", "Johansson", "Okafor", "Schmidt", "Patel", "Nguyen", "Rossi", "Dubois", "Kowalski", "Fischer", "Larsen", "Murphy", "Tanaka", "Silva", "Novak", "Berg", "Walsh", "Costa", "Meyer"}
	supplierTrades   = []string{"Electrical", "Facilities", "Print", "Catering", "Consulting", "Locksmiths", "Removals", "Signage", "Plumbing & Heating", "Courier", "Security", "Landscaping"}
	supplierSuffix   = []string{"LLC", "Ltd", "ApS", "Inc.", "& Sons", "Group"}
	firstNames       = []string{"Anna", "Ben", "Carla", "David", "Emma", "Felix", "Grace", "Hugo", "Ines", "Jonas", "Katja", "Liam", "Maria", "Nils", "Olivia", "Peter", "Quinn", "Rosa", "Sven", "Tara", "Umar", "Vera", "Wei", "Xenia", "Yusuf", "Zoe", "Mette", "Søren", "Siobhán", "José"}
	lastNames        = []string{"Andersen", "Brown", "Clarke", "Dahl", "Evans", "Fernández", "Green", "Holm", "Ito", "Jensen", "Khan", "Lund", "Martin", "Nielsen", "O'Brien", "Poulsen", "Quist", "Rasmussen", "Smith", "Taylor", "Usman", "Vogel", "Wright", "Young", "Østergaard"}
)
