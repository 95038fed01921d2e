package insights

import (
	"fmt"
	"sort"
	"time"

	"github.com/bcspend/bcspend/money"
	"github.com/bcspend/bcspend/store"
)

// Contract is what bcspend knows of one plan's contract: its term and the
// current period (start to end, the last day of service), the amount per
// term, the next renewal and, when an admin said so, the notice period,
// auto-renewal, owner and notes. Inferred ones say how sure they are and
// why (Evidence); an admin's correction wins field by field (Source
// "admin").
type Contract struct {
	App        string       `json:"app"`
	Category   string       `json:"category"`
	Company    string       `json:"company"`
	CompanyID  string       `json:"company_id"`
	Vendor     string       `json:"vendor"`
	Currency   string       `json:"currency"`
	TermMonths int          `json:"term_months"`
	Start      time.Time    `json:"start"`
	End        time.Time    `json:"end"` // last day of the current period
	Amount     money.Amount `json:"amount"`
	PerYear    money.Amount `json:"per_year"` // Amount x 12 / TermMonths
	// NextRenewal is the day after End. Status says where today is:
	// active (within the period), renewing (the period ended lately and the
	// renewal's invoice is probably not paid yet), lapsed (ended longer ago,
	// no newer charge: cancelled, or renewed elsewhere).
	NextRenewal    time.Time `json:"next_renewal"`
	DaysUntil      int       `json:"days_until"`
	Status         string    `json:"status"`
	NoticeDays     int       `json:"notice_days,omitempty"` // 0: unknown
	NoticeDeadline time.Time `json:"notice_deadline,omitzero"`
	AutoRenew      *bool     `json:"auto_renew,omitempty"` // nil: unknown
	Owner          string    `json:"owner,omitempty"`
	Notes          string    `json:"notes,omitempty"`
	Confidence     float64   `json:"confidence"`
	Source         string    `json:"source"` // line-period, line-term, cadence, admin
	Evidence       []string  `json:"evidence"`
	Charges        int       `json:"charges"`
	TransactionIDs []string  `json:"transaction_ids"`
	Message        string    `json:"message"`
	Dismissed      bool      `json:"dismissed"`
	Ident
}

// Contract statuses.
const (
	ContractActive   = "active"
	ContractRenewing = "renewing"
	ContractLapsed   = "lapsed"
)

// Contract sources, most trusted last.
const (
	SourceCadence    = "cadence"
	SourceLineTerm   = "line-term"
	SourceLinePeriod = "line-period"
	SourceAdmin      = "admin"
)

// contractOf infers the contract of a plan, or reports false when nothing
// says what its term is (one charge with no period on its lines, or an
// irregular rhythm). The evidence, strongest first: a date range on the
// last charge's lines; a range on an earlier charge (its term, from the
// last charge); a term word on any charge ("annual", "Jahreslizenz",
// "3-year"); the cadence of the charges.
func contractOf(s *series, c Cadence, today time.Time) (Contract, bool) {
	last := &s.Charges[len(s.Charges)-1]
	k := Contract{App: s.App, Category: s.Category, Company: s.Company, CompanyID: s.CompanyID, Vendor: s.Vendor,
		Currency: s.Currency, Amount: last.Amount, Charges: len(s.Charges), TransactionIDs: s.ids()}
	b, regular := bandOf(c)
	switch p, at, ok := periodIn(s, true); {
	case ok && at == len(s.Charges)-1:
		k.TermMonths, k.Start, k.End = p.Months, p.Start, p.End
		k.Source, k.Confidence = SourceLinePeriod, 0.9
		k.Evidence = append(k.Evidence, fmt.Sprintf("line %q on invoice %s", p.Text, p.invoice))
	case ok:
		k.TermMonths, k.Start = p.Months, last.Date
		k.Source, k.Confidence = SourceLinePeriod, 0.8
		k.Evidence = append(k.Evidence, fmt.Sprintf("line %q on earlier invoice %s; the current period counted from the last charge", p.Text, p.invoice))
	default:
		if p, _, ok := periodIn(s, false); ok {
			k.TermMonths, k.Start = p.Months, last.Date
			k.Source, k.Confidence = SourceLineTerm, 0.7
			k.Evidence = append(k.Evidence, fmt.Sprintf("line says %q on invoice %s", p.Text, p.invoice))
		} else if regular {
			k.TermMonths, k.Start = b.months, last.Date
			k.Source, k.Confidence = SourceCadence, cadenceConfidence(len(s.Charges))
		} else {
			return Contract{}, false
		}
	}
	if regular {
		if b.months == k.TermMonths && k.Source != SourceCadence {
			k.Confidence = min(0.95, k.Confidence+0.1)
		}
		k.Evidence = append(k.Evidence, fmt.Sprintf("%d charges, %s", len(s.Charges), c))
	}
	if k.End.IsZero() {
		k.End = addMonths(k.Start, k.TermMonths).AddDate(0, 0, -1)
	}
	k.Ident = ident(KindNotice, []string{s.App, s.CompanyID, s.Currency, fmt.Sprint(k.TermMonths)}, k.End)
	k.settle(today, last.DueDays)
	return k, true
}

// cadenceConfidence: two charges a period apart could be chance; a dozen
// are a contract.
func cadenceConfidence(charges int) float64 {
	switch {
	case charges >= 6:
		return 0.8
	case charges >= 3:
		return 0.65
	}
	return 0.5
}

// foundPeriod is a period read from a charge's line, with its invoice.
type foundPeriod struct {
	Period
	invoice string
}

// periodIn is the newest charge's period: a range when ranges is set,
// else a term word; at is the charge's index.
func periodIn(s *series, ranges bool) (foundPeriod, int, bool) {
	for i := len(s.Charges) - 1; i >= 0; i-- {
		for _, t := range s.Charges[i].Texts {
			if p, ok := ParsePeriod(t.text); ok && p.HasRange() == ranges {
				return foundPeriod{p, t.invoice}, i, true
			}
		}
	}
	return foundPeriod{}, 0, false
}

// settle derives what follows from the period and today: the next
// renewal, the status, the notice deadline, the amount per year and the
// message. dueDays is the payment term of the last invoice: a renewal is
// not expected in the store (paid invoices only) before it is due.
func (k *Contract) settle(today time.Time, dueDays int) {
	k.NextRenewal = k.End.AddDate(0, 0, 1)
	k.DaysUntil = daysBetween(today, k.NextRenewal)
	b, ok := bandOf(termCadence(k.TermMonths))
	if !ok {
		b = bands[0]
	}
	switch {
	case !today.After(k.End):
		k.Status = ContractActive
	case today.After(overdueAfter(k.NextRenewal, b, dueDays)):
		k.Status = ContractLapsed
	default:
		k.Status = ContractRenewing
	}
	k.NoticeDeadline = time.Time{}
	if k.NoticeDays > 0 {
		k.NoticeDeadline = k.NextRenewal.AddDate(0, 0, -k.NoticeDays)
	}
	if k.TermMonths > 0 {
		k.PerYear = k.Amount * money.Amount(12) / money.Amount(k.TermMonths)
	}
	k.Message = k.describe()
}

func (k *Contract) describe() string {
	what := fmt.Sprintf("%s (%s): %s contract %s to %s, %s %s a term", k.App, k.Company, termName(k.TermMonths),
		k.Start.Format(time.DateOnly), k.End.Format(time.DateOnly), k.Amount.Grouped(), k.Currency)
	switch k.Status {
	case ContractLapsed:
		return what + "; lapsed, no charge since"
	case ContractRenewing:
		what += "; renewal due " + k.NextRenewal.Format(time.DateOnly) + ", not yet paid"
	default:
		what += "; renews " + k.NextRenewal.Format(time.DateOnly)
	}
	if !k.NoticeDeadline.IsZero() {
		what += fmt.Sprintf(", notice by %s (%d days)", k.NoticeDeadline.Format(time.DateOnly), k.NoticeDays)
	}
	if k.AutoRenew != nil && !*k.AutoRenew {
		what += ", does not auto-renew"
	}
	return what
}

// termCadence is the cadence a term bills at.
func termCadence(months int) Cadence {
	switch months {
	case 1:
		return Monthly
	case 3:
		return Quarterly
	case 12:
		return Annual
	}
	if months > 12 {
		return MultiYear
	}
	return Irregular
}

func termName(months int) string {
	switch {
	case months == 1:
		return "monthly"
	case months == 3:
		return "quarterly"
	case months == 12:
		return "annual"
	case months%12 == 0:
		return fmt.Sprintf("%d-year", months/12)
	}
	return fmt.Sprintf("%d-month", months)
}

// ContractKey is how an admin's correction names a contract: the
// application and the company (docs/INSIGHTS.md).
func ContractKey(app, companyID string) string { return app + "\x00" + companyID }

// ApplyContracts lays the admin's corrections over the inferred contracts:
// per application and company, the correction goes to the contract with
// the longest term (the one a renewal is negotiated for), field by field;
// a correction with no inferred contract is a contract of its own. today
// re-derives the status and the notice deadline.
func (r *Report) ApplyContracts(cs map[string]store.Contract) {
	today := day(r.Generated)
	target := map[string]int{}
	for i, k := range r.Contracts {
		key := ContractKey(k.App, k.CompanyID)
		if j, ok := target[key]; !ok || longer(&k, &r.Contracts[j]) {
			target[key] = i
		}
	}
	keys := make([]string, 0, len(cs))
	for key := range cs {
		keys = append(keys, key)
	}
	sort.Strings(keys)
	for _, key := range keys {
		c := cs[key]
		i, ok := target[key]
		if !ok {
			r.Contracts = append(r.Contracts, Contract{App: c.App, Company: c.Company, CompanyID: c.CompanyID,
				Currency: c.Currency, Evidence: []string{}, TransactionIDs: []string{}})
			i = len(r.Contracts) - 1
		}
		k := &r.Contracts[i]
		k.correct(c)
		k.settle(today, 0)
	}
	sortContracts(r.Contracts)
}

func longer(a, b *Contract) bool {
	if a.TermMonths != b.TermMonths {
		return a.TermMonths > b.TermMonths
	}
	return a.PerYear > b.PerYear
}

// correct applies an admin's fields to the contract.
func (k *Contract) correct(c store.Contract) {
	if c.TermMonths > 0 && k.TermMonths > 0 && c.TermMonths != k.TermMonths && c.Amount == nil {
		// A monthly plan corrected to an annual contract: the term's amount scales.
		k.Amount = k.Amount * money.Amount(c.TermMonths) / money.Amount(k.TermMonths)
	}
	if c.TermMonths > 0 {
		k.TermMonths = c.TermMonths
	}
	if k.TermMonths == 0 && (c.Start.IsZero() || c.End.IsZero()) {
		k.TermMonths = 12 // an added contract without its term: the usual one
	}
	switch {
	case !c.Start.IsZero() && !c.End.IsZero():
		k.Start, k.End = c.Start, c.End
		if c.TermMonths == 0 {
			k.TermMonths, _ = wholeMonths(k.Start, k.End)
		}
	case !c.Start.IsZero():
		k.Start = c.Start
		k.End = addMonths(k.Start, k.TermMonths).AddDate(0, 0, -1)
	case !c.End.IsZero():
		k.End = c.End
		k.Start = addMonths(k.End.AddDate(0, 0, 1), -k.TermMonths)
	case c.TermMonths > 0:
		k.End = addMonths(k.Start, k.TermMonths).AddDate(0, 0, -1)
	}
	if c.Amount != nil {
		k.Amount = *c.Amount
	}
	if c.Currency != "" {
		k.Currency = c.Currency
	}
	if c.NoticeDays != nil {
		k.NoticeDays = *c.NoticeDays
	}
	if c.AutoRenew != nil {
		v := *c.AutoRenew
		k.AutoRenew = &v
	}
	if c.Owner != "" {
		k.Owner = c.Owner
	}
	if c.Notes != "" {
		k.Notes = c.Notes
	}
	k.Source, k.Confidence = SourceAdmin, 1
	k.Evidence = append(k.Evidence, fmt.Sprintf("corrected by %s on %s", c.By, c.At.Format(time.DateOnly)))
	k.Ident = ident(KindNotice, []string{k.App, k.CompanyID, k.Currency, fmt.Sprint(k.TermMonths)}, k.End, k.NoticeDays)
}

// sortContracts puts the nearest notice deadline first (a deadline is what
// an admin can miss), then the nearest renewal; lapsed contracts last.
func sortContracts(cs []Contract) {
	sort.SliceStable(cs, func(i, j int) bool {
		a, b := &cs[i], &cs[j]
		if (a.Status == ContractLapsed) != (b.Status == ContractLapsed) {
			return b.Status == ContractLapsed
		}
		da, db := a.firstDate(), b.firstDate()
		if !da.Equal(db) {
			return da.Before(db)
		}
		if a.App != b.App {
			return a.App < b.App
		}
		return a.Company < b.Company
	})
}

// firstDate is the date to act by: the notice deadline if known, else the
// renewal.
func (k *Contract) firstDate() time.Time {
	if !k.NoticeDeadline.IsZero() {
		return k.NoticeDeadline
	}
	return k.NextRenewal
}

// ActBy is the date the admin must decide by (notice deadline, or renewal).
func (k *Contract) ActBy() time.Time { return k.firstDate() }

// Upcoming are the active and renewing contracts whose act-by date falls
// within days from today (renewing ones always: their renewal is due), at
// least minTerm months long, in calendar order.
func (r *Report) Upcoming(days, minTerm int) []Contract {
	today := day(r.Generated)
	var out []Contract
	for _, k := range r.Contracts {
		if k.Status == ContractLapsed || k.TermMonths < minTerm {
			continue
		}
		if k.Status == ContractRenewing || daysBetween(today, k.ActBy()) <= days {
			out = append(out, k)
		}
	}
	return out
}
