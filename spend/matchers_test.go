package spend

import (
	"testing"

	"github.com/bcspend/bcspend/match"
	"github.com/bcspend/bcspend/spend/spendtest"
	"github.com/bcspend/bcspend/store"
)

// A Load with a new catalog (a custom application added) decides with it,
// keeps no matcher of the old one (each holds its catalog, some 50 MB, and
// its decisions), and a Load back on the old catalog decides with that one
// again, not with what was kept for the new.
func TestKeptMatchersFollowTheCatalog(t *testing.T) {
	db := spendtest.Open(t)
	spendtest.Connect(t, db)
	spendtest.CommitRun(t, db, spendtest.CompanyEU, "r1", spendtest.Inv{N: 1, Vendor: "Fjordline Widgets AS",
		Date: spendtest.Day(2026, 10, 5), Local: "EUR", Lines: []spendtest.Line{{Desc: "Annual subscription", Amount: "100.00"}}})
	old := match.MustLoadBuiltin()
	custom, err := match.LoadCatalogWith("", []match.App{{Name: "Fjordline", Category: "Finance", Vendors: []string{"Fjordline Widgets AS"}}})
	if err != nil {
		t.Fatal(err)
	}
	for _, step := range []struct {
		cat  *match.Catalog
		want string
	}{{old, ""}, {custom, "Fjordline"}, {old, ""}} {
		if got := appOfOnly(t, db, step.cat); got != step.want {
			t.Fatalf("the charge is %q, want %q", got, step.want)
		}
		matchers.mu.Lock()
		for _, k := range matchers.kept {
			if k.cat != step.cat {
				t.Errorf("a matcher of an earlier catalog is still kept")
			}
		}
		matchers.mu.Unlock()
	}
}

func appOfOnly(t *testing.T, db *store.DB, cat *match.Catalog) string {
	t.Helper()
	m, err := Load(db, cat, Options{Now: spendtest.Now})
	if err != nil {
		t.Fatal(err)
	}
	txs := m.d.txs
	if len(txs) != 1 {
		t.Fatalf("%d transactions, want 1", len(txs))
	}
	return txs[0].App
}
