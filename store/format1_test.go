package store

import (
	"testing"
	"time"

	"github.com/bcspend/bcspend/bc"
	"github.com/bcspend/bcspend/money"
)

// Files written before quantities, unit costs and rates became decimals
// hold format 1 records; they must still read, with the same values.
func TestFormat1RecordsStillRead(t *testing.T) {
	e := encoder{}
	e.byte1(invoiceFormat1)
	e.str("108001")
	for range 3 {
		e.date(time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC))
	}
	e.str("INV-1")
	e.guid("")
	e.str("V1")
	e.str("Slack")
	e.str("Slack")
	e.guid("")
	e.str("EUR")
	e.bool(false)
	for _, a := range []string{"0", "105", "0", "105"} {
		e.amount(money.MustParse(a))
	}
	e.symbol(bc.StatusPaid, statusTable)
	e.time(t0)
	e.str("IT")
	e.str("")
	e.uvarint(1)
	e.varint(10000)
	e.symbol(bc.LineAccount, lineTypeTable)
	e.str("6210")
	e.str("Slack Pro seats")
	e.str("")
	for _, a := range []string{"12", "8.75", "0", "105", "0", "105"} {
		e.amount(money.MustParse(a))
	}
	e.time(t0)
	e.str("run")
	e.bool(false)
	e.time(time.Time{})
	inv, err := decodeInvoice(e.b)
	if err != nil {
		t.Fatal(err)
	}
	l := inv.Lines[0]
	if l.Quantity != money.NewDecimal(12, 0) || l.UnitCost != money.MustParseDecimal("8.75") || l.NetAmount != money.MustParse("105") {
		t.Fatalf("line %+v", l)
	}

	r := encoder{}
	r.byte1(rateFormat1)
	r.str("EUR")
	r.date(time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC))
	r.amount(money.MustParse("100"))
	r.str("")
	r.amount(money.MustParse("108.4012"))
	r.time(t0)
	rate, err := decodeRate(r.b)
	if err != nil || rate.ExchangeAmount != money.NewDecimal(100, 0) || rate.RelationalAmount != money.MustParseDecimal("108.4012") {
		t.Fatalf("rate %+v, %v", rate, err)
	}
}
