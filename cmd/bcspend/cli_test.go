package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// commandPaths is every runnable command of the tree, as the words typed
// after bcspend ("rules add"), the root as "".
func commandPaths(t *testing.T) []string {
	t.Helper()
	var paths []string
	var walk func(c *cobra.Command, prefix string)
	walk = func(c *cobra.Command, prefix string) {
		paths = append(paths, prefix)
		for _, sub := range c.Commands() {
			if sub.IsAvailableCommand() {
				walk(sub, strings.TrimSpace(prefix+" "+sub.Name()))
			}
		}
	}
	walk(newRoot(defaultGlobals(), stdio{}), "")
	if len(paths) < 30 {
		t.Fatalf("the command tree has only %d commands: %v", len(paths), paths)
	}
	return paths
}

// Every command's help is on stdout, exits 0, shows an example and its own
// flags with two dashes (Go's flag package printed it on stderr, with
// -json, and 'rules add --help' printed the help of all of rules).
func TestEveryCommandHasHelpWithAnExampleOnStdout(t *testing.T) {
	for _, path := range commandPaths(t) {
		args := append(strings.Fields(path), "--help")
		code, out, errOut := cli(t, "", args...)
		if code != 0 || errOut != "" || !regexp.MustCompile(`Examples:\n(  .*\n)*  (# .*\n  )?\S*bcspend `).MatchString(out) || !strings.Contains(out, "Usage:\n  bcspend") {
			t.Errorf("bcspend %s --help: exit %d, stderr %q, stdout:\n%s", path, code, errOut, out)
		}
		if strings.Contains(out, "\n  -json") || strings.Contains(out, " -db ") {
			t.Errorf("bcspend %s --help shows single-dash long flags:\n%s", path, out)
		}
	}
}

func TestRulesAddHelpIsItsOwn(t *testing.T) {
	code, out, _ := cli(t, "", "rules", "add", "--help")
	for _, want := range []string{"bcspend rules add (--vendor V --app A", "--ignore-vendor string", "--priority int", "--yes", "--db FILE",
		`bcspend rules add --vendor "Acme Ltd" --app Slack`} {
		if !strings.Contains(out, want) {
			t.Errorf("rules add --help lacks %q:\n%s", want, out)
		}
	}
	if code != 0 || strings.Contains(out, "remove ID") || strings.Contains(out, "print the rules as JSON") {
		t.Errorf("rules add --help: exit %d, shows other subcommands:\n%s", code, out)
	}
}

// 'bcspend help X' is X's --help; an unknown topic is a usage error with
// the nearest command.
func TestHelpCommand(t *testing.T) {
	_, want, _ := cli(t, "", "rules", "add", "--help")
	if code, out, _ := cli(t, "", "help", "rules", "add"); code != 0 || out != want {
		t.Errorf("help rules add: exit %d\n%s\nwant\n%s", code, out, want)
	}
	code, out, errOut := cli(t, "", "help", "rules", "ad")
	if code != exitUsage || out != "" || !strings.Contains(errOut, "did you mean 'bcspend rules add'") {
		t.Errorf("help rules ad: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}

// A typo gets the nearest command or flag, and Go's single-dash spelling
// of a long flag is told to take two dashes.
func TestDidYouMean(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"stauts"}, "did you mean 'bcspend status'?"},
		{[]string{"rules", "ad"}, "did you mean 'bcspend rules add'?"},
		{[]string{"config", "gte", "page-size"}, "did you mean 'bcspend config get'?"},
		{[]string{"sync", "--jsno"}, "did you mean --json?"},
		{[]string{"connect", "--client-secret", "x"}, "did you mean --client-secret-file or --client-secret-stdin?"},
		{[]string{"sync", "-json"}, "flags take two dashes: --json"},
		{[]string{"status", "-db", "x.db"}, "flags take two dashes: --db"},
	}
	for _, tc := range cases {
		code, out, errOut := cli(t, "", tc.args...)
		if code != exitUsage || out != "" || !strings.Contains(errOut, tc.want) || !strings.Contains(errOut, "what to do:") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want %q", tc.args, code, out, errOut, tc.want)
		}
	}
}

func TestVersionCommand(t *testing.T) {
	code, out, _ := cli(t, "", "version")
	lines := strings.Split(out, "\n")
	if code != 0 || lines[0] != "bcspend "+version || !strings.HasPrefix(lines[1], "commit: ") || !strings.HasPrefix(lines[2], "built:  ") {
		t.Errorf("version: exit %d\n%s", code, out)
	}
	if _, short, _ := cli(t, "", "--version"); short != lines[0]+"\n" {
		t.Errorf("--version %q is not version's first line %q", short, lines[0])
	}
}

// Without ldflags, the version, commit and date come from what the Go
// toolchain stamped; ldflags win.
func TestVersionFromBuildInfo(t *testing.T) {
	saved := [3]string{version, commit, date}
	t.Cleanup(func() { version, commit, date = saved[0], saved[1], saved[2] })
	info := &debug.BuildInfo{Main: debug.Module{Version: "v1.4.0"}, Settings: []debug.BuildSetting{
		{Key: "vcs.revision", Value: "0123abcd"}, {Key: "vcs.time", Value: "2026-11-30T10:00:00Z"}, {Key: "vcs.modified", Value: "true"}}}
	version, commit, date = "0.1.0-dev", "", ""
	fillFromBuildInfo(info, true)
	if version != "v1.4.0" || commit != "0123abcd (modified)" || date != "2026-11-30T10:00:00Z" {
		t.Errorf("from build info: %q %q %q", version, commit, date)
	}
	version, commit, date = "1.5.0", "feedf00d", "2026-12-01T00:00:00Z"
	fillFromBuildInfo(info, true)
	if version != "1.5.0" || commit != "feedf00d" || date != "2026-12-01T00:00:00Z" {
		t.Errorf("ldflags overwritten: %q %q %q", version, commit, date)
	}
}

func TestCompletionScriptsForFourShells(t *testing.T) {
	for shell, want := range map[string]string{"bash": "__start_bcspend", "zsh": "#compdef bcspend", "fish": "complete -c bcspend",
		"powershell": "Register-ArgumentCompleter"} {
		code, out, errOut := cli(t, "", "completion", shell)
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("completion %s: exit %d, stderr %q, lacks %q", shell, code, errOut, want)
		}
	}
}

// The bash script, loaded in bash, completes a subcommand and a setting
// by asking the real binary.
func TestBashCompletionCompletesASubcommand(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("bash is not installed")
	}
	bin := buildBinary(t)
	complete := func(line string) []string {
		t.Helper()
		// The script needs bash-completion's _get_comp_words_by_ref; where
		// the package is missing, a stand-in that splits words on blanks.
		script := `if [ -r /usr/share/bash-completion/bash_completion ]; then . /usr/share/bash-completion/bash_completion
else _get_comp_words_by_ref() { cur=${COMP_WORDS[COMP_CWORD]}; prev=${COMP_WORDS[COMP_CWORD-1]}; words=("${COMP_WORDS[@]}"); cword=$COMP_CWORD; }
fi
source <(bcspend completion bash)
read -ra COMP_WORDS <<< "$LINE"
[[ "$LINE" == *" " ]] && COMP_WORDS+=("")
COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); COMP_LINE="$LINE"; COMP_POINT=${#LINE}
__start_bcspend
printf '%s\n' "${COMPREPLY[@]}"`
		cmd := exec.Command(bash, "--norc", "--noprofile", "-c", script)
		cmd.Env = append(os.Environ(), "PATH="+filepath.Dir(bin)+":"+os.Getenv("PATH"), "LINE="+line)
		var stderr strings.Builder
		cmd.Stderr = &stderr // compopt complains outside a real completion
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("bash: %v\n%s%s", err, out, stderr.String())
		}
		return strings.Fields(string(out))
	}
	if got := complete("bcspend ru"); strings.Join(got, " ") != "rules" {
		t.Errorf("bcspend ru<TAB>: %q", got)
	}
	if got := complete("bcspend rules "); strings.Join(got, " ") != "list add remove" {
		t.Errorf("bcspend rules <TAB>: %q", got)
	}
	if got := complete("bcspend config set rep"); strings.Join(got, " ") != "reporting-currency" {
		t.Errorf("bcspend config set rep<TAB>: %q", got)
	}
}

// The man pages come from the same tree as the help: one per command,
// with its examples.
func TestManPages(t *testing.T) {
	code, out, errOut := cli(t, "", "man")
	if code != 0 || !strings.Contains(out, `.TH "BCSPEND" "1"`) || !strings.Contains(out, "Exit codes") {
		t.Fatalf("man: exit %d, stderr %q\n%.300s", code, errOut, out)
	}
	dir := filepath.Join(t.TempDir(), "man1")
	if code, _, errOut := cli(t, "", "man", "--dir", dir); code != 0 {
		t.Fatalf("man --dir: exit %d %s", code, errOut)
	}
	page, err := os.ReadFile(filepath.Join(dir, "bcspend-rules-add.1"))
	if err != nil || !strings.Contains(string(page), "--ignore-vendor") || !strings.Contains(string(page), "Acme Ltd") {
		t.Fatalf("bcspend-rules-add.1: %v\n%s", err, page)
	}
	for _, path := range commandPaths(t) {
		name := strings.Join(append([]string{"bcspend"}, strings.Fields(path)...), "-") + ".1"
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("no man page for %q: %v", path, err)
		}
	}
}
