package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/bcspend/bcspend/failure"
	"github.com/bcspend/bcspend/match"
	"github.com/bcspend/bcspend/spend"
	"github.com/bcspend/bcspend/store"
	"github.com/bcspend/bcspend/untrusted"

	"github.com/bcspend/bcspend/money"
)

func init() { register("apps", newAppsCmd) }

const appsLong = `Custom applications are the ones the catalog lacks (created here or from the
console's fix picker). They are stored in the database and appear wherever
catalog applications do. remove deletes the app's rules with it: without
--yes it only shows what would go.`

// The operations below are shared by the CLI and the console's backend.

// addApp stores a new custom application; a name the catalog or the
// custom apps already have is refused.
func addApp(db *store.DB, cat *match.Catalog, name, category string, vendors []string) (store.CustomApp, error) {
	name, category = strings.TrimSpace(name), strings.TrimSpace(category)
	if name == "" || category == "" {
		return store.CustomApp{}, failure.Input("A custom application needs a name and a category", "e.g. 'bcspend apps add Visma --category Finance'")
	}
	if a, ok := cat.App(name); ok {
		return store.CustomApp{}, failure.Input(fmt.Sprintf("%q is already an application (%s)", a.Name, a.Category), "pick it in the fix picker, or choose another name")
	}
	a := store.CustomApp{Name: name, Category: category, Vendors: vendors, Created: time.Now().UTC()}
	return a, db.PutCustomApp(a)
}

// findCustom is the stored custom application name (any case).
func findCustom(db *store.DB, name string) (store.CustomApp, error) {
	apps, err := db.CustomApps()
	if err != nil {
		return store.CustomApp{}, err
	}
	for _, a := range apps {
		if strings.EqualFold(a.Name, strings.TrimSpace(name)) {
			return a, nil
		}
	}
	return store.CustomApp{}, failure.Input(fmt.Sprintf("%q is not a custom application", name), "list them with 'bcspend apps list' (catalog applications cannot be changed here)")
}

// rulesFor are the stored rules that point at app.
func rulesFor(db *store.DB, app string) ([]match.Rule, error) {
	rules, err := spend.LoadRules(db)
	if err != nil {
		return nil, err
	}
	var out []match.Rule
	for _, r := range rules {
		if strings.EqualFold(r.App, app) {
			out = append(out, r)
		}
	}
	return out, nil
}

// renameApp renames a custom application and the rules that point at it.
func renameApp(db *store.DB, cat *match.Catalog, old, name string) error {
	a, err := findCustom(db, old)
	if err != nil {
		return err
	}
	if b, ok := cat.App(name); ok && !strings.EqualFold(b.Name, a.Name) {
		return failure.Input(fmt.Sprintf("%q is already an application", b.Name), "choose another name")
	}
	rules, err := rulesFor(db, a.Name)
	if err != nil {
		return err
	}
	for _, r := range rules {
		r.App = name
		data, err := json.Marshal(r)
		if err != nil {
			return err
		}
		if err := db.PutRule(r.ID, data); err != nil {
			return err
		}
	}
	if err := db.DeleteCustomApp(a.Name); err != nil {
		return err
	}
	a.Name = strings.TrimSpace(name)
	return db.PutCustomApp(a)
}

// recategoriseApp changes a custom application's category.
func recategoriseApp(db *store.DB, name, category string) error {
	a, err := findCustom(db, name)
	if err != nil {
		return err
	}
	if a.Category = strings.TrimSpace(category); a.Category == "" {
		return failure.Input("The category is empty", "e.g. Finance")
	}
	return db.PutCustomApp(a)
}

// removal is what removing a custom application takes with it.
type removal struct {
	app          store.CustomApp
	rules        []match.Rule
	transactions int
	spend        string // "3,774.04 USD"
}

func previewRemoval(db *store.DB, m *spend.Model, name string) (removal, error) {
	a, err := findCustom(db, name)
	if err != nil {
		return removal{}, err
	}
	rules, err := rulesFor(db, a.Name)
	if err != nil {
		return removal{}, err
	}
	rm := removal{app: a, rules: rules, spend: "0.00 " + m.ReportingCurrency()}
	for _, r := range m.Apps() {
		if strings.EqualFold(r.App, a.Name) {
			rm.transactions, rm.spend = r.Transactions, r.Reporting.Grouped()+" "+r.ReportingCurrency
		}
	}
	return rm, nil
}

func (rm removal) String() string {
	return fmt.Sprintf("removes %s and %s; %s / %s go back to unmatched", rm.app.Name,
		money.Plural(len(rm.rules), "rule", "rules"), money.Plural(rm.transactions, "transaction", "transactions"), rm.spend)
}

// removeApp deletes the app's rules, then the app.
func removeApp(db *store.DB, rm removal) error {
	for _, r := range rm.rules {
		if err := db.DeleteRule(r.ID); err != nil {
			return err
		}
	}
	return db.DeleteCustomApp(rm.app.Name)
}

func newAppsCmd(g *globals, io stdio) *cobra.Command {
	cmd := group(&cobra.Command{
		Use:   "apps",
		Short: "custom applications: list, add, rename, recategorise, remove",
		Long:  appsLong,
		Example: `  bcspend apps list
  bcspend apps add Visma --category Finance --vendor "Visma Software AS"
  bcspend apps rename Visma "Visma eAccounting"
  bcspend apps recategorise "Visma eAccounting" Accounting
  bcspend apps remove "Visma eAccounting" --yes`,
	}, io)
	add := &cobra.Command{Use: "add NAME --category C [--vendor V]", Short: "add a custom application",
		Example: "  bcspend apps add Visma --category Finance\n  bcspend apps add Visma --category Finance --vendor \"Visma Software AS\""}
	category := add.Flags().String("category", "", "the category of the new application")
	vendor := add.Flags().String("vendor", "", "a vendor name that identifies it (optional)")
	add.RunE = appsAction(g, io, 1, func(db *store.DB, m *spend.Model, pos []string) int {
		var vendors []string
		if *vendor != "" {
			vendors = []string{*vendor}
		}
		a, err := addApp(db, m.Catalog(), pos[0], *category, vendors)
		if err != nil {
			return fail(io, err)
		}
		fmt.Fprintf(io.out, "Added %s (%s)\n", untrusted.Text(a.Name), untrusted.Text(a.Category))
		return exitOK
	})
	remove := &cobra.Command{Use: "remove NAME [--yes]", Short: "remove a custom application and its rules",
		Example: "  bcspend apps remove Visma        # shows what would go\n  bcspend apps remove Visma --yes"}
	yes := remove.Flags().Bool("yes", false, "really remove")
	remove.RunE = appsAction(g, io, 1, func(db *store.DB, m *spend.Model, pos []string) int {
		rm, err := previewRemoval(db, m, pos[0])
		if err != nil {
			return fail(io, err)
		}
		fmt.Fprintln(io.out, untrusted.Text("This "+rm.String()+"."))
		if !*yes {
			return usageErr(io, "Nothing removed", "run it again with --yes to remove")
		}
		if err := removeApp(db, rm); err != nil {
			return fail(io, err)
		}
		fmt.Fprintf(io.out, "Removed %s\n", untrusted.Text(rm.app.Name))
		return exitOK
	})
	cmd.AddCommand(newAppsListCmd(g, io), add, newAppsRenameCmd(g, io), newAppsRecategoriseCmd(g, io), remove)
	return cmd
}

func newAppsListCmd(g *globals, io stdio) *cobra.Command {
	cmd := &cobra.Command{Use: "list", Short: "list the custom applications", Example: "  bcspend apps list\n  bcspend apps list --json"}
	asJSON := cmd.Flags().Bool("json", false, "print the applications as JSON")
	cmd.RunE = appsAction(g, io, 0, func(db *store.DB, m *spend.Model, pos []string) int {
		apps, err := db.CustomApps()
		if err != nil {
			return fail(io, err)
		}
		if *asJSON {
			out := make([]customAppJSON, 0, len(apps))
			for _, a := range apps {
				out = append(out, customAppJSON{Name: a.Name, Category: a.Category, Vendors: append([]string{}, a.Vendors...)})
			}
			return writeJSON(io, &out)
		}
		if len(apps) == 0 {
			fmt.Fprintln(io.out, "No custom applications ('bcspend apps add NAME --category C', or create one in the console's fix picker).")
		}
		for _, a := range apps {
			fmt.Fprintf(io.out, "%s  (%s)%s\n", untrusted.Text(a.Name), untrusted.Text(a.Category), untrusted.Text(vendorsNote(a.Vendors)))
		}
		return exitOK
	})
	return cmd
}

func newAppsRenameCmd(g *globals, io stdio) *cobra.Command {
	cmd := &cobra.Command{Use: "rename OLD NEW", Short: "rename a custom application (its rules follow)",
		Example: `  bcspend apps rename Visma "Visma eAccounting"`}
	cmd.RunE = appsAction(g, io, 2, func(db *store.DB, m *spend.Model, pos []string) int {
		if err := renameApp(db, m.Catalog(), pos[0], pos[1]); err != nil {
			return fail(io, err)
		}
		fmt.Fprintf(io.out, "Renamed %s to %s (with its rules)\n", untrusted.Text(pos[0]), untrusted.Text(pos[1]))
		return exitOK
	})
	return cmd
}

func newAppsRecategoriseCmd(g *globals, io stdio) *cobra.Command {
	cmd := &cobra.Command{Use: "recategorise NAME CATEGORY", Aliases: []string{"recategorize"},
		Short: "move a custom application to another category", Example: `  bcspend apps recategorise Visma Accounting`}
	cmd.RunE = appsAction(g, io, 2, func(db *store.DB, m *spend.Model, pos []string) int {
		if err := recategoriseApp(db, pos[0], pos[1]); err != nil {
			return fail(io, err)
		}
		fmt.Fprintf(io.out, "%s is now in %s\n", untrusted.Text(pos[0]), untrusted.Text(pos[1]))
		return exitOK
	})
	return cmd
}

// appsAction checks an apps subcommand got its n arguments, then runs f on
// the opened spend model.
func appsAction(g *globals, io stdio, n int, f func(db *store.DB, m *spend.Model, pos []string) int) func(*cobra.Command, []string) error {
	return func(cmd *cobra.Command, args []string) error {
		return action(func(ctx context.Context, args []string) int {
			if len(args) != n {
				return usageErr(io, "Usage: "+cmd.UseLine(), "e.g. "+strings.SplitN(cmd.Example, "\n", 2)[0][2:])
			}
			db, m, err := openSpend(g)
			if err != nil {
				return fail(io, err)
			}
			defer db.Close()
			return f(db, m, args)
		})(cmd, args)
	}
}

// customAppJSON is a custom application as 'apps list --json' prints it.
type customAppJSON struct {
	Name     string   `json:"name"`
	Category string   `json:"category"`
	Vendors  []string `json:"vendors"`
}

func vendorsNote(v []string) string {
	if len(v) == 0 {
		return ""
	}
	return "  vendors: " + strings.Join(v, "; ")
}
