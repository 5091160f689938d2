package spec

import (
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// CleanupRule says how a live run recognises a resource it created and how it deletes it again
// (the cleanup section of harness.yaml). Every value source is written as KIND:WHERE:
//
//	path:NAME       a path parameter of the create request
//	query:NAME      a query parameter of the create request
//	body:/pointer   a JSON pointer into the create request's JSON body
//	form:NAME       a field of the create request's form body (application/x-www-form-urlencoded)
//	element:NAME    the text of the first XML element NAME of the create request's body
//	response:/ptr   a JSON pointer into the create response (XML decoded by its schema)
//	header:NAME     a header of the create response
//
// A path parameter of the delete operation may also be "list": the create answer does not give
// the id, so it is found by name among the items of the list operation.
type CleanupRule struct {
	// Resource names the kind of resource, for messages (tenant, server, service instance).
	Resource string `yaml:"resource"`
	// Create lists the operationIds that create one such resource.
	Create []string `yaml:"create"`
	// Name is the source of the resource's name; a name must start with the run id before the
	// harness deletes the resource on its own.
	Name string `yaml:"name"`
	// Delete is the operationId that deletes one.
	Delete string `yaml:"delete"`
	// Params maps path parameters of Delete to their source. A parameter not listed takes the
	// create request's path parameter of the same name.
	Params map[string]string `yaml:"params"`
	// Query, when "create", sends the create request's query string with the delete request
	// (APIs that scope every call by query parameters).
	Query string `yaml:"query"`
	// List is the operationId that lists such resources (for `cloudcontract cleanup`).
	List string `yaml:"list"`
	// ListQuery is sent with the list request; ${NAME} is a credential field or a --var value.
	ListQuery string `yaml:"list_query"`
	// Items is the JSON pointer of the array of resources in the list response.
	Items string `yaml:"items"`
	// ItemName is the JSON pointer of the name inside one listed item.
	ItemName string `yaml:"item_name"`
	// ItemParams maps path parameters of Delete to JSON pointers inside one listed item.
	ItemParams map[string]string `yaml:"item_params"`
	// Wait, when set, waits out an operation in progress on the resource before deleting it.
	Wait *CleanupWait `yaml:"wait"`

	// Line is the line of the rule in harness.yaml.
	Line int `yaml:"-"`
}

// UnmarshalYAML decodes a rule and keeps its line for error messages.
func (r *CleanupRule) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if !cleanupFields[k.Value] {
				return fmt.Errorf("line %d: field %s not found in a cleanup rule", k.Line, k.Value)
			}
		}
	}
	type plain CleanupRule
	var p plain
	if err := n.Decode(&p); err != nil {
		return err
	}
	*r = CleanupRule(p)
	r.Line = n.Line
	return nil
}

var cleanupFields = map[string]bool{
	"resource": true, "create": true, "name": true, "delete": true, "params": true, "query": true,
	"list": true, "list_query": true, "items": true, "item_name": true, "item_params": true, "wait": true,
}

// MaxCleanupWait bounds the wait of a cleanup rule: a run must end, and what it could not delete
// in that time is reported, never waited for without end.
const MaxCleanupWait = 10 * time.Minute

// CleanupWait says how to wait out an operation in progress on a resource (an image being
// imported or copied) that refuses to be deleted until the operation completes: the harness reads
// the resource until its state is none of States, at most for Within, and reports it left behind
// otherwise.
type CleanupWait struct {
	// Read is the operationId that reads one resource; its path parameters are those of the delete.
	Read string `yaml:"read"`
	// Field is the JSON pointer of the state in Read's answer (XML decoded by its schema).
	Field string `yaml:"field"`
	// States are the states that mean an operation is in progress.
	States []string `yaml:"states"`
	// Within bounds the wait (at most MaxCleanupWait); Every is the time between two reads.
	Within time.Duration `yaml:"within"`
	Every  time.Duration `yaml:"every"`
}

// UnmarshalYAML decodes a wait and rejects a field it does not know, naming its line.
func (w *CleanupWait) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if k := n.Content[i]; !waitFields[k.Value] {
				return fmt.Errorf("line %d: field %s not found in a cleanup wait (read, field, states, within, every)", k.Line, k.Value)
			}
		}
	}
	type plain CleanupWait
	var p plain
	if err := n.Decode(&p); err != nil {
		return err
	}
	*w = CleanupWait(p)
	return nil
}

var waitFields = map[string]bool{"read": true, "field": true, "states": true, "within": true, "every": true}

// LongestCleanupWait is the longest wait of the cleanup rules (0 when none waits).
func (h *Harness) LongestCleanupWait() time.Duration {
	var longest time.Duration
	for _, r := range h.Cleanup {
		if r.Wait != nil {
			longest = max(longest, r.Wait.Within)
		}
	}
	return longest
}

// InProgress says whether a state read at Field is one to wait out.
func (w *CleanupWait) InProgress(state string) bool { return slices.Contains(w.States, state) }

// checkWait validates the wait of a rule whose delete operation is del.
func (a *API) checkWait(where string, w *CleanupWait, del *Operation) error {
	if w.Read == "" || w.Field == "" || len(w.States) == 0 {
		return fmt.Errorf("%s: wait: read, field and states are required", where)
	}
	read := a.Operation(w.Read)
	if read == nil {
		return fmt.Errorf("%s: wait: operation %q is not in the contract", where, w.Read)
	}
	for _, p := range read.Params() {
		if !slices.Contains(del.Params(), p) {
			return fmt.Errorf("%s: wait: path parameter {%s} of %s is not one of %s", where, p, w.Read, del.ID)
		}
	}
	if !strings.HasPrefix(w.Field, "/") {
		return fmt.Errorf("%s: wait: field %q is not a JSON pointer", where, w.Field)
	}
	if w.Within <= 0 || w.Within > MaxCleanupWait {
		return fmt.Errorf("%s: wait: within %v: give a duration up to %v (10s, 5m)", where, w.Within, MaxCleanupWait)
	}
	if w.Every <= 0 || w.Every > w.Within {
		return fmt.Errorf("%s: wait: every %v: give a duration up to within (%v)", where, w.Every, w.Within)
	}
	return nil
}

var sourceKinds = map[string]bool{"path": true, "query": true, "body": true, "form": true, "element": true, "response": true, "header": true}

// checkCleanup validates the cleanup rules against the contract's operations.
func (a *API) checkCleanup() error {
	for i := range a.Harness.Cleanup {
		r := &a.Harness.Cleanup[i]
		where := fmt.Sprintf("line %d: cleanup rule %q", r.Line, r.Resource)
		if r.Resource == "" {
			return fmt.Errorf("line %d: cleanup rule: resource is missing", r.Line)
		}
		if len(r.Create) == 0 || r.Delete == "" || r.Name == "" {
			return fmt.Errorf("%s: create, name and delete are required", where)
		}
		for _, id := range append(append([]string{}, r.Create...), r.Delete) {
			if a.Operation(id) == nil {
				return fmt.Errorf("%s: operation %q is not in the contract", where, id)
			}
		}
		sources := map[string]string{"name": r.Name}
		for k, v := range r.Params {
			sources["params."+k] = v
		}
		for field, src := range sources {
			if src == "list" && field != "name" {
				if r.List == "" {
					return fmt.Errorf("%s: %s: list needs a list operation (list, items, item_name, item_params)", where, field)
				}
				if _, ok := r.ItemParams[strings.TrimPrefix(field, "params.")]; !ok {
					return fmt.Errorf("%s: %s: list needs item_params.%s", where, field, strings.TrimPrefix(field, "params."))
				}
				continue
			}
			if err := checkSource(src); err != nil {
				return fmt.Errorf("%s: %s %w", where, field, err)
			}
		}
		del := a.Operation(r.Delete)
		for _, s := range del.segments {
			if s.param == "" {
				continue
			}
			if _, ok := r.Params[s.param]; ok {
				continue
			}
			found := false
			for _, id := range r.Create {
				for _, cs := range a.Operation(id).segments {
					found = found || cs.param == s.param
				}
			}
			if !found {
				return fmt.Errorf("%s: path parameter {%s} of %s has no source: add params.%s", where, s.param, r.Delete, s.param)
			}
		}
		if r.Wait != nil {
			if err := a.checkWait(where, r.Wait, del); err != nil {
				return err
			}
		}
		if r.Query != "" && r.Query != "create" {
			return fmt.Errorf("%s: query %q: the only value is \"create\"", where, r.Query)
		}
		if r.List != "" {
			if a.Operation(r.List) == nil {
				return fmt.Errorf("%s: list operation %q is not in the contract", where, r.List)
			}
			if r.ItemName == "" {
				return fmt.Errorf("%s: list needs item_name (and items, item_params)", where)
			}
			for _, s := range del.segments {
				if s.param == "" {
					continue
				}
				if _, ok := r.ItemParams[s.param]; !ok && !a.listHasParam(r.List, s.param) {
					return fmt.Errorf("%s: path parameter {%s} of %s has no source in a listed item: add item_params.%s", where, s.param, r.Delete, s.param)
				}
			}
		}
	}
	return nil
}

func (a *API) listHasParam(list, param string) bool {
	for _, s := range a.Operation(list).segments {
		if s.param == param {
			return true
		}
	}
	return false
}

// Path fills the operation's path key with parameter values (escaped); the action marker stays as
// the query. A parameter without a value is an error.
func (o *Operation) Path(params map[string]string) (string, error) {
	var b strings.Builder
	for _, s := range o.segments {
		b.WriteByte('/')
		if s.param == "" {
			b.WriteString(s.literal)
			continue
		}
		v, ok := params[s.param]
		if !ok || v == "" {
			return "", fmt.Errorf("%s: no value for path parameter {%s}", o, s.param)
		}
		b.WriteString(s.prefix + url.PathEscape(v) + s.suffix)
	}
	if o.Marker != "" {
		b.WriteString("?" + o.Marker)
		if o.MarkerValue != "" {
			b.WriteString("=" + o.MarkerValue)
		}
	}
	return b.String(), nil
}

// Params lists the operation's path parameters, in path order.
func (o *Operation) Params() []string {
	var out []string
	for _, s := range o.segments {
		if s.param != "" {
			out = append(out, s.param)
		}
	}
	return out
}
