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

// version is set at build time (-ldflags "-X main.version=...").
var version = "dev"

// exitError carries an exit code: 1 for failed scenarios, 2 for usage errors.
type exitError struct {
	code int
	msg  string
}

// Error implements error.
func (e *exitError) Error() string { return e.msg }

func usageErr(format string, a ...any) error {
	return &exitError{code: 2, msg: fmt.Sprintf(format, a...)}
}

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
		{"generate", "write features/<api>/generated.feature: the negative scenarios the contract and specs/<api>/negative.yaml imply (--check: fail when stale)", generateCmd},
		{"coverage", "which operations, statuses, REASON codes and callbacks the cassettes exercise", coverageCmd},
		{"lint", "check every contract example against its schema and every cassette against the current contract", lintCmd},
		{"cassettes", "cassettes scan [DIR]: fail on anything in the recordings that looks like a credential", cassettesCmd},
		{"cleanup", "delete on a live endpoint what a run left behind (only names starting with its run id)", cleanupCmd},
		{"profiles", "list the vendor profiles and regions of the white-label APIs", profilesCmd},
		{"version", "print the version", func(_ context.Context, _ []string, stdout, _ io.Writer) error {
			fmt.Fprintln(stdout, "cloudcontract", version)
			return nil
		}},
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		// The first interrupt stops the run: scenarios end, and what they created is deleted.
		// A second one ends the process at once, as it would without this handler.
		select {
		case <-ctx.Done():
			fmt.Fprintln(os.Stderr, "interrupted: deleting what the run created (interrupt again to quit at once)")
			stop()
		case <-done:
		}
	}()
	code := realMain(ctx, os.Args[1:], os.Stdout, os.Stderr)
	close(done)
	stop()
	os.Exit(code)
}

func realMain(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		printUsage(stdout)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, c := range commands() {
		if c.name != args[0] {
			continue
		}
		err := c.run(ctx, args[1:], stdout, stderr)
		if err == nil {
			return 0
		}
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		fmt.Fprintln(stderr, "cloudcontract "+c.name+":", err)
		var ee *exitError
		if errors.As(err, &ee) {
			return ee.code
		}
		return 1
	}
	fmt.Fprintf(stderr, "cloudcontract: unknown command %q\n\n", args[0])
	printUsage(stderr)
	return 2
}

func printUsage(w io.Writer) {
	fmt.Fprintln(w, "cloudcontract: contract tests and record/replay for cloud management REST APIs")
	fmt.Fprintln(w, "\nUsage: cloudcontract COMMAND [flags]\n\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'cloudcontract COMMAND --help' for the flags of a command.")
}

// newFlagSet returns a flag set whose errors and help go to stderr and which returns errors.
func newFlagSet(name, usage string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("cloudcontract "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: cloudcontract %s\n\n", usage)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses and rejects positional arguments.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageErr("%v", err)
	}
	if fs.NArg() > 0 {
		return usageErr("unexpected argument %q (flags start with --)", strings.Join(fs.Args(), " "))
	}
	return nil
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
