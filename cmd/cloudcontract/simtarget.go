package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/cloudcontract/cloudcontract/harness/runner"
	"github.com/cloudcontract/cloudcontract/harness/sim"
	"github.com/cloudcontract/cloudcontract/harness/sim/catalog"
	"github.com/cloudcontract/cloudcontract/harness/spec"
)

type simOptions struct {
	faults  []string
	ttl     time.Duration
	seed    int64
	latency time.Duration
	dataset string
	// failures is the json:FILE of --format ("" for none).
	failures string
}

// runAgainstSimulators runs each API's suite live against a fresh in-process simulator of that API
// on a loopback port (--target sim).
func runAgainstSimulators(ctx context.Context, apis []string, reg *spec.Registry, o simOptions, config func(api, url string) runner.Config, stdout, stderr io.Writer) error {
	total := &runner.Result{}
	err := runEachSimulator(ctx, apis, reg, o, config, total, stdout, stderr)
	if werr := writeFailuresFile(o.failures, total); werr != nil && err == nil {
		err = werr
	}
	for _, f := range runner.JUnitFiles(config("", "").Format) {
		if aerr := runner.AnnotateJUnit(f, total); aerr != nil && err == nil {
			err = aerr
		}
	}
	return finish(stdout, total, err)
}

// runEachSimulator runs the suites, adding their results to total.
func runEachSimulator(ctx context.Context, apis []string, reg *spec.Registry, o simOptions, config func(api, url string) runner.Config, total *runner.Result, stdout, stderr io.Writer) error {
	// Feature paths select the APIs they belong to; each API's run gets its own paths.
	var byAPI map[string][]string
	if paths := config("", "").Paths; len(paths) > 0 {
		by, order, err := runner.PathsByAPI(config("", "").FeaturesDir, paths)
		if err != nil {
			return usageErr("%v", err)
		}
		for _, a := range order {
			if len(apis) > 0 && !slices.Contains(apis, a) {
				return usageErr("%s is a feature of API %s, which --api does not select", by[a][0], a)
			}
		}
		apis, byAPI = order, by
	}
	if len(apis) == 0 {
		names, err := reg.Names()
		if err != nil {
			return err
		}
		for _, n := range names {
			if _, err := os.Stat(filepath.Join(config(n, "").FeaturesDir, n)); err == nil {
				apis = append(apis, n)
			}
		}
	}
	start := time.Now()
	defer func() { total.Duration = time.Since(start) }()
	reports := runner.NewReports(config("", "").Format, len(apis) > 1)
	defer reports.Close(nil) // removes the per-API files of an aborted run; a no-op after the Close below
	for _, api := range apis {
		entry, err := catalog.Lookup(api)
		if err != nil {
			return usageErr("--target sim: %v", err)
		}
		s, err := entry.New(sim.Options{Faults: o.faults, Seed: o.seed, SessionTTL: o.ttl, Latency: o.latency, Dataset: o.dataset})
		if err != nil {
			return usageErr("--target sim: %v", err)
		}
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return err
		}
		srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
		go func() { _ = srv.Serve(ln) }()
		url := "http://" + ln.Addr().String()
		cfg := config(api, url)
		if byAPI != nil {
			cfg.Paths = byAPI[api]
		}
		if cfg.Format, err = reports.Format(api); err != nil {
			return err
		}
		if seeded, ok := s.(sim.Seeded); ok {
			// The simulator's values of its data set, under what the user gave.
			merged := map[string]string{}
			for k, v := range seeded.Fixtures() {
				merged[k] = v
			}
			for k, v := range cfg.Vars[api] {
				merged[k] = v
			}
			cfg.Vars = map[string]map[string]string{api: merged}
		}
		stopVendorStates, err := serveVendorStates(entry, o, &cfg, api)
		if err != nil {
			return err
		}
		mode := "live"
		if cfg.Record {
			mode = "record"
		}
		msg := fmt.Sprintf("cloudcontract %s: %s mode, API %s, against its simulator at %s", version, mode, api, url)
		if o.dataset != "" && o.dataset != sim.DatasetDefault {
			msg += " (data set " + o.dataset + ")"
		}
		if len(o.faults) > 0 {
			msg += " (faults: " + strings.Join(o.faults, ", ") + ")"
		}
		fmt.Fprintln(stderr, msg)
		if len(apis) > 1 && runner.PrintsToOutput(cfg.Format) {
			fmt.Fprintf(stdout, "%s:\n", api) // which API the progress below belongs to
		}
		res, err := runner.Run(ctx, cfg)
		shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		_ = srv.Shutdown(shutdown)
		stopVendorStates(shutdown)
		cancel()
		if res != nil {
			if len(apis) == 1 {
				total.Target = res.Target
			}
			total.Scenarios = append(total.Scenarios, res.Scenarios...)
			total.Preflight = append(total.Preflight, res.Preflight...)
			if res.Status > total.Status {
				total.Status = res.Status
			}
			total.Interrupted = total.Interrupted || res.Interrupted
		}
		if errors.Is(err, runner.ErrNoScenario) {
			continue // the selection holds none of this API's scenarios; another may have some
		}
		if err != nil {
			return err
		}
	}
	if len(total.Scenarios) == 0 && !total.Interrupted {
		if config("", "").Shard.Active() {
			total.EmptyShard = true
		} else {
			return runner.ErrNoScenario
		}
	}
	return reports.Close(stdout)
}

// serveVendorStates starts, for each state only the vendor's side can put a deployment in that
// the API's simulator serves (a scheduled maintenance window, a failing back end), a simulator of
// the same options in that state, and gives its URL to the run as the state's vendor-side fixture
// (unless the user set it), so that the vendor-side scenarios run against our simulators too. It
// returns what stops them.
func serveVendorStates(entry catalog.Entry, o simOptions, cfg *runner.Config, api string) (func(context.Context), error) {
	var servers []*http.Server
	stop := func(ctx context.Context) {
		for _, srv := range servers {
			_ = srv.Shutdown(ctx)
		}
	}
	vars := map[string]string{}
	for _, v := range entry.VendorStates {
		if _, given := cfg.Vars[api][v.Fixture]; given {
			continue
		}
		s, err := entry.New(sim.Options{Faults: o.faults, Seed: o.seed, SessionTTL: o.ttl, Latency: o.latency, Dataset: o.dataset, VendorState: v.Name})
		if err != nil {
			stop(context.Background())
			return stop, usageErr("--target sim: %v", err)
		}
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			stop(context.Background())
			return stop, err
		}
		srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
		go func() { _ = srv.Serve(ln) }()
		servers = append(servers, srv)
		vars[v.Fixture] = "http://" + ln.Addr().String()
	}
	if len(vars) == 0 {
		return stop, nil
	}
	for k, v := range cfg.Vars[api] {
		vars[k] = v
	}
	cfg.Vars = map[string]map[string]string{api: vars}
	return stop, nil
}
