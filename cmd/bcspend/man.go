package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
)

func init() { register("man", newManCmd) }

// newManCmd writes the man pages from the same command tree as --help, so
// they cannot drift apart.
func newManCmd(g *globals, io stdio) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "man",
		Short: "print the man page, or write one per command with --dir",
		Long: `Without --dir, prints bcspend(1) on standard output (read it with
'bcspend man | man -l -'). With --dir, writes a page per command
(bcspend.1, bcspend-sync.1, bcspend-rules-add.1, ...) into DIR, e.g. for
/usr/local/share/man/man1; the help and the pages come from the same source.`,
		Example: `  bcspend man | man -l -
  bcspend man --dir /usr/local/share/man/man1`,
		Args: cobra.NoArgs,
	}
	dir := cmd.Flags().String("dir", "", "write one page per command into `DIR` (created if missing)")
	cmd.RunE = action(func(ctx context.Context, args []string) int {
		root := cmd.Root()
		root.DisableAutoGenTag = true // the pages then depend on the source only
		header := &doc.GenManHeader{Title: "BCSPEND", Section: "1", Source: "bcspend " + version, Manual: "bcspend manual"}
		if *dir == "" {
			if err := doc.GenMan(root, header, io.out); err != nil {
				return fail(io, err)
			}
			return exitOK
		}
		if err := os.MkdirAll(*dir, 0o755); err != nil {
			return fail(io, err)
		}
		if err := doc.GenManTree(root, header, *dir); err != nil {
			return fail(io, err)
		}
		pages, _ := filepath.Glob(filepath.Join(*dir, "bcspend*.1"))
		fmt.Fprintf(io.err, "Wrote %d man pages to %s\n", len(pages), *dir)
		return exitOK
	})
	return cmd
}
