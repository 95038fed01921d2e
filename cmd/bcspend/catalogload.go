package main

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/bcspend/bcspend/match"
	"github.com/bcspend/bcspend/store"
)

// catalogLoad is the console's catalog, ready or being built on its own
// goroutine. Building the 8,000-application catalog takes about as long as
// reading a large store, and only matching needs it: the console's first
// read (spend.LoadWith) reads and derives the invoices meanwhile, so
// starting the console waits for the longer of the two, not for both.
type catalogLoad struct {
	done chan struct{}
	cat  *match.Catalog
	err  error
}

// readyCatalog is a catalog already loaded.
func readyCatalog(cat *match.Catalog) *catalogLoad {
	l := &catalogLoad{done: make(chan struct{}), cat: cat}
	close(l.done)
	return l
}

// wait is the catalog, once built, or why it could not be.
func (l *catalogLoad) wait() (*match.Catalog, error) {
	<-l.done
	return l.cat, l.err
}

// startCatalog begins loading db's catalog (catalogFor) for the console.
// With a catalog.txt beside the database it loads it at once, as before:
// that file is the admin's own work, and a mistake in it (a parse error, or
// an app naming a group without a record, which only the build finds) is
// said before the console takes the screen, with its line and its remedy.
// Without one, only the embedded catalog (checked by the tests) and the
// stored custom applications (checked when stored) are built, on another
// goroutine; what could still fail there reaches the console's error
// screen with the same words.
func startCatalog(db *store.DB) (*catalogLoad, error) {
	user := userCatalogPath(db.Path())
	if _, err := os.Stat(user); !errors.Is(err, fs.ErrNotExist) {
		cat, err := catalogFor(db)
		if err != nil {
			return nil, err
		}
		return readyCatalog(cat), nil
	}
	custom, err := db.CustomApps() // read here: the goroutine never touches db
	if err != nil {
		return nil, err
	}
	l := &catalogLoad{done: make(chan struct{})}
	go func() {
		defer close(l.done)
		l.cat, l.err = buildCatalog(user, custom)
	}()
	return l, nil
}

// userCatalogPath is catalog.txt beside the database, where an admin keeps
// apps of their own.
func userCatalogPath(dbPath string) string {
	return filepath.Join(filepath.Dir(dbPath), "catalog.txt")
}

// buildCatalog is the built-in catalog with the user's file and the custom
// applications stored in the database.
func buildCatalog(userFile string, custom []store.CustomApp) (*match.Catalog, error) {
	extra := make([]match.App, len(custom))
	for i, a := range custom {
		extra[i] = match.App{Name: a.Name, Category: a.Category, Vendors: a.Vendors}
	}
	return match.LoadCatalogWith(userFile, extra)
}
