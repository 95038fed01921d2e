package main

import (
	"fmt"
	"io"
	"time"

	"github.com/spf13/pflag"

	"github.com/bcspend/bcspend/service"
	"github.com/bcspend/bcspend/store"
)

// Waiting for another bcspend (docs/STORAGE.md, "Sharing the file"): no
// process holds the file longer than one transaction, but a write waits
// for a page another process is committing, and a sync for a sync another
// process runs. --wait bounds that; past it the command exits exitBusy, so
// a script can tell "busy, try later" from "broken".

// registerWait adds --wait to the global flags.
func (g *globals) registerWait(fs *pflag.FlagSet, errOut io.Writer) {
	fs.DurationVar(&g.Wait, "wait", 0, fmt.Sprintf("how long to wait for another bcspend using the database (default %s for sync, %s otherwise), then exit %d",
		service.DefaultSyncWait, store.DefaultWait, exitBusy))
	g.waitOut = errOut
}

// waitFor is --wait, or the command's default.
func (g *globals) waitFor(def time.Duration) time.Duration {
	if g.Wait > 0 {
		return g.Wait
	}
	return def
}

// storeOptions says on stderr whom the command waits for, and how long it
// will.
func (g *globals) storeOptions(def time.Duration) store.Options {
	wait := g.waitFor(def)
	return store.Options{Wait: wait, OnWait: g.sayWaiting(wait)}
}

func (g *globals) sayWaiting(wait time.Duration) func(store.Holder) {
	return func(h store.Holder) {
		if g.waitOut != nil {
			sayf(g.waitOut, "bcspend: waiting for %s (up to %s; --wait changes it)\n", h, wait)
		}
	}
}

// open and openReadOnly open the database for a command that is not a sync.
func (g *globals) open() (*store.DB, error) {
	return store.OpenWith(g.DB, g.storeOptions(store.DefaultWait))
}

func (g *globals) openReadOnly() (*store.DB, error) {
	return store.OpenReadOnlyWith(g.DB, g.storeOptions(store.DefaultWait))
}

// openPath and openReadOnlyPath are open and openReadOnly for openSpendWith.
func (g *globals) openPath(string) (*store.DB, error)         { return g.open() }
func (g *globals) openReadOnlyPath(string) (*store.DB, error) { return g.openReadOnly() }
