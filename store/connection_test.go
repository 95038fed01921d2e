package store

import (
	"path/filepath"
	"reflect"
	"testing"
	"time"
)

func TestConnectionRoundTrip(t *testing.T) {
	db, _ := openTemp(t)
	if _, ok, err := db.Connection(); ok || err != nil {
		t.Fatalf("empty: %v %v", ok, err)
	}
	first := time.Date(2026, 1, 2, 3, 4, 5, 6, time.UTC)
	db.now = func() time.Time { return first }
	c := Connection{
		TenantID: "contoso.onmicrosoft.com", Environment: "Production", ClientID: "cid", Flow: "device-code",
		AuthorityURL: "https://login.microsoftonline.com", APIURL: "https://api.businesscentral.dynamics.com",
		Companies: []Company{{ID: guid(1), Name: "CRONUS", DisplayName: "CRONUS AG", LocalCurrency: "CHF"}},
		Scopes:    []string{"https://api.businesscentral.dynamics.com/Financials.ReadWrite.All", "offline_access"},
	}
	if err := db.SaveConnection(c); err != nil {
		t.Fatal(err)
	}
	later := first.Add(48 * time.Hour)
	db.now = func() time.Time { return later }
	c.Environment = "Sandbox"
	if err := db.SaveConnection(c); err != nil {
		t.Fatal(err)
	}
	got, ok, err := db.Connection()
	want := c
	want.FirstConnected, want.Updated = first, later
	want.ID, want.Name = "1", "contoso.onmicrosoft.com/Sandbox" // the default name follows the target
	if err != nil || !ok || !reflect.DeepEqual(got, want) {
		t.Errorf("connection:\n got %+v\nwant %+v", got, want)
	}
	if err := db.DeleteConnection(); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := db.Connection(); ok {
		t.Error("connection survived delete")
	}
}

// OpenWith's clock stamps the first connection, which dates the sync
// window: a fixture on a fixed day keeps its window whatever day it runs.
func TestOpenWithClockStampsFirstConnection(t *testing.T) {
	day := time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)
	db, err := OpenWith(filepath.Join(t.TempDir(), "bcspend.db"), Options{Now: func() time.Time { return day }})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.SaveConnection(Connection{TenantID: "contoso.onmicrosoft.com", Environment: "Production", ClientID: "cid"}); err != nil {
		t.Fatal(err)
	}
	c, ok, err := db.Connection()
	if err != nil || !ok || !c.FirstConnected.Equal(day) || !c.Updated.Equal(day) {
		t.Errorf("connection stamped %v / %v (ok %v, %v), want both %v", c.FirstConnected, c.Updated, ok, err, day)
	}
}
