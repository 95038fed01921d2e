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
