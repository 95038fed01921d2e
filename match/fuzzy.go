package match

import (
	"strings"
	"unicode/utf8"
)

// fuzzyIndex finds catalogued vendor names within one edit (a typo, a missing
// or extra letter, two swapped letters) of a query. It stores every name with
// each single letter deleted, so a lookup costs a few dozen map probes instead
// of an edit distance against every name: 20,000 new vendors a second is the
// budget.
type fuzzyIndex struct {
	deletes map[string][]int // variant -> entries
	entries []fuzzyEntry
	maxLen  int // runes in the longest entry: a longer query cannot be one edit away
}

type fuzzyEntry struct {
	compact string // normalised name without spaces
	ref     vendorRef
}

// minFuzzyLen keeps short names out: one edit turns "miro" into "mira".
const minFuzzyLen = 6

func newFuzzyIndex(vendors map[string]vendorRef) *fuzzyIndex {
	f := &fuzzyIndex{deletes: make(map[string][]int, 12*len(vendors))} // some 12 variants per name
	for _, ref := range vendors {
		compact := strings.ReplaceAll(ref.alias, " ", "")
		if ref.generic || utf8.RuneCountInString(compact) < minFuzzyLen {
			continue
		}
		e := len(f.entries)
		f.entries = append(f.entries, fuzzyEntry{compact: compact, ref: ref})
		f.maxLen = max(f.maxLen, utf8.RuneCountInString(compact))
		for _, v := range variants(compact) {
			f.deletes[v] = appendUnique(f.deletes[v], e)
		}
	}
	return f
}

func appendUnique(xs []int, x int) []int {
	for _, y := range xs {
		if y == x {
			return xs
		}
	}
	return append(xs, x)
}

// variants is s and s with each one rune deleted.
func variants(s string) []string {
	rs := []rune(s)
	out := make([]string, 0, len(rs)+1)
	out = append(out, s)
	for i := range rs {
		out = append(out, string(rs[:i])+string(rs[i+1:]))
	}
	return out
}

// lookup returns the entries within one edit of compact (or two when they
// are two swapped letters), nearest first; exact hits are not its job.
// Building the variants costs the square of the query's length, so a query
// longer than every entry plus one edit is refused before that: a 100,000
// letter vendor name costs its length, not its square.
func (f *fuzzyIndex) lookup(compact string) []fuzzyEntry {
	if n := utf8.RuneCountInString(compact); n < minFuzzyLen || n > f.maxLen+1 {
		return nil
	}
	var out []fuzzyEntry
	seen := map[int]bool{}
	for _, v := range variants(compact) {
		for _, e := range f.deletes[v] {
			if seen[e] {
				continue
			}
			seen[e] = true
			if osaDistance(compact, f.entries[e].compact) <= 1 {
				out = append(out, f.entries[e])
			}
		}
	}
	return out
}

// osaDistance is the optimal-string-alignment edit distance: insertions,
// deletions, substitutions and swaps of neighbours each cost one.
func osaDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}

// similarity is 1 - distance / longer length, in [0, 1].
func similarity(a, b string) float64 {
	n := max(utf8.RuneCountInString(a), utf8.RuneCountInString(b))
	if n == 0 {
		return 1
	}
	return 1 - float64(osaDistance(a, b))/float64(n)
}

// substitution: a and b have the same length and differ in exactly one
// letter (not two swapped neighbours).
func substitution(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	if len(ra) != len(rb) {
		return false
	}
	diff := 0
	for i := range ra {
		if ra[i] != rb[i] {
			diff++
		}
	}
	return diff == 1
}

func runeLen(s string) int { return utf8.RuneCountInString(s) }

// cjkSubstitution: a and b differ in one character, a Chinese or Japanese
// one. A character is a word there, so the names differ ("易订", easy
// booking, is not "易仓", easy warehouse), as two words do elsewhere.
func cjkSubstitution(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	if len(ra) != len(rb) || !substitution(a, b) {
		return false
	}
	for i := range ra {
		if ra[i] != rb[i] {
			return isCJK(string(ra[i])) || isCJK(string(rb[i]))
		}
	}
	return false
}
