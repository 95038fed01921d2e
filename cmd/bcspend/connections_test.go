package main

import (
	"encoding/csv"
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/bcspend/bcspend/bc/bcsim"
	"github.com/bcspend/bcspend/match"
	"github.com/bcspend/bcspend/money"
	"github.com/bcspend/bcspend/spend"
	"github.com/bcspend/bcspend/store"
)

// withDB is a simulated tenant's global flags pointed at another database.
func withDB(g []string, db string) []string {
	out := append([]string{}, g...)
	for i := range out {
		if out[i] == "--db" {
			out[i+1] = db
		}
	}
	return out
}

func mustCLI(t *testing.T, want int, args ...string) string {
	t.Helper()
	code, out, errOut := cli(t, "", args...)
	if code != want {
		t.Fatalf("bcspend %s: exit %d, want %d\n%s%s", strings.Join(args, " "), code, want, out, errOut)
	}
	return out + errOut
}

// appTotals are the Applications view's totals in USD, by application.
func appTotals(t *testing.T, path string, now time.Time) map[string]money.Amount {
	t.Helper()
	db, err := store.OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	cat, err := match.LoadCatalog("")
	if err != nil {
		t.Fatal(err)
	}
	m, err := spend.Load(db, cat, spend.Options{Now: now, ReportingCurrency: "USD"})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]money.Amount{}
	for _, r := range m.Apps() {
		if r.Unconverted != 0 {
			t.Fatalf("%s: %d transactions unconverted in %s", r.App, r.Unconverted, path)
		}
		out[r.App] = r.Reporting
	}
	return out
}

// Must show (issue 13): two connections, two simulated tenants on
// loopback whose companies keep different local currencies (USD and GBP),
// synced into one database by one `bcspend sync`: every application's
// total in the reporting currency is the sum of the two synced separately
// into databases of their own; removing one connection leaves the other's
// totals and data as they were.
func TestTwoConnectionsInOneDatabase(t *testing.T) {
	_, usG, usDB := simArgs(t, bcsim.Config{Seed: 1, Companies: 1, InvoicesPerMonth: 12})
	_, ukG, ukDB := simArgs(t, bcsim.Config{Seed: 2, Companies: 2, InvoicesPerMonth: 12})
	both := filepath.Join(t.TempDir(), "both.db")
	bothUS, bothUK := withDB(usG, both), withDB(ukG, both)
	uk := []string{"--name", "uk", "--company", "CRONUS UK Ltd.", "--client-secret-stdin"}
	us := []string{"--name", "us", "--client-secret-stdin"}
	for _, c := range []struct {
		g, extra []string
	}{{usG, us}, {ukG, uk}, {bothUS, us}, {bothUK, uk}} {
		if code, out, errOut := cli(t, bcsim.ClientSecret, connectArgs(c.g, bcsim.ClientID, "client-credentials", c.extra...)...); code != 0 {
			t.Fatalf("connect: %d\n%s%s", code, out, errOut)
		}
	}
	mustCLI(t, 0, append(usG, "sync")...)
	mustCLI(t, 0, append(ukG, "sync")...)
	out := mustCLI(t, 0, append(bothUS, "sync")...)
	if !strings.Contains(out, "us: sync ok") || !strings.Contains(out, "uk: sync ok") || !strings.Contains(out, "uk: CRONUS UK Ltd.") {
		t.Fatalf("the sync of both does not name the connections:\n%s", out)
	}

	now := time.Now()
	sepUS, sepUK, combined := appTotals(t, usDB, now), appTotals(t, ukDB, now), appTotals(t, both, now)
	var total money.Amount
	for app := range combined {
		if want := sepUS[app] + sepUK[app]; combined[app] != want {
			t.Errorf("%s: %s USD in one database; %s + %s = %s synced separately", app, combined[app], sepUS[app], sepUK[app], want)
		}
		total += combined[app]
	}
	for app := range sepUS {
		if _, ok := combined[app]; !ok {
			t.Errorf("%s is missing from the combined database", app)
		}
	}
	for app := range sepUK {
		if _, ok := combined[app]; !ok {
			t.Errorf("%s is missing from the combined database", app)
		}
	}
	if total <= 0 || len(sepUK) == 0 || len(sepUS) == 0 {
		t.Fatalf("nothing to compare: %d / %d applications, total %s", len(sepUS), len(sepUK), total)
	}

	// The list shows both with their health; --json is snake_case.
	code, js, _ := cli(t, "", append(bothUS, "connections", "list", "--json")...)
	var rows []connectionRow
	if code != 0 || json.Unmarshal([]byte(js), &rows) != nil || len(rows) != 2 || rows[1].Name != "uk" || rows[1].Status != store.OutcomeOK ||
		!strings.Contains(js, `"last_sync"`) || rows[1].Companies[0].Key == rows[1].Companies[0].ID {
		t.Fatalf("connections list --json: %d\n%s", code, js)
	}

	// Every user of both environments, each row with its connection: the
	// same person in two environments is two rows told apart.
	usersOf := func(g []string) [][]string {
		t.Helper()
		rows, err := csv.NewReader(strings.NewReader(mustCLI(t, 0, append(g, "export", "users")...))).ReadAll()
		if err != nil || len(rows) < 2 {
			t.Fatalf("export users: %v, %d rows", err, len(rows))
		}
		return rows
	}
	all, conn := usersOf(bothUS), map[string]int{}
	col := slices.Index(all[0], "connection")
	if col < 0 {
		t.Fatalf("export users has no connection column: %v", all[0])
	}
	for _, r := range all[1:] {
		conn[r[col]]++
	}
	if n := len(usersOf(usG)) + len(usersOf(ukG)) - 2; len(all)-1 != n || conn["us"] == 0 || conn["uk"] == 0 || conn["us"]+conn["uk"] != n {
		t.Fatalf("export users of both: %d rows by connection %v, want %d (us and uk)", len(all)-1, conn, n)
	}

	// Removing uk: a preview, no confirmation without a terminal, then --yes.
	out = mustCLI(t, 2, append(bothUS, "connections", "remove", "uk")...)
	if !strings.Contains(out, "CRONUS UK Ltd.") || !strings.Contains(out, "invoices") || !strings.Contains(out, "--yes") {
		t.Fatalf("remove without --yes:\n%s", out)
	}
	if got := appTotals(t, both, now); len(got) != len(combined) {
		t.Fatalf("a declined remove changed the totals")
	}
	mustCLI(t, 0, append(bothUS, "connections", "remove", "uk", "--yes")...)
	after := appTotals(t, both, now)
	if len(after) != len(sepUS) {
		t.Errorf("%d applications after removing uk; us alone has %d", len(after), len(sepUS))
	}
	for app, v := range sepUS {
		if after[app] != v {
			t.Errorf("%s: %s USD after removing uk; us alone %s", app, after[app], v)
		}
	}
	db, err := store.OpenReadOnly(both)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	conns, _ := db.Connections()
	if len(conns) != 1 || conns[0].Name != "us" {
		t.Fatalf("connections after the removal: %+v", conns)
	}
	for _, k := range rows[1].Companies {
		if n, _ := db.InvoiceCount(k.Key); n != 0 {
			t.Errorf("%d invoices of the removed connection are left", n)
		}
	}
	if n, _ := db.InvoiceCount(conns[0].Companies[0].StoreKey()); n == 0 {
		t.Error("the kept connection lost its invoices")
	}
	// And it still syncs, incrementally.
	code, out, _ = cli(t, "", append(bothUS, "sync", "--json")...)
	var sum struct {
		Companies []struct{ Mode string } `json:"companies"`
	}
	if code != 0 || json.Unmarshal([]byte(out), &sum) != nil || len(sum.Companies) != 1 || sum.Companies[0].Mode != store.ModeIncremental {
		t.Fatalf("the kept connection's next sync: %d\n%s", code, out)
	}
}

// Commands on one connection take the only one, or --connection; with
// several and none named they say which names exist. rename keeps names
// unique.
func TestConnectionsRenameAndTheCommandsOnOne(t *testing.T) {
	_, g, _ := simArgs(t, bcsim.Config{Companies: 1, InvoicesPerMonth: 4})
	connect := func(extra ...string) {
		t.Helper()
		args := connectArgs(g, bcsim.ClientID, "client-credentials", append(extra, "--client-secret-stdin")...)
		if code, out, errOut := cli(t, bcsim.ClientSecret, args...); code != 0 {
			t.Fatalf("connect: %d\n%s%s", code, out, errOut)
		}
	}
	connect()
	def := bcsim.TenantID + "/" + bcsim.Environment
	if out := mustCLI(t, 0, append(g, "status")...); !strings.Contains(out, "Connection:   "+def) {
		t.Fatalf("status of the only connection:\n%s", out)
	}
	connect("--name", "copy")
	out := mustCLI(t, 2, append(g, "status")...)
	if !strings.Contains(out, `"copy"`) || !strings.Contains(out, def) || !strings.Contains(out, "--connection") {
		t.Fatalf("status with two connections:\n%s", out)
	}
	mustCLI(t, 2, append(g, "secret", "replace", "--client-secret-stdin")...)
	mustCLI(t, 0, append(g, "sync", "--connection", "copy")...)
	if out := mustCLI(t, 0, append(g, "status", "--connection", "copy")...); !strings.Contains(out, "Last sync:    ok") {
		t.Fatalf("status --connection copy:\n%s", out)
	}
	out = mustCLI(t, 0, append(g, "connections", "list")...)
	if !strings.Contains(out, "copy") || !strings.Contains(out, "never; run 'bcspend sync --connection "+def+"'") {
		t.Fatalf("list:\n%s", out)
	}
	columnsLineUp(t, out, "LAST SYNC", "never", "ok")
	mustCLI(t, 2, append(g, "connections", "rename", "copy", def)...)
	mustCLI(t, 2, append(g, "connections", "rename", "nope", "x")...)
	mustCLI(t, 0, append(g, "connections", "rename", "copy", "Denmark")...)
	mustCLI(t, 0, append(g, "status", "--connection", "Denmark")...)
	mustCLI(t, 2, append(g, "connections", "remove", "copy", "--yes")...)
	mustCLI(t, 2, append(g, "sync", "--connection", "copy")...)
}

// columnsLineUp fails unless every row of a table starts its column at the
// header's column: a name longer than a fixed width pushed the rest of its
// row out of line (a default name is tenant/environment, 47 characters).
func columnsLineUp(t *testing.T, table, header string, values ...string) {
	t.Helper()
	lines := strings.Split(strings.TrimRight(table, "\n"), "\n")
	col := strings.Index(lines[0], header)
	if col < 0 {
		t.Fatalf("no %q column:\n%s", header, table)
	}
	for _, l := range lines[1:] {
		if strings.HasPrefix(l, "  ") { // a row's error or remedy, indented
			continue
		}
		r := []rune(l)
		ok := false
		for _, v := range values {
			ok = ok || (len(r) > col && strings.HasPrefix(string(r[col:]), v) && r[col-1] == ' ')
		}
		if !ok {
			t.Fatalf("row out of line with %q (column %d):\n%s", header, col, table)
		}
	}
}
