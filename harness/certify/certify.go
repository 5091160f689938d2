// Package certify runs an API's suite live against a vendor's endpoint and writes a
// certification bundle: results.json (one row per operation and check, with verdicts),
// junit.xml, report.html, the cassettes as evidence, and manifest.json holding the harness
// version and revision, the target, the contract's hash, and the sha256 of every contract and
// feature file used and of every file of the bundle, so that VerifyBundle detects a changed,
// added or removed file. A signed bundle also carries manifest.json.sig, an ed25519 signature of
// the manifest: then a bundle rewritten together with its manifest is detected too.
package certify

import (
	"context"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/cloudcontract/cloudcontract/harness/report"
	"github.com/cloudcontract/cloudcontract/harness/runner"
	"github.com/cloudcontract/cloudcontract/harness/spec"
	"github.com/cloudcontract/cloudcontract/harness/vcr"
)

// Options of a certification run.
type Options struct {
	API, Target, Vendor, Out string
	SpecsDir, FeaturesDir    string
	Registry                 *spec.Registry
	Waivers                  []report.Waiver
	Credentials              map[string]spec.Credential
	Concurrency              int
	Timeout                  time.Duration
	// PollInterval is the pause between two attempts of a poll (0: each API's own).
	PollInterval time.Duration
	Tags         string
	Transport    http.RoundTripper
	// Simulated says the target is one of the project's simulators (credentials the user did not
	// configure fall back to harness.yaml's); Vars are the fixture variables given by the user.
	Simulated bool
	Vars      map[string]string
	// Strict makes a deviation from behaviour the contract only infers (x-evidence) fail the
	// certification like a broken documented assertion.
	Strict bool
	// Shard certifies one part of the suite (runner.Shard); each part writes a bundle of its own.
	Shard                     runner.Shard
	CallbackAddr, CallbackURL string
	Version                   string
	// Revision is the VCS revision the harness was built from (written in the manifest).
	Revision string
	// SignKey, when set, signs the manifest (manifest.json.sig).
	SignKey ed25519.PrivateKey
	// Output receives godog's progress.
	Output io.Writer
	// Force allows writing into a non-empty Out folder.
	Force bool
	// Now decides which waivers have expired (default time.Now).
	Now func() time.Time
}

// Manifest is manifest.json.
type Manifest struct {
	Tool    string `json:"tool"`
	Version string `json:"version"`
	// Revision is the VCS revision of the harness binary ("unknown" when it was built without
	// VCS information, as go run builds).
	Revision   string         `json:"revision"`
	API        string         `json:"api"`
	Vendor     string         `json:"vendor,omitempty"`
	Target     string         `json:"target"`
	Created    time.Time      `json:"created"`
	SpecSHA256 string         `json:"spec_sha256"`
	Verdict    report.Verdict `json:"verdict"`
	// SignedBy names the key that signed the manifest (KeyID), "" for an unsigned bundle.
	SignedBy string            `json:"signed_by,omitempty"`
	Inputs   map[string]string `json:"inputs"`
	Files    map[string]string `json:"files"`
}

// Run certifies and writes the bundle; the result's Verdict says whether the target passed.
func Run(ctx context.Context, o Options) (*report.Result, error) {
	if o.Out == "" {
		return nil, errors.New("--out DIR is required: the bundle is written there")
	}
	if o.Target == "" {
		return nil, errors.New("certification runs live: give --target URL or --profile")
	}
	if entries, err := os.ReadDir(o.Out); err == nil && len(entries) > 0 && !o.Force {
		return nil, fmt.Errorf("%s is not empty: certify writes a fresh bundle (use --force to overwrite)", o.Out)
	}
	if o.Force {
		for _, name := range bundleFiles {
			if err := os.RemoveAll(filepath.Join(o.Out, name)); err != nil {
				return nil, err
			}
		}
	}
	if err := os.MkdirAll(o.Out, 0o755); err != nil {
		return nil, err
	}
	reg := o.Registry
	if reg == nil {
		reg = spec.NewRegistry(o.SpecsDir)
	}
	api, err := reg.Get(o.API)
	if err != nil {
		return nil, err
	}
	now := time.Now
	if o.Now != nil {
		now = o.Now
	}
	started := now()
	cfg := runner.Config{
		APIs: []string{o.API}, SpecsDir: o.SpecsDir, FeaturesDir: o.FeaturesDir, CassettesDir: filepath.Join(o.Out, "cassettes"),
		Target: o.Target, Record: true, KeepFailed: true, Tags: o.Tags, Concurrency: o.Concurrency, Format: "progress",
		Output: o.Output, Timeout: o.Timeout, PollInterval: o.PollInterval, Registry: reg, Version: o.Version, Transport: o.Transport,
		CallbackAddr: o.CallbackAddr, CallbackURL: o.CallbackURL, Simulated: o.Simulated, Strict: o.Strict, Shard: o.Shard,
		Vars: map[string]map[string]string{o.API: o.Vars},
	}
	if o.Credentials != nil {
		cfg.Credentials = map[string]map[string]spec.Credential{o.API: o.Credentials}
	}
	res, err := runner.Run(ctx, cfg)
	if err != nil {
		return nil, err
	}
	recs, err := vcr.Recordings(filepath.Join(o.Out, "cassettes", o.API))
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	var scenarios []report.Scenario
	for _, s := range res.Scenarios {
		v := report.Pass
		switch {
		case s.Skipped != "":
			v = report.NotRun
		case !s.Passed:
			v = report.Fail
		}
		feature, _ := filepath.Rel(o.FeaturesDir, s.Feature)
		if feature == "" || strings.HasPrefix(feature, "..") {
			feature = s.Feature
		}
		scenarios = append(scenarios, report.Scenario{Feature: filepath.ToSlash(feature), Name: s.Name, Verdict: v, Error: s.Error, Why: s.Skipped})
	}
	result := report.Build(report.Input{API: api, Version: o.Version, Vendor: o.Vendor, Target: o.Target, Started: started,
		Duration: now().Sub(started), Recordings: relative(recs, o.Out), Scenarios: scenarios, Waivers: o.Waivers, Now: now(), Strict: o.Strict})
	inputs, err := inputsOf(api, o.FeaturesDir)
	if err != nil {
		return result, err
	}
	if err := writeBundle(o, api, result, started, inputs); err != nil {
		return result, err
	}
	return result, nil
}

// inputsOf hashes the contract and feature files a certification used.
func inputsOf(api *spec.API, featuresDir string) (map[string]string, error) {
	inputs := map[string]string{}
	for rel, sum := range api.Files {
		inputs[filepath.ToSlash(filepath.Join("specs", api.Name, rel))] = sum
	}
	features, err := hashFiles(filepath.Join(featuresDir, api.Name))
	if err != nil {
		return nil, err
	}
	for rel, sum := range features {
		inputs[filepath.ToSlash(filepath.Join("features", api.Name, rel))] = sum
	}
	return inputs, nil
}

// relative makes cassette paths relative to the bundle, as the report shows them.
func relative(recs []*vcr.Recording, out string) []*vcr.Recording {
	for _, r := range recs {
		if rel, err := filepath.Rel(out, r.Path); err == nil {
			r.Path = filepath.ToSlash(rel)
		}
	}
	return recs
}

// writeBundle writes the bundle's reports and its manifest (signed when o.SignKey is set);
// inputs are the hashes of the contract and feature files used.
func writeBundle(o Options, api *spec.API, r *report.Result, created time.Time, inputs map[string]string) error {
	write := func(name string, fn func(io.Writer) error) error {
		f, err := os.Create(filepath.Join(o.Out, name))
		if err != nil {
			return err
		}
		if err := fn(f); err != nil {
			f.Close()
			return fmt.Errorf("writing %s: %w", name, err)
		}
		return f.Close()
	}
	if err := write("results.json", func(w io.Writer) error { return report.WriteJSON(w, r) }); err != nil {
		return err
	}
	if err := write("junit.xml", func(w io.Writer) error { return report.WriteJUnit(w, r) }); err != nil {
		return err
	}
	if err := write("report.html", func(w io.Writer) error { return report.WriteHTML(w, r) }); err != nil {
		return err
	}
	m := Manifest{Tool: "cloudcontract", Version: o.Version, Revision: o.Revision, API: api.Name, Vendor: o.Vendor, Target: o.Target,
		Created: created.UTC(), SpecSHA256: api.Hash, Verdict: r.Verdict, Inputs: inputs}
	if m.Revision == "" {
		m.Revision = "unknown"
	}
	if o.SignKey != nil {
		m.SignedBy = KeyID(o.SignKey.Public().(ed25519.PublicKey))
	}
	var err error
	if m.Files, err = hashFiles(o.Out); err != nil {
		return err
	}
	delete(m.Files, "manifest.json")
	delete(m.Files, SignatureFile)
	data, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	data = append(data, '\n')
	if err := os.WriteFile(filepath.Join(o.Out, "manifest.json"), data, 0o644); err != nil {
		return err
	}
	if o.SignKey == nil {
		return nil
	}
	return os.WriteFile(filepath.Join(o.Out, SignatureFile), ed25519.Sign(o.SignKey, data), 0o644)
}

func hashFiles(dir string) (map[string]string, error) {
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = hex.EncodeToString(sum[:])
		return nil
	})
	return out, err
}

// Verification is what VerifyBundle found.
type Verification struct {
	Manifest *Manifest
	// Problems says what changed since certification, one line each: a changed, missing or
	// added file, a manifest that no longer matches its signature, results that contradict the
	// manifest.
	Problems []string
	// Signed says the bundle carries a signature; SignatureChecked that it was verified with the
	// key given.
	Signed, SignatureChecked bool
}

// VerifyBundle checks a bundle: the manifest's signature with pub (when pub is nil, the signature
// is not checked: Verification.SignatureChecked says so), every file against the manifest's
// sha256, and results.json against the manifest's verdict and contract hash.
func VerifyBundle(dir string, pub ed25519.PublicKey) (*Verification, error) {
	data, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if err != nil {
		return nil, fmt.Errorf("not a bundle: %w", err)
	}
	var m Manifest
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.Join(dir, "manifest.json"), err)
	}
	v := &Verification{Manifest: &m}
	if len(m.Files) == 0 {
		return v, fmt.Errorf("%s lists no files", filepath.Join(dir, "manifest.json"))
	}
	sig, err := os.ReadFile(filepath.Join(dir, SignatureFile))
	switch {
	case err == nil:
		v.Signed = true
	case !errors.Is(err, fs.ErrNotExist):
		return v, err
	}
	switch {
	case v.Signed && pub != nil:
		if ed25519.Verify(pub, data, sig) {
			v.SignatureChecked = true
			if m.SignedBy != "" && m.SignedBy != KeyID(pub) {
				v.Problems = append(v.Problems, fmt.Sprintf("manifest.json names signing key %s, the signature is by %s", m.SignedBy, KeyID(pub)))
			}
		} else {
			v.Problems = append(v.Problems, fmt.Sprintf("signature: %s does not verify manifest.json with key %s: the manifest was changed after signing, or another key signed it (the manifest names %s)",
				SignatureFile, KeyID(pub), orNone(m.SignedBy)))
		}
	case !v.Signed && pub != nil:
		v.Problems = append(v.Problems, fmt.Sprintf("signature: the bundle is not signed (no %s), a signature by %s was expected", SignatureFile, KeyID(pub)))
	case !v.Signed && m.SignedBy != "":
		v.Problems = append(v.Problems, fmt.Sprintf("missing: %s (the manifest says %s signed it)", SignatureFile, m.SignedBy))
	}
	actual, err := hashFiles(dir)
	if err != nil {
		return v, err
	}
	delete(actual, "manifest.json")
	delete(actual, SignatureFile)
	names := make([]string, 0, len(m.Files))
	for n := range m.Files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		got, ok := actual[n]
		switch {
		case !ok:
			v.Problems = append(v.Problems, "missing: "+n)
		case got != m.Files[n]:
			v.Problems = append(v.Problems, fmt.Sprintf("changed: %s (sha256 %.12s, manifest says %.12s)", n, got, m.Files[n]))
		}
	}
	var extra []string
	for n := range actual {
		if _, ok := m.Files[n]; !ok {
			extra = append(extra, "added: "+n)
		}
	}
	sort.Strings(extra)
	v.Problems = append(v.Problems, extra...)
	v.Problems = append(v.Problems, contradictions(dir, &m)...)
	return v, nil
}

// contradictions compares results.json with the manifest: both name the verdict and the
// contract.
func contradictions(dir string, m *Manifest) []string {
	data, err := os.ReadFile(filepath.Join(dir, "results.json"))
	if err != nil {
		return nil // reported as missing
	}
	var r struct {
		Verdict    report.Verdict `json:"verdict"`
		SpecSHA256 string         `json:"spec_sha256"`
	}
	if err := json.Unmarshal(data, &r); err != nil {
		return []string{"results.json is not JSON: " + err.Error()}
	}
	var out []string
	if r.Verdict != m.Verdict {
		out = append(out, fmt.Sprintf("results.json says verdict %s, manifest.json says %s", r.Verdict, m.Verdict))
	}
	if r.SpecSHA256 != m.SpecSHA256 {
		out = append(out, fmt.Sprintf("results.json names contract %.12s, manifest.json %.12s", r.SpecSHA256, m.SpecSHA256))
	}
	return out
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}
