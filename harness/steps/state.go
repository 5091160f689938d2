// Package steps is the godog step vocabulary shared by every API: authenticate, send requests,
// assert on status, headers and fields, check the contract, save values, poll, wait.
//
// Every step can fail (the few that cannot are marked in the step table, with why): a check that
// could not fail on the data at hand fails and says so. "every item" and "every response item"
// fail on an empty list unless the step ends in " if any"; ordering needs at least 2 items with
// the keys, not all equal; walking or paging through a list needs more items than one page;
// "should have no item whose" fails on an item without the field (an empty list passes: nothing
// in it has the value); "should not exist" needs the object or array the field would be in;
// "at least 0", an empty pattern or text, polling within 0 attempts and an empty list of callback
// values are refused; callback values are read only from callbacks that keep their contract;
// reading back a write fails when the read representation documents none of the fields sent.
//
// The state of a scenario lives in a *Scenario carried by context.Context, created by a Before
// hook; nothing is kept in package variables, so scenarios run concurrently. Steps never know
// whether they run live, recording or replaying: the transport and the pacer they are given
// decide that.
package steps

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/cucumber/godog"

	"github.com/cloudcontract/cloudcontract/harness/cleanup"
	"github.com/cloudcontract/cloudcontract/harness/redact"
	"github.com/cloudcontract/cloudcontract/harness/spec"
	"github.com/cloudcontract/cloudcontract/harness/validate"
	"github.com/cloudcontract/cloudcontract/harness/vcr"
)

// Sessions opens the transport of one scenario (a *vcr.Factory).
type Sessions interface {
	Open(featureURI, scenario string) (*vcr.Session, error)
}

// Env is what every scenario of one API shares during a run.
type Env struct {
	API       *spec.API
	Validator *validate.Validator
	Sessions  Sessions
	// BaseURL is the target (scheme, host and an optional path prefix).
	BaseURL *url.URL
	// Credentials by name ("default" first).
	Credentials map[string]spec.Credential
	// Wait pauses between polls and for waits; it returns at once in replay.
	Wait func(ctx context.Context, d time.Duration) error
	// PollInterval is the pause between two polls.
	PollInterval time.Duration
	// Timeout bounds each request.
	Timeout time.Duration
	// MaxBody bounds the bytes read of a response body.
	MaxBody int64
	// Policy masks secrets in every message a step returns.
	Policy *redact.Policy
	// RunID is unique to the run; ${run_id} in features.
	RunID string
	// Retries is how many times a request answered 503 (any method) or 502/504 (idempotent
	// methods) is sent again, after a pause of PollInterval doubling each time.
	Retries int
}

// Scenario is the state of one scenario.
type Scenario struct {
	env     *Env
	name    string
	session *vcr.Session
	// base is where the scenario's requests go: the target, or another deployment of the API (a
	// cloud in scheduled maintenance); retries is how often an unavailable answer is sent again.
	base    *url.URL
	retries int
	client  *http.Client
	vars    map[string]string
	headers http.Header // sent with every request (authentication)
	next    http.Header // sent with the next request only
	last    *validate.Exchange
	target  *validate.Target
	// Exchanges lists every exchange of the scenario, in order (for reports).
	Exchanges []*validate.Exchange

	cb      callbackState
	tracker *cleanup.Tracker
	// Deviations lists the scenario's exchanges that broke an inferred assertion (x-evidence): not
	// failures, unless the run is strict.
	Deviations []Deviation
	// CleanupNotes says what a live scenario left behind (a deletion that failed) or created
	// without the run id prefix (never deleted by the harness).
	CleanupNotes []string
	// NotRun says why the scenario did not run ("" when it ran): a step needed a vendor-side or
	// optional fixture the run does not have (spec.Fixture.NotRunReason), and it and the steps after it
	// were skipped.
	NotRun string
}

type ctxKey struct{}

// FromContext returns the scenario state of ctx.
func FromContext(ctx context.Context) (*Scenario, error) {
	s, ok := ctx.Value(ctxKey{}).(*Scenario)
	if !ok {
		return nil, errors.New("no scenario state in context: the Before hook of package steps did not run")
	}
	return s, nil
}

// NewScenario creates the state of a scenario and opens its transport.
func NewScenario(env *Env, featureURI, name string) (*Scenario, error) {
	sess, err := env.Sessions.Open(featureURI, name)
	if err != nil {
		return nil, err
	}
	s := &Scenario{env: env, name: name, session: sess, base: env.BaseURL, retries: env.Retries, vars: map[string]string{}, headers: http.Header{}, next: http.Header{}}
	for k, v := range sess.Vars {
		s.vars[k] = v // the run's fixture variables, or in replay the recorded ones
	}
	s.vars["run_id"] = env.RunID
	if sess.RunID != "" {
		s.vars["run_id"] = sess.RunID // replay: the run id the scenario was recorded with
	}
	if sess.CallbackBase != "" {
		s.vars["callback_base"] = sess.CallbackBase
	}
	s.tracker = cleanup.NewTracker(env.API, s.vars["run_id"])
	s.resetClient()
	return s, nil
}

func (s *Scenario) resetClient() {
	jar, _ := cookiejar.New(nil)
	s.client = &http.Client{
		Transport: s.session.Transport,
		Jar:       jar,
		Timeout:   s.env.Timeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			return http.ErrUseLastResponse // a redirect is a response to check, not to follow
		},
	}
}

// Close ends the scenario; passed decides whether a recording is kept.
func (s *Scenario) Close(passed bool) error { return s.session.Close(passed) }

// Last returns the last exchange, or an error when no request was sent yet.
func (s *Scenario) Last() (*validate.Exchange, error) {
	if s.last == nil {
		return nil, errors.New("no response yet: send a request first")
	}
	return s.last, nil
}

// Var returns a scenario variable.
func (s *Scenario) Var(name string) (string, bool) {
	v, ok := s.vars[name]
	return v, ok
}

var varRe = regexp.MustCompile(`\$\{([A-Za-z_][A-Za-z0-9_.\-]*)\}`)

// Expand replaces ${name} with scenario variables; an unknown name is an error. A vendor-side or
// optional fixture the run does not have is not a failure: the error wraps godog.ErrSkip, so the step and
// the rest of the scenario are skipped, and the scenario says why in NotRun.
func (s *Scenario) Expand(text string) (string, error) {
	var missing []string
	skip := ""
	out := varRe.ReplaceAllStringFunc(text, func(m string) string {
		name := m[2 : len(m)-1]
		v, ok := s.vars[name]
		fixture, optional := s.env.API.Harness.Optional(name)
		switch {
		case !ok && optional:
			if skip == "" {
				skip = fixture.NotRunReason()
			}
		case !ok:
			missing = append(missing, name)
		case fixture.VendorSide:
			s.session.Use(name) // its recording carries the value, and says it is the vendor's
		}
		if !ok {
			return m
		}
		return v
	})
	if skip != "" {
		s.NotRun = skip
		return "", fmt.Errorf("%s: %w", skip, godog.ErrSkip)
	}
	if len(missing) > 0 {
		known := make([]string, 0, len(s.vars))
		for k := range s.vars {
			known = append(known, k)
		}
		sort.Strings(known)
		return "", fmt.Errorf("variable ${%s} is not set (set: %s)", strings.Join(missing, "}, ${"), strings.Join(known, ", "))
	}
	return out, nil
}

// Do sends one request and records the exchange as the scenario's last.
func (s *Scenario) Do(ctx context.Context, method, path string, header http.Header, body []byte) (*validate.Exchange, error) {
	req, u, op, err := s.newRequest(ctx, method, path, header, body)
	if err != nil {
		return nil, err
	}
	s.addCallbackHeaders(req, op)
	x, resp, err := s.exchange(req, u, body, func() (*http.Response, error) { return s.send(ctx, req, body) })
	if err != nil {
		return nil, err
	}
	s.last, s.target = x, nil
	s.noteTransaction(resp.Header, op)
	s.Exchanges = append(s.Exchanges, x)
	s.tracker.Observe(x, func(ptr string) (any, bool) {
		v, ok, err := s.Field(ptr)
		return v, ok && err == nil
	})
	return x, nil
}

// newRequest builds a request of the scenario: its target, its authentication, the headers set
// for the next request, and Accept from the contract.
func (s *Scenario) newRequest(ctx context.Context, method, path string, header http.Header, body []byte) (*http.Request, *url.URL, *spec.Operation, error) {
	u, err := s.resolve(path)
	if err != nil {
		return nil, nil, nil, err
	}
	var rd io.Reader
	if body != nil {
		rd = strings.NewReader(string(body))
	}
	req, err := http.NewRequestWithContext(ctx, method, u.String(), rd)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("%s %s: %w", method, path, err)
	}
	for k, vs := range s.headers {
		req.Header[k] = append([]string(nil), vs...)
	}
	for k, vs := range header {
		req.Header[k] = append([]string(nil), vs...)
	}
	for k, vs := range s.next {
		req.Header[k] = append([]string(nil), vs...)
	}
	s.next = http.Header{}
	op, _, _ := s.env.API.Find(method, s.apiURL(u).Path, u.RawQuery)
	if req.Header.Get("Accept") == "" {
		if accept := s.accept(op); accept != "" {
			req.Header.Set("Accept", accept)
		}
	}
	return req, u, op, nil
}

// exchange sends a request with do and reads the answer within the body limit.
func (s *Scenario) exchange(req *http.Request, u *url.URL, body []byte, do func() (*http.Response, error)) (*validate.Exchange, *http.Response, error) {
	line := spec.RequestLine(req.Method, s.apiURL(u))
	start := time.Now()
	resp, err := do()
	if err != nil {
		var ne net.Error
		switch {
		case errors.Is(err, context.Canceled):
			err = fmt.Errorf("the run was interrupted: %w", err)
		case errors.Is(err, context.DeadlineExceeded) || (errors.As(err, &ne) && ne.Timeout()):
			err = fmt.Errorf("no answer within %s (--timeout): %w", s.env.Timeout, err)
		}
		return nil, nil, &EnvironmentError{RequestLine: line, Err: err}
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, s.env.MaxBody+1))
	if err != nil {
		return nil, nil, &EnvironmentError{RequestLine: line, Err: fmt.Errorf("reading the response body: %w", err)}
	}
	if int64(len(data)) > s.env.MaxBody {
		return nil, nil, &EnvironmentError{RequestLine: line, Err: fmt.Errorf("response body exceeds %d bytes; raise --max-body if this is expected", s.env.MaxBody)}
	}
	x := &validate.Exchange{
		Method: req.Method, URL: s.apiURL(u), RequestHeader: req.Header, RequestBody: body,
		Status: resp.StatusCode, Header: resp.Header, Body: data, Duration: time.Since(start),
	}
	return x, resp, nil
}

// EnvironmentError is a failure to talk to the API at all (network, timeout, oversized body), as
// opposed to a contract failure.
type EnvironmentError struct {
	RequestLine string
	Err         error
}

// Error implements error.
func (e *EnvironmentError) Error() string { return fmt.Sprintf("%s: %v", e.RequestLine, e.Err) }

// Unwrap returns the underlying error.
func (e *EnvironmentError) Unwrap() error { return e.Err }

// resolve joins a feature path with the target.
func (s *Scenario) resolve(path string) (*url.URL, error) {
	ref, err := url.Parse(path)
	if err != nil {
		return nil, fmt.Errorf("bad request path %q: %w", path, err)
	}
	if ref.IsAbs() {
		// A URL the API handed out (e.g. a Location): keep its path, talk to our target.
		ref = &url.URL{Path: ref.Path, RawPath: ref.RawPath, RawQuery: ref.RawQuery}
	}
	u := *s.base
	u.Path = strings.TrimSuffix(u.Path, "/") + ref.Path
	if ref.RawPath != "" {
		u.RawPath = strings.TrimSuffix(u.EscapedPath(), "/") + ref.RawPath
	} else {
		u.RawPath = ""
	}
	u.RawQuery = ref.RawQuery
	return &u, nil
}

// apiURL is the URL as the contract sees it: the target's path prefix removed.
func (s *Scenario) apiURL(u *url.URL) *url.URL {
	out := *u
	prefix := strings.TrimSuffix(s.base.Path, "/")
	out.Path = strings.TrimPrefix(u.Path, prefix)
	out.RawPath = ""
	out.Scheme, out.Host = "", ""
	return &out
}

// accept lists the media types the operation documents for its responses, the document's main
// representation first (harness.yaml media_types), the others with a lower quality, so that a
// server offering several answers in the one the document is written in.
func (s *Scenario) accept(op *spec.Operation) string {
	if op == nil || op.Op.Responses == nil {
		return ""
	}
	seen := map[string]bool{}
	var types []string
	for _, code := range op.Statuses() {
		r := op.Op.Responses.Value(code)
		if r == nil || r.Value == nil {
			continue
		}
		for _, mt := range spec.MediaTypes(r.Value.Content) {
			if !seen[mt] {
				seen[mt] = true
				types = append(types, mt)
			}
		}
	}
	return spec.AcceptHeader(types, s.env.API.Harness.MediaTypes)
}

// Target returns the validation target of the last exchange (routed and decoded once).
func (s *Scenario) Target() (*validate.Target, error) {
	if s.target != nil {
		return s.target, nil
	}
	x, err := s.Last()
	if err != nil {
		return nil, err
	}
	t, err := s.env.Validator.Prepare(x)
	if err != nil {
		return nil, err
	}
	s.target = t
	return t, nil
}

// Field returns the value at a JSON pointer of the last response body (XML bodies are decoded
// guided by their schema).
func (s *Scenario) Field(pointer string) (any, bool, error) {
	t, err := s.Target()
	if err != nil {
		return nil, false, err
	}
	if t.BodyErr != nil {
		return nil, false, fmt.Errorf("%s: the body cannot be read: %v", t.Exchange.RequestLine(), t.BodyErr)
	}
	if t.Body == nil {
		return nil, false, fmt.Errorf("%s answered %d with no JSON or XML body (Content-Type %q)", t.Exchange.RequestLine(), t.Exchange.Status, t.Exchange.Header.Get("Content-Type"))
	}
	v, ok := validate.Lookup(t.Body.Value, pointer)
	return v, ok, nil
}

// CassettePath is the cassette file of the scenario.
func (s *Scenario) CassettePath() string { return s.session.Cassette }

// retryable says whether a status is worth another attempt: 503 says the service did not act;
// 502 and 504 may hide a request that was processed, so only idempotent methods retry them.
func retryable(method string, status int) bool {
	switch status {
	case http.StatusServiceUnavailable:
		return true
	case http.StatusBadGateway, http.StatusGatewayTimeout:
		return method == http.MethodGet || method == http.MethodHead || method == http.MethodPut || method == http.MethodDelete
	}
	return false
}

// send performs a request with bounded retries on unavailability. Every attempt is an exchange of
// the run (live, recorded and replayed alike); the pauses are the pacer's (none in replay).
func (s *Scenario) send(ctx context.Context, req *http.Request, body []byte) (*http.Response, error) {
	pause := s.env.PollInterval
	for attempt := 0; ; attempt++ {
		resp, err := s.client.Do(req)
		if err != nil || attempt >= s.retries || !retryable(req.Method, resp.StatusCode) {
			if resp != nil && attempt > 0 {
				resp.Header.Set("X-Cloudcontract-Attempts", fmt.Sprint(attempt+1))
			}
			return resp, err
		}
		io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<20))
		resp.Body.Close()
		if err := s.env.Wait(ctx, pause); err != nil {
			return nil, err
		}
		pause *= 2
		r2 := req.Clone(ctx)
		if body != nil {
			r2.Body = io.NopCloser(strings.NewReader(string(body)))
		}
		req = r2
	}
}

// unavailable describes an answer that says the service or the way to it is unavailable (502,
// 503, 504, or CloudControl's REASON_5 maintenance), or "" for any other answer. A 500 is the
// API's own answer: its contract is judged like any other (an undocumented 500 is a contract
// failure, a documented one has its body validated).
func (s *Scenario) unavailable(x *validate.Exchange) string {
	if x.Status < 500 {
		return ""
	}
	what := fmt.Sprintf("HTTP %d", x.Status)
	maintenance := false
	if v, ok, err := s.Field("/resultCode"); err == nil && ok && validate.Render(v) == "REASON_5" {
		what += " (REASON_5: scheduled maintenance)"
		maintenance = true
	}
	switch x.Status {
	case http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
	default:
		if !maintenance {
			return ""
		}
	}
	if n := x.Header.Get("X-Cloudcontract-Attempts"); n != "" {
		what += " after " + n + " attempts"
	}
	return what
}

// SetVar sets a scenario variable (for commands that prepare a scenario outside a suite, such as
// the preflight's discovery).
func (s *Scenario) SetVar(name, value string) { s.vars[name] = value }

// Deviation is a response (or notification) that broke an assertion the contract inferred rather
// than one the document states: reported apart from failures, with its evidence.
type Deviation struct {
	// Operation and RequestLine say which exchange it was.
	Operation, RequestLine string
	// Problem is what broke, with its evidence.
	Problem validate.Problem
}

// validate checks an exchange against the contract; deviations from inferred assertions are kept
// on the scenario (once per exchange and problem) instead of failing it.
func (s *Scenario) validate(x *validate.Exchange) error {
	devs, err := s.env.Validator.ValidateAll(x)
	op := ""
	if o, _, ferr := s.env.API.Find(x.Method, x.URL.Path, x.URL.RawQuery); ferr == nil && o != nil {
		op = o.ID
	}
	s.noteDeviations(op, x.RequestLine(), devs)
	return err
}

// validateCallback is validate for a notification.
func (s *Scenario) validateCallback(op *spec.Operation, n *validate.Notification) (*validate.Decoded, error) {
	d, devs, err := s.env.Validator.ValidateCallbackAll(op, n)
	s.noteDeviations(op.ID+" (callback)", n.Method+" "+n.URL, devs)
	return d, err
}

func (s *Scenario) noteDeviations(op, line string, devs []validate.Problem) {
	for _, p := range devs {
		d := Deviation{Operation: op, RequestLine: line, Problem: p}
		dup := false
		for _, old := range s.Deviations {
			if old.RequestLine == d.RequestLine && old.Problem.String() == p.String() {
				dup = true
				break
			}
		}
		if !dup {
			s.Deviations = append(s.Deviations, d)
		}
	}
}
