package ui

import (
	"slices"
	"testing"
)

// keepInPlace splits large inputs between goroutines; the result must be
// the sequential filter's, in order, whatever the split.
func TestKeepInPlaceMatchesASequentialFilter(t *testing.T) {
	for _, n := range []int{0, 1, parallelRows - 1, parallelRows * 2, parallelRows*5 + 7} {
		s := make([]int, n)
		for i := range s {
			s[i] = (i * 7919) % (n + 1)
		}
		keep := func(i int) bool { return i%3 != 0 }
		var want []int
		for _, i := range s {
			if keep(i) {
				want = append(want, i)
			}
		}
		if got := keepInPlace(slices.Clone(s), keep); !slices.Equal(got, want) {
			t.Errorf("n=%d: %d kept, want %d (or a different order)", n, len(got), len(want))
		}
	}
}
