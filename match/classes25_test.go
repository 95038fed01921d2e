package match

import "testing"

// The inference class of issue 15's eleventh round (docs/MATCHING.md,
// "Round 11 classes (m13: inferred applications)"), from held-out 23 to
// 26's misses (Glowdesk, Stockverk, Tovaro, Lönelyft). Cases follow
// testdata/LABELLING.md and are vendors and lines of no held-out set,
// written before the matcher ran on them.

// A line that names the vendor's brand, then the kind of software it is
// (a system, a programme, a booking or inventory system, an e-shop, a
// cash register system, payroll software, in the words of each language:
// "lagersystem", "Kassensystem", "bokföringsprogram", "在庫管理システム",
// "재고 관리 시스템", "sistema de gestión", "gestionale"), with a
// subscription, licence, plan or fee by the period, reads like the brand's
// subscription, even where the trade it serves (a salon, a warehouse,
// payroll, staff) is a non-software word. The same trade words with no
// sign of software are the trade's own goods and services: a salon's
// booking for a haircut, a warehouse's storage per pallet, a payroll
// bureau's work, a temp agency's hours, a shop's rent, racking sold as a
// "lagersystem".
func TestSoftwareOfATradeReadsLikeASubscription(t *testing.T) {
	runInferred(t, [][3]string{
		// English
		{"Glimmora Ltd", "Glimmora salon booking – Growth plan", "Glimmora"},
		{"Shelfwright Inc.", "Shelfwright inventory system, monthly licence", "Shelfwright"},
		{"Bookaroo Pty Ltd", "Bookaroo booking system – Pro plan, monthly", "Bookaroo"},
		{"Kettlebase Ltd", "Kettlebase gym booking system, annual licence", "Kettlebase"},
		{"Rotawell Ltd", "Rotawell rota system, 40 staff, per month", "Rotawell"},
		// Swedish, Norwegian, Danish
		{"Lagerkoll AB", "Lagerkoll lagersystem, licensavgift per månad", "Lagerkoll"},
		{"Bokfina AB", "Bokfina bokföringsprogram, årslicens", "Bokfina"},
		{"Lönepilot AB", "Lönepilot lönesystem, 40 anställda/mån", "Lönepilot"},
		{"Turnusio AS", "Turnusio vaktplanleggingssystem, månedlig lisens", "Turnusio"},
		{"Kvikbog ApS", "Kvikbog bookingsystem, abonnement pr. måned", "Kvikbog"},
		// Finnish, Estonian
		{"Varastor Oy", "Varastor varastojärjestelmä, kuukausilisenssi", "Varastor"},
		{"Laoseis OÜ", "Laoseis laosüsteem, kuutasu", "Laoseis"},
		// German, Dutch
		{"Kassomat GmbH", "Kassomat Kassensystem, Lizenz monatlich", "Kassomat"},
		{"Termingo GmbH", "Termingo Online-Terminbuchung für Friseure, Tarif Basis, monatlich", "Termingo"},
		{"Roostr B.V.", "Roostr roosterprogramma, licentie per maand", "Roostr"},
		{"Knipklaar B.V.", "Knipklaar kapsalon afsprakensysteem, abonnement Pro", "Knipklaar"},
		// French, Spanish, Italian, Portuguese
		{"Caissio SAS", "Caissio système de caisse, forfait mensuel Essentiel", "Caissio"},
		{"Stockeo SARL", "Stockeo gestion de stock, licence trimestrielle", "Stockeo"},
		{"Almacenix S.L.", "Almacenix sistema de gestión de almacén, cuota mensual", "Almacenix"},
		{"Reservalo S.L.", "Reservalo sistema de reservas para peluquerías, plan Pro mensual", "Reservalo"},
		{"Gestiflow S.r.l.", "Gestiflow gestionale magazzino, canone mensile", "Gestiflow"},
		{"Paghetta S.r.l.", "Paghetta gestionale paghe, 20 dipendenti/mese", "Paghetta"},
		{"Estoquei Ltda", "Estoquei sistema de estoque, mensalidade plano Básico", "Estoquei"},
		{"Agendaí Tecnologia Ltda", "Agendaí agendamento para salões, plano Pro mensal", "Agendaí"},
		// Czech, Polish, Hungarian, Turkish
		{"Skladovka s.r.o.", "Skladovka skladový systém, tarif Profi, měsíčně", "Skladovka"},
		{"Vrbeo s.r.o.", "Vrbeo e-shop tarif Business, měsíčně", "Vrbeo"},
		{"Kadrownik Sp. z o.o.", "Kadrownik program kadrowo-płacowy, 15 pracowników, miesięcznie", "Kadrownik"},
		{"Raktarom Kft.", "Raktarom raktárkezelő rendszer, havi licencdíj", "Raktarom"},
		{"Stokmatik Yazılım A.Ş.", "Stokmatik stok takip sistemi, aylık lisans", "Stokmatik"},
		// Japanese, Korean, Chinese
		{"株式会社クモノス", "クモノス 在庫管理システム 3月分 利用料", "クモノス"},
		{"株式会社ヨヤクル", "ヨヤクル 美容室予約システム 月額プラン", "ヨヤクル"},
		{"주식회사 재고온", "재고온 재고 관리 시스템 월 이용료", "재고온"},
		{"(주)살롱핏", "살롱핏 미용실 예약 관리 시스템, 월 요금", "살롱핏"},
		{"上海仓易科技有限公司", "仓易 仓库管理系统 年费", "仓易"},
	})
	runNoApp(t, [][2]string{
		// A salon's booking for its own service.
		{"Salon Belleza Ltd", "Salon booking fee – haircut and colour"},
		{"Glowhair Studio Ltd", "Glowhair booking deposit – cut & blow dry"},
		{"Glowdesk Beauty Ltd", "Gel nails and brow tint – salon booking"},
		{"Salong Lyx AB", "Salongshyra stol, per månad"},
		// A warehouse's storage, racking sold as a storage system.
		{"Lagerhuset AB", "Lagerhyra per pall, per månad"},
		{"Stockstore Logistics Ltd", "Warehouse storage, 40 pallets, per month"},
		{"Skladiště Praha s.r.o.", "Skladování, 30 palet, měsíčně"},
		{"Almacenes del Norte S.L.", "Almacenaje, 50 palés, cuota mensual"},
		{"Magazzini Generali S.r.l.", "Deposito merci magazzino, canone mensile"},
		{"Lagerteknik AB", "Lagersystem, pallställ montering, 12 sektioner"},
		{"Regalbau GmbH", "Lagersystem Schwerlastregal, Montage"},
		{"株式会社倉庫サービス", "倉庫保管料 30パレット 3月分"},
		{"(주)물류창고", "창고 보관료 40팔레트 월"},
		// A payroll bureau's work, a temp agency's hours.
		{"Lönebyrån Syd AB", "Lönehantering, 25 anställda/mån"},
		{"Paghe Service S.r.l.", "Elaborazione paghe, 20 dipendenti/mese"},
		{"Lohnbüro Schmidt GmbH", "Lohnabrechnung, 25 Mitarbeiter, monatlich"},
		{"Bemanningsakuten AB", "Bemanning lager, 160 timmar, mars"},
		{"Tempforce Staffing Ltd", "Temporary warehouse staff, 120 hours"},
		// A shop's rent, an e-shop's goods, a till's hardware and technician.
		{"Tovarna Nábytku s.r.o.", "Pronájem prodejny, měsíčně"},
		{"Ladenhaus GmbH", "Ladenmiete Monat März"},
		{"Butiken Centrum AB", "Butikshyra, månadshyra april"},
		{"E-shop Dárky s.r.o.", "Objednávka e-shop: dárkový koš, 3 ks"},
		{"Kassenhandel GmbH", "Kassensystem Hardware: Bondrucker und Kassenschublade"},
		{"Kassenservice Nord GmbH", "Kassensystem Wartung vor Ort, Techniker 2 Stunden"},
		{"Bokningsbyrån AB", "Bokning konferensrum, 2 dagar"},
		// Guards of brandsSoftware, written after it: the brand's e-shop
		// and booking billing goods, rooms or hours, racking installed.
		{"Kvetinka s.r.o.", "Kvetinka e-shop, květiny do kanceláře, měsíčně"},
		{"Kaffebaren AB", "Kaffebaren webshop, kaffebönor, månadsleverans"},
		{"Stayora Ltd", "Stayora booking – Premium room, 2 nights"},
		{"Lagerlogistik AB", "Lagerlogistik lagersystem, 30 pallar per månad"},
		{"Rackmaster AB", "Rackmaster lagersystem, montering 12 sektioner"},
	}, MethodInferred)
}

// The same class in more languages and scripts (Cyrillic, Arabic, Hebrew,
// Thai, Greek, Vietnamese, Indonesian, Romanian, Croatian, Slovenian,
// Slovak, Mexican Spanish), with the fees by the period they write; and
// their warehouses' storage by the pallet, rent and haircuts, which stay
// what they are.
func TestSoftwareOfATradeInMoreLanguages(t *testing.T) {
	runInferred(t, [][3]string{
		{"ООО «Складус»", "Складус складская система, ежемесячная плата", "Складус"},
		{"ООО «Зарплатник»", "Зарплатник система расчёта зарплаты, 30 сотрудников", "Зарплатник"},
		{"ТОВ «Касово»", "Касово касова система, щомісячна плата", "Касово"},
		{"شركة مخزوني", "مخزوني نظام إدارة المخزون - رسوم شهرية", "مخزوني"},
		{"סטוקי בע\"מ", "סטוקי מערכת ניהול מלאי, תשלום חודשי", "סטוקי"},
		{"บริษัท สต็อกดี จำกัด", "สต็อกดี ระบบจัดการสต็อก แพ็กเกจ Pro", "สต็อกดี"},
		{"Κρατησούλα Ι.Κ.Ε.", "Κρατησούλα σύστημα κρατήσεων, πακέτο Pro", "Κρατησούλα"},
		{"PT Kasirku Indonesia", "Kasirku aplikasi kasir, biaya bulanan", "Kasirku"},
		{"Công ty TNHH Khoviet", "Khoviet hệ thống quản lý kho, gói Pro", "Khoviet"},
		{"Magazinel S.R.L.", "Magazinel sistem de gestiune stocuri, taxă lunară", "Magazinel"},
		{"Skladko d.o.o.", "Skladko skladišni sustav, mjesečna naknada", "Skladko"},
		{"Blagajnik d.o.o.", "Blagajnik blagajniški sistem, mesečna naročnina", "Blagajnik"},
		{"Rezervuj s.r.o.", "Rezervuj rezervačný systém, 12 zamestnancov", "Rezervuj"},
		{"Vendemás S.A. de C.V.", "Vendemás sistema punto de venta, plan Emprendedor", "Vendemás"},
		{"Tillzen Ltd", "Tillzen EPOS system, Growth tier, 3 tills", "Tillzen"},
		{"Warenfix GmbH", "Warenfix Warenwirtschaft, Tarif Profi", "Warenfix"},
		{"Prisedeo SAS", "Prisedeo prise de rendez-vous en ligne, formule Pro", "Prisedeo"},
		// Written after the fix: a fee of two words listed since round 8
		// whose first word no other list held, so it was never found.
		{"Skladník s.r.o.", "Skladník skladový systém, mesačný poplatok", "Skladník"},
	})
	runNoApp(t, [][2]string{
		{"ООО «Складской комплекс»", "Ответственное хранение, 40 паллет, ежемесячно"},
		{"ООО «ТЦ Галерея»", "Аренда торгового помещения, ежемесячная плата"},
		{"شركة المستودعات المتحدة", "إيجار مستودع - رسوم شهرية"},
		{"Skladište Zagreb d.o.o.", "Skladištenje robe, 25 paleta, mjesečno"},
		{"Κομμωτήριο Ελένη", "Κράτηση ραντεβού - κούρεμα"},
		{"PT Gudang Jaya", "Sewa gudang, 20 palet, biaya bulanan"},
		{"Công ty TNHH Kho Vận Sài Gòn", "Phí lưu kho 30 pallet tháng 3"},
		{"บริษัท คลังสินค้าดี จำกัด", "ค่าเช่าคลังสินค้า รายเดือน"},
		{"מספרת שירן", "תור לתספורת - הזמנה"},
		{"Depozit Logistic S.R.L.", "Depozitare marfă, 40 paleți, taxă lunară"},
		{"Sklad Trnava s.r.o.", "Skladovanie tovaru, 30 paliet, mesačne"},
	}, MethodInferred)
}
