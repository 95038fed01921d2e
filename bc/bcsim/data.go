package bcsim

import (
	"math"
	"math/rand/v2"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/bcspend/bcspend/bc"
	"github.com/bcspend/bcspend/money"
)

// generator builds the tenant's data from one seeded source, so a seed
// always yields byte-identical data. Everything is relative to now.
type generator struct {
	nComp int // Config.Companies
	r     *rand.Rand
	// fine draws the digits real BC has and older generated data did not
	// (rates' 5th and 6th places, fractional quantities), from its own
	// stream so every other generated value stays what it was.
	fine *rand.Rand
	// rateFine draws rates' 5th and 6th places, on its own so that line
	// shapes can change without moving any rate (and converted amount).
	rateFine *rand.Rand
	// credit draws the credit memos, after the invoices and on its own,
	// so adding them moved no invoice, vendor or rate.
	credit *rand.Rand
	now    time.Time
	today  time.Time
	perMo  int
	pre25  bool

	// Arenas: a 100,000-invoice tenant is generated in a few large
	// allocations instead of half a million small ones.
	invArena  []bc.PurchaseInvoice
	lineArena []bc.PurchaseInvoiceLine
	specBuf   []lineSpec
}

const arenaChunk = 4096

func (g *generator) newInvoice() *bc.PurchaseInvoice {
	if len(g.invArena) == 0 {
		g.invArena = make([]bc.PurchaseInvoice, arenaChunk)
	}
	inv := &g.invArena[0]
	g.invArena = g.invArena[1:]
	return inv
}

// newLines hands out an empty slice with capacity n whose cap is exact, so
// an append by a later mutation copies instead of overwriting a neighbour.
func (g *generator) newLines(n int) []bc.PurchaseInvoiceLine {
	if len(g.lineArena) < n {
		g.lineArena = make([]bc.PurchaseInvoiceLine, max(arenaChunk, n))
	}
	l := g.lineArena[:0:n]
	g.lineArena = g.lineArena[n:]
	return l
}

func newGenerator(cfg Config, now time.Time) *generator {
	return &generator{
		r:        rand.New(rand.NewPCG(uint64(cfg.Seed), 0x5eed)),
		fine:     rand.New(rand.NewPCG(uint64(cfg.Seed), 0xf17e)),
		rateFine: rand.New(rand.NewPCG(uint64(cfg.Seed), 0x6a7e)),
		credit:   rand.New(rand.NewPCG(uint64(cfg.Seed), 0xc4ed)),
		now:      now.Truncate(time.Millisecond),
		today:    time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC),
		perMo:    cfg.InvoicesPerMonth,
		pre25:    cfg.Pre25,
		nComp:    cfg.Companies,
	}
}

// companyDef is a company's fixed identity, including the two global
// dimensions its General Ledger Setup names and the values invoices carry.
// Dimension 1 is not always a department: the Danish company's is AREA.
type companyDef struct {
	name, local string
	taxBP       int64
	dim1, dim2  string
	dim1Values  []string // as many as departments, so the draws match
}

var companyDefs = []companyDef{
	{"CRONUS USA, Inc.", "USD", 0, "DEPARTMENT", "COSTCENTER", departments},
	{"CRONUS UK Ltd.", "GBP", 2000, "DEPARTMENT", "COSTCENTER", departments},
	{"CRONUS Danmark A/S", "DKK", 2500, "AREA", "COSTCENTER", areas},
}

// usdPer is roughly how many units of a currency one USD buys; rates drift
// around it over time.
var usdPer = map[string]float64{"USD": 1, "EUR": 0.92, "GBP": 0.79, "DKK": 6.87, "SEK": 10.6, "NOK": 10.8, "CHF": 0.88, "CAD": 1.37}

var rateCurrencies = []string{"USD", "EUR", "GBP", "DKK", "SEK", "NOK", "CHF", "CAD"}

func (g *generator) companies() []*company {
	defs := companiesOf(g.nComp)
	out := make([]*company, 0, len(defs))
	specs := allVendorSpecs()
	for i, d := range defs {
		c := &company{local: d.local, taxBP: d.taxBP, def: d, byID: map[string]*bc.PurchaseInvoice{}}
		c.info = bc.Company{
			ID:                   newGUID(g.r),
			SystemVersion:        "25.1.23456.0",
			Name:                 d.name,
			DisplayName:          d.name,
			LastModifiedDateTime: g.now.AddDate(-3, 0, -i),
		}
		c.infoEntity = bc.CompanyInformation{ID: newGUIDFrom(c.info.ID, 1), DisplayName: d.name,
			CurrencyCode: d.local, LastModifiedDateTime: c.info.LastModifiedDateTime}
		c.glSetup = bc.GeneralLedgerSetup{ID: newGUIDFrom(c.info.ID, 2), LocalCurrencyCode: d.local,
			ShortcutDimension1Code: d.dim1, ShortcutDimension2Code: d.dim2, LastModifiedDateTime: c.info.LastModifiedDateTime}
		g.vendors(c, specs)
		g.rates(c)
		g.invoices(c, specs)
		g.creditMemos(c)
		// Paging order; invoices referenced vendors by catalog index until now.
		sortByID(c.vendors, func(v *bc.Vendor) string { return v.ID })
		out = append(out, c)
	}
	return out
}

// companiesOf is the first n companies (0: the three CRONUS ones); beyond
// three the definitions repeat with a number, "CRONUS UK Ltd. 2", so a
// benchmark can sync ten companies. The first three never change.
func companiesOf(n int) []companyDef {
	if n <= 0 {
		n = len(companyDefs)
	}
	out := make([]companyDef, n)
	for i := range out {
		out[i] = companyDefs[i%len(companyDefs)]
		if i >= len(companyDefs) {
			out[i].name += " " + itoa(int64(i/len(companyDefs)+1))
		}
	}
	return out
}

// allVendorSpecs is the catalog plus synthetic local suppliers, 160 in all.
func allVendorSpecs() []vendorSpec {
	var s []vendorSpec
	s = append(s, saasVendors...)
	s = append(s, resellers...)
	s = append(s, otherVendors...)
	for _, h := range hostileVendors {
		if strings.HasPrefix(h.name, "Extremely Long") {
			h.name = padTo(h.name, 100)
			h.products = []product{h.products[0]}
			h.products[0].desc = padTo(h.products[0].desc, 100)
		}
		s = append(s, h)
	}
	for i := 0; len(s) < 160; i++ {
		sur := supplierSurnames[i%len(supplierSurnames)]
		trade := supplierTrades[(i*7)%len(supplierTrades)]
		name := sur + " " + trade + " " + supplierSuffix[i%len(supplierSuffix)]
		s = append(s, other(name, strings.ToLower(sur)+"-"+itoa(int64(i))+".example",
			p(trade+" services", int64(20000+i*1375), oneOff), p(trade+" materials", int64(5000+i*311), oneOff)))
	}
	return s
}

// padTo extends s with a filler word until it is exactly n characters.
func padTo(s string, n int) string {
	for utf8.RuneCountInString(s) < n {
		s += "X"
	}
	return s
}

func (g *generator) vendors(c *company, specs []vendorSpec) {
	c.vendors = make([]*bc.Vendor, len(specs))
	for i, s := range specs {
		cur := s.currency
		if cur == c.local {
			cur = ""
		}
		blocked := " "
		if i%37 == 36 {
			blocked = "All"
		}
		c.vendors[i] = &bc.Vendor{
			ID:                   newGUID(g.r),
			Number:               "V" + pad(int64(10000+i*10), 5),
			DisplayName:          s.name,
			Email:                "billing@" + s.domain,
			Website:              "www." + s.domain,
			CurrencyCode:         cur,
			Blocked:              blocked,
			LastModifiedDateTime: g.now.AddDate(-2, 0, 0).Add(time.Duration(i) * time.Hour),
		}
	}
}

// rates writes one row per currency per month, a random walk around usdPer.
func (g *generator) rates(c *company) {
	start := monthStart(g.today).AddDate(0, -historyMonths, 0)
	for _, cur := range rateCurrencies {
		if cur == c.local {
			continue
		}
		drift := 1.0
		for m := start; !m.After(g.today); m = m.AddDate(0, 1, 0) {
			drift *= 1 + (g.r.Float64()-0.5)*0.04
			rel := 100 * usdPer[c.local] / usdPer[cur] * drift
			c.rates = append(c.rates, &bc.CurrencyExchangeRate{
				ID:                           newGUID(g.r),
				CurrencyCode:                 cur,
				StartingDate:                 bc.Date{Time: m},
				ExchangeRateAmount:           money.NewDecimal(100, 0),
				RelationalExchangeRateAmount: g.rateAmount(rel),
				LastModifiedDateTime:         minTime(m.Add(9*time.Hour), g.now),
			})
		}
	}
	sortByID(c.rates, func(r *bc.CurrencyExchangeRate) string { return r.ID })
}

// rateAmount is rel with the 6 decimal places BC's Currency Exchange Rate
// table keeps (DecimalPlaces 1:6), e.g. 108.401234.
func (g *generator) rateAmount(rel float64) money.Decimal {
	return money.NewDecimal(int64(math.Round(rel*10000))*100+int64(g.rateFine.IntN(100)), 6)
}

// fineLine gives some single-unit lines a fractional quantity with BC's 5
// places (hours, GB) and the unit cost with 5 places that BC would have
// stored for it, chosen so that quantity × unit cost still rounds to the
// same net amount: net cents N over quantity q5/10^5 is a unit cost of
// round(N·10^8/q5) / 10^5, off by at most q5/(2·10^8) cents, under half a
// cent while q5 < 10^8.
func (g *generator) fineLine(ls lineSpec, net int64) (qty, unit money.Decimal) {
	qty, unit = money.NewDecimal(ls.qty, 0), money.DecimalOf(money.FromCents(ls.unit))
	if ls.qty != 1 || ls.disc != 0 || net <= 0 || g.fine.IntN(4) != 0 {
		return qty, unit
	}
	q5 := 50000 + g.fine.Int64N(20000000) // 0.5 .. 200.5
	u5 := (net*100000000 + q5/2) / q5
	return money.NewDecimal(q5, 5), money.NewDecimal(u5, 5)
}

// lineKind gives some lines the other types BC has, whose names it sends
// escaped (Fixed_x0020_Asset, Allocation_x0020_Account): an item bought
// as a fixed asset, an account line spread by an allocation account.
func (g *generator) lineKind(l *bc.PurchaseInvoiceLine, ls lineSpec) {
	switch x := g.fine.IntN(20); {
	case ls.item && x < 4:
		l.LineType, l.LineObjectNumber = bc.LineFixedAsset, "FA"+pad(int64(10+len(ls.desc)%90), 6)
	case !ls.item && x == 0:
		l.LineType, l.LineObjectNumber = bc.LineAllocationAccount, "ALLOC-SHARED"
	}
}

// subscription is a recurring charge of one vendor to one company.
type subscription struct {
	vendor   int
	products []product
	seats    []int64
	cadence  cadence
	day      int
	phase    int // month offset for quarterly/annual
	raiseAt  int // month index of a price increase, -1 for none
	raiseBP  int64
}

func (g *generator) subscriptions(specs []vendorSpec) []subscription {
	var subs []subscription
	for vi, s := range specs {
		byCad := map[cadence][]product{}
		for _, pr := range s.products {
			if pr.cadence != oneOff {
				byCad[pr.cadence] = append(byCad[pr.cadence], pr)
			}
		}
		chance := 0.25
		switch {
		case anchorVendors[s.name] > 0 || s.kind == kindHostile:
			chance = 1
		case s.kind == kindSaaS:
			chance = 0.8
		}
		for _, cad := range []cadence{monthly, quarterly, annual} {
			prods := byCad[cad]
			if len(prods) == 0 || g.r.Float64() > chance {
				continue
			}
			sub := subscription{vendor: vi, cadence: cad, day: 1 + g.r.IntN(28), phase: g.r.IntN(12), raiseAt: -1}
			for _, pr := range prods {
				if len(sub.products) > 0 && g.r.IntN(3) == 0 {
					continue
				}
				sub.products = append(sub.products, pr)
				n := int64(1)
				if pr.seats {
					n = int64(3 + g.r.IntN(60))
				}
				sub.seats = append(sub.seats, n)
			}
			if g.r.IntN(3) == 0 {
				sub.raiseAt, sub.raiseBP = 2+g.r.IntN(historyMonths-2), int64(500+g.r.IntN(1500))
			}
			subs = append(subs, sub)
		}
	}
	return g.budget(subs, specs)
}

// anchorVendors always bill a tiny tenant too: the multi-product vendors
// the matcher must split, a mistaken-identity trap's namesake, and the rent.
var anchorVendors = map[string]int{
	"Microsoft Ireland Operations Ltd":   1,
	"Slack Technologies LLC":             2,
	"Google Ireland Limited":             3,
	"Atlassian Pty Ltd":                  4,
	"Adobe Systems Software Ireland Ltd": 5,
	"The Rocket Science Group LLC":       6,
	"Harbor Point Properties LLC":        7,
}

// budget keeps recurring charges to about 60% of a month's invoices so
// one-off purchases (resellers, travel, hardware, look-alike names) always
// appear; anchors first, the rest in seeded random order.
func (g *generator) budget(subs []subscription, specs []vendorSpec) []subscription {
	limit := max(1, float64(g.perMo)*0.6)
	var anchors, rest []subscription
	for _, sub := range subs {
		if anchorVendors[specs[sub.vendor].name] > 0 {
			anchors = append(anchors, sub)
		} else {
			rest = append(rest, sub)
		}
	}
	sort.SliceStable(anchors, func(i, j int) bool {
		return anchorVendors[specs[anchors[i].vendor].name] < anchorVendors[specs[anchors[j].vendor].name]
	})
	g.r.Shuffle(len(rest), func(i, j int) { rest[i], rest[j] = rest[j], rest[i] })
	var out []subscription
	load := 0.0
	for _, sub := range append(anchors, rest...) {
		w := map[cadence]float64{monthly: 1, quarterly: 1.0 / 3, annual: 1.0 / 12}[sub.cadence]
		if load+w > limit && len(out) > 0 {
			continue
		}
		load += w
		out = append(out, sub)
	}
	return out
}

func (sub *subscription) due(month int) bool {
	switch sub.cadence {
	case monthly:
		return true
	case quarterly:
		return month%3 == sub.phase%3
	case annual:
		return month%12 == sub.phase
	}
	return false
}

// invoices generates perMo invoices per month: the recurring charges due
// that month first, then one-off purchases.
func (g *generator) invoices(c *company, specs []vendorSpec) {
	subs := g.subscriptions(specs)
	first := monthStart(g.today).AddDate(0, -(historyMonths - 1), 0)
	c.invoices = make([]*bc.PurchaseInvoice, 0, g.perMo*historyMonths)
	posted, draft := 108000, 1000
	for mi := 0; mi < historyMonths; mi++ {
		m := first.AddDate(0, mi, 0)
		days := daysIn(m)
		n := g.perMo
		if mi == historyMonths-1 { // the current month is partly over
			days = g.today.Day()
			n = max(1, n*days/daysIn(m))
		}
		due := make([]int, 0, len(subs))
		for si := range subs {
			if subs[si].due(mi) && subs[si].day <= days {
				due = append(due, si)
			}
		}
		g.r.Shuffle(len(due), func(i, j int) { due[i], due[j] = due[j], due[i] })
		for k := 0; k < n; k++ {
			var inv *bc.PurchaseInvoice
			if k < len(due) {
				sub := &subs[due[k]]
				inv = g.subscriptionInvoice(c, specs, sub, m, mi)
			} else {
				inv = g.oneOffInvoice(c, specs, m.AddDate(0, 0, g.r.IntN(days)))
			}
			c.invoices = append(c.invoices, inv)
		}
	}
	ensureStatuses(c.invoices)
	for _, inv := range c.invoices {
		if isPosted(inv.Status) {
			posted++
			inv.Number = itoa(int64(posted))
		} else {
			draft++
			inv.Number = itoa(int64(draft))
		}
	}
	c.nextNo = posted + 100000
	sortInvoices(c.invoices)
	for _, inv := range c.invoices {
		c.byID[inv.ID] = inv
	}
}

// ensureStatuses makes every status occur even in a tiny tenant: the
// newest documents become drafts or in review, old paid ones canceled or
// corrective. invs is in date order.
func ensureStatuses(invs []*bc.PurchaseInvoice) {
	have := map[string]int{}
	for _, inv := range invs {
		have[inv.Status]++
	}
	set := func(inv *bc.PurchaseInvoice, status string) {
		have[inv.Status]--
		have[status]++
		inv.Status = status
		finishInvoice(inv)
	}
	n := len(invs)
	for i, st := range []string{bc.StatusDraft, bc.StatusInReview, bc.StatusOpen} {
		if have[st] == 0 && n > i {
			set(invs[n-1-i], st)
		}
	}
	for i, st := range []string{bc.StatusCanceled, bc.StatusCorrective, bc.StatusPaid} {
		if have[st] == 0 && n > 3+i {
			set(invs[i], st)
		}
	}
}

type lineSpec struct {
	desc  string
	unit  int64 // cents in invoice currency
	qty   int64
	disc  int64
	item  bool
	notes string // an optional comment line before it
}

func (g *generator) subscriptionInvoice(c *company, specs []vendorSpec, sub *subscription, m time.Time, mi int) *bc.PurchaseInvoice {
	s := specs[sub.vendor]
	date := m.AddDate(0, 0, sub.day-1)
	cur := invoiceCurrency(s, c)
	lines := g.specBuf[:0]
	for i, pr := range sub.products {
		price := pr.price
		if sub.raiseAt >= 0 && mi >= sub.raiseAt {
			price += price * sub.raiseBP / 10000
		}
		if sub.cadence == annual && pr.seats {
			price *= 12
		}
		if !pr.seats && pr.cadence == monthly && strings.Contains(strings.ToLower(pr.desc), "usage") {
			price = price * int64(80+g.r.IntN(40)) / 100 // metered charges vary
		}
		ls := lineSpec{desc: pr.desc, unit: convert(price, cur), qty: sub.seats[i]}
		if i == 0 && g.r.IntN(3) == 0 {
			ls.notes = "Billing period " + date.Format("Jan 2, 2006") + " - " + periodEnd(date, sub.cadence).Format("Jan 2, 2006")
		}
		lines = append(lines, ls)
	}
	g.specBuf = lines
	return g.build(c, s, sub.vendor, cur, date, lines)
}

func (g *generator) oneOffInvoice(c *company, specs []vendorSpec, date time.Time) *bc.PurchaseInvoice {
	var vi int
	switch x := g.r.IntN(10); {
	case x < 2:
		vi = g.r.IntN(len(saasVendors))
	case x < 3:
		vi = len(saasVendors) + g.r.IntN(len(resellers))
	default:
		vi = len(saasVendors) + len(resellers) + g.r.IntN(len(specs)-len(saasVendors)-len(resellers))
	}
	s := specs[vi]
	cur := invoiceCurrency(s, c)
	pool := s.products
	if s.kind == kindReseller {
		pool = resellerProducts
	}
	nl := 2 + g.r.IntN(6)
	if s.kind == kindReseller {
		nl = 2 + g.r.IntN(5)
	}
	lines := g.specBuf[:0]
	for i := 0; i < nl; i++ {
		pr := pool[g.r.IntN(len(pool))]
		qty := int64(1)
		switch {
		case pr.seats:
			qty = int64(1 + g.r.IntN(25))
		case s.kind == kindReseller:
			qty = int64(1 + g.r.IntN(3)) // licences and appliances come in ones and twos
		}
		price := pr.price * int64(85+g.r.IntN(30)) / 100
		ls := lineSpec{desc: pr.desc, unit: convert(price, cur), qty: qty, item: s.kind == kindReseller || s.kind == kindOther}
		if g.r.IntN(12) == 0 {
			ls.disc = ls.unit * qty / 10
		}
		if i == 0 && g.r.IntN(6) == 0 {
			ls.notes = "PO " + itoa(int64(4500+g.r.IntN(5000))) + " - requested by " + firstNames[g.r.IntN(len(firstNames))]
		}
		lines = append(lines, ls)
	}
	g.specBuf = lines
	return g.build(c, s, vi, cur, date, lines)
}

// build assembles an invoice whose totals are exactly the sums of its lines.
func (g *generator) build(c *company, s vendorSpec, vi int, cur string, date time.Time, specs []lineSpec) *bc.PurchaseInvoice {
	v := c.vendors[vi]
	posting := date.AddDate(0, 0, g.r.IntN(4))
	if posting.After(g.today) {
		posting = g.today
	}
	status := g.status(posting)
	inv := g.newInvoice()
	*inv = bc.PurchaseInvoice{
		ID:                     newGUID(g.r),
		InvoiceDate:            bc.Date{Time: date},
		PostingDate:            bc.Date{Time: posting},
		DueDate:                bc.Date{Time: date.AddDate(0, 0, 30)},
		VendorInvoiceNumber:    vendorPrefix(s.name) + "-" + pad(int64(g.r.IntN(1000000)), 6),
		VendorID:               v.ID,
		VendorNumber:           v.Number,
		VendorName:             v.DisplayName,
		PayToName:              v.DisplayName,
		CurrencyCode:           cur,
		CurrencyID:             currencyID(cur, c.local),
		Status:                 status,
		ShortcutDimension1Code: c.def.dim1Values[g.r.IntN(len(departments))],
		ShortcutDimension2Code: costCentres[g.r.IntN(len(costCentres))],
	}
	inv.LastModifiedDateTime = g.lastModified(posting, status)
	n := len(specs)
	for _, ls := range specs {
		if ls.notes != "" {
			n++
		}
	}
	inv.Lines = g.newLines(n)
	taxBP := c.taxBP
	if cur != c.local {
		taxBP = 0 // reverse charge on foreign supplies
	}
	for _, ls := range specs {
		if ls.notes != "" {
			inv.Lines = append(inv.Lines, bc.PurchaseInvoiceLine{ID: newGUID(g.r), LineType: bc.LineComment, Description: ls.notes})
		}
		net := ls.unit*ls.qty - ls.disc
		tax := (net*taxBP + 5000) / 10000
		qty, unit := g.fineLine(ls, net)
		l := bc.PurchaseInvoiceLine{
			ID:                    newGUID(g.r),
			LineType:              bc.LineAccount,
			LineObjectNumber:      "61300",
			Description:           truncate(ls.desc, 100),
			UnitCost:              unit,
			Quantity:              qty,
			DiscountAmount:        money.FromCents(ls.disc),
			NetAmount:             money.FromCents(net),
			NetTaxAmount:          money.FromCents(tax),
			NetAmountIncludingTax: money.FromCents(net + tax),
		}
		if ls.item {
			l.LineType, l.LineObjectNumber = bc.LineItem, "1"+pad(int64(len(ls.desc)*37%1000), 3)+"0"
		}
		g.lineKind(&l, ls)
		inv.Lines = append(inv.Lines, l)
	}
	for i := range inv.Lines {
		inv.Lines[i].Sequence = (i + 1) * 10000
	}
	finishInvoice(inv)
	return inv
}

var (
	departments = []string{"ADM", "IT", "SALES", "PROD", "MARKETING", ""}
	areas       = []string{"NORTH", "SOUTH", "EAST", "WEST", "CPH", ""}
	costCentres = []string{"HQ", "REMOTE", "EMEA", "US", ""}
)

// status follows the document's age: recent ones are drafts or open,
// old ones mostly paid, a few canceled or corrected.
func (g *generator) status(posting time.Time) string {
	age := g.today.Sub(posting).Hours() / 24
	x := g.r.IntN(100)
	switch {
	case age < 7:
		switch {
		case x < 25:
			return bc.StatusDraft
		case x < 40:
			return bc.StatusInReview
		case x < 85:
			return bc.StatusOpen
		}
		return bc.StatusPaid
	case age < 45:
		if x < 55 {
			return bc.StatusOpen
		}
		return bc.StatusPaid
	}
	switch {
	case x < 90:
		return bc.StatusPaid
	case x < 93:
		return bc.StatusOpen
	case x < 97:
		return bc.StatusCanceled
	}
	return bc.StatusCorrective
}

// lastModified: paid invoices were touched when the payment was applied.
func (g *generator) lastModified(posting time.Time, status string) time.Time {
	t := posting.Add(time.Duration(8+g.r.IntN(10))*time.Hour + time.Duration(g.r.IntN(3600000))*time.Millisecond)
	if status == bc.StatusPaid || status == bc.StatusCanceled || status == bc.StatusCorrective {
		t = t.AddDate(0, 0, 5+g.r.IntN(40))
	}
	return minTime(t, g.now.Add(-time.Duration(1+g.r.IntN(3600))*time.Second))
}

func invoiceCurrency(s vendorSpec, c *company) string {
	if s.currency == "" {
		return c.local
	}
	return s.currency
}

// convert scales a USD-cent price to cents of cur; local-currency vendors
// are priced in local terms too.
func convert(usdCents int64, cur string) int64 {
	f, ok := usdPer[cur]
	if !ok {
		f = 1
	}
	return int64(math.Round(float64(usdCents) * f))
}

// currencyID is all zeros for the local currency, as BC sends it.
func currencyID(cur, local string) string {
	if cur == local || cur == "" {
		return bc.ZeroGUID
	}
	r := rand.New(rand.NewPCG(uint64(len(cur)), uint64(cur[0])<<16|uint64(cur[1])<<8|uint64(cur[len(cur)-1])))
	return newGUID(r)
}

func vendorPrefix(name string) string {
	var b []byte
	for i := 0; i < len(name) && len(b) < 3; i++ {
		if c := name[i]; c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' {
			b = append(b, c&^0x20)
		}
	}
	return string(b)
}

func periodEnd(d time.Time, c cadence) time.Time {
	switch c {
	case quarterly:
		return d.AddDate(0, 3, -1)
	case annual:
		return d.AddDate(1, 0, -1)
	}
	return d.AddDate(0, 1, -1)
}

func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n])
}

func monthStart(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
}

func daysIn(m time.Time) int { return monthStart(m).AddDate(0, 1, -1).Day() }

func minTime(a, b time.Time) time.Time {
	if a.After(b) {
		return b
	}
	return a
}
