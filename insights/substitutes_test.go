package insights

import (
	"testing"

	"github.com/bcspend/bcspend/match"
)

// Every application a job names is one the built-in catalog knows: a typo
// would silently never overlap.
func TestSubstitutesAreCatalogApps(t *testing.T) {
	cat := match.MustLoadBuiltin()
	for _, s := range substitutes {
		if len(s.apps) < 2 {
			t.Errorf("job %q names fewer than two apps", s.job)
		}
		for _, a := range s.apps {
			if _, ok := cat.App(a); !ok {
				t.Errorf("job %q: %q is no catalog application", s.job, a)
			}
		}
	}
}
