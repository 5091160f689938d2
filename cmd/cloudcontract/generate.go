//go:generate go run . generate --specs ../../specs --features ../../features

package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/cloudcontract/cloudcontract/harness/generate"
)

// generatedFeature is the file each API's generated scenarios are written to.
const generatedFeature = "generated.feature"

// generateCmd writes (or, with --check, compares) features/<api>/generated.feature for every
// selected API that has a table (specs/<api>/negative.yaml): an API opts in by data.
func generateCmd(_ context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("generate", "generate [--api NAME|all] [--check]", stderr)
	cf := addContractFlags(fs, "generate the negative scenarios of")
	check := fs.Bool("check", false, "write nothing; exit 1 when a committed generated.feature differs from what the contract generates")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	reg, names, err := cf.resolve()
	if err != nil {
		return err
	}
	stale := 0
	for _, n := range names {
		specDir := filepath.Join(*cf.specs, n)
		if _, err := os.Stat(filepath.Join(specDir, generate.TableFile)); errors.Is(err, os.ErrNotExist) {
			continue
		}
		a, err := reg.Get(n)
		if err != nil {
			return err
		}
		t, err := generate.LoadTable(specDir)
		if err != nil {
			return err
		}
		scs, err := generate.Scenarios(a, t)
		if err != nil {
			return fmt.Errorf("%s: %w", n, err)
		}
		data := generate.Feature(a, scs)
		out := filepath.Join(*cf.features, n, generatedFeature)
		old, _ := os.ReadFile(out)
		if bytes.Equal(old, data) {
			fmt.Fprintf(stdout, "%s: %d scenarios, unchanged\n", out, len(scs))
			continue
		}
		if *check {
			stale++
			fmt.Fprintf(stdout, "%s: stale (run cloudcontract generate --api %s)\n", out, n)
			continue
		}
		if err := os.WriteFile(out, data, 0o644); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%s: %d scenarios written\n", out, len(scs))
	}
	if stale > 0 {
		return &exitError{code: 1, msg: fmt.Sprintf("%d generated feature file(s) stale", stale)}
	}
	return nil
}
