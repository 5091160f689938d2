// Package cleanup keeps live runs from leaving resources behind or deleting what they did not
// create. A Tracker watches the exchanges of one scenario and notes each resource a create
// operation of the contract made (the cleanup rules of harness.yaml say which operations create
// what, where the name is and how to delete it); a resource is owned by the run only when its name
// starts with the run id, and only owned resources are ever deleted by the harness: after a
// scenario, whatever it created and did not delete itself (a failed or interrupted scenario), and by
// `cloudcontract cleanup --run-id`, whatever a list operation shows with the prefix.
package cleanup

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/cloudcontract/cloudcontract/harness/spec"
	"github.com/cloudcontract/cloudcontract/harness/validate"
)

// runIDRe is the shape of a run id: "cc" and eight hex digits.
var runIDRe = regexp.MustCompile(`^cc[0-9a-f]{8}$`)

// CheckRunID rejects a run id that could match resources of other runs or of other people (empty,
// short, or not of the shape the harness hands out).
func CheckRunID(id string) error {
	if !runIDRe.MatchString(id) {
		return fmt.Errorf("run id %q is not a run id of cloudcontract (cc and 8 hex digits, as printed by a live run)", id)
	}
	return nil
}

// Owned says whether a resource name carries the run id prefix: only such resources are deleted
// by the harness. An invalid run id owns nothing.
func Owned(name, runID string) bool {
	return CheckRunID(runID) == nil && strings.HasPrefix(name, runID)
}

// Resource is one resource a scenario created and the request that deletes it.
type Resource struct {
	// Kind is the rule's resource name (tenant, server).
	Kind string
	// Name is the resource's name.
	Name string
	// Method and Path (query included) of the delete request.
	Method, Path string
	// CreatedBy is the request line of the create request.
	CreatedBy string

	op     string
	params map[string]string
	owned  bool
	rule   *spec.CleanupRule
	query  string // the create request's query, for rules with query: create
	find   bool   // some delete parameter is found by listing (params: NAME: list)
}

// String describes the resource for messages.
func (r *Resource) String() string { return fmt.Sprintf("%s %q", r.Kind, r.Name) }

// Tracker notes the resources one scenario created and has not deleted yet. It is not safe for
// concurrent use: each scenario has its own.
type Tracker struct {
	api     *spec.API
	runID   string
	created []*Resource
	notes   []string
}

// NewTracker returns the tracker of one scenario of a run.
func NewTracker(api *spec.API, runID string) *Tracker {
	return &Tracker{api: api, runID: runID}
}

// Lookup reads a JSON pointer of the response of an exchange (XML decoded by its schema).
type Lookup func(pointer string) (any, bool)

// Observe looks at one exchange of the scenario: a successful create adds a resource, a
// successful delete of a tracked resource removes it.
func (t *Tracker) Observe(x *validate.Exchange, response Lookup) {
	if t == nil || x == nil || x.Status < 200 || x.Status > 299 {
		return
	}
	op, params, err := t.api.Find(x.Method, x.URL.Path, x.URL.RawQuery)
	if err != nil {
		return
	}
	for i := range t.api.Harness.Cleanup {
		rule := &t.api.Harness.Cleanup[i]
		if op.ID == rule.Delete {
			t.forget(rule.Delete, params)
		}
		for _, id := range rule.Create {
			if op.ID == id {
				t.add(rule, x, params, response)
			}
		}
	}
}

func (t *Tracker) add(rule *spec.CleanupRule, x *validate.Exchange, params map[string]string, response Lookup) {
	ex := NewSources(x, params, response)
	line := spec.RequestLine(x.Method, x.URL)
	name, err := ex.Value(rule.Name)
	if err != nil {
		t.notes = append(t.notes, fmt.Sprintf("%s created by %s: its name is unknown (%v): it is not deleted by the harness", rule.Resource, line, err))
		return
	}
	del := t.api.Operation(rule.Delete)
	dp := map[string]string{}
	for k, v := range params {
		dp[k] = v
	}
	find := false
	for k, src := range rule.Params {
		if src == "list" {
			find = true
			continue
		}
		v, err := ex.Value(src)
		if err != nil {
			t.notes = append(t.notes, fmt.Sprintf("%s %q created by %s cannot be deleted: params.%s: %v", rule.Resource, name, line, k, err))
			return
		}
		dp[k] = v
	}
	r := &Resource{Kind: rule.Resource, Name: name, Method: del.Method, CreatedBy: line, op: del.ID, params: dp, owned: Owned(name, t.runID), rule: rule, find: find}
	if rule.Query == "create" {
		r.query = x.URL.RawQuery
	}
	if !find {
		if err := r.setPath(t.api); err != nil {
			t.notes = append(t.notes, fmt.Sprintf("%s created by %s cannot be deleted: %v", r, line, err))
			return
		}
	}
	t.created = append(t.created, r)
}

// setPath builds the delete request from the resource's parameters.
func (r *Resource) setPath(api *spec.API) error {
	path, err := api.Operation(r.op).Path(r.params)
	if err != nil {
		return err
	}
	if r.query != "" {
		path = joinQuery(path, r.query)
	}
	r.Path = path
	return nil
}

// CleanUp deletes, newest first, what the scenario created with the run id prefix and did not
// delete itself. A resource whose id the create answer does not give is found by name with the
// rule's list operation. It returns an error per resource left behind.
func (t *Tracker) CleanUp(ctx context.Context, d Doer, v *validate.Validator) []error {
	var errs []error
	for _, r := range t.Pending() {
		if r.find {
			found, err := t.resolve(ctx, d, v, r)
			if err != nil {
				errs = append(errs, fmt.Errorf("%s created by %s: %w", r, r.CreatedBy, err))
				continue
			}
			if !found {
				continue // no longer listed: the scenario deleted it (by an id the tracker never saw)
			}
		}
		if err := deleteIdle(ctx, d, v, t.api, r, t.runID); err != nil {
			errs = append(errs, err)
		}
	}
	return errs
}

// deleteIdle waits out an operation in progress on the resource when its rule says how, then
// deletes it.
func deleteIdle(ctx context.Context, d Doer, v *validate.Validator, api *spec.API, r *Resource, runID string) error {
	if err := awaitIdle(ctx, d, v, api, r); err != nil {
		return err
	}
	return deleteResource(ctx, d, v, r, runID)
}

// awaitIdle reads the resource with its rule's wait operation until its state is not one of an
// operation in progress, pausing between reads for at most the rule's bound in all. A read that
// fails or shows no state ends the wait: the delete then says what it says.
func awaitIdle(ctx context.Context, d Doer, v *validate.Validator, api *spec.API, r *Resource) error {
	if r.rule == nil || r.rule.Wait == nil {
		return nil
	}
	w := r.rule.Wait
	read := api.Operation(w.Read)
	path, err := read.Path(r.params)
	if err != nil {
		return fmt.Errorf("%s: not deleted: reading its state: %w", r, err)
	}
	var waited time.Duration
	for {
		state, ok := readState(ctx, d, v, read, w.Field, path)
		if !ok || !w.InProgress(state) {
			return nil
		}
		if waited >= w.Within {
			return fmt.Errorf("%s: not deleted: still %s after %v (%s %s): an operation is in progress; delete it once it completes", r, state, w.Within, read.Method, path)
		}
		pause := min(w.Every, w.Within-waited)
		if err := wait(ctx, d, pause); err != nil {
			return fmt.Errorf("%s: not deleted: still %s when the cleanup ran out of time (%s %s): %w", r, state, read.Method, path, err)
		}
		waited += pause
	}
}

// Pacer is a Doer that also pauses the way its run does (a live run sleeps); a Doer that is none
// sleeps.
type Pacer interface {
	Wait(ctx context.Context, d time.Duration) error
}

func wait(ctx context.Context, d Doer, pause time.Duration) error {
	if p, ok := d.(Pacer); ok {
		return p.Wait(ctx, pause)
	}
	t := time.NewTimer(pause)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// readState reads the state field of one resource; ok is false when the read fails or the
// answer holds no state.
func readState(ctx context.Context, d Doer, v *validate.Validator, read *spec.Operation, field, path string) (string, bool) {
	x, err := d.Do(ctx, read.Method, path)
	if err != nil || x.Status != http.StatusOK {
		return "", false
	}
	tg, err := v.Prepare(x)
	if err != nil || tg.Body == nil || tg.BodyErr != nil {
		return "", false
	}
	state, ok := validate.Lookup(tg.Body.Value, field)
	if !ok || state == nil {
		return "", false
	}
	return validate.Render(state), true
}

// resolve finds the delete parameters of a resource by listing its kind and picking it by name;
// found is false when the list does not show it.
func (t *Tracker) resolve(ctx context.Context, d Doer, v *validate.Validator, r *Resource) (found bool, err error) {
	rule := r.rule
	items, err := listItems(ctx, d, v, t.api, rule, r.params, r.query)
	if err != nil {
		return false, err
	}
	for _, it := range items {
		if name, ok := itemName(rule, it); !ok || name != r.Name {
			continue
		}
		itemParams(rule, it, r.params)
		return true, r.setPath(t.api)
	}
	return false, nil
}

// itemName is the name of one listed item.
func itemName(rule *spec.CleanupRule, item any) (string, bool) {
	v, ok := validate.Lookup(item, rule.ItemName)
	if !ok {
		return "", false
	}
	return validate.Render(v), true
}

// itemParams copies the delete path parameters a listed item holds into params.
func itemParams(rule *spec.CleanupRule, item any, params map[string]string) {
	for k, ptr := range rule.ItemParams {
		if v, ok := validate.Lookup(item, ptr); ok {
			params[k] = validate.Render(v)
		}
	}
}

// listItems sends the rule's list request (path parameters from params, query appended) and
// returns the listed items.
func listItems(ctx context.Context, d Doer, v *validate.Validator, api *spec.API, rule *spec.CleanupRule, params map[string]string, query string) ([]any, error) {
	list := api.Operation(rule.List)
	path, err := list.Path(params)
	if err != nil {
		return nil, err
	}
	if query != "" {
		path = joinQuery(path, query)
	}
	x, err := d.Do(ctx, list.Method, path)
	if err != nil {
		return nil, fmt.Errorf("listing: %w", err)
	}
	if x.Status != http.StatusOK {
		return nil, fmt.Errorf("listing: %s answered %d: %s", spec.RequestLine(x.Method, x.URL), x.Status, excerpt(x.Body))
	}
	tg, err := v.Prepare(x)
	if err != nil || tg.Body == nil || tg.BodyErr != nil {
		return nil, fmt.Errorf("listing: %s: the body cannot be read", spec.RequestLine(x.Method, x.URL))
	}
	items, _ := validate.Lookup(tg.Body.Value, rule.Items)
	arr, ok := items.([]any)
	if !ok && items != nil {
		arr = []any{items} // an XML list holding one element
	}
	return arr, nil
}

func joinQuery(path, q string) string {
	if strings.Contains(path, "?") {
		return path + "&" + q
	}
	return path + "?" + q
}

// forget drops the tracked resources a delete operation removed.
func (t *Tracker) forget(op string, params map[string]string) {
	kept := t.created[:0]
	for _, r := range t.created {
		if r.op == op && sameParams(r.params, params) {
			continue
		}
		kept = append(kept, r)
	}
	t.created = kept
}

func sameParams(tracked, deleted map[string]string) bool {
	for k, v := range deleted {
		if tracked[k] != v {
			return false
		}
	}
	return true
}

// Pending returns what the scenario created with the run id prefix and did not delete, newest
// first (the order in which dependent resources can be deleted).
func (t *Tracker) Pending() []*Resource {
	if t == nil {
		return nil
	}
	out := make([]*Resource, 0, len(t.created))
	for i := len(t.created) - 1; i >= 0; i-- {
		if t.created[i].owned {
			out = append(out, t.created[i])
		}
	}
	return out
}

// Notes says what the scenario created and the harness will not delete: resources still there
// whose names lack the run id, and resources it could not identify.
func (t *Tracker) Notes() []string {
	if t == nil {
		return nil
	}
	out := append([]string(nil), t.notes...)
	for _, r := range t.created {
		if !r.owned {
			out = append(out, fmt.Sprintf("%s created by %s does not start with the run id %s: it is not deleted by the harness", r, r.CreatedBy, t.runID))
		}
	}
	return out
}

// Sources resolves value sources (path:NAME, query:NAME, body:/pointer, form:NAME, element:NAME,
// response:/pointer, header:NAME, and alternatives joined by "|") against one exchange: the
// create of a cleanup rule, the write of a round trip. A round trip also reads callback:/pointer,
// a field of the scenario's last callback (see WithCallback).
type Sources struct {
	x        *validate.Exchange
	params   map[string]string
	response Lookup
	callback Lookup
	body     any
	bodyErr  error
	decoded  bool
}

// NewSources returns the sources of an exchange: params are its path parameters, response reads
// its decoded answer.
func NewSources(x *validate.Exchange, params map[string]string, response Lookup) *Sources {
	return &Sources{x: x, params: params, response: response}
}

// WithCallback lets callback:/pointer read the decoded body of a callback (nil: none arrived).
func (e *Sources) WithCallback(callback Lookup) *Sources {
	e.callback = callback
	return e
}

// Value returns the value a source names, rendered as text, or an error saying it is absent.
func (e *Sources) Value(src string) (string, error) {
	v, err := e.Raw(src)
	if err != nil {
		return "", err
	}
	return validate.Render(v), nil
}

// Raw returns the value a source names: a JSON value for body:/pointer, response:/pointer and
// callback:/pointer (of the type the body gives it), text for the others.
func (e *Sources) Raw(src string) (any, error) {
	if alts := strings.Split(src, "|"); len(alts) > 1 {
		// Alternatives (element:id|body:/id): the first one the create request holds, for a
		// create whose body may be XML or JSON.
		for _, alt := range alts {
			if v, err := e.Raw(strings.TrimSpace(alt)); err == nil {
				return v, nil
			}
		}
		return nil, fmt.Errorf("none of %s is present", src)
	}
	kind, arg, _ := strings.Cut(src, ":")
	switch kind {
	case "path":
		if v, ok := e.params[arg]; ok && v != "" {
			return v, nil
		}
	case "query":
		if v := e.x.URL.Query().Get(arg); v != "" {
			return v, nil
		}
	case "header":
		if v := e.x.Header.Get(arg); v != "" {
			return v, nil
		}
	case "form":
		if v := formValue(e.x.RequestBody, arg); v != "" {
			return v, nil
		}
	case "element":
		if v, ok := firstElement(e.x.RequestBody, arg); ok {
			return v, nil
		}
	case "body":
		if !e.decoded {
			e.decoded = true
			e.bodyErr = json.Unmarshal(e.x.RequestBody, &e.body)
		}
		if e.bodyErr != nil {
			return nil, fmt.Errorf("%s: the request body is not JSON: %v", src, e.bodyErr)
		}
		if v, ok := validate.Lookup(e.body, arg); ok && v != nil {
			return v, nil
		}
	case "response":
		if e.response != nil {
			if v, ok := e.response(arg); ok && v != nil {
				return v, nil
			}
		}
	case "callback":
		if e.callback == nil {
			return nil, fmt.Errorf("%s: no callback has arrived: wait for the write's callback first", src)
		}
		if v, ok := e.callback(arg); ok && v != nil {
			return v, nil
		}
	}
	return nil, fmt.Errorf("%s is absent", src)
}

// formValue returns the first value of a field of a form body ("" when absent or not a form).
func formValue(body []byte, name string) string {
	vals, err := url.ParseQuery(string(body))
	if err != nil {
		return ""
	}
	return vals.Get(name)
}

// firstElement returns the text of the first element of an XML document with the local name.
func firstElement(doc []byte, name string) (string, bool) {
	d := xml.NewDecoder(bytes.NewReader(doc))
	for {
		tok, err := d.Token()
		if err != nil {
			return "", false
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == name {
			var text string
			if err := d.DecodeElement(&text, &se); err != nil {
				return "", false
			}
			return strings.TrimSpace(text), true
		}
	}
}

// Doer sends one request of the cleanup (authenticated like the scenario, never recorded).
type Doer interface {
	Do(ctx context.Context, method, path string) (*validate.Exchange, error)
}

// Delete deletes one resource, after checking again that the run owns it. A 404 counts as deleted.
func Delete(ctx context.Context, d Doer, r *Resource, runID string) error {
	return deleteResource(ctx, d, nil, r, runID)
}

// deleteResource is Delete; with a validator, a refusal names the result code of its Status body
// (REASON_601: an operation is in progress).
func deleteResource(ctx context.Context, d Doer, v *validate.Validator, r *Resource, runID string) error {
	if !Owned(r.Name, runID) {
		return fmt.Errorf("refusing to delete %s: its name does not start with the run id %q", r, runID)
	}
	x, err := d.Do(ctx, r.Method, r.Path)
	if err != nil {
		return fmt.Errorf("deleting %s (%s %s): %w", r, r.Method, r.Path, err)
	}
	if x.Status == http.StatusNotFound || (x.Status >= 200 && x.Status <= 299) {
		return nil
	}
	return fmt.Errorf("deleting %s: %s answered %d%s: %s", r, spec.RequestLine(x.Method, x.URL), x.Status, resultCode(v, x), excerpt(x.Body))
}

// resultCode is " " and the result code of an answer's Status body, or "" when it has none.
func resultCode(v *validate.Validator, x *validate.Exchange) string {
	if v == nil {
		return ""
	}
	tg, err := v.Prepare(x)
	if err != nil || tg.Body == nil || tg.BodyErr != nil {
		return ""
	}
	if code, ok := validate.ResultCode(tg.Body); ok {
		return " " + code
	}
	return ""
}

func excerpt(b []byte) string {
	s := strings.Join(strings.Fields(string(b)), " ")
	if len(s) > 200 {
		s = s[:200] + "…"
	}
	return s
}

// Sweep lists, with every list operation of the API's cleanup rules, the resources whose names
// start with runID, and deletes them (or only returns them when dryRun). vars fill ${NAME} in the
// rules' list_query. It goes on after a failed deletion and returns every error joined.
func Sweep(ctx context.Context, d Doer, v *validate.Validator, api *spec.API, runID string, vars map[string]string, dryRun bool, progress io.Writer) ([]*Resource, error) {
	if err := CheckRunID(runID); err != nil {
		return nil, err
	}
	var found []*Resource
	var errs []error
	for i := range api.Harness.Cleanup {
		rule := &api.Harness.Cleanup[i]
		if rule.List == "" {
			continue
		}
		query := ""
		if rule.ListQuery != "" {
			q, err := expand(rule.ListQuery, vars)
			if err != nil {
				errs = append(errs, fmt.Errorf("%s: list_query: %w", rule.Resource, err))
				continue
			}
			query = q
		}
		if missing := missingParams(api.Operation(rule.List), vars); len(missing) > 0 {
			if progress != nil {
				fmt.Fprintf(progress, "%s: not listed: %s needs --var %s=VALUE\n", rule.Resource, rule.List, missing[0])
			}
			continue
		}
		arr, err := listItems(ctx, d, v, api, rule, vars, query)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", rule.Resource, err))
			continue
		}
		del := api.Operation(rule.Delete)
		for _, it := range arr {
			name, ok := itemName(rule, it)
			if !ok || !Owned(name, runID) {
				continue
			}
			params := map[string]string{}
			for k, val := range vars {
				params[k] = val
			}
			itemParams(rule, it, params)
			r := &Resource{Kind: rule.Resource, Name: name, Method: del.Method, op: del.ID, params: params, owned: true, rule: rule}
			if rule.Query == "create" {
				r.query = query
			}
			if err := r.setPath(api); err != nil {
				errs = append(errs, fmt.Errorf("%s: %w", r, err))
				continue
			}
			if slices.ContainsFunc(found, func(f *Resource) bool { return f.Method == r.Method && f.Path == r.Path }) {
				continue // listed by an earlier rule too (two kinds deleted alike)
			}
			found = append(found, r)
		}
	}
	if dryRun {
		return found, errors.Join(errs...)
	}
	// Newest rules last in harness.yaml hold the dependent resources: delete them first.
	for i := len(found) - 1; i >= 0; i-- {
		r := found[i]
		err := deleteIdle(ctx, d, v, api, r, runID)
		if progress != nil {
			status := "deleted"
			if err != nil {
				status = "FAILED: " + err.Error()
			}
			fmt.Fprintf(progress, "%s %s %s: %s\n", r, r.Method, r.Path, status)
		}
		if err != nil {
			errs = append(errs, err)
		}
	}
	return found, errors.Join(errs...)
}

// missingParams lists the path parameters of op that vars do not give.
func missingParams(op *spec.Operation, vars map[string]string) []string {
	var out []string
	for _, p := range op.Params() {
		if vars[p] == "" {
			out = append(out, p)
		}
	}
	return out
}

var varRe = regexp.MustCompile(`\$\{([A-Za-z_][A-Za-z0-9_]*)\}`)

func expand(s string, vars map[string]string) (string, error) {
	var missing []string
	out := varRe.ReplaceAllStringFunc(s, func(m string) string {
		v, ok := vars[m[2:len(m)-1]]
		if !ok {
			missing = append(missing, m[2:len(m)-1])
		}
		return v
	})
	if len(missing) > 0 {
		return "", fmt.Errorf("${%s} is not set (give it with --var %s=VALUE)", missing[0], missing[0])
	}
	return out, nil
}
