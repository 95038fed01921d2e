package main

import (
	"slices"
	"strings"
)

// closest is the candidates nearest to typed, for "did you mean": those
// it is a prefix of, those that contain it, else those within two edits
// (case ignored). Nil when none is near.
func closest(typed string, candidates []string) []string {
	t := strings.ToLower(typed)
	if t == "" {
		return nil
	}
	var prefix, contains, near []string
	for _, c := range candidates {
		l := strings.ToLower(c)
		switch {
		case l == t:
			return []string{c}
		case strings.HasPrefix(l, t):
			prefix = append(prefix, c)
		case strings.Contains(l, t):
			contains = append(contains, c)
		case editDistance(t, l) <= 2:
			near = append(near, c)
		}
	}
	for _, set := range [][]string{prefix, contains, near} {
		if len(set) > 0 {
			return slices.Compact(set)
		}
	}
	return nil
}

// editDistance is the Levenshtein distance of a and b, over runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur := make([]int, len(rb)+1)
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(rb)]
}
