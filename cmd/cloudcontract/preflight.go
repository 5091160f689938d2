package main

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"time"

	"github.com/cloudcontract/cloudcontract/harness/preflight"
	"github.com/cloudcontract/cloudcontract/harness/runner"
	"github.com/cloudcontract/cloudcontract/harness/spec"
	"github.com/cloudcontract/cloudcontract/harness/transport"
)

// preflightCmd checks a live target the way a run does before its scenarios, and prints each
// check: reachability, TLS, credential sets and roles, the API answering, fixture variables.
func preflightCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("preflight", "preflight --api NAME --target URL [--tags EXPR] [--var NAME=VALUE]...", stderr)
	api := fs.String("api", "", "API of the target (ukcloud, cloudcontrol, esc, cam)")
	target := fs.String("target", "", "base URL of the live endpoint (env CLOUDCONTRACT_TARGET)")
	profileFile := fs.String("config", "", "profile file of defaults: targets, credentials, vars (env CLOUDCONTRACT_CONFIG)")
	tags := fs.String("tags", "", "check only what the scenarios this tag expression selects need")
	timeout := fs.Duration("timeout", 30*time.Second, "timeout of each request")
	caCert := fs.String("ca-cert", "", "PEM file of a CA trusted for the target, beside the system's")
	insecure := fs.Bool("insecure", false, "skip TLS certificate verification of the target (say it explicitly)")
	specs := fs.String("specs", "specs", "folder of the contracts")
	features := fs.String("features", "features", "folder of the features")
	var varFlags stringList
	fs.Var(&varFlags, "var", "NAME=VALUE: a fixture variable (repeatable)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := resolveTrees(fs, false); err != nil {
		return err
	}
	if *api == "" {
		return usageErr("--api is required")
	}
	st, err := loadSettings(fs, *profileFile)
	if err != nil {
		return err
	}
	st.apply(*api)
	if *target == "" {
		return usageErr("--target URL is required (the live endpoint to check)")
	}
	reg := spec.NewRegistry(*specs)
	a, err := reg.Get(*api)
	if err != nil {
		return usageErr("--api: %v", err)
	}
	vars, err := st.vars(reg, []string{*api}, varFlags)
	if err != nil {
		return err
	}
	tr, err := transport.New(transport.Options{CACert: *caCert, Insecure: *insecure})
	if err != nil {
		return usageErr("%v", err)
	}
	needs, err := runner.ScenarioNeeds(filepath.Join(*features, *api), *tags, a)
	if err != nil {
		return usageErr("%v", err)
	}
	rep := preflight.Run(ctx, preflight.Config{
		API: a, Target: *target, Transport: tr, Credentials: st.credentials(reg, []string{*api})[*api],
		Sets: needs.Sets, Fixtures: needs.Fixtures, Vars: vars[*api], Timeout: *timeout,
	})
	fmt.Fprintf(stdout, "%s at %s: %d scenarios selected; credential sets %v; fixtures %v\n", *api, *target, needs.Scenarios, needs.Sets, needs.Fixtures)
	for _, c := range rep.Checks {
		fmt.Fprintf(stdout, "  ok    %s\n", c)
	}
	for _, p := range rep.Problems {
		fmt.Fprintf(stdout, "  FAIL  %s\n", p.Message)
	}
	if len(rep.Vars) > 0 {
		names := make([]string, 0, len(rep.Vars))
		for k := range rep.Vars {
			names = append(names, k)
		}
		sort.Strings(names)
		fmt.Fprintln(stdout, "fixture variables:")
		for _, k := range names {
			fmt.Fprintf(stdout, "  %s=%s\n", k, rep.Vars[k])
		}
	}
	if !rep.OK() {
		return &exitError{code: 1, msg: fmt.Sprintf("%d problem(s): fix them before running the suite", len(rep.Problems))}
	}
	fmt.Fprintln(stdout, "ready")
	return nil
}
