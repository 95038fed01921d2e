package match

import "testing"

// The vendor-identity classes of issue 15's sixth round (docs/MATCHING.md,
// "Round 6: vendor identity"): a vendor matched on its name alone. Each case
// is a vendor of neither testdata/negatives2.tsv nor any held-out set.

// A name one edit from a catalogued one is a typo only when the edit falls
// in a name of its own long enough to tell (not a short word padded by
// corporate words), the vendor's name is no word the lists know, and one
// changed letter of a short name has a line's support; clerks' typos that
// drop, double or swap a letter still match.
func TestTyposNeedANameOfTheirOwn(t *testing.T) {
	runNoApp(t, [][2]string{
		{"Dax Software GmbH", "Rahmenvertrag 2026"}, // "day software", Adobe Experience Manager's former maker
		{"Anchor Ltd", "Mooring buoys x 4"},         // the word anchor, not Anchore
		{"Noodle Ltd", "Ramen bowls and broth"},     // one letter of a short name: not Moodle
		{"Softly Ltd", "Cushions and throws"},       // not Sortly
		{"Rapier Ltd", "Fencing equipment"},         // not Zapier
	}, MethodInferred, MethodUnknownProduct)
	runClass(t, []classCase{
		{"Airtabel Inc", "Team plan - 8 editors", "Airtable", MethodFuzzy},        // swapped letters
		{"Grammarlly Inc", "Business 20 seats", "Grammarly", MethodFuzzy},         // a doubled letter
		{"Tipali Inc", "AP automation - annual", "Tipalti", MethodFuzzy},          // a dropped letter
		{"Zapiar Inc", "Professional - monthly, 2k tasks", "Zapier", MethodFuzzy}, // one changed letter, and seats
	})
}

// An everyday-word name with a legal form or a region ("Harness Ltd",
// "Lattice GmbH") is the app of that name only when a line reads like the
// app's billing (a plan, seats, usage, billing words, its products); a line
// of words no list explains is what another company of that name sells.
func TestEverydayNamesWithALegalFormNeedEvidence(t *testing.T) {
	runNoApp(t, [][2]string{
		{"Harness Ltd", "Wiring harness assembly - 200 units"},
		{"Lattice GmbH", "Gitterroste verzinkt 12 Stück"},
		{"Slab Ltd", "Polished concrete worktops"},
		{"Pitch B.V.", "Bitumen dakbedekking"},
		{"Flex Deutschland GmbH", "Leiterplattenbestückung 300 Stück"},
		{"Census Ltd", "Door-to-door fieldwork - 3 weeks"},
	}, MethodInferred, MethodUnknownProduct)
	runClass(t, []classCase{
		{"Harness Ltd", "Team plan - 20 seats", "Harness", MethodAlias},
		{"Lattice GmbH", "Lattice Performance - 80 employees", "Lattice", MethodAlias},
		{"Slab Inc", "Invoice 2026-114", "Slab", MethodAlias},
		{"Pitch Software GmbH", "Pro - 6 members", "Pitch", MethodAlias},
	})
}

// A multi-product vendor named with an everyday word (Exact, Progress,
// Hexagon, Sistemi: the catalog flags its product of that name, or
// words.txt the word) needs the same evidence: "Exact B.V." billing
// painting is no unknown product of Exact.
func TestEverydayGroupNames(t *testing.T) {
	runNoApp(t, [][2]string{
		{"Exact B.V.", "Schilderwerk trappenhuis"},
		{"Progress Ltd", "Locomotive brake pads"},
		{"Hexagon AB", "Kakel och klinker badrum"},
		{"Sistemi S.r.l.", "Ricambi per carrelli elevatori"},
		{"Meta GmbH", "Metallbau Treppengeländer"},
	}, MethodInferred, MethodUnknownProduct)
	runClass(t, []classCase{
		{"Exact B.V.", "Exact Online Plus - maandabonnement", "Exact Online", MethodKeyword},
		{"Sistemi S.r.l.", "Canone annuale Profis", "Profis", MethodKeyword},
		{"Progress Software Corporation", "Telerik DevCraft Complete licence", "Telerik", MethodKeyword},
	})
}

// A vendor named after an app as a place (an arena, a tower, a campus) is
// that place: its lines sell seats, rooms or parking, not the app.
func TestPlacesNamedAfterAnApp(t *testing.T) {
	runNoApp(t, [][2]string{
		{"HubSpot Arena Events LLC", "Club seats x 6 - season"},
		{"Atlassian Stadium Pty Ltd", "Corporate box - 12 seats"},
		{"Workday Campus Hall LLC", "Keynote seats - 40 seats"},
	}, MethodInferred, MethodUnknownProduct)
}

// A recruitment or staffing firm names the products its people work on:
// the spend is staff, unless the line sells licences.
func TestRecruitersNameTheProductsTheyStaff(t *testing.T) {
	runNoApp(t, [][2]string{
		{"Nordic Tech Recruitment AB", "Konsult Salesforce administratör 15 dagar"},
		{"Brightwater Recruitment Ltd", "Contract HubSpot administrator - 15 days"},
		{"Talentia Recruiters Ltd", "Contract Workday analyst - 10 days"},
	}, MethodInferred, MethodUnknownProduct)
}

// Health trades in a vendor's name (opticians, physiotherapists, vets) say
// it is not software, even when a line counts "users" or a plan.
func TestTradesInVendorNames(t *testing.T) {
	runNoApp(t, [][2]string{
		{"Clear Sight Opticians Ltd", "Eye examinations - 12 screen users"},
		{"Optiker Berg GmbH", "Bildschirmbrillen 8 Nutzer"},
		{"Nordvik Physiotherapy Ltd", "Ergonomics plan - 30 users"},
		{"Tierarztpraxis Dr. Weber", "Jahresabo Praxishund"},
	}, MethodInferred, MethodUnknownProduct)
}

// A legal name of one word that is no word of the app's name ("Early" for
// Timeular, "Degree" for Lattice, "Catalyst" for Totango) is, on a line of
// a vendor we do not know, the word; one the catalog writes in capitals
// ("MSFT") is an abbreviation and still names its vendor: Microsoft, whose
// line naming no product is an unknown product of it.
func TestOneWordLegalNamesOnLines(t *testing.T) {
	runNoApp(t, [][2]string{
		{"Acme Ltd", "Early payment discount"},
		{"Acme Ltd", "Degree apprenticeship levy"},
		{"Kfz Becker GmbH", "Catalyst converter replacement"},
		{"Bloom & Co", "Marigold bedding plants x 200"},
	}, MethodInferred, MethodUnknownProduct)
	runUnknownOf(t, [][3]string{
		{"American Express", "MSFT * E0400ABCDE", "Microsoft"},
	})
}

// An app named after "at the", "near the", "in front of" is where the line's
// service took place ("Photography at the GitHub meetup"), not a purchase.
func TestAppsNamedAsTheScene(t *testing.T) {
	runNoApp(t, [][2]string{
		{"Studio Lumen", "Photography at the GitHub meetup"},
		{"Balloon Co", "Balloon arch near the Zendesk stand"},
		{"Signmakers Ltd", "Banner in front of the Shopify pop-up"},
	}, MethodInferred, MethodUnknownProduct)
	runClass(t, []classCase{
		{"Amex", "GitHub Team - 12 seats", "GitHub", MethodName},
	})
}
