package match

import (
	"strings"
	"sync"
)

// What vendor resolution derives from a vendor's words alone is kept per
// catalog, in its memo: a store bills the same few thousand vendors in ever
// new (vendor, descriptions) inputs (18,151 inputs of ~3,000 vendors in the
// 400,000-line benchmark), and a cold matcher worked each vendor out again
// for every one of them. Each entry is a pure function of its key and the
// catalog (the catalog's word lists and indexes, read-only once built), so
// it is keyed by that input alone and never goes stale: a new catalog
// (catalog.txt or custom applications changed) has a new memo, and rules
// and granularity are not among the inputs. Entries are shared: only read.

// vendorForms is a vendor's words without region words ("Microsoft Ireland
// Operations") and, noFill, without corporate filler too ("Adobe Systems
// Software"), each as stripWords makes it. resolveExact, resolveEveryday
// and resolveFuzzy each need both.
type vendorForms struct {
	noGeo, noFill []string
}

// exactVendor is what resolveExact says of a vendor's words.
type exactVendor struct {
	r     vendorRef
	how   string
	known bool
}

// forms is stripWords(vt, geo) and stripWords(of that, filler).
func (c *Catalog) forms(vt []string) (noGeo, noFill []string) {
	f := remember(&c.memo.mu, &c.memo.forms, strings.Join(vt, " "), func() vendorForms {
		noGeo := c.stripWords(vt, c.words.geo)
		return vendorForms{noGeo: clip(noGeo), noFill: clip(c.stripWords(noGeo, c.words.filler))}
	})
	return f.noGeo, f.noFill
}

// exact is resolveExact(vt).
func (c *Catalog) exact(vt []string) (vendorRef, string, bool) {
	e := remember(&c.memo.mu, &c.memo.exact, strings.Join(vt, " "), func() exactVendor {
		r, how, known := c.resolveExact(vt)
		return exactVendor{r: r, how: how, known: known}
	})
	return e.r, e.how, e.known
}

// typoHits is the typo index's lookup(compact).
func (c *Catalog) typoHits(compact string) []fuzzyEntry {
	return remember(&c.memo.mu, &c.memo.typos, compact, func() []fuzzyEntry {
		return clip(c.idx.typos().lookup(compact))
	})
}

// remember is (*table)[key], computed and kept when missing; a table that
// is full starts again, as the memo's others do (maxCache).
func remember[V any](mu *sync.RWMutex, table *map[string]V, key string, compute func() V) V {
	mu.RLock()
	v, ok := (*table)[key]
	mu.RUnlock()
	if ok {
		return v
	}
	v = compute()
	mu.Lock()
	if len(*table) >= maxCache {
		*table = map[string]V{}
	}
	(*table)[key] = v
	mu.Unlock()
	return v
}

// clip gives s a capacity of its length, so that an append to a shared
// entry copies it instead of writing into another's.
func clip[T any](s []T) []T { return s[:len(s):len(s)] }
