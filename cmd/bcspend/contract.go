package main

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/bcspend/bcspend/failure"
	"github.com/bcspend/bcspend/insights"
	"github.com/bcspend/bcspend/money"
	"github.com/bcspend/bcspend/spend"
	"github.com/bcspend/bcspend/store"
	"github.com/bcspend/bcspend/untrusted"
)

func init() { register("contract", newContractCmd) }

const contractLong = `Contracts are inferred from the invoices (docs/INSIGHTS.md); 'set' stores an
admin's correction or addition, field by field, in the database; 'delete'
drops the correction (back to what the invoices say).`

type contractFlags struct {
	app, company, start, end, autoRenew, amount, currency, owner, notes string
	term, notice                                                        int
}

func newContractCmd(g *globals, io stdio) *cobra.Command {
	cmd := group(&cobra.Command{
		Use:   "contract",
		Short: "list contracts inferred from invoices; correct or add one (notice, auto-renew, owner)",
		Long:  contractLong,
		Example: `  bcspend contract list
  bcspend contract set --app Slack --company "CRONUS UK Ltd." --notice 30 --auto-renew yes
  bcspend contract delete --app Slack --company "CRONUS UK Ltd."`,
	}, io)
	list := &cobra.Command{Use: "list", Short: "list the contracts, inferred and corrected", Args: cobra.NoArgs,
		Example: "  bcspend contract list\n  bcspend contract list --json"}
	asJSON := list.Flags().Bool("json", false, "list as JSON")
	list.RunE = contractAction(g, io, func(db *store.DB, m *spend.Model) int { return listContracts(db, m, *asJSON, io) })

	var f contractFlags
	set := &cobra.Command{Use: "set --app A --company C [fields]", Short: "store a correction or an addition, field by field", Args: cobra.NoArgs,
		Example: `  bcspend contract set --app Slack --company "CRONUS UK Ltd." --notice 30 --auto-renew yes
  bcspend contract set --app Jira --company CRONUS --start 2026-01-01 --end 2026-12-31 --term 12 \
      --amount 12000 --currency EUR --owner "IT"`}
	targetFlags(set, &f)
	fs := set.Flags()
	fs.StringVar(&f.start, "start", "", "first day of the current period (YYYY-MM-DD)")
	fs.StringVar(&f.end, "end", "", "last day of the current period, the last day of service (YYYY-MM-DD)")
	fs.IntVar(&f.term, "term", 0, "term in months: 12 for annual, 36 for three years")
	fs.IntVar(&f.notice, "notice", -1, "notice period before the renewal, in days")
	fs.StringVar(&f.autoRenew, "auto-renew", "", "whether it renews unless cancelled: yes or no")
	fs.StringVar(&f.amount, "amount", "", "amount per term")
	fs.StringVar(&f.currency, "currency", "", "currency of --amount")
	fs.StringVar(&f.owner, "owner", "", "who looks after the contract")
	fs.StringVar(&f.notes, "notes", "", "anything else")
	set.RunE = contractAction(g, io, func(db *store.DB, m *spend.Model) int { return setContract(db, m, f, io) })

	var d contractFlags
	del := &cobra.Command{Use: "delete --app A --company C", Short: "drop a correction: back to what the invoices say", Args: cobra.NoArgs,
		Example: `  bcspend contract delete --app Slack --company "CRONUS UK Ltd."`}
	targetFlags(del, &d)
	del.RunE = contractAction(g, io, func(db *store.DB, m *spend.Model) int {
		co, err := resolveContractTarget(m, d)
		if err != nil {
			return fail(io, err)
		}
		if err := db.DeleteContract(d.app, co.ID); err != nil {
			return fail(io, err)
		}
		fmt.Fprintln(io.out, untrusted.Text(fmt.Sprintf("%s (%s): back to what the invoices say", d.app, co.Name)))
		return exitOK
	})
	cmd.AddCommand(list, set, del)
	return cmd
}

func targetFlags(cmd *cobra.Command, f *contractFlags) {
	cmd.Flags().StringVar(&f.app, "app", "", "application, as 'bcspend insights' names it")
	cmd.Flags().StringVar(&f.company, "company", "", "company id or name")
}

// contractAction runs f on the opened spend model.
func contractAction(g *globals, io stdio, f func(db *store.DB, m *spend.Model) int) func(*cobra.Command, []string) error {
	return action(func(ctx context.Context, args []string) int {
		db, m, err := openSpend(g)
		if err != nil {
			return fail(io, err)
		}
		defer db.Close()
		return f(db, m)
	})
}

func setContract(db *store.DB, m *spend.Model, f contractFlags, io stdio) int {
	c, err := f.contract(m)
	if err != nil {
		return fail(io, err)
	}
	if err := db.PutContract(c); err != nil {
		return fail(io, err)
	}
	r, err := reportFor(db, m, insights.Options{})
	if err != nil {
		return fail(io, err)
	}
	for _, k := range r.Contracts {
		if k.App == c.App && k.CompanyID == c.CompanyID && k.Source == insights.SourceAdmin {
			fmt.Fprintln(io.out, untrusted.Text("saved: "+k.Message))
		}
	}
	return exitOK
}

func listContracts(db *store.DB, m *spend.Model, asJSON bool, io stdio) int {
	r, err := reportFor(db, m, insights.Options{})
	if err != nil {
		return fail(io, err)
	}
	if asJSON {
		return writeJSON(io, r.Contracts)
	}
	for _, k := range r.Contracts {
		fmt.Fprintln(io.out, untrusted.Text(fmt.Sprintf("%-9s %3.0f%%  %s", k.Status, k.Confidence*100, k.Message)))
	}
	if len(r.Contracts) == 0 {
		fmt.Fprintln(io.out, "no contracts: no plan has a known term yet")
	}
	return exitOK
}

// resolveContractTarget checks --app and finds --company among the
// model's companies, by id or case-insensitive name.
func resolveContractTarget(m *spend.Model, f contractFlags) (spend.Company, error) {
	if f.app == "" || f.company == "" {
		return spend.Company{}, failure.Input("--app and --company are required", "Name the application as 'bcspend contract list' shows it, and the company by name or id.")
	}
	var names []string
	for _, c := range m.Companies() {
		if c.ID == f.company || strings.EqualFold(c.Name, f.company) {
			return c, nil
		}
		names = append(names, c.Name)
	}
	return spend.Company{}, failure.Input(fmt.Sprintf("no company %q", f.company), "Use one of: "+strings.Join(names, ", ")+".")
}

// contract turns the flags into a stored correction.
func (f contractFlags) contract(m *spend.Model) (store.Contract, error) {
	co, err := resolveContractTarget(m, f)
	if err != nil {
		return store.Contract{}, err
	}
	c := store.Contract{App: f.app, CompanyID: co.ID, Company: co.Name, TermMonths: f.term, Currency: strings.ToUpper(f.currency),
		Owner: f.owner, Notes: f.notes, By: currentUser(), At: time.Now().UTC()}
	if c.Start, err = parseDay("start", f.start); err != nil {
		return c, err
	}
	if c.End, err = parseDay("end", f.end); err != nil {
		return c, err
	}
	if !c.Start.IsZero() && !c.End.IsZero() && !c.End.After(c.Start) {
		return c, failure.Input("--end is not after --start", "The end is the last day of service, after the start.")
	}
	if f.term < 0 || f.term > 120 {
		return c, failure.Input("--term "+strconv.Itoa(f.term)+" is not a term", "Give the term in months, 1 to 120.")
	}
	if f.notice >= 0 {
		n := f.notice
		c.NoticeDays = &n
	}
	switch strings.ToLower(f.autoRenew) {
	case "":
	case "yes", "true", "on":
		v := true
		c.AutoRenew = &v
	case "no", "false", "off":
		v := false
		c.AutoRenew = &v
	default:
		return c, failure.Input("--auto-renew "+f.autoRenew+" is not yes or no", "Write --auto-renew yes or --auto-renew no.")
	}
	if f.amount != "" {
		a, err := money.Parse(f.amount)
		if err != nil || a < 0 {
			return c, failure.Input("--amount "+f.amount+" is not an amount", "Write it like 12000 or 12000.50.")
		}
		c.Amount = &a
	}
	return c, nil
}
