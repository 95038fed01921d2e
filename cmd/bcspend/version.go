package main

import (
	"context"
	"fmt"
	"runtime"
	"runtime/debug"

	"github.com/spf13/cobra"
)

// Set at build time, e.g.
//
//	go build -ldflags "-X main.version=1.2.0 -X main.commit=$(git rev-parse HEAD) -X main.date=$(date -u +%FT%TZ)"
//
// Left empty, they come from what the Go toolchain stamped into the binary
// (debug.ReadBuildInfo: the module version of 'go install ...@v1.2.0', the
// VCS revision and commit time of a build in a checkout).
var (
	version = "0.1.0-dev"
	commit  string
	date    string
)

func init() {
	register("version", newVersionCmd)
	fillFromBuildInfo(debug.ReadBuildInfo())
}

// fillFromBuildInfo fills what the ldflags left unset.
func fillFromBuildInfo(info *debug.BuildInfo, ok bool) {
	if !ok {
		return
	}
	if v := info.Main.Version; version == "0.1.0-dev" && v != "" && v != "(devel)" {
		version = v
	}
	if commit != "" {
		return // stamped by the build: the rest is the build's to say
	}
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			commit = s.Value + commit
		case "vcs.time":
			date = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				commit += " (modified)"
			}
		}
	}
}

func orUnknown(s string) string {
	if s == "" {
		return "unknown"
	}
	return s
}

func newVersionCmd(g *globals, io stdio) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "version",
		Short: "print the version, commit and build date",
		Long: `Prints the version, the commit it was built from and when, and the Go
version; the first line is the same as 'bcspend --version'.`,
		Example: `  bcspend version`,
		Args:    cobra.NoArgs,
	}
	cmd.RunE = action(func(ctx context.Context, args []string) int {
		fmt.Fprintf(io.out, "bcspend %s\ncommit: %s\nbuilt:  %s\ngo:     %s %s/%s\n", version, orUnknown(commit), orUnknown(date),
			runtime.Version(), runtime.GOOS, runtime.GOARCH)
		return exitOK
	})
	return cmd
}
