// Package secretstore keeps a connection's client secret and refresh token:
// in the OS keyring when one works, otherwise in the database file's
// secrets bucket (store.DB's Fallback* methods) with a one-time notice.
package secretstore

import (
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/bcspend/bcspend/store"
)

// Secret names.
const (
	ClientSecret = "client-secret"
	RefreshToken = "refresh-token"
)

// Backends as Secrets.Backend reports them.
const (
	BackendKeyring  = "os keyring"
	BackendDatabase = "database file"
)

// Secrets keeps the client secret and refresh token of one connection.
// Values are never cached in the struct and never put into errors, so
// neither %v of a Secrets nor any error it returns can leak one.
type Secrets struct {
	db      *store.DB
	kr      Keyring // nil when the keyring is unusable
	account string  // tenant/client id prefix of every item

	mu       sync.Mutex
	fellBack bool // the keyring failed after the probe
}

// Open probes kr (nil means "no keyring") with a set/get/delete of a test
// item, bounded by ProbeTimeout and done once per keyring per process, and
// returns the Secrets of the connection (tenantID, clientID) in db.
func Open(db *store.DB, kr Keyring, tenantID, clientID string) *Secrets {
	s := &Secrets{db: db, account: tenantID + "/" + clientID + "/"}
	if kr != nil && probeOnce(kr, s.account+"probe") {
		s.kr = kr
	}
	return s
}

// String names the backend only.
func (s *Secrets) String() string { return "secrets in " + s.Backend() }

// Backend is "os keyring" or "database file".
func (s *Secrets) Backend() string {
	if s.keyring() != nil {
		return BackendKeyring
	}
	return BackendDatabase
}

func (s *Secrets) keyring() Keyring {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.fellBack {
		return nil
	}
	return s.kr
}

// Get returns the secret name; ok is false when it is not stored. A copy
// in the database file is always the newest (a successful keyring Set
// deletes it), so it is read first; when a keyring now works, the copy is
// moved into it.
func (s *Secrets) Get(name string) (string, bool, error) {
	acct := s.account + name
	v, ok, err := s.db.FallbackSecret(acct)
	if err != nil {
		return "", false, err
	}
	if ok {
		if kr := s.keyring(); kr != nil && kr.Set(Service, acct, v) == nil {
			_ = s.db.DeleteFallbackSecret(acct)
		}
		return v, true, nil
	}
	if s.kr == nil {
		return "", false, nil
	}
	v, err = s.kr.Get(Service, acct)
	switch {
	case err == nil:
		return v, true, nil
	case errors.Is(err, ErrNotFound):
		return "", false, nil
	}
	return "", false, fmt.Errorf("secret store: read %s from the OS keyring: %s; unlock the keyring and try again", name, redact(err, ""))
}

// Set stores value under name. If the keyring refuses, the value goes to
// the database file and the fallback notice becomes due.
func (s *Secrets) Set(name, value string) error {
	acct := s.account + name
	if kr := s.keyring(); kr != nil {
		if err := kr.Set(Service, acct, value); err == nil {
			return s.db.DeleteFallbackSecret(acct) // no stale copy in the file
		}
		s.mu.Lock()
		s.fellBack = true
		s.mu.Unlock()
		// Best effort: drop the now stale keyring copy. Get prefers the
		// file's copy anyway.
		_ = kr.Delete(Service, acct)
	}
	if err := s.db.PutFallbackSecret(acct, value); err != nil {
		return fmt.Errorf("secret store: save %s in the database file: %s; check that the disk has room and the file is writable, then try again", name, redact(err, value))
	}
	return nil
}

// Delete removes name from both places.
func (s *Secrets) Delete(name string) error {
	acct := s.account + name
	var kerr error
	if s.kr != nil {
		if err := s.kr.Delete(Service, acct); err != nil && !errors.Is(err, ErrNotFound) {
			kerr = fmt.Errorf("secret store: delete %s from the OS keyring: %s; unlock the keyring and try again, or delete the entry %q with the keyring's own tool", name, redact(err, ""), Service)
		}
	}
	return errors.Join(kerr, s.db.DeleteFallbackSecret(acct))
}

// NoticeDue returns, once per database file, the notice that secrets are
// kept in the file because no OS keyring is available.
func (s *Secrets) NoticeDue() (string, bool) {
	if s.Backend() != BackendDatabase || !s.db.FallbackNoticeDue() {
		return "", false
	}
	return fmt.Sprintf("No OS keyring is available here (on Linux, a Secret Service such as gnome-keyring), "+
		"so the client secret and refresh token are stored in %s, readable only by you (mode 0600). "+
		"Protect that file like a password.", s.db.Path()), true
}

// redact strips a secret value out of an error text, in case a keyring
// backend or lower layer echoed it.
func redact(err error, value string) string {
	msg := err.Error()
	if value != "" {
		msg = strings.ReplaceAll(msg, value, "[redacted]")
	}
	return msg
}
