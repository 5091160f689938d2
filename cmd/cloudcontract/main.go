// Command cloudcontract runs contract tests of cloud management REST APIs: live against an
// endpoint, recording cassettes, or replaying them offline; and serves the simulators.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
)

// Exit statuses. They are documented in the top-level help (printUsage).
const (
	exitOK          = 0
	exitFailed      = 1
	exitUsage       = 2
	exitInterrupted = 130 // 128 + SIGINT, as a shell reports a process ended by Ctrl-C
)

// exitStatuses document the exit statuses, in the order printed by the top-level help.
var exitStatuses = []struct {
	code    int
	meaning string
}{
	{exitOK, "every scenario passed; for other commands, nothing to report"},
	{exitFailed, "a scenario failed, or a check found a problem (lint, cassettes scan, verify-bundle, certify, cleanup)"},
	{exitUsage, "usage error: no or unknown command, unknown flag, bad flag value or argument"},
	{exitInterrupted, "interrupted (Ctrl-C, SIGTERM): scenarios not started are counted as not run"},
}

// exitError carries an exit status (see exitStatuses).
type exitError struct {
	code int
	msg  string
}

// Error implements error.
func (e *exitError) Error() string { return e.msg }

func usageErr(format string, a ...any) error {
	return &exitError{code: exitUsage, msg: fmt.Sprintf(format, a...)}
}

// helpRequested is returned when a command's help is asked for: its usage goes to stdout, and the
// exit status is 0.
type helpRequested struct{ usage string }

// Error implements error.
func (h *helpRequested) Error() string { return "help requested" }

type command struct {
	name, summary string
	run           func(ctx context.Context, args []string, stdout, stderr io.Writer) error
}

func commands() []command {
	return []command{
		{"run", "run the contract suites (replay by default; live with --target; --record writes cassettes)", runCmd},
		{"preflight", "check a live target before a run: reachable, TLS, credential sets, the API, fixture variables", preflightCmd},
		{"simulate", "serve an API simulator", simulateCmd},
		{"certify", "run a suite live against a vendor's endpoint and write a certification bundle", certifyCmd},
		{"verify-bundle", "check a certification bundle against its manifest (detects tampering)", verifyBundleCmd},
		{"mutate", "break responses one at a time and list the contract breaks no scenario notices (suite strength)", mutateCmd},
		{"merge", "join the reports of the parts of a split run (run --shard i/n) into what one run would have written", mergeCmd},
		{"generate", "write features/<api>/generated.feature: the negative scenarios the contract and specs/<api>/negative.yaml imply (--check: fail when stale)", generateCmd},
		{"coverage", "which operations, statuses, REASON codes and callbacks the cassettes exercise", coverageCmd},
		{"lint", "check contract examples, cassettes and feature steps; find cassettes of scenarios that no longer exist", lintCmd},
		{"cassettes", "cassettes scan [DIR]: fail on anything in the recordings that looks like a credential; cassettes diff: what a re-record changed in the API", cassettesCmd},
		{"cleanup", "delete on a live endpoint what a run left behind (only names starting with its run id)", cleanupCmd},
		{"profiles", "list the vendor profiles and regions of the white-label APIs", profilesCmd},
		{"version", "print the version (module version, VCS revision)", versionCmd},
	}
}

func main() {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	// The first interrupt stops the run: scenarios end, and what they created is deleted. A
	// second one ends the process at once, as it would without this handler.
	ctx, stop := interruptible(context.Background(), sigs, func() { signal.Stop(sigs) }, os.Stderr)
	code := realMain(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// interruptible returns a context cancelled by the first signal received on sigs, which it notes
// on stderr, then calls release (to restore the default action of a second signal). The returned
// stop ends the watch: once it has returned, nothing is printed, whatever happens.
func interruptible(parent context.Context, sigs <-chan os.Signal, release func(), stderr io.Writer) (context.Context, func()) {
	ctx, cancel := context.WithCancel(parent)
	done, watched := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(watched)
		select {
		case <-sigs:
			fmt.Fprintln(stderr, "interrupted: deleting what the run created (interrupt again to quit at once)")
			if release != nil {
				release()
			}
			cancel()
		case <-done:
		}
	}()
	return ctx, func() {
		close(done)
		<-watched
		cancel()
	}
}

// realMain runs one command line and returns its exit status. ctx is cancelled only when the
// process is interrupted.
func realMain(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprintln(stderr, "cloudcontract: no command given")
		fmt.Fprintln(stderr)
		printUsage(stderr)
		return exitUsage
	}
	switch args[0] {
	case "-h", "-help", "--help":
		printUsage(stdout)
		return exitOK
	case "help":
		if len(args) == 1 {
			printUsage(stdout)
			return exitOK
		}
		return realMain(ctx, []string{args[1], "--help"}, stdout, stderr)
	}
	for _, c := range commands() {
		if c.name != args[0] {
			continue
		}
		err := c.run(ctx, args[1:], stdout, stderr)
		var help *helpRequested
		if errors.As(err, &help) {
			fmt.Fprint(stdout, help.usage)
			return exitOK
		}
		code := exitOK
		if err != nil {
			code = exitFailed
			var ee *exitError
			if errors.As(err, &ee) {
				code = ee.code
			}
			if !(ctx.Err() != nil && errors.Is(err, context.Canceled)) {
				fmt.Fprintln(stderr, "cloudcontract "+c.name+":", err)
			}
			if code == exitUsage {
				fmt.Fprintf(stderr, "Run 'cloudcontract %s --help' for its usage.\n", c.name)
			}
		}
		if ctx.Err() != nil {
			return exitInterrupted
		}
		return code
	}
	fmt.Fprintf(stderr, "cloudcontract: unknown command %q\n\n", args[0])
	printUsage(stderr)
	return exitUsage
}

func printUsage(w io.Writer) {
	fmt.Fprintln(w, "cloudcontract: contract tests and record/replay for cloud management REST APIs")
	fmt.Fprintln(w, "\nUsage: cloudcontract COMMAND [flags]\n\nCommands:")
	width := 0
	for _, c := range commands() {
		width = max(width, len(c.name))
	}
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-*s  %s\n", width, c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'cloudcontract COMMAND --help' (or 'cloudcontract help COMMAND') for the flags of a command.")
	fmt.Fprintln(w, "\nExit status:")
	for _, s := range exitStatuses {
		fmt.Fprintf(w, "  %-3d  %s\n", s.code, s.meaning)
	}
}

func versionCmd(_ context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("version", "version", stderr)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	fmt.Fprintln(stdout, "cloudcontract", version)
	return nil
}

// newFlagSet returns a flag set that returns its errors instead of printing them: parseFlags
// turns --help into the usage on stdout, and a bad flag into a usage error on stderr.
func newFlagSet(name, usage string, _ io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("cloudcontract "+name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: cloudcontract %s\n", usage)
		hasFlags := false
		fs.VisitAll(func(*flag.Flag) { hasFlags = true })
		if hasFlags {
			fmt.Fprintln(fs.Output(), "\nFlags:")
			fs.PrintDefaults()
		}
	}
	return fs
}

// parseFlags parses and rejects positional arguments.
func parseFlags(fs *flag.FlagSet, args []string) error {
	rest, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usageErr("unexpected argument %q (flags start with --)", strings.Join(rest, " "))
	}
	return nil
}

// parseArgs parses flags, before, between or after positional arguments, and returns the
// positional arguments ("--" ends the flags).
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional, tail []string
	for i, a := range args {
		if a == "--" {
			args, tail = args[:i], args[i+1:]
			break
		}
	}
	for {
		err := fs.Parse(args)
		if errors.Is(err, flag.ErrHelp) {
			var b strings.Builder
			out := fs.Output()
			fs.SetOutput(&b)
			fs.Usage()
			fs.SetOutput(out)
			return nil, &helpRequested{usage: b.String()}
		}
		if err != nil {
			return nil, usageErr("%v", err)
		}
		if fs.NArg() == 0 {
			return append(positional, tail...), nil
		}
		positional = append(positional, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// stringList is a repeatable flag.
type stringList []string

// String implements fmt.Stringer.
func (s *stringList) String() string { return strings.Join(*s, ",") }

// Set implements flag.Value.
func (s *stringList) Set(v string) error {
	for _, p := range strings.Split(v, ",") {
		if p = strings.TrimSpace(p); p != "" {
			*s = append(*s, p)
		}
	}
	return nil
}
