package main

import (
	"context"
	"errors"
	"os"

	"github.com/spf13/cobra"

	"github.com/bcspend/bcspend/store"
)

func init() {
	register("doctor", newDoctorCmd)
}

// runDoctor checks the file without writing to it or creating it: the
// header, its size against the pages it counts, the structure of every
// page, bbolt's own consistency check, and bcspend's buckets and schema.
func newDoctorCmd(g *globals, io stdio) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "doctor",
		Short: "check the database file page by page and say what is wrong (reads only)",
		Long: `Checks the file without writing to it or creating it: the header, its size
against the pages it counts, the structure of every page, bbolt's own
consistency check, and bcspend's buckets and schema.`,
		Example: `  bcspend doctor
  bcspend --db ~/backup/bcspend.db doctor`,
	}
	cmd.RunE = action(func(ctx context.Context, args []string) int {
		if len(args) > 0 {
			return usageErr(io, "doctor takes no arguments", "Point it at a file with --db.")
		}
		r, err := store.Check(g.DB)
		if errors.Is(err, os.ErrNotExist) {
			return fail(io, &store.MissingError{Path: g.DB})
		}
		if err != nil {
			sayf(io.out, "Database:  %s\nProblem:   %s\n", g.DB, err)
			return fail(io, err)
		}
		sayf(io.out, "Database:  %s\nSize:      %d bytes, %d pages in use\nSchema:    %d\nCheck:     every page is readable and consistent; nothing to do\n",
			g.DB, r.Size, r.Pages, r.Schema)
		return exitOK

	})
	return cmd
}
