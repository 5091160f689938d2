package certify

import (
	"crypto/ed25519"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"time"

	"github.com/cloudcontract/cloudcontract/harness/merge"
	"github.com/cloudcontract/cloudcontract/harness/report"
	"github.com/cloudcontract/cloudcontract/harness/spec"
	"github.com/cloudcontract/cloudcontract/harness/vcr"
)

// MergeOptions say which bundles of a split certification (certify --shard i/n) to join and
// where the joined bundle goes.
type MergeOptions struct {
	// Parts are the bundles, one folder per part.
	Parts []string
	// Out is the folder of the joined bundle (it must be empty, or Force).
	Out   string
	Force bool
	// Registry holds the contracts the parts were certified against (their hash must match);
	// the joined cassettes are judged again with them, as one run would have judged them.
	Registry *spec.Registry
	// PubKey, when set, is the key every part must be signed with.
	PubKey ed25519.PublicKey
	// SignKey, when set, signs the joined bundle.
	SignKey ed25519.PrivateKey
}

// IsBundle says whether dir holds a certification bundle (a manifest.json).
func IsBundle(dir string) bool {
	_, err := os.Stat(filepath.Join(dir, "manifest.json"))
	return err == nil
}

// part is one bundle being merged.
type part struct {
	dir      string
	manifest *Manifest
	result   report.Result
}

// MergeBundles joins the bundles of the parts of a split certification into the bundle one
// certification of the whole suite would have written: every part is verified first (and its
// signature checked when PubKey is set); the parts must name the same API, target, vendor,
// harness revision, contract and inputs, and no scenario may appear in two parts. The joined
// cassettes are judged again, so the operations matrix, the failures and the verdict are those
// of one run; the scenarios keep the verdicts their parts gave them.
func MergeBundles(o MergeOptions) (*report.Result, error) {
	if o.Out == "" {
		return nil, errors.New("--out DIR is required: the joined bundle is written there")
	}
	if len(o.Parts) == 0 {
		return nil, errors.New("no bundles to join")
	}
	var parts []part
	for _, dir := range o.Parts {
		p, err := readPart(dir, o.PubKey)
		if err != nil {
			return nil, err
		}
		parts = append(parts, p)
	}
	if err := agree(parts); err != nil {
		return nil, err
	}
	first := parts[0]
	api, err := o.Registry.Get(first.manifest.API)
	if err != nil {
		return nil, err
	}
	if api.Hash != first.manifest.SpecSHA256 {
		return nil, fmt.Errorf("the parts were certified against contract %.12s, the contracts here are %.12s: join them with the specs they used (--specs)",
			first.manifest.SpecSHA256, api.Hash)
	}
	scenarios, err := joinScenarios(parts)
	if err != nil {
		return nil, err
	}
	if entries, err := os.ReadDir(o.Out); err == nil && len(entries) > 0 && !o.Force {
		return nil, fmt.Errorf("%s is not empty: merge writes a fresh bundle (use --force to overwrite)", o.Out)
	}
	for _, name := range bundleFiles {
		if err := os.RemoveAll(filepath.Join(o.Out, name)); err != nil {
			return nil, err
		}
	}
	if err := os.MkdirAll(o.Out, 0o755); err != nil {
		return nil, err
	}
	var cassettes []string
	for _, p := range parts {
		dir := filepath.Join(p.dir, "cassettes")
		if _, err := os.Stat(dir); err == nil {
			cassettes = append(cassettes, dir)
		}
	}
	if _, err := merge.CopyCassettes(cassettes, filepath.Join(o.Out, "cassettes")); err != nil {
		return nil, err
	}
	recs, err := vcr.Recordings(filepath.Join(o.Out, "cassettes", api.Name))
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	started, ended := span(parts)
	var waivers []report.Waiver
	for _, w := range first.result.Waivers {
		waivers = append(waivers, w.Waiver)
	}
	result := report.Build(report.Input{API: api, Version: first.manifest.Version, Vendor: first.manifest.Vendor, Target: first.manifest.Target,
		Started: started, Duration: ended.Sub(started), Recordings: relative(recs, o.Out), Scenarios: scenarios, Waivers: waivers,
		Now: ended, Strict: first.result.Strict})
	bundle := Options{Out: o.Out, Version: first.manifest.Version, Revision: first.manifest.Revision, Vendor: first.manifest.Vendor,
		Target: first.manifest.Target, SignKey: o.SignKey}
	if err := writeBundle(bundle, api, result, started, first.manifest.Inputs); err != nil {
		return result, err
	}
	return result, nil
}

// bundleFiles are what a bundle holds: a forced rewrite removes them first.
var bundleFiles = []string{"cassettes", "results.json", "junit.xml", "report.html", "manifest.json", SignatureFile}

// readPart verifies one bundle and reads its manifest and results.
func readPart(dir string, pub ed25519.PublicKey) (part, error) {
	v, err := VerifyBundle(dir, pub)
	if err != nil {
		return part{}, fmt.Errorf("%s: %w", dir, err)
	}
	if len(v.Problems) > 0 {
		return part{}, fmt.Errorf("%s does not verify, so it cannot be joined:\n  %s", dir, strings.Join(v.Problems, "\n  "))
	}
	if v.Signed && pub == nil {
		return part{}, fmt.Errorf("%s is signed (by %s): give --pub-key FILE so its signature is checked before it is joined", dir, v.Manifest.SignedBy)
	}
	data, err := os.ReadFile(filepath.Join(dir, "results.json"))
	if err != nil {
		return part{}, err
	}
	p := part{dir: dir, manifest: v.Manifest}
	if err := json.Unmarshal(data, &p.result); err != nil {
		return part{}, fmt.Errorf("%s: %w", filepath.Join(dir, "results.json"), err)
	}
	return p, nil
}

// agree checks that the parts are parts of one certification: the same API, target, vendor,
// harness, contract, inputs, waivers and strictness.
func agree(parts []part) error {
	first := parts[0]
	for _, p := range parts[1:] {
		fields := []struct {
			name string
			a, b any
		}{
			{"API", first.manifest.API, p.manifest.API},
			{"target", first.manifest.Target, p.manifest.Target},
			{"vendor", first.manifest.Vendor, p.manifest.Vendor},
			{"harness version", first.manifest.Version, p.manifest.Version},
			{"harness revision", first.manifest.Revision, p.manifest.Revision},
			{"contract", first.manifest.SpecSHA256, p.manifest.SpecSHA256},
			{"contract and feature files", first.manifest.Inputs, p.manifest.Inputs},
			{"waivers", waiversOf(first.result), waiversOf(p.result)},
			{"strictness", first.result.Strict, p.result.Strict},
		}
		for _, f := range fields {
			if !reflect.DeepEqual(f.a, f.b) {
				return fmt.Errorf("%s and %s are not parts of one certification: their %s differ (%s against %s)",
					first.dir, p.dir, f.name, short(f.a), short(f.b))
			}
		}
	}
	return nil
}

func waiversOf(r report.Result) []report.Waiver {
	var out []report.Waiver
	for _, w := range r.Waivers {
		out = append(out, w.Waiver)
	}
	return out
}

// short renders a differing field for a message: strings as they are, anything larger by size.
func short(v any) string {
	switch x := v.(type) {
	case string:
		if x == "" {
			return `""`
		}
		return x
	case map[string]string:
		return fmt.Sprintf("%d files", len(x))
	}
	return fmt.Sprint(v)
}

// joinScenarios takes every part's scenarios, waived failures counted again as failures (the
// joined waivers judge them), in the order of feature and name.
func joinScenarios(parts []part) ([]report.Scenario, error) {
	seen := map[string]string{}
	var out []report.Scenario
	for _, p := range parts {
		for _, s := range p.result.Scenarios {
			if s.Name == report.UnroutedScenario {
				continue // judged again from the joined cassettes
			}
			key := s.Feature + "\x00" + s.Name
			if other, ok := seen[key]; ok {
				return nil, fmt.Errorf("scenario %q of %s was certified in two parts (%s and %s)", s.Name, s.Feature, other, p.dir)
			}
			seen[key] = p.dir
			if s.Verdict == report.Waived {
				s.Verdict = report.Fail
			}
			out = append(out, s)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Feature != out[j].Feature {
			return out[i].Feature < out[j].Feature
		}
		return out[i].Name < out[j].Name
	})
	return out, nil
}

// span is the earliest start and the latest end of the parts.
func span(parts []part) (time.Time, time.Time) {
	var start, end time.Time
	for _, p := range parts {
		s := p.result.Started
		d, _ := time.ParseDuration(p.result.Duration)
		if start.IsZero() || s.Before(start) {
			start = s
		}
		if e := s.Add(d); e.After(end) {
			end = e
		}
	}
	return start, end
}
