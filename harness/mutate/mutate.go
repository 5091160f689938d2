// Package mutate measures the strength of a suite: it replays the suite (or runs it against a
// fresh simulator) while breaking, one at a time, the contract of one response ("a mutant"), and
// tells which breaks no scenario notices.
//
// The suite first runs unchanged. For each operation, one success of a passing scenario is the
// site of its success mutants, and one other answer the site of its error mutants (a suite checks
// REASON codes and error statuses apart): the operation's first such exchange in a scenario, in
// the scenario carrying the fewest mutants so far (chooseSites). The mutants are generic
// (Generator: status, media type, headers, body fields, XML namespaces, REASON codes, paging
// attributes). Each mutant is applied by wrapping the transport of the scenario that made the
// exchange (runner.Config.WrapTransport), and only the scenarios concerned run: every scenario
// carries at most one mutant per round, so the rounds are as many as the mutants of the busiest
// scenario. The mutated response is also given to the validator: when the contract accepts it,
// the mutant is equivalent (no suite could be blamed); when it rejects it and no scenario failed,
// the mutant survives, and the validator's problems say what check the suite lacks.
package mutate

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"time"

	gherkin "github.com/cucumber/gherkin/go/v26"
	messages "github.com/cucumber/messages/go/v21"

	"github.com/cloudcontract/cloudcontract/harness/runner"
	"github.com/cloudcontract/cloudcontract/harness/spec"
	"github.com/cloudcontract/cloudcontract/harness/validate"
)

// DefaultMaxPerOp is the number of fields each body operator addresses per operation.
const DefaultMaxPerOp = 2

// DefaultSeed chooses the fields when no seed is given.
const DefaultSeed = 1

// Config is one mutation run of one API.
type Config struct {
	// Runner runs the suite: one API, replay (no Target) or a live target such as a fresh
	// simulator. Its Paths, WrapTransport and Output are set by Run.
	Runner runner.Config
	// MaxPerOp bounds the fields each body operator addresses per operation (negative: all).
	MaxPerOp int
	// Seed chooses those fields.
	Seed uint64
	// Parallel is the number of rounds run at once (default 1); each round runs its scenarios
	// with Runner.Concurrency.
	Parallel int
	// Progress, when set, receives a line per round.
	Progress io.Writer
}

// Verdict is what became of a mutant.
type Verdict string

// The verdicts.
const (
	// Caught: a scenario failed.
	Caught Verdict = "caught"
	// Equivalent: no scenario failed, and the contract allows the mutated response.
	Equivalent Verdict = "equivalent"
	// Survivor: no scenario failed, and the contract forbids the mutated response.
	Survivor Verdict = "survivor"
	// NotApplied: the scenario did not make the exchange again (a live target answered
	// differently), so the mutant says nothing.
	NotApplied Verdict = "not-applied"
)

// Mutant is one mutation of one exchange, and its outcome.
type Mutant struct {
	// Operation is the operation id of the exchange.
	Operation string `json:"operation"`
	// Feature and Scenario name the scenario that made the exchange.
	Feature  string `json:"feature"`
	Scenario string `json:"scenario"`
	// Request is the request line; Status the status it was answered with.
	Request  string   `json:"request"`
	Status   int      `json:"status"`
	Mutation Mutation `json:"mutation"`
	Verdict  Verdict  `json:"verdict"`
	// Failure is how the scenario failed (caught mutants): its kind and first line.
	Failure string `json:"failure,omitempty"`
	// Problems are the validator's problems with the mutated response: why the mutant is not
	// equivalent. Deviations are the problems with inferred assertions (x-evidence): shown, and
	// counted as equivalent.
	Problems   []string `json:"problems,omitempty"`
	Deviations []string `json:"deviations,omitempty"`
	// Reason says why a mutant was not applied.
	Reason string `json:"reason,omitempty"`

	op       *spec.Operation
	nth      int
	key      scenarioKey
	exchange *validate.Exchange // the mutated exchange, as the scenario received it
	applyErr error
	applied  bool
}

// site is the exchange of an operation that carries its mutants.
type site struct {
	key      scenarioKey
	scenario string
	x        *validate.Exchange
	nth      int // the exchange is the nth of its operation in the scenario
	length   int // exchanges of the scenario
	// mutations are the site's mutants, once chosen.
	mutations []Mutation
}

// siteKey is what a site stands for: an operation's successes, or its other answers (errors,
// whose REASON codes and statuses a suite checks apart).
type siteKey struct {
	op      *spec.Operation
	success bool
}

// chooseSites gives each operation's successes and errors the exchange that carries their
// mutants: the scenario carrying the fewest mutants so far (then the shortest), so that the
// rounds, as many as the mutants of the busiest scenario, stay few. Keys exercised by fewer
// scenarios choose first; every choice is deterministic.
func chooseSites(order []siteKey, cands map[siteKey][]site, mutations func(*spec.Operation, site) []Mutation) map[siteKey]site {
	byChoice := append([]siteKey(nil), order...)
	sort.SliceStable(byChoice, func(i, j int) bool { return len(cands[byChoice[i]]) < len(cands[byChoice[j]]) })
	load := map[scenarioKey]int{}
	out := map[siteKey]site{}
	for _, k := range byChoice {
		best := cands[k][0]
		for _, c := range cands[k][1:] {
			if load[c.key] < load[best.key] || (load[c.key] == load[best.key] && c.length < best.length) {
				best = c
			}
		}
		best.mutations = mutations(k.op, best)
		load[best.key] += len(best.mutations)
		out[k] = best
	}
	return out
}

// scenarioKey names a scenario across runs: its feature file (without a godog :line) and name.
type scenarioKey struct{ feature, name string }

var lineSuffix = regexp.MustCompile(`:\d+$`)

func keyOf(featureURI, name string) scenarioKey {
	return scenarioKey{feature: filepath.ToSlash(filepath.Clean(lineSuffix.ReplaceAllString(featureURI, ""))), name: name}
}

// Run runs the suite unchanged, then each mutant, and returns the report.
func Run(ctx context.Context, cfg Config) (*Report, error) {
	rc := cfg.Runner
	rc.KeepExchanges = true // the mutants sit on the exchanges of the unchanged run
	if len(rc.APIs) != 1 {
		return nil, errors.New("mutate runs the suite of one API at a time")
	}
	name := rc.APIs[0]
	if rc.Registry == nil {
		rc.Registry = spec.NewRegistry(rc.SpecsDir)
	}
	api, err := rc.Registry.Get(name)
	if err != nil {
		return nil, err
	}
	rc.Output = io.Discard
	rc.Format = "progress"
	rc.Paths, rc.WrapTransport = nil, nil
	start := time.Now()
	base, err := runner.Run(ctx, rc)
	if err != nil {
		return nil, fmt.Errorf("%s: the unchanged suite did not run: %w", name, err)
	}
	if rc.Target != "" {
		// The target passed its preflight once; the rounds reuse what it discovered.
		rc.SkipPreflight = true
		if v := base.Fixtures[name]; v != nil {
			rc.Vars = map[string]map[string]string{name: v}
		}
	}
	rep := &Report{API: name, Target: rc.Target, MaxPerOp: cfg.MaxPerOp, Seed: cfg.Seed}
	if rep.Target == "" {
		rep.Target = "replay"
	}
	lines, err := scenarioLines(filepath.Join(rc.FeaturesDir, name))
	if err != nil {
		return nil, err
	}
	gen := &Generator{API: api, MaxPerOp: cfg.MaxPerOp, Seed: cfg.Seed}
	cands, order := map[siteKey][]site{}, []siteKey{}
	for _, s := range base.Scenarios {
		key := keyOf(s.Feature, s.Name)
		if !s.Passed {
			rep.Excluded = append(rep.Excluded, fmt.Sprintf("%s: %s", key.feature, s.Name))
			continue
		}
		rep.Scenarios++
		if _, ok := lines[key]; !ok {
			continue
		}
		nth, mine := map[*spec.Operation]int{}, map[siteKey]bool{}
		for _, x := range s.Exchanges {
			op, _, err := api.Find(x.Method, x.URL.Path, x.URL.RawQuery)
			if err != nil {
				continue
			}
			nth[op]++
			k := siteKey{op: op, success: x.Status/100 == 2}
			if mine[k] {
				continue // the first success and the first error of the operation in each scenario
			}
			mine[k] = true
			if _, known := cands[k]; !known {
				order = append(order, k)
			}
			cands[k] = append(cands[k], site{key: key, scenario: s.Name, x: x, nth: nth[op], length: len(s.Exchanges)})
		}
	}
	// An operation's mutants together, its successes first, operations in the order the suite
	// first exercises them.
	opIndex := map[*spec.Operation]int{}
	for _, k := range order {
		if _, ok := opIndex[k.op]; !ok {
			opIndex[k.op] = len(opIndex)
		}
	}
	sort.SliceStable(order, func(i, j int) bool {
		a, b := order[i], order[j]
		if opIndex[a.op] != opIndex[b.op] {
			return opIndex[a.op] < opIndex[b.op]
		}
		return a.success && !b.success
	})
	sites := chooseSites(order, cands, func(op *spec.Operation, st site) []Mutation {
		var out []Mutation
		for _, m := range gen.Mutations(op, st.x) {
			probe := Response{Status: st.x.Status, Header: st.x.Header, Body: st.x.Body}
			if m.Apply(&probe) == nil { // else nothing to break here
				out = append(out, m)
			}
		}
		return out
	})
	for _, k := range order {
		st := sites[k]
		for _, m := range st.mutations {
			rep.Mutants = append(rep.Mutants, &Mutant{
				Operation: k.op.ID, Feature: st.key.feature, Scenario: st.scenario, Request: st.x.RequestLine(),
				Status: st.x.Status, Mutation: m, op: k.op, key: st.key, nth: st.nth,
			})
		}
	}
	for _, op := range api.Operations() {
		if _, ok := opIndex[op]; !ok {
			rep.Unexercised = append(rep.Unexercised, op.ID)
		}
	}
	sort.Strings(rep.Unexercised)

	byScenario := map[scenarioKey][]*Mutant{}
	for _, m := range rep.Mutants {
		byScenario[m.key] = append(byScenario[m.key], m)
	}
	var rounds []map[scenarioKey]*Mutant
	for round := 0; ; round++ {
		active := map[scenarioKey]*Mutant{}
		for k, ms := range byScenario {
			if round < len(ms) {
				active[k] = ms[round]
			}
		}
		if len(active) == 0 {
			break
		}
		rounds = append(rounds, active)
	}
	rep.Rounds = len(rounds)
	if err := runRounds(ctx, cfg, rc, api, rounds, lines); err != nil {
		return nil, err
	}
	v := validate.New(api)
	for _, m := range rep.Mutants {
		judge(v, m)
	}
	rep.Duration = time.Since(start)
	rep.tally()
	return rep, nil
}

// runRounds runs the rounds, cfg.Parallel at once.
func runRounds(ctx context.Context, cfg Config, rc runner.Config, api *spec.API, rounds []map[scenarioKey]*Mutant, lines map[scenarioKey]string) error {
	parallel := max(cfg.Parallel, 1)
	var (
		mu    sync.Mutex
		first error
		done  int
		wg    sync.WaitGroup
	)
	next := make(chan map[scenarioKey]*Mutant)
	for range parallel {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for active := range next {
				err := runRound(ctx, rc, api, active, lines)
				mu.Lock()
				done++
				if err != nil && first == nil {
					first = err
				}
				if cfg.Progress != nil {
					fmt.Fprintf(cfg.Progress, "%s: %d of %d rounds run (%d mutant(s) in this one)\n", api.Name, done, len(rounds), len(active))
				}
				mu.Unlock()
			}
		}()
	}
	for _, r := range rounds {
		mu.Lock()
		failed := first != nil
		mu.Unlock()
		if failed || ctx.Err() != nil {
			break
		}
		next <- r
	}
	close(next)
	wg.Wait()
	if first == nil {
		first = ctx.Err()
	}
	return first
}

// runRound runs the scenarios of the active mutants, each with its mutant.
func runRound(ctx context.Context, rc runner.Config, api *spec.API, active map[scenarioKey]*Mutant, lines map[scenarioKey]string) error {
	locs := map[string]bool{}
	for k := range active {
		locs[lines[k]] = true
	}
	rc.Paths = make([]string, 0, len(locs))
	for l := range locs {
		rc.Paths = append(rc.Paths, l)
	}
	sort.Strings(rc.Paths)
	rc.WrapTransport = func(featureURI, scenario string, rt http.RoundTripper) http.RoundTripper {
		if m := active[keyOf(featureURI, scenario)]; m != nil {
			return &mutating{next: rt, api: api, m: m}
		}
		return rt
	}
	res, err := runner.Run(ctx, rc)
	if res == nil {
		return err
	}
	ran := map[scenarioKey]bool{}
	for _, s := range res.Scenarios {
		k := keyOf(s.Feature, s.Name)
		m := active[k]
		if m == nil {
			continue
		}
		ran[k] = true
		if !s.Passed {
			m.Verdict = Caught
			m.Failure = string(s.Kind) + ": " + firstLine(s.Error)
		}
	}
	for k, m := range active {
		if !ran[k] {
			return fmt.Errorf("scenario %q of %s did not run with its mutant %s: %v", k.name, k.feature, m.Mutation, err)
		}
	}
	return nil
}

// oneLine folds the line breaks of a problem (a body excerpt may have some) into spaces.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	if len(s) > 300 {
		s = s[:300] + "…"
	}
	return s
}

// judge gives a mutant its verdict: caught (already set by its round), not applied, equivalent
// or survivor, by validating the response the scenario received.
func judge(v *validate.Validator, m *Mutant) {
	switch {
	case !m.applied:
		m.Verdict = NotApplied
		m.Reason = "the scenario made no exchange of " + m.Operation
		if m.applyErr != nil {
			m.Reason = m.applyErr.Error()
		}
		return
	case m.exchange == nil:
		return
	}
	m.Request = m.exchange.RequestLine()
	devs, err := v.ValidateAll(m.exchange)
	for _, d := range devs {
		m.Deviations = append(m.Deviations, oneLine(d.String()))
	}
	var ce *validate.ContractError
	switch {
	case errors.As(err, &ce):
		for _, p := range ce.Problems {
			m.Problems = append(m.Problems, oneLine(p.String()))
		}
	case err != nil:
		m.Problems = append(m.Problems, oneLine(err.Error()))
	}
	if m.Verdict == Caught {
		return
	}
	if len(m.Problems) == 0 {
		m.Verdict = Equivalent
	} else {
		m.Verdict = Survivor
	}
}

// mutating applies a mutant to the nth response of its operation in one scenario.
type mutating struct {
	next http.RoundTripper
	api  *spec.API
	m    *Mutant

	mu   sync.Mutex
	seen int // responses of the mutant's operation so far
}

// RoundTrip implements http.RoundTripper.
func (t *mutating) RoundTrip(req *http.Request) (*http.Response, error) {
	var reqBody []byte
	if req.GetBody != nil {
		if rc, err := req.GetBody(); err == nil {
			reqBody, _ = io.ReadAll(rc)
			rc.Close()
		}
	}
	resp, err := t.next.RoundTrip(req)
	if err != nil || resp == nil {
		return resp, err
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if op, _, ferr := t.api.Find(req.Method, req.URL.Path, req.URL.RawQuery); ferr != nil || op != t.m.op {
		return resp, nil
	}
	if t.seen++; t.seen != t.m.nth {
		return resp, nil
	}
	t.m.applied = true
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return nil, err
	}
	r := Response{Status: resp.StatusCode, Header: resp.Header, Body: body}
	if aerr := t.m.Mutation.Apply(&r); aerr != nil {
		t.m.applied, t.m.applyErr = false, aerr
		resp.Body = io.NopCloser(bytes.NewReader(body))
		return resp, nil
	}
	out := *resp
	out.StatusCode = r.Status
	out.Status = fmt.Sprintf("%d %s", r.Status, http.StatusText(r.Status))
	out.Header = r.Header
	out.Body = io.NopCloser(bytes.NewReader(r.Body))
	out.ContentLength = int64(len(r.Body))
	u := *req.URL
	u.Scheme, u.Host, u.User = "", "", nil
	t.m.exchange = &validate.Exchange{Method: req.Method, URL: &u, RequestHeader: req.Header.Clone(), RequestBody: reqBody,
		Status: r.Status, Header: r.Header, Body: r.Body}
	return &out, nil
}

// scenarioLines maps each scenario of the features under dir to its godog location
// (file:line of the scenario, or of the outline for an example row).
func scenarioLines(dir string) (map[scenarioKey]string, error) {
	out := map[scenarioKey]string{}
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".feature") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		ids := &messages.Incrementing{}
		doc, err := gherkin.ParseGherkinDocument(bytes.NewReader(data), ids.NewId)
		if err != nil {
			return fmt.Errorf("feature file %s: %v", path, err)
		}
		if doc.Feature == nil {
			return nil
		}
		lines := map[string]int64{}
		for _, c := range doc.Feature.Children {
			if c.Scenario != nil {
				lines[c.Scenario.Id] = c.Scenario.Location.Line
			}
			if c.Rule != nil {
				for _, rc := range c.Rule.Children {
					if rc.Scenario != nil {
						lines[rc.Scenario.Id] = rc.Scenario.Location.Line
					}
				}
			}
		}
		for _, p := range gherkin.Pickles(*doc, path, ids.NewId) {
			if len(p.AstNodeIds) > 0 {
				out[keyOf(path, p.Name)] = fmt.Sprintf("%s:%d", path, lines[p.AstNodeIds[0]])
			}
		}
		return nil
	})
	return out, err
}
