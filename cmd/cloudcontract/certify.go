package main

import (
	"context"
	"crypto/ed25519"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
	"time"

	"github.com/cloudcontract/cloudcontract/harness/certify"
	"github.com/cloudcontract/cloudcontract/harness/report"
	"github.com/cloudcontract/cloudcontract/harness/runner"
	"github.com/cloudcontract/cloudcontract/harness/spec"
	"github.com/cloudcontract/cloudcontract/harness/transport"
)

func certifyCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("certify", "certify --api NAME (--target URL | --profile NAME --region R) --out DIR [--vendor NAME] [--waivers FILE] [--sign-key FILE]", stderr)
	api := fs.String("api", "", "API to certify")
	target := fs.String("target", "", "base URL of the endpoint to certify")
	profile := fs.String("profile", "", "vendor profile (instead of --target; see 'cloudcontract profiles')")
	region := fs.String("region", "", "region of --profile")
	vendor := fs.String("vendor", "", "name of the vendor, written in the bundle")
	out := fs.String("out", "", "folder the bundle is written to (must be empty, or --force)")
	waivers := fs.String("waivers", "", "YAML file of accepted deviations, each with a reason and an expiry date")
	force := fs.Bool("force", false, "overwrite the bundle files in a non-empty --out")
	signKey := fs.String("sign-key", "", "ed25519 private key (PEM PKCS#8: openssl genpkey -algorithm ed25519 -out FILE) signing the bundle's manifest")
	conc := fs.Int("concurrency", 1, "scenarios run at once")
	timeout := fs.Duration("timeout", 30*time.Second, "timeout of each request")
	pollInterval := fs.Duration("poll-interval", 0, "pause between two attempts of a poll (default: each API's own, quick for its simulator; give a real cloud time, e.g. 30s)")
	tags := fs.String("tags", "", "godog tag expression selecting scenarios")
	cbAddr := fs.String("callback-addr", "127.0.0.1:0", "where the callback receiver listens")
	cbURL := fs.String("callback-url", "", "base URL the API is told to call back")
	caCert := fs.String("ca-cert", "", "PEM file of a CA trusted for the target, beside the system's")
	insecure := fs.Bool("insecure", false, "skip TLS certificate verification of the target (say it explicitly)")
	profileFile := fs.String("config", "", "profile file of defaults: targets, credentials, timeouts (env CLOUDCONTRACT_CONFIG)")
	specs := fs.String("specs", "specs", "folder of the contracts")
	features := fs.String("features", "features", "folder of the features")
	shardFlag := fs.String("shard", "", "INDEX/COUNT: certify one part of the suite, in a bundle of its own (auto/COUNT in a Kubernetes Indexed Job)")
	strict := fs.Bool("strict", false, "a deviation from behaviour the contract only infers (x-evidence) fails the certification")
	var varFlags stringList
	fs.Var(&varFlags, "var", "NAME=VALUE: a fixture variable of the API (repeatable; see specs/<api>/harness.yaml fixtures)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := resolveTrees(fs, false); err != nil {
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
	var key ed25519.PrivateKey
	if *signKey != "" {
		if key, err = certify.LoadPrivateKey(*signKey); err != nil {
			return usageErr("--sign-key: %v", err)
		}
	}
	tr, err := transport.New(transport.Options{CACert: *caCert, Insecure: *insecure})
	if err != nil {
		return usageErr("%v", err)
	}
	shard, err := runner.ParseShard(*shardFlag, os.Getenv)
	if err != nil {
		return usageErr("%v", err)
	}
	creds := st.credentials(reg, []string{*api})[*api]
	vars, err := st.vars(reg, []string{*api}, varFlags)
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "cloudcontract %s: certifying %s at %s\n", version, *api, *target)
	res, err := certify.Run(ctx, certify.Options{
		API: *api, Target: *target, Vendor: *vendor, Out: *out, SpecsDir: *specs, FeaturesDir: *features, Registry: reg,
		Waivers: ws, Credentials: creds, Concurrency: *conc, Timeout: *timeout, PollInterval: *pollInterval, Tags: *tags, Version: version,
		CallbackAddr: *cbAddr, CallbackURL: *cbURL, Output: stdout, Force: *force, Transport: tr, Vars: vars[*api],
		SignKey: key, Revision: buildRevision(debug.ReadBuildInfo), Strict: *strict, Shard: shard,
	})
	if err != nil {
		return err
	}
	writeCertifySummary(stdout, res, *out, *waivers, key != nil)
	if res.Verdict != report.Pass {
		msg := "certification failed: see " + *out + "/report.html"
		if res.Summary.WaiversExpired > 0 && res.Summary.OperationsFailed == 0 && res.Summary.ScenariosFailed == 0 {
			msg = "certification failed: expired waivers (see above)"
		}
		return &exitError{code: 1, msg: msg}
	}
	return nil
}

// writeCertifySummary prints the verdict and counts, the most frequent failures, and each waiver
// that needs attention (expired: the certification fails; unknown: likely a typo).
func writeCertifySummary(w io.Writer, res *report.Result, out, waiverFile string, signed bool) {
	s := res.Summary
	fmt.Fprintf(w, "\n%s: %s — operations %d passed, %d failed, %d waived", res.API, res.Verdict, s.OperationsPassed, s.OperationsFailed, s.OperationsWaived)
	if s.OperationsPartlyWaived > 0 {
		fmt.Fprintf(w, " (%d partly)", s.OperationsPartlyWaived)
	}
	fmt.Fprintf(w, ", %d not exercised; scenarios %d passed, %d failed", s.OperationsNotExercised, s.ScenariosPassed, s.ScenariosFailed)
	if s.ScenariosWaived > 0 {
		fmt.Fprintf(w, ", %d waived", s.ScenariosWaived)
	}
	if s.ScenariosNotRun > 0 {
		fmt.Fprintf(w, ", %d not run (vendor side; report.html says why)", s.ScenariosNotRun)
	}
	fmt.Fprintf(w, "\nverdict: %s\n", res.Statement())
	if s.Failures > 0 {
		fmt.Fprintf(w, "failures: %d of %d kinds (%d waived)\n", s.Failures, s.FailureGroups, s.FailuresWaived)
		const shown = 5
		for i, g := range res.Failures {
			if i == shown {
				fmt.Fprintf(w, "  … %d more in report.html\n", len(res.Failures)-shown)
				break
			}
			ops := make([]string, len(g.Operations))
			for j, h := range g.Operations {
				ops[j] = h.Operation
			}
			state := ""
			if g.Failing() == 0 {
				state = " (waived)"
			}
			fmt.Fprintf(w, "  #%d %s: %s × %d%s — %s\n", i+1, g.Check, g.Title, g.Count, state, strings.Join(ops, ", "))
		}
	}
	for _, ws := range res.Waivers {
		if p := ws.Problem(); p != "" {
			fmt.Fprintf(w, "waiver %s:%d (%s): %s\n", waiverFile, ws.Line, ws.What(), p)
		}
	}
	files := "report.html, results.json, junit.xml, cassettes/, manifest.json"
	if signed {
		files += ", " + certify.SignatureFile
	}
	fmt.Fprintf(w, "bundle: %s (%s)\n", out, files)
	fmt.Fprintf(w, "%d passed, %d failed", s.ScenariosPassed+s.ScenariosWaived, s.ScenariosFailed)
	if s.ScenariosNotRun > 0 {
		fmt.Fprintf(w, ", %d not run", s.ScenariosNotRun)
	}
	fmt.Fprintln(w)
}

func verifyBundleCmd(_ context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("verify-bundle", "verify-bundle [--pub-key FILE] DIR   (DIR: a bundle written by certify --out)", stderr)
	pubKey := fs.String("pub-key", "", "ed25519 public key (PEM) the bundle's manifest must be signed with; without it the signature is not checked, and a signed bundle fails")
	dirs, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(dirs) != 1 {
		return usageErr("give the bundle folder: cloudcontract verify-bundle [--pub-key FILE] DIR")
	}
	dir := dirs[0]
	if _, err := os.Stat(dir); err != nil {
		return usageErr("%v", err)
	}
	var pub ed25519.PublicKey
	if *pubKey != "" {
		var err error
		if pub, err = certify.LoadPublicKey(*pubKey); err != nil {
			return usageErr("--pub-key: %v", err)
		}
	}
	v, err := certify.VerifyBundle(dir, pub)
	if err != nil {
		return err
	}
	m := v.Manifest
	for _, p := range v.Problems {
		fmt.Fprintln(stdout, p)
	}
	if len(v.Problems) > 0 {
		return &exitError{code: 1, msg: fmt.Sprintf("%s has been altered: %d problem(s)", dir, len(v.Problems))}
	}
	fmt.Fprintf(stdout, "%s: %d files match the manifest (%s %s, revision %s, %s at %s, contract sha256 %.16s, verdict %s)\n",
		dir, len(m.Files), m.Tool, m.Version, m.Revision, m.API, m.Target, m.SpecSHA256, m.Verdict)
	switch {
	case v.SignatureChecked:
		fmt.Fprintf(stdout, "signature: valid, by %s\n", certify.KeyID(pub))
	case v.Signed:
		fmt.Fprintf(stdout, "signature: NOT checked: the bundle is signed (by %s, says the manifest); give --pub-key FILE to verify it\n", m.SignedBy)
		return &exitError{code: 1, msg: "signed bundle verified without its key: give --pub-key FILE"}
	default:
		fmt.Fprintln(stdout, "signature: NOT checked: the bundle is unsigned; the hashes show accidental changes, not a bundle rewritten with its manifest (certify --sign-key signs)")
	}
	return nil
}
