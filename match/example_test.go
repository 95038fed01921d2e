package match_test

import (
	"fmt"

	"github.com/bcspend/bcspend/match"
)

func ExampleMatcher_Match() {
	cat, err := match.LoadCatalog("") // embedded catalog only
	if err != nil {
		panic(err)
	}
	m := match.NewMatcher(cat, nil)
	d := m.Match(match.Input{VendorName: "The Rocket Science Group, LLC", Descriptions: []string{"Standard plan"}})
	fmt.Print(d.Text())
	d = m.Match(match.Input{VendorName: "Microsoft Ireland Operations Ltd", Descriptions: []string{"Surface Laptop 6"}})
	fmt.Println(d.Label(), d.Method)
	// Output:
	// Mailchimp (Marketing)
	//   method      alias
	//   confidence  0.97
	//   reason      vendor alias 'rocket science group' -> Mailchimp
	// (ignored) ignored
}
