package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/cloudcontract/cloudcontract/harness/runner"
	"github.com/cloudcontract/cloudcontract/harness/spec"
	"github.com/cloudcontract/cloudcontract/harness/transport"
)

// cleanupCmd deletes, on a live endpoint, the resources a run left behind: those listed by the
// cleanup rules of harness.yaml whose names start with the run id.
func cleanupCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("cleanup", "cleanup --api NAME --run-id ID --target URL [--dry-run] [--var NAME=VALUE]...", stderr)
	api := fs.String("api", "", "API whose resources are deleted (esc, cloudcontrol, cam: those whose harness.yaml has cleanup rules)")
	runID := fs.String("run-id", "", "run whose leftovers are deleted, as a live run prints it (cc and 8 hex digits); only names starting with it are touched")
	target := fs.String("target", "", "base URL of the live endpoint (env CLOUDCONTRACT_TARGET)")
	profileFile := fs.String("config", "", "profile file of defaults: targets, credentials (env CLOUDCONTRACT_CONFIG)")
	dryRun := fs.Bool("dry-run", false, "list what would be deleted, delete nothing")
	var vars stringList
	fs.Var(&vars, "var", "NAME=VALUE filling a path parameter or ${NAME} of the list requests (e.g. org-id=...; repeatable)")
	timeout := fs.Duration("timeout", 30*time.Second, "timeout of each request")
	caCert := fs.String("ca-cert", "", "PEM file of a CA trusted for the target, beside the system's")
	insecure := fs.Bool("insecure", false, "skip TLS certificate verification of the target (self-signed endpoints; say it explicitly)")
	specs := fs.String("specs", "specs", "folder of the contracts")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := resolveTrees(fs, false); err != nil {
		return err
	}
	st, err := loadSettings(fs, *profileFile)
	if err != nil {
		return err
	}
	st.apply(*api)
	if *api == "" {
		return usageErr("--api is required")
	}
	if *runID == "" {
		return usageErr("--run-id is required: a live run prints its run id; resources without it are never deleted")
	}
	if *target == "" {
		return usageErr("--target is required: cleanup talks to a live endpoint")
	}
	reg := spec.NewRegistry(*specs)
	if _, err := reg.Get(*api); err != nil {
		return usageErr("--api: %v", err)
	}
	vm := map[string]string{}
	for _, v := range vars {
		k, val, ok := strings.Cut(v, "=")
		if !ok || k == "" {
			return usageErr("--var %q: want NAME=VALUE", v)
		}
		vm[k] = val
	}
	tr, err := transport.New(transport.Options{CACert: *caCert, Insecure: *insecure})
	if err != nil {
		return usageErr("%v", err)
	}
	found, err := runner.Sweep(ctx, runner.SweepConfig{
		API: *api, Registry: reg, Target: *target, Transport: tr, Credentials: st.credentials(reg, []string{*api})[*api],
		RunID: *runID, Vars: vm, DryRun: *dryRun, Timeout: *timeout, Progress: stdout,
	})
	var missing *runner.MissingVarsError
	if errors.As(err, &missing) && missing.Listable == 0 {
		return usageErr("%v", err)
	}
	if *dryRun {
		for _, r := range found {
			fmt.Fprintf(stdout, "would delete %s: %s %s\n", r, r.Method, r.Path)
		}
	}
	fmt.Fprintf(stdout, "%d resources of run %s found on %s\n", len(found), *runID, *target)
	if err != nil {
		return &exitError{code: 1, msg: err.Error()}
	}
	return nil
}
