package store

import (
	"bytes"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/bcspend/bcspend/bc"
	bolt "go.etcd.io/bbolt"
)

// User is a BC user of the environment (users are per environment, not
// per company, so per connection).
type User struct {
	// ConnectionID is the connection whose environment lists the user
	// (not stored in the record: it is the bucket the user is in).
	ConnectionID   string
	UserSecurityID string
	UserName       string
	DisplayName    string
	State          string // BC's state: Enabled / Disabled
	ExpiryDate     time.Time
	Email          string // contactEmail trimmed and lower-cased; "" when missing
	Active         bool   // State is Enabled and the user still exists in BC
	MissingEmail   bool   // contactEmail absent or blank
	EmailAbsent    bool   // the property itself was absent: a pre-25.0 environment
	FirstSeen      time.Time
	LastSeen       time.Time
	Removed        bool // gone from BC: kept as history
	RemovedAt      time.Time
}

// UserCounts summarises a ReplaceUsers call.
type UserCounts struct {
	Total        int // users BC returned
	Active       int
	Disabled     int
	MissingEmail int
	New          int
	Removed      int  // newly marked removed by this call
	EmailAbsent  bool // some user lacked contactEmail: the environment predates BC 25.0
}

// users/<userSecurityId> -> value, format 1:
//
//	byte 0x01 | userName displayName str | state symbol | expiryDate time | email str |
//	flags byte (1 emailAbsent, 2 removed) | firstSeen lastSeen removedAt time
const userFormat1 = 0x01

var userStateTable = []string{bc.UserEnabled, bc.UserDisabled}

const (
	userFlagEmailAbsent = 1 << iota
	userFlagRemoved
)

func encodeUser(u *User) []byte {
	e := encoder{make([]byte, 0, 64)}
	e.byte1(userFormat1)
	e.str(u.UserName)
	e.str(u.DisplayName)
	e.symbol(u.State, userStateTable)
	e.time(u.ExpiryDate)
	e.str(u.Email)
	var flags byte
	if u.EmailAbsent {
		flags |= userFlagEmailAbsent
	}
	if u.Removed {
		flags |= userFlagRemoved
	}
	e.byte1(flags)
	e.time(u.FirstSeen)
	e.time(u.LastSeen)
	e.time(u.RemovedAt)
	return e.b
}

func decodeUser(b []byte) (*User, error) {
	d := decoder{b: b}
	if d.byte1() != userFormat1 {
		return nil, fmt.Errorf("unknown user format")
	}
	u := &User{}
	u.UserName = d.str()
	u.DisplayName = d.str()
	u.State = d.symbol(userStateTable)
	u.ExpiryDate = d.time()
	u.Email = d.str()
	flags := d.byte1()
	if flags&^(userFlagEmailAbsent|userFlagRemoved) != 0 {
		d.fail()
	}
	u.EmailAbsent = flags&userFlagEmailAbsent != 0
	u.Removed = flags&userFlagRemoved != 0
	u.FirstSeen = d.time()
	u.LastSeen = d.time()
	u.RemovedAt = d.time()
	if err := d.finish(); err != nil {
		return nil, err
	}
	derive(u)
	return u, nil
}

// derive sets the fields that follow from stored ones.
func derive(u *User) {
	u.MissingEmail = u.Email == ""
	u.Active = u.State == bc.UserEnabled && !u.Removed
}

// NormalizeEmail is how contactEmail is compared everywhere: trimmed and
// lower-cased.
func NormalizeEmail(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

func userFromWire(w *bc.User) *User {
	u := &User{
		UserSecurityID: w.UserSecurityID, UserName: w.UserName, DisplayName: w.DisplayName,
		State: w.State, ExpiryDate: w.ExpiryDate.UTC(), EmailAbsent: w.ContactEmail == nil,
	}
	if w.ContactEmail != nil {
		u.Email = NormalizeEmail(*w.ContactEmail)
	}
	return u
}

// ReplaceUsers makes the first connection's stored users match BC's list;
// see ReplaceConnectionUsers.
func (db *DB) ReplaceUsers(users []bc.User, now time.Time) (UserCounts, error) {
	return db.ReplaceConnectionUsers(firstConnectionID, users, now)
}

// ReplaceConnectionUsers makes the connection's stored users match BC's
// list (one transaction): listed users are upserted (FirstSeen kept,
// LastSeen = now), stored users missing from the list are marked Removed
// with the date, never deleted. Other connections' users are untouched.
func (db *DB) ReplaceConnectionUsers(connID string, users []bc.User, now time.Time) (UserCounts, error) {
	var c UserCounts
	now = now.UTC()
	for i := range users {
		if users[i].UserSecurityID == "" {
			return c, fmt.Errorf("store: user %q has no userSecurityId; nothing was stored", users[i].UserName)
		}
	}
	err := db.update("save users", func(tx *bolt.Tx) error {
		b, err := usersBucket(tx, connID, true)
		if err != nil {
			return err
		}
		seen := make(map[string]bool, len(users))
		for i := range users {
			u := userFromWire(&users[i])
			seen[u.UserSecurityID] = true
			isNew, err := upsertUser(b, u, now)
			if err != nil {
				return err
			}
			derive(u)
			c.count(u, isNew)
		}
		removed, err := removeMissingUsers(b, seen, now)
		c.Removed = removed
		return err
	})
	if err != nil {
		return UserCounts{}, err
	}
	return c, nil
}

// usersBucket is where a connection's users are: the top-level users
// bucket for the first connection (where a schema-4 file has them), a
// nested connection-users/<id> bucket for any other. nil with a nil error:
// none stored yet.
func usersBucket(tx *bolt.Tx, connID string, create bool) (*bolt.Bucket, error) {
	if connID == "" || connID == firstConnectionID {
		return top(tx, bktUsers)
	}
	return sub(tx, bktConnectionUsers, connID, create)
}

func (c *UserCounts) count(u *User, isNew bool) {
	c.Total++
	if u.Active {
		c.Active++
	} else {
		c.Disabled++
	}
	if u.MissingEmail {
		c.MissingEmail++
	}
	if u.EmailAbsent {
		c.EmailAbsent = true
	}
	if isNew {
		c.New++
	}
}

func upsertUser(b *bolt.Bucket, u *User, now time.Time) (isNew bool, err error) {
	key := []byte(u.UserSecurityID)
	u.FirstSeen, u.LastSeen = now, now
	old := b.Get(key)
	if old != nil {
		if prev, err := decodeUser(old); err == nil {
			u.FirstSeen = prev.FirstSeen
		}
	}
	val := encodeUser(u)
	if bytes.Equal(old, val) {
		return false, nil
	}
	return old == nil, b.Put(key, val)
}

func removeMissingUsers(b *bolt.Bucket, seen map[string]bool, now time.Time) (int, error) {
	type kv struct{ k, v []byte }
	var changes []kv
	err := b.ForEach(func(k, v []byte) error {
		if seen[string(k)] {
			return nil
		}
		u, err := decodeUser(v)
		if err != nil || u.Removed {
			return nil // unreadable: the next full list rewrites it if BC still has it
		}
		u.Removed, u.RemovedAt = true, now
		changes = append(changes, kv{clone(k), encodeUser(u)})
		return nil
	})
	for _, c := range changes {
		err = errors.Join(err, b.Put(c.k, c.v))
	}
	return len(changes), err
}

// Users returns every stored user of every connection, removed ones
// included, ordered by user name (then connection).
func (db *DB) Users() ([]User, error) {
	var out []User
	err := db.view(func(tx *bolt.Tx) error {
		ids := []string{firstConnectionID}
		nested, err := top(tx, bktConnectionUsers)
		if err != nil {
			return err
		}
		if err := nested.ForEachBucket(func(k []byte) error { ids = append(ids, string(k)); return nil }); err != nil {
			return err
		}
		for _, id := range ids {
			if out, err = appendUsers(tx, id, out); err != nil {
				return err
			}
		}
		return nil
	})
	sortUsers(out)
	return out, err
}

// ConnectionUsers returns one connection's users, ordered by user name.
func (db *DB) ConnectionUsers(connID string) ([]User, error) {
	var out []User
	err := db.view(func(tx *bolt.Tx) error {
		var err error
		out, err = appendUsers(tx, connID, nil)
		return err
	})
	sortUsers(out)
	return out, err
}

func appendUsers(tx *bolt.Tx, connID string, out []User) ([]User, error) {
	b, err := usersBucket(tx, connID, false)
	if err != nil || b == nil {
		return out, err
	}
	err = b.ForEach(func(k, v []byte) error {
		u, err := decodeUser(v)
		if err != nil {
			return &CorruptRecordError{What: "user", Key: string(k), Err: err}
		}
		u.UserSecurityID, u.ConnectionID = string(k), connID
		out = append(out, *u)
		return nil
	})
	return out, err
}

func sortUsers(us []User) {
	sort.SliceStable(us, func(i, j int) bool {
		if us[i].UserName != us[j].UserName {
			return us[i].UserName < us[j].UserName
		}
		return idLess([]byte(us[i].ConnectionID), []byte(us[j].ConnectionID))
	})
}
