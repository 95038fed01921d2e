package match

import "testing"

// ---- c11: issue 15 round 10, the catalog's classes among the misses of
// held-out 19 to 22 (docs/MATCHING.md, "Held-out 19 to 22"): the long tail
// the catalog lacked, former and legal names of catalogued apps, and
// native-script names. Invoice lines as the vendors bill them (the vendor
// as the ERP holds it, then a line of its invoice, in the vendor's
// language), written before the entries and seen failing without them; each
// names the entry it expects. None is a held-out line.

// The long tail: regional and vertical tools the catalog lacked, or held
// under a legal name the invoice does not print.
func TestRound10LongTailBlindMisses(t *testing.T) {
	runAppLines(t, []appLine{
		{"Fluida S.r.l.", "Abbonamento Fluida HR Suite - 45 utenti, maggio 2026", "Fluida"},
		{"xFarm Technologies S.r.l.", "xFarm Pro - abbonamento annuale aziende agricole, 80 ha", "xFarm"},
		{"xFarm Technologies SA", "xFarm Pro Jahresabo - 3 Betriebe", "xFarm"},
		{"WebHotelier S.A.", "WebHotelier channel manager and booking engine - monthly, 32 rooms", "WebHotelier"},
		{"eKool AS", "eKool kooliportaali litsentsitasu 2026/27, 420 õpilast", "eKool"},
		{"AJS Software (Pty) Ltd", "AJS legal accounting - monthly licence, 6 users", "AJS"},
		{"杭州迪火科技有限公司", "二维火收银系统 软件年费 门店3家", "二维火"},
		{"Persona Identities Inc", "Persona Startup plan - 1,500 verifications, monthly", "Persona"},
		{"360dialog GmbH", "WhatsApp Business API hosting fee - 3 numbers, monthly", "360dialog"},
		{"Optmyzr Inc", "Optmyzr Essentials - 4 ad accounts, annual", "Optmyzr"},
		{"APPLE.COM/BILL", "Pixelmator Pro for Mac", "Pixelmator Pro"},
		{"Pixelmator Team", "Pixelmator Pro - volume purchase, 8 licences", "Pixelmator Pro"},
		{"Clinic Cloud S.L.", "Clinic Cloud Plan Básico - clínica dental, marzo 2026", "Clinic Cloud"},
		{"شركة مرن لتقنية المعلومات", "اشتراك Marn نقاط البيع السنوي - فرعين", "Marn POS"},
		{"شركة قيود لتقنية نظم المعلومات", "اشتراك برنامج قيود المحاسبي - سنة واحدة", "Qoyod"},
		{"רווחית בע\"מ", "מנוי רווחית לעסקים - 3 משתמשים, אפריל 2026", "Rivhit"},
	})
}

// Former and legal names: the company a product's invoices still name
// (Shopify's Jaded Pixel, Things' Cultured Code, Hiver's Grexit, Kissflow's
// OrangeScape, Later's Latergramme), billing a line that names no product.
func TestRound10FormerAndLegalNames(t *testing.T) {
	runAppLines(t, []appLine{
		{"Jaded Pixel Technologies Inc.", "Shopify Advanced plan - monthly store subscription", "Shopify"},
		{"Jaded Pixel Inc", "Store subscription, Grow plan, annual", "Shopify"},
		{"Cultured Code GmbH & Co. KG", "Things 3 volume licence, 12 Macs", "Things"},
		{"Grexit Inc", "Lite plan, 12 users, annual subscription", "Hiver"},
		{"OrangeScape Inc", "Process plan, 40 users, monthly", "Kissflow"},
		{"Latergramme Media Inc", "Scale plan, monthly subscription", "Later"},
	})
}

// Native-script names of catalogued apps: the name a Chinese, Hebrew or
// Arabic invoice prints for a catalogued app, on a line of a reseller or
// card that names no other vendor.
func TestRound10NativeScriptNames(t *testing.T) {
	runAppLines(t, []appLine{
		{"上海云帆信息技术有限公司", "有赞零售 连锁版 年费 代付", "Youzan"},
		{"深圳市云帆信息技术有限公司", "销售易 CRM 专业版 20用户 年费 代理采购", "Xiaoshouyi"},
		{"(주)한빛솔루션", "네이버웍스 베이직 30명 월 이용료", "NAVER WORKS"},
		{"(주)한빛솔루션", "두레이 협업 서비스 이용료 - 25명, 11월", "Dooray"},
		{"株式会社サンプル商事", "ミソカ 請求書作成 年間プラン", "Misoca"},
		{"株式会社サンプル商事", "ビルワン 請求書受領 月額利用料", "Bill One"},
		{"株式会社サンプル商事", "ハーモス勤怠 月額 50名", "HRMOS"},
		{"Софтуер Трейд ЕООД", "Микроинвест Склад Pro - годишен абонамент", "Microinvest"},
	})
}

// The bare short Chinese brands stay out of the catalog's phrases: Chinese
// is searched inside words, and 有赞 is in 有赞助 ("sponsored"), 销售易 in
// 销售易耗品 ("sells consumables"); their compound product names and legal
// names carry them instead.
func TestRound10ShortChineseBrandsInsideWords(t *testing.T) {
	runNoApp(t, [][2]string{
		{"北京会展服务有限公司", "年会活动 有赞助商展位 搭建费"},
		{"上海文具贸易有限公司", "销售易耗品 办公用品一批"},
	})
}

// Product grain: a product its maker sells on its own, named on the
// maker's, a reseller's or a marketplace's line, is that product, not the
// maker's app that folded it (match/testdata/LABELLING.md, Grain): Exchange
// Online and Defender for Endpoint apart from Microsoft 365 and Defender,
// Autodesk Build from Autodesk Construction Cloud, Splunk Cloud Platform
// from Splunk, Lucidchart and FigJam from Lucid and Figma, Snagit from
// Camtasia, Le Chat from Mistral's API, and the products of Sophos,
// Avalara, Backblaze, Barracuda, SonarSource, monday.com, ACCA, Serif and
// La Boite Immo.
func TestRound10ProductGrain(t *testing.T) {
	runAppLines(t, []appLine{
		{"Microsoft Ireland Operations Limited", "Exchange Online (Plan 2) - 40 mailboxes, annual", "Exchange Online"},
		{"SoftwareONE Deutschland GmbH", "Exchange Online Kiosk, 120 Benutzer, monatlich", "Exchange Online"},
		{"Crayon AS", "Microsoft Defender for Endpoint P2 - 300 brukere, årlig", "Microsoft Defender for Endpoint"},
		{"Microsoft Ireland Operations Limited", "Defender for Office 365 (Plan 1), 80 users", "Microsoft Defender for Office 365"},
		{"Microsoft Corporation", "Microsoft Defender for Business, 45 users, monthly", "Microsoft Defender for Business"},
		{"Autodesk Ireland Operations Unlimited Company", "Autodesk Build - 15 users, annual subscription", "Autodesk Build"},
		{"Splunk Services UK Ltd", "Splunk Cloud Platform - 100 GB/day ingest, annual", "Splunk Cloud Platform"},
		{"Amazon Web Services EMEA SARL", "AWS Marketplace: Splunk Cloud Platform, 12-month contract", "Splunk Cloud Platform"},
		{"Splunk Inc.", "Splunk Enterprise term licence, 20 GB/day", "Splunk"},
		{"Lucid Software Inc", "Lucidchart Enterprise - 40 users, annual", "Lucidchart"},
		{"Lucid Software Inc", "Lucidspark Team - 12 users", "Lucidspark"},
		{"Figma, Inc.", "FigJam Organization - 35 members, annual", "FigJam"},
		{"Figma, Inc.", "Figma Professional - 4 full seats", "Figma"},
		{"TechSmith Corporation", "Snagit 2026 - 25 licences with maintenance", "Snagit"},
		{"FS *TECHSMITH", "Camtasia 2026 individual licence", "Camtasia"},
		{"Mistral AI SAS", "Le Chat Pro - abonnement mensuel, 3 utilisateurs", "Le Chat"},
		{"Mistral AI SAS", "La Plateforme - consommation API, mai 2026", "Mistral AI"},
		{"Sophos Limited", "Intercept X Advanced with XDR - 150 users, 12 months", "Sophos Intercept X"},
		{"Sophos Technology GmbH", "Sophos Firewall XGS 2100 Xstream Protection, 1 Jahr", "Sophos"},
		{"Avalara Europe Ltd", "AvaTax transaction bundle - 25,000 transactions", "Avalara AvaTax"},
		{"Avalara Inc.", "Avalara Returns - 8 states, monthly filing", "Avalara"},
		{"Backblaze, Inc.", "B2 Cloud Storage - 9.6 TB-month, April 2026", "Backblaze B2"},
		{"Backblaze, Inc.", "Backblaze Business Backup - 30 computers, yearly", "Backblaze"},
		{"Microsoft Corporation", "Azure Marketplace: Barracuda CloudGen Firewall for Azure, BYOL", "Barracuda CloudGen Firewall"},
		{"SonarSource SA", "SonarQube Server Enterprise Edition - 5M LOC, annual", "SonarQube Server"},
		{"monday.com Ltd.", "monday CRM Pro - 12 seats, annual", "monday CRM"},
		{"monday.com Ltd.", "monday dev Standard - 20 seats, monthly", "monday dev"},
		{"ACCA software S.p.A.", "PriMus Platinum - canone annuale 2026", "PriMus"},
		{"ACCA software S.p.A.", "Edilus BIM - abbonamento annuale", "Edilus"},
		{"Serif (Europe) Ltd", "Affinity Photo 2 for Windows - 10 business licences", "Affinity Photo"},
		{"Serif (Europe) Ltd", "Affinity Publisher 2 - volume licence, 5 seats", "Affinity Publisher"},
		{"La Boite Immo SAS", "Abonnement Hektor - agence de Bordeaux, mai 2026", "Hektor"},
		{"GOOGLE *CLOUD 3KD91X", "Dynamic Maps: 52,000 loads; Places Details: 4,100 requests", "Google Maps Platform"},
	})
}

// The admin's names of products the catalog holds under another name: the
// product's new or full name is an alias of the entry, so an invoice line or
// a label naming it finds the entry (SonarQube Cloud, SonarCloud's name
// since 2024; CrowdStrike Falcon, CrowdStrike's platform; Adobe Marketo
// Engage; Looker Studio, the free tier's name writers give the paid Pro;
// Float, float.com's own name; PEAK, PEAK Account's).
func TestRound10ProductNames(t *testing.T) {
	runAppLines(t, []appLine{
		{"SHI International Corp", "SonarQube Cloud Enterprise - 2M LOC, annual", "SonarCloud"},
		{"Softcat plc", "CrowdStrike Falcon Flex - 400 endpoints, 12 months", "CrowdStrike"},
		{"Insight Enterprises", "Adobe Marketo Engage - Prime, 25k contacts", "Marketo"},
		{"Google Ireland Limited", "Looker Studio - Pro subscription, 6 users", "Looker Studio Pro"},
		{"Float Schedule Ltd", "Float Pro plan - 30 people scheduled, monthly", "Float"},
		{"FLOAT.COM", "Float resource scheduling - annual plan", "Float"},
		{"Float Cash Flow Ltd", "Float cash flow forecasting - Premium, monthly", "Float Cash Flow"},
		{"PEAK Account Co Ltd", "PEAK Basic แพ็กเกจรายเดือน", "PEAK"},
	})
}

// Names the grain split made everyday words (Float, PEAK, Le Chat, PriMus,
// Things) still need more evidence than the word on a line.
func TestRound10GrainNamesThatAreWords(t *testing.T) {
	runNoApp(t, [][2]string{
		{"Croquettes Express SARL", "Croquettes pour le chat - 12 kg"},
		{"Primus Stoves Ltd", "Camping stove for the team offsite"},
		{"Peak District Tours", "Team hiking day - guide and minibus"},
		{"Float Tank Studio", "Wellbeing float sessions for staff"},
		{"Things Remembered", "Engraved gifts for staff - 20 items"},
	})
}

// More product grain, from a review of the multi-product makers the catalog
// holds: the products of Microsoft, Autodesk, Cisco, Oracle, SAP, Salesforce
// and Zoho's ManageEngine that are sold and listed on their own; a line
// naming none of them stays the maker's app or an unknown product of it.
func TestRound10MoreProductGrain(t *testing.T) {
	runAppLines(t, []appLine{
		{"Microsoft Ireland Operations Limited", "Microsoft Defender for Cloud - Defender for Servers Plan 2, 40 servers", "Microsoft Defender for Cloud"},
		{"Bechtle AG", "Microsoft Defender for Identity - 250 Benutzer, jährlich", "Microsoft Defender for Identity"},
		{"Microsoft Corporation", "Defender for Cloud Apps, 90 users, annual", "Microsoft Defender for Cloud Apps"},
		{"Microsoft Corporation", "Viva Engage Core - 300 users", "Viva Engage"},
		{"Autodesk, Inc.", "Autodesk Docs - 25 users, annual", "Autodesk Docs"},
		{"Autodesk Ireland Operations Unlimited Company", "Autodesk Takeoff, 3 subscriptions, 1 year", "Autodesk Takeoff"},
		{"Autodesk, Inc.", "BIM Collaborate Pro - 10 subscriptions", "BIM Collaborate Pro"},
		{"Cisco Systems International B.V.", "Webex Calling Professional - 35 users, annual", "Webex Calling"},
		{"Cisco Systems, Inc.", "Webex Contact Center Standard - 12 agents", "Webex Contact Center"},
		{"Cisco Systems, Inc.", "Webex Meetings Business - 20 hosts", "Webex"},
		{"Oracle America, Inc.", "MySQL Enterprise Edition subscription - 4 servers", "MySQL HeatWave"},
		{"SAP Deutschland SE & Co. KG", "SAP Commerce Cloud - Jahresgebühr 2026", "SAP Commerce Cloud"},
		{"SAP America, Inc.", "SAP Service Cloud - 40 users, annual subscription", "SAP Service Cloud"},
		{"salesforce.com EMEA Limited", "Salesforce Platform Starter - 25 users, annual", "Salesforce Platform"},
		{"salesforce.com EMEA Limited", "Sales Cloud Enterprise Edition - 30 users", "Salesforce Sales Cloud"},
		{"Zoho Corporation Pvt. Ltd.", "ManageEngine Endpoint Central Cloud - 300 endpoints, annual", "ManageEngine Endpoint Central"},
		{"Zoho Corp", "ServiceDesk Plus Cloud - Professional, 8 technicians", "ManageEngine ServiceDesk Plus"},
		{"ZOHO Corporation B.V.", "ADSelfService Plus - 500 domain users, annual", "ManageEngine ADSelfService Plus"},
		{"Zoho Corporation", "ManageEngine Log360 Cloud - annual", "ManageEngine Log360"},
	})
}

// The long tail by region, third batch: Spanish and Italian hospitality and
// clinics, Baltic, Czech, Hungarian and Romanian school platforms, Estonian
// expenses, Greek and Polish hotel tools, Australian and New Zealand
// construction, compliance, property, childcare, gyms and POS, Gulf clinics
// and ERP, Indian invoicing.
func TestRound10LongTailByRegion(t *testing.T) {
	runAppLines(t, []appLine{
		{"TPV Levante Distribuciones S.L.", "Cuota anual Ágora TPV - 3 terminales", "Agora POS"},
		{"Mapal Software S.L.", "MAPAL OS - suscripción mensual, 4 locales", "MAPAL OS"},
		{"Gstock Software S.L.", "Suscripción Gstock gestión de compras - 2 restaurantes", "Gstock"},
		{"iDoctors S.r.l.", "Abbonamento iDoctors Premium - studio medico, annuale", "iDoctors"},
		{"Orisline S.r.l.", "Canone OrisLine software odontoiatrico 2026", "OrisLine"},
		{"Eliis OÜ", "Stuudium kooli litsents 2026/27", "Stuudium"},
		{"Costpocket OÜ", "Costpocket Business - 12 kasutajat, kuutasu", "Costpocket"},
		{"UAB Mano dienynas", "Mano dienynas mokyklos licencija 2026-2027 m.m.", "Mano Dienynas"},
		{"Tieto Latvia SIA", "e-klase skolas abonements 2026./2027. m.g.", "e-klase"},
		{"Mykoob SIA", "Mykoob Premium - skolas licence, gads", "Mykoob"},
		{"Edookit s.r.o.", "Edookit školní informační systém - roční licence", "Edookit"},
		{"eKRÉTA Informatikai Zrt.", "KRÉTA iskolai rendszer éves díj 2026", "KRÉTA"},
		{"Adservio SRL", "Abonament Adservio catalog electronic - an școlar 2026-2027", "Adservio"},
		{"CCA Group a.s.", "Škola OnLine - roční licence 2026/2027", "Škola OnLine"},
		{"Hotelizer Ltd", "Hotelizer PMS monthly subscription - 28 rooms", "Hotelizer"},
		{"Vreasy Lda", "Vreasy Pro - 14 properties, monthly", "Vreasy"},
		{"Hotres Sp. z o.o.", "Hotres silnik rezerwacji - abonament miesięczny", "Hotres"},
		{"Jobpac Pty Ltd", "Jobpac construction ERP - annual licence, 20 users", "Jobpac"},
		{"Mango Live Pty Ltd", "Mango Live compliance software - annual", "Mango"},
		{"Cm3 Pty Ltd", "Cm3 contractor management - annual subscription", "Cm3"},
		{"LinkSafe Pty Ltd", "LinkSafe contractor compliance - 3 sites, monthly", "LinkSafe"},
		{"REI Master Pty Ltd", "REI Master trust accounting - monthly licence", "REI Master"},
		{"Kinderloop Pty Ltd", "Kinderloop centre plan - monthly", "Kinderloop"},
		{"Clubware Pty Ltd", "Clubware gym management - monthly, 1 club", "Clubware"},
		{"Banqer Ltd", "Banqer school licence 2027 - 6 classes", "Banqer"},
		{"Visa", "ABACUS POS subscription - 2 terminals, monthly", "Abacus POS"},
		{"Loke Pty Ltd", "Loke loyalty platform - monthly subscription", "Loke"},
		{"Campground Master LLC", "Campground Master annual support renewal", "Campground Master"},
		{"Onyx Pro", "اشتراك Onyx Pro ERP السنوي - 10 مستخدمين", "Onyx Pro"},
		{"Clinicy", "Clinicy clinic management - monthly subscription, 4 doctors", "Clinicy"},
		{"Okadoc FZ LLC", "Okadoc Pro - clinic plan, monthly", "Okadoc"},
		{"Swipe", "Swipe billing Pro plan - yearly", "Swipe"},
	})
}

// The third batch's names that are words (Mango, Solo, Swipe, Tamo, APS,
// Rounded, Paloma) do not claim a business of that name that sells
// something else.
func TestRound10LongTailNamesThatAreWords(t *testing.T) {
	runNoApp(t, [][2]string{
		{"Mango Catering", "Fruit platters for the office"},
		{"Solo Cabs Ltd", "Airport transfer - 2 trips"},
		{"Swipe Card Systems", "Door access cards x 50"},
		{"APS Removals", "Office move - 3 vans"},
		{"Rounded Edge Joinery", "Reception desk repair"},
		{"Paloma Flowers", "Reception flowers - weekly"},
	})
}
