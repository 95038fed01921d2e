package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/bcspend/bcspend/bc/bcsim"
)

// An environment before API 23.0 has no exchange rates page: `sync` still
// exits 0 and its --json says why amounts stay unconverted, and `status`
// says it per company with what to do; it also shows each company's local
// currency and dimensions as BC names them.
func TestMissingRatesPageInSyncJSONAndStatus(t *testing.T) {
	_, g, _ := simArgs(t, bcsim.Config{NoExchangeRates: true})
	if code, out, errOut := cli(t, bcsim.ClientSecret+"\n", connectArgs(g, bcsim.ClientID, "client-credentials", "--client-secret-stdin")...); code != 0 {
		t.Fatalf("connect: %d %s %s", code, out, errOut)
	}
	code, out, errOut := cli(t, "", append(append([]string{}, g...), "sync", "--json")...)
	if code != 0 {
		t.Fatalf("sync: %d %s %s", code, out, errOut)
	}
	var sum struct {
		Outcome  string
		Warnings []struct{ Code, Message, Remedy string }
	}
	if err := json.Unmarshal([]byte(out), &sum); err != nil {
		t.Fatalf("sync --json: %v\n%s", err, out)
	}
	if sum.Outcome != "ok" || len(sum.Warnings) == 0 || sum.Warnings[0].Code != "no_exchange_rates" ||
		!strings.Contains(sum.Warnings[0].Message, "unconverted") || !strings.Contains(sum.Warnings[0].Remedy, "23.0") {
		t.Fatalf("sync --json: %s", out)
	}
	code, out, errOut = cli(t, "", append(append([]string{}, g...), "status")...)
	if code != 0 || !strings.Contains(out, "unconverted") || !strings.Contains(out, "local currency DKK; dimensions AREA, COSTCENTER") {
		t.Fatalf("status exit %d:\n%s%s", code, out, errOut)
	}
}
