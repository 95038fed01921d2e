package store

import (
	"errors"
	"fmt"
	"time"

	"github.com/bcspend/bcspend/money"
	bolt "go.etcd.io/bbolt"
)

// Exchange rates per company (each company has its own local currency and
// its own table).
//
// rates/<company>/<currencyCode> 0x00 <YYYYMMDD> 0x00 <id> -> value, format 2:
//
//	byte 0x02 | currencyCode str | startingDate date | exchangeRateAmount decimal |
//	relationalCurrencyCode str | relationalExchangeRateAmount decimal | lastModified time
//
// Format 1 had the two rate amounts as amounts (4 places; BC has 6). It is
// still read; the next sync rewrites the table in format 2.
//
// The key orders a currency's rows by starting date, which is how a rate
// is looked up ("the last row starting on or before the date").
const (
	rateFormat1 = 0x01
	rateFormat2 = 0x02
)

// ExchangeRate is one row of a company's Currency Exchange Rate table: from
// StartingDate on, ExchangeAmount units of CurrencyCode are worth
// RelationalAmount units of RelationalCurrency (blank = the company's local
// currency). The syncer fills it from BC's currencyExchangeRates entity.
type ExchangeRate struct {
	ID                 string
	CurrencyCode       string
	StartingDate       time.Time // a calendar day, midnight UTC
	ExchangeAmount     money.Decimal
	RelationalCurrency string
	RelationalAmount   money.Decimal
	LastModified       time.Time
}

func encodeRate(r *ExchangeRate) []byte {
	e := encoder{make([]byte, 0, 48)}
	e.byte1(rateFormat2)
	e.str(r.CurrencyCode)
	e.date(r.StartingDate)
	e.decimal(r.ExchangeAmount)
	e.str(r.RelationalCurrency)
	e.decimal(r.RelationalAmount)
	e.time(r.LastModified)
	return e.b
}

func decodeRate(b []byte) (ExchangeRate, error) {
	var r ExchangeRate
	d := decoder{b: b}
	format := d.byte1()
	if format != rateFormat1 && format != rateFormat2 {
		return r, fmt.Errorf("unknown exchange rate format")
	}
	rateAmount := d.decimal
	if format == rateFormat1 {
		rateAmount = func() money.Decimal { return money.DecimalOf(d.amount()) }
	}
	r.CurrencyCode = d.str()
	r.StartingDate = d.date()
	r.ExchangeAmount = rateAmount()
	r.RelationalCurrency = d.str()
	r.RelationalAmount = rateAmount()
	r.LastModified = d.time()
	return r, d.finish()
}

func rateKey(r *ExchangeRate) []byte {
	k := append([]byte(r.CurrencyCode), 0)
	k = append(k, dateKey(r.StartingDate)...)
	return append(append(k, 0), r.ID...)
}

// PutExchangeRates replaces the company's whole rate table with rates (BC
// returns the full table each time, and a deleted row must not linger).
func (db *DB) PutExchangeRates(companyID string, rates []ExchangeRate) error {
	for i := range rates {
		if rates[i].ID == "" {
			return errors.New("store: exchange rate without id; nothing was stored")
		}
	}
	return db.update("save exchange rates", func(tx *bolt.Tx) error {
		t, err := top(tx, bktRates)
		if err != nil {
			return err
		}
		if companyID == "" {
			return errors.New("store: empty company id")
		}
		if t.Bucket([]byte(companyID)) != nil {
			if err := t.DeleteBucket([]byte(companyID)); err != nil {
				return err
			}
		}
		b, err := t.CreateBucket([]byte(companyID))
		if err != nil {
			return err
		}
		for i := range rates {
			r := rates[i]
			r.StartingDate = calendarDay(r.StartingDate)
			if err := b.Put(rateKey(&r), encodeRate(&r)); err != nil {
				return err
			}
		}
		return nil
	})
}

// ExchangeRates returns the company's rates ordered by currency, then
// starting date.
func (db *DB) ExchangeRates(companyID string) ([]ExchangeRate, error) {
	var out []ExchangeRate
	err := db.view(func(tx *bolt.Tx) error {
		b, err := sub(tx, bktRates, companyID, false)
		if err != nil || b == nil {
			return err
		}
		return b.ForEach(func(k, v []byte) error {
			r, err := decodeRate(v)
			if err != nil {
				return &CorruptRecordError{What: "exchange rate", Key: fmt.Sprintf("%q", k), Err: err}
			}
			if i := lastZero(k); i >= 0 {
				r.ID = string(k[i+1:])
			}
			out = append(out, r)
			return nil
		})
	})
	return out, err
}

func lastZero(k []byte) int {
	for i := len(k) - 1; i >= 0; i-- {
		if k[i] == 0 {
			return i
		}
	}
	return -1
}
