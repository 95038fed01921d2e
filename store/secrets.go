package store

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"time"

	"github.com/zalando/go-keyring"
	bolt "go.etcd.io/bbolt"
)

// Secret names.
const (
	SecretClientSecret = "client-secret"
	SecretRefreshToken = "refresh-token"
)

// Backends as Secrets.Backend reports them.
const (
	BackendKeyring  = "os keyring"
	BackendDatabase = "database file"
)

// KeyringService is the service name under which bcspend's items appear
// in the OS keyring.
const KeyringService = "bcspend"

// ProbeTimeout bounds the keyring probe: on headless Linux a missing
// Secret Service can make D-Bus calls hang, and sign-in must not wait on it.
const ProbeTimeout = 2 * time.Second

// Keyring is the OS keyring as Secrets uses it; zalando/go-keyring's
// functions fit it (SystemKeyring), and tests substitute a fake. Get must
// return keyring.ErrNotFound for a missing item.
type Keyring interface {
	Set(service, user, password string) error
	Get(service, user string) (string, error)
	Delete(service, user string) error
}

type systemKeyring struct{}

func (systemKeyring) Set(s, u, p string) error        { return keyring.Set(s, u, p) }
func (systemKeyring) Get(s, u string) (string, error) { return keyring.Get(s, u) }
func (systemKeyring) Delete(s, u string) error        { return keyring.Delete(s, u) }

// SystemKeyring is the OS keyring (macOS Keychain, Windows Credential
// Manager, Secret Service on Linux).
func SystemKeyring() Keyring { return systemKeyring{} }

// Secrets keeps the client secret and refresh token of one connection: in
// the OS keyring when one works, otherwise in the database file (mode
// 0600) with a one-time notice. Values are never cached in the struct and
// never put into errors, so neither %v of a Secrets nor any error it
// returns can leak one.
type Secrets struct {
	db      *DB
	kr      Keyring // nil when the keyring is unusable
	account string  // tenant/client id prefix of every item

	mu       sync.Mutex
	fellBack bool // the keyring failed after the probe
}

// NewSecrets probes kr (nil means "no keyring") with a set/get/delete of a
// test item, bounded by ProbeTimeout and done once per keyring per process,
// and returns the Secrets of the
// connection (tenantID, clientID).
func (db *DB) NewSecrets(kr Keyring, tenantID, clientID string) *Secrets {
	s := &Secrets{db: db, account: tenantID + "/" + clientID + "/"}
	if kr != nil && probeOnce(kr, s.account+"probe") {
		s.kr = kr
	}
	return s
}

// probed caches probe results per keyring for the life of the process:
// NewSecrets is called by several commands and a hung Secret Service must
// cost its timeout once, not on every call.
var probed sync.Map // Keyring -> bool

func probeOnce(kr Keyring, account string) bool {
	if !reflect.TypeOf(kr).Comparable() {
		return probe(kr, account, ProbeTimeout)
	}
	if ok, hit := probed.Load(kr); hit {
		return ok.(bool)
	}
	ok := probe(kr, account, ProbeTimeout)
	probed.Store(kr, ok)
	return ok
}

// probe runs in a goroutine so a hung D-Bus call costs at most timeout; the
// goroutine is abandoned in that case (it holds nothing of ours).
func probe(kr Keyring, account string, timeout time.Duration) bool {
	done := make(chan bool, 1)
	go func() {
		const v = "bcspend keyring probe"
		ok := kr.Set(KeyringService, account, v) == nil
		if ok {
			got, err := kr.Get(KeyringService, account)
			ok = err == nil && got == v
			ok = kr.Delete(KeyringService, account) == nil && ok
		}
		done <- ok
	}()
	select {
	case ok := <-done:
		return ok
	case <-time.After(timeout):
		return false
	}
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
	v, ok, err := s.dbGet(acct)
	if err != nil {
		return "", false, err
	}
	if ok {
		if kr := s.keyring(); kr != nil && kr.Set(KeyringService, acct, v) == nil {
			_ = s.dbDelete(acct)
		}
		return v, true, nil
	}
	if s.kr == nil {
		return "", false, nil
	}
	v, err = s.kr.Get(KeyringService, acct)
	switch {
	case err == nil:
		return v, true, nil
	case errors.Is(err, keyring.ErrNotFound):
		return "", false, nil
	}
	return "", false, fmt.Errorf("store: read %s from the OS keyring: %s; unlock the keyring and try again", name, redact(err, ""))
}

// Set stores value under name. If the keyring refuses, the value goes to
// the database file and the fallback notice becomes due.
func (s *Secrets) Set(name, value string) error {
	acct := s.account + name
	if kr := s.keyring(); kr != nil {
		if err := kr.Set(KeyringService, acct, value); err == nil {
			return s.dbDelete(acct) // no stale copy in the file
		}
		s.mu.Lock()
		s.fellBack = true
		s.mu.Unlock()
		// Best effort: drop the now stale keyring copy. Get prefers the
		// file's copy anyway.
		_ = kr.Delete(KeyringService, acct)
	}
	if err := s.dbPut(acct, value); err != nil {
		return fmt.Errorf("store: save %s: %s", name, redact(err, value))
	}
	return nil
}

// Delete removes name from both places.
func (s *Secrets) Delete(name string) error {
	acct := s.account + name
	var kerr error
	if s.kr != nil {
		if err := s.kr.Delete(KeyringService, acct); err != nil && !errors.Is(err, keyring.ErrNotFound) {
			kerr = fmt.Errorf("store: delete %s from the OS keyring: %s", name, redact(err, ""))
		}
	}
	return errors.Join(kerr, s.dbDelete(acct))
}

// NoticeDue returns, once per database file, the notice that secrets are
// kept in the file because no OS keyring is available.
func (s *Secrets) NoticeDue() (string, bool) {
	if s.Backend() != BackendDatabase {
		return "", false
	}
	if _, shown, err := s.db.Setting(settingSecretsNotice); err != nil || shown {
		return "", false
	}
	// If this write fails the notice shows again next time: harmless.
	_ = s.db.SetSetting(settingSecretsNotice, s.db.now().UTC().Format(time.RFC3339))
	return fmt.Sprintf("No OS keyring is available here (on Linux, a Secret Service such as gnome-keyring), "+
		"so the client secret and refresh token are stored in %s, readable only by you (mode 0600). "+
		"Protect that file like a password.", s.db.path), true
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

func (s *Secrets) dbGet(acct string) (v string, ok bool, err error) {
	err = s.db.view(func(tx *bolt.Tx) error {
		b, err := top(tx, bktSecrets)
		if err != nil {
			return err
		}
		if raw := b.Get([]byte(acct)); raw != nil {
			v, ok = string(raw), true
		}
		return nil
	})
	return v, ok, err
}

func (s *Secrets) dbPut(acct, value string) error {
	return s.db.update("save a secret", func(tx *bolt.Tx) error {
		b, err := top(tx, bktSecrets)
		if err != nil {
			return err
		}
		return b.Put([]byte(acct), []byte(value))
	})
}

func (s *Secrets) dbDelete(acct string) error {
	return s.db.update("delete a secret", func(tx *bolt.Tx) error {
		b, err := top(tx, bktSecrets)
		if err != nil {
			return err
		}
		if b.Get([]byte(acct)) == nil {
			return nil
		}
		return b.Delete([]byte(acct))
	})
}
