package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/cloudcontract/cloudcontract/harness/certify"
	"github.com/cloudcontract/cloudcontract/harness/report"
	"github.com/cloudcontract/cloudcontract/harness/spec"
	"github.com/cloudcontract/cloudcontract/harness/transport"
)

func certifyCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("certify", "certify --api NAME (--target URL | --profile NAME --region R) --out DIR [--vendor NAME] [--waivers FILE]", stderr)
	api := fs.String("api", "", "API to certify")
	target := fs.String("target", "", "base URL of the endpoint to certify")
	profile := fs.String("profile", "", "vendor profile (instead of --target; see 'cloudcontract profiles')")
	region := fs.String("region", "", "region of --profile")
	vendor := fs.String("vendor", "", "name of the vendor, written in the bundle")
	out := fs.String("out", "", "folder the bundle is written to (must be empty, or --force)")
	waivers := fs.String("waivers", "", "YAML file of accepted deviations, each with a reason and an expiry date")
	force := fs.Bool("force", false, "overwrite the bundle files in a non-empty --out")
	conc := fs.Int("concurrency", 1, "scenarios run at once")
	timeout := fs.Duration("timeout", 30*time.Second, "timeout of each request")
	tags := fs.String("tags", "", "godog tag expression selecting scenarios")
	cbAddr := fs.String("callback-addr", "127.0.0.1:0", "where the callback receiver listens")
	cbURL := fs.String("callback-url", "", "base URL the API is told to call back")
	caCert := fs.String("ca-cert", "", "PEM file of a CA trusted for the target, beside the system's")
	insecure := fs.Bool("insecure", false, "skip TLS certificate verification of the target (say it explicitly)")
	profileFile := fs.String("config", "", "profile file of defaults: targets, credentials, timeouts (env CLOUDCONTRACT_CONFIG)")
	specs := fs.String("specs", "specs", "folder of the contracts")
	features := fs.String("features", "features", "folder of the features")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *api == "" || *out == "" {
		return usageErr("--api and --out are required")
	}
	st, err := loadSettings(fs, *profileFile)
	if err != nil {
		return err
	}
	st.apply(*api)
	if *conc < 1 {
		return usageErr("--concurrency %d: must be at least 1", *conc)
	}
	reg := spec.NewRegistry(*specs)
	a, err := reg.Get(*api)
	if err != nil {
		return usageErr("--api: %v", err)
	}
	switch {
	case *profile != "" && *target != "":
		return usageErr("give --target or --profile, not both")
	case *profile != "":
		v, err := a.ResolveProfile(*profile, *region)
		if err != nil {
			return usageErr("--profile: %v", err)
		}
		*target = v.URL
		if *vendor == "" {
			*vendor = v.Vendor + " " + v.Region
		}
	case *target == "":
		return usageErr("give --target URL or --profile NAME")
	}
	var ws []report.Waiver
	if *waivers != "" {
		if ws, err = report.LoadWaivers(*waivers); err != nil {
			return usageErr("%v", err)
		}
	}
	tr, err := transport.New(transport.Options{CACert: *caCert, Insecure: *insecure})
	if err != nil {
		return usageErr("%v", err)
	}
	creds := st.credentials(reg, []string{*api})[*api]
	fmt.Fprintf(stderr, "cloudcontract %s: certifying %s at %s\n", version, *api, *target)
	res, err := certify.Run(ctx, certify.Options{
		API: *api, Target: *target, Vendor: *vendor, Out: *out, SpecsDir: *specs, FeaturesDir: *features, Registry: reg,
		Waivers: ws, Credentials: creds, Concurrency: *conc, Timeout: *timeout, Tags: *tags, Version: version,
		CallbackAddr: *cbAddr, CallbackURL: *cbURL, Output: stdout, Force: *force, Transport: tr,
	})
	if err != nil {
		return err
	}
	s := res.Summary
	fmt.Fprintf(stdout, "\n%s: %s — operations %d passed, %d failed, %d waived, %d not exercised; scenarios %d passed, %d failed\n",
		res.API, res.Verdict, s.OperationsPassed, s.OperationsFailed, s.OperationsWaived, s.OperationsNotExercised, s.ScenariosPassed, s.ScenariosFailed)
	fmt.Fprintf(stdout, "bundle: %s (report.html, results.json, junit.xml, cassettes/, manifest.json)\n", *out)
	fmt.Fprintf(stdout, "%d passed, %d failed\n", s.ScenariosPassed+s.ScenariosWaived, s.ScenariosFailed)
	if res.Verdict != report.Pass {
		return &exitError{code: 1, msg: "certification failed: see " + *out + "/report.html"}
	}
	return nil
}

func verifyBundleCmd(_ context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("verify-bundle", "verify-bundle DIR   (DIR: a bundle written by certify --out)", stderr)
	dirs, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(dirs) != 1 {
		return usageErr("give the bundle folder: cloudcontract verify-bundle DIR")
	}
	dir := dirs[0]
	if _, err := os.Stat(dir); err != nil {
		return usageErr("%v", err)
	}
	m, problems, err := certify.VerifyBundle(dir)
	if err != nil {
		return err
	}
	for _, p := range problems {
		fmt.Fprintln(stdout, p)
	}
	if len(problems) > 0 {
		return &exitError{code: 1, msg: fmt.Sprintf("%s has been altered: %d problem(s)", dir, len(problems))}
	}
	fmt.Fprintf(stdout, "%s: %d files match the manifest (%s %s, %s at %s, verdict %s)\n", dir, len(m.Files), m.Tool, m.Version, m.API, m.Target, m.Verdict)
	return nil
}
