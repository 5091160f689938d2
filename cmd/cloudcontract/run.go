package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/cloudcontract/cloudcontract/harness/runner"
	"github.com/cloudcontract/cloudcontract/harness/sim"
	"github.com/cloudcontract/cloudcontract/harness/spec"
	"github.com/cloudcontract/cloudcontract/harness/transport"
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
	shardFlag := fs.String("shard", "", "INDEX/COUNT: run one part of the selected scenarios (balanced by recorded duration; auto/COUNT takes the index from a Kubernetes Indexed Job); 'cloudcontract merge' joins the parts' reports")
	name := fs.String("name", "", "regular expression selecting scenarios by name (positional FEATURE[:LINE] arguments select files, folders or the scenario at a line)")
	conc := fs.Int("concurrency", 0, "scenarios run at once (default: one at a time against a target; one per CPU in replay, which is offline and independent)")
	format := fs.String("format", "progress", "output: pretty, progress, junit:FILE, cucumber:FILE, json:FILE (one JSON object per failed scenario) (comma-separated for several)")
	randomize := fs.Int64("randomize", 0, "shuffle scenarios with this seed (-1: a random seed)")
	timeout := fs.Duration("timeout", 30*time.Second, "timeout of each request")
	pollInterval := fs.Duration("poll-interval", 0, "pause between two attempts of a poll (default: each API's own, quick for its simulator; give a real cloud time, e.g. 30s)")
	maxBody := fs.Int64("max-body", 10<<20, "largest response body read, in bytes")
	caCert := fs.String("ca-cert", "", "PEM file of a CA trusted for the target, beside the system's")
	insecure := fs.Bool("insecure", false, "skip TLS certificate verification of the target (self-signed endpoints; say it explicitly)")
	retries := fs.Int("retries", 2, "times a request answered 503 (502/504 for idempotent methods) is retried")
	cbAddr := fs.String("callback-addr", "127.0.0.1:0", "where the callback receiver listens (APIs with callbacks; loopback by default)")
	cbURL := fs.String("callback-url", "", "base URL the API is told to call back, when it cannot reach --callback-addr as bound (e.g. http://runner.example:9000)")
	specs := fs.String("specs", "specs", "folder of the contracts")
	features := fs.String("features", "features", "folder of the features")
	cassettes := fs.String("cassettes", "cassettes", "folder of the cassettes")
	var varFlags stringList
	fs.Var(&varFlags, "var", "NAME=VALUE: a fixture variable (repeatable; see the fixtures of specs/<api>/harness.yaml; env CLOUDCONTRACT_<API>_VAR_<NAME>)")
	strict := fs.Bool("strict", false, "a deviation from behaviour the contract only infers (x-evidence) fails like a broken documented assertion")
	skipPreflight := fs.Bool("skip-preflight", false, "with a live target: run the scenarios without checking the target first")
	paths, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if err := resolveTrees(fs, *record); err != nil {
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
	if *conc < 0 {
		return usageErr("--concurrency %d: must be at least 1 (0: the default)", *conc)
	}
	if *timeout <= 0 {
		return usageErr("--timeout %s: must be positive", *timeout)
	}
	if *pollInterval < 0 {
		return usageErr("--poll-interval %s: must be positive (0: each API's own)", *pollInterval)
	}
	if err := runner.CheckTags(*tags); err != nil {
		return usageErr("%v", err)
	}
	for _, f := range strings.Split(*format, ",") {
		kind, _, _ := strings.Cut(f, ":")
		switch kind {
		case "pretty", "progress", "junit", "cucumber", "events":
		case "json":
			if _, file, _ := strings.Cut(f, ":"); file == "" {
				return usageErr("--format %q: json needs a file (json:FILE)", f)
			}
		default:
			return usageErr("--format %q: use pretty, progress, junit:FILE, cucumber:FILE or json:FILE", f)
		}
	}
	godogFormat, failuresFile := splitFailuresFormat(*format)
	*format = godogFormat
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
	shard, err := runner.ParseShard(*shardFlag, os.Getenv)
	if err != nil {
		return usageErr("%v", err)
	}
	vars, err := st.vars(reg, apis, varFlags)
	if err != nil {
		return err
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
		return runAgainstSimulators(ctx, apis, reg, simOptions{faults: simFaults, ttl: *simTTL, seed: *simSeed, latency: *simLatency, dataset: *simDataset, failures: failuresFile}, func(api, url string) runner.Config {
			return runner.Config{
				Simulated: true, Vars: vars, SkipPreflight: *skipPreflight, Strict: *strict,
				APIs: []string{api}, SpecsDir: *specs, FeaturesDir: *features, CassettesDir: *cassettes,
				Target: url, Record: *record, Tags: *tags, Paths: paths, Name: *name, Shard: shard, Concurrency: *conc, Format: *format,
				Output: stdout, Progress: stderr, Randomize: *randomize, Timeout: *timeout, PollInterval: *pollInterval, MaxBody: *maxBody,
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
		Target: *target, Record: *record, Tags: *tags, Paths: paths, Name: *name, Shard: shard, Concurrency: *conc, Format: *format,
		Output: stdout, Progress: stderr, Randomize: *randomize, Timeout: *timeout, PollInterval: *pollInterval, MaxBody: *maxBody, Retries: retryFlag(*retries),
		Registry: reg, Version: version, Credentials: st.credentials(reg, apis),
		CallbackAddr: *cbAddr, CallbackURL: *cbURL, Vars: vars, SkipPreflight: *skipPreflight, Strict: *strict,
	}
	if err := cfg.Validate(); err != nil {
		return usageErr("%v", err)
	}
	fmt.Fprintf(stderr, "cloudcontract %s: %s mode, API %s\n", version, cfg.Mode(), *api)
	res, err := runner.Run(ctx, cfg)
	if werr := writeFailuresFile(failuresFile, res); werr != nil && err == nil {
		err = werr
	}
	for _, f := range runner.JUnitFiles(*format) {
		if aerr := runner.AnnotateJUnit(f, res); aerr != nil && err == nil {
			err = aerr
		}
	}
	return finish(stdout, res, err)
}

// splitFailuresFormat takes the json:FILE entry out of --format (godog does not know it).
func splitFailuresFormat(format string) (godog, failures string) {
	var keep []string
	for _, f := range strings.Split(format, ",") {
		if file, ok := strings.CutPrefix(f, "json:"); ok {
			failures = file
			continue
		}
		keep = append(keep, f)
	}
	if len(keep) == 0 {
		keep = []string{"progress"}
	}
	return strings.Join(keep, ","), failures
}

// writeFailuresFile writes --format json:FILE: one JSON object per failed scenario.
func writeFailuresFile(path string, res *runner.Result) error {
	if path == "" || res == nil {
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("--format json:%s: %w", path, err)
	}
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("--format json:%s: %w", path, err)
	}
	if err := runner.WriteFailures(f, res); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// finish prints the failures and the summary line, and turns the result into the exit status.
func finish(stdout io.Writer, res *runner.Result, err error) error {
	if res != nil && res.EmptyShard && len(res.Scenarios) == 0 && err == nil {
		fmt.Fprintf(stdout, "this part of the split run holds no scenario\n%s\n", res.Summary())
		return nil
	}
	if res != nil && len(res.Scenarios) > 0 {
		printDeviations(stdout, res)
		printFailures(stdout, res)
		if n := res.Environment(); n > 0 {
			fmt.Fprintf(stdout, "%d of the failures are environment failures (unreachable, too slow, too large or unavailable), not contract failures\n", n)
		}
		printCleanup(stdout, res)
		fmt.Fprintf(stdout, "%d scenarios in %s", len(res.Scenarios), res.Duration.Round(time.Millisecond))
		if n := res.Deviations(); n > 0 {
			fmt.Fprintf(stdout, ", %d deviations from inferred behaviour", n)
		}
		fmt.Fprintf(stdout, "\n%s\n", res.Summary())
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

// printDeviations lists, apart from failures, what broke an assertion the contract inferred
// rather than one the document states, grouped by operation and problem, with the evidence.
func printDeviations(w io.Writer, res *runner.Result) {
	n := res.Deviations()
	if n == 0 {
		return
	}
	type group struct {
		what, evidence string
		lines          []string
	}
	var order []string
	groups := map[string]*group{}
	for _, s := range res.Scenarios {
		for _, d := range s.Deviations {
			p := d.Problem
			p.Evidence = nil
			key := d.Operation + "\x00" + p.String()
			g, ok := groups[key]
			if !ok {
				g = &group{what: d.Operation + ": " + p.String(), evidence: d.Problem.Evidence.String()}
				groups[key] = g
				order = append(order, key)
			}
			if len(g.lines) < 3 {
				g.lines = append(g.lines, d.RequestLine)
			}
		}
	}
	fmt.Fprintf(w, "\nDeviations from inferred behaviour (%d; not failures: the document does not state these, --strict makes them fail):\n", n)
	for _, k := range order {
		g := groups[k]
		fmt.Fprintf(w, "  %s\n    expectation: %s\n    seen in: %s\n", g.what, g.evidence, strings.Join(g.lines, "; "))
	}
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
		fmt.Fprintf(w, "  %s: %s [%s]\n    %s\n", s.Feature, s.Name, s.Kind, strings.ReplaceAll(s.Error, "\n", "\n    "))
		if s.Reproduce != "" {
			// A body spanning lines stays inside the entry, indented like the rest of it.
			fmt.Fprintf(w, "    reproduce (TARGET=%s): %s\n", targetOf(res), strings.ReplaceAll(s.Reproduce, "\n", "\n      "))
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

// retryFlag maps --retries to the runner's convention (0 there means the default).
func retryFlag(n int) int {
	if n <= 0 {
		return -1
	}
	return n
}
