// Package preflight checks a live target before any scenario of an API runs against it: that it
// can be reached, that its TLS certificate is trusted, that every credential set the selected
// scenarios use is configured and accepted (and has the role they need), that the target answers
// as this API, and that every fixture variable they name resolves. Each problem is one message
// saying what to do, and a run with problems stops before it sends hundreds of doomed requests.
package preflight

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"time"

	"github.com/cloudcontract/cloudcontract/harness/redact"
	"github.com/cloudcontract/cloudcontract/harness/spec"
	"github.com/cloudcontract/cloudcontract/harness/steps"
	"github.com/cloudcontract/cloudcontract/harness/validate"
	"github.com/cloudcontract/cloudcontract/harness/vcr"
	"github.com/cucumber/godog"
)

// Kind classifies a problem, so callers and tests tell them apart without reading messages.
type Kind string

// The kinds of problem, in the order they are checked.
const (
	Unreachable        Kind = "unreachable"
	TLS                Kind = "tls"
	CredentialsMissing Kind = "credentials-missing"
	CredentialsDenied  Kind = "credentials-rejected"
	RoleMissing        Kind = "role-missing"
	NotThisAPI         Kind = "not-this-api"
	FixtureUnresolved  Kind = "fixture-unresolved"
)

// Problem is one thing that stops the run, with what to do about it.
type Problem struct {
	Kind    Kind
	Message string
}

// Config is one preflight.
type Config struct {
	// API is the contract; Target the base URL; Transport reaches it (nil: a default one).
	API       *spec.API
	Target    string
	Transport http.RoundTripper
	// Credentials are the configured sets, by name. A set the scenarios use and that is absent
	// here is reported as not configured.
	Credentials map[string]spec.Credential
	// Sets are the credential sets the selected scenarios use; nil means every set of
	// harness.yaml.
	Sets []string
	// Fixtures are the fixture variables the selected scenarios name; nil means every fixture of
	// harness.yaml.
	Fixtures []string
	// Vars are fixture values given by the user (or the simulator): they win over discovery.
	Vars map[string]string
	// Timeout bounds each request (default 30s).
	Timeout time.Duration
	// Policy masks secrets in messages (nil: a policy with the credentials' secrets).
	Policy *redact.Policy
}

// Report is the outcome of a preflight.
type Report struct {
	// Checks lists what was checked and passed, one line each, for `cloudcontract preflight`.
	Checks []string
	// Problems lists what failed; the run must not start when there is any.
	Problems []Problem
	// Vars are the fixture variables resolved: given and discovered.
	Vars map[string]string
}

// OK tells whether the target passed.
func (r *Report) OK() bool { return len(r.Problems) == 0 }

// Err summarises the problems as one error (nil when there is none).
func (r *Report) Err(api string) error {
	if r.OK() {
		return nil
	}
	lines := make([]string, len(r.Problems))
	for i, p := range r.Problems {
		lines[i] = "  - " + p.Message
	}
	return &Error{API: api, Problems: r.Problems, text: fmt.Sprintf("preflight of %s failed, no scenario was run:\n%s", api, strings.Join(lines, "\n"))}
}

// Error is a failed preflight.
type Error struct {
	API      string
	Problems []Problem
	text     string
}

// Error implements error.
func (e *Error) Error() string { return e.text }

func (r *Report) fail(k Kind, format string, args ...any) {
	r.Problems = append(r.Problems, Problem{Kind: k, Message: fmt.Sprintf(format, args...)})
}

func (r *Report) pass(format string, args ...any) {
	r.Checks = append(r.Checks, fmt.Sprintf(format, args...))
}

// Run checks the target. It stops at the first problem that makes the rest meaningless (an
// unreachable target, an untrusted certificate, a target that is not this API).
func Run(ctx context.Context, cfg Config) *Report {
	r := &Report{Vars: map[string]string{}}
	api := cfg.API
	base, err := url.Parse(cfg.Target)
	if err != nil || (base.Scheme != "http" && base.Scheme != "https") || base.Host == "" {
		r.fail(Unreachable, "--target %q is not an http(s) URL", cfg.Target)
		return r
	}
	if cfg.Timeout == 0 {
		cfg.Timeout = 30 * time.Second
	}
	policy := cfg.Policy
	if policy == nil {
		policy = redact.New()
		for _, c := range cfg.Credentials {
			policy.AddValues(c.Password, c.Token)
		}
	}
	sets := cfg.Sets
	if api.Harness.Auth.Kind == spec.AuthNone {
		// Nothing to configure: one anonymous set, so that the probe still runs.
		sets = []string{"default"}
		cfg.Credentials = map[string]spec.Credential{"default": {}}
	}
	if sets == nil {
		for name := range api.Harness.Credentials {
			sets = append(sets, name)
		}
	}
	sets = orderSets(sets)
	fixtures := cfg.Fixtures
	if fixtures == nil {
		for _, f := range api.Harness.Fixtures {
			fixtures = append(fixtures, f.Name)
		}
	}
	for k, v := range cfg.Vars {
		r.Vars[k] = v
	}

	// Credential sets: configured at all?
	var usable []string
	for _, set := range sets {
		if c, ok := cfg.Credentials[set]; ok && complete(api, c) {
			usable = append(usable, set)
			continue
		}
		r.fail(CredentialsMissing, "credential set %q of %s is not configured: %s", set, api.Name, howToSet(api, set))
	}
	authSet := "default"
	if len(usable) > 0 && !contains(usable, authSet) {
		authSet = usable[0]
	}
	newScenario := func(name string) (*steps.Scenario, error) {
		factory := vcr.NewFactory(vcr.Options{Mode: vcr.Live, Real: cfg.Transport, Policy: policy, Vars: r.Vars})
		env := &steps.Env{
			API: api, Validator: validate.New(api), Sessions: factory, BaseURL: base, Credentials: cfg.Credentials,
			Wait: func(context.Context, time.Duration) error { return nil }, Timeout: cfg.Timeout, MaxBody: 16 << 20,
			Policy: policy, RunID: "preflight",
		}
		return steps.NewScenario(env, "preflight", "preflight "+name)
	}

	// Reachability, TLS, the default set, and whether the target is this API: the probe.
	probed := map[string]bool{}
	if contains(usable, authSet) {
		s, err := newScenario(authSet)
		if err != nil {
			r.fail(Unreachable, "%v", err)
			return r
		}
		defer s.Close(false)
		if stop := r.authenticate(ctx, s, api, authSet, policy); stop {
			return r
		}
		// The probe may name fixtures; resolve those it needs first.
		r.discover(ctx, s, api, needed(api, api.Harness.Preflight.Probe, fixtures), policy)
		if stop := r.probe(ctx, s, api, authSet, api.Harness.Preflight.Probe, true, policy); stop {
			return r
		}
		probed[authSet] = true
		r.discover(ctx, s, api, fixtures, policy)
	}
	// The other sets, each with its own scenario (its own session).
	for _, set := range usable {
		path := api.Harness.Preflight.Probe
		if p, ok := api.Harness.Preflight.Roles[set]; ok {
			path = p
		} else if probed[set] {
			continue
		}
		s, err := newScenario(set)
		if err != nil {
			r.fail(Unreachable, "%v", err)
			return r
		}
		if stop := r.authenticate(ctx, s, api, set, policy); !stop {
			r.probe(ctx, s, api, set, path, false, policy)
			r.checkRoles(ctx, s, api, set, policy)
		}
		s.Close(false)
	}
	// Fixtures neither given nor discovered.
	for _, name := range fixtures {
		if _, ok := r.Vars[name]; ok {
			continue
		}
		if hasProblem(r, FixtureUnresolved, name) {
			continue
		}
		f, _ := api.Harness.Fixture(name)
		if _, optional := api.Harness.Optional(name); optional {
			r.pass("%s: fixture %s is not set: the scenarios needing it will not run (%s; it is %s)", api.Name, name, f.NotRunReason(), f.Description)
			continue
		}
		r.fail(FixtureUnresolved, "fixture %q of %s is not set (%s): set %s=VALUE, or --var %s=VALUE, or apis.%s.vars.%s in --config", name, api.Name, f.Description, spec.FixtureEnv(api.Name, name), name, api.Name, name)
	}
	return r
}

// authenticate opens the set's session (a login request for session APIs); it reports a
// rejected login, and says whether the preflight must stop.
func (r *Report) authenticate(ctx context.Context, s *steps.Scenario, api *spec.API, set string, policy *redact.Policy) bool {
	err := steps.Authenticate(ctx, s, set)
	if err == nil {
		return false
	}
	if k, msg, ok := transportProblem(err, api); ok {
		r.fail(k, "%s", policy.String(msg))
		return true
	}
	if x, lerr := s.Last(); lerr == nil && (x.Status == http.StatusUnauthorized || x.Status == http.StatusForbidden) {
		r.fail(CredentialsDenied, "credentials of set %q rejected by %s (%d): %s", set, x.RequestLine(), x.Status, howToSet(api, set))
		return false
	}
	if x, lerr := s.Last(); lerr == nil && x.Status == http.StatusNotFound {
		r.fail(NotThisAPI, "the target answered 404 to the login %s: is it a %s endpoint?", x.RequestLine(), api.Harness.Title)
		return true
	}
	r.fail(CredentialsDenied, "credentials of set %q: %s", set, policy.String(err.Error()))
	return false
}

// probe sends path with the set's session. The first probe also tells whether the target is
// this API: any answer but the documented success is a reason to stop.
func (r *Report) probe(ctx context.Context, s *steps.Scenario, api *spec.API, set, path string, first bool, policy *redact.Policy) bool {
	if path == "" {
		if first {
			r.pass("%s: no preflight.probe in harness.yaml: reachability checked by the login only", api.Name)
		}
		return false
	}
	p, err := s.Expand(path)
	if err != nil {
		r.fail(FixtureUnresolved, "the preflight probe %s of %s cannot be sent: %v", path, api.Name, err)
		return first
	}
	x, err := s.Do(ctx, http.MethodGet, p, nil, nil)
	if err != nil {
		if k, msg, ok := transportProblem(err, api); ok {
			r.fail(k, "%s", policy.String(msg))
			return true
		}
		r.fail(Unreachable, "%s", policy.String(err.Error()))
		return true
	}
	opName := x.RequestLine()
	if op, _, _ := api.Find(http.MethodGet, x.URL.Path, x.URL.RawQuery); op != nil {
		opName = op.ID + " (" + x.RequestLine() + ")"
	}
	switch {
	case x.Status == http.StatusUnauthorized:
		r.fail(CredentialsDenied, "credentials of set %q rejected: %s answered 401: %s", set, opName, howToSet(api, set))
		return false
	case x.Status == http.StatusForbidden && !first:
		r.fail(RoleMissing, "credential set %q lacks the role its scenarios need: %s answered 403; give it an account with that role", set, opName)
		return false
	case x.Status == http.StatusForbidden:
		r.fail(CredentialsDenied, "credentials of set %q are not allowed to read %s (403): %s", set, opName, howToSet(api, set))
		return false
	case x.Status == http.StatusNotFound:
		r.fail(NotThisAPI, "the target answered 404 to %s: is it a %s endpoint? (check --target and its path prefix)", opName, api.Harness.Title)
		return true
	case x.Status/100 != 2:
		r.fail(NotThisAPI, "the target answered %d to %s, expected a success: is it a %s endpoint? body: %s", x.Status, opName, api.Harness.Title, excerpt(x.Body))
		return true
	}
	if err := validate.New(api).Validate(x); err != nil && first {
		var ce *validate.ContractError
		if errors.As(err, &ce) && !sameMediaType(api, x) {
			r.fail(NotThisAPI, "the target answered %s to %s with Content-Type %q, not a media type the contract documents: is it a %s endpoint?", http.StatusText(x.Status), opName, x.Header.Get("Content-Type"), api.Harness.Title)
			return true
		}
	}
	r.pass("%s: credential set %q accepted by %s (%d)", api.Name, set, opName, x.Status)
	return false
}

// discover resolves the named fixtures that are not given and have a discovery, in the order

// checkRoles compares the roles a credential set holds (preflight.roles_field of the probe's
// answer) with those harness.yaml declares for it (credential_roles): the generated scenarios
// expect a refusal from a set that lacks a role, which a set holding more roles would not get.
func (r *Report) checkRoles(ctx context.Context, s *steps.Scenario, api *spec.API, set string, policy *redact.Policy) {
	want, declared := api.Harness.RolesOf(set)
	field := api.Harness.Preflight.RolesField
	if !declared || field == "" || api.Harness.Preflight.Probe == "" {
		return
	}
	p, err := s.Expand(api.Harness.Preflight.Probe)
	if err != nil {
		return // the probe reported it
	}
	x, err := s.Do(ctx, http.MethodGet, p, nil, nil)
	if err != nil || x.Status/100 != 2 {
		return // the probe reported it
	}
	v, ok, err := s.Field(field)
	if err != nil || !ok {
		r.fail(RoleMissing, "credential set %q: the answer of %s has no roles at %s; harness.yaml declares %s", set, x.RequestLine(), field, strings.Join(want, ", "))
		return
	}
	held := roleNames(v)
	sort.Strings(held)
	exp := append([]string(nil), want...)
	sort.Strings(exp)
	if strings.Join(held, "\x00") != strings.Join(exp, "\x00") {
		r.fail(RoleMissing, "credential set %q holds the roles [%s], harness.yaml declares [%s]: give it an account with exactly those roles (the scenarios expect it to be refused the others)",
			set, policy.String(strings.Join(held, ", ")), strings.Join(exp, ", "))
		return
	}
	r.pass("%s: credential set %q holds the roles declared (%s)", api.Name, set, strings.Join(exp, ", "))
}

// roleNames reads a list of roles: names, or objects with a name.
func roleNames(v any) []string {
	list, ok := v.([]any)
	if !ok {
		list = []any{v}
	}
	var out []string
	for _, it := range list {
		if m, isMap := it.(map[string]any); isMap {
			it = m["name"]
		}
		if it != nil {
			out = append(out, validate.Render(it))
		}
	}
	return out
}

// harness.yaml declares them (a discovery may use an earlier fixture).
func (r *Report) discover(ctx context.Context, s *steps.Scenario, api *spec.API, names []string, policy *redact.Policy) {
	names = withDependencies(api, names)
	for _, f := range api.Harness.Fixtures {
		if !contains(names, f.Name) || f.Discover == nil {
			continue
		}
		if _, ok := r.Vars[f.Name]; ok {
			continue
		}
		if hasProblem(r, FixtureUnresolved, f.Name) {
			continue
		}
		v, err := discoverOne(ctx, s, f)
		if err != nil && f.Optional && (errors.As(err, new(noneFound)) || errors.Is(err, godog.ErrSkip)) {
			continue // reported with the fixtures not set
		}
		if err != nil {
			r.fail(FixtureUnresolved, "fixture %q of %s (%s) could not be discovered: %s; set %s=VALUE or --var %s=VALUE", f.Name, api.Name, f.Description, policy.String(err.Error()), spec.FixtureEnv(api.Name, f.Name), f.Name)
			continue
		}
		r.Vars[f.Name] = v
		s.SetVar(f.Name, v)
		r.pass("%s: fixture %s = %s (discovered with %s)", api.Name, f.Name, v, f.Discover.Path)
	}
}

func discoverOne(ctx context.Context, s *steps.Scenario, f spec.Fixture) (string, error) {
	d := f.Discover
	if d.Credential != "" && d.Credential != "default" {
		if err := steps.Authenticate(ctx, s, d.Credential); err != nil {
			return "", err
		}
	}
	p, err := s.Expand(d.Path)
	if err != nil {
		return "", err
	}
	x, err := s.Do(ctx, http.MethodGet, p, nil, nil)
	if err != nil {
		return "", err
	}
	if x.Status/100 != 2 {
		return "", fmt.Errorf("%s answered %d: %s", x.RequestLine(), x.Status, excerpt(x.Body))
	}
	list, ok, err := s.Field(d.Items)
	if err != nil {
		return "", err
	}
	if !ok {
		return "", noneFound(fmt.Sprintf("%s: the answer has no %s", x.RequestLine(), d.Items))
	}
	items, isArr := list.([]any)
	if !isArr {
		items = []any{list}
	}
	where := make([]string, 0, len(d.Where))
	for k := range d.Where {
		where = append(where, k)
	}
	sort.Strings(where)
	for _, it := range items {
		match := true
		for _, ptr := range where {
			want, err := s.Expand(d.Where[ptr])
			if err != nil {
				return "", err
			}
			got, ok := validate.Lookup(it, ptr)
			if !ok || validate.Render(got) != want {
				match = false
				break
			}
		}
		if !match {
			continue
		}
		v, ok := validate.Lookup(it, d.Value)
		if !ok {
			continue
		}
		if out := validate.Render(v); out != "" {
			return out, nil
		}
	}
	if len(where) > 0 {
		return "", noneFound(fmt.Sprintf("%s: none of the %d items has %s", x.RequestLine(), len(items), describeWhere(d.Where, where)))
	}
	return "", noneFound(fmt.Sprintf("%s: no item with %s among %d", x.RequestLine(), d.Value, len(items)))
}

// noneFound is a discovery whose answer holds no item it looks for: for an optional fixture, the
// cloud does not hold it now.
type noneFound string

func (e noneFound) Error() string { return string(e) }

func describeWhere(w map[string]string, keys []string) string {
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s = %q", k, w[k])
	}
	return strings.Join(parts, " and ")
}

// transportProblem classifies a failure to talk to the target at all.
func transportProblem(err error, api *spec.API) (Kind, string, bool) {
	var ee *steps.EnvironmentError
	if !errors.As(err, &ee) {
		return "", "", false
	}
	var ua x509.UnknownAuthorityError
	var hn x509.HostnameError
	var ci x509.CertificateInvalidError
	var cv *tls.CertificateVerificationError
	var rh tls.RecordHeaderError
	switch {
	case errors.As(err, &ua) || errors.As(err, &cv) && errors.As(cv.Err, &ua):
		return TLS, fmt.Sprintf("TLS: the target's certificate is signed by an authority this machine does not trust (%s): give --ca-cert FILE with that CA, or, knowingly, --insecure", ee.RequestLine), true
	case errors.As(err, &hn):
		return TLS, fmt.Sprintf("TLS: the target's certificate is not valid for its host name (%s): %v", ee.RequestLine, hn), true
	case errors.As(err, &ci):
		return TLS, fmt.Sprintf("TLS: the target's certificate is invalid (%s): %v", ee.RequestLine, ci), true
	case errors.As(err, &cv):
		return TLS, fmt.Sprintf("TLS: the target's certificate could not be verified (%s): %v", ee.RequestLine, cv.Err), true
	case errors.As(err, &rh) || strings.Contains(err.Error(), "server gave HTTP response to HTTPS client"):
		// net/http reports the second case with an untyped error only.
		return TLS, fmt.Sprintf("TLS: the target does not speak TLS (%s): use http:// for a plain HTTP endpoint", ee.RequestLine), true
	}
	var dns *net.DNSError
	var op *net.OpError
	switch {
	case errors.As(err, &dns):
		return Unreachable, fmt.Sprintf("cannot reach the %s target: host %q is not found (%s)", api.Name, dns.Name, ee.RequestLine), true
	case errors.As(err, &op) && op.Op == "dial":
		return Unreachable, fmt.Sprintf("cannot reach the %s target: %s refused or dropped the connection (%s); is --target right and the service up?", api.Name, op.Addr, ee.RequestLine), true
	}
	return Unreachable, fmt.Sprintf("cannot talk to the %s target: %v", api.Name, ee), true
}

// complete tells whether a credential set has what the API's authentication needs.
func complete(api *spec.API, c spec.Credential) bool {
	switch api.Harness.Auth.Kind {
	case spec.AuthBearer:
		return c.Token != ""
	case spec.AuthBasic, spec.AuthLogin:
		return c.Username != "" && c.Password != ""
	}
	return true
}

// howToSet names the environment variables (and the profile key) that configure a set.
func howToSet(api *spec.API, set string) string {
	fields := []string{"USERNAME", "PASSWORD"}
	if api.Harness.Auth.Kind == spec.AuthBearer {
		fields = []string{"TOKEN"}
	}
	envs := make([]string, len(fields))
	for i, f := range fields {
		envs[i] = spec.CredentialEnv(api.Name, set, f)
	}
	return fmt.Sprintf("set %s (or apis.%s.credentials.%s in --config)", strings.Join(envs, " and "), api.Name, set)
}

// withDependencies adds to names the fixtures that the discovery of a named fixture refers to
// (an ${org_id} in its path or filters), however deep.
func withDependencies(api *spec.API, names []string) []string {
	out := append([]string(nil), names...)
	for i := 0; i < len(out); i++ {
		f, ok := api.Harness.Fixture(out[i])
		if !ok || f.Discover == nil {
			continue
		}
		text := f.Discover.Path
		for _, v := range f.Discover.Where {
			text += " " + v
		}
		for _, g := range api.Harness.Fixtures {
			if !contains(out, g.Name) && strings.Contains(text, "${"+g.Name+"}") {
				out = append(out, g.Name)
			}
		}
	}
	return out
}

// needed lists the fixtures among names that text refers to as ${NAME}.
func needed(api *spec.API, text string, names []string) []string {
	var out []string
	for _, n := range names {
		if strings.Contains(text, "${"+n+"}") {
			out = append(out, n)
		}
	}
	return out
}

func sameMediaType(api *spec.API, x *validate.Exchange) bool {
	ct := strings.ToLower(x.Header.Get("Content-Type"))
	return strings.Contains(ct, "json") || strings.Contains(ct, "xml") || strings.Contains(ct, "csv")
}

func orderSets(sets []string) []string {
	out := append([]string(nil), sets...)
	sort.Slice(out, func(i, j int) bool {
		if (out[i] == "default") != (out[j] == "default") {
			return out[i] == "default"
		}
		return out[i] < out[j]
	})
	return out
}

func contains(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

func hasProblem(r *Report, k Kind, name string) bool {
	for _, p := range r.Problems {
		if p.Kind == k && strings.Contains(p.Message, fmt.Sprintf("%q", name)) {
			return true
		}
	}
	return false
}

func excerpt(b []byte) string {
	s := strings.TrimSpace(string(b))
	if len(s) > 160 {
		s = s[:160] + "..."
	}
	if s == "" {
		return "(empty)"
	}
	return s
}
