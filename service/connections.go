package service

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/bcspend/bcspend/failure"
	"github.com/bcspend/bcspend/secretstore"
	"github.com/bcspend/bcspend/store"
	"github.com/bcspend/bcspend/untrusted"
)

// TargetConnection is the connection a command that acts on one (status,
// secret replace, a reconnect) works on: the one named, or the only one.
// Several and no name is a usage error that lists the names.
func TargetConnection(db *store.DB, name string) (store.Connection, error) {
	conns, err := db.Connections()
	if err != nil {
		return store.Connection{}, err
	}
	if len(conns) == 0 {
		return store.Connection{}, ErrNotConnected
	}
	if name = strings.TrimSpace(name); name == "" {
		if len(conns) == 1 {
			return conns[0], nil
		}
		return store.Connection{}, failure.Input(
			fmt.Sprintf("This database has %d connections: %s", len(conns), namesOf(conns)),
			"Say which one with --connection NAME ('bcspend connections list' shows them).")
	}
	for _, c := range conns {
		if c.Name == name {
			return c, nil
		}
	}
	return store.Connection{}, unknownConnection(name, conns)
}

// SelectConnections is what a sync covers: every connection, or the named
// ones (each must exist).
func SelectConnections(db *store.DB, names []string) ([]store.Connection, error) {
	conns, err := db.Connections()
	if err != nil {
		return nil, err
	}
	if len(conns) == 0 {
		return nil, ErrNotConnected
	}
	if len(names) == 0 {
		return conns, nil
	}
	var out []store.Connection
	for _, n := range names {
		c, err := TargetConnection(db, n)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
}

func unknownConnection(name string, conns []store.Connection) error {
	return failure.Input(fmt.Sprintf("No connection is named %q", untrusted.Text(name)),
		"Use one of: "+namesOf(conns)+" ('bcspend connections list' shows them).")
}

func namesOf(conns []store.Connection) string {
	names := make([]string, len(conns))
	for i, c := range conns {
		names[i] = fmt.Sprintf("%q", c.Name)
	}
	return strings.Join(names, ", ")
}

// RemoveConnection deletes the named connection and everything synced
// from it (store.RemoveConnection), then its secrets unless another
// connection of the same app registration and tenant still uses them.
// It takes the sync lock: a sync of that connection must not go on
// writing the data being removed.
func RemoveConnection(db *store.DB, opt Options, name string) (store.Removal, error) {
	lock, err := lockSync(context.Background(), db, opt)
	if err != nil {
		return store.Removal{}, err
	}
	defer lock.Release()
	gone, err := db.RemoveConnection(name)
	if errors.Is(err, store.ErrNoConnection) {
		conns, _ := db.Connections()
		return gone, unknownConnection(name, conns)
	}
	if err != nil {
		return gone, err
	}
	rest, err := db.Connections()
	if err != nil {
		return gone, err
	}
	for _, c := range rest {
		if sameSecrets(c, gone.Connection) {
			return gone, nil
		}
	}
	secrets := secretstore.Open(db, opt.Keyring, gone.Connection.TenantID, gone.Connection.ClientID)
	return gone, errors.Join(secrets.Delete(secretstore.ClientSecret), secrets.Delete(secretstore.RefreshToken))
}

// sameSecrets: secrets are keyed by tenant and client id (secretstore).
func sameSecrets(a, b store.Connection) bool {
	return strings.EqualFold(a.TenantID, b.TenantID) && strings.EqualFold(a.ClientID, b.ClientID)
}

// RenameConnection renames a connection; the new name must be free.
func RenameConnection(db *store.DB, from, to string) error {
	if strings.TrimSpace(to) == "" {
		return failure.Input("The new name is empty", "Give the connection a name, e.g. 'Production-DK'.")
	}
	err := db.RenameConnection(from, to)
	if errors.Is(err, store.ErrConnectionName) {
		conns, _ := db.Connections()
		for _, c := range conns {
			if c.Name == from {
				return failure.Input(fmt.Sprintf("Another connection is already named %q", untrusted.Text(to)), "Choose a name no other connection has.")
			}
		}
		return unknownConnection(from, conns)
	}
	return err
}
