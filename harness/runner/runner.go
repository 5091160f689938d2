// Package runner runs the godog suites of one or more APIs: it loads each contract once, builds
// the transport for the chosen mode once, runs the scenarios (concurrently when asked) with Strict
// on, and collects a result per scenario.
package runner

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/cucumber/godog"

	"github.com/cloudcontract/cloudcontract/harness/callback"
	"github.com/cloudcontract/cloudcontract/harness/preflight"
	"github.com/cloudcontract/cloudcontract/harness/redact"
	"github.com/cloudcontract/cloudcontract/harness/report"
	"github.com/cloudcontract/cloudcontract/harness/spec"
	"github.com/cloudcontract/cloudcontract/harness/steps"
	"github.com/cloudcontract/cloudcontract/harness/validate"
	"github.com/cloudcontract/cloudcontract/harness/vcr"
)

// Config is one run.
type Config struct {
	// APIs to run; empty means every API under SpecsDir.
	APIs []string
	// SpecsDir, FeaturesDir, CassettesDir are the roots holding one folder per API.
	SpecsDir, FeaturesDir, CassettesDir string
	// Target is the base URL of a live endpoint; empty means replay.
	Target string
	// Record writes cassettes (needs Target).
	Record bool
	// Tags is a godog tag expression.
	Tags string
	// Concurrency is the number of scenarios run at once (default 1).
	Concurrency int
	// Format is godog's output format (pretty, progress, junit:FILE, cucumber:FILE; several
	// separated by commas).
	Format string
	// Output receives godog's output.
	Output io.Writer
	// Randomize shuffles scenarios with this seed (0: file order; -1: a random seed).
	Randomize int64
	// Timeout bounds each request (default 30s).
	Timeout time.Duration
	// MaxBody bounds each response body (default 10 MiB).
	MaxBody int64
	// Credentials override the contract's defaults, by API then by name.
	Credentials map[string]map[string]spec.Credential
	// Transport reaches the target (live and record); nil means a default one.
	Transport http.RoundTripper
	// Registry caches loaded contracts; nil means a new one over SpecsDir.
	Registry *spec.Registry
	// Version is written into cassette headers.
	Version string
	// CallbackAddr is where the callback receiver listens (default 127.0.0.1:0, loopback);
	// CallbackURL, when set, is the base URL the API is told to call instead of the bound address.
	CallbackAddr, CallbackURL string
	// KeepFailed writes cassettes of failing scenarios too (with Record; for evidence bundles).
	KeepFailed bool
	// Simulated says the target is one of the project's own simulators: a credential set the
	// user did not configure falls back to harness.yaml's (the simulator's), as in replay. Against
	// any other live target an unconfigured set is a preflight problem, never a silent default.
	Simulated bool
	// SkipPreflight runs the scenarios of a live target without checking it first.
	SkipPreflight bool
	// Vars are fixture variables given per API (--var, environment, profile; for --target sim
	// also the simulator's), before discovery; see spec.Fixture.
	Vars map[string]map[string]string
	// Strict makes a deviation from an assertion the contract inferred (x-evidence) a failure.
	Strict bool
	// Retries of a request the service answers as unavailable (503; 502/504 for idempotent
	// methods); -1 means none, 0 the default (2).
	Retries int
}

// Kind says what a failed scenario's failure is, decided once, where the scenario ends.
type Kind string

// The kinds of failure.
const (
	// KindContract: a response broke an assertion the document states.
	KindContract Kind = "contract"
	// KindAssertion: a step of the scenario did not hold.
	KindAssertion Kind = "assertion"
	// KindEnvironment: the API could not be reached, answered too slowly or too much, or said it
	// (or the way to it) was unavailable; its contract could not be judged.
	KindEnvironment Kind = "environment"
)

// KindOf classifies a scenario's error ("" for none).
func KindOf(err error) Kind {
	var ee *steps.EnvironmentError
	var ce *validate.ContractError
	switch {
	case err == nil:
		return ""
	case errors.As(err, &ee):
		return KindEnvironment
	case errors.As(err, &ce):
		return KindContract
	}
	return KindAssertion
}

// ScenarioResult is the outcome of one scenario.
type ScenarioResult struct {
	API, Feature, Name string
	Passed             bool
	// Kind is the kind of the failure ("" when the scenario passed).
	Kind Kind
	// Contract is the response that broke its contract, secrets masked (a contract failure only).
	Contract *validate.ContractError
	// Deviations are the exchanges that broke an assertion the contract inferred (x-evidence):
	// reported apart, not failures unless the run is strict.
	Deviations []steps.Deviation
	// Error is the failure message (secrets masked); empty when passed.
	Error string
	// Err is the failure itself, to tell a *validate.ContractError from an environment failure.
	Err error
	// Cassette is the scenario's cassette file.
	Cassette string
	// Exchanges are the scenario's requests and responses, in order.
	Exchanges []*validate.Exchange
	// Reproduce is a curl command repeating the last request of a failed scenario, secrets masked.
	Reproduce string
	// Cleanup lists what a live scenario left behind (a deletion that failed) and what it created
	// without the run id prefix (never deleted by the harness); secrets masked.
	Cleanup []string
	// LeftBehind is true when a deletion after the scenario failed.
	LeftBehind bool
}

// Result is the outcome of a run.
type Result struct {
	Scenarios []ScenarioResult
	Duration  time.Duration
	// Status is godog's exit status of the worst suite (0 ok, 1 failed, 2 bad options).
	Status int
	// Target is the live endpoint ("" in replay).
	Target string
	// RunIDs maps each API to the run id of this run: the prefix of every resource it created.
	RunIDs map[string]string
	// Preflight lists the APIs whose target failed its preflight: none of their scenarios ran.
	Preflight []*preflight.Error
	// Fixtures maps each API to the fixture variables of a live run (given and discovered).
	Fixtures map[string]map[string]string
}

// LeftBehind counts the scenarios after which a resource could not be deleted.
func (r *Result) LeftBehind() int {
	n := 0
	for _, s := range r.Scenarios {
		if s.LeftBehind {
			n++
		}
	}
	return n
}

// Passed counts passing scenarios; Failed the others.
func (r *Result) Passed() int {
	n := 0
	for _, s := range r.Scenarios {
		if s.Passed {
			n++
		}
	}
	return n
}

// Failed counts failing scenarios.
func (r *Result) Failed() int { return len(r.Scenarios) - r.Passed() }

// OK tells whether the run passed: at least one scenario, none failing, godog content.
func (r *Result) OK() bool {
	return r.Status == 0 && r.Failed() == 0 && len(r.Scenarios) > 0 && len(r.Preflight) == 0
}

// Summary is the one-line summary: "N passed, N failed".
func (r *Result) Summary() string { return fmt.Sprintf("%d passed, %d failed", r.Passed(), r.Failed()) }

// Mode returns the mode the configuration asks for.
func (c *Config) Mode() vcr.Mode {
	switch {
	case c.Target != "" && c.Record:
		return vcr.Record
	case c.Target != "":
		return vcr.Live
	default:
		return vcr.Replay
	}
}

// replayBase is the base URL of replayed requests: never dialled.
const replayBase = "http://replay.cloudcontract.invalid"

// Validate checks the configuration.
func (c *Config) Validate() error {
	if c.Record && c.Target == "" {
		return errors.New("--record needs --target URL: recording talks to a live endpoint")
	}
	if c.Target != "" {
		u, err := url.Parse(c.Target)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return fmt.Errorf("--target %q is not an http(s) URL", c.Target)
		}
	}
	if c.Concurrency < 0 {
		return fmt.Errorf("--concurrency %d: must be at least 1", c.Concurrency)
	}
	if _, err := ParseTags(c.Tags); err != nil {
		return fmt.Errorf("--tags: %w", err)
	}
	return nil
}

// Run runs the suites.
func Run(ctx context.Context, cfg Config) (*Result, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if cfg.Concurrency == 0 {
		cfg.Concurrency = 1
	}
	if cfg.Timeout == 0 {
		cfg.Timeout = 30 * time.Second
	}
	if cfg.MaxBody == 0 {
		cfg.MaxBody = 10 << 20
	}
	if cfg.Output == nil {
		cfg.Output = io.Discard
	}
	if cfg.Format == "" {
		cfg.Format = "progress"
	}
	reg := cfg.Registry
	if reg == nil {
		reg = spec.NewRegistry(cfg.SpecsDir)
	}
	apis := cfg.APIs
	if len(apis) == 0 {
		names, err := reg.Names()
		if err != nil {
			return nil, err
		}
		// "all" means every API that has features; a contract still without features is skipped.
		for _, n := range names {
			if _, err := os.Stat(filepath.Join(cfg.FeaturesDir, n)); err == nil {
				apis = append(apis, n)
			} else {
				fmt.Fprintf(cfg.Output, "skipping %s: no features in %s\n", n, filepath.Join(cfg.FeaturesDir, n))
			}
		}
	}
	res := &Result{Target: cfg.Target}
	start := time.Now()
	for _, name := range apis {
		err := runAPI(ctx, cfg, reg, name, len(apis) > 1, res)
		var pe *preflight.Error
		if errors.As(err, &pe) {
			res.Preflight = append(res.Preflight, pe)
			continue // the other APIs' targets may be fine
		}
		if err != nil {
			return res, err
		}
	}
	res.Duration = time.Since(start)
	if len(res.Preflight) > 0 {
		errs := make([]error, len(res.Preflight))
		for i, e := range res.Preflight {
			errs[i] = e
		}
		return res, errors.Join(errs...)
	}
	if len(res.Scenarios) == 0 {
		return res, errors.New("no scenario ran: check --api and --tags")
	}
	return res, nil
}

func runAPI(ctx context.Context, cfg Config, reg *spec.Registry, name string, several bool, res *Result) error {
	api, err := reg.Get(name)
	if err != nil {
		return err
	}
	featureDir := filepath.Join(cfg.FeaturesDir, name)
	if _, err := os.Stat(featureDir); err != nil {
		return fmt.Errorf("no features for API %s: %w", name, err)
	}
	if err := CheckFeatures(featureDir); err != nil {
		return err
	}
	mode := cfg.Mode()
	policy, creds := secrets(api, cfg.Credentials[name], mode == vcr.Replay || cfg.Simulated)
	vars := cfg.Vars[name]
	if mode != vcr.Replay && !cfg.SkipPreflight {
		needs, err := ScenarioNeeds(featureDir, cfg.Tags, api)
		if err != nil {
			return err
		}
		rep := preflight.Run(ctx, preflight.Config{
			API: api, Target: cfg.Target, Transport: cfg.Transport, Credentials: creds,
			Sets: needs.Sets, Fixtures: needs.Fixtures, Vars: vars, Timeout: cfg.Timeout, Policy: policy,
		})
		if err := rep.Err(name); err != nil {
			return err
		}
		vars = rep.Vars
		if res.Fixtures == nil {
			res.Fixtures = map[string]map[string]string{}
		}
		res.Fixtures[name] = vars
	}
	base := replayBase
	if mode != vcr.Replay {
		base = cfg.Target
	}
	baseURL, _ := url.Parse(base)
	var receiver *callback.Receiver
	if mode != vcr.Replay && declaresCallbacks(api) {
		if receiver, err = callback.Start(cfg.CallbackAddr, cfg.CallbackURL); err != nil {
			return err
		}
		defer receiver.Close()
	}
	runID := newRunID()
	res.setRunID(name, runID)
	if mode != vcr.Replay {
		fmt.Fprintf(cfg.Output, "%s: run id %s: what this run creates is named after it, and deleted after each scenario\n", name, runID)
	}
	factory := vcr.NewFactory(vcr.Options{
		RunID:      runID,
		Vars:       vars,
		Receiver:   receiver,
		KeepFailed: cfg.KeepFailed,
		Mode:       mode,
		Dir:        filepath.Join(cfg.CassettesDir, name),
		Real:       cfg.Transport,
		Policy:     policy,
		Header:     fmt.Sprintf("# cloudcontract %s cassette: api=%s spec-sha256=%s\n", cfg.Version, name, api.Hash),
		RecordHint: fmt.Sprintf("record it with: cloudcontract run --api %s --record --target URL", name),
	})
	pollInterval := 200 * time.Millisecond
	if api.Harness.PollInterval != "" {
		if pollInterval, err = time.ParseDuration(api.Harness.PollInterval); err != nil {
			return fmt.Errorf("%s harness.yaml poll_interval: %w", name, err)
		}
	}
	validator := validate.New(api)
	validator.Strict = cfg.Strict
	env := &steps.Env{
		API: api, Validator: validator, Sessions: factory, BaseURL: baseURL,
		Credentials: creds, Wait: pacer(mode), PollInterval: pollInterval, Timeout: cfg.Timeout,
		MaxBody: cfg.MaxBody, Policy: policy, RunID: runID, Retries: retries(cfg.Retries),
	}
	col := &collector{api: name, policy: policy}
	suite := godog.TestSuite{
		Name:                name,
		ScenarioInitializer: func(sc *godog.ScenarioContext) { steps.Register(sc, env, col) },
		Options: &godog.Options{
			Format:         formatFor(cfg.Format, name, several),
			Paths:          []string{featureDir},
			Tags:           cfg.Tags,
			Concurrency:    cfg.Concurrency,
			Strict:         true,
			Randomize:      cfg.Randomize,
			Output:         &maskingWriter{w: cfg.Output, policy: policy},
			NoColors:       true,
			DefaultContext: ctx,
		},
	}
	status := suite.Run()
	if status > res.Status {
		res.Status = status
	}
	sort.SliceStable(col.results, func(i, j int) bool {
		if col.results[i].Feature != col.results[j].Feature {
			return col.results[i].Feature < col.results[j].Feature
		}
		return col.results[i].Name < col.results[j].Name
	})
	res.Scenarios = append(res.Scenarios, col.results...)
	if status == 2 {
		return fmt.Errorf("%s: godog could not run the features in %s (bad feature file or options; see the output above)", name, featureDir)
	}
	return nil
}

// secrets returns the redaction policy of an API (its secret fields, the credentials' values) and
// its credentials: the contract's defaults overridden by the configured ones.
func secrets(api *spec.API, override map[string]spec.Credential, defaults bool) (*redact.Policy, map[string]spec.Credential) {
	fields, containers := api.SecretFields()
	policy := redact.New(append(append([]string{}, api.Harness.SecretFields...), fields...)...).WithContainers(containers...)
	creds := map[string]spec.Credential{}
	if defaults {
		for k, v := range api.Harness.Credentials {
			creds[k] = v
			policy.AddValues(v.Password, v.Token) // the simulators' defaults are secrets too
		}
	}
	for k, v := range override {
		c := creds[k] // a simulator's default fills the fields the user left empty
		if v.Username != "" {
			c.Username = v.Username
		}
		if v.Password != "" {
			c.Password = v.Password
		}
		if v.Token != "" {
			c.Token = v.Token
		}
		creds[k] = c
	}
	for _, c := range creds {
		policy.AddValues(c.Password, c.Token)
	}
	return policy, creds
}

func retries(n int) int {
	switch {
	case n < 0:
		return 0
	case n == 0:
		return 2
	}
	return n
}

// Environment counts the failures that are environment failures (the API could not be reached,
// answered too slowly or too much, or said it was unavailable), not contract failures.
func (r *Result) Environment() int {
	n := 0
	for _, s := range r.Scenarios {
		if !s.Passed && s.Kind == KindEnvironment {
			n++
		}
	}
	return n
}

// Deviations counts the deviations from inferred behaviour over every scenario.
func (r *Result) Deviations() int {
	n := 0
	for _, s := range r.Scenarios {
		n += len(s.Deviations)
	}
	return n
}
func declaresCallbacks(api *spec.API) bool {
	for _, op := range api.Operations() {
		if len(op.Op.Callbacks) > 0 {
			return true
		}
	}
	return false
}

// pacer is the only place the mode decides a behaviour of steps: replay never sleeps.
func pacer(mode vcr.Mode) func(context.Context, time.Duration) error {
	if mode == vcr.Replay {
		return func(ctx context.Context, _ time.Duration) error { return interrupted(ctx.Err()) }
	}
	return func(ctx context.Context, d time.Duration) error {
		t := time.NewTimer(d)
		defer t.Stop()
		select {
		case <-ctx.Done():
			return interrupted(ctx.Err())
		case <-t.C:
			return nil
		}
	}
}

// interrupted names a cancelled run (SIGINT) in a step's error.
func interrupted(err error) error {
	if errors.Is(err, context.Canceled) {
		return fmt.Errorf("the run was interrupted: %w", err)
	}
	return err
}

// formatFor gives each API its own report file when several APIs run (junit:out.xml becomes
// out-ukcloud.xml).
func formatFor(format, api string, several bool) string {
	if !several {
		return format
	}
	parts := strings.Split(format, ",")
	for i, p := range parts {
		kind, file, ok := strings.Cut(p, ":")
		if !ok || file == "" {
			continue
		}
		ext := filepath.Ext(file)
		parts[i] = kind + ":" + strings.TrimSuffix(file, ext) + "-" + api + ext
	}
	return strings.Join(parts, ",")
}

func (r *Result) setRunID(api, id string) {
	if r.RunIDs == nil {
		r.RunIDs = map[string]string{}
	}
	r.RunIDs[api] = id
}

func newRunID() string {
	b := make([]byte, 4)
	_, _ = rand.Read(b)
	return "cc" + hex.EncodeToString(b)
}

type collector struct {
	api     string
	policy  *redact.Policy
	mu      sync.Mutex
	results []ScenarioResult
}

// ScenarioDone records the outcome of a scenario (steps.Hooks).
func (c *collector) ScenarioDone(s *steps.Scenario, sc *godog.Scenario, err error) {
	r := ScenarioResult{API: c.api, Feature: sc.Uri, Name: sc.Name, Passed: err == nil, Err: err, Kind: KindOf(err)}
	if err != nil {
		r.Error = c.policy.String(err.Error())
		var ce *validate.ContractError
		if errors.As(err, &ce) {
			masked := *ce
			masked.RequestLine = c.policy.String(ce.RequestLine)
			masked.Problems = c.maskProblems(ce.Problems)
			masked.Deviations = c.maskProblems(ce.Deviations)
			r.Contract = &masked
		}
	}
	if s != nil {
		r.Exchanges = s.Exchanges
		for _, d := range s.Deviations {
			d.Problem = c.maskProblems([]validate.Problem{d.Problem})[0]
			d.RequestLine = c.policy.String(d.RequestLine)
			r.Deviations = append(r.Deviations, d)
		}
		for _, n := range s.CleanupNotes {
			r.Cleanup = append(r.Cleanup, c.policy.String(n))
			r.LeftBehind = r.LeftBehind || strings.HasPrefix(n, "left behind")
		}
		r.Cassette = s.CassettePath()
		if err != nil && len(s.Exchanges) > 0 {
			last := *s.Exchanges[len(s.Exchanges)-1]
			last.RequestHeader = c.policy.Header(last.RequestHeader)
			last.RequestBody = c.policy.Body(last.RequestHeader.Get("Content-Type"), last.RequestBody)
			u := *last.URL
			u.RawQuery = c.policy.Query(u.RawQuery)
			last.URL = &u
			r.Reproduce = c.policy.String(report.Curl(&last))
		}
	}
	c.mu.Lock()
	c.results = append(c.results, r)
	c.mu.Unlock()
}

// maskProblems returns copies of problems with known secrets masked in every text.
func (c *collector) maskProblems(ps []validate.Problem) []validate.Problem {
	out := make([]validate.Problem, len(ps))
	for i, p := range ps {
		p.Message, p.Expected, p.Actual = c.policy.String(p.Message), c.policy.String(p.Expected), c.policy.String(p.Actual)
		out[i] = p
	}
	return out
}

// maskingWriter masks known secrets in godog's output.
type maskingWriter struct {
	w      io.Writer
	policy *redact.Policy
	mu     sync.Mutex
}

// Write implements io.Writer.
func (m *maskingWriter) Write(p []byte) (int, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, err := io.WriteString(m.w, m.policy.String(string(p))); err != nil {
		return 0, err
	}
	return len(p), nil
}
