package match

import "testing"

// ---- c12: issue 15 round 11, the catalog's classes among the misses of
// held-out 23 to 26 (docs/MATCHING.md, "Held-out 23 to 26"): product grain
// and the long tail. Invoice lines as the vendors bill them (the vendor as
// the ERP holds it, then a line of its invoice, in the vendor's language),
// written before the entries and seen failing without them; each names the
// entry it expects. None is a held-out line.

// Product grain: a product its maker sells on its own is an entry of its
// own, so a line naming it is that product, not the maker's app that folded
// it (match/testdata/LABELLING.md, Grain): Toggl Plan and Hire beside Toggl
// Track, Proton's Pass, VPN, Drive and Mail beside its suite, Nord
// Security's NordPass and NordLocker beside NordLayer, Vitec Express
// (Vitec Mäklarsystem's), Infomart's BtoBプラットフォーム services, Ray by
// Practo, Recruit's Airペイ and Airレジ オーダー, InfoCert's GoSign and
// Legalinvoice, and Make, which Celonis bills.
func TestRound11ProductGrain(t *testing.T) {
	runAppLines(t, []appLine{
		{"Toggl OÜ", "Toggl Plan Business - 12 users, annual", "Toggl Plan"},
		{"Toggl Inc", "Toggl Hire Premium, monthly", "Toggl Hire"},
		{"Proton AG", "Proton Pass Essentials - 15 users, annual", "Proton Pass"},
		{"Proton AG", "Proton VPN Business - 40 users, 2 dedicated servers", "Proton VPN"},
		{"Proton AG", "Proton Drive Business, 10 users, yearly", "Proton Drive"},
		{"Proton AG", "Proton Mail Professional - 8 users, monthly", "Proton Mail"},
		{"Nord Security Inc.", "NordPass Teams - 10 users, annual", "NordPass"},
		{"nordsec B.V.", "NordLocker Business - 2 TB, annual", "NordLocker"},
		{"Tefincom S.A.", "NordPass Business, 35 users, 1 year", "NordPass"},
		{"Tefincom S.A.", "NordVPN Complete - 2-year plan", "NordVPN"},
		{"Nord Security Inc.", "NordStellar threat exposure management, annual", "NordStellar"},
		{"Vitec Mäklarsystem AB", "Vitec Express månadsavgift, 4 användare", "Vitec Express"},
		{"Vitec Software Group AB", "Vitec Express licens - kontoret i Umeå", "Vitec Express"},
		{"株式会社インフォマート", "BtoBプラットフォーム 受発注 月額利用料 2026年5月分", "BtoBプラットフォーム 受発注"},
		{"株式会社インフォマート", "BtoBプラットフォーム 契約書 月額基本料金", "BtoBプラットフォーム 契約書"},
		{"株式会社インフォマート", "BtoBプラットフォーム 規格書 月額利用料", "BtoBプラットフォーム 規格書"},
		{"Infomart Corporation", "BtoBプラットフォーム 請求書 発行プラン 月額", "BtoBプラットフォーム 請求書"},
		{"Practo Technologies Private Limited", "Practo Ray Pro - 2 doctors, annual", "Ray by Practo"},
		{"株式会社リクルート", "Airペイ QR 決済手数料 5月分", "Airペイ"},
		{"株式会社リクルート", "Airレジ オーダー ハンディ 月額利用料", "Airレジ オーダー"},
		{"InfoCert S.p.A.", "GoSign Pro - licenza annuale, 3 utenti", "InfoCert GoSign"},
		{"InfoCert SpA", "Legalinvoice Start - fatturazione elettronica, canone annuo", "Legalinvoice"},
		{"Celonis Inc", "Make - extra operations 40,000, monthly", "Make"},
	})
}

// The makers' other lines keep their answer: the flagship's own product
// words, and a line that names no product, stay the flagship's.
func TestRound11ProductGrainKeepsTheFlagship(t *testing.T) {
	runAppLines(t, []appLine{
		{"Toggl OÜ", "Toggl Track Starter - 8 users, annual", "Toggl Track"},
		{"Proton AG", "Proton Business Suite - 25 users, yearly", "Proton"},
		{"Nord Security Inc.", "NordLayer Premium - 30 users, annual", "NordLayer"},
		{"Vitec Software Group AB", "Programvarulicens, månadsavgift", "Vitec"},
		{"株式会社インフォマート", "BtoBプラットフォーム 年間利用料", "BtoB Platform"},
		{"Practo Technologies Pvt Ltd", "Practo Prime profile listing, annual", "Practo"},
		{"株式会社リクルート", "Airレジ 利用料 2店舗 月額", "Airレジ"},
		{"InfoCert S.p.A.", "Firma digitale remota - rinnovo triennale", "InfoCert"},
		{"InfoCert S.p.A.", "Legalmail PEC Business - rinnovo annuale", "Legalmail"},
		{"Celonis SE", "Celonis Process Intelligence platform - annual subscription", "Celonis"},
		{"Integromat s.r.o.", "Pro plan, 40,000 operations", "Make"},
		{"Celonis SE", "Make Teams plan - 20,000 operations, annual", "Make"},
		{"Celonis s.r.o.", "Make Core, 10,000 operations/month", "Make"},
	})
}
