package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/cloudcontract/cloudcontract/harness/coverage"
	"github.com/cloudcontract/cloudcontract/harness/merge"
	"github.com/cloudcontract/cloudcontract/harness/spec"
)

// mergeCmd joins the outputs of the parts of a split run (run --shard i/n) into what one run
// would have written.
func mergeCmd(_ context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("merge", "merge --out DIR PART...   (PART: the output folder or a report file of one part of a run --shard i/n)", stderr)
	out := fs.String("out", "", "folder the merged reports are written to: junit.xml, cucumber.json, failures.jsonl, cassettes/, coverage.json")
	specs := fs.String("specs", "specs", "folder of the contracts (for coverage.json of merged cassettes)")
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
