package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bcspend/bcspend/spend/spendtest"
	"github.com/bcspend/bcspend/store"
)

// A mistake in the admin's catalog.txt is said before the console takes
// the screen, with the file's line and what to change: a line that does
// not parse, and an app naming a group without a record, which only
// building the catalog finds.
func TestConsoleStartSaysWhatIsWrongInCatalogTxt(t *testing.T) {
	for name, c := range map[string]struct{ file, want string }{
		"parse": {"# mine\napp | Acme Books\n", "catalog.txt line 2"},
		"build": {"app | Acme Books | Finance | acme.example | Acme Group | Acme Ltd | acme books |\n", "has no group record; add"},
	} {
		t.Run(name, func(t *testing.T) {
			db := spendtest.Open(t)
			if err := os.WriteFile(filepath.Join(filepath.Dir(db.Path()), "catalog.txt"), []byte(c.file), 0o600); err != nil {
				t.Fatal(err)
			}
			_, err := startCatalog(db)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("startCatalog: %v; want an error saying %q", err, c.want)
			}
			if _, direct := catalogFor(db); direct == nil || direct.Error() != err.Error() {
				t.Fatalf("the console says %q, the other commands %v", err, direct)
			}
		})
	}
}

// Without a catalog.txt the catalog builds while the console reads the
// store; what fails there (a stored custom application without a
// category) reaches the console's error screen in the words the other
// commands use, with the remedy.
func TestConsoleLoadingCatalogErrorReachesTheScreen(t *testing.T) {
	t.Setenv("BCSPEND_KEYRING", "off")
	db := spendtest.Demo(t)
	if err := db.PutCustomApp(store.CustomApp{Name: "Broken Books"}); err != nil {
		t.Fatal(err)
	}
	_, want := catalogFor(db)
	if want == nil {
		t.Fatal("a custom application without a category built a catalog")
	}
	l, err := startCatalog(db)
	if err != nil {
		t.Fatalf("startCatalog waited for the catalog without a catalog.txt: %v", err)
	}
	b := newBackendWith(db, &globals{DB: db.Path()}, l)
	b.keyring, b.exportTo, b.now = nil, t.TempDir(), func() time.Time { return spendtest.DemoNow }
	if _, err := b.Apps(); err == nil || err.Error() != want.Error() {
		t.Fatalf("Apps: %v; want %v", err, want)
	}
	r := startConsole(t, b, 160, 40)
	r.waitFor("fix it with 'bcspend apps'")
	r.finish()
}

// The console's catalog, built on its own goroutine, matches as the one
// built first: the same applications on the same demo.
func TestConsoleLoadingCatalogMatchesAsLoaded(t *testing.T) {
	t.Setenv("BCSPEND_KEYRING", "off")
	db := spendtest.Demo(t)
	l, err := startCatalog(db)
	if err != nil {
		t.Fatal(err)
	}
	cat, err := catalogFor(db)
	if err != nil {
		t.Fatal(err)
	}
	loading, ready := newBackendWith(db, &globals{DB: db.Path()}, l), newBackend(db, &globals{DB: db.Path()}, cat)
	for _, b := range []*backend{loading, ready} {
		b.keyring, b.now = nil, func() time.Time { return spendtest.DemoNow }
	}
	a, err := loading.Apps()
	if err != nil {
		t.Fatal(err)
	}
	want, err := ready.Apps()
	if err != nil {
		t.Fatal(err)
	}
	if len(a) == 0 || len(a) != len(want) {
		t.Fatalf("%d applications with the loading catalog, %d with the loaded one", len(a), len(want))
	}
	for i := range a {
		if a[i].App != want[i].App || a[i].Reporting != want[i].Reporting {
			t.Fatalf("row %d: %s %v against %s %v", i, a[i].App, a[i].Reporting, want[i].App, want[i].Reporting)
		}
	}
}
