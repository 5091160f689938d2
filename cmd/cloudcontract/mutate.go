package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"runtime"
	"time"

	"github.com/cloudcontract/cloudcontract/harness/mutate"
	"github.com/cloudcontract/cloudcontract/harness/runner"
	"github.com/cloudcontract/cloudcontract/harness/sim"
	"github.com/cloudcontract/cloudcontract/harness/sim/catalog"
)

func mutateCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("mutate", "mutate [--api NAME|all] [--target sim] [--max-per-op N] [--seed N] [--json FILE]", stderr)
	cf := addContractFlags(fs, "mutate")
	target := fs.String("target", "", "\"sim\": run against a fresh in-process simulator of each API (default: replay the cassettes)")
	maxPerOp := fs.Int("max-per-op", mutate.DefaultMaxPerOp, "fields each body operator breaks per operation (-1: every field)")
	seed := fs.Uint64("seed", mutate.DefaultSeed, "seed choosing those fields")
	parallel := fs.Int("parallel", runtime.NumCPU(), "rounds of mutants run at once")
	jsonOut := fs.String("json", "", "also write the reports as JSON to FILE")
	verbose := fs.Bool("v", false, "print a line per round")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := resolveTrees(fs, false); err != nil {
		return err
	}
	if *target != "" && *target != "sim" {
		return usageErr("--target %q: mutate runs against the cassettes (default) or a fresh simulator (sim)", *target)
	}
	if *parallel < 1 {
		return usageErr("--parallel %d: must be at least 1", *parallel)
	}
	reg, apis, err := cf.resolve()
	if err != nil {
		return err
	}
	var progress io.Writer
	if *verbose {
		progress = stderr
	}
	var reports []*mutate.Report
	survivors := 0
	for _, api := range apis {
		if !dirExists(*cf.features + "/" + api) {
			continue
		}
		rc := runner.Config{
			APIs: []string{api}, SpecsDir: *cf.specs, FeaturesDir: *cf.features, CassettesDir: *cf.cassettes,
			Registry: reg, Version: version,
		}
		stop := func() {}
		if *target == "sim" {
			if rc, stop, err = withSimulator(rc, api); err != nil {
				return err
			}
		}
		rep, err := mutate.Run(ctx, mutate.Config{Runner: rc, MaxPerOp: *maxPerOp, Seed: *seed, Parallel: *parallel, Progress: progress})
		stop()
		if err != nil {
			return err
		}
		if err := rep.WriteText(stdout); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%s: %s\n\n", api, rep.Duration.Round(time.Millisecond))
		reports = append(reports, rep)
		survivors += rep.Total.Survivors
	}
	if *jsonOut != "" {
		f, err := os.Create(*jsonOut)
		if err != nil {
			return err
		}
		if err := mutate.WriteJSON(f, reports); err != nil {
			f.Close()
			return err
		}
		if err := f.Close(); err != nil {
			return err
		}
	}
	if survivors > 0 {
		return &exitError{code: 1, msg: fmt.Sprintf("%d mutant(s) the contract forbids survived: the suite does not check them (see Survivors above)", survivors)}
	}
	return nil
}

// withSimulator serves a fresh simulator of api on a loopback port and points rc at it.
func withSimulator(rc runner.Config, api string) (runner.Config, func(), error) {
	entry, err := catalog.Lookup(api)
	if err != nil {
		return rc, nil, usageErr("--target sim: %v", err)
	}
	s, err := entry.New(sim.Options{Seed: 1, SessionTTL: 2 * time.Second, Dataset: sim.DatasetDefault})
	if err != nil {
		return rc, nil, usageErr("--target sim: %v", err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return rc, nil, err
	}
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	rc.Target, rc.Simulated = "http://"+ln.Addr().String(), true
	if seeded, ok := s.(sim.Seeded); ok {
		rc.Vars = map[string]map[string]string{api: seeded.Fixtures()}
	}
	stop := func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(ctx)
	}
	return rc, stop, nil
}
