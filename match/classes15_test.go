package match

import "testing"

// The classes of issue 15's seventh round, from held-out 13's and 14's
// misses (docs/MATCHING.md, "Round 7 classes"), labelled by
// testdata/LABELLING.md. Each case is a vendor and line of none of the
// held-out sets, written before the matcher ran on it.

// Card readers, payment terminals, stands and meeting-room displays a
// software or payments vendor sells are hardware, in the languages its
// invoices use; the same vendor's subscription lines stay its product, and
// displays a subscription counts are what the subscription is for.
func TestPaymentAndRoomHardwareIsNotTheProduct(t *testing.T) {
	runNoApp(t, [][2]string{
		{"iZettle AB", "Zettle Reader 2 - kortläsare x3"},
		{"Squareup Europe Ltd", "Square Stand 2nd gen + Square Reader"},
		{"Square Inc", "Square Register, 1 unit"},
		{"Lightspeed Commerce Inc.", "Lightspeed Payments Kartenlesegerät x2"},
		{"Clover Network LLC", "Clover Mini terminal, 2 units"},
		{"Vipps MobilePay AS", "Vipps betalingsterminal og kortleser, 1 stk"},
		{"Vipps MobilePay AS", "MobilePay kortlæser, 2 stk"},
		{"myPOS Europe Ltd", "myPOS Go 2 - kortinlukija, 1 kpl"},
		{"Lightspeed Netherlands B.V.", "Kaartlezer Lightspeed, 2 stuks"},
		{"Toast Inc", "Toast Flex lecteur de cartes x2"},
		{"Clover Network LLC", "Lettore di carte Clover, 1 pz"},
		{"Stripe Payments Europe Ltd", "Stripe Reader S700 - leitor de cartões"},
		{"Visionect d.o.o.", "Joan 13 e-paper room display, 2 pcs"},
		{"Robin Powered Inc.", "Meeting room panels x8"},
		{"Envoy Inc.", "Room display 10 inch - 6 units"},
	}, MethodInferred, MethodUnknownProduct)
	runClass(t, []classCase{
		{"iZettle AB", "Zettle Pro kassaabonnemang, 3 användare", "Zettle", MethodAlias},
		{"Visionect d.o.o.", "Joan room booking subscription - 8 displays, annual", "Joan", MethodAlias},
		{"Squareup Europe Ltd", "Square for Retail Plus - monthly subscription, 2 locations", "Square", MethodAlias},
		{"Robin Powered Inc.", "Robin Workplace Premier - 40 meeting room displays, annual subscription", "Robin", MethodAlias},
		{"Joan", "Joan room booking - 20 displays, annual subscription", "Joan", MethodAlias},
	})
	runInferred(t, [][3]string{
		{"Pingwell Oy", "Pingwell uptime checks - 50 monitors, monthly subscription", "Pingwell"},
		{"Signloop Ltd", "Signloop digital signage, 15 screens subscription", "Signloop"},
	})
}

// Print books and print editions from a publisher are goods, even when the
// title names a product; the publisher's own learning subscription is the
// product. A publisher's name says its lines name the topic of a book.
func TestPrintBooksFromPublishers(t *testing.T) {
	runNoApp(t, [][2]string{
		{"Packt Publishing Ltd", "Learning Tableau 2025 - print edition, 3 copies"},
		{"Springer Nature Customer Service Center GmbH", "Salesforce für Einsteiger - Softcover, Druckausgabe"},
		{"Carl Hanser Verlag GmbH & Co. KG", "Jira für Teams – Das Handbuch"},
		{"Éditions ENI", "Livre Excel 2024 - version papier, 2 exemplaires"},
		{"Apress (Springer Nature)", "Pro Git, 2nd ed. - printed copy"},
		{"Manning Publications Co.", "Kubernetes in Action - pBook, 2 copies"},
		{"O'Reilly Media, Inc.", "Tryckt bok: Designing Data-Intensive Applications"},
		{"Anaya Multimedia", "Libro Power BI avanzado, edición impresa"},
		{"Wiley-VCH GmbH", "Microsoft Teams für Dummies, Taschenbuch"},
	}, MethodInferred, MethodUnknownProduct)
	runClass(t, []classCase{
		{"Packt Publishing Ltd", "Packt subscription - annual, 5 users", "Packt", MethodAlias},
		{"O'Reilly Media, Inc.", "O'Reilly Learning - Teams, 10 licences", "O'Reilly Learning", MethodAlias},
	})
}

// One course bought on a course platform is a course, not the product it
// teaches nor the platform's business subscription; certification and
// training courses are not software from anyone. The platform's
// subscription, and its platform billed by the year, are the platform.
func TestCoursesAboutAProduct(t *testing.T) {
	runNoApp(t, [][2]string{
		{"Udemy Inc.", "Udemy course - Tableau Desktop Specialist"},
		{"Udemy Ireland Limited", "Course purchase: Power BI for beginners"},
		{"Coursera Inc", "Google Cloud Digital Leader course certificate"},
		{"Pluralsight LLC", "Confluence fundamentals course - single purchase"},
		{"Cloud Academy Inc.", "AWS Solutions Architect certification course - 2 learners"},
		{"Global Knowledge Training LLC", "Microsoft Azure Fundamentals AZ-900 training, 1 day"},
		{"Tieturi Oy", "Power BI -koulutus, 2 päivää"},
		{"Packt Publishing Ltd", "Mastering Azure DevOps (print)"},
		{"O'Reilly Media, Inc.", "Terraform: Up and Running, 3rd edition"},
	}, MethodInferred, MethodUnknownProduct)
	runClass(t, []classCase{
		{"Udemy Ireland Limited", "Udemy Business Team plan - 12 users", "Udemy Business", MethodAlias},
		{"Pluralsight LLC", "Pluralsight Skills - training platform, annual", "Pluralsight", MethodAlias},
		{"Coursera Inc", "Coursera for Business - 30 learners, annual", "Coursera for Business", MethodAlias},
		{"Udemy Ireland Limited", "Udemy Business - 25 users, Jira and Confluence courses", "Udemy Business", MethodAlias},
	})
}

// User conferences and user days (a vendor's own, in the words of its
// region: brukerkonferanse, användarkonferens, Anwendertreffen,
// gebruikersdag, journée utilisateurs, Xerocon) are events; the car hire,
// hotel nights and catering around a vendor's event are travel and food,
// not the vendor named on the line.
func TestUserConferencesAndTheirTravel(t *testing.T) {
	runNoApp(t, [][2]string{
		{"Xero Limited", "Xerocon registration x2"},
		{"Visma Software AB", "Visma användarkonferens, 3 deltagare"},
		{"Tripletex AS", "Tripletex brukerdag - 2 deltakere"},
		{"DATEV eG", "DATEV-Anwendertreffen, 2 Personen"},
		{"Sage Software Ltd", "Sage user conference - delegate fee"},
		{"Exact Software Nederland B.V.", "Exact gebruikersdag 2026, 4 deelnemers"},
		{"Cegid SAS", "Cegid journée utilisateurs - inscription 2 personnes"},
		{"Europcar International SASU", "Location de voiture - Salesforce World Tour Paris"},
		{"Avis Budget Autovermietung GmbH", "Mietwagen zur SAP Sapphire, 3 Tage"},
		{"Hertz Biluthyrning AB", "Hyrbil Fortnox-dagen Stockholm"},
		{"Enterprise Rent-A-Car UK Ltd", "Rental car - Dreamforce week"},
		{"Scandic Hotels AB", "Hotellnatt, Visma Connect, 2 nätter"},
		{"Bella Catering Srl", "Catering evento Zucchetti, 40 persone"},
	}, MethodInferred, MethodUnknownProduct)
	runClass(t, []classCase{
		{"Xero Limited", "Xero Growing plan - monthly", "Xero", MethodAlias},
		{"Tripletex AS", "Tripletex Komplett - 5 brukere", "Tripletex", MethodAlias},
	})
}

// Goods whose word is an app's name in another language: Danish and
// Norwegian "esker" are boxes, not the app Esker; Esker's own lines stay
// Esker.
func TestGoodsWordsThatAreAppNames(t *testing.T) {
	runNoApp(t, [][2]string{
		{"Kontorland ApS", "Arkivæsker A4, 20 esker"},
		{"Lyreco Danmark A/S", "Kopipapir A4 80g - 10 esker"},
		{"Staples Norway AS", "Flyttekartonger, 25 esker"},
	}, MethodInferred, MethodUnknownProduct)
	runClass(t, []classCase{
		{"Esker SA", "Esker on Demand - accounts payable automation, annual subscription", "Esker", MethodAlias},
	})
}

// An unknown vendor's subscription in more words: a monthly or annual
// licence written as one word (kuukausilisenssi, Monatslizenz,
// månadslicens), a plan named after the vendor's brand or a tier of other
// languages billed by the period ("Plan Cuentaclara Negocio mensual"),
// software named in a compound and billed by the period ("kassasystem,
// månadsvis", "potilastietojärjestelmä, kuukausimaksu"), the
// vendor's brand and a tier billed by the period ("Routewise Standard ...
// per month"), a monthly fee of the brand ("Mensalidade Gestão Clínica"),
// and the customer's trade beside a subscription word ("farm plan annual
// subscription"). The brand is the vendor's without its legal form, spelled
// as its lines spell it.
func TestInferredSubscriptionsInMoreWords(t *testing.T) {
	runInferred(t, [][3]string{
		{"Tuulikello Oy", "Tuulikello työvuorot, kuukausilisenssi", "Tuulikello"},
		{"Zahnwerk GmbH", "Zahnwerk Praxisverwaltung, Monatslizenz", "Zahnwerk"},
		{"Lagerkoll AB", "Lagerkoll månadslicens, 2 lager", "Lagerkoll"},
		{"Timeflyt AS", "Timeflyt månedslisens - 12 ansatte", "Timeflyt"},
		{"Cuentaclara SAS", "Plan Cuentaclara Negocio mensual", "Cuentaclara"},
		{"Agendalo S.A. de C.V.", "Plan Agendalo Profesional - mensual", "Agendalo"},
		{"Routewise Ltd", "Routewise Standard, 25 vehicles, per month", "Routewise"},
		{"Gestao Clinica Ltda", "Mensalidade Gestão Clínica, 4 profissionais", "Gestão Clínica"},
		{"Herdbook Inc.", "Herdbook Farm Plan annual subscription", "Herdbook"},
		{"Vetline Ltd", "Vetline clinic plan - annual subscription", "Vetline"},
		{"Buildtrack Inc.", "Buildtrack construction plan, monthly subscription", "Buildtrack"},
		{"Faturador Ltda", "Faturador Plano Empresarial - mensalidade", "Faturador"},
		{"Medirec Oy", "Medirec potilastietojärjestelmä, kuukausimaksu", "Medirec"},
		{"Kassalund AB", "Kassalund kassasystem, månadsvis", "Kassalund"},
		{"Lohnfix GmbH", "Lohnfix Lohnabrechnungssoftware, monatlich", "Lohnfix"},
		{"Kliniq B.V.", "Kliniq praktijksoftware, per maand", "Kliniq"},
		{"Rezerwacje24 Sp. z o.o.", "Rezerwacje24 pakiet Biznes - opłata miesięczna", "Rezerwacje24"},
		{"Objednavky s.r.o.", "Objednavky Standard - mesačný poplatok", "Objednavky"},
	})
	// A tier or period alone, or a trade word without a subscription word,
	// reads like no subscription.
	runNoApp(t, [][2]string{
		{"Greenacre Farm Supplies Ltd", "Farm fencing materials, monthly account"},
		{"Nordic Fitness AS", "Family plan - monthly"},
		{"Kiosko Central SAS", "Plan de datos mensual"},
	}, MethodInferred)
}
