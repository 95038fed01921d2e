package main

import (
	"time"

	"github.com/bcspend/bcspend/insights"
	"github.com/bcspend/bcspend/store"
)

// Insights computes the Overview screen's report from the loaded model, with
// the CLI's default thresholds.
func (b *backend) Insights() (insights.Report, error) {
	m, err := b.loaded()
	if err != nil {
		return insights.Report{}, err
	}
	return reportFor(b.db, m, insights.Options{})
}

// Dismiss hides a finding until its facts change, as 'bcspend dismiss' does.
func (b *backend) Dismiss(key, fingerprint string) error {
	return b.db.PutDismissal(store.Dismissal{Key: key, Fingerprint: fingerprint, By: currentUser(), At: time.Now().UTC()})
}
