package match

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bcspend/bcspend/untrusted"
)

// infer: a vendor the catalog lacks, whose lines read like a software
// subscription ("Jahresabo Pro Plan 10 Nutzer", "年額ライセンス", a plan billed
// by the period: "Starter plan - monthly recurring") and carry
// no non-software word, probably is an application we do not know yet. It
// stays unmatched, with the application named after the vendor's brand as
// a suggestion the admin accepts or rejects. Card issuers and banks pay
// others' invoices, so their names are never a brand.
func (c *Catalog) infer(vt []string, infos []lineInfo) (Decision, bool) {
	if len(vt) == 0 || c.isPayer(vt) {
		return Decision{}, false
	}
	var why *lineInfo
	for i := range infos {
		if infos[i].hasSignal {
			return Decision{}, false
		}
		if why == nil && !c.seatsAtAVenue(infos[i]) && (infos[i].strong || infos[i].planned || c.brandsPlan(vt, infos[i]) || c.billsAPlan(infos[i]) || c.brandsTrade(vt, infos[i]) || c.brandsSoftware(vt, infos[i])) {
			why = &infos[i]
		}
	}
	if why == nil {
		return Decision{}, false
	}
	vendor := strings.Join(vt, " ")
	return Decision{Method: MethodInferred, Confidence: confInferred, Suggest: brandOf(vendor, c.words),
		Reason: fmt.Sprintf("vendor '%s' is not in the catalog, but line '%s' reads like a software subscription: inferred application, review it (accept it as an application or reject it)",
			vendor, why.text)}, true
}

// seatsAtAVenue: a line that counts seats beside tickets or admission
// ("Tickets – Oracle Park, 6 seats", "Concert tickets, 12 seats, row F")
// and bills no plan, period, fee or software is seats at a venue: the
// seats the tickets are for, not a subscription's. A help desk's seats
// with its tickets are billed by a plan or a period ("Pro plan – 10 seats,
// unlimited tickets, monthly").
func (c *Catalog) seatsAtAVenue(li lineInfo) bool {
	if !li.strong || li.period || li.feeAt != 0 || li.tierAt != 0 || li.explicit {
		return false
	}
	toks := strings.Fields(li.text)
	if !slices.ContainsFunc(toks, func(t string) bool { return admissionWords[t] }) {
		return false
	}
	for _, s := range scan(toks, c.idx.starts, func(k string) bool { return c.words.strong[k] }) {
		if !countAt(toks, s.start) {
			// A subscription word, not a count of seats.
			return false
		}
	}
	return true
}

// brandsPlan: a line that names the vendor's brand beside a plan's name,
// billed by the period, or beside a fee by the period reads like the
// brand's subscription: "Routewise Standard, 25 vehicles, per month", "Plan
// Cuentaclara Negocio mensual", "Mensalidade Gestão Clínica". The brand's
// word is a name: no list's word, as in leadingPartNamed. A plan word or an
// adjective of the period beside it is not enough ("Wellness package
// annual" from Nordic Wellness is a gym's, "Annual sprinkler inspection"
// from Sprinkler Systems a service).
func (c *Catalog) brandsPlan(vt []string, li lineInfo) bool {
	toks := strings.Fields(li.text)
	if li.period && countsAfterNumber(toks, c.words.units) && c.namesBrand(vt, toks) {
		// "Dentiq-ajanvaraus, kuukausimaksu 4 hoitajaa": the brand's
		// product, billed by the period for the practitioners or
		// vehicles it counts, wherever the fee stands. Employees are
		// what benefits count too ("Essensgutschein, 25 Mitarbeiter").
		return true
	}
	at, tiers := li.feeAt, li.tierAt
	if li.period {
		tiers |= c.workplacePlans(toks)
	}
	if tiers == 0 && at == 0 {
		return false
	}
	if li.period || c.countsSeats(toks) && containsWord(toks, vt[0]) {
		// "Rostra Pro – 25 staff – Oct 2026": the brand's plan, by the
		// seat; the brand's own first word, not any word of the vendor's
		// ("Team sailing day, 20 staff" from Slack Line Sailing Club).
		at |= tiers
	}
	if at == 0 {
		return false
	}
	for i := 0; i < len(toks) && i < 64; i++ {
		if !containsWord(vt, toks[i]) || !c.aName(toks[i:i+1]) {
			continue
		}
		if i > 0 && at&(1<<(i-1)) != 0 || i+1 < 64 && at&(1<<(i+1)) != 0 {
			return true
		}
		// "Λογιστήριο Cloud – μηνιαία χρέωση", "SoXanh gói doanh nghiệp":
		// after the brand's words, and a plan word, the plan's name.
		j := i + 1
		for j < len(toks) && containsWord(vt, toks[j]) {
			j++
		}
		if j < len(toks) && c.words.plan[toks[j]] {
			j++
		}
		if j < 64 && at&(1<<j) != 0 {
			return true
		}
	}
	return false
}

// workplacePlans: bit i, token i names a plan after the workplace it is for
// (words.txt kind trade) right after a plan word ("plan Despacho",
// "pakiet Gabinet", "plano Escritório"), as a tier word names one.
func (c *Catalog) workplacePlans(toks []string) uint64 {
	var at uint64
	for i := 1; i < len(toks) && i < 64; i++ {
		if c.words.plan[toks[i-1]] && c.words.trade[toks[i]] {
			at |= 1 << i
		}
	}
	return at
}

// forItsTrade is infos with the signal of each line that bills the
// vendor's brand for the trade it serves (brandsTrade) taken off: for a
// vendor the catalog lacks, "Rentora property management, 60 units,
// monthly fee" is its product's fee, not premises. infos is shared, so a
// line is changed in a copy.
func (c *Catalog) forItsTrade(vt []string, infos []lineInfo) []lineInfo {
	out := infos
	for i := range infos {
		if !infos[i].hasSignal || !c.brandsTrade(vt, infos[i]) && !c.kindHoldsItsTrade(vt, infos[i]) {
			continue
		}
		if &out[0] == &infos[0] {
			out = append([]lineInfo(nil), infos...)
		}
		out[i].hasSignal, out[i].signal, out[i].why = false, "", ""
	}
	return out
}

// brandsTrade: a line that opens with the vendor's brand, then the trade
// its product serves (words.txt kind trade: "property management",
// "Hausverwaltung"), and bills a fee by the period ("monthly fee",
// "Monatsgebühr") is the brand's subscription, as "Mensalidade Gestão
// Clínica" is: the trade is what the product manages. Any other
// non-software word on the line, or a specific one, and it is not; nor is
// a line that does not open with the brand ("Property management fee, 40
// units" from a property manager).
func (c *Catalog) brandsTrade(vt []string, li lineInfo) bool {
	if li.feeAt == 0 || li.specific || len(vt) == 0 {
		return false
	}
	toks := strings.Fields(li.text)
	if len(toks) < 3 || !c.opensWithBrand(vt, toks) {
		return false
	}
	w := c.words
	has := func(k string) bool { return w.trade[k] || w.signal(k) != "" }
	spans := append(scan(toks, c.idx.starts, has), c.cjkSpans(li.text, toks, has)...)
	trade := span{start: -1}
	for _, s := range spans {
		if s.start == 1 && w.trade[s.key] && s.end > trade.end {
			trade = s
		}
	}
	if trade.start < 0 {
		return false
	}
	for _, s := range spans {
		if w.signal(s.key) != "" && (s.start < trade.start || s.end > trade.end) {
			return false
		}
	}
	return true
}

// brandsSoftware: a line that names the vendor's brand beside the kind of
// software its product is (words.txt kinds category and explicit:
// "Stockverk lagersystem", "Glowdesk salon booking", "Tovaro e-shop",
// "クモノス 在庫管理システム", "Scheduler Planora"), maybe after one word of
// the trade it serves ("살롱핏 미용실 예약 관리 시스템"), and bills it as a
// subscription is billed (subscriptionSign) is the brand's subscription.
// Alone those words prove nothing: racking is a "lagersystem" too, and a
// salon's booking for a haircut, a shop's goods from its e-shop by the
// month are no software.
func (c *Catalog) brandsSoftware(vt []string, li lineInfo) bool {
	toks := strings.Fields(li.text)
	if len(vt) == 0 || len(toks) < 3 || !c.subscriptionSign(li, toks) {
		return false
	}
	if _, _, ok := c.kindBesideBrand(vt, li, toks); ok {
		return true
	}
	// A compound that says software ("Stockverk molnkassasystem").
	w := c.words
	return c.opensWithBrand(vt, toks) && (w.compound(toks[1]) == labelExplicit || w.compound(toks[2]) == labelExplicit)
}

// kindBesideBrand: the kind of software (words.txt kinds category and
// explicit) that stands right after a word of the line that is the
// vendor's brand, or after one word more, or right before it ("Rilevazione
// presenze Presenzio"); the longest, and where the brand stands.
func (c *Catalog) kindBesideBrand(vt []string, li lineInfo, toks []string) (span, int, bool) {
	var brands []int
	for i := range toks {
		if c.namesBrand(vt, toks[i:i+1]) {
			brands = append(brands, i)
		}
	}
	if len(brands) == 0 {
		return span{}, 0, false
	}
	w := c.words
	has := func(k string) bool { return w.category[k] || w.explicit[k] }
	kind, at := span{start: -1}, 0
	for _, s := range append(scan(toks, c.idx.starts, has), c.cjkSpans(li.text, toks, has)...) {
		for _, b := range brands {
			if (s.start == b+1 || s.start == b+2 || s.end == b) && (kind.start < 0 || s.end-s.start > kind.end-kind.start) {
				kind, at = s, b
			}
		}
	}
	return kind, at, kind.start >= 0
}

// kindHoldsItsTrade: a line the brand's kind of software bills
// (brandsSoftware) whose non-software words all lie inside that kind or
// between the brand and it ("Kliniq – clinic management, annual, 3
// doctors", "Pharmesta dental clinic management"): the trade is what the
// software manages. A specific signal, or one elsewhere on the line
// ("Sonnberg clinic – health checks"), and it is not.
func (c *Catalog) kindHoldsItsTrade(vt []string, li lineInfo) bool {
	if li.specific || !c.brandsSoftware(vt, li) {
		return false
	}
	toks := strings.Fields(li.text)
	kind, b, ok := c.kindBesideBrand(vt, li, toks)
	if !ok {
		return false
	}
	from := min(kind.start, b+1)
	w := c.words
	has := func(k string) bool { return w.signal(k) != "" }
	for _, s := range append(scan(toks, c.idx.starts, has), c.cjkSpans(li.text, toks, has)...) {
		if s.start < from || s.end > kind.end {
			return false
		}
	}
	return true
}

// subscriptionSign: the line bills as a subscription does: a subscription
// or licence word, a fee by the period, a plan's name, people counted, or a
// plan billed by the period ("licensavgift per månad", "tarif Standard",
// "25 anställda", "2 TB plan, monthly"). A period alone is not one: goods
// are delivered by the month too.
func (c *Catalog) subscriptionSign(li lineInfo, toks []string) bool {
	return li.strong || li.feeAt != 0 || li.tierAt != 0 || c.countsSeats(toks) ||
		li.period && slices.ContainsFunc(toks, func(t string) bool { return c.words.plan[t] })
}

// opensWithBrand: the line's first word is the vendor's brand (namesBrand).
func (c *Catalog) opensWithBrand(vt, toks []string) bool {
	return c.namesBrand(vt, toks[:1])
}

// namesBrand: the line holds the vendor's brand: its first word where that
// is a name, or its words written as one ("CabinetFlow" for Cabinet Flow).
func (c *Catalog) namesBrand(vt []string, toks []string) bool {
	joined := strings.Join(vt, "")
	return containsWord(toks, vt[0]) && c.aName(vt[:1]) || len(vt) > 1 && containsWord(toks, joined)
}

// billsAPlan: a line of plan words, billed by the period or by the seat,
// reads like a subscription though it names neither the product nor a
// subscription: a plan's name beside a plan word with a period or a seat
// count ("Team plan, 22 staff, November", "Piano Business, 12
// dipendenti"), a plan's name beside a fee by the period ("Premium,
// årsavgift 2027"), or a fee or period with a seat count ("Mensalidade, 3
// profissionais"), on a line that names nothing else. A plan word beside a period word alone is no plan's
// name ("Family plan - monthly", "Wellness package annual"). People are counted after a number only, and members
// are none (a club's, a gym's), so "Årsavgift 2027, 2 medlemmar" is not.
func (c *Catalog) billsAPlan(li lineInfo) bool {
	if li.tierAt == 0 && li.feeAt == 0 && !li.period || len(li.rest) > 0 {
		// A word no list explains where a product stands is what the
		// line bills ("Internet empresarial - mensalidade",
		// "Firmenmitgliedschaft - 20 Mitarbeiter monatlich"), not a plan.
		return false
	}
	w := c.words
	toks := strings.Fields(li.text)
	seats := c.countsSeats(toks)
	for i := 0; i < len(toks) && i < 64; i++ {
		tier := li.tierAt&(1<<i) != 0
		if tier && (li.period || seats) && nextTo(toks, i, w.plan) {
			return true
		}
		if tier && (i > 0 && li.feeAt&(1<<(i-1)) != 0 || i+1 < 64 && li.feeAt&(1<<(i+1)) != 0) {
			return true
		}
	}
	return seats && (li.feeAt != 0 || li.period)
}

// nextTo: the word before or after toks[i] is in set.
func nextTo(toks []string, i int, set map[string]bool) bool {
	return i > 0 && set[toks[i-1]] || i+1 < len(toks) && set[toks[i+1]]
}

// countsSeats: a number, then people a subscription counts (words.txt kinds
// seats and units): "22 staff", "3 profissionais", "12 dipendenti".
func (c *Catalog) countsSeats(toks []string) bool {
	return countsAfterNumber(toks, c.words.seats)
}

// countsAfterNumber: a number, then a word or two of set.
func countsAfterNumber(toks []string, set map[string]bool) bool {
	for i := 0; i+1 < len(toks); i++ {
		if isDigits(toks[i]) && (set[toks[i+1]] || i+2 < len(toks) && set[toks[i+1]+" "+toks[i+2]]) {
			return true
		}
	}
	return false
}

func (c *Catalog) isPayer(vt []string) bool {
	return len(scan(vt, c.idx.starts, func(k string) bool { return c.words.payer[k] })) > 0
}

// maxBrand bounds a brand taken from a vendor name: names are hostile input.
const maxBrand = 60

// brandOf names an inferred application after the vendor as written: the
// trade name after "d/b/a", without legal forms ("GmbH", "Pty Ltd",
// "株式会社") and region words ("UK", "Deutschland"), in the vendor's own
// spelling.
func brandOf(raw string, w *wordLists) string {
	raw = untrusted.Text(raw)
	if i := strings.LastIndex(raw, "*"); i > 0 {
		// A card statement's descriptor "PADDLE.NET* TUPLE", "FS *ACME":
		// a processor or merchant of record, then the merchant.
		if before, after := strings.TrimSpace(raw[:i]), strings.TrimSpace(raw[i+1:]); after != "" && !strings.ContainsAny(before, " \t") {
			raw = after
		}
	}
	words := strings.Fields(stripCJKForms(raw))
	for i, word := range words {
		if i > 0 && strings.EqualFold(word, "c/o") {
			words = words[:i]
			break
		}
	}
	for i, word := range words {
		words[i] = withoutCountrySuffix(chineseBrand(word))
	}
	words = withoutArabicPurpose(words)
	for i := len(words) - 1; i >= 0; i-- {
		if k := normPhrase(words[i]); k == "dba" || k == "trading" && i+1 < len(words) && normPhrase(words[i+1]) == "as" {
			if rest := words[i+1:]; k == "dba" && len(rest) > 0 {
				words = rest
			} else if len(rest) > 1 {
				words = rest[1:]
			}
			break
		}
	}
	var kept []string
	for i := 0; i < len(words); i++ {
		k := normPhrase(words[i])
		if n := geoPhraseAt(words, i, w); n > 0 {
			// "Nimbus Cloud do Brasil", "... Middle East FZE": the
			// country and the preposition before it go.
			if len(kept) > 0 && countryPrepositions[normPhrase(kept[len(kept)-1])] {
				kept = kept[:len(kept)-1]
			}
			i += n - 1
			continue
		}
		switch {
		case k == "" || anywhereForms[k]:
			continue
		case i == 0 && k == "the" && len(words) > 1:
			continue
		}
		kept = append(kept, strings.Trim(words[i], ",.;:()[]{}\"'«»“”„‘’"))
	}
	for len(kept) > 1 && (leadingForms[normPhrase(kept[0])] || leadingBrandWords[kept[0]]) {
		kept = kept[1:]
	}
	kept = kept[vietLeading(normTokensOf(kept), true):]
	for len(kept) > 1 {
		if n := trailingFormLen(normTokensOf(kept)); n > 0 && n < len(kept) {
			kept = kept[:len(kept)-n]
			continue
		}
		if last := normPhrase(kept[len(kept)-1]); last == "and" || last == "" {
			kept = kept[:len(kept)-1]
			continue
		}
		break
	}
	// Marks are letters' parts: Thai vowels ("คลาวด์ดี"), Hindi and Arabic signs.
	b := strings.TrimFunc(strings.Join(kept, " "), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r) })
	if b == "" {
		b = strings.TrimSpace(raw)
	}
	if r := []rune(b); len(r) > maxBrand {
		b = string(r[:maxBrand])
	}
	return b
}

// geoPhraseAt: how many words from words[i] are a region word or phrase
// ("uk", "middle east", "hong kong"), as normalising writes them; 0 when
// none.
func geoPhraseAt(words []string, i int, w *wordLists) int {
	for n := min(3, len(words)-i); n >= 1; n-- {
		var parts []string
		for _, word := range words[i : i+n] {
			parts = append(parts, normPhrase(word))
		}
		if k := strings.Join(parts, " "); k != "" && w.geo[k] {
			return n
		}
	}
	return 0
}

// countryPrepositions join a company's name to its country ("do Brasil",
// "of India", "di Italia"); "de" is a region word itself (Germany).
var countryPrepositions = map[string]bool{"do": true, "da": true, "of": true, "del": true, "di": true, "du": true, "von": true}

// countrySuffixes end Japanese and Korean names written as one word with
// their country ("ミライクラウドジャパン", "ヨテイ・ジャパン", "누리클라우드코리아").
var countrySuffixes = []string{"・ジャパン", "ジャパン", "코리아"}

// withoutCountrySuffix drops a country suffix from a Japanese or Korean
// word, never the whole word nor from a name of one letter.
func withoutCountrySuffix(word string) string {
	for _, suf := range countrySuffixes {
		if t := strings.TrimSuffix(word, suf); t != word && utf8.RuneCountInString(t) >= 2 {
			return strings.TrimSuffix(t, "・")
		}
	}
	return word
}

// leadingBrandWords name what a company is before its name: Arabic "منصة"
// (platform) in "شركة منصة حساب للبرمجيات", whose brand is حساب.
var leadingBrandWords = map[string]bool{"منصة": true, "تطبيق": true}

// arabicPurposes open the phrase that says what an Arabic company is for,
// after its name: "شركة جسر لتقنية المعلومات" is Jisr, for information
// technology; a word beginning "لل" ("for the": للبرمجيات, للتجارة
// الإلكترونية) does too.
var arabicPurposes = map[string]bool{"لتقنية": true, "لتقنيات": true, "لتكنولوجيا": true, "لخدمات": true, "لحلول": true,
	"لأنظمة": true, "لنظم": true, "لتطوير": true, "لتجارة": true, "لصناعة": true, "لتقنيه": true}

// withoutArabicPurpose cuts an Arabic name before the phrase that says what
// the company is for; never its first word.
func withoutArabicPurpose(words []string) []string {
	for i := 1; i < len(words); i++ {
		if w := words[i]; arabicPurposes[w] || strings.HasPrefix(w, "لل") && utf8.RuneCountInString(w) > 3 {
			return words[:i]
		}
	}
	return words
}

// normTokensOf is each word's normalised form, one token per word, for
// trailingFormLen ("Co.", "KG" -> "co", "kg").
func normTokensOf(words []string) []string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = strings.ReplaceAll(normPhrase(w), " ", "")
	}
	return out
}

// A Chinese company name is [place][brand][trade][legal form]:
// 北京金山云网络技术有限公司 is Kingsoft Cloud (金山云) of Beijing, in network
// technology. chineseBrand keeps the brand of a name whose legal form is
// gone: without trailing trade words and a leading place (a city or
// province, "市" or "省" after it, or one in brackets), never the whole name.
// Japanese names (with kana) are left alone: their kanji are the brand.
func chineseBrand(w string) string {
	if !isCJK(w) || hasKana(w) {
		return w
	}
	if i := strings.IndexAny(w, "（("); i > 0 {
		if j := strings.IndexAny(w[i:], "）)"); j > 0 {
			_, n := utf8.DecodeRuneInString(w[i+j:])
			w = w[:i] + w[i+j+n:]
		}
	}
	for trimmed := true; trimmed; {
		trimmed = false
		for _, tw := range chineseTrades {
			if t := strings.TrimSuffix(w, tw); t != w && utf8.RuneCountInString(t) >= 2 {
				w, trimmed = t, true
				break
			}
		}
	}
	for _, p := range chinesePlaces {
		for _, form := range []string{p + "市", p + "省", p} {
			if t := strings.TrimPrefix(w, form); t != w && utf8.RuneCountInString(t) >= 2 {
				return t
			}
		}
	}
	return w
}

func hasKana(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r) {
			return true
		}
	}
	return false
}

// chinesePlaces: the provinces and cities that open company names most.
var chinesePlaces = []string{"中国", "北京", "上海", "天津", "重庆", "深圳", "广州", "杭州", "南京", "苏州", "成都",
	"武汉", "西安", "厦门", "珠海", "青岛", "大连", "宁波", "长沙", "郑州", "济南", "合肥", "福州", "无锡", "东莞", "佛山",
	"香港", "广东", "浙江", "江苏", "山东", "福建", "四川", "湖北", "湖南", "河南", "河北", "安徽", "辽宁", "陕西",
	// Taiwan and Hong Kong write traditional characters.
	"台北", "臺北", "台灣", "臺灣", "新竹", "台中", "臺中", "高雄", "桃園", "台南", "臺南", "新北", "澳門"}

// chineseTrades are the trade words before the legal form, longest first.
var chineseTrades = []string{"网络科技", "信息科技", "信息技术", "网络技术", "数字科技", "智能科技", "软件科技", "软件技术",
	"資訊科技", "網路科技", "網絡科技", "數位科技", "智慧科技", "軟體科技", "資訊技術",
	"发展", "發展", "电子商务", "電子商務", "云计算", "雲端運算", "计算机", "電腦", "科技", "技术", "技術", "软件", "軟體", "网络", "網路", "網絡",
	"信息", "資訊", "数据", "數據", "數位"}

// asLinesName names an inferred application as its lines do (asNamed); a
// brand in capitals, as card descriptors write it, takes its line's
// spelling.
func (c *Catalog) asLinesName(brand string, raws, lines []string, infos []lineInfo) string {
	b := c.asNamed(brand, raws, lines, infos)
	if !isLatin(b) || !c.linesHold(lines, strings.Fields(normPhrase(b))) {
		return b
	}
	if b == strings.ToUpper(b) {
		// "KORVEX" of a card descriptor is "Korvex" on its own line.
		return spelledIn(raws, normPhrase(b))
	}
	if l := spelledIn(raws, normPhrase(b)); marks(l) > marks(b) {
		// "Condominio Facil" on the vendor card is "Condomínio Fácil" on
		// the vendor's own invoice: clerks drop accents, makers do not.
		return l
	}
	return b
}

// marks counts the letters of s outside ASCII ("í", "ø"): the accents a
// spelling keeps.
func marks(s string) int {
	n := 0
	for _, r := range s {
		if r > unicode.MaxASCII && unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// asNamed: a line that names a leading part of the brand, not all of it,
// names the application by that part (leadingPartNamed); a line that does
// not name it, or names it whole, leaves the brand whole. A brand in
// Korean, Japanese, Chinese or Thai letters whose line opens with a product
// name of its own, then a plan or subscription word ("채널톡 Pro 플랜" from
// 채널코퍼레이션), or names a Latin name after billing words only, is that
// product.
func (c *Catalog) asNamed(brand string, raws, lines []string, infos []lineInfo) string {
	words := strings.Fields(brand)
	if k := c.leadingPartNamed(words, lines); k > 0 && !writtenAsNoun(raws, words[0]) {
		return strings.Join(words[:k], " ")
	}
	if k := c.afterLeadingTrade(words, lines); k > 0 {
		return strings.Join(words[k:], " ")
	}
	if isLatin(brand) {
		return c.withoutCompanyWords(words, lines)
	}
	nb := normPhrase(brand)
	for i, li := range infos {
		toks := strings.Fields(lines[i])
		if len(toks) > 0 && (strings.HasPrefix(toks[0], nb) || brandThenFunction(nb, toks[0])) {
			// "云帆办公 专业版" from 云帆: the line names the whole brand;
			// "ミツバチ勤怠" from ミツバチクラウド its leading part and
			// what the product does: the vendor's product, named after it.
			return brand
		}
		// A Latin name on the line of a vendor named in another script is
		// a brand ("flex 인사관리" from 플렉스); one in the vendor's script is
		// when a plan word follows it.
		if len(toks) > 1 && li.restAt&1 != 0 && (li.planAt&2 != 0 && !describesProduct(nb, toks[0]) || isLatin(toks[0])) && !strings.Contains(nb, toks[0]) && !genericCompound(toks[0]) {
			return spelledIn(raws, toks[0])
		}
		// After billing words only ("ค่าบริการ SheetPro รายเดือน" from
		// ชีทโปร: a service fee) a Latin name is one too.
		if j, ok := c.nameAfterBilling(toks, li); ok {
			return spelledIn(raws, toks[j])
		}
	}
	return brand
}

// brandThenFunction: a word that opens like the brand, two letters or
// more, and goes on in generic parts only ("ミツバチ勤怠" from ミツバチクラウド,
// "蜂巢考勤" from 蜂巢云, "하루근태" from 하루클라우드): the brand's product
// named by its function, not a product name of its own ("채널톡" from
// 채널코퍼레이션).
func brandThenFunction(brand, tok string) bool {
	b, r := []rune(brand), []rune(tok)
	n := 0
	for n < len(b) && n < len(r) && b[n] == r[n] {
		n++
	}
	return n >= 2 && n < len(r) && genericCompound(string(r[n:]))
}

// describesProduct: a first word in the vendor's own script that ends in
// a generic part (genericParts: "管理", "系统") and does not begin like
// the vendor's name says what the product does, for a trade ("학원관리",
// academy management, from 클래스노트; "餐饮收银系统", restaurant cash
// register system, from 客如云): it names no brand. "桥云笔记" from 星桥
// and "채널톡" from 채널코퍼레이션 do.
func describesProduct(brand, tok string) bool {
	b, r := []rune(brand), []rune(tok)
	if len(b) >= 2 && len(r) >= 2 && b[0] == r[0] && b[1] == r[1] {
		return false
	}
	for i := 1; i < len(r); i++ {
		if genericParts[string(r[i:])] {
			return true
		}
	}
	return false
}

// withoutCompanyWords: the brand without the words at its end that say what
// kind of company the vendor is (words.txt kind company: "Parcelo
// Tecnologia" is Parcelo, "Okulu Yazılım" Okulu), unless they are all there
// is or a line names the brand with them ("Harnwick Software Suite").
func (c *Catalog) withoutCompanyWords(words []string, lines []string) string {
	k := len(words)
	for k > 1 && c.words.company[normPhrase(words[k-1])] {
		k--
	}
	if k == len(words) || !c.aName(strings.Fields(normPhrase(strings.Join(words[:k], " ")))) ||
		c.linesHold(lines, strings.Fields(normPhrase(strings.Join(words, " ")))) {
		return strings.Join(words, " ")
	}
	return strings.Join(words[:k], " ")
}

// writtenAsNoun: the word, capitalised in the vendor's name, is written in
// lower case wherever a line that has capitals holds it: a common noun of
// the line ("gestione cantina" from Cantina Digitale, cellar management),
// not the brand's name. German capitalises its nouns, so there it never is.
func writtenAsNoun(raws []string, word string) bool {
	r, _ := utf8.DecodeRuneInString(word)
	if !unicode.IsUpper(r) {
		return false
	}
	key, seen := normPhrase(word), false
	for _, raw := range raws {
		raw = untrusted.Text(raw)
		if strings.ToLower(raw) == raw {
			continue
		}
		for _, w := range strings.FieldsFunc(raw, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
			if normPhrase(w) != key {
				continue
			}
			if f, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(f) {
				return false
			}
			seen = true
		}
	}
	return seen
}

// nameAfterBilling: the first word of the line that is no plan, billing or
// software word, when billing words come before it and it is a Latin name.
func (c *Catalog) nameAfterBilling(toks []string, li lineInfo) (int, bool) {
	for j, t := range toks {
		if j < 64 && li.planAt&(1<<j) != 0 {
			continue
		}
		return j, j > 0 && j < 64 && isLatin(t) && c.productWord(t) && !c.words.onLine(t)
	}
	return 0, false
}

// leadingPartNamed: the most leading words of the brand, not all of them,
// that a line names ("Kuvera HRMS subscription" from Kuvera Systems,
// "Assinatura Tarefando Equipe" from Tarefando Tecnologia): the application
// is named as its lines name it, without a plan or everyday word the part
// ends in. 0 when a line names the whole brand
// ("Torvane Analytics Pro") or none of it names a part that is a name:
// everyday, plan and billing words alone ("Cloud backup" from Cloud Harbour
// Systems) are not.
func (c *Catalog) leadingPartNamed(words []string, lines []string) int {
	if len(words) < 2 {
		return 0
	}
	var norms [][]string
	for _, w := range words {
		norms = append(norms, strings.Fields(normPhrase(w)))
	}
	prefix := func(k int) []string {
		var out []string
		for _, n := range norms[:k] {
			out = append(out, n...)
		}
		return out
	}
	if len(prefix(len(words))) == 0 || c.linesHold(lines, prefix(len(words))) {
		return 0
	}
	for k := len(words) - 1; k >= 1; k-- {
		if p := prefix(k); c.aName(p) && c.linesHold(lines, p) {
			if productWords(norms[k:]) && c.beforeAModule(lines, p) {
				// "Manzil Property Manager" from Manzil Cloud: the line
				// names a module of the brand's product, whose name
				// keeps its word (~Manzil Cloud); "Kuvano plan Pro"
				// from Kuvano Cloud names the application by the part,
				// as "Kuvera HRMS" from Kuvera Systems does.
				return 0
			}
			// "Suscripción Vendra Cloud plan" from Vendra Cloud Solutions:
			// a plan or everyday word after the name is the plan's.
			for k > 1 && !c.aName(norms[k-1]) {
				k--
			}
			return k
		}
	}
	return 0
}

// brandProductWords end a brand as its product's name ("Manzil Cloud",
// "Gudangku Cloud"): a line that names the brand without them names it
// whole.
var brandProductWords = map[string]bool{"cloud": true}

// beforeAModule: where a line names words, the word after them names a
// module of the product: no plan, billing, period or subscription word.
func (c *Catalog) beforeAModule(lines []string, words []string) bool {
	w := c.words
	for _, l := range lines {
		toks := strings.Fields(l)
		for i := range toks {
			if !isPhraseAt(toks, i, words...) {
				continue
			}
			if j := i + len(words); j < len(toks) {
				t := toks[j]
				if w.category[t] || w.function[t] || j+1 < len(toks) && w.category[t+" "+toks[j+1]] {
					// "Kassaflow payroll" from Kassaflow Cloud: a kind
					// of software is a module too.
					return true
				}
				if !w.plan[t] && !w.tier[t] && !w.context[t] && !w.strong[t] && !w.billing[t] && !w.period[t] && !isDigits(t) {
					return true
				}
			}
		}
	}
	return false
}

// productWords: every word of norms is a brandProductWords word.
func productWords(norms [][]string) bool {
	n := 0
	for _, ws := range norms {
		for _, w := range ws {
			if !brandProductWords[w] {
				return false
			}
			n++
		}
	}
	return n > 0
}

// leadingTrades open Spanish, Portuguese, Italian and French company
// names before the name ("Sistemas Araponga", "Soluciones Informáticas
// Vendra"), normalised.
var leadingTrades = map[string]bool{"sistemas": true, "sistema": true, "soluciones": true, "solucoes": true,
	"solucion": true, "servicios": true, "servicos": true, "informatica": true, "informaticas": true,
	"informaticos": true, "tecnologia": true, "tecnologias": true, "desarrollos": true, "sistemi": true,
	"soluzioni": true, "systemes": true, "logiciels": true, "editions": true, "y": true, "e": true, "de": true}

// afterLeadingTrade: how many leading trade words of the brand to drop
// when a line names the brand's name after them ("Mensalidade sistema
// Araponga" from Sistemas Araponga is Araponga); 0 when none does.
func (c *Catalog) afterLeadingTrade(words []string, lines []string) int {
	k := 0
	for k < len(words)-1 && leadingTrades[normPhrase(words[k])] {
		k++
	}
	if k == 0 {
		return 0
	}
	rest := strings.Fields(normPhrase(strings.Join(words[k:], " ")))
	if !c.aName(rest) || !c.linesHold(lines, rest) {
		return 0
	}
	return k
}

// linesHold: some line has the words one after the other.
func (c *Catalog) linesHold(lines []string, words []string) bool {
	for _, l := range lines {
		toks := strings.Fields(l)
		for i := range toks {
			if isPhraseAt(toks, i, words...) {
				return true
			}
		}
	}
	return false
}

// aName: some word is none of the word lists' (a name, not "cloud" or
// "pro").
func (c *Catalog) aName(words []string) bool {
	for _, w := range words {
		if !c.words.onLine(w) && c.productWord(w) {
			return true
		}
	}
	return false
}

// isLatin: s has a Latin letter and none of Hangul, Han or kana.
func isLatin(s string) bool {
	latin := false
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Hangul, r) || unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Arabic, r) || unicode.Is(unicode.Hebrew, r):
			return false
		case unicode.Is(unicode.Latin, r):
			latin = true
		}
	}
	return latin
}

// genericParts are the everyday words CJK, Korean and Thai product lines
// are made of ("雲端系統", cloud system; "管理系统", management system;
// "クラウドシステム"; "클라우드"): a line's first word made of them only
// names what the product is, not the brand.
var genericParts = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`云端 雲端 云 雲 系统 系統 平台 软件 軟體 軟件 软体 服务 服務 管理 办公 辦公 在线 線上 在線
		数据 數據 资料 資料 网络 網路 網絡 智能 智慧 企业 企業 信息 資訊 科技 技术 技術 应用 應用 解决方案 方案 工具
		协同 協同 财务 財務 人事 人力 资源 資源 进销存 進銷存 电商 電商 客户 客戶 会员 會員 订阅 訂閱 存储 儲存 安全
		监控 監控 营销 行銷 销售 銷售 收银 收銀 库存 庫存 仓储 倉儲 会计 會計 记账 記帳 考勤 薪资 薪資 发票 發票
		电子 電子 数字 數位 数位 系统服务 云服务 雲服務 专业 專業 标准 標準 线上 综合 綜合
		クラウド システム サービス ソフト ソフトウェア プラットフォーム 会計 勤怠 給与 経費 精算 労務 販売 在庫 顧客
		営業 業務 請求書 契約 オンライン
		클라우드 시스템 서비스 솔루션 플랫폼 소프트웨어 관리 프로그램 인사 회계 급여 그룹웨어 전자 결재 온라인 근태 출퇴근 백업
		คลาวด์ ระบบ บริการ ซอฟต์แวร์ โปรแกรม แพลตฟอร์ม ออนไลน์`) {
		m[normPhrase(w)] = true
	}
	return m
}()

// genericCompound: a word of CJK, Korean or Thai letters made wholly of
// genericParts.
func genericCompound(t string) bool {
	if isLatin(t) {
		return false
	}
	r := []rune(t)
	ok := make([]bool, len(r)+1) // ok[i]: r[:i] is made of parts
	ok[0] = true
	for i := range r {
		if !ok[i] {
			continue
		}
		for j := i + 1; j <= len(r) && j-i <= 8; j++ {
			if genericParts[string(r[i:j])] {
				ok[j] = true
			}
		}
	}
	return ok[len(r)]
}
