package spend

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/bcspend/bcspend/failure"
	"github.com/bcspend/bcspend/store"
)

// The reporting currency is the one currency every total, sort, average,
// insight and export figure is in. It is the setting reporting-currency,
// or by default the first company's local currency as BC reports it. A
// reporting currency must be one the data can reach: a company's local
// currency or a currency in some company's exchange rate table; any other
// would leave every amount unconverted.

// CurrencySetting is the reporting currency in force and what it can be.
type CurrencySetting struct {
	Value     string   // in force: the setting, else Default
	Default   string   // the first company's local currency ("" when nothing is synced)
	IsDefault bool     // no setting stored
	Known     []string // the currencies a reporting currency can be, sorted
}

// ReportingCurrency reads the setting, its default and the choices without
// deriving any spend (it reads the connection, the rate tables and at most
// a few invoices per company).
func ReportingCurrency(db *store.DB) (CurrencySetting, error) {
	m := &Model{}
	if err := m.loadCompanies(db); err != nil {
		return CurrencySetting{}, err
	}
	if err := m.learnLocalCurrencies(db); err != nil {
		return CurrencySetting{}, err
	}
	var cs CurrencySetting
	known := map[string]bool{}
	for _, c := range m.companies {
		if cs.Default == "" {
			cs.Default = c.LocalCurrency
		}
		if c.LocalCurrency != "" {
			known[c.LocalCurrency] = true
		}
		rates, err := db.ExchangeRates(c.ID)
		if err != nil {
			return cs, err
		}
		for _, r := range rates {
			known[r.CurrencyCode] = true
		}
	}
	for c := range known {
		if c != "" {
			cs.Known = append(cs.Known, c)
		}
	}
	slices.Sort(cs.Known)
	v, ok, err := db.Setting(store.SettingReportingCurrency)
	if err != nil {
		return cs, err
	}
	cs.Value, cs.IsDefault = v, !ok
	if !ok {
		cs.Value = cs.Default
	}
	return cs, nil
}

// SetReportingCurrency validates cur against the data and stores it
// (upper-cased). Nothing needs a sync: the next Load converts to it.
func SetReportingCurrency(db *store.DB, cur string) (string, error) {
	cur = strings.ToUpper(strings.TrimSpace(cur))
	cs, err := ReportingCurrency(db)
	if err != nil {
		return "", err
	}
	if !slices.Contains(cs.Known, cur) {
		fix := "sync first: the choices are the companies' local currencies and those in their exchange rate tables"
		if len(cs.Known) > 0 {
			fix = "use one of: " + strings.Join(cs.Known, ", ") + " (the companies' local currencies and those with exchange rates in Business Central)"
		}
		return "", failure.Input(fmt.Sprintf("no company can convert to %q: it is neither a local currency nor in an exchange rate table", cur), fix)
	}
	return cur, db.SetSetting(store.SettingReportingCurrency, cur)
}

// errFound stops an invoice walk early.
var errFound = errors.New("found")

// learnLocalCurrencies fills the local currency of companies the
// connection does not know it for from their first local invoice: BC fills
// currencyCode with the local code on invoices whose currencyId is zero.
func (m *Model) learnLocalCurrencies(db *store.DB) error {
	for i := range m.companies {
		c := &m.companies[i]
		if c.LocalCurrency != "" {
			continue
		}
		err := db.ForEachInvoice(c.ID, time.Time{}, time.Time{}, func(inv *store.Invoice) error {
			if isZeroGUID(inv.CurrencyID) && inv.CurrencyCode != "" {
				c.LocalCurrency = inv.CurrencyCode
				return errFound
			}
			return nil
		})
		if err != nil && !errors.Is(err, errFound) {
			return err
		}
	}
	return nil
}
