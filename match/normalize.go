package match

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"github.com/bcspend/bcspend/untrusted"
)

// Normalize reduces a vendor name or line description to the form every
// comparison in this package uses: NFKC, case-folded, diacritics stripped,
// punctuation gone, legal suffixes and a leading "The" dropped, and the trade
// name kept from "X d/b/a Y". The result is lowercase words separated by
// single spaces, and Normalize(Normalize(s)) == Normalize(s).
func Normalize(s string) string {
	return strings.Join(normTokens(s), " ")
}

// normTokens is Normalize before joining; the matcher works on tokens.
func normTokens(s string) []string {
	toks := tokenize(stripCJKForms(foldText(s)))
	toks = beforeCareOf(toks)
	toks = expandAbbrev(toks)
	toks = tradeName(toks)
	toks = dropLegalForms(toks)
	if len(toks) > 1 && toks[0] == "the" {
		toks = toks[1:]
	}
	return toks
}

// abbrevs are the corporate words card statements and bank exports
// abbreviate in vendor names ("MSFT IRELAND OPS", "ATLASSIAN NETWORK
// SVCS"): written out, the name is the one catalogued.
var abbrevs = map[string]string{"ops": "operations", "opns": "operations", "svcs": "services", "svc": "services",
	"srvcs": "services", "intl": "international", "sys": "systems", "mgmt": "management", "grp": "group",
	"hldgs": "holdings", "hldg": "holding", "unltd": "unlimited"}

// expandAbbrev writes abbreviated corporate words out, in place, but never
// a name's first word ("Ops Ltd", "Sys GmbH" are names).
func expandAbbrev(toks []string) []string {
	for i := 1; i < len(toks); i++ {
		if full, ok := abbrevs[toks[i]]; ok {
			toks[i] = full
		}
	}
	return toks
}

// foldText does the Unicode work: NFKC, case folding, diacritics removal.
// Escape sequences go first, so "\x1b[31mEvil" is not read as "31mevil".
// ASCII input, the common case in BC data, takes a fast path.
func foldText(s string) string {
	s = untrusted.Text(s)
	if isASCII(s) {
		return strings.ToLower(s)
	}
	s = strings.ToValidUTF8(s, " ")
	t := foldChains.Get().(transform.Transformer)
	out, _, err := transform.String(t, s) // resets t first
	foldChains.Put(t)
	if err != nil {
		return strings.ToLower(s)
	}
	return out
}

// foldChains reuses the Unicode chain: building one allocates more than
// folding a name with it, and a catalogue holds thousands of non-ASCII
// names (DATEV's "Lohn und Gehalt", 株式会社...). A chain is not safe for
// concurrent use, hence the pool.
var foldChains = sync.Pool{New: func() any {
	return transform.Chain(norm.NFKC, cases.Fold(), norm.NFD,
		runes.Remove(runes.In(unicode.Mn)), runes.Map(foldLetter), norm.NFKC, cases.Fold())
}}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// foldLetter maps letters that carry no combining mark but that admins type
// without the stroke (Ø, Ł, Đ); multi-letter ones (æ, œ, þ) are in expand.
func foldLetter(r rune) rune {
	switch r {
	case 'ø':
		return 'o'
	case 'ł':
		return 'l'
	case 'đ', 'ð':
		return 'd'
	case 'ı':
		return 'i'
	case '’', '‘', 'ʼ', '`', '´':
		return '\''
	}
	return r
}

// expand spells out ligature letters (æ, œ, þ); "" for any other rune.
func expand(r rune) string {
	switch r {
	case 'æ':
		return "ae"
	case 'œ':
		return "oe"
	case 'þ':
		return "th"
	}
	return ""
}

// tokenize splits folded text into words. Dotted and slashed abbreviations
// ("L.L.C.", "s.r.o.", "d/b/a", "A/S") become one word so legal forms can be
// recognised; other dots ("monday.com") separate words.
func tokenize(s string) []string {
	var toks []string
	for _, chunk := range strings.FieldsFunc(s, isSeparator) {
		toks = appendChunk(toks, chunk)
	}
	return toks
}

// isSeparator splits on anything that is not a letter, digit, dot, slash,
// apostrophe or ampersand; those four are handled per chunk.
func isSeparator(r rune) bool {
	if unicode.IsLetter(r) || unicode.IsDigit(r) {
		return false
	}
	return r != '.' && r != '/' && r != '\'' && r != '&'
}

func appendChunk(toks []string, chunk string) []string {
	if isPlainWord(chunk) {
		return append(toks, chunk)
	}
	if isShortYear(chunk) { // "Config '26": an event's edition, like "Config 2026"
		return append(toks, "20"+chunk[1:])
	}
	chunk = strings.ReplaceAll(chunk, "'", "")
	if chunk == "t/a" { // "trading as" in UK invoices
		return append(toks, "dba")
	}
	if chunk == "c/o" { // "care of": an agent or an address follows
		return append(toks, careOf)
	}
	for i, part := range strings.Split(chunk, "&") {
		if i > 0 {
			toks = append(toks, "and")
		}
		for _, w := range splitAbbrev(part) {
			if w = cleanWord(w); w != "" {
				toks = append(toks, w)
			}
		}
	}
	return toks
}

// isShortYear: an apostrophe and two digits, a year written short ("'26").
func isShortYear(chunk string) bool {
	return len(chunk) == 3 && chunk[0] == '\'' && chunk[1] >= '0' && chunk[1] <= '9' && chunk[2] >= '0' && chunk[2] <= '9'
}

// splitAbbrev joins "l.l.c" or "d/b/a" (all pieces one or two letters, or a
// single word with a trailing dot) and splits "monday.com" into two words.
func splitAbbrev(w string) []string {
	if !strings.ContainsAny(w, "./") {
		return []string{w}
	}
	parts := strings.FieldsFunc(w, func(r rune) bool { return r == '.' || r == '/' })
	short := len(parts) > 1
	for _, p := range parts {
		if utf8.RuneCountInString(p) > 2 {
			short = false
		}
	}
	if short {
		return []string{strings.Join(parts, "")}
	}
	return parts
}

// cleanWord keeps letters and digits only, expanding ligature letters.
func cleanWord(w string) string {
	if isPlainWord(w) {
		return w
	}
	var b strings.Builder
	for _, r := range w {
		switch {
		case expand(r) != "":
			b.WriteString(expand(r))
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isPlainWord: lowercase ASCII letters and digits only, the common case.
func isPlainWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; (c < 'a' || c > 'z') && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

// careOf marks "c/o": "Stripe Inc c/o Stripe Payments UK" is Stripe, and
// what follows names who receives its mail.
const careOf = "c/o"

// beforeCareOf keeps what precedes "c/o", when anything does.
func beforeCareOf(toks []string) []string {
	for i, t := range toks {
		if t == careOf && i > 0 {
			return toks[:i]
		}
	}
	return toks
}

// tradeName keeps what follows "dba" ("doing business as", "trading as"):
// that is the name on the admin's mind. A dangling marker is dropped.
func tradeName(toks []string) []string {
	for i := len(toks) - 1; i >= 0; i-- {
		if toks[i] != "dba" && !isPhraseAt(toks, i, "trading", "as") {
			continue
		}
		after := toks[i+1:]
		if toks[i] == "trading" {
			after = toks[i+2:]
		}
		if len(after) > 0 {
			return after
		}
		if i > 0 {
			return tradeName(toks[:i])
		}
	}
	return toks
}

func isPhraseAt(toks []string, i int, words ...string) bool {
	if i+len(words) > len(toks) {
		return false
	}
	for j, w := range words {
		if toks[i+j] != w {
			return false
		}
	}
	return true
}

// anywhereForms are legal forms that never belong to a trade name, so they
// are dropped wherever they sit ("Zoom Video Communications, Inc. (EMEA)").
var anywhereForms = map[string]bool{
	"inc": true, "incorporated": true, "llc": true, "ltd": true, "gmbh": true,
	"plc": true, "pty": true, "sarl": true, "sro": true, "bv": true, "llp": true,
	"股份有限公司": true, "有限责任公司": true, "有限責任公司": true, "有限公司": true, "株式会社": true, "有限会社": true, "合同会社": true,
	// Korean: 주식회사 (a stock company) and "(주)" or "㈜", its short form,
	// before or after the name.
	"주식회사": true, "유한회사": true, "유한책임회사": true, "주": true,
}

// leadingForms are legal forms written before the name: Indonesian "PT",
// Lithuanian "UAB", Latvian "SIA", Russian "ООО" and "АО", Ukrainian
// "ТОВ", Arabic "شركة" (company) and "مؤسسة" (establishment). Dropped
// only when a name follows.
var leadingForms = map[string]bool{"pt": true, "uab": true, "sia": true, "ooo": true, "ооо": true,
	"ао": true, "зао": true, "пао": true, "оао": true, "тов": true, "شركة": true, "مؤسسة": true}

// Thai company names are "บริษัท NAME จำกัด" (company ... limited), "(มหาชน)"
// after a listed one; Arabic ones may end in "ذ.م.م" (LLC) or "ش.م.م". Their
// keys are as normalising writes them (Thai loses its vowel marks).
func init() {
	for _, f := range []string{"บริษัท", "مؤسسة"} { // "مؤسسة" is "موسسة" once normalised
		leadingForms[normPhrase(f)] = true
	}
	for _, f := range []string{"จำกัด", "มหาชน", "จำกัด (มหาชน)", "ذ.م.م", "ش.م.م", "ش.م.ل"} {
		trailingForms = append(trailingForms, strings.Fields(normPhrase(f)))
	}
}

// trailingForms are legal forms that are also ordinary words or names ("AS",
// "AB", "SAS", "Co"), so they are dropped only at the end of a name.
var trailingForms = [][]string{
	{"unlimited", "company"}, {"unlimited", "co"}, {"unlimited"}, {"sp", "z", "oo"}, {"spzoo"}, {"and", "co", "kg"}, {"co", "kg"},
	{"and", "co"}, {"and", "company"}, {"limited"}, {"corp"}, {"corporation"}, {"co"},
	{"ag"}, {"kg"}, {"kgaa"}, {"nv"}, {"sa"}, {"sas"}, {"sl"}, {"slu"}, {"srl"}, {"spa"},
	{"oy"}, {"oyj"}, {"ab"}, {"as"}, {"asa"}, {"aps"}, {"kk"}, {"bhd"}, {"sdn", "bhd"},
	{"pte"}, {"pvt"}, {"private"}, {"lp"}, {"ulc"}, {"se"}, {"ug"}, {"sprl"}, {"bvba"},
	{"lda"}, {"ltda"}, {"sae"}, {"zrt"}, {"kft"}, {"doo"}, {"ou"}, {"sia"}, {"uab"},
	{"pllc"}, {"pc"}, {"pbc"}, {"gk"}, {"ohg"}, {"ev"}, {"cv"}, {"de", "cv"}, {"sa", "de", "cv"},
	// Luxembourg's "S.à r.l.", Poland's "sp. z o. o." and partnerships,
	// Japan's forms spelt out, Sweden's listed "AB (publ)", France's
	// one-person companies, Germany's small ones, Czech, Icelandic,
	// Turkish, Indonesian (also "PT" written after the name), Danish, Finnish, Portuguese, Irish forms.
	{"sa", "rl"}, {"sp", "z", "o", "o"}, {"sp", "j"}, {"sp", "k"}, {"spj"}, {"spk"}, {"ska"},
	{"kabushiki", "kaisha"}, {"godo", "kaisha"}, {"yugen", "kaisha"}, {"ab", "publ"}, {"publ"},
	{"sasu"}, {"eurl"}, {"ug", "haftungsbeschrankt"}, {"haftungsbeschrankt"}, {"mbh"}, {"ek"},
	{"spol", "s", "ro"}, {"ehf"}, {"hf"}, {"sti"}, {"tbk"}, {"pt"}, {"pt", "tbk"}, {"ivs"}, {"ky"}, {"oy", "ab"},
	{"unipessoal", "lda"}, {"unipessoal"}, {"dac"}, {"company", "limited"}, {"cvba"}, {"jsc"},
	// Latin America: Peru's S.A.C., S.A.A. and E.I.R.L., Brazil's EIRELI,
	// Mexico's S.A.P.I. and S. de R.L. (each with "de C.V.").
	{"sac"}, {"saa"}, {"eirl"}, {"eireli"}, {"sapi"}, {"sapi", "de", "cv"}, {"s", "de", "rl"},
	{"s", "de", "rl", "de", "cv"}, {"srl", "de", "cv"}, {"s", "rl"}, // brandOf reads "de" as a place (Germany)
	// Brazil's micro and small companies after their form ("Ltda. - ME");
	// the UAE's free-zone forms ("FZ-LLC", "FZE", "FZCO", "DMCC", Meydan's
	// "L.L.C-FZ"); Vietnam's "Joint Stock Company"; the Philippines' one
	// person corporation; Greek ("Α.Ε.", "ΙΚΕ", "ΕΠΕ") and Hebrew ("בע\"מ") forms.
	{"ltda", "me"}, {"ltda", "epp"}, {"eireli", "me"}, {"me", "eireli"},
	{"fz"}, {"fze"}, {"fzco"}, {"fzc"}, {"fzllc"}, {"llcfz"}, {"fz", "llc"}, {"dmcc"}, {"dwcllc"}, {"dwc", "llc"},
	{"joint", "stock", "company"}, {"joint", "stock", "co"}, {"opc"},
	{"αε"}, {"ικε"}, {"επε"}, {"οε"}, {"εε"}, {"α", "ε"}, {"בעמ"}, {"בע", "מ"},
	// Russian and Ukrainian forms written after the name ("Облако ООО").
	{"ооо"}, {"тов"}, {"ао"}, {"зао"}, {"пао"}, {"оао"},
}

// vietForms open a Vietnamese company name: "Công ty" (company) or its
// short forms, then its kind ("TNHH", limited; "Cổ phần", joint-stock;
// "MTV", one member), normalised. vietTrades follow them before the
// name: "Phần mềm" (software), "Công nghệ" (technology), "Giải pháp"
// (solutions) ... ("Công ty TNHH Phần mềm Ánh Dương" is Ánh Dương).
var vietForms = [][]string{{"cong", "ty"}, {"cty"}, {"ctcp"}, {"ctytnhh"}}
var vietKinds = [][]string{{"tnhh"}, {"co", "phan"}, {"cp"}, {"mtv"}, {"mot", "thanh", "vien"}, {"tap", "doan"}, {"hop", "danh"}}
var vietTrades = [][]string{{"phan", "mem"}, {"cong", "nghe"}, {"giai", "phap"}, {"dich", "vu"}, {"thuong", "mai"},
	{"truyen", "thong"}, {"dau", "tu"}, {"phat", "trien"}, {"ky", "thuat"}, {"tin", "hoc"}, {"cong", "nghe", "thong", "tin"}, {"va"}}

// vietLeading is how many of toks a Vietnamese company form and its kind
// take at the start (0 when the name does not open with one); with
// trades, the trade words after them too. Never the whole name.
func vietLeading(toks []string, trades bool) int {
	n := prefixLen(toks, 0, vietForms)
	if n == 0 {
		return 0
	}
	for k := prefixLen(toks, n, vietKinds); k > 0; k = prefixLen(toks, n, vietKinds) {
		n += k
	}
	for k := prefixLen(toks, n, vietTrades); trades && k > 0; k = prefixLen(toks, n, vietTrades) {
		n += k
	}
	if n >= len(toks) {
		return 0
	}
	return n
}

// prefixLen is the length of the longest of forms found at toks[at:].
func prefixLen(toks []string, at int, forms [][]string) int {
	n := 0
	for _, f := range forms {
		if len(f) > n && isPhraseAt(toks, at, f...) {
			n = len(f)
		}
	}
	return n
}

// dropLegalForms removes legal forms but never the whole name: "Inc" alone
// stays "inc" so the result is never empty for non-empty input.
func dropLegalForms(toks []string) []string {
	kept := toks[:0:0]
	for _, t := range toks {
		if !anywhereForms[t] {
			kept = append(kept, t)
		}
	}
	if len(kept) == 0 {
		kept = toks
	}
	for len(kept) > 1 && leadingForms[kept[0]] {
		kept = kept[1:]
	}
	kept = kept[vietLeading(kept, false):]
	for {
		n := trailingFormLen(kept)
		if n == 0 || n >= len(kept) {
			return kept
		}
		kept = kept[:len(kept)-n]
	}
}

// trailingFormLen is the length of the longest legal form ending toks.
func trailingFormLen(toks []string) int {
	n := 0
	for _, f := range trailingForms {
		if len(f) > n && len(f) <= len(toks) && isPhraseAt(toks, len(toks)-len(f), f...) {
			n = len(f)
		}
	}
	return n
}

// cjkForms are legal forms of Chinese and Japanese names, written without a
// space before or after the name ("株式会社マネーフォワード",
// "阿里云计算有限公司").
var cjkForms = []string{"股份有限公司", "有限责任公司", "有限責任公司", "有限公司", "株式会社", "有限会社", "合同会社", "（株）", "(株)", "㈱",
	"주식회사", "유한책임회사", "유한회사", "(주)", "（주）", "㈜"}

// stripCJKForms removes them from the start or end of each word, never the
// whole word.
func stripCJKForms(s string) string {
	if !isCJK(s) && !hasHangul(s) {
		return s
	}
	words := strings.Fields(s)
	for i, w := range words {
		for _, f := range cjkForms {
			if t := strings.TrimPrefix(w, f); t != "" && t != w {
				w = t
			}
			if t := strings.TrimSuffix(w, f); t != "" && t != w {
				w = t
			}
		}
		words[i] = w
	}
	return strings.Join(words, " ")
}

// hasHangul reports whether s has a Korean letter: Korean legal forms
// ("주식회사플렉스") are written like the Chinese and Japanese ones.
func hasHangul(s string) bool {
	for _, r := range s {
		if r >= 0x1100 && unicode.Is(unicode.Hangul, r) {
			return true
		}
	}
	return false
}
