package match

import "testing"

// Products that blind held-out sets 31-34 found filed under a sibling of
// the same maker or under another product (docs/MATCHING.md, "Held-out 31
// to 34": the five wrong siblings), fixed after the sets were scored, so
// their figures do not count it. Invoice lines written before the entries
// and seen failing without them; none is a held-out line. Each maker's
// other product keeps its own lines.
func TestScored12SiblingProducts(t *testing.T) {
	runAppLines(t, []appLine{
		// SmartBear sells ReadyAPI (formerly SoapUI Pro) beside SwaggerHub.
		{"SmartBear Software Ltd", "ReadyAPI Performance - 1 node-locked licence, annual", "ReadyAPI"},
		{"SmartBear Software Inc.", "SoapUI Pro renewal - 3 licences", "ReadyAPI"},
		{"SmartBear Software Inc.", "SwaggerHub Team - 5 designers, annual", "SwaggerHub"},
		// TotalSoft sells Charisma HCM (payroll and HR) beside Charisma ERP.
		{"TotalSoft SA", "Charisma HCM - licență salarizare, 120 angajați", "Charisma HCM"},
		{"TotalSoft S.A.", "Charisma ERP - mentenanță anuală", "Charisma ERP"},
		// Thesaurus Software sells Thesaurus Payroll Manager in Ireland
		// beside BrightPay.
		{"Thesaurus Software Limited", "Thesaurus Payroll Manager renewal - 2 employers", "Thesaurus Payroll Manager"},
		{"Thesaurus Software Ltd", "BrightPay Connect - annual, 40 employees", "BrightPay"},
		// Wolters Kluwer sells a3ERP on its own beside the a3innuva suite.
		{"Wolters Kluwer Tax and Accounting España", "a3ERP Plus - cuota de mantenimiento, 5 usuarios", "a3ERP"},
		{"Wolters Kluwer Tax and Accounting España", "a3innuva Contabilidad - suscripción anual", "a3innuva"},
		// Datalab's PANTHEON, billed under the company's short legal name,
		// is not Pantheon, the American web host.
		{"Datalab d.d.", "PANTHEON Granula - mesečna naročnina", "Datalab PANTHEON"},
		{"Datalab SI d.o.o.", "Pantheon licenca, letno vzdrževanje", "Datalab PANTHEON"},
		// IONOS under its former name.
		{"1&1 Internet SE", "Webhosting Business - Vertrag 8812, Juni", "IONOS"},
		{"1&1 Internet AG", "E-Mail Business, 10 Postfächer", "IONOS"},
	})
}
