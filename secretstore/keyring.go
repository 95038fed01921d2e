package secretstore

import (
	"reflect"
	"sync"
	"time"

	"github.com/zalando/go-keyring"
)

// Service is the service name under which bcspend's items appear in the
// OS keyring.
const Service = "bcspend"

// ProbeTimeout bounds the keyring probe: on headless Linux a missing
// Secret Service can make D-Bus calls hang, and sign-in must not wait on it.
const ProbeTimeout = 2 * time.Second

// Keyring is the OS keyring as Secrets uses it; zalando/go-keyring's
// functions fit it (System), and tests substitute a fake. Get must return
// ErrNotFound for a missing item.
type Keyring interface {
	Set(service, user, password string) error
	Get(service, user string) (string, error)
	Delete(service, user string) error
}

// ErrNotFound is what a Keyring's Get and Delete return for a missing item.
var ErrNotFound = keyring.ErrNotFound

type systemKeyring struct{}

func (systemKeyring) Set(s, u, p string) error        { return keyring.Set(s, u, p) }
func (systemKeyring) Get(s, u string) (string, error) { return keyring.Get(s, u) }
func (systemKeyring) Delete(s, u string) error        { return keyring.Delete(s, u) }

// System is the OS keyring (macOS Keychain, Windows Credential Manager,
// Secret Service on Linux).
func System() Keyring { return systemKeyring{} }

// probed caches probe results per keyring for the life of the process:
// Open is called by several commands and a hung Secret Service must cost
// its timeout once, not on every call.
var probed sync.Map // Keyring -> bool

func probeOnce(kr Keyring, account string) bool {
	if !reflect.TypeOf(kr).Comparable() {
		return probe(kr, account, time.After(ProbeTimeout))
	}
	if ok, hit := probed.Load(kr); hit {
		return ok.(bool)
	}
	ok := probe(kr, account, time.After(ProbeTimeout))
	probed.Store(kr, ok)
	return ok
}

// probe tries a set/get/delete of a test item in a goroutine so a hung
// D-Bus call costs at most until expired fires; the goroutine is abandoned
// in that case (it holds nothing of ours).
func probe(kr Keyring, account string, expired <-chan time.Time) bool {
	done := make(chan bool, 1)
	go func() {
		const v = "bcspend keyring probe"
		ok := kr.Set(Service, account, v) == nil
		if ok {
			got, err := kr.Get(Service, account)
			ok = err == nil && got == v
			ok = kr.Delete(Service, account) == nil && ok
		}
		done <- ok
	}()
	select {
	case ok := <-done:
		return ok
	case <-expired:
		return false
	}
}
