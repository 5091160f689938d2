package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/cloudcontract/cloudcontract/harness/runner"
	"github.com/cloudcontract/cloudcontract/harness/sim"
	"github.com/cloudcontract/cloudcontract/harness/spec"
	"github.com/cloudcontract/cloudcontract/harness/steps"
	"github.com/cloudcontract/cloudcontract/harness/transport"
	"github.com/cloudcontract/cloudcontract/harness/validate"
)

func runCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("run", "run [--api NAME|all] [--target URL [--record]] [--tags EXPR] [--name REGEX] [--concurrency N] [--format F] [FEATURE[:LINE]...]", stderr)
	api := fs.String("api", "all", "API to run (a folder of --specs: ukcloud, cloudcontrol, esc, cam), several comma-separated, or all")
	target := fs.String("target", "", "base URL of a live endpoint, or \"sim\" for an in-process simulator of each API (default: replay from cassettes; env CLOUDCONTRACT_TARGET)")
	profileFile := fs.String("config", "", "profile file of defaults: targets, credentials, timeouts (env CLOUDCONTRACT_CONFIG); flags and environment win over it")
	profile := fs.String("profile", "", "vendor profile of a white-label API (see 'cloudcontract profiles'); with --region, gives the target")
	region := fs.String("region", "", "region of --profile (e.g. NA, EU)")
	var simFaults stringList
	fs.Var(&simFaults, "sim-fault", "with --target sim: a contract break the simulator commits (repeatable)")
	simTTL := fs.Duration("sim-session-ttl", 2*time.Second, "with --target sim: session lifetime of the simulator (short, so expiry scenarios are quick)")
	simSeed := fs.Int64("sim-seed", 1, "with --target sim: seed of the simulator")
	simLatency := fs.Duration("sim-latency", 0, "with --target sim: latency the simulator adds to every answer")
	simDataset := fs.String("sim-dataset", sim.DatasetDefault, "with --target sim: the data set the simulators are populated with ("+strings.Join(sim.Datasets(), ", ")+")")
	record := fs.Bool("record", false, "with --target: write a cassette for each passing scenario (replacing the old one)")
	tags := fs.String("tags", "", "godog tag expression selecting scenarios (e.g. '@paging && ~@slow')")
	name := fs.String("name", "", "regular expression selecting scenarios by name (positional FEATURE[:LINE] arguments select files, folders or the scenario at a line)")
	conc := fs.Int("concurrency", 1, "scenarios run at once")
	format := fs.String("format", "progress", "output: pretty, progress, junit:FILE, cucumber:FILE (comma-separated for several)")
	randomize := fs.Int64("randomize", 0, "shuffle scenarios with this seed (-1: a random seed)")
	timeout := fs.Duration("timeout", 30*time.Second, "timeout of each request")
	maxBody := fs.Int64("max-body", 10<<20, "largest response body read, in bytes")
	caCert := fs.String("ca-cert", "", "PEM file of a CA trusted for the target, beside the system's")
	insecure := fs.Bool("insecure", false, "skip TLS certificate verification of the target (self-signed endpoints; say it explicitly)")
	retries := fs.Int("retries", 2, "times a request answered 503 (502/504 for idempotent methods) is retried")
	cbAddr := fs.String("callback-addr", "127.0.0.1:0", "where the callback receiver listens (APIs with callbacks; loopback by default)")
	cbURL := fs.String("callback-url", "", "base URL the API is told to call back, when it cannot reach --callback-addr as bound (e.g. http://runner.example:9000)")
	specs := fs.String("specs", "specs", "folder of the contracts")
	features := fs.String("features", "features", "folder of the features")
	cassettes := fs.String("cassettes", "cassettes", "folder of the cassettes")
	paths, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	st, err := loadSettings(fs, *profileFile)
	if err != nil {
		return err
	}
	if a := strings.Split(*api, ","); len(a) == 1 && *api != "all" {
		st.apply(*api)
	} else {
		st.apply("")
	}
	if *conc < 1 {
		return usageErr("--concurrency %d: must be at least 1", *conc)
	}
	if *timeout <= 0 {
		return usageErr("--timeout %s: must be positive", *timeout)
	}
	if err := runner.CheckTags(*tags); err != nil {
		return usageErr("%v", err)
	}
	for _, f := range strings.Split(*format, ",") {
		kind, _, _ := strings.Cut(f, ":")
		switch kind {
		case "pretty", "progress", "junit", "cucumber", "events":
		default:
			return usageErr("--format %q: use pretty, progress, junit:FILE or cucumber:FILE", f)
		}
	}
	reg := spec.NewRegistry(*specs)
	var apis []string
	if *api != "all" {
		for _, a := range strings.Split(*api, ",") {
			if _, err := reg.Get(strings.TrimSpace(a)); err != nil {
				return usageErr("--api: %v", err)
			}
			apis = append(apis, strings.TrimSpace(a))
		}
	}
	if *profile != "" {
		if *target != "" {
			return usageErr("give --target or --profile, not both")
		}
		if len(apis) != 1 {
			return usageErr("--profile needs one --api")
		}
		a, _ := reg.Get(apis[0])
		v, err := a.ResolveProfile(*profile, *region)
		if err != nil {
			return usageErr("--profile: %v", err)
		}
		*target = v.URL
		fmt.Fprintf(stderr, "profile %s, region %s: %s\n", v.Vendor, v.Region, v.URL)
	}
	if *target == "sim" {
		return runAgainstSimulators(ctx, apis, reg, simOptions{faults: simFaults, ttl: *simTTL, seed: *simSeed, latency: *simLatency, dataset: *simDataset}, func(api, url string) runner.Config {
			return runner.Config{
				APIs: []string{api}, SpecsDir: *specs, FeaturesDir: *features, CassettesDir: *cassettes,
				Target: url, Record: *record, Tags: *tags, Paths: paths, Name: *name, Concurrency: *conc, Format: *format,
				Output: stdout, Progress: stderr, Randomize: *randomize, Timeout: *timeout, MaxBody: *maxBody,
				Registry: reg, Version: version, CallbackAddr: *cbAddr, CallbackURL: *cbURL,
			}
		}, stdout, stderr)
	}
	tr, terr := transport.New(transport.Options{CACert: *caCert, Insecure: *insecure})
	if terr != nil {
		return usageErr("%v", terr)
	}
	cfg := runner.Config{
		Transport: tr,
		APIs:      apis, SpecsDir: *specs, FeaturesDir: *features, CassettesDir: *cassettes,
		Target: *target, Record: *record, Tags: *tags, Paths: paths, Name: *name, Concurrency: *conc, Format: *format,
		Output: stdout, Progress: stderr, Randomize: *randomize, Timeout: *timeout, MaxBody: *maxBody, Retries: retryFlag(*retries),
		Registry: reg, Version: version, Credentials: st.credentials(reg, apis),
		CallbackAddr: *cbAddr, CallbackURL: *cbURL,
	}
	if err := cfg.Validate(); err != nil {
		return usageErr("%v", err)
	}
	fmt.Fprintf(stderr, "cloudcontract %s: %s mode, API %s\n", version, cfg.Mode(), *api)
	res, err := runner.Run(ctx, cfg)
	return finish(stdout, res, err)
}

// finish prints the failures and the summary line, and turns the result into the exit status.
func finish(stdout io.Writer, res *runner.Result, err error) error {
	if res != nil && len(res.Scenarios) > 0 {
		printFailures(stdout, res)
		if n := res.Environment(); n > 0 {
			fmt.Fprintf(stdout, "%d of the failures are environment failures (unreachable, too slow, too large or unavailable), not contract failures\n", n)
		}
		printCleanup(stdout, res)
		fmt.Fprintf(stdout, "%d scenarios in %s\n%s\n", len(res.Scenarios), res.Duration.Round(time.Millisecond), res.Summary())
	}
	if err != nil {
		return err
	}
	if res.Interrupted {
		return &exitError{code: exitInterrupted, msg: fmt.Sprintf("interrupted: %d of %d scenarios not run", res.NotRun(), len(res.Scenarios))}
	}
	if n := res.LeftBehind(); n > 0 {
		return &exitError{code: 1, msg: fmt.Sprintf("%d scenarios left resources behind (see Cleanup above)", n)}
	}
	if !res.OK() {
		return &exitError{code: 1, msg: fmt.Sprintf("%d of %d scenarios failed", res.Failed(), len(res.Scenarios))}
	}
	return nil
}

func printFailures(w io.Writer, res *runner.Result) {
	if res.Failed() == 0 {
		return
	}
	fmt.Fprintln(w, "\nFailed scenarios:")
	for _, s := range res.Scenarios {
		if s.Passed || s.NotRun {
			continue
		}
		kind := "contract"
		var ee *steps.EnvironmentError
		var undefined *steps.UndefinedStep
		if errors.As(s.Err, &ee) {
			kind = "environment"
		} else if errors.As(s.Err, &undefined) {
			kind = "undefined step"
		} else if s.Err != nil && !isContract(s.Err) {
			kind = "assertion"
		}
		fmt.Fprintf(w, "  %s: %s [%s]\n    %s\n", s.Feature, s.Name, kind, strings.ReplaceAll(s.Error, "\n", "\n    "))
		if s.Reproduce != "" {
			fmt.Fprintf(w, "    reproduce (TARGET=%s): %s\n", targetOf(res), s.Reproduce)
		}
	}
	fmt.Fprintln(w)
}

// printCleanup lists what live scenarios left behind or created without the run id prefix, and
// how to delete the leftovers.
func printCleanup(w io.Writer, res *runner.Result) {
	apis := map[string]bool{}
	printed := false
	for _, s := range res.Scenarios {
		if len(s.Cleanup) == 0 {
			continue
		}
		if !printed {
			fmt.Fprintln(w, "\nCleanup:")
			printed = true
		}
		fmt.Fprintf(w, "  %s: %s\n", s.Feature, s.Name)
		for _, n := range s.Cleanup {
			fmt.Fprintf(w, "    %s\n", n)
		}
		if s.LeftBehind {
			apis[s.API] = true
		}
	}
	names := make([]string, 0, len(apis))
	for a := range apis {
		names = append(names, a)
	}
	sort.Strings(names)
	for _, a := range names {
		fmt.Fprintf(w, "  delete the leftovers with: cloudcontract cleanup --api %s --run-id %s --target %s\n", a, res.RunIDs[a], targetOf(res))
	}
	if printed {
		fmt.Fprintln(w)
	}
}

// targetOf names the target of the reproduce lines: the live endpoint, or a placeholder in replay.
func targetOf(res *runner.Result) string {
	if res.Target == "" {
		return "<the endpoint>"
	}
	return res.Target
}

func isContract(err error) bool {
	var ce *validate.ContractError
	return errors.As(err, &ce)
}

// retryFlag maps --retries to the runner's convention (0 there means the default).
func retryFlag(n int) int {
	if n <= 0 {
		return -1
	}
	return n
}
