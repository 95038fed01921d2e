package match

import (
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"testing"
)

var testCatalog = MustLoadBuiltin()

func match(vendor string, descs ...string) Decision {
	return NewMatcher(testCatalog, nil).Match(Input{VendorName: vendor, Descriptions: descs})
}

// TestLayers walks every catalog layer with the case that proves it.
func TestLayers(t *testing.T) {
	cases := []struct {
		name, vendor, desc string
		app                string
		method             Method
		reason             string // substring
	}{
		{"keyword on multi-product vendor", "Microsoft Ireland Operations Ltd", "Power BI Pro 10 users", "Power BI", MethodKeyword, "power bi pro"},
		{"keyword on reseller", "SHI International Corp", "Adobe Acrobat Pro DC", "Adobe Acrobat", MethodKeyword, "reseller SHI"},
		{"default product, lower confidence", "Salesforce UK Limited", "Invoice AT-99812", "Salesforce Sales Cloud", MethodAlias, "assuming its default Salesforce Sales Cloud"},
		{"group without default stays unmatched", "Apple Distribution International", "Order W123", "", MethodNone, "has no default"},
		{"exact alias", "The Rocket Science Group LLC", "Monthly plan", "Mailchimp", MethodAlias, "vendor alias 'rocket science group' -> Mailchimp"},
		{"alias after region words", "HubSpot Ireland Limited", "", "HubSpot", MethodAlias, ""},
		{"alias after corporate words", "Veeam Software Group GmbH", "Renewal", "Veeam", MethodAlias, "corporate words"},
		{"app vendor reselling another product", "GoDaddy.com LLC", "Microsoft 365 Business Basic mailbox", "Microsoft 365", MethodKeyword, "names another product"},
		{"add-on for a platform stays with its vendor", "Continia Software A/S", "Expense Management for Business Central", "Continia", MethodAlias, ""},
		{"name in description", "American Express", "FIGMA PROFESSIONAL MONTHLY", "Figma", MethodName, "names 'figma"},
		{"vendor name in description", "American Express", "NOTION LABS, INC.", "Notion", MethodName, "names the vendor of"},
		{"generic name needs context", "Visa", "Zoom", "", MethodNone, "everyday word"},
		{"Box is not Dropbox", "Visa", "Dropbox Business 5 users", "Dropbox", MethodName, "dropbox business"},
		{"generic name with context", "Visa", "Zoom Pro monthly", "Zoom", MethodName, ""},
		{"fuzzy typo", "Zendsk Inc", "Support", "Zendesk", MethodFuzzy, "one typo from 'zendesk'"},
		{"fuzzy containment", "Datadog Billing Dept 7", "", "Datadog", MethodFuzzy, "contains 'datadog'"},
		{"fuzzy refuses generic words", "Slack Supplies Co", "Order 12", "", MethodNone, ""},
		{"bakery named like an app", "Notion Bakery", "Order 5531", "", MethodIgnored, "bakery"},
		{"modem maker named like an app", "Zoom Telephonics Inc", "MB8611", "", MethodIgnored, "telephonics"},
		{"hardware from a software vendor", "Microsoft Corporation", "Surface Laptop 6", "", MethodIgnored, "hardware"},
		{"chairs from Amazon", "Amazon.com Services LLC", "Office chairs x4", "", MethodIgnored, "furniture"},
		{"laptops from Dell", "Dell Technologies", "Latitude laptops x8", "", MethodIgnored, "hardware"},
		{"strong software talk outweighs a signal word", "Concur Technologies Inc", "Travel & Expense subscription", "SAP Concur", MethodAlias, ""},
		{"catalogued phrase shields its words", "Randstad", "Concur Travel booking tool", "SAP Concur", MethodName, ""},
		{"unknown vendor", "Acme Widgets Ltd", "Invoice 4432", "", MethodNone, "not in the catalog"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var descs []string
			if c.desc != "" {
				descs = []string{c.desc}
			}
			d := match(c.vendor, descs...)
			if d.App != c.app || d.Method != c.method || !strings.Contains(d.Reason, c.reason) {
				t.Errorf("got %q %s %.2f %q; want %q %s reason containing %q", d.App, d.Method, d.Confidence, d.Reason, c.app, c.method, c.reason)
			}
			if !d.Ignored && (d.App != "") != (d.Confidence > 0) || d.Confidence > 1 {
				t.Errorf("confidence %.2f out of place for %+v", d.Confidence, d)
			}
			if d.Ignored != (d.Method == MethodIgnored) {
				t.Errorf("ignored flag %v with method %s", d.Ignored, d.Method)
			}
		})
	}
}

func TestConfidenceOrder(t *testing.T) {
	exact := match("Zendesk Inc", "Suite Team")
	fuzzy := match("Zendsk Inc", "Suite Team")
	def := match("Salesforce UK Limited", "Renewal")
	fuzzyDef := match("Salesfroce UK Limited", "Renewal")
	if !(exact.Confidence > fuzzy.Confidence && fuzzy.Confidence > def.Confidence && def.Confidence > fuzzyDef.Confidence) {
		t.Errorf("alias %.2f, fuzzy %.2f, default %.2f, fuzzy default %.2f: want them in that order",
			exact.Confidence, fuzzy.Confidence, def.Confidence, fuzzyDef.Confidence)
	}
	if !strings.Contains(def.Reason, "assuming its default") {
		t.Errorf("the reason must say the product is assumed: %s", def.Reason)
	}
}

func TestInvoiceGranularity(t *testing.T) {
	d := match("CDW Corporation", "Adobe Acrobat Pro DC - 10 seats", "Zoom Business annual", "Microsoft 365 E3", "Zoom Rooms")
	if !d.SuggestLines || len(d.Apps) != 4 {
		t.Fatalf("reseller invoice with four apps: %+v", d)
	}
	if !strings.Contains(d.Reason, "4 apps") || !strings.Contains(d.Reason, "line granularity") {
		t.Errorf("reason should list the apps and suggest lines: %s", d.Reason)
	}
	same := match("Microsoft Ireland Operations Ltd", "Microsoft 365 E3", "Microsoft 365 E5", "SharePoint Online Plan 1")
	if same.App != "Microsoft 365" || same.SuggestLines || same.Apps != nil {
		t.Errorf("one app over several lines: %+v", same)
	}
	mixed := match("Microsoft Ireland Operations Ltd", "Microsoft 365 E3", "Surface Pro 9")
	if mixed.App != "Microsoft 365" || !mixed.SuggestLines || !strings.Contains(mixed.Reason, "1 of 2 lines are not software") {
		t.Errorf("software + hardware lines: %+v", mixed)
	}
	freight := match("CDW", "Veeam Backup Essentials", "Shipping and handling")
	if freight.App != "Veeam" || freight.SuggestLines {
		t.Errorf("freight on a software invoice is no reason to split: %+v", freight)
	}
	hw := match("Microsoft Ireland Operations Ltd", "Surface Pro 9", "Surface Pro keyboard")
	if !hw.Ignored {
		t.Errorf("all hardware lines: %+v", hw)
	}
	most := match("Insight Direct USA", "Slack Pro", "Slack Pro true-up", "Zoom Pro")
	if most.App != "Slack" || !most.SuggestLines {
		t.Errorf("the app on most lines carries the invoice: %+v", most)
	}
}

func TestDecisionJSONAndText(t *testing.T) {
	d := match("The Rocket Science Group LLC", "Mailchimp Standard")
	b, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	var back map[string]any
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"app", "category", "method", "confidence", "reason", "ignored"} {
		if _, ok := back[k]; !ok {
			t.Errorf("JSON lacks %q: %s", k, b)
		}
	}
	txt := d.Text()
	for _, want := range []string{"Mailchimp (Marketing)", "method      alias", "confidence  0.97", "rocket science group"} {
		if !strings.Contains(txt, want) {
			t.Errorf("Text() lacks %q:\n%s", want, txt)
		}
	}
	if !strings.Contains(match("Dell Inc", "Laptop").Text(), "not software") {
		t.Error("ignored decision text")
	}
	if !strings.Contains(match("Acme", "x").Text(), "no application matched") {
		t.Error("unmatched decision text")
	}
	multi := match("CDW", "Zoom Pro", "Slack Pro")
	if !strings.Contains(multi.Text(), "apps        Slack, Zoom") || !strings.Contains(multi.Text(), "line granularity") {
		t.Errorf("multi-app text:\n%s", multi.Text())
	}
}

func TestCacheSharesSpellingVariants(t *testing.T) {
	m := NewMatcher(testCatalog, nil)
	a := m.Match(Input{VendorName: "Slack Technologies, Inc.", Descriptions: []string{"Pro plan"}})
	b := m.Match(Input{VendorName: "SLACK TECHNOLOGIES INC", Descriptions: []string{"pro  plan"}})
	if a.App != "Slack" || a.Reason != b.Reason {
		t.Errorf("variants should share one decision: %+v / %+v", a, b)
	}
	if len(m.norm) != 1 || len(m.raw) != 2 {
		t.Errorf("cache sizes raw %d norm %d, want 2 and 1", len(m.raw), len(m.norm))
	}
	c := m.Match(Input{VendorName: "CDW", Descriptions: []string{"Zoom Pro", "Slack Pro"}})
	c.Apps[0] = "mutated"
	if d := m.Match(Input{VendorName: "CDW", Descriptions: []string{"Zoom Pro", "Slack Pro"}}); d.Apps[0] == "mutated" {
		t.Error("callers must not be able to change cached decisions")
	}
}

func TestMatcherConcurrent(t *testing.T) {
	m := NewMatcher(testCatalog, []Rule{{ID: "r1", Kind: RuleVendor, VendorName: "Acme 7", App: "Slack"}})
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 300; i++ {
				v := fmt.Sprintf("Acme %d", i%20)
				d := m.Match(Input{TransactionID: fmt.Sprint(g, i), VendorName: v, Descriptions: []string{"Zoom Pro"}})
				if want := map[bool]string{true: "Slack", false: "Zoom"}[i%20 == 7]; d.App != want {
					t.Errorf("%s: got %q want %q", v, d.App, want)
					return
				}
			}
		}(g)
	}
	wg.Wait()
}
