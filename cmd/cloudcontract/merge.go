package main

import (
	"context"
	"crypto/ed25519"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/cloudcontract/cloudcontract/harness/certify"
	"github.com/cloudcontract/cloudcontract/harness/coverage"
	"github.com/cloudcontract/cloudcontract/harness/merge"
	"github.com/cloudcontract/cloudcontract/harness/report"
	"github.com/cloudcontract/cloudcontract/harness/spec"
)

// mergeCmd joins the outputs of the parts of a split run (run --shard i/n) into what one run
// would have written.
func mergeCmd(_ context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("merge", "merge --out DIR PART...   (PART: the output folder or a report file of one part of a run --shard i/n, or the bundle of a certify --shard i/n)", stderr)
	out := fs.String("out", "", "folder the merged reports are written to: junit.xml, cucumber.json, failures.jsonl, cassettes/, coverage.json; for certification bundles, the joined bundle")
	specs := fs.String("specs", "specs", "folder of the contracts (for coverage.json of merged cassettes, and to judge joined certification bundles)")
	pubKey := fs.String("pub-key", "", "certification bundles: ed25519 public key (PEM) every part must be signed with")
	signKey := fs.String("sign-key", "", "certification bundles: ed25519 private key (PEM PKCS#8) signing the joined bundle")
	force := fs.Bool("force", false, "certification bundles: overwrite the bundle files in a non-empty --out")
	parts, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if err := resolveTrees(fs, false); err != nil {
		return err
	}
	if *out == "" || len(parts) == 0 {
		return usageErr("give --out DIR and the parts to merge: cloudcontract merge --out merged/ shard-1/ shard-2/")
	}
	bundles := 0
	for _, p := range parts {
		if certify.IsBundle(p) {
			bundles++
		}
	}
	switch {
	case bundles == len(parts):
		return mergeBundles(parts, *out, *specs, *pubKey, *signKey, *force, stdout)
	case bundles > 0:
		return usageErr("%d of the %d parts are certification bundles: join bundles with bundles, run outputs with run outputs", bundles, len(parts))
	case *pubKey != "" || *signKey != "":
		return usageErr("--pub-key and --sign-key apply to certification bundles (certify --shard), and no part is one")
	}
	in, err := merge.Find(parts)
	if err != nil {
		return usageErr("%v", err)
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return err
	}
	write := func(name string, files []string, join func([]string) ([]byte, error)) error {
		if len(files) == 0 {
			return nil
		}
		data, err := join(files)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(*out, name), data, 0o644); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%s: %d part(s) merged\n", filepath.Join(*out, name), len(files))
		return nil
	}
	if err := write("junit.xml", in.Files[merge.JUnit], merge.MergeJUnit); err != nil {
		return err
	}
	if err := write("cucumber.json", in.Files[merge.Cucumber], merge.MergeCucumber); err != nil {
		return err
	}
	if err := write("failures.jsonl", in.Files[merge.Failures], merge.MergeFailures); err != nil {
		return err
	}
	if len(in.Cassettes) == 0 {
		return nil
	}
	dst := filepath.Join(*out, "cassettes")
	n, err := merge.CopyCassettes(in.Cassettes, dst)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%s: %d cassette file(s) of %d part(s)\n", dst, n, len(in.Cassettes))
	reg := spec.NewRegistry(*specs)
	var reports []*coverage.Report
	entries, err := os.ReadDir(dst)
	if err != nil {
		return err
	}
	for _, e := range entries {
		a, err := reg.Get(e.Name())
		if err != nil || !e.IsDir() {
			continue
		}
		r, err := coverage.Compute(a, filepath.Join(dst, e.Name()))
		if err != nil {
			return err
		}
		reports = append(reports, r)
	}
	if len(reports) == 0 {
		return nil
	}
	data, err := json.MarshalIndent(reports, "", "  ")
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%s: coverage of the merged cassettes\n", filepath.Join(*out, "coverage.json"))
	return os.WriteFile(filepath.Join(*out, "coverage.json"), append(data, '\n'), 0o644)
}

// mergeBundles joins the certification bundles of a split certify into one bundle.
func mergeBundles(parts []string, out, specs, pubKey, signKey string, force bool, stdout io.Writer) error {
	o := certify.MergeOptions{Parts: parts, Out: out, Force: force, Registry: spec.NewRegistry(specs)}
	var err error
	if pubKey != "" {
		var pub ed25519.PublicKey
		if pub, err = certify.LoadPublicKey(pubKey); err != nil {
			return usageErr("--pub-key: %v", err)
		}
		o.PubKey = pub
	}
	if signKey != "" {
		if o.SignKey, err = certify.LoadPrivateKey(signKey); err != nil {
			return usageErr("--sign-key: %v", err)
		}
	}
	res, err := certify.MergeBundles(o)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%s: %d bundle(s) joined\n", out, len(parts))
	writeCertifySummary(stdout, res, out, "", o.SignKey != nil)
	if res.Verdict != report.Pass {
		return &exitError{code: exitFailed, msg: "certification failed: see " + filepath.Join(out, "report.html")}
	}
	return nil
}
