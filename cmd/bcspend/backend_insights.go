package main

import "github.com/bcspend/bcspend/insights"

// Insights computes the Overview screen's report from the loaded model, with
// the CLI's default thresholds.
func (b *backend) Insights() (insights.Report, error) {
	m, err := b.loaded()
	if err != nil {
		return insights.Report{}, err
	}
	return insights.Compute(m, insights.Options{}), nil
}
