package steps

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/cucumber/godog"

	"github.com/cloudcontract/cloudcontract/harness/spec"
	"github.com/cloudcontract/cloudcontract/harness/validate"
)

// Hooks receives the end of each scenario (for results and reports). It may be nil.
type Hooks interface {
	ScenarioDone(s *Scenario, sc *godog.Scenario, err error)
}

// Register installs the Before/After hooks and every step of the vocabulary. Step errors may
// quote responses: the runner masks secrets in everything it prints or reports.
func Register(sc *godog.ScenarioContext, env *Env, hooks Hooks) {
	sc.Before(func(ctx context.Context, gs *godog.Scenario) (context.Context, error) {
		if ctx.Err() != nil {
			return ctx, fmt.Errorf("not started: the run was interrupted")
		}
		s, err := NewScenario(env, gs.Uri, gs.Name)
		if err != nil {
			return ctx, err
		}
		return context.WithValue(ctx, ctxKey{}, s), nil
	})
	sc.After(func(ctx context.Context, gs *godog.Scenario, err error) (context.Context, error) {
		s, ferr := FromContext(ctx)
		if ferr != nil {
			if hooks != nil {
				hooks.ScenarioDone(nil, gs, err)
			}
			return ctx, nil
		}
		s.CleanupNotes = s.cleanUp(ctx)
		cerr := s.Close(err == nil)
		if hooks != nil {
			final := err
			if final == nil {
				final = cerr
			}
			hooks.ScenarioDone(s, gs, final)
		}
		return ctx, cerr
	})

	exprs := compiledVocabulary()
	for i, d := range vocabulary() {
		sc.Step(exprs[i], d.fn)
	}
}

// compiledVocabulary are the step expressions compiled once per process: godog compiles a string
// expression again for every scenario, which was the largest cost of an offline replay.
var compiledVocabulary = sync.OnceValue(func() []*regexp.Regexp {
	defs := vocabulary()
	out := make([]*regexp.Regexp, len(defs))
	for i, d := range defs {
		out[i] = regexp.MustCompile(d.expr)
	}
	return out
})

// stepDef is one step of the vocabulary.
type stepDef struct {
	expr string
	fn   any
	// cannotFail says why the step cannot fail, whatever the response or the scenario's state.
	// It is empty for every other step: each of those has a case in the tests showing it fail.
	cannotFail string
}

// Vocabulary returns the expression of every step, in the order they are registered.
func Vocabulary() []string {
	defs := vocabulary()
	out := make([]string, len(defs))
	for i, d := range defs {
		out[i] = d.expr
	}
	return out
}

// vocabulary is the step table. Steps that judge a list fail on an empty list (or, for ordering
// and paging, on a list too short to judge) unless the step says " if any": a check that cannot
// fail on the data at hand is reported, not passed.
func vocabulary() []stepDef {
	const method = `(GET|POST|PUT|DELETE|PATCH|HEAD)`
	return []stepDef{
		{expr: `^I am authenticated$`, fn: func(ctx context.Context) error { return authenticate(ctx, "default") }},
		{expr: `^I am authenticated as "([^"]*)"$`, fn: authenticate},
		{expr: `^I am not authenticated$`, fn: notAuthenticated,
			cannotFail: "it takes no argument and only forgets the Authorization header and the cookies, which holds in any state"},
		{expr: `^the variable "([^"]*)" is "([^"]*)"$`, fn: setVariable},
		{expr: `^the request header "([^"]*)" is "([^"]*)"$`, fn: setHeader},
		{expr: `^the cloud in ([^"]+) at "([^"]*)"$`, fn: vendorStateAt},

		{expr: `^I send an? ` + method + ` request to "([^"]*)"$`, fn: send},
		{expr: `^I send an? ` + method + ` request to "([^"]*)" with body:$`, fn: sendBody},
		{expr: `^I send an? ` + method + ` request to "([^"]*)" with query:$`, fn: sendQuery},
		{expr: `^I send an? ` + method + ` request to "([^"]*)" with form:$`, fn: sendForm},

		{expr: `^the response status should be (\d{3})$`, fn: statusIs},
		{expr: `^the response status should be a success$`, fn: statusSuccess},
		{expr: `^the response status should be (\d{3}) or (\d{3})$`, fn: statusEither},
		{expr: `^the response should conform to the contract$`, fn: conforms},
		{expr: `^the response header "([^"]*)" should be present$`, fn: headerPresent},
		{expr: `^the response header "([^"]*)" should be absent$`, fn: headerAbsent},
		{expr: `^the response header "([^"]*)" should be "([^"]*)"$`, fn: headerIs},
		{expr: `^the response header "([^"]*)" should match "([^"]*)"$`, fn: headerMatches},
		{expr: `^the response field "([^"]*)" should be "([^"]*)"$`, fn: fieldIs},
		{expr: `^the response field "([^"]*)" should match "([^"]*)"$`, fn: fieldMatches},
		{expr: `^the response field "([^"]*)" should exist$`, fn: fieldExists},
		{expr: `^the response field "([^"]*)" should not exist$`, fn: fieldAbsent},
		{expr: `^the response field "([^"]*)" should have (\d+) items?$`, fn: fieldCount},
		{expr: `^the response field "([^"]*)" should have at least (\d+) items?$`, fn: fieldAtLeast},
		{expr: `^the response field "([^"]*)" should have at most (\d+) items?$`, fn: fieldAtMost},
		{expr: `^every item of the response field "([^"]*)" should have "([^"]*)" equal to "([^"]*)"$`, fn: func(ctx context.Context, ptr, sub, want string) error {
			return everyItem(ctx, ptr, sub, want, false)
		}},
		{expr: `^every item of the response field "([^"]*)" should have "([^"]*)" equal to "([^"]*)" if any$`, fn: func(ctx context.Context, ptr, sub, want string) error {
			return everyItem(ctx, ptr, sub, want, true)
		}},
		{expr: `^the response body should contain "([^"]*)"$`, fn: bodyContains},
		{expr: `^the response body should contain "([^"]*)" or "([^"]*)"$`, fn: func(ctx context.Context, a, b string) error {
			return bodyContainsEither(ctx, a, b, 0)
		}},
		{expr: `^the response body should contain "([^"]*)" or "([^"]*)", our reading of document line (\d+)$`, fn: bodyContainsEither},
		{expr: `^reading back the last write should show the fields it sent$`, fn: readBackStep},
		{expr: `^I save the response field "([^"]*)" as "([^"]*)"$`, fn: saveField},
		{expr: `^I save the response header "([^"]*)" as "([^"]*)"$`, fn: saveHeader},
		{expr: `^I save "([^"]*)" of the first item of "([^"]*)" as "([^"]*)"$`, fn: saveFirst},
		{expr: `^I save "([^"]*)" of the first item of "([^"]*)" whose "([^"]*)" (is|is not) "([^"]*)" as "([^"]*)"$`, fn: saveFirstWhere},
		{expr: `^I save the number of items of "([^"]*)" as "([^"]*)"$`, fn: saveCount},
		{expr: `^the response field "([^"]*)" should have "([^"]*)" items?$`, fn: fieldCountVar},
		{expr: `^the response field "([^"]*)" should have (an|no) item whose "([^"]*)" is "([^"]*)"$`, fn: hasItem},
		{expr: `^I poll ` + method + ` "([^"]*)" until the response field "([^"]*)" is "([^"]*)" within (\d+) attempts$`, fn: poll},
		{expr: `^I wait "?([^"]*?)"? seconds?$`, fn: wait},
		{expr: `^walking the pages of "([^"]*)" with "([^"]*)" and "([^"]*)" of (\d+) yields every item of "([^"]*)" exactly once$`, fn: walkPages},
		{expr: `^paging through "([^"]*)" by (\d+) yields every item exactly once$`, fn: pageThrough},
		{expr: `^the response items should be ordered by "([^"]*)"$`, fn: itemsOrdered},
		{expr: `^every response item should have "([^"]*)" (equal to|in|at least|at most) "([^"]*)"$`, fn: func(ctx context.Context, field, op, want string) error {
			return everyResponseItem(ctx, field, op, want, false)
		}},
		{expr: `^every response item should have "([^"]*)" (equal to|in|at least|at most) "([^"]*)" if any$`, fn: func(ctx context.Context, field, op, want string) error {
			return everyResponseItem(ctx, field, op, want, true)
		}},
		{expr: `^the response page should hold (at least )?(\d+) items?$`, fn: responseItemCount},

		{expr: `^the completion callback for transaction "([^"]*)" should arrive within (\d+) seconds?$`, fn: completionArrives},
		{expr: `^an? "([^"]*)" callback for transaction "([^"]*)" should arrive within (\d+) seconds?$`, fn: callbackArrives},
		{expr: `^the callback should conform to the contract$`, fn: callbackConforms},
		{expr: `^the callback header "([^"]*)" should be "([^"]*)"$`, fn: callbackHeaderIs},
		{expr: `^the callback field "([^"]*)" should be "([^"]*)"$`, fn: callbackFieldIs},
		{expr: `^I save the callback field "([^"]*)" as "([^"]*)"$`, fn: saveCallbackField},
		{expr: `^the "([^"]*)" callbacks for transaction "([^"]*)" should carry "([^"]*)" values "([^"]*)" in order within (\d+) seconds?$`, fn: eventsInOrder},
	}
}

// vendorStateAt sends the scenario's later requests, with the same credentials, to the base URL of
// a deployment of the API the vendor has put in a state (scheduled maintenance, a failing back
// end: a vendor-side fixture). Its failures are on purpose: they are the scenario's subject, so
// they are not retried.
func vendorStateAt(ctx context.Context, state, target string) error {
	s := scenario(ctx)
	v, err := s.Expand(target)
	if err != nil {
		return err
	}
	u, err := url.Parse(v)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
		return fmt.Errorf("the cloud in %s at %q: expected the base URL of the API there (http or https, a host, an optional path prefix)", state, s.env.Policy.String(v))
	}
	s.base, s.retries = u, 0
	return nil
}

func scenario(ctx context.Context) *Scenario {
	s, err := FromContext(ctx)
	if err != nil {
		panic(err) // the Before hook always runs first; reaching here is a wiring bug
	}
	return s
}

// Authenticate authenticates a scenario with the named credentials, as the step "I am
// authenticated" does (for commands that talk to an API outside a suite).
func Authenticate(ctx context.Context, s *Scenario, name string) error {
	return authenticate(context.WithValue(ctx, ctxKey{}, s), name)
}

func authenticate(ctx context.Context, name string) error {
	s := scenario(ctx)
	cred, ok := s.env.Credentials[name]
	if !ok {
		return fmt.Errorf("no credentials named %q for %s (configure them in the profile or the environment)", name, s.env.API.Name)
	}
	s.env.Policy.AddValues(cred.Password, cred.Token)
	auth := s.env.API.Harness.Auth
	switch auth.Kind {
	case spec.AuthNone:
		return nil
	case spec.AuthBasic:
		s.headers.Set("Authorization", "Basic "+base64.StdEncoding.EncodeToString([]byte(cred.Username+":"+cred.Password)))
		return nil
	case spec.AuthBearer:
		s.headers.Set("Authorization", "Bearer "+cred.Token)
		return nil
	case spec.AuthLogin:
		l := auth.Login
		body := strings.NewReplacer("${username}", jsonEscape(cred.Username), "${password}", jsonEscape(cred.Password)).Replace(l.Body)
		x, err := s.Do(ctx, l.Method, l.Path, http.Header{"Content-Type": {l.ContentType}}, []byte(body))
		if err != nil {
			return fmt.Errorf("login failed: %w", err)
		}
		if x.Status/100 != 2 {
			return fmt.Errorf("login failed: %s answered %d: %s", x.RequestLine(), x.Status, excerpt(x.Body))
		}
		if err := s.validate(x); err != nil {
			return err
		}
		for name, ptr := range l.Save {
			v, ok, err := s.Field(ptr)
			if err != nil {
				return fmt.Errorf("login response: %w", err)
			}
			if !ok {
				return fmt.Errorf("login response has no field %s to save as %s", ptr, name)
			}
			s.vars[name] = validate.Render(v)
		}
		return nil
	}
	return fmt.Errorf("unknown auth kind %q", auth.Kind)
}

func jsonEscape(v string) string {
	b, _ := json.Marshal(v)
	return string(b[1 : len(b)-1])
}

func notAuthenticated(ctx context.Context) error {
	s := scenario(ctx)
	s.headers.Del("Authorization")
	s.resetClient()
	return nil
}

func setVariable(ctx context.Context, name, value string) error {
	s := scenario(ctx)
	v, err := s.Expand(value)
	if err != nil {
		return err
	}
	s.vars[name] = v
	return nil
}

func setHeader(ctx context.Context, name, value string) error {
	s := scenario(ctx)
	v, err := s.Expand(value)
	if err != nil {
		return err
	}
	s.next.Set(name, v)
	return nil
}

func send(ctx context.Context, method, path string) error {
	return sendWith(ctx, method, path, nil, nil)
}

func sendWith(ctx context.Context, method, path string, header http.Header, body []byte) error {
	s := scenario(ctx)
	p, err := s.Expand(path)
	if err != nil {
		return err
	}
	_, err = s.Do(ctx, method, p, header, body)
	return err
}

var shortTypes = map[string]string{"json": "application/json", "xml": "application/xml", "form": "application/x-www-form-urlencoded", "text": "text/plain", "csv": "text/csv"}

func sendBody(ctx context.Context, method, path string, doc *godog.DocString) error {
	s := scenario(ctx)
	body, err := s.Expand(doc.Content)
	if err != nil {
		return err
	}
	ct := doc.MediaType
	if full, ok := shortTypes[ct]; ok {
		ct = full
	}
	if ct == "" {
		ct = s.requestMediaType(method, path)
	}
	return sendWith(ctx, method, path, http.Header{"Content-Type": {ct}}, []byte(body))
}

// requestMediaType is the first media type the operation documents for its request body.
func (s *Scenario) requestMediaType(method, path string) string {
	p, err := s.Expand(path)
	if err == nil {
		u, _ := url.Parse(p)
		if u != nil {
			if op, _, err := s.env.API.Find(method, u.Path, u.RawQuery); err == nil && op.Op.RequestBody != nil && op.Op.RequestBody.Value != nil {
				if types := spec.MediaTypes(op.Op.RequestBody.Value.Content); len(types) > 0 {
					return types[0]
				}
			}
		}
	}
	return "application/json"
}

func tableValues(s *Scenario, t *godog.Table) (url.Values, []string, error) {
	vals := url.Values{}
	var order []string
	for i, row := range t.Rows {
		if len(row.Cells) != 2 {
			return nil, nil, fmt.Errorf("table row %d: expected 2 cells (name | value), got %d", i+1, len(row.Cells))
		}
		k := row.Cells[0].Value
		v, err := s.Expand(row.Cells[1].Value)
		if err != nil {
			return nil, nil, err
		}
		if _, seen := vals[k]; !seen {
			order = append(order, k)
		}
		vals.Add(k, v)
	}
	return vals, order, nil
}

// encodeOrdered encodes values in table order (url.Values.Encode sorts; the order a person wrote
// is kept so the request is the one they read).
func encodeOrdered(vals url.Values, order []string) string {
	var parts []string
	for _, k := range order {
		for _, v := range vals[k] {
			if v == "" && strings.HasPrefix(k, "?") {
				parts = append(parts, url.QueryEscape(strings.TrimPrefix(k, "?")))
				continue
			}
			parts = append(parts, url.QueryEscape(k)+"="+url.QueryEscape(v))
		}
	}
	return strings.Join(parts, "&")
}

func sendQuery(ctx context.Context, method, path string, t *godog.Table) error {
	s := scenario(ctx)
	vals, order, err := tableValues(s, t)
	if err != nil {
		return err
	}
	q := encodeOrdered(vals, order)
	sep := "?"
	if strings.Contains(path, "?") {
		sep = "&"
	}
	return sendWith(ctx, method, path+sep+q, nil, nil)
}

func sendForm(ctx context.Context, method, path string, t *godog.Table) error {
	s := scenario(ctx)
	vals, order, err := tableValues(s, t)
	if err != nil {
		return err
	}
	return sendWith(ctx, method, path, http.Header{"Content-Type": {"application/x-www-form-urlencoded"}}, []byte(encodeOrdered(vals, order)))
}

func excerpt(b []byte) string {
	const max = 300
	s := strings.TrimSpace(string(b))
	if len(s) > max {
		return s[:max] + "…"
	}
	if s == "" {
		return "(empty body)"
	}
	return s
}

func statusIs(ctx context.Context, want int) error {
	return statusMatches(ctx, fmt.Sprint(want), want, func(got int) bool { return got == want })
}

// statusSuccess accepts any 2xx: for operations whose statuses the document does not give (the
// contract infers them), where a conforming cloud may answer 201 or 204 as well as 200.
func statusSuccess(ctx context.Context) error {
	return statusMatches(ctx, "a success (2xx)", 200, func(got int) bool { return got/100 == 2 })
}

// statusMatches checks the last status with ok; want names the expectation (wantCode is its
// class, for telling an unavailable service from an expected error).
func statusMatches(ctx context.Context, want string, wantCode int, ok func(int) bool) error {
	s := scenario(ctx)
	x, err := s.Last()
	if err != nil {
		return err
	}
	if ok(x.Status) {
		return nil
	}
	if why := s.unavailable(x); why != "" && wantCode < 500 {
		return &EnvironmentError{RequestLine: x.RequestLine(), Err: fmt.Errorf("the service is unavailable: %s; expected status %s; body: %s", why, want, excerpt(x.Body))}
	}
	note := ""
	if t, err := s.Target(); err == nil && t.StatusKey == "" {
		note = fmt.Sprintf(" (status not documented for %s, which documents %s)", t.Operation.ID, strings.Join(t.Operation.Statuses(), ", "))
		// An undocumented status breaks the contract, whatever the scenario expected.
		if verr := s.validate(x); verr != nil {
			return fmt.Errorf("%s: expected status %s, got %d%s; body: %s: %w", x.RequestLine(), want, x.Status, note, excerpt(x.Body), verr)
		}
	}
	return fmt.Errorf("%s: expected status %s, got %d%s; body: %s", x.RequestLine(), want, x.Status, note, excerpt(x.Body))
}

func conforms(ctx context.Context) error {
	s := scenario(ctx)
	x, err := s.Last()
	if err != nil {
		return err
	}
	err = s.validate(x)
	if why := s.unavailable(x); err != nil && why != "" {
		return &EnvironmentError{RequestLine: x.RequestLine(), Err: fmt.Errorf("the service is unavailable: %s, so its contract cannot be judged: %w", why, err)}
	}
	return err
}

func header(ctx context.Context, name string) (*validate.Exchange, []string, error) {
	s := scenario(ctx)
	x, err := s.Last()
	if err != nil {
		return nil, nil, err
	}
	return x, x.Header.Values(name), nil
}

func headerPresent(ctx context.Context, name string) error {
	x, vals, err := header(ctx, name)
	if err != nil {
		return err
	}
	if len(vals) == 0 {
		return fmt.Errorf("%s: expected a %s header, the response has none", x.RequestLine(), name)
	}
	return nil
}

func headerAbsent(ctx context.Context, name string) error {
	x, vals, err := header(ctx, name)
	if err != nil {
		return err
	}
	if len(vals) > 0 {
		return fmt.Errorf("%s: expected no %s header, got %q", x.RequestLine(), name, vals[0])
	}
	return nil
}

func headerIs(ctx context.Context, name, want string) error {
	x, vals, err := header(ctx, name)
	if err != nil {
		return err
	}
	w, err := scenario(ctx).Expand(want)
	if err != nil {
		return err
	}
	if len(vals) == 0 || vals[0] != w {
		return fmt.Errorf("%s: expected header %s to be %q, got %q", x.RequestLine(), name, w, strings.Join(vals, ", "))
	}
	return nil
}

func headerMatches(ctx context.Context, name, pattern string) error {
	x, vals, err := header(ctx, name)
	if err != nil {
		return err
	}
	re, err := compilePattern(pattern)
	if err != nil {
		return err
	}
	if len(vals) == 0 || !re.MatchString(vals[0]) {
		return fmt.Errorf("%s: expected header %s to match %s, got %q", x.RequestLine(), name, pattern, strings.Join(vals, ", "))
	}
	return nil
}

// compilePattern compiles the pattern of a "should match" step. An empty pattern matches anything,
// so a step with one could not fail: it is refused.
func compilePattern(pattern string) (*regexp.Regexp, error) {
	if pattern == "" {
		return nil, errors.New(`an empty pattern matches any value, so the step could not fail: give a pattern (or say "should be present" / "should exist")`)
	}
	re, err := regexp.Compile(pattern)
	if err != nil {
		return nil, fmt.Errorf("bad pattern %q: %w", pattern, err)
	}
	return re, nil
}

func field(ctx context.Context, ptr string) (*Scenario, any, error) {
	s := scenario(ctx)
	p, err := s.Expand(ptr)
	if err != nil {
		return nil, nil, err
	}
	v, ok, err := s.Field(p)
	if err != nil {
		return nil, nil, err
	}
	if !ok {
		return nil, nil, fmt.Errorf("%s: the response has no field %s; body: %s", s.last.RequestLine(), p, excerpt(s.last.Body))
	}
	return s, v, nil
}

func fieldIs(ctx context.Context, ptr, want string) error {
	s, v, err := field(ctx, ptr)
	if err != nil {
		return err
	}
	w, err := s.Expand(want)
	if err != nil {
		return err
	}
	if got := validate.Render(v); got != w {
		return fmt.Errorf("%s: expected field %s to be %q, got %q", s.last.RequestLine(), ptr, w, got)
	}
	return nil
}

func fieldMatches(ctx context.Context, ptr, pattern string) error {
	s, v, err := field(ctx, ptr)
	if err != nil {
		return err
	}
	re, err := compilePattern(pattern)
	if err != nil {
		return err
	}
	if got := validate.Render(v); !re.MatchString(got) {
		return fmt.Errorf("%s: expected field %s to match %s, got %q", s.last.RequestLine(), ptr, pattern, got)
	}
	return nil
}

func fieldExists(ctx context.Context, ptr string) error {
	_, _, err := field(ctx, ptr)
	return err
}

// fieldAbsent checks that a field is absent from a body that holds the object or array the
// field would be in: a field is not "absent" from a body that is not JSON or XML, nor from a
// parent that is itself missing (that proves nothing about the field).
func fieldAbsent(ctx context.Context, ptr string) error {
	s := scenario(ctx)
	p, err := s.Expand(ptr)
	if err != nil {
		return err
	}
	if p == "" || p == "/" {
		return fmt.Errorf("expected no field %q: the whole body cannot be absent; name a field", ptr)
	}
	v, ok, err := s.Field(p)
	if err != nil {
		return err
	}
	if ok {
		return fmt.Errorf("%s: expected no field %s, got %s", s.last.RequestLine(), p, excerpt([]byte(validate.Render(v))))
	}
	parent := p[:strings.LastIndexByte(p, '/')]
	pv, pok, _ := s.Field(parent)
	switch pv.(type) {
	case map[string]any, []any:
		return nil
	}
	where, got := parent, "absent"
	if parent == "" {
		where = "the body"
	}
	if pok {
		got = excerpt([]byte(validate.Render(pv)))
	}
	return fmt.Errorf("%s: expected no field %s, but %s, where it would be, is not an object or array (got %s): the absence proves nothing; body: %s", s.last.RequestLine(), p, where, got, excerpt(s.last.Body))
}

func items(ctx context.Context, ptr string) (*Scenario, []any, error) {
	s, v, err := field(ctx, ptr)
	if err != nil {
		return nil, nil, err
	}
	arr, ok := v.([]any)
	if !ok {
		return nil, nil, fmt.Errorf("%s: field %s is not an array: %s", s.last.RequestLine(), ptr, excerpt([]byte(validate.Render(v))))
	}
	return s, arr, nil
}

func fieldCount(ctx context.Context, ptr string, n int) error {
	s, arr, err := items(ctx, ptr)
	if err != nil {
		return err
	}
	if len(arr) != n {
		return fmt.Errorf("%s: expected %d items in %s, got %d", s.last.RequestLine(), n, ptr, len(arr))
	}
	return nil
}

func fieldAtLeast(ctx context.Context, ptr string, n int) error {
	if n == 0 {
		return errors.New(`"at least 0 items" holds for any list, so the step could not fail: expect a positive count, or "should have 0 items"`)
	}
	s, arr, err := items(ctx, ptr)
	if err != nil {
		return err
	}
	if len(arr) < n {
		return fmt.Errorf("%s: expected at least %d items in %s, got %d", s.last.RequestLine(), n, ptr, len(arr))
	}
	return nil
}

func fieldAtMost(ctx context.Context, ptr string, n int) error {
	s, arr, err := items(ctx, ptr)
	if err != nil {
		return err
	}
	if len(arr) > n {
		return fmt.Errorf("%s: expected at most %d items in %s, got %d", s.last.RequestLine(), n, ptr, len(arr))
	}
	return nil
}

// everyItem checks a field of every item of a list. On an empty list it fails, unless ifAny
// says the feature expects the list may be empty: "every item" of nothing proves nothing.
func everyItem(ctx context.Context, ptr, sub, want string, ifAny bool) error {
	s, arr, err := items(ctx, ptr)
	if err != nil {
		return err
	}
	w, err := s.Expand(want)
	if err != nil {
		return err
	}
	if len(arr) == 0 && !ifAny {
		return fmt.Errorf("%s: expected every item of %s to have %s equal to %q, but %s is empty: there is nothing to judge (say \"if any\" when an empty list is right)", s.last.RequestLine(), ptr, sub, w, ptr)
	}
	for i, it := range arr {
		v, ok := validate.Lookup(it, sub)
		if !ok {
			return fmt.Errorf("%s: item %s/%d has no field %s, expected %q", s.last.RequestLine(), ptr, i, sub, w)
		}
		if got := validate.Render(v); got != w {
			return fmt.Errorf("%s: item %s/%d%s is %q, expected %q", s.last.RequestLine(), ptr, i, sub, got, w)
		}
	}
	return nil
}

func bodyContains(ctx context.Context, text string) error {
	s := scenario(ctx)
	x, err := s.Last()
	if err != nil {
		return err
	}
	w, err := s.Expand(text)
	if err != nil {
		return err
	}
	if w == "" {
		return fmt.Errorf("every body contains %q, so the step could not fail: give the text to look for", text)
	}
	if !strings.Contains(string(x.Body), w) {
		return fmt.Errorf("%s: expected the body to contain %q; body: %s", x.RequestLine(), w, excerpt(x.Body))
	}
	return nil
}

// statusEither accepts either of two statuses: the document's alternatives for one condition
// (an org id that is not the caller's: 400 REASON_100 or 403 REASON_140).
func statusEither(ctx context.Context, a, b int) error {
	return statusMatches(ctx, fmt.Sprintf("%d or %d", a, b), a, func(got int) bool { return got == a || got == b })
}

// bodyContainsEither accepts a body holding either text. With a document line, the expectation is
// our reading of that line rather than its statement: a body holding neither is a deviation (a
// failure only when the run is strict), with the line as its evidence.
func bodyContainsEither(ctx context.Context, a, b string, line int) error {
	s := scenario(ctx)
	x, err := s.Last()
	if err != nil {
		return err
	}
	var want [2]string
	for i, text := range []string{a, b} {
		if want[i], err = s.Expand(text); err != nil {
			return err
		}
		if want[i] == "" {
			return fmt.Errorf("every body contains %q, so the step could not fail: give the text to look for", text)
		}
	}
	if strings.Contains(string(x.Body), want[0]) || strings.Contains(string(x.Body), want[1]) {
		return nil
	}
	msg := fmt.Sprintf("expected the body to contain %q or %q", want[0], want[1])
	if line == 0 {
		return fmt.Errorf("%s: %s; body: %s", x.RequestLine(), msg, excerpt(x.Body))
	}
	p := validate.Problem{Check: "body", Message: msg, Expected: want[0] + " or " + want[1], Actual: excerpt(x.Body),
		Evidence: &spec.Evidence{Source: "inferred", Line: line}}
	if s.env.Validator.Strict {
		return fmt.Errorf("%s: %s (%s); body: %s", x.RequestLine(), msg, p.Evidence, excerpt(x.Body))
	}
	op := ""
	if t, err := s.Target(); err == nil {
		op = t.Operation.ID
	}
	s.noteDeviations(op, x.RequestLine(), []validate.Problem{p})
	return nil
}

func saveField(ctx context.Context, ptr, name string) error {
	if err := conforming(ctx); err != nil {
		return err
	}
	s, v, err := field(ctx, ptr)
	if err != nil {
		return err
	}
	s.vars[name] = validate.Render(v)
	return nil
}

func saveHeader(ctx context.Context, hdr, name string) error {
	if err := conforming(ctx); err != nil {
		return err
	}
	x, vals, err := header(ctx, hdr)
	if err != nil {
		return err
	}
	if len(vals) == 0 {
		return fmt.Errorf("%s: no %s header to save as %s", x.RequestLine(), hdr, name)
	}
	scenario(ctx).vars[name] = vals[0]
	return nil
}

// poll repeats a request until a field reaches a value, validating every response against the
// contract. Between attempts it waits the poll interval (not at all in replay).
func poll(ctx context.Context, method, path, ptr, want string, attempts int) error {
	s := scenario(ctx)
	if attempts < 1 {
		return fmt.Errorf("polling %s %s within %d attempts sends nothing: give at least 1 attempt", method, path, attempts)
	}
	w, err := s.Expand(want)
	if err != nil {
		return err
	}
	p, err := s.Expand(ptr)
	if err != nil {
		return err
	}
	var seen []string
	for i := 1; i <= attempts; i++ {
		if i > 1 {
			if err := s.env.Wait(ctx, s.env.PollInterval); err != nil {
				return err
			}
		}
		if err := sendWith(ctx, method, path, nil, nil); err != nil {
			return err
		}
		if err := s.validate(s.last); err != nil {
			return fmt.Errorf("poll attempt %d: %w", i, err)
		}
		v, ok, err := s.Field(p)
		if err != nil {
			return fmt.Errorf("poll attempt %d: %w", i, err)
		}
		got := "(absent)"
		if ok {
			got = validate.Render(v)
		}
		seen = append(seen, got)
		if ok && got == w {
			return nil
		}
	}
	return fmt.Errorf("%s: field %s did not become %q within %d attempts; it was %s", s.last.RequestLine(), p, w, attempts, strings.Join(seen, " → "))
}

func wait(ctx context.Context, secs string) error {
	s := scenario(ctx)
	v, err := s.Expand(secs)
	if err != nil {
		return err
	}
	n, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
	if err != nil || n < 0 {
		return fmt.Errorf("wait: %q is not a number of seconds", v)
	}
	return s.env.Wait(ctx, time.Duration(n*float64(time.Second)))
}

// walkPages fetches a list unpaged, then page by page with the given page size, and checks that
// the pages together hold every item of the unpaged list exactly once (and no other).
func walkPages(ctx context.Context, path, pageParam, sizeParam string, size int, ptr string) error {
	s := scenario(ctx)
	if size < 1 {
		return errors.New("page size must be at least 1")
	}
	if err := sendWith(ctx, "GET", path, nil, nil); err != nil {
		return err
	}
	if err := s.validate(s.last); err != nil {
		return err
	}
	_, all, err := items(ctx, ptr)
	if err != nil {
		return err
	}
	if len(all) <= size {
		list := ptr
		if list == "" {
			list = "the body"
		}
		return fmt.Errorf("%s: walking the pages of %s by %s=%d cannot be judged on %d item(s) of %s: the list must fill more than one page (at least %d items)", s.last.RequestLine(), path, sizeParam, size, len(all), list, size+1)
	}
	want := map[string]int{}
	for _, it := range all {
		want[validate.Render(it)]++
	}
	got := map[string]int{}
	sep := "?"
	if strings.Contains(path, "?") {
		sep = "&"
	}
	const maxPages = 1000
	total := 0
	for page := 1; page <= maxPages; page++ {
		q := fmt.Sprintf("%s%s%s=%d&%s=%d", path, sep, url.QueryEscape(pageParam), page, url.QueryEscape(sizeParam), size)
		if err := sendWith(ctx, "GET", q, nil, nil); err != nil {
			return err
		}
		if err := s.validate(s.last); err != nil {
			return fmt.Errorf("page %d: %w", page, err)
		}
		_, arr, err := items(ctx, ptr)
		if err != nil {
			return fmt.Errorf("page %d: %w", page, err)
		}
		if len(arr) > size {
			return fmt.Errorf("%s: page %d holds %d items, more than the page size %d", s.last.RequestLine(), page, len(arr), size)
		}
		for _, it := range arr {
			got[validate.Render(it)]++
		}
		total += len(arr)
		if len(arr) < size || total >= len(all) {
			break
		}
	}
	var problems []string
	for k, n := range want {
		if got[k] != n {
			problems = append(problems, fmt.Sprintf("item seen %d time(s) across pages, %d time(s) unpaged: %s", got[k], n, excerpt([]byte(k))))
		}
	}
	for k, n := range got {
		if _, ok := want[k]; !ok {
			problems = append(problems, fmt.Sprintf("item on a page but not in the unpaged list (%d time(s)): %s", n, excerpt([]byte(k))))
		}
	}
	if len(problems) > 0 {
		return fmt.Errorf("walking %s by %s=%d: %d item(s) unpaged, %d across pages:\n  %s", path, sizeParam, size, len(all), total, strings.Join(problems, "\n  "))
	}
	return nil
}
