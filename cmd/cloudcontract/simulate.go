package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/cloudcontract/cloudcontract/harness/sim"
	"github.com/cloudcontract/cloudcontract/harness/sim/catalog"
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
	noAuth := fs.Bool("no-auth", false, "serve without authentication, where the document allows it (esc)")
	if err := parseFlags(fs, args); err != nil {
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
	if *ttl < 0 || *latency < 0 {
		return usageErr("--session-ttl and --latency cannot be negative")
	}
	opts := sim.Options{Faults: faults, Seed: *seed, SessionTTL: *ttl, Latency: *latency, AuthDisabled: *noAuth}
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
	})
}
