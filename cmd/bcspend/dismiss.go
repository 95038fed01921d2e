package main

import (
	"context"
	"fmt"
	"os"
	"os/user"
	"sort"
	"time"

	"github.com/spf13/cobra"

	"github.com/bcspend/bcspend/insights"
	"github.com/bcspend/bcspend/spend"
	"github.com/bcspend/bcspend/store"
	"github.com/bcspend/bcspend/untrusted"
)

func init() {
	register("dismiss", newDismissCmd)
}

const dismissLong = `REF is the six-character reference 'bcspend insights' prints after each
finding (or its whole key from 'insights --json'). A dismissed finding stays
hidden while its facts stay the same; when they change (another date, amount
or application) it shows again. The dismissal records who and when.`

func newDismissCmd(g *globals, io stdio) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "dismiss REF",
		Short: "hide an insights finding until its facts change; --undo, --list",
		Long:  dismissLong,
		Example: `  bcspend dismiss 3fa9c2 --note "agreed with finance"
  bcspend dismiss --undo 3fa9c2
  bcspend dismiss --list`,
	}
	fs := cmd.Flags()
	note := fs.String("note", "", "why it needs no action (kept with the dismissal)")
	undo := fs.Bool("undo", false, "show a dismissed finding again")
	list := fs.Bool("list", false, "list the dismissals")
	cmd.RunE = action(func(ctx context.Context, args []string) int {
		if *list {
			return listDismissals(g, io)
		}
		if len(args) != 1 {
			return usageErr(io, "dismiss needs one finding reference", "Run 'bcspend insights' and pass the [ref] shown after the finding.")
		}
		db, m, err := openSpend(g)
		if err != nil {
			return fail(io, err)
		}
		defer db.Close()
		if *undo {
			return undoDismissal(db, args[0], io)
		}
		r := insights.Compute(m, insights.Options{})
		f, err := r.Find(args[0])
		if err != nil {
			return usageErr(io, err.Error(), "Run 'bcspend insights' for the current references ('dismiss --list' for dismissed ones).")
		}
		d := store.Dismissal{Key: f.Key, Fingerprint: f.Fingerprint, By: currentUser(), At: time.Now().UTC(), Note: *note}
		if err := db.PutDismissal(d); err != nil {
			return fail(io, err)
		}
		fmt.Fprintln(io.out, untrusted.Text(fmt.Sprintf("dismissed [%s] %s", insights.Ref(f.Key), f.Message)))
		return exitOK

	})
	return cmd
}

func undoDismissal(db *store.DB, ref string, io stdio) int {
	ds, err := db.Dismissals()
	if err != nil {
		return fail(io, err)
	}
	for k := range ds {
		if k == ref || insights.Ref(k) == ref {
			if err := db.DeleteDismissal(k); err != nil {
				return fail(io, err)
			}
			fmt.Fprintln(io.out, untrusted.Text("shown again: "+k))
			return exitOK
		}
	}
	return usageErr(io, fmt.Sprintf("no dismissal has the reference %q", ref), "Run 'bcspend dismiss --list'.")
}

func listDismissals(g *globals, io stdio) int {
	if _, err := os.Stat(g.DB); err != nil {
		return fail(io, &errNoDatabase{g.DB})
	}
	db, err := g.open()
	if err != nil {
		return fail(io, err)
	}
	defer db.Close()
	ds, err := db.Dismissals()
	if err != nil {
		return fail(io, err)
	}
	keys := make([]string, 0, len(ds))
	for k := range ds {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		d := ds[k]
		fmt.Fprintln(io.out, untrusted.Text(fmt.Sprintf("[%s] %s  by %s on %s  %s", insights.Ref(k), k, d.By,
			d.At.Format(time.DateOnly), d.Note)))
	}
	if len(keys) == 0 {
		fmt.Fprintln(io.out, "no dismissed findings")
	}
	return exitOK
}

// currentUser names who dismissed or corrected something: the OS account,
// which is who runs bcspend (there are no bcspend accounts).
func currentUser() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	if v := os.Getenv("USER"); v != "" {
		return v
	}
	return "unknown"
}

// reportFor is the insights report as the admin sees it: computed from the
// model, the stored contract corrections applied, dismissed findings left
// out. Every command and the console go through it.
func reportFor(db *store.DB, m *spend.Model, opt insights.Options) (insights.Report, error) {
	r := insights.Compute(m, opt)
	cs, err := db.Contracts()
	if err != nil {
		return r, err
	}
	r.ApplyContracts(cs)
	ds, err := db.Dismissals()
	if err != nil {
		return r, err
	}
	r.ApplyDismissals(ds)
	return r, nil
}
