package main

import (
	"github.com/bcspend/bcspend/spend"
	"github.com/bcspend/bcspend/ui"
)

// AppsByDimension is the Applications screen's split by BC's global
// dimension n.
func (b *backend) AppsByDimension(n int) ([]spend.AppRow, error) {
	m, err := b.loaded()
	if err != nil {
		return nil, err
	}
	return m.AppsByDimension(n)
}

// dimensionInfo names dimension 2 and gives the console the rule that reads
// a transaction's dimension value as the split does.
func dimensionInfo(info *ui.Info, cs []spend.Company) {
	info.Dimension2 = spend.DimensionLabel(cs, 2)
	for n := range info.DimensionQualifiers {
		info.DimensionQualifiers[n] = spend.DimensionQualifiers(cs, n+1)
	}
}
