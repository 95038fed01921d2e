package match

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Chinese and Japanese write without spaces, so "飞书商业版年费" is one
// token: whole-word lookup cannot find 飞书 (Lark) or 年费 (annual fee) in
// it. Phrases written in those scripts are found inside tokens instead;
// there are few of them, and only lines with such letters pay for the
// search.

// unspaced reports whether s has letters of a script written without
// spaces between words: Han, Hiragana, Katakana, or Thai.
func unspaced(s string) bool {
	return strings.ContainsFunc(s, isUnspacedRune)
}

// isCJK reports whether s has a Han, Hiragana or Katakana letter.
func isCJK(s string) bool {
	for _, r := range s {
		if r >= 0x2E80 && (unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r)) {
			return true
		}
	}
	return false
}

// cjkSpans finds the CJK phrases for which has is true inside the tokens of
// a line; each is reported on the token that holds it. Whole tokens are
// left to scan, which finds them already.
func (c *Catalog) cjkSpans(text string, toks []string, has func(string) bool) []span {
	if !unspaced(text) {
		return nil
	}
	var out []span
	for i, t := range toks {
		if !unspaced(t) {
			continue
		}
		for _, p := range c.idx.cjk {
			if p != t && strings.Contains(t, p) && has(p) {
				out = append(out, span{i, i + 1, p})
			}
		}
		for _, p := range gluedEnds(t) {
			if has(p) {
				out = append(out, span{i, i + 1, p})
			}
		}
	}
	return out
}

// gluedEnds are the words of another script a CJK token opens or ends with
// ("jinjer勤怠", "kintone利用料", "SmartHR月額利用料"): a Latin brand written
// against the Japanese or Chinese word that follows it, with no space, is a
// word of its own. Runs shorter than three letters ("5名", "3月") are not.
func gluedEnds(t string) []string {
	var out []string
	head := strings.IndexFunc(t, isUnspacedRune)
	if head >= 3 {
		out = append(out, t[:head])
	}
	last := strings.LastIndexFunc(t, isUnspacedRune)
	if last >= 0 {
		_, n := utf8.DecodeRuneInString(t[last:])
		if tail := t[last+n:]; len(tail) >= 3 && !strings.ContainsFunc(tail, isUnspacedRune) {
			out = append(out, tail)
		}
	}
	return out
}

// isUnspacedRune: a letter of a script written without spaces (unspaced).
func isUnspacedRune(r rune) bool {
	return r >= 0x0E00 && r <= 0x0E7F || r >= 0x2E80 && (unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r))
}

// indexCJK lists every phrase and word written in CJK letters, longest
// first so that 年間利用料 is found before 利用料.
func (c *Catalog) indexCJK() {
	seen := map[string]bool{}
	add := func(k string) {
		if !seen[k] && !strings.Contains(k, " ") && unspaced(k) {
			seen[k] = true
			c.idx.cjk = append(c.idx.cjk, k)
		}
	}
	for k := range c.idx.phrases {
		add(k)
	}
	for k := range c.words.line { // every word list a line is read for
		add(k)
	}
	sortLongestFirst(c.idx.cjk)
}

func sortLongestFirst(xs []string) {
	for i := 1; i < len(xs); i++ {
		for j := i; j > 0 && (len(xs[j]) > len(xs[j-1]) || len(xs[j]) == len(xs[j-1]) && xs[j] < xs[j-1]); j-- {
			xs[j], xs[j-1] = xs[j-1], xs[j]
		}
	}
}
