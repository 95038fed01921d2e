package match

import "testing"

// ---- c13: issue 15 round 12, the catalog's long tail (docs/MATCHING.md,
// "Round 12 classes (c13: catalog long tail)"). Held-out 27-30 missed about
// twenty apps no entry held; each came from a niche or vertical the catalog
// under-covers, so the entries come by niche, not by country. Invoice lines
// as the vendors bill them (the vendor as the ERP holds it, then a line of
// its invoice, in the vendor's language), written before the entries and
// seen failing without them; none is a held-out line.

// The read sets' missing apps, billed in lines and languages of their own:
// a print API, a Slack add-on, a mileage tracker, a promotions API, cloud
// printing, a brewery menu tool, a floor planner, flight data, restaurant
// booking, a board portal, Nordic customer service, coffee roasting, cookie
// consent, a CRM whose products are Sugar Sell, Serve and Market, a Chinese
// survey tool and a Mac notes app.
func TestRound12LongTailReadSetApps(t *testing.T) {
	runAppLines(t, []appLine{
		{"PrintNode Ltd", "PrintNode Integrator plan, 200 computers - monthly", "PrintNode"},
		{"Donut.ai Inc", "Donut Standard - intros and celebrations, 45 members, monthly", "Donut"},
		{"MileIQ, Inc.", "MileIQ Unlimited annual plan - 3 users", "MileIQ"},
		{"Voucherify", "Voucherify Professional - 500k API calls, monthly", "Voucherify"},
		{"ThinPrint Cloud Services, Inc.", "ezeep Blue Pro - annual subscription", "ezeep"},
		{"ThinPrint GmbH", "ezeep Blue Abonnement, jährlich", "ezeep"},
		{"Next Glass, Inc.", "Untappd for Business Essentials - 2 locations, monthly", "Untappd for Business"},
		{"Floorplanner B.V.", "Floorplanner Business abonnement - 3 gebruikers, jaarlijks", "Floorplanner"},
		{"Flightradar24 AB", "Flightradar24 Gold - årsabonnemang", "Flightradar24"},
		{"resOS ApS", "resOS Premium - 2 restauranter, månedligt abonnement", "resOS"},
		{"Orgbrain AS", "Orgbrain Premium - 3 selskaper, månedlig", "Orgbrain"},
		{"Kundo AB", "Kundo Forum och Knowledge - årslicens", "Kundo"},
		{"Cropster GmbH", "Cropster Cafe subscription - 2 locations, monthly", "Cropster"},
		{"Cookie Information A/S", "Cookie Information Enterprise - 10 domains, annual", "Cookie Information"},
		{"SugarCRM Inc.", "Sugar Serve - 20 users, annual subscription", "SugarCRM"},
		{"SugarCRM Deutschland GmbH", "Sugar Market Advanced - Jahreslizenz", "SugarCRM"},
		{"长沙冉星信息科技有限公司", "问卷星 企业版 续费 一年", "问卷星"},
		{"Shiny Frog Ltd", "Bear Pro - annual, 6 users", "Bear"},
		{"Trycourier Inc", "Courier Growth plan - 100k notifications, monthly", "Courier"},
		{"Courier.com", "Courier Growth - 500k notifications/month", "Courier"},
		{"Nibo Software Ltda", "Nibo - plano escritório contábil Premium, 30 empresas", "Nibo"},
	})
}

// Developer APIs a product team buys by the call or the plan: in-app
// notifications and chat, promotions, loyalty and referrals, print
// management, PDF and screenshot rendering, maps, geocoding, addresses and
// IP lookup, site search, feature flags and experiments, e-mail and SMS
// delivery and e-mail verification.
func TestRound12LongTailDeveloperAPIs(t *testing.T) {
	runAppLines(t, []appLine{
		{"MagicBell Inc", "MagicBell Team plan - in-app notifications, monthly", "MagicBell"},
		{"CometChat Inc", "CometChat Pro - 5,000 MAU, annual", "CometChat"},
		{"Talon.One GmbH", "Talon.One Enterprise - Jahreslizenz Promotion Engine", "Talon.One"},
		{"Extole Inc", "Extole referral platform - annual subscription", "Extole"},
		{"Y Soft Corporation, a.s.", "YSoft SAFEQ Cloud - roční předplatné, 40 tiskáren", "YSoft SAFEQ"},
		{"MyQ spol. s r.o.", "MyQ X Cloud licence - 12 měsíců", "MyQ X"},
		{"Vasion Inc", "PrinterLogic SaaS - 250 users, annual", "Vasion Print"},
		{"Expected Behavior LLC", "DocRaptor Professional - 5,000 documents/month", "DocRaptor"},
		{"Lunaweb GmbH", "CloudConvert Paket 10.000 Konvertierungsminuten", "CloudConvert"},
		{"Aspose Pty Ltd", "Aspose.Words for .NET Developer Small Business licence", "Aspose"},
		{"PSPDFKit GmbH", "Nutrient Web SDK - annual licence renewal", "Nutrient"},
		{"Zamzar Ltd", "Zamzar API Growth plan - monthly", "Zamzar"},
		{"Geoapify GmbH", "Geoapify API Plus - monatlich", "Geoapify"},
		{"MapTiler AG", "MapTiler Cloud Unlimited - annual plan", "MapTiler"},
		{"OpenCage GmbH", "OpenCage geocoding API - Medium plan, monthly", "OpenCage"},
		{"what3words Ltd", "what3words API Business plan - annual", "what3words"},
		{"IPinfo Inc", "IPinfo Business plan - 250k requests/month", "IPinfo"},
		{"MaxMind, Inc.", "GeoIP2 City Insights - 50,000 queries", "MaxMind"},
		{"Ideal Postcodes Ltd", "Ideal Postcodes - 10,000 lookups top-up", "Ideal Postcodes"},
		{"Cludo A/S", "Cludo Site Search - årligt abonnement", "Cludo"},
		{"FINDOLOGIC GmbH", "Findologic Suche - monatliche Lizenzgebühr", "Findologic"},
		{"Hello Retail ApS", "Hello Retail søgning og anbefalinger - månedligt", "Hello Retail"},
		{"Lucidworks Inc", "Lucidworks Fusion - annual subscription", "Lucidworks"},
		{"Taplytics Inc", "DevCycle Business plan - feature flags, monthly", "DevCycle"},
		{"Omniconvert SRL", "Omniconvert Explore - abonament lunar", "Omniconvert"},
		{"Dynamic Yield Ltd", "Dynamic Yield Experience OS - annual licence", "Dynamic Yield"},
		{"SocketLabs Inc", "SocketLabs Email Delivery - Tier 2, monthly", "SocketLabs"},
		{"Telesign Corporation", "Telesign SMS Verify - usage, March", "Telesign"},
		{"Kickbox Inc", "Kickbox e-mail verification credits - 100,000", "Kickbox"},
		{"Octopush SAS", "Octopush - pack 10 000 SMS premium", "Octopush"},
	})
}

// Names that are words of another trade (a courier, a bear, a doughnut, a
// breezeway) stay the word on the lines of businesses of that trade.
func TestRound12LongTailNamesThatAreWords(t *testing.T) {
	runNoApp(t, [][2]string{
		{"Speedy Courier Ltd", "Courier services - same-day delivery, March"},
		{"Courier", "Courier - 14 parcels to Leeds"},
		{"Teddy Bear Gifts Ltd", "Bear figurine for reception"},
		{"Krispy Kreme UK Ltd", "Glazed donuts, 4 dozen - team meeting"},
		{"Donut Shop", "Donuts - 4 dozen, office party"},
		{"Breezeway Builders LLC", "Covered breezeway framing and roof, phase 2"},
		{"Nibo Transportes Ltda", "Frete de mercadorias - 3 volumes"},
		{"Cookie Jar Bakery", "Cookies for the client workshop"},
	})
}

// The developer APIs' names that are words or read as words in a line
// ("SMS to Germany", a kickboxing class, a debounce in code, the Italian
// "unione") are not the API on other vendors' lines.
func TestRound12DeveloperAPINamesThatAreWords(t *testing.T) {
	runNoApp(t, [][2]string{
		{"Fightclub Gym Ltd", "Kickbox class pack - 10 sessions"},
		{"Unione Industriali Torino", "Quota associativa 2026"},
		{"Acme Telecom GmbH", "Outbound SMS to Germany - 1,200 messages"},
	})
}

// Slack and Teams add-ons and the Mac and iOS apps teams buy seats of:
// stand-ups, polls, recognition, leave, trivia, virtual offices; The Omni
// Group's apps, writing, calendar, mail, automation, note and PDF apps.
func TestRound12LongTailAddOnsAndMacApps(t *testing.T) {
	runAppLines(t, []appLine{
		{"Geekbot", "Geekbot Standard - 25 participants, monthly", "Geekbot"},
		{"Standuply", "Standuply Pro plan - 40 users, annual", "Standuply"},
		{"Troopr Labs", "Troopr Assist - 30 seats, monthly", "Troopr"},
		{"HeyTaco", "HeyTaco! Pro - 80 users, annual", "HeyTaco"},
		{"Kudoboard", "Kudoboard Business plan - annual", "Kudoboard"},
		{"AttendanceBot", "AttendanceBot Plus - 55 users, monthly", "AttendanceBot"},
		{"Teamflect", "Teamflect Premium for Microsoft Teams - 120 users, annual", "Teamflect"},
		{"Water Cooler Trivia", "Water Cooler Trivia - Teams plan, quarterly", "Water Cooler Trivia"},
		{"Kumospace Inc", "Kumospace Business - 30 seats, monthly", "Kumospace"},
		{"The Omni Group", "OmniFocus 4 Pro - 10 licences, volume purchase", "OmniFocus"},
		{"Omni Development, Inc.", "OmniGraffle 7 Pro subscription, annual", "OmniGraffle"},
		{"The Omni Group", "OmniPlan 4 Pro - team subscription, 5 seats", "OmniPlan"},
		{"Bare Bones Software, Inc.", "BBEdit 15 upgrade - 6 licences", "BBEdit"},
		{"Stairways Software Pty Ltd", "Keyboard Maestro 11 - family pack of 5", "Keyboard Maestro"},
		{"DEVONtechnologies, LLC", "DEVONthink 3 Server - Lizenz für 8 Nutzer", "DEVONthink"},
		{"IdeasOnCanvas GmbH", "MindNode Plus - Jahresabo, 12 Nutzer", "MindNode"},
		{"Marketcircle Inc.", "Daylite subscription - 7 users, monthly", "Daylite"},
		{"Readdle Inc.", "PDF Expert Premium - 15 seats, annual", "PDF Expert"},
		{"BusyMac, Inc.", "BusyCal site licence - 20 Macs", "BusyCal"},
		{"Ergonis Software GmbH", "Typinator 9 - Volumenlizenz 10 Benutzer", "Typinator"},
		{"Bjango Pty Ltd", "iStat Menus 7 - 5 licences", "iStat Menus"},
		{"Objective Development Software GmbH", "Little Snitch 6 - multi-user licence, 10 Macs", "Little Snitch"},
		{"Rogue Amoeba Software, LLC", "Audio Hijack 4 - 3 licences", "Audio Hijack"},
		{"Agile Tortoise", "Drafts Pro - annual subscription, 4 users", "Drafts"},
	})
}

// Hospitality and property operations: restaurant booking and ordering,
// breweries and wineries, short-term rental operations, smart locks and
// noise monitors, maintenance and inspection of rentals.
func TestRound12LongTailHospitalityAndRentals(t *testing.T) {
	runAppLines(t, []appLine{
		{"DinePlan (Pty) Ltd", "DinePlan bookings - monthly subscription, 2 venues", "DinePlan"},
		{"Tableo Pty Ltd", "Tableo Pro - monthly, 1 venue", "Tableo"},
		{"Mozrest SL", "Mozrest channel manager - cuota mensual, 3 restaurantes", "Mozrest"},
		{"Gastronaut GmbH", "Gastronaut Reservierungssystem - Monatsabo", "Gastronaut"},
		{"株式会社テーブルソリューション", "TableSolution 予約台帳 月額利用料", "TableSolution"},
		{"Menufy LLC", "Menufy online ordering - monthly plan", "Menufy"},
		{"Arryved Inc", "Arryved POS subscription - 4 terminals, monthly", "Arryved"},
		{"Orion Wine Software", "Orion Wine Software - annual licence", "Orion Wine Software"},
		{"Minut AB", "Minut Pro - 25 homes, månadsabonnemang", "Minut"},
		{"Truvi", "Truvi guest screening - 40 properties, monthly", "Truvi"},
		{"RemoteLock", "RemoteLock Enterprise - 150 locks, annual subscription", "RemoteLock"},
		{"Touch Stay Ltd", "Touch Stay digital guidebooks - 12 properties, annual", "Touch Stay"},
		{"Rental Ninja SL", "Rental Ninja - suscripción mensual, 30 alojamientos", "Rental Ninja"},
		{"Hosthub", "Hosthub channel manager - 8 listings, μηνιαία συνδρομή", "Hosthub"},
		{"Latchel Inc", "Latchel maintenance - 220 units, monthly", "Latchel"},
		{"Property Meld", "Property Meld Pro - 400 units, monthly subscription", "Property Meld"},
		{"zInspector", "zInspector Pro - 3 inspectors, annual", "zInspector"},
	})
}

// Governance, consent and surveys: board portals of the Nordics, DACH,
// France and the English-speaking world; cookie banners and privacy
// platforms; survey and form tools of China, Japan, Korea, Brazil, the
// Nordics, Benelux and DACH.
func TestRound12LongTailGovernanceConsentSurveys(t *testing.T) {
	runAppLines(t, []appLine{
		{"Passageways, Inc.", "OnBoard board portal - 15 directors, annual", "OnBoard"},
		{"Boardclic AB", "Boardclic styrelseportal - årsavgift", "Boardclic"},
		{"Brainloop AG", "Brainloop Secure Boardroom - Jahreslizenz 20 Nutzer", "Brainloop"},
		{"DiliTrust SAS", "DiliTrust Governance - abonnement annuel, 30 utilisateurs", "DiliTrust"},
		{"Loomion AG", "Loomion Board Portal - Jahresabonnement", "Loomion"},
		{"Praxonomy", "Praxonomy board portal - annual plan, 12 users", "Praxonomy"},
		{"CookieFirst", "CookieFirst Business - 3 domains, annual", "CookieFirst"},
		{"CookieHub ehf.", "CookieHub Pro - 5 domains, monthly", "CookieHub"},
		{"Borlabs GmbH", "Borlabs Cookie - Lizenz für 5 Websites, 1 Jahr", "Borlabs Cookie"},
		{"Termageddon LLC", "Termageddon agency plan - monthly", "Termageddon"},
		{"Secure Privacy ApS", "Secure Privacy Pro - 10 domæner, årligt", "Secure Privacy"},
		{"上海众言网络科技有限公司", "问卷网 企业版 年费", "问卷网"},
		{"株式会社マクロミル", "Questant ビジネスプラン 年額", "Questant"},
		{"주식회사 오픈서베이", "오픈서베이 설문 플랜 연간 이용료", "Opensurvey"},
		{"Survio s.r.o.", "Survio Plus - roční předplatné", "Survio"},
		{"Opinion Box Tecnologia Ltda", "Opinion Box - plano anual de pesquisas", "Opinion Box"},
		{"Webropol Oy", "Webropol kyselytyökalu - vuosilisenssi, 5 käyttäjää", "Webropol"},
		{"Enalyzer A/S", "Enalyzer Professional - årligt abonnement", "Enalyzer"},
		{"CheckMarket NV", "CheckMarket survey platform - jaarlicentie", "CheckMarket"},
		{"Formbricks GmbH", "Formbricks Startup - monthly", "Formbricks"},
		{"Heyflow GmbH", "Heyflow Pro - Monatsabo", "Heyflow"},
		{"Retently", "Retently Growth plan - monthly", "Retently"},
		{"Lumiform GmbH", "Lumiform Professional - 20 Nutzer, jährlich", "Lumiform"},
		{"GoAudits", "GoAudits - 10 users, annual subscription", "GoAudits"},
	})
}

// Their names that are words of another trade are not the app on the lines
// of a business of that trade (a draft beer, an onboarding, a kaleidoscope
// shop, a convention).
func TestRound12LongTailMoreNamesThatAreWords(t *testing.T) {
	runNoApp(t, [][2]string{
		{"The Crown Inn", "Drafts and snacks - team evening"},
		{"Northwind Staffing Ltd", "Onboard new starters - 3 days"},
		{"Kaleidoscope Toys Ltd", "Kaleidoscope gift set x 12"},
		{"City Hall Events", "Convene the annual general meeting - room hire"},
	})
}
