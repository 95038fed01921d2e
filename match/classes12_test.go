package match

import "testing"

// Classes of issue 15 from testdata/negatives.tsv's false positives.

// A known vendor's line whose only other product name is an everyday word
// ("stock photo") names no other product: Getty Images' or a picture
// agency's stock licence is not the Japanese app Stock.
func TestEverydayWordNamesNoOtherProduct(t *testing.T) {
	runClass(t, []classCase{
		{"Getty Images International", "Stock photo licence 5 images", "Getty Images", MethodAlias},
		{"Getty Images International", "Stock footage clip licence", "Getty Images", MethodAlias},
	})
}
