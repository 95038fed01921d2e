package ui

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/bcspend/bcspend/spend"
	"github.com/bcspend/bcspend/untrusted"
)

// streamMsg carries one event of long work running in a goroutine. The root
// re-arms next until done, so the worker never blocks on a full channel.
type streamMsg struct {
	run     int
	payload any
	done    bool
	next    tea.Cmd
}

// stream runs work in a goroutine started by the returned Cmd; every send
// becomes a streamMsg, and work's result the final one.
func stream(ctx context.Context, run int, work func(ctx context.Context, send func(any)) any) tea.Cmd {
	ch := make(chan streamMsg, 16)
	next := func() tea.Msg { return <-ch }
	return func() tea.Msg {
		go func() {
			send := func(p any) { ch <- streamMsg{run: run, payload: p, next: next} }
			res := work(ctx, send)
			ch <- streamMsg{run: run, payload: res, done: true}
		}()
		return next()
	}
}

// emit turns an intent into a Cmd, for screens asking the root to act.
func emit(msg tea.Msg) tea.Cmd { return func() tea.Msg { return msg } }

// dataMsg is a fresh read of everything the tables show.
type dataMsg struct {
	apps  []spend.AppRow
	split [2][]spend.AppRow // apps split by dimension 1 and 2
	txs   []spend.Transaction
	unm   []spend.UnmatchedRow
	users []spend.UserRow
	info  Info
	hist  []SyncRunInfo
	cat   []CatalogApp
	err   error
	// The filter text of each table, built here rather than in Update.
	appsHay, txsHay, unmHay, usersHay []string
	splitHay                          [2][]string
}

// loadCmd reads all tables and sanitizes the BC text in them, off the
// Update loop.
func loadCmd(b Backend) tea.Cmd {
	return func() tea.Msg {
		var d dataMsg
		d.info, d.hist, d.cat = b.Info(), b.SyncHistory(), b.Catalog()
		if d.apps, d.err = b.Apps(); d.err != nil {
			return d
		}
		for n := range d.split {
			if d.split[n], d.err = b.AppsByDimension(n + 1); d.err != nil {
				return d
			}
		}
		if d.txs, d.err = b.Transactions(); d.err != nil {
			return d
		}
		if d.unm, d.err = b.Unmatched(); d.err != nil {
			return d
		}
		if d.users, d.err = b.Users(); d.err != nil {
			return d
		}
		cleanData(&d)
		d.appsHay, d.txsHay = buildHay(appColumns(), d.apps), buildHay(txColumns(d.info.Dimension1), d.txs)
		for n := range d.split {
			d.splitHay[n] = buildHay(splitColumns(d.info.dimensionLabel(n+1)), d.split[n])
		}
		d.unmHay, d.usersHay = buildHay(unmatchedColumns(), d.unm), buildHay(userColumns(), d.users)
		return d
	}
}

// cleanConnections sanitises what BC (company names, errors) and the
// admin (names) wrote, in copies.
func cleanConnections(conns []ConnectionInfo) []ConnectionInfo {
	out := make([]ConnectionInfo, len(conns))
	for i, c := range conns {
		c.Name, c.Problem, c.Remedy = untrusted.Text(c.Name), untrusted.Text(c.Problem), untrusted.Text(c.Remedy)
		c.Tenant, c.Environment, c.ClientID = untrusted.Text(c.Tenant), untrusted.Text(c.Environment), untrusted.Text(c.ClientID)
		cs := make([]string, len(c.Companies))
		for j, co := range c.Companies {
			cs[j] = untrusted.Text(co)
		}
		c.Companies = cs
		out[i] = c
	}
	return out
}

// cleanData strips control and escape sequences from every BC string. The
// rows are copies: the backend's slices are left alone.
func cleanData(d *dataMsg) {
	txs := make([]spend.Transaction, len(d.txs))
	for i, t := range d.txs {
		t.Company, t.VendorName, t.Description = untrusted.Text(t.Company), untrusted.Text(t.VendorName), untrusted.Text(t.Description)
		t.VendorNumber, t.InvoiceNumber = untrusted.Text(t.VendorNumber), untrusted.Text(t.InvoiceNumber)
		t.Dimension1, t.Dimension2 = untrusted.Text(t.Dimension1), untrusted.Text(t.Dimension2)
		t.VendorInvoiceNumber, t.AppliesToNumber = untrusted.Text(t.VendorInvoiceNumber), untrusted.Text(t.AppliesToNumber)
		txs[i] = t
	}
	d.txs = txs
	d.apps = cleanApps(d.apps)
	for n := range d.split {
		d.split[n] = cleanApps(d.split[n])
	}
	unm := make([]spend.UnmatchedRow, len(d.unm))
	for i, u := range d.unm {
		u.VendorName, u.SampleDesc, u.VendorNumber = untrusted.Text(u.VendorName), untrusted.Text(u.SampleDesc), untrusted.Text(u.VendorNumber)
		unm[i] = u
	}
	d.unm = unm
	users := make([]spend.UserRow, len(d.users))
	for i, u := range d.users {
		u.UserName, u.DisplayName, u.Email = untrusted.Text(u.UserName), untrusted.Text(u.DisplayName), untrusted.Text(u.Email)
		u.Connection = untrusted.Text(u.Connection)
		users[i] = u
	}
	d.users = users
	d.info.Connections = cleanConnections(d.info.Connections)
	d.info.Dimension1, d.info.Dimension2 = untrusted.Text(d.info.Dimension1), untrusted.Text(d.info.Dimension2)
	for n, q := range d.info.DimensionQualifiers {
		clean := make(map[string]string, len(q))
		for co, prefix := range q {
			clean[co] = untrusted.Text(prefix)
		}
		d.info.DimensionQualifiers[n] = clean
	}
}

// cleanApps copies application rows with their BC text (vendor names,
// dimension values) made inert.
func cleanApps(rows []spend.AppRow) []spend.AppRow {
	out := make([]spend.AppRow, len(rows))
	for i, a := range rows {
		vs := make([]string, len(a.Vendors))
		for k, v := range a.Vendors {
			vs[k] = untrusted.Text(v)
		}
		a.Vendors, a.Dimension = vs, untrusted.Text(a.Dimension)
		out[i] = a
	}
	return out
}

// Results of one-shot backend calls.
type (
	explainMsg struct {
		title, text string
		err         error
	}
	previewMsg struct {
		fix Fix
		p   Preview
		err error
	}
	appliedMsg struct {
		fix Fix
		err error
	}
	// rejectedMsg ends the rejection of an inferred application.
	rejectedMsg struct {
		vendor, app string
		err         error
	}
	exportMsg struct {
		view string
		path string
		n    int // rows; -1 when the backend chose them (all findings)
		err  error
	}
	// currencyMsg ends a reporting-currency change.
	currencyMsg struct {
		cur string
		err error
	}
	granularityMsg struct {
		g   spend.Granularity
		err error
	}
	openedMsg       struct{ err error }
	toastExpiredMsg struct{ id int }
	tickMsg         struct{ run int }
)

// Intents screens send to the root.
type (
	// drillMsg opens an application's transactions; dim (1 or 2) and
	// value narrow them to one dimension value (a row of the split view).
	drillMsg struct {
		app   string
		dim   int
		value string
	}
	openFixMsg struct {
		fix        Fix
		suggestion string
		title      string
		lines      []lineScope // a split invoice's lines, each a scope of its own
		newApp     string      // an application to create first (an inferred one): the picker opens at its category
	}
	startSyncMsg struct{ trigger string }
	reconnectMsg struct{ conn ConnectionInfo } // the connection to reconnect; zero adds one
	toastMsg     struct{ text string }
	fatalMsg     struct {
		title string
		err   error
		retry tea.Cmd
	}
)

func toast(text string) tea.Cmd { return emit(toastMsg{text}) }

func (c *common) tick(run int) tea.Cmd { return c.after(time.Second, tickMsg{run}) }

type switchTabMsg struct{ tab tab }
