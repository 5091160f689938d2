package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/cloudcontract/cloudcontract/harness/coverage"
	"github.com/cloudcontract/cloudcontract/harness/generate"
	"github.com/cloudcontract/cloudcontract/harness/lint"
	"github.com/cloudcontract/cloudcontract/harness/scan"
	"github.com/cloudcontract/cloudcontract/harness/spec"
)

// apisOf resolves --api (a name, several comma-separated, or all).
func apisOf(reg *spec.Registry, api string) ([]string, error) {
	if api == "" || api == "all" {
		return reg.Names()
	}
	var out []string
	for _, a := range strings.Split(api, ",") {
		a = strings.TrimSpace(a)
		if _, err := reg.Get(a); err != nil {
			return nil, usageErr("--api: %v", err)
		}
		out = append(out, a)
	}
	return out, nil
}

// contractFlags are the flags of the commands that read contracts and cassettes.
type contractFlags struct {
	api, specs, cassettes, features *string
}

func addContractFlags(fs *flag.FlagSet, verb string) contractFlags {
	return contractFlags{
		api:       fs.String("api", "all", "API to "+verb+", several comma-separated, or all"),
		specs:     fs.String("specs", "specs", "folder of the contracts"),
		cassettes: fs.String("cassettes", "cassettes", "folder of the cassettes"),
		features:  fs.String("features", "features", "folder of the features"),
	}
}

// resolve returns the registry and the API names the flags select.
func (c contractFlags) resolve() (*spec.Registry, []string, error) {
	reg := spec.NewRegistry(*c.specs)
	names, err := apisOf(reg, *c.api)
	return reg, names, err
}

func coverageCmd(_ context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("coverage", "coverage [--api NAME|all] [--json FILE] [--gaps]", stderr)
	cf := addContractFlags(fs, "measure")
	jsonOut := fs.String("json", "", "also write the coverage as JSON to FILE")
	gaps := fs.Bool("gaps", true, "list every operation and documented status not exercised")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := resolveTrees(fs, false); err != nil {
		return err
	}
	reg, names, err := cf.resolve()
	if err != nil {
		return err
	}
	cassettes := cf.cassettes
	var reports []*coverage.Report
	for _, n := range names {
		a, err := reg.Get(n)
		if err != nil {
			return err
		}
		r, err := coverage.Compute(a, filepath.Join(*cassettes, n))
		if err != nil && !os.IsNotExist(err) {
			return err
		}
		if r == nil {
			r, _ = coverage.Compute(a, os.DevNull)
		}
		t, err := generate.LoadTable(filepath.Join(*cf.specs, n))
		if err != nil {
			return err
		}
		r.Classify(t.Classifier(a))
		reports = append(reports, r)
	}
	coverage.WriteTable(stdout, reports, *gaps)
	if *gaps {
		coverage.WriteCauses(stdout, reports)
	}
	orphans := 0
	for _, n := range names {
		if fdir, cdir := filepath.Join(*cf.features, n), filepath.Join(*cassettes, n); exists(fdir) && exists(cdir) {
			found, err := lint.Orphans(fdir, cdir)
			if err != nil {
				return err
			}
			orphans += len(found)
		}
	}
	if orphans > 0 {
		fmt.Fprintf(stdout, "note: %d cassette file(s) of scenarios that no longer exist are counted above; 'cloudcontract lint' lists them\n", orphans)
	}
	if *jsonOut != "" {
		data, err := json.MarshalIndent(reports, "", "  ")
		if err != nil {
			return err
		}
		if err := os.WriteFile(*jsonOut, append(data, '\n'), 0o644); err != nil {
			return err
		}
	}
	return nil
}

func lintCmd(_ context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("lint", "lint [--api NAME|all]", stderr)
	cf := addContractFlags(fs, "lint")
	documents := fs.String("documents", "../shared/seeds", "folder of the vendor documents, to check the line numbers the contracts cite (skipped when absent)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := resolveTrees(fs, false); err != nil {
		return err
	}
	reg, names, err := cf.resolve()
	if err != nil {
		return err
	}
	cassettes := cf.cassettes
	var all []lint.Finding
	for _, n := range names {
		a, err := reg.Get(n)
		if err != nil {
			return err // a contract that does not load is the first finding
		}
		all = append(all, lint.Spec(a)...)
		doc := ""
		if a.Harness.Document != "" {
			if p := filepath.Join(*documents, a.Harness.Document); fileExists(p) {
				doc = p
			}
		}
		all = append(all, lint.Evidence(a, doc)...)
		all = append(all, lint.Citations("specs/"+n+"/openapi.yaml", doc, lint.ContractCitations(a))...)
		if specDir := filepath.Join(*cf.specs, n); fileExists(filepath.Join(specDir, generate.TableFile)) {
			t, err := generate.LoadTable(specDir)
			if err != nil {
				return err
			}
			all = append(all, lint.Citations("specs/"+n+"/"+generate.TableFile, doc, t.Citations())...)
		}
		if dir := filepath.Join(*cf.features, n); dirExists(dir) {
			found, err := lint.Tags(a, dir)
			if err != nil {
				return err
			}
			all = append(all, found...)
		}
		dir := filepath.Join(*cassettes, n)
		if _, err := os.Stat(dir); err == nil {
			found, err := lint.Cassettes(a, dir)
			if err != nil {
				return err
			}
			all = append(all, found...)
		}
		if fdir := filepath.Join(*cf.features, n); exists(fdir) {
			found, err := lint.Features(fdir)
			if err != nil {
				return err
			}
			all = append(all, found...)
			if exists(dir) {
				orphans, err := lint.Orphans(fdir, dir)
				if err != nil {
					return err
				}
				all = append(all, orphans...)
			}
		}
	}
	errs := lint.Write(stdout, all)
	fmt.Fprintf(stdout, "lint: %d contract(s), %d error(s), %d note(s)\n", len(names), errs, len(all)-errs)
	if errs > 0 {
		return &exitError{code: 1, msg: fmt.Sprintf("%d lint error(s)", errs)}
	}
	return nil
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

func profilesCmd(_ context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("profiles", "profiles [--api NAME|all]", stderr)
	api := fs.String("api", "all", "API whose vendors to list")
	specs := fs.String("specs", "specs", "folder of the contracts")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := resolveTrees(fs, false); err != nil {
		return err
	}
	reg := spec.NewRegistry(*specs)
	names, err := apisOf(reg, *api)
	if err != nil {
		return err
	}
	for _, n := range names {
		a, err := reg.Get(n)
		if err != nil {
			return err
		}
		for _, v := range a.Vendors() {
			fmt.Fprintf(stdout, "%-13s %-28s %-5s %-30s %s\n", n, v.Profile(), v.RegionCode(), v.Region, v.URL)
		}
	}
	return nil
}

func cassettesCmd(_ context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) > 0 && args[0] == "diff" {
		return cassettesDiffCmd(args[1:], stdout, stderr)
	}
	const usage = "cassettes scan [DIR ...]   (default DIR: cassettes)\n       cloudcontract cassettes diff OLD NEW | --git REV [PATH]"
	fs := newFlagSet("cassettes", usage, stderr)
	args, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(args) == 0 || args[0] != "scan" {
		return usageErr("want a subcommand: cloudcontract %s", usage)
	}
	dirs := args[1:]
	if len(dirs) == 0 {
		dirs = []string{"cassettes"}
	}
	total, files := 0, 0
	for _, d := range dirs {
		found, n, err := scan.Dir(d)
		if err != nil {
			return err
		}
		files += n
		for _, f := range found {
			fmt.Fprintln(stdout, f.String())
		}
		total += len(found)
	}
	fmt.Fprintf(stdout, "scanned %d file(s): %d possible credential(s)\n", files, total)
	if total > 0 {
		return &exitError{code: 1, msg: fmt.Sprintf("%d possible credential(s) in recordings", total)}
	}
	return nil
}

func dirExists(dir string) bool {
	fi, err := os.Stat(dir)
	return err == nil && fi.IsDir()
}

func fileExists(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && !fi.IsDir()
}
