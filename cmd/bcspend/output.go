package main

import (
	"io"

	"github.com/bcspend/bcspend/syncer"
)

// outputMode is what --json and --quiet asked of this run. --json: what
// the command prints, and any error, is JSON on stdout. --quiet (for
// cron): the human text (progress, summaries, notes) is not printed;
// errors, warnings and anything --json asked for still are.
type outputMode struct {
	json, quiet bool
	// out and err are the real streams, for what --quiet never silences.
	out, err io.Writer
	// printedJSON: the command already printed its JSON document (a sync
	// summary carrying its error), so an error adds none.
	printedJSON bool
}

// detectMode finds --json and --quiet as cobra will parse them, on a
// throwaway tree: the streams must be chosen before the commands capture
// them.
func detectMode(args []string, streams stdio) *outputMode {
	m := &outputMode{out: streams.out, err: streams.err}
	root := newRoot(defaultGlobals(), stdio{in: streams.in, out: io.Discard, err: io.Discard, mode: m})
	cmd, rest, err := root.Find(args)
	if err != nil || cmd.ParseFlags(rest) != nil {
		m.json = hasFlag(args, "--json")
		return m
	}
	m.quiet, _ = cmd.Flags().GetBool("quiet")
	m.json, _ = cmd.Flags().GetBool("json")
	return m
}

// hasFlag is for a command line cobra could not parse: the flag typed
// before any "--".
func hasFlag(args []string, name string) bool {
	for _, a := range args {
		if a == "--" {
			return false
		}
		if a == name || a == name+"=true" {
			return true
		}
	}
	return false
}

// apply gives the commands their streams: silenced under --quiet.
func (m *outputMode) apply(s stdio) stdio {
	s.mode = m
	if m.quiet {
		s.out, s.err = io.Discard, io.Discard
	}
	return s
}

// errors is where failures, warnings and prompts go: stderr, even under
// --quiet.
func (s stdio) errors() io.Writer {
	if s.mode != nil {
		return s.mode.err
	}
	return s.err
}

// jsonOut is where --json documents go: stdout, even under --quiet.
func (s stdio) jsonOut() io.Writer {
	if s.mode != nil {
		return s.mode.out
	}
	return s.out
}

// jsonError is an error as --json prints it: the same fields as a sync
// summary's error, and the exit code.
type jsonError struct {
	Error struct {
		*syncer.Problem
		ExitCode int `json:"exit_code"`
	} `json:"error"`
}

// failJSON prints err as JSON on stdout when --json asked for it and the
// command printed no JSON document of its own.
func failJSON(io stdio, err error) {
	if io.mode == nil || !io.mode.json || io.mode.printedJSON {
		return
	}
	var e jsonError
	e.Error.Problem = syncer.ProblemOf(err)
	e.Error.ExitCode = exitCodeOf(err)
	writeJSON(io, &e)
}
