package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/cloudcontract/cloudcontract/harness/config"
	"github.com/cloudcontract/cloudcontract/harness/sim"
	"github.com/cloudcontract/cloudcontract/harness/sim/catalog"
	"github.com/cloudcontract/cloudcontract/harness/spec"

	"gopkg.in/yaml.v3"
)

func simulateCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("simulate", "simulate --api NAME [--addr HOST:PORT] [--fault NAME]... [--seed N]", stderr)
	api := fs.String("api", "", "API to simulate (ukcloud, cloudcontrol, esc, cam: those with a simulator)")
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on (port 0 picks a free port)")
	var faults stringList
	fs.Var(&faults, "fault", "contract break to commit (repeatable, or comma-separated); see --list-faults")
	list := fs.Bool("list-faults", false, "list the faults of --api and exit")
	seed := fs.Int64("seed", 1, "seed of ids and tokens (same seed, same answers)")
	ttl := fs.Duration("session-ttl", 0, "session lifetime without activity (default: the API's documented one)")
	latency := fs.Duration("latency", 0, "latency added to every answer")
	quiet := fs.Bool("quiet", false, "no access log")
	writeConfig := fs.String("write-config", "", "write a run profile (--config) for this simulator to FILE: its URL, credential sets and fixture variables (mode 0600)")
	dataset := fs.String("dataset", sim.DatasetDefault, "the data set the simulator is populated with ("+strings.Join(sim.Datasets(), ", ")+")")
	specs := fs.String("specs", "specs", "folder of the contracts (for --write-config: the credential sets)")
	noAuth := fs.Bool("no-auth", false, "serve without authentication, where the document allows it (esc)")
	vendorState := fs.String("vendor-state", "", "serve the API in a state only the vendor's side can cause, for the vendor-side scenarios (see --list-vendor-states)")
	listStates := fs.Bool("list-vendor-states", false, "list the vendor states of --api and exit")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := resolveTrees(fs, false); err != nil {
		return err
	}
	if *api == "" {
		return usageErr("--api is required (one of %s)", strings.Join(catalog.Names(), ", "))
	}
	entry, err := catalog.Lookup(*api)
	if err != nil {
		return usageErr("--api: %v", err)
	}
	if *list {
		for _, f := range entry.Faults() {
			fmt.Fprintf(stdout, "%-24s %s\n", f.Name, f.Description)
		}
		return nil
	}
	if *listStates {
		for _, v := range entry.VendorStates {
			fmt.Fprintf(stdout, "%-20s %s (fixture %s)\n", v.Name, v.Description, v.Fixture)
		}
		return nil
	}
	if *ttl < 0 || *latency < 0 {
		return usageErr("--session-ttl and --latency cannot be negative")
	}
	opts := sim.Options{Faults: faults, Seed: *seed, SessionTTL: *ttl, Latency: *latency, AuthDisabled: *noAuth, Dataset: *dataset, VendorState: *vendorState}
	if !*quiet {
		opts.Log = stderr
	}
	s, err := entry.New(opts)
	if err != nil {
		return usageErr("%v", err)
	}
	return sim.Serve(ctx, *addr, s, func(bound string) {
		msg := fmt.Sprintf("simulating %s on http://%s", *api, bound)
		if len(faults) > 0 {
			msg += " with faults: " + strings.Join(faults, ", ")
		}
		fmt.Fprintln(stdout, msg)
		if state := vendorStateOf(entry, *vendorState); state != nil {
			fmt.Fprintf(stdout, "in vendor state %s, %s: for the vendor-side scenarios of a run against another %s simulator:\n  export %s=%s\n",
				state.Name, state.Description, *api, spec.FixtureEnv(*api, state.Fixture), shellQuote("http://"+bound))
			return
		}
		if seeded, ok := s.(sim.Seeded); ok {
			printFixtureExports(stdout, *api, seeded.Fixtures())
		}
		if *writeConfig != "" {
			if err := writeSimConfig(*writeConfig, *specs, *api, "http://"+bound, s); err != nil {
				fmt.Fprintf(stderr, "cloudcontract simulate: --write-config: %v\n", err)
			} else {
				fmt.Fprintf(stdout, "run profile written to %s: cloudcontract run --api %s --config %s\n", *writeConfig, *api, *writeConfig)
			}
		}
	})
}

// printFixtureExports tells how to point a run at this simulator: the fixture variables of its
// data set that a run cannot discover, as shell exports.
func printFixtureExports(w io.Writer, api string, fixtures map[string]string) {
	if len(fixtures) == 0 {
		return
	}
	names := make([]string, 0, len(fixtures))
	for k := range fixtures {
		names = append(names, k)
	}
	sort.Strings(names)
	fmt.Fprintln(w, "fixture variables of this data set, for runs against it:")
	for _, k := range names {
		fmt.Fprintf(w, "  export %s=%s\n", spec.FixtureEnv(api, k), shellQuote(fixtures[k]))
	}
}

// shellQuote quotes v for a POSIX shell when it needs it.
func shellQuote(v string) string {
	if v != "" && strings.IndexFunc(v, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_./:@", r))
	}) < 0 {
		return v
	}
	return "'" + strings.ReplaceAll(v, "'", `'\''`) + "'"
}

// writeSimConfig writes a run profile pointing at a running simulator: its URL, the credential sets
// of the contract's harness.yaml (the simulator's), and the fixture variables of its data set.
// Secrets go to a file only the user can read, never to the log.
func writeSimConfig(path, specsDir, api, url string, s sim.Simulator) error {
	a, err := spec.NewRegistry(specsDir).Get(api)
	if err != nil {
		return err
	}
	entry := config.API{Target: url, Credentials: a.Harness.Credentials}
	if seeded, ok := s.(sim.Seeded); ok {
		entry.Vars = seeded.Fixtures()
	}
	data, err := yaml.Marshal(config.File{APIs: map[string]config.API{api: entry}})
	if err != nil {
		return err
	}
	return os.WriteFile(path, append([]byte("# written by cloudcontract simulate --write-config\n"), data...), 0o600)
}

// vendorStateOf returns the vendor state of an API's simulator by name, or nil.
func vendorStateOf(entry catalog.Entry, name string) *sim.VendorState {
	for i := range entry.VendorStates {
		if entry.VendorStates[i].Name == name {
			return &entry.VendorStates[i]
		}
	}
	return nil
}
