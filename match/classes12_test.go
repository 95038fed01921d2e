package match

import "testing"

// Classes of issue 15 from testdata/negatives.tsv's false positives.

// A known vendor's line whose only other product name is an everyday word
// ("stock photo") names no other product: Getty Images' or a picture
// agency's stock licence is not the Japanese app Stock. Nor is it Getty
// Images' platform: a licence for images bought one at a time is media
// (negatives.tsv; TestImageLicencesAreMedia); its subscription is the app.
func TestEverydayWordNamesNoOtherProduct(t *testing.T) {
	runClass(t, []classCase{
		{"Getty Images International", "Stock photo licence 5 images", "", MethodIgnored},
		{"Getty Images International", "Stock footage clip licence", "", MethodIgnored},
		{"Getty Images International", "Stock photo subscription, 25 downloads a month", "Getty Images", MethodAlias},
	})
}
