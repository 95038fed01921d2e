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

// Trade tools of the field and the regions' service desks: Nordic and
// Benelux customer service and chat, mileage and fleet trackers, property
// and vehicle inspection, floor plans, virtual tours and real-estate media,
// flight and vessel data, flight operations and maintenance, farm software.
func TestRound12LongTailFieldAndData(t *testing.T) {
	runAppLines(t, []appLine{
		{"Giosg.com Oy", "Giosg Interaction Builder - vuosilisenssi", "Giosg"},
		{"Leadoo Marketing Technologies Oy", "Leadoo conversion platform - kuukausimaksu", "Leadoo"},
		{"Ebbot AB", "Ebbot chatbot - månadsavgift, 3 kanaler", "Ebbot"},
		{"Zisson AS", "Zisson kundesenter - 12 agenter, månedlig", "Zisson"},
		{"Miralix A/S", "Miralix Contact Center - abonnement, 8 agenter", "Miralix"},
		{"OBI4wan B.V.", "OBI4wan webcare platform - maandabonnement", "OBI4wan"},
		{"Coosto B.V.", "Coosto social media management - jaarlicentie", "Coosto"},
		{"Easit AB", "Easit GO ärendehantering - årslicens 15 handläggare", "Easit"},
		{"Hornbill Service Management Ltd", "Hornbill Service Manager - 25 analysts, annual", "Hornbill"},
		{"Everlance Inc", "Everlance Business - 14 drivers, monthly", "Everlance"},
		{"Psngr B.V.", "Psngr kilometerregistratie - 9 gebruikers, maand", "Psngr"},
		{"Record360", "Record360 vehicle inspection - 6 users, monthly", "Record360"},
		{"ClockShark", "ClockShark Pro - 22 employees, monthly", "ClockShark"},
		{"Sensopia Inc", "magicplan Business - 4 users, annual", "magicplan"},
		{"RoomSketcher AS", "RoomSketcher Pro - årsabonnement", "RoomSketcher"},
		{"Planitar Inc", "iGuide PLANIX subscription - monthly", "iGuide"},
		{"Ogulo GmbH", "Ogulo 360° Rundgänge - Monatsabo, 10 Objekte", "Ogulo"},
		{"Nodalview SA", "Nodalview Premium - abonnement mensuel, 3 agents", "Nodalview"},
		{"Aryeo Inc", "Aryeo Pro - media delivery, monthly", "Aryeo"},
		{"FlightAware LLC", "FlightAware Firehose - monthly data feed", "FlightAware"},
		{"MarineTraffic", "MarineTraffic Professional plan - annual", "MarineTraffic"},
		{"Navigraph AB", "Navigraph Ultimate - årsprenumeration", "Navigraph"},
		{"ForeFlight LLC", "ForeFlight Performance Plus - 8 pilots, annual", "ForeFlight"},
		{"Avinode AB", "Avinode Marketplace subscription - annual", "Avinode"},
		{"Kpler", "Kpler terminal access - 3 seats, annual subscription", "Kpler"},
		{"NAVTOR AS", "NavStation - 4 fartøy, årlig abonnement", "NAVTOR"},
		{"Veson Nautical", "Veson IMOS Platform - annual subscription", "Veson Nautical"},
		{"Pessl Instruments GmbH", "FieldClimate Pro - Jahresabo, 12 Stationen", "FieldClimate"},
		{"OneSoil", "OneSoil Pro - 800 ha, annual subscription", "OneSoil"},
	})
}

// Practices and communities: veterinary and dental practice tools,
// funeral homes and cemeteries, churches and fundraising, schools and
// tutoring, sports clubs.
func TestRound12LongTailPracticesAndCommunities(t *testing.T) {
	runAppLines(t, []appLine{
		{"Hippo Manager Software, Inc.", "Hippo Manager - 3 veterinarians, monthly subscription", "Hippo Manager"},
		{"Talkatoo Inc", "Talkatoo dictation - 5 vets, annual", "Talkatoo"},
		{"Airvet", "Airvet for Clinics - monthly plan", "Airvet"},
		{"Practice-Web Inc", "Practice-Web dental software - monthly support and licence", "Practice-Web"},
		{"OrthoFi", "OrthoFi patient financing platform - monthly fee", "OrthoFi"},
		{"WeClever Dental", "WeClever - abonnement mensuel cabinet dentaire", "WeClever"},
		{"Denteo AG", "Denteo Praxissoftware - Monatsabo, 4 Behandler", "Denteo"},
		{"Parting Pro", "Parting Pro funeral home software - annual", "Parting Pro"},
		{"CemSites", "CemSites cemetery management - annual subscription", "CemSites"},
		{"Renewed Vision LLC", "ProPresenter - 3 seat licence, annual", "ProPresenter"},
		{"Givecloud", "Givecloud Pro - monthly plan", "Givecloud"},
		{"DonorSearch", "DonorSearch Enhanced CORE - annual subscription", "DonorSearch"},
		{"CauseVox", "CauseVox Pro - annual plan", "CauseVox"},
		{"Kognity AB", "Kognity school licence - 2026-2027, 120 students", "Kognity"},
		{"Showbie Inc", "Showbie Pro - school licence, annual", "Showbie"},
		{"GCSEPod Ltd", "GCSEPod annual subscription - whole school", "GCSEPod"},
		{"Teamer", "Teamer Premium - club subscription, annual", "Teamer"},
		{"Foys B.V.", "Foys clubadministratie - jaarabonnement", "Foys"},
		{"Hudl", "Hudl Assist - varsity team, annual", "Hudl"},
	})
}

// Events, law, language, print and labs: ticketing of Japan, Korea, South
// Africa, Switzerland and France, online notarisation, document assembly and
// legal research, translation management and interpreting, print MIS and
// web-to-print, lab notebooks, LIMS, qualitative analysis, reference
// managers and clinical trials.
func TestRound12LongTailEventsLegalLanguagePrintLabs(t *testing.T) {
	runAppLines(t, []appLine{
		{"株式会社ライブポケット", "LivePocket チケット販売手数料 6月分", "LivePocket"},
		{"온오프믹스", "온오프믹스 유료 이벤트 수수료 11월", "Onoffmix"},
		{"Quicket (Pty) Ltd", "Quicket ticketing fees - May 2026", "Quicket"},
		{"Petzi", "PETZI Ticketing - commissions de billetterie, avril", "PETZI"},
		{"zkipster", "zkipster Professional - annual subscription", "zkipster"},
		{"ThunderTix", "ThunderTix ticketing - monthly plan", "ThunderTix"},
		{"SIGNiX Inc", "SIGNiX remote online notarization - 200 transactions", "SIGNiX"},
		{"Snapdocs Inc", "Snapdocs Connect - annual subscription", "Snapdocs"},
		{"HotDocs Ltd", "HotDocs Advance - 10 users, annual licence", "HotDocs"},
		{"UniCourt", "UniCourt Enterprise API - monthly", "UniCourt"},
		{"Smartcat Platform Inc", "Smartcat Unite - annual plan, 12 seats", "Smartcat"},
		{"Lingotek Inc", "Lingotek TMS - annual subscription", "Lingotek"},
		{"Interprefy AG", "Interprefy remote simultaneous interpretation platform - licence", "Interprefy"},
		{"OnTheGoSystems Limited", "WPML Multilingual CMS - annual renewal", "WPML"},
		{"Tolgee s.r.o.", "Tolgee Cloud Pro - měsíční předplatné", "Tolgee"},
		{"printIQ", "printIQ MIS - monthly subscription, 10 users", "printIQ"},
		{"Tharstern Ltd", "Tharstern MIS - annual software maintenance", "Tharstern"},
		{"DecoNetwork", "DecoNetwork Business - monthly", "DecoNetwork"},
		{"Zakeke", "Zakeke product customizer - Pro plan, monthly", "Zakeke"},
		{"PrintVis A/S", "PrintVis til Business Central - årligt abonnement, 15 brugere", "PrintVis"},
		{"LabArchives, LLC", "LabArchives ELN Enterprise - annual, 40 users", "LabArchives"},
		{"BioData Ltd", "Labguru ELN - 12 seats, annual subscription", "Labguru"},
		{"VERBI GmbH", "MAXQDA Analytics Pro - Jahreslizenz, 5 Nutzer", "MAXQDA"},
		{"ATLAS.ti Scientific Software Development GmbH", "ATLAS.ti Windows & Mac - team licence, annual", "ATLAS.ti"},
		{"Veritas Health Innovation Ltd", "Covidence - institutional licence, annual", "Covidence"},
		{"Castor EDC", "Castor EDC study licence - annual", "Castor EDC"},
		{"Viedoc Technologies AB", "Viedoc EDC - studielicens, årlig", "Viedoc"},
	})
}

// And the words among their names stay words on other trades' lines (a
// hippo toy, a quick ticket, a tournament, a private car park, a delivery
// attempt, a person).
func TestRound12LongTailTradeNamesThatAreWords(t *testing.T) {
	runNoApp(t, [][2]string{
		{"Toy Kingdom Ltd", "Plush hippo x 3 - reception"},
		{"Metro Taxis", "Quick ticket - airport transfer"},
		{"Riverside Bowling Club", "Teamer tournament - entry fee"},
		{"Parking Central SL", "Estacionamiento privado - marzo"},
		{"SecureHome Alarms Ltd", "Audible alarm bell replacement - unit 4"},
		{"Imprimerie Dupont", "Cartes de visite à envoyer - 500 ex."},
		{"Transportes Rápidos SA", "Segundo intento de entrega - 3 paquetes"},
		{"Northwind Ltd", "Expenses - Rayyan Khan, March"},
	})
}

// WordPress plugins and themes a company's site runs on, and the fonts,
// icons, stock media and music its designers license.
func TestRound12LongTailPluginsFontsStock(t *testing.T) {
	runAppLines(t, []appLine{
		{"WP Engine", "ACF PRO - Agency licence renewal", "Advanced Custom Fields"},
		{"Rank Math", "Rank Math PRO - Business plan, yearly", "Rank Math"},
		{"Elegant Themes Inc", "Divi Lifetime Access - team licence", "Divi"},
		{"Caseproof LLC", "MemberPress Pro - annual renewal", "MemberPress"},
		{"Soflyy", "WP All Import Pro - lifetime licence", "WP All Import"},
		{"ShortPixel", "ShortPixel Unlimited - monthly", "ShortPixel"},
		{"Awesome Motive, Inc.", "MonsterInsights Plus - 1 site, annual", "MonsterInsights"},
		{"Uncanny Owl Inc", "Uncanny Automator Pro - Elite, annual", "Uncanny Automator"},
		{"Snap Creek LLC", "Duplicator Pro - Business licence, 1 year", "Duplicator"},
		{"GravityWiz", "Gravity Perks - Pro licence renewal", "Gravity Perks"},
		{"Fonticons, Inc.", "Font Awesome Pro - team of 5, annual", "Font Awesome"},
		{"Icons8 LLC", "Icons8 All Icons - monthly subscription", "Icons8"},
		{"Stocksy United", "Stocksy subscription - 10 downloads a month, annual", "Stocksy"},
		{"Dreamstime.com LLC", "Dreamstime subscription - 30 images/month", "Dreamstime"},
		{"Musicvine Ltd", "Musicvine Business - annual licence", "Musicvine"},
		{"Grilli Type AG", "GT America Web Font licence - Grilli Type", "Grilli Type"},
		{"FontLab Ltd", "FontLab 8 - upgrade, 2 seats", "FontLab"},
	})
}

// The web team's server panels, deploy tools and uptime monitors, and the
// VPNs, antivirus and reading subscriptions staff expense.
func TestRound12LongTailPanelsMonitorsVPNs(t *testing.T) {
	runAppLines(t, []appLine{
		{"cPanel, L.L.C.", "cPanel Premier - 100 accounts, monthly licence", "cPanel"},
		{"WebPros International GmbH", "Plesk Web Pro Edition - monthly licence", "Plesk"},
		{"Laravel Holdings Inc", "Forge Business plan - annual", "Laravel Forge"},
		{"RunCloud Sdn Bhd", "RunCloud Business - monthly subscription", "RunCloud"},
		{"Ploi", "Ploi Pro - monthly, 10 servers", "Ploi"},
		{"GridPane Inc", "GridPane Developer plan - monthly", "GridPane"},
		{"JXT Group", "DirectAdmin Personal Plus licence - annual", "DirectAdmin"},
		{"Oh Dear", "Oh Dear Pro - 50 sites, monthly", "Oh Dear"},
		{"Uptrends B.V.", "Uptrends Business - jaarabonnement", "Uptrends"},
		{"Tideways GmbH", "Tideways Pro - 3 Server, monatlich", "Tideways"},
		{"Express Technologies Ltd", "ExpressVPN Business - 12 months, 10 users", "ExpressVPN"},
		{"Mullvad VPN AB", "Mullvad VPN - 12 månader", "Mullvad"},
		{"McAfee, LLC", "McAfee Total Protection - 5 devices, annual", "McAfee"},
		{"Intego Inc", "Intego Mac Premium Bundle X9 - 10 Macs, annual", "Intego"},
		{"Perlego Ltd", "Perlego for business - 12 seats, annual", "Perlego"},
		{"Audible, Inc.", "Audible Premium Plus - annual membership", "Audible"},
	})
}
