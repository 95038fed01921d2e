package store

import (
	"testing"

	bolt "go.etcd.io/bbolt"
)

// A sync of two connections is killed after one of them finished: the
// newest run is closed, the other's is still "running", and the stop is
// unclean all the same (the next Open checks every page).
func TestAKilledRunBehindAFinishedOneIsAnUncleanStop(t *testing.T) {
	db, _, dk := twoConnections(t)
	isUnclean := func() (u bool) {
		t.Helper()
		if err := db.view(func(tx *bolt.Tx) error { u = unclean(tx); return nil }); err != nil {
			t.Fatal(err)
		}
		return u
	}
	if isUnclean() {
		t.Fatal("finished runs only: unclean")
	}
	if _, err := db.BeginConnectionRun("1", t0); err != nil {
		t.Fatal(err)
	}
	b, err := db.BeginConnectionRun(dk.ID, t0)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.FinishRun(b); err != nil {
		t.Fatal(err)
	}
	if !isUnclean() {
		t.Fatal("the first connection's run is still running behind the second's finished one: not unclean")
	}
}
