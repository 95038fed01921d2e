package service

import (
	"net/http"
	"time"

	"github.com/bcspend/bcspend/bc"
	"github.com/bcspend/bcspend/failure"
	"github.com/bcspend/bcspend/secretstore"
	"github.com/bcspend/bcspend/store"
)

// Options are what every operation on a saved connection shares.
type Options struct {
	Keyring    secretstore.Keyring // nil: secrets in the database file
	HTTPClient *http.Client
	// SecretOverride replaces the stored client secret (BCSPEND_CLIENT_SECRET).
	SecretOverride string
	Client         bc.ClientOptions
	// Wait is how long a sync waits for another one to finish (the sync
	// lock, store.LockSync); 0 is DefaultSyncWait. OnWait is told who it
	// waits for, once per holder.
	Wait   time.Duration
	OnWait func(store.Holder)
	// Connection names the connection an operation on one works on
	// (OpenClient, ReplaceSecret, Sync); "" is the only one, or for Sync
	// all of them.
	Connection string
}

// DefaultSyncWait is how long a sync waits for another sync of the same
// file: long enough for a scheduled incremental sync to finish.
const DefaultSyncWait = 5 * time.Minute

func (o Options) syncWait() time.Duration {
	if o.Wait > 0 {
		return o.Wait
	}
	return DefaultSyncWait
}

// ErrNotConnected is returned when no connection is saved yet.
var ErrNotConnected = &failure.Error{Kind: failure.KindNotFound, Code: "not_connected", Message: "No Business Central connection is saved in this database",
	Fix: "Run `bcspend connect ...` or start `bcspend` to open the setup wizard (or pass the right --db)."}

// OpenClient builds an API client for the saved connection opt.Connection
// (TargetConnection: "" is the only one).
func OpenClient(db *store.DB, opt Options) (*bc.Client, store.Connection, error) {
	conn, err := TargetConnection(db, opt.Connection)
	if err != nil {
		return nil, conn, err
	}
	client, err := openClient(db, opt, conn)
	return client, conn, err
}

// openClient builds an API client for conn. Rotated refresh tokens are
// written back to the secret store every time they change.
func openClient(db *store.DB, opt Options, conn store.Connection) (*bc.Client, error) {
	secrets := secretstore.Open(db, opt.Keyring, conn.TenantID, conn.ClientID)
	creds := bc.Credentials{
		Target:     bc.Target{AuthorityURL: conn.AuthorityURL, APIURL: conn.APIURL, Tenant: conn.TenantID, Environment: conn.Environment},
		ClientID:   conn.ClientID,
		Flow:       bc.Flow(conn.Flow),
		HTTPClient: opt.HTTPClient,
		OnRefreshToken: func(t string) error {
			return secrets.Set(secretstore.RefreshToken, t)
		},
	}
	if creds.Flow != bc.FlowDevice {
		if opt.SecretOverride != "" {
			creds.ClientSecret = opt.SecretOverride
		} else if s, ok, err := secrets.Get(secretstore.ClientSecret); err != nil {
			return nil, err
		} else if ok {
			creds.ClientSecret = s
		}
	}
	if creds.Flow.Delegated() {
		rt, _, err := secrets.Get(secretstore.RefreshToken)
		if err != nil {
			return nil, err
		}
		creds.RefreshToken = rt
	}
	tokens, err := creds.NewTokenSource()
	if err != nil {
		return nil, err
	}
	copt := opt.Client
	if copt.HTTPClient == nil {
		copt.HTTPClient = opt.HTTPClient
	}
	return bc.NewClient(creds.Target, tokens, copt), nil
}

// ReplaceSecret stores a new client secret after proving it works: the
// connection is re-tested with it and nothing else changes.
func ReplaceSecret(db *store.DB, opt Options, secret string, test func(*bc.Client) error) error {
	s, _, err := bc.ValidateSecret(secret)
	if err != nil {
		return err
	}
	opt.SecretOverride = s
	client, conn, err := OpenClient(db, opt)
	if err != nil {
		return err
	}
	if err := test(client); err != nil {
		return err
	}
	return secretstore.Open(db, opt.Keyring, conn.TenantID, conn.ClientID).Set(secretstore.ClientSecret, s)
}
