package main

import (
	"github.com/bcspend/bcspend/bc"
	"github.com/bcspend/bcspend/secretstore"
	"github.com/bcspend/bcspend/service"
	"github.com/bcspend/bcspend/store"
)

// cliOptions is how the CLI and the console reach Business Central for the
// saved connection: kr holds the secrets, BCSPEND_CLIENT_SECRET wins over
// the stored secret, pages are the page-size setting's (unreadable: the
// client's default), and tests may put the client on the simulated clock.
func cliOptions(db *store.DB, kr secretstore.Keyring) service.Options {
	size, _ := pageSizeSetting(db)
	opt := service.Options{Keyring: kr, SecretOverride: envSecret(), Client: bc.ClientOptions{PageSize: size}}
	if clientHook != nil {
		clientHook(&opt.Client)
	}
	return opt
}

// clientHook lets tests put the client on the simulated tenant's clock
// (no real waiting on throttling); nil in the product.
var clientHook func(*bc.ClientOptions)
