// Package runner runs the godog suites of one or more APIs: it loads each contract once, builds
// the transport for the chosen mode once, runs the scenarios (concurrently when asked) with Strict
// on, and collects a result per scenario.
package runner

import (
	"bytes"
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
	"regexp"
	"runtime"
	"slices"
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
	// Paths select feature files or folders under FeaturesDir/<api>/, a file optionally with
	// ":LINE" (any line of a scenario selects it); empty means every feature of the APIs. When
	// APIs is empty, the paths give the APIs.
	Paths []string
	// Shard, when active, runs only one part of the selected scenarios (see Shard).
	Shard Shard
	// Name is a regular expression selecting scenarios by name (an outline runs whole when the
	// name of one of its examples matches).
	Name string
	// Concurrency is the number of scenarios run at once (default 1).
	Concurrency int
	// Format is godog's output format (pretty, progress, junit:FILE, cucumber:FILE; several
	// separated by commas).
	Format string
	// Output receives godog's output.
	Output io.Writer
	// Progress, when set, receives a line when a live step waits long (a documented wait, a long
	// poll), and then every half minute while it lasts (stderr; replay never waits).
	Progress io.Writer
	// Randomize shuffles scenarios with this seed (0: file order; -1: a random seed).
	Randomize int64
	// Timeout bounds each request (default 30s).
	Timeout time.Duration
	// PollInterval is the pause between two attempts of a poll; 0 keeps each API's own
	// (harness.yaml poll_interval, quick for its simulator). A real cloud needs longer.
	PollInterval time.Duration
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
	// KeepExchanges keeps every exchange of every scenario on its result (for tools that study
	// them, such as mutate); otherwise a result keeps none, and a run's memory does not grow with
	// its bodies.
	KeepExchanges bool
	// WrapTransport, when set, wraps the transport of each scenario (see vcr.Options.Wrap).
	WrapTransport func(featureURI, scenario string, rt http.RoundTripper) http.RoundTripper
}

// Kind says what a failed scenario's failure is, decided once, where the scenario ends.
type Kind string

// The kinds of failure.
const (
	// KindContract: a response broke an assertion the document states.
	KindContract Kind = "contract"
	// KindAssertion: a step of the scenario did not hold.
	KindAssertion Kind = "assertion"
	// KindUndefined: a step of the scenario is not in the vocabulary.
	KindUndefined Kind = "undefined step"
	// KindEnvironment: the API could not be reached, answered too slowly or too much, or said it
	// (or the way to it) was unavailable; its contract could not be judged.
	KindEnvironment Kind = "environment"
)

// KindOf classifies a scenario's error ("" for none).
func KindOf(err error) Kind {
	var ee *steps.EnvironmentError
	var ce *validate.ContractError
	var ue *steps.UndefinedStep
	switch {
	case err == nil:
		return ""
	case errors.As(err, &ue):
		return KindUndefined
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
	// NotRun is true when the run was interrupted before the scenario started, or while it ran
	// (its error is the interruption): neither passed nor failed.
	NotRun bool
	// Skipped says why a selected scenario did not run, when it needs a vendor-side fixture the
	// run does not have ("vendor side: set maintenance_target to run"): neither passed nor
	// failed, and the run still passes.
	Skipped string
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
	// EmptyShard is true when the run is one part of a split run that holds no scenario (more
	// parts than scenarios): not a failure.
	EmptyShard bool
	// Interrupted is true when the run's context was cancelled (Ctrl-C, SIGTERM) before it ended.
	Interrupted bool
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

// Passed counts passing scenarios.
func (r *Result) Passed() int {
	n := 0
	for _, s := range r.Scenarios {
		if s.Passed {
			n++
		}
	}
	return n
}

// NotRun counts the scenarios an interruption kept from running or ending.
func (r *Result) NotRun() int {
	n := 0
	for _, s := range r.Scenarios {
		if s.NotRun {
			n++
		}
	}
	return n
}

// Skipped counts the scenarios that did not run for want of a vendor-side fixture.
func (r *Result) Skipped() int {
	n := 0
	for _, s := range r.Scenarios {
		if s.Skipped != "" {
			n++
		}
	}
	return n
}

// Failed counts failing scenarios: neither passed, nor not run, nor skipped.
func (r *Result) Failed() int { return len(r.Scenarios) - r.Passed() - r.NotRun() - r.Skipped() }

// OK tells whether the run passed: at least one scenario, none failing or not run, godog
// content, not interrupted.
func (r *Result) OK() bool {
	return r.Status == 0 && r.Failed() == 0 && r.NotRun() == 0 && !r.Interrupted && (len(r.Scenarios) > 0 || r.EmptyShard) && len(r.Preflight) == 0
}

// Summary is the one-line summary CI parses: "N passed, N failed", followed by ", N not run"
// when an interruption kept scenarios from running, and by ", N not run (REASON)" for each
// reason scenarios were skipped (a vendor-side fixture the run does not have).
func (r *Result) Summary() string {
	s := fmt.Sprintf("%d passed, %d failed", r.Passed(), r.Failed())
	if n := r.NotRun(); n > 0 {
		s += fmt.Sprintf(", %d not run", n)
	}
	skipped := map[string]int{}
	var reasons []string
	for _, sc := range r.Scenarios {
		if sc.Skipped != "" {
			if skipped[sc.Skipped] == 0 {
				reasons = append(reasons, sc.Skipped)
			}
			skipped[sc.Skipped]++
		}
	}
	sort.Strings(reasons)
	// Reasons of one kind ("vendor side: set X to run" for several X) are summed into one, which
	// names how many fixtures are missing (the preflight names each).
	kinds := map[string][]string{}
	var order []string
	for _, why := range reasons {
		kind, _, _ := strings.Cut(why, ": ")
		if len(kinds[kind]) == 0 {
			order = append(order, kind)
		}
		kinds[kind] = append(kinds[kind], why)
	}
	for _, kind := range order {
		whys := kinds[kind]
		if len(whys) == 1 {
			s += fmt.Sprintf(", %d not run (%s)", skipped[whys[0]], whys[0])
			continue
		}
		n := 0
		for _, why := range whys {
			n += skipped[why]
		}
		s += fmt.Sprintf(", %d not run (%s: %d fixtures unset, named by the preflight)", n, kind, len(whys))
	}
	return s
}

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

// ErrNoScenario is the error of a run whose selection holds no scenario.
var ErrNoScenario = errors.New("no scenario ran: check --api, --tags, --name and the feature paths")

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
	if err := CheckTags(c.Tags); err != nil {
		return err
	}
	if c.PollInterval < 0 {
		return fmt.Errorf("--poll-interval %s: must be positive (0: each API's own)", c.PollInterval)
	}
	if _, err := regexp.Compile(c.Name); err != nil {
		return fmt.Errorf("--name %q: %v", c.Name, err)
	}
	by, order, err := pathsByAPI(c.FeaturesDir, c.Paths)
	if err != nil {
		return err
	}
	for _, a := range order {
		if len(c.APIs) > 0 && !slices.Contains(c.APIs, a) {
			return fmt.Errorf("%s is a feature of API %s, which --api does not select", by[a][0], a)
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
		if cfg.Mode() == vcr.Replay {
			cfg.Concurrency = runtime.NumCPU() // offline and independent: no target to spare
		}
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
	sel := selection{name: regexp.MustCompile(cfg.Name)}
	if cfg.Name == "" {
		sel.name = nil
	}
	if len(cfg.Paths) > 0 {
		by, order, err := pathsByAPI(cfg.FeaturesDir, cfg.Paths)
		if err != nil {
			return nil, err
		}
		if len(apis) == 0 {
			apis = order
		}
		sel.paths = by
	}
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
	if cfg.Shard.Active() {
		if sel.paths == nil {
			sel.paths = map[string][]string{}
		}
		for _, name := range apis {
			part, err := shardPaths(cfg.Shard, filepath.Join(cfg.FeaturesDir, name), filepath.Join(cfg.CassettesDir, name), sel.paths[name])
			if err != nil {
				return nil, err
			}
			sel.paths[name] = part
		}
	}
	res := &Result{Target: cfg.Target}
	start := time.Now()
	reports := NewReports(cfg.Format, len(apis) > 1)
	for _, name := range apis {
		format, err := reports.Format(name)
		if err != nil {
			return res, err
		}
		err = runAPI(ctx, cfg, reg, name, sel, format, len(apis) > 1, res)
		var pe *preflight.Error
		if errors.As(err, &pe) {
			res.Preflight = append(res.Preflight, pe)
			continue // the other APIs' targets may be fine
		}
		if err != nil {
			_ = reports.Close(nil)
			return res, err
		}
	}
	if err := reports.Close(cfg.Output); err != nil {
		return res, err
	}
	res.Duration = time.Since(start)
	res.Interrupted = ctx.Err() != nil
	if len(res.Preflight) > 0 {
		errs := make([]error, len(res.Preflight))
		for i, e := range res.Preflight {
			errs[i] = e
		}
		return res, errors.Join(errs...)
	}
	if len(res.Scenarios) == 0 && !res.Interrupted && cfg.Shard.Active() {
		res.EmptyShard = true
		return res, nil
	}
	if len(res.Scenarios) == 0 && !res.Interrupted {
		return res, ErrNoScenario
	}
	return res, nil
}

// selection is what the run selects beside tags: paths by API (nil: every feature), and a name.
type selection struct {
	paths map[string][]string
	name  *regexp.Regexp
}

func runAPI(ctx context.Context, cfg Config, reg *spec.Registry, name string, sel selection, format string, several bool, res *Result) error {
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
	paths := []string{featureDir}
	if sel.paths != nil {
		paths = sel.paths[name]
	}
	paths, err = godogPaths(paths, sel.name)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		return nil // nothing of this API is selected
	}
	if several && PrintsToOutput(format) {
		fmt.Fprintf(cfg.Output, "%s:\n", name) // which API the progress below belongs to
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
	var vendorSide []string
	for _, f := range api.Harness.Fixtures {
		if f.VendorSide {
			vendorSide = append(vendorSide, f.Name)
		}
	}
	factory := vcr.NewFactory(vcr.Options{
		RunID:      runID,
		Vars:       vars,
		VendorSide: vendorSide,
		Receiver:   receiver,
		KeepFailed: cfg.KeepFailed,
		Mode:       mode,
		Dir:        filepath.Join(cfg.CassettesDir, name),
		Real:       cfg.Transport,
		Policy:     policy,
		Header:     fmt.Sprintf("# cloudcontract %s cassette: api=%s spec-sha256=%s\n", cfg.Version, name, api.Hash),
		RecordHint: fmt.Sprintf("record it with: cloudcontract run --api %s --record --target URL", name),
		Wrap:       cfg.WrapTransport,
	})
	pollInterval, err := PollInterval(cfg.PollInterval, api.Harness.PollInterval)
	if err != nil {
		return fmt.Errorf("%s harness.yaml %w", name, err)
	}
	validator := validate.New(api)
	validator.Strict = cfg.Strict
	env := &steps.Env{
		API: api, Validator: validator, Sessions: factory, BaseURL: baseURL,
		Credentials: creds, Wait: pacer(mode, cfg.Progress), PollInterval: pollInterval, Timeout: cfg.Timeout,
		MaxBody: cfg.MaxBody, Policy: policy, RunID: runID, Retries: retries(cfg.Retries),
	}
	col := &collector{api: name, policy: policy, run: ctx, keep: cfg.KeepExchanges}
	out := &maskingWriter{w: cfg.Output, policy: policy, run: ctx}
	suite := godog.TestSuite{
		Name: name,
		ScenarioInitializer: func(sc *godog.ScenarioContext) {
			scenarioHooks(sc, name, col)
			steps.Register(sc, env, col)
		},
		Options: &godog.Options{
			Format:         format,
			Paths:          paths,
			Tags:           cfg.Tags,
			Concurrency:    cfg.Concurrency,
			Strict:         true,
			Randomize:      cfg.Randomize,
			Output:         out,
			NoColors:       true,
			DefaultContext: ctx,
		},
	}
	status := suite.Run()
	if err := out.Flush(); err != nil {
		return err
	}
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

// interruptedText says, in the error of a step or a scenario, that the run was interrupted.
const interruptedText = "the run was interrupted"

// interrupted names a cancelled run (SIGINT) in a step's error.
func interrupted(err error) error {
	if errors.Is(err, context.Canceled) {
		return fmt.Errorf("%s: %w", interruptedText, err)
	}
	return err
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
	api    string
	policy *redact.Policy
	keep   bool // keep the exchanges on the results
	// run is the run's context: once it is cancelled, a scenario that did not start, or whose
	// error is the interruption, is not run rather than failed.
	run context.Context
	// undefined holds the first undefined step of each scenario, by pickle id; features caches
	// the undefined steps of each feature file.
	undefined map[string]*steps.UndefinedStep
	features  map[string][]*steps.UndefinedStep
	mu        sync.Mutex
	results   []ScenarioResult
}

// ScenarioDone records the outcome of a scenario (steps.Hooks).
func (c *collector) ScenarioDone(s *steps.Scenario, sc *godog.Scenario, err error) {
	c.mu.Lock()
	if u := c.undefined[sc.Id]; u != nil && err != nil {
		err = u // godog says only "step is undefined"
	}
	c.mu.Unlock()
	feature, _, _ := splitLine(sc.Uri) // a scenario selected by line is still of its file
	r := ScenarioResult{API: c.api, Feature: feature, Name: sc.Name, Passed: err == nil, Err: err}
	switch {
	case s != nil && s.NotRun != "" && (err == nil || errors.Is(err, godog.ErrSkip)):
		r.Passed, r.Err, r.Skipped, err = false, nil, s.NotRun, nil
	case err != nil && c.run != nil && c.run.Err() != nil && (s == nil || errors.Is(err, context.Canceled)):
		r.NotRun = true
	default:
		r.Kind = KindOf(err)
	}
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
		if c.keep {
			r.Exchanges = s.Exchanges
		}
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
		var undefined *steps.UndefinedStep
		if err != nil && len(s.Exchanges) > 0 && !errors.As(err, &undefined) {
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

// undefinedStep notes the first undefined step of a scenario, found in its feature file.
func (c *collector) undefinedStep(sc *godog.Scenario, st *godog.Step) {
	file, _, _ := splitLine(sc.Uri)
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.undefined == nil {
		c.undefined, c.features = map[string]*steps.UndefinedStep{}, map[string][]*steps.UndefinedStep{}
	}
	if c.undefined[sc.Id] != nil {
		return
	}
	found, ok := c.features[file]
	if !ok {
		found, _ = steps.UndefinedSteps(file) // the file parsed for godog: it parses again
		c.features[file] = found
	}
	u := &steps.UndefinedStep{File: file, Text: st.Text, Suggestions: steps.Suggest(st.Text, 3)}
	for _, f := range found {
		if f.Text == st.Text {
			u = f
			break
		}
	}
	c.undefined[sc.Id] = u
}

// maskingWriter masks known secrets in godog's output, and leaves out the Go snippets godog
// suggests for undefined steps: a suite of this harness does not define steps, and the failure
// of each scenario names the undefined step and the closest steps of the vocabulary.
//
// godog writes its output a rune at a time (colors.Uncolored), so the writer works on whole
// lines: a secret or a heading is only seen whole in a line. A partial line of progress marks
// (".", "F", "-", "U", "P", "A") is written at once, so the progress shows live.
//
// Once the run is interrupted, the scenarios the interruption stopped or kept from starting are
// left out of godog's "Failed steps": they are not run, not failed.
type maskingWriter struct {
	w        io.Writer
	policy   *redact.Policy
	run      context.Context
	mu       sync.Mutex
	line     []byte
	snippets bool     // true once godog has begun its snippets, the last part of its summary
	failed   []string // godog's "Failed steps" section, held until it ends
}

// snippetsHeading is the line with which godog's summary begins the snippets.
const snippetsHeading = "You can implement step definitions for undefined steps with these snippets:"

// Write implements io.Writer.
func (m *maskingWriter) Write(p []byte) (int, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.line = append(m.line, p...)
	for {
		i := bytes.IndexByte(m.line, '\n')
		if i < 0 {
			break
		}
		line := string(m.line[:i+1])
		m.line = m.line[i+1:]
		if err := m.emit(line); err != nil {
			return 0, err
		}
	}
	// A partial line of progress marks is written at once; "-", "--" and "---" may begin the
	// heading of godog's failed steps, so they wait for the next character.
	if marks := string(m.line); len(marks) > 0 && strings.Trim(marks, ".F-UPA") == "" && strings.Trim(marks, "-") != "" {
		line := string(m.line)
		m.line = m.line[:0]
		if err := m.emit(line); err != nil {
			return 0, err
		}
	}
	return len(p), nil
}

// Flush writes what is left.
func (m *maskingWriter) Flush() error {
	m.mu.Lock()
	defer m.mu.Unlock()
	line := string(m.line)
	m.line = nil
	if err := m.emit(line); err != nil {
		return err
	}
	return m.endFailed()
}

// failedHeading begins godog's list of failed steps: groups of indented lines (scenario, step,
// error) separated by blank lines.
const failedHeading = "--- Failed steps:"

func (m *maskingWriter) emit(text string) error {
	if strings.Contains(text, snippetsHeading) {
		m.snippets = true
	}
	if m.snippets || text == "" {
		return nil
	}
	if m.failed != nil {
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, " ") {
			m.failed = append(m.failed, text)
			return nil
		}
		if err := m.endFailed(); err != nil {
			return err
		}
	}
	if strings.HasPrefix(text, failedHeading) && m.run != nil {
		m.failed = []string{text}
		return nil
	}
	_, err := io.WriteString(m.w, m.policy.String(text))
	return err
}

// endFailed writes the "Failed steps" section held, without the steps the interruption stopped
// once the run is interrupted.
func (m *maskingWriter) endFailed() error {
	if m.failed == nil {
		return nil
	}
	lines := m.failed
	m.failed = nil
	var groups [][]string
	var group []string
	for _, l := range append(lines[1:], "\n") {
		if strings.TrimSpace(l) != "" {
			group = append(group, l)
			continue
		}
		if group != nil {
			groups = append(groups, group)
			group = nil
		}
	}
	var out strings.Builder
	for _, g := range groups {
		if m.run.Err() != nil && strings.Contains(strings.Join(g, ""), interruptedText) {
			continue
		}
		out.WriteString("\n" + strings.Join(g, ""))
	}
	text := "\n"
	if out.Len() > 0 {
		text = lines[0] + out.String() + "\n\n"
	}
	_, err := io.WriteString(m.w, m.policy.String(text))
	return err
}

// DefaultPollInterval is the pause between two attempts of a poll of an API whose harness.yaml
// gives none.
const DefaultPollInterval = 200 * time.Millisecond

// PollInterval is the pause between two attempts of a poll: the run's when given, else the API's
// harness.yaml poll_interval, else DefaultPollInterval.
func PollInterval(given time.Duration, harness string) (time.Duration, error) {
	if given > 0 {
		return given, nil
	}
	if harness == "" {
		return DefaultPollInterval, nil
	}
	d, err := time.ParseDuration(harness)
	if err != nil || d <= 0 {
		return 0, fmt.Errorf("poll_interval %q: expected a positive duration (e.g. 500ms)", harness)
	}
	return d, nil
}
