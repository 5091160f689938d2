package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
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
	return finish(stdout, total, err)
}

// runEachSimulator runs the suites, adding their results to total.
func runEachSimulator(ctx context.Context, apis []string, reg *spec.Registry, o simOptions, config func(api, url string) runner.Config, total *runner.Result, stdout, stderr io.Writer) error {
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
		res, err := runner.Run(ctx, cfg)
		shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		_ = srv.Shutdown(shutdown)
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
		}
		if err != nil {
			total.Duration = time.Since(start)
			return err
		}
	}
	total.Duration = time.Since(start)
	return nil
}
