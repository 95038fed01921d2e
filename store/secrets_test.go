package store

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/zalando/go-keyring"
)

// fakeKeyring is an in-memory keyring; broken makes every call fail with an
// error that echoes the password, to prove Secrets redacts it.
type fakeKeyring struct {
	mu     sync.Mutex
	items  map[string]string
	broken bool
	hang   bool
}

func newFake() *fakeKeyring { return &fakeKeyring{items: map[string]string{}} }

func (f *fakeKeyring) Set(s, u, p string) error {
	if f.hang {
		time.Sleep(time.Hour)
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
		return "", keyring.ErrNotFound
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
		return keyring.ErrNotFound
	}
	delete(f.items, s+"|"+u)
	return nil
}

const secretValue = "Qx8~sEcReT-value-123"

func TestSecretsKeyring(t *testing.T) {
	db, _ := openTemp(t)
	kr := newFake()
	s := db.NewSecrets(kr, "tenant", "client")
	if s.Backend() != BackendKeyring {
		t.Fatalf("backend = %q", s.Backend())
	}
	if len(kr.items) != 0 {
		t.Errorf("probe item left behind: %v", kr.items)
	}
	if err := s.Set(SecretClientSecret, secretValue); err != nil {
		t.Fatal(err)
	}
	if got := kr.items["bcspend|tenant/client/client-secret"]; got != secretValue {
		t.Errorf("keyring item = %q", got)
	}
	if v, ok, err := s.Get(SecretClientSecret); err != nil || !ok || v != secretValue {
		t.Errorf("Get = %q %v %v", v, ok, err)
	}
	if _, ok, _ := db.NewSecrets(kr, "tenant", "other-client").Get(SecretClientSecret); ok {
		t.Error("secret visible to another client id")
	}
	if _, ok, _ := s.dbGet("tenant/client/client-secret"); ok {
		t.Error("secret also stored in the file")
	}
	if msg, due := s.NoticeDue(); due {
		t.Errorf("notice with a keyring: %q", msg)
	}
	if err := s.Delete(SecretClientSecret); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := s.Get(SecretClientSecret); ok {
		t.Error("deleted secret still there")
	}
}

func TestSecretsFallbackAndNoticeOnce(t *testing.T) {
	db, path := openTemp(t)
	for _, kr := range []Keyring{nil, &fakeKeyring{items: map[string]string{}, broken: true}} {
		s := db.NewSecrets(kr, "t", "c")
		if s.Backend() != BackendDatabase {
			t.Fatalf("backend = %q", s.Backend())
		}
		if err := s.Set(SecretRefreshToken, secretValue); err != nil {
			t.Fatal(err)
		}
		if v, ok, err := s.Get(SecretRefreshToken); err != nil || !ok || v != secretValue {
			t.Errorf("Get = %q %v %v", v, ok, err)
		}
	}
	s := db.NewSecrets(nil, "t", "c")
	msg, due := s.NoticeDue()
	if !due || !strings.Contains(msg, path) || strings.Contains(msg, secretValue) {
		t.Errorf("first notice = %q %v", msg, due)
	}
	if _, due := s.NoticeDue(); due {
		t.Error("notice shown twice")
	}
	if _, due := db.NewSecrets(nil, "t", "c").NoticeDue(); due {
		t.Error("notice shown twice across Secrets values")
	}

	// A keyring that appears later takes the secret over from the file.
	kr := newFake()
	s2 := db.NewSecrets(kr, "t", "c")
	if v, ok, _ := s2.Get(SecretRefreshToken); !ok || v != secretValue {
		t.Fatalf("migrating Get = %q %v", v, ok)
	}
	if _, ok, _ := s2.dbGet("t/c/" + SecretRefreshToken); ok {
		t.Error("secret left in the file after moving to the keyring")
	}
	if kr.items["bcspend|t/c/refresh-token"] != secretValue {
		t.Error("secret not moved to the keyring")
	}
}

func TestSecretsProbeTimesOut(t *testing.T) {
	db, _ := openTemp(t)
	start := time.Now()
	if ok := probe(&fakeKeyring{hang: true}, "x", 50*time.Millisecond); ok {
		t.Error("hung keyring probed ok")
	}
	if time.Since(start) > time.Second {
		t.Error("probe did not time out")
	}
	_ = db
}

func TestSecretsNeverInErrorsOrStrings(t *testing.T) {
	db, _ := openTemp(t)
	kr := newFake()
	s := db.NewSecrets(kr, "t", "c")
	if err := s.Set(SecretClientSecret, secretValue); err != nil {
		t.Fatal(err)
	}
	kr.broken = true // every call now fails, echoing the password where it can
	var texts []string
	if err := s.Set(SecretRefreshToken, secretValue); err != nil {
		texts = append(texts, err.Error())
	}
	if _, _, err := s.Get(SecretClientSecret); err != nil {
		texts = append(texts, err.Error())
	} else {
		t.Error("Get on a broken keyring returned no error")
	}
	if err := s.Delete(SecretClientSecret); err != nil {
		texts = append(texts, err.Error())
	}
	// A write failure on the file.
	db.Close()
	if err := db.NewSecrets(nil, "t", "c").Set(SecretClientSecret, secretValue); err != nil {
		texts = append(texts, err.Error())
	} else {
		t.Error("Set on a closed DB succeeded")
	}
	texts = append(texts, fmt.Sprintf("%v %+v %#v", s, s, s), s.String())
	conn := Connection{TenantID: "t", ClientID: "c"}
	texts = append(texts, fmt.Sprintf("%+v", conn))
	for _, txt := range texts {
		if strings.Contains(txt, secretValue) {
			t.Errorf("secret leaked: %s", txt)
		}
	}
}

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
