package secretstore

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bcspend/bcspend/store"
)

func openTemp(t *testing.T) (*store.DB, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "data", "bcspend.db")
	db, err := store.Open(path)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { _ = db.Close() })
	return db, path
}

// fakeKeyring is an in-memory keyring; broken makes every call fail with an
// error that echoes the password, to prove Secrets redacts it; a non-nil
// hang makes Set block until it is closed, like a Secret Service that never
// answers, after saying so on entered.
type fakeKeyring struct {
	mu      sync.Mutex
	items   map[string]string
	broken  bool
	hang    chan struct{}
	entered chan struct{}
}

func newFake() *fakeKeyring { return &fakeKeyring{items: map[string]string{}} }

func (f *fakeKeyring) Set(s, u, p string) error {
	if f.hang != nil {
		close(f.entered)
		<-f.hang
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.broken {
		return fmt.Errorf("dbus: cannot store %q", p)
	}
	f.items[s+"|"+u] = p
	return nil
}

func (f *fakeKeyring) Get(s, u string) (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.broken {
		return "", errors.New("dbus: no Secret Service")
	}
	v, ok := f.items[s+"|"+u]
	if !ok {
		return "", ErrNotFound
	}
	return v, nil
}

func (f *fakeKeyring) Delete(s, u string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.broken {
		return errors.New("dbus: no Secret Service")
	}
	if _, ok := f.items[s+"|"+u]; !ok {
		return ErrNotFound
	}
	delete(f.items, s+"|"+u)
	return nil
}

const secretValue = "Qx8~sEcReT-value-123"

func TestSecretsKeyring(t *testing.T) {
	db, _ := openTemp(t)
	kr := newFake()
	s := Open(db, kr, "tenant", "client")
	if s.Backend() != BackendKeyring {
		t.Fatalf("backend = %q", s.Backend())
	}
	if len(kr.items) != 0 {
		t.Errorf("probe item left behind: %v", kr.items)
	}
	if err := s.Set(ClientSecret, secretValue); err != nil {
		t.Fatal(err)
	}
	if got := kr.items["bcspend|tenant/client/client-secret"]; got != secretValue {
		t.Errorf("keyring item = %q", got)
	}
	if v, ok, err := s.Get(ClientSecret); err != nil || !ok || v != secretValue {
		t.Errorf("Get = %q %v %v", v, ok, err)
	}
	if _, ok, _ := Open(db, kr, "tenant", "other-client").Get(ClientSecret); ok {
		t.Error("secret visible to another client id")
	}
	if _, ok, _ := db.FallbackSecret("tenant/client/client-secret"); ok {
		t.Error("secret also stored in the file")
	}
	if msg, due := s.NoticeDue(); due {
		t.Errorf("notice with a keyring: %q", msg)
	}
	if err := s.Delete(ClientSecret); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := s.Get(ClientSecret); ok {
		t.Error("deleted secret still there")
	}
}

func TestSecretsFallbackAndNoticeOnce(t *testing.T) {
	db, path := openTemp(t)
	for _, kr := range []Keyring{nil, &fakeKeyring{items: map[string]string{}, broken: true}} {
		s := Open(db, kr, "t", "c")
		if s.Backend() != BackendDatabase {
			t.Fatalf("backend = %q", s.Backend())
		}
		if err := s.Set(RefreshToken, secretValue); err != nil {
			t.Fatal(err)
		}
		if v, ok, err := s.Get(RefreshToken); err != nil || !ok || v != secretValue {
			t.Errorf("Get = %q %v %v", v, ok, err)
		}
	}
	s := Open(db, nil, "t", "c")
	msg, due := s.NoticeDue()
	if !due || !strings.Contains(msg, path) || strings.Contains(msg, secretValue) {
		t.Errorf("first notice = %q %v", msg, due)
	}
	if _, due := s.NoticeDue(); due {
		t.Error("notice shown twice")
	}
	if _, due := Open(db, nil, "t", "c").NoticeDue(); due {
		t.Error("notice shown twice across Secrets values")
	}

	// A keyring that appears later takes the secret over from the file.
	kr := newFake()
	s2 := Open(db, kr, "t", "c")
	if v, ok, _ := s2.Get(RefreshToken); !ok || v != secretValue {
		t.Fatalf("migrating Get = %q %v", v, ok)
	}
	if _, ok, _ := db.FallbackSecret("t/c/" + RefreshToken); ok {
		t.Error("secret left in the file after moving to the keyring")
	}
	if kr.items["bcspend|t/c/refresh-token"] != secretValue {
		t.Error("secret not moved to the keyring")
	}
}

// A keyring whose Set never returns makes the probe give up when its
// deadline fires, not wait for the keyring.
func TestSecretsProbeGivesUpOnAHungKeyring(t *testing.T) {
	kr := &fakeKeyring{items: map[string]string{}, hang: make(chan struct{}), entered: make(chan struct{})}
	defer close(kr.hang) // let the abandoned probe goroutine finish
	expired := make(chan time.Time)
	go func() {
		<-kr.entered // the probe is stuck inside Set
		close(expired)
	}()
	if probe(kr, "x", expired) {
		t.Error("hung keyring probed ok")
	}
}

// brokenAfterSet is a secret store holding the client secret whose
// keyring then fails every call, echoing the password where it can.
func brokenAfterSet(t *testing.T) (*store.DB, *Secrets) {
	t.Helper()
	db, _ := openTemp(t)
	kr := newFake()
	s := Open(db, kr, "t", "c")
	if err := s.Set(ClientSecret, secretValue); err != nil {
		t.Fatal(err)
	}
	kr.broken = true
	return db, s
}

func TestSecretsNeverInErrorsOrStrings(t *testing.T) {
	db, s := brokenAfterSet(t)
	var texts []string
	if err := s.Set(RefreshToken, secretValue); err != nil {
		texts = append(texts, err.Error())
	}
	if _, _, err := s.Get(ClientSecret); err != nil {
		texts = append(texts, err.Error())
	} else {
		t.Error("Get on a broken keyring returned no error")
	}
	if err := s.Delete(ClientSecret); err != nil {
		texts = append(texts, err.Error())
	}
	// A write failure on the file.
	db.Close()
	if err := Open(db, nil, "t", "c").Set(ClientSecret, secretValue); err != nil {
		texts = append(texts, err.Error())
	} else {
		t.Error("Set on a closed DB succeeded")
	}
	texts = append(texts, fmt.Sprintf("%v %+v %#v", s, s, s), s.String())
	conn := store.Connection{TenantID: "t", ClientID: "c"}
	texts = append(texts, fmt.Sprintf("%+v", conn))
	for _, txt := range texts {
		if strings.Contains(txt, secretValue) {
			t.Errorf("secret leaked: %s", txt)
		}
	}
}

// Every error of the secret store reaches the admin (connect, sync, the
// console): each names the secret store and says what to do next.
func TestSecretStoreErrorsSayWhatToDo(t *testing.T) {
	db, s := brokenAfterSet(t)
	errs := map[string]error{}
	_, _, errs["read"] = s.Get(ClientSecret)
	errs["delete"] = s.Delete(ClientSecret)
	db.Close()
	errs["save"] = Open(db, nil, "t", "c").Set(ClientSecret, secretValue)
	for what, err := range errs {
		if err == nil {
			t.Errorf("%s: no error", what)
			continue
		}
		if msg := err.Error(); !strings.HasPrefix(msg, "secret store: ") || !strings.Contains(msg, "try again") {
			t.Errorf("%s: %q names neither the secret store nor what to do next", what, msg)
		}
	}
}
