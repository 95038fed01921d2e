package match

import (
	"fmt"
	"sort"
	"strings"

	"github.com/bcspend/bcspend/money"
)

// Move is a flow of transactions from one app (or LabelUnmatched /
// LabelIgnored) to another when rules change. Amounts stay per currency:
// EUR and USD are never added together.
type Move struct {
	From         string                  `json:"from"`
	To           string                  `json:"to"`
	Transactions int                     `json:"transactions"`
	Amount       map[string]money.Amount `json:"amount"`
}

// Preview shows what replacing current rules by proposed ones would change
// on items, before the admin applies it. Moves are sorted by transactions,
// most first.
func Preview(c *Catalog, current, proposed []Rule, items []Item) []Move {
	before, after := NewMatcher(c, current), NewMatcher(c, proposed)
	moves := Moves{}
	for _, it := range items {
		from, to := before.Match(it.Input).Label(), after.Match(it.Input).Label()
		if from != to {
			moves.Add(from, to, it.Currency, it.Amount)
		}
	}
	return moves.Sorted()
}

// Moves accumulates a preview: transactions and money per (from, to) pair.
type Moves map[[2]string]*Move

// Add counts one transaction of amount in currency moving from one label to
// another.
func (ms Moves) Add(from, to, currency string, amount money.Amount) {
	k := [2]string{from, to}
	mv := ms[k]
	if mv == nil {
		mv = &Move{From: from, To: to, Amount: map[string]money.Amount{}}
		ms[k] = mv
	}
	mv.Transactions++
	mv.Amount[currency] += amount
}

// Sorted lists the moves, most transactions first, then by names so the
// order is stable.
func (ms Moves) Sorted() []Move {
	out := make([]Move, 0, len(ms))
	for _, mv := range ms {
		out = append(out, *mv)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Transactions != out[j].Transactions {
			return out[i].Transactions > out[j].Transactions
		}
		return out[i].From+"\x00"+out[i].To < out[j].From+"\x00"+out[j].To
	})
	return out
}

// String reads like the preview line in the console:
// "moves 14 transactions / 8200.00 EUR from Box to Dropbox".
func (mv Move) String() string {
	curs := make([]string, 0, len(mv.Amount))
	for cur := range mv.Amount {
		curs = append(curs, cur)
	}
	sort.Strings(curs)
	parts := make([]string, len(curs))
	for i, cur := range curs {
		parts[i] = mv.Amount[cur].Fixed2() + " " + cur
	}
	noun := "transactions"
	if mv.Transactions == 1 {
		noun = "transaction"
	}
	return fmt.Sprintf("moves %d %s / %s from %s to %s", mv.Transactions, noun, strings.Join(parts, " + "), mv.From, mv.To)
}
