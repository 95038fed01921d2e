package service

import (
	"fmt"
	"strings"

	"github.com/bcspend/bcspend/bc"
	"github.com/bcspend/bcspend/failure"
	"github.com/bcspend/bcspend/store"
	"github.com/bcspend/bcspend/untrusted"
)

// overrideFits refuses SecretOverride (BCSPEND_CLIENT_SECRET) for a run of
// connections that keep more than one client secret: it is one app
// registration's secret, and sent for another app it would fail there as
// an invalid secret, telling the admin to replace a secret that is fine.
// A secret is kept per tenant and app (secretstore.Open); a device-code
// connection has none.
func overrideFits(opt Options, conns []store.Connection) error {
	if opt.SecretOverride == "" {
		return nil
	}
	owners := map[string][]string{}
	var keys []string
	for _, c := range conns {
		if bc.Flow(c.Flow) == bc.FlowDevice {
			continue
		}
		k := strings.ToLower(c.TenantID + "\x00" + c.ClientID)
		if owners[k] == nil {
			keys = append(keys, k)
		}
		owners[k] = append(owners[k], untrusted.Text(c.Name))
	}
	if len(keys) < 2 {
		return nil
	}
	var who []string
	for _, k := range keys {
		who = append(who, strings.Join(owners[k], " and "))
	}
	return failure.Input(
		fmt.Sprintf("BCSPEND_CLIENT_SECRET is one app registration's secret, but these connections use %d: %s", len(keys), strings.Join(who, "; ")),
		"Sync them one at a time with --connection NAME, or unset BCSPEND_CLIENT_SECRET and keep each connection's secret with 'bcspend secret replace --connection NAME'.")
}
