package store

import (
	"sync"
	"testing"
)

// Verify runs bbolt's tx.Check, whose goroutine loads a read-only
// handle's freelist lazily, without the lock bbolt's other transactions
// take to read it: a read of the console that joins the sync's Verify on
// one read-only handle raced with it (seen under -race in the cmd/bcspend
// console tests). Run with -race: it reports the race when read-only
// handles do not load the freelist as they open.
func TestVerifyAlongsideReadsOnOneHandle(t *testing.T) {
	db, _ := openTemp(t)
	if err := db.SetSetting(SettingReportingCurrency, "EUR"); err != nil {
		t.Fatal(err)
	}
	for range 50 {
		var wg sync.WaitGroup
		wg.Go(func() {
			if err := db.Verify(); err != nil {
				t.Error(err)
			}
		})
		wg.Go(func() {
			for range 20 {
				if _, _, err := db.Setting(SettingReportingCurrency); err != nil {
					t.Error(err)
				}
			}
		})
		wg.Wait()
	}
}
