package match

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"
	"time"
)

var months = []string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

// benchPairs builds n distinct (vendor, description) inputs shaped like a BC
// store: the eval vendors (catalogued, resellers, card issuers, landlords)
// with line texts that vary by seat count, month and invoice number, as real
// lines do, so each pair needs its own decision.
func benchPairs(tb testing.TB, n int, seed int64) []Input {
	cases := loadEval(tb)
	r := rand.New(rand.NewSource(seed))
	seen := map[[2]string]bool{}
	out := make([]Input, 0, n)
	for len(out) < n {
		c := cases[r.Intn(len(cases))]
		c.desc, _, _ = strings.Cut(c.desc, " || ")
		desc := fmt.Sprintf("%s - %d %s %d", c.desc, r.Intn(500), months[r.Intn(12)], 2020+r.Intn(8))
		if r.Intn(5) == 0 {
			desc = fmt.Sprintf("Invoice %d", r.Intn(1_000_000))
		}
		if seen[[2]string{c.vendor, desc}] {
			continue
		}
		seen[[2]string{c.vendor, desc}] = true
		out = append(out, Input{VendorName: c.vendor, Descriptions: []string{desc}})
	}
	return out
}

// BenchmarkRematch re-matches a store of 1,000,000 transactions drawn from
// 3,000 distinct pairs with a fresh matcher, as after a rule change.
func BenchmarkRematch(b *testing.B) {
	cat := MustLoadBuiltin()
	pairs := benchPairs(b, 3000, 1)
	r := rand.New(rand.NewSource(2))
	store := make([]Input, 1_000_000)
	for i := range store {
		store[i] = pairs[r.Intn(len(pairs))]
		store[i].TransactionID = fmt.Sprint(i)
	}
	rules := []Rule{{ID: "fix", Kind: RuleTransaction, TransactionID: "42", App: "Slack"}}
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		m := NewMatcher(cat, rules)
		for _, in := range store {
			m.Match(in)
		}
	}
	cpu := cpuTime() - cpu0
	b.ReportMetric(float64(len(store))*float64(b.N)/b.Elapsed().Seconds(), "tx/s")
	if cpu > 0 {
		b.ReportMetric(float64(len(store))*float64(b.N)/cpu.Seconds(), "tx/cpu-s")
	}
}

// BenchmarkNewPairs matches 20,000 pairs the matcher has never seen. Each
// op gets a freshly loaded catalog (not timed), so the catalog's memo of
// lines and vendors has not seen them either.
func BenchmarkNewPairs(b *testing.B) {
	pairs := benchPairs(b, 20_000, 3)
	b.ResetTimer()
	var cpu time.Duration
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		cat := MustLoadBuiltin()
		b.StartTimer()
		cpu0 := cpuTime()
		m := NewMatcher(cat, nil)
		for _, in := range pairs {
			m.Match(in)
		}
		cpu += cpuTime() - cpu0
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N), "ns/20k")
	if cpu > 0 {
		b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/20k")
	}
}

// BenchmarkLongNames matches one new vendor name (and a line of the same
// size) of growing length, from a fresh matcher each time. A name is one
// run of letters, the fuzzy step's worst case; ns/char should stay flat as
// the length grows tenfold (issue 11: it grew tenfold per tenfold before).
func BenchmarkLongNames(b *testing.B) {
	for _, n := range []int{100, 1_000, 10_000, 100_000} {
		b.Run(fmt.Sprintf("chars=%d", n), func(b *testing.B) {
			cat := MustLoadBuiltin()
			r := rand.New(rand.NewSource(int64(n)))
			name := make([]byte, n)
			for i := range name {
				name[i] = byte('a' + r.Intn(26))
			}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				copy(name, fmt.Sprintf("%08d", i)) // a new name for every op: no cache hit
				NewMatcher(cat, nil).Match(Input{VendorName: string(name), Descriptions: []string{string(name)}})
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/char")
		})
	}
}

// BenchmarkLoadCatalog parses and indexes the embedded catalog, typo index
// included: what every process that matches pays once at start.
func BenchmarkLoadCatalog(b *testing.B) {
	for b.Loop() {
		<-MustLoadBuiltin().idx.fuzzyBuilt
	}
}
