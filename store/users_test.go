package store

import (
	"reflect"
	"testing"
	"time"

	"github.com/bcspend/bcspend/bc"
)

func strp(s string) *string { return &s }

func TestReplaceUsers(t *testing.T) {
	db, _ := openTemp(t)
	users := []bc.User{
		{UserSecurityID: guid(1), UserName: "ANN", DisplayName: "Ann Example", State: bc.UserEnabled, ContactEmail: strp("  Ann.Example@Contoso.COM ")},
		{UserSecurityID: guid(2), UserName: "BOB", State: bc.UserDisabled, ContactEmail: strp("bob@contoso.com"),
			ExpiryDate: time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)},
		{UserSecurityID: guid(3), UserName: "AGENT", State: bc.UserEnabled, ContactEmail: strp("   ")},
		{UserSecurityID: guid(4), UserName: "OLD", State: bc.UserEnabled}, // property absent: pre-25.0
	}
	c, err := db.ReplaceUsers(users, t0)
	if err != nil {
		t.Fatal(err)
	}
	want := UserCounts{Total: 4, Active: 3, Disabled: 1, MissingEmail: 2, New: 4, EmailAbsent: true}
	if c != want {
		t.Errorf("counts = %+v, want %+v", c, want)
	}
	got, err := db.Users()
	if err != nil || len(got) != 4 {
		t.Fatalf("Users = %d %v", len(got), err)
	}
	byName := map[string]User{}
	for _, u := range got {
		byName[u.UserName] = u
	}
	ann := byName["ANN"]
	if ann.Email != "ann.example@contoso.com" || !ann.Active || ann.MissingEmail || ann.EmailAbsent ||
		ann.DisplayName != "Ann Example" || ann.UserSecurityID != guid(1) || ann.FirstSeen != t0 {
		t.Errorf("ann = %+v", ann)
	}
	if b := byName["BOB"]; b.Active || b.ExpiryDate != users[1].ExpiryDate || b.State != bc.UserDisabled {
		t.Errorf("bob = %+v", b)
	}
	if a := byName["AGENT"]; !a.MissingEmail || a.EmailAbsent || a.Email != "" {
		t.Errorf("agent = %+v", a)
	}
	if o := byName["OLD"]; !o.MissingEmail || !o.EmailAbsent {
		t.Errorf("old = %+v", o)
	}

	// Same list again: nothing new, nothing removed.
	t1 := t0.Add(24 * time.Hour)
	c, _ = db.ReplaceUsers(users, t1)
	if c.New != 0 || c.Removed != 0 || c.Total != 4 {
		t.Errorf("repeat counts = %+v", c)
	}

	// BOB gone from BC: marked removed with the date, kept.
	t2 := t1.Add(24 * time.Hour)
	c, err = db.ReplaceUsers([]bc.User{users[0], users[2], users[3]}, t2)
	if err != nil || c.Removed != 1 || c.Total != 3 {
		t.Errorf("after removal: %+v %v", c, err)
	}
	got, _ = db.Users()
	if len(got) != 4 {
		t.Fatalf("removed user deleted: %d users", len(got))
	}
	for _, u := range got {
		if u.UserName == "BOB" && (!u.Removed || u.RemovedAt != t2 || u.Active) {
			t.Errorf("bob after removal = %+v", u)
		}
		if u.UserName == "ANN" && (u.FirstSeen != t0 || u.LastSeen != t2) {
			t.Errorf("ann seen times = %v %v", u.FirstSeen, u.LastSeen)
		}
	}
	// Removing again does not re-date it.
	c, _ = db.ReplaceUsers([]bc.User{users[0], users[2], users[3]}, t2.Add(time.Hour))
	if c.Removed != 0 {
		t.Errorf("removed again: %+v", c)
	}
	// And a user coming back is restored.
	if _, err := db.ReplaceUsers(users, t2.Add(2*time.Hour)); err != nil {
		t.Fatal(err)
	}
	got, _ = db.Users()
	for _, u := range got {
		if u.UserName == "BOB" && u.Removed {
			t.Errorf("bob not restored: %+v", u)
		}
	}
	if _, err := db.ReplaceUsers([]bc.User{{UserName: "X"}}, t0); err == nil {
		t.Error("user without id accepted")
	}
}

func TestUserCodecRoundTrip(t *testing.T) {
	u := &User{UserName: "Ü", DisplayName: "d", State: "Weird", ExpiryDate: t0, Email: "e@x",
		EmailAbsent: true, FirstSeen: t0, LastSeen: t0.Add(time.Nanosecond), Removed: true, RemovedAt: t0}
	got, err := decodeUser(encodeUser(u))
	if err != nil {
		t.Fatal(err)
	}
	derive(u)
	if !reflect.DeepEqual(got, u) {
		t.Errorf("got %+v\nwant %+v", got, u)
	}
}
