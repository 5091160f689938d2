package spec

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"gopkg.in/yaml.v3"
)

// ReadBackFile is the name, in an API's folder, of the round-trip rules: for each create or update
// operation the suites exercise, the documented operation that reads back what it set, or why
// none can. It is not part of the contract's hash (like negative.yaml): it says how the harness
// checks the contract, not what the contract is.
const ReadBackFile = "readback.yaml"

// ReadBack is the round-trip rule of one create or update operation (keyed by its operationId in
// readback.yaml). Either Read names the operation that reads the result back, or None says why no
// documented operation can.
//
//	createMyCall:
//	  read: listMyCalls                     # the read (or list) operation
//	  query: for=user                       # optional query of the read (${NAME}: scenario variables)
//	  params: {ticket_id: response:/id}     # read path parameters: a value source (as in cleanup
//	                                        # rules); one not listed is the write's path parameter
//	  within: [{items: /server, match: {/id: path:id}}]  # optional: a listed item to look inside
//	  items: /                              # a list: the JSON pointer of its items ...
//	  match: {/ticket_id: response:/ticket_id}  # ... and the item whose pointers hold these values
//	  absent: true                          # optional: the write removed that item (no field compared)
//	  sent: /incident|/service              # the part of the request body compared (first present)
//	  at: /ticket                           # where that part is in the answer (or the item)
//	  skip: {/password: never returned}     # sent fields not compared, each with why
//	  document-line: 262                    # or evidence: {source, line, note}
//	reopenMyCall:
//	  none: sends no field: the action only changes the ticket's status
//	modifyVip:
//	  open: getVip reads it back; no scenario does yet
//
// Only the fields the write sent that the read representation documents are compared.
type ReadBack struct {
	// Operation is the create or update operation (the key of the rule).
	Operation string `yaml:"-"`
	// Read is the operationId that reads the result back.
	Read string `yaml:"read"`
	// Query is sent with the read; "create" sends the write's own query.
	Query string `yaml:"query"`
	// Params maps path parameters of Read to value sources of the write exchange.
	Params map[string]string `yaml:"params"`
	// Items is the JSON pointer of the items when Read answers a list.
	Items string `yaml:"items"`
	// Match picks the item: JSON pointers inside an item, each with the source of its value.
	Match map[string]string `yaml:"match"`
	// Within picks, level by level, a listed item that holds the list of Items (a disk of a
	// server of the list of servers): each level's Items is a pointer inside the item the level
	// before picked (the answer for the first).
	Within []Selector `yaml:"within"`
	// Absent says the write removed the item Items and Match name: the read must not list it, and
	// no field is compared.
	Absent bool `yaml:"absent"`
	// From says where the write carries the fields it sends: "body" (the default) or "query"
	// (its query parameters, each typed by the parameter's schema; the action marker counts when
	// it carries a value of the request's choosing).
	From string `yaml:"from"`
	// Sent is the JSON pointer of the compared part of the request body ("" the whole body);
	// alternatives separated by "|" take the first the request holds.
	Sent string `yaml:"sent"`
	// At is the JSON pointer of that part in the read answer (or in the picked item).
	At string `yaml:"at"`
	// Pairs says the compared part sent is a map of names to values that the read holds, at At, as
	// a list of items each with a name and a value (parameters sent as {"url": "x"}, read as
	// [{"name": "url", "value": "x"}]).
	Pairs *Pairs `yaml:"pairs"`
	// Skip lists fields (pointers relative to Sent) the document says the server transforms or
	// never returns, each with the reason.
	Skip map[string]string `yaml:"skip"`
	// Rename maps fields sent (pointers relative to Sent) to the field the read representation
	// gives them under (relative to At), where the document names them differently.
	Rename map[string]string `yaml:"rename"`
	// DocumentLine is the line of the vendor document saying the read operation returns what the
	// write set; Evidence says what that was inferred from otherwise (a difference is then a
	// deviation, not a failure).
	DocumentLine int            `yaml:"document-line"`
	Evidence     map[string]any `yaml:"evidence"`
	// None says why no documented operation reads back what the write set.
	None string `yaml:"none"`
	// Open says how the write could be read back where no scenario does yet: coverage still to
	// be written, listed rather than hidden.
	Open string `yaml:"open"`

	// Line is the line of the rule in readback.yaml.
	Line int `yaml:"-"`
}

// Selector picks one item of a list in a read answer: Items is the JSON pointer of the list,
// Match the pointers inside an item with the sources of the values it must hold.
type Selector struct {
	Items string            `yaml:"items"`
	Match map[string]string `yaml:"match"`
}

// Pairs names, inside each item of a list of name/value items, the JSON pointers of the name and
// of the value.
type Pairs struct {
	Name  string `yaml:"name"`
	Value string `yaml:"value"`
}

// Selectors returns the levels that pick the compared item: Within's, then the rule's own (none
// when the read answers the one resource).
func (r *ReadBack) Selectors() []Selector {
	if r.Items == "" {
		return nil
	}
	return append(append([]Selector{}, r.Within...), Selector{Items: r.Items, Match: r.Match})
}

// ReadBack returns the round-trip rule of an operation, or nil when readback.yaml has none.
func (a *API) ReadBack(operationID string) *ReadBack {
	return a.readBacks[operationID]
}

// ReadBacks returns every round-trip rule, ordered by operationId.
func (a *API) ReadBacks() []*ReadBack {
	out := make([]*ReadBack, 0, len(a.readBacks))
	for _, r := range a.readBacks {
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Operation < out[j].Operation })
	return out
}

// EvidenceOf returns the rule's evidence (nil when the document states the read, DocumentLine).
func (r *ReadBack) EvidenceOf() *Evidence {
	e, _, _ := ParseEvidence(r.Evidence)
	return e
}

// Where a write carries the fields it sends (ReadBack.From).
const (
	FromBody  = "body"
	FromQuery = "query"
)

var readBackFields = map[string]bool{
	"read": true, "query": true, "from": true, "params": true, "items": true, "match": true, "sent": true, "at": true,
	"skip": true, "rename": true, "pairs": true, "within": true, "absent": true, "document-line": true, "evidence": true, "none": true, "open": true,
}

// loadReadBacks reads readback.yaml of dir (absent: no rules) and checks every rule against the
// contract's operations.
func (a *API) loadReadBacks(dir string) error {
	a.readBacks = map[string]*ReadBack{}
	data, err := os.ReadFile(filepath.Join(dir, ReadBackFile))
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	var root yaml.Node
	if err := yaml.NewDecoder(bytes.NewReader(data)).Decode(&root); err != nil {
		return err
	}
	if len(root.Content) == 0 {
		return nil
	}
	doc := root.Content[0]
	if doc.Kind != yaml.MappingNode || len(doc.Content) != 2 || doc.Content[0].Value != "readback" {
		return fmt.Errorf("line %d: the file holds one key, readback: a map of operationId to rule", doc.Line)
	}
	rules := doc.Content[1]
	if rules.Kind != yaml.MappingNode {
		return fmt.Errorf("line %d: readback must be a map of operationId to rule", rules.Line)
	}
	for i := 0; i+1 < len(rules.Content); i += 2 {
		k, v := rules.Content[i], rules.Content[i+1]
		if v.Kind != yaml.MappingNode {
			return fmt.Errorf("line %d: readback rule %s must be a map", v.Line, k.Value)
		}
		for j := 0; j+1 < len(v.Content); j += 2 {
			if f := v.Content[j]; f.Value != "<<" && !readBackFields[f.Value] {
				return fmt.Errorf("line %d: readback rule %s: field %s not found (%s)", f.Line, k.Value, f.Value, strings.Join(sortedKeys(readBackFields), ", "))
			}
		}
		r := &ReadBack{}
		if err := v.Decode(r); err != nil {
			return fmt.Errorf("line %d: readback rule %s: %w", v.Line, k.Value, err)
		}
		r.Operation, r.Line = k.Value, k.Line
		if _, dup := a.readBacks[r.Operation]; dup {
			return fmt.Errorf("line %d: readback rule %s is given twice", k.Line, k.Value)
		}
		if err := a.checkReadBack(r); err != nil {
			return fmt.Errorf("line %d: readback rule %s: %w", r.Line, r.Operation, err)
		}
		a.readBacks[r.Operation] = r
	}
	return nil
}

func (a *API) checkReadBack(r *ReadBack) error {
	write := a.Operation(r.Operation)
	if write == nil {
		return fmt.Errorf("operation %q is not in the contract", r.Operation)
	}
	n := 0
	for _, v := range []string{r.Read, r.None, r.Open} {
		if v != "" {
			n++
		}
	}
	switch {
	case n == 0:
		return errors.New("read (the operationId that reads it back), none (why nothing can) or open (how it could be, where no scenario does yet) is required")
	case n > 1:
		return errors.New("read, none and open exclude each other: a write is read back, cannot be (why), or is still open")
	case r.Read == "":
		return nil
	}
	read := a.Operation(r.Read)
	if read == nil {
		return fmt.Errorf("read operation %q is not in the contract", r.Read)
	}
	if (r.DocumentLine > 0) == (r.Evidence != nil) {
		return errors.New("one of document-line (the document says the read returns what was written) or evidence {source, line, note} is required")
	}
	if r.Evidence != nil {
		if _, ok, err := ParseEvidence(r.Evidence); err != nil || !ok {
			return fmt.Errorf("evidence is not {source, line, note}: %v", err)
		}
	}
	for name, src := range r.Params {
		if err := checkReadSource(src); err != nil {
			return fmt.Errorf("params.%s: %w", name, err)
		}
	}
	for _, p := range read.Params() {
		if _, ok := r.Params[p]; ok {
			continue
		}
		if !contains(write.Params(), p) {
			return fmt.Errorf("path parameter {%s} of %s has no source: add params.%s", p, r.Read, p)
		}
	}
	if (r.Items != "") != (len(r.Match) > 0) {
		return errors.New("items (the list's items) and match (which item) go together")
	}
	if len(r.Within) > 0 && r.Items == "" {
		return errors.New("within picks the item holding a list: items and match name the list and its item")
	}
	for i, sel := range r.Selectors() {
		where := "match"
		if i < len(r.Within) {
			where = fmt.Sprintf("within[%d]", i)
			if sel.Items == "" || len(sel.Match) == 0 {
				return fmt.Errorf("%s: items (the list) and match (which item) are required", where)
			}
		}
		if !strings.HasPrefix(sel.Items, "/") {
			return fmt.Errorf("%s: items %q is not a JSON pointer", where, sel.Items)
		}
		for ptr, src := range sel.Match {
			if !strings.HasPrefix(ptr, "/") {
				return fmt.Errorf("%s: match key %q is not a JSON pointer", where, ptr)
			}
			if err := checkReadSource(src); err != nil {
				return fmt.Errorf("%s %s: %w", where, ptr, err)
			}
		}
	}
	if r.Absent {
		if r.Items == "" {
			return errors.New("absent needs items and match: the list, and the removed item it must no longer hold")
		}
		if r.From != "" || r.Sent != "" || r.At != "" || len(r.Skip) > 0 || len(r.Rename) > 0 || r.Pairs != nil {
			return errors.New("absent compares no field: from, sent, at, skip, rename and pairs do not apply")
		}
	}
	switch r.From {
	case "", FromBody, FromQuery:
	default:
		return fmt.Errorf("from %q: want %s (the default) or %s", r.From, FromBody, FromQuery)
	}
	for _, p := range append(strings.Split(r.Sent, "|"), r.At) {
		if p = strings.TrimSpace(p); p != "" && !strings.HasPrefix(p, "/") {
			return fmt.Errorf("%q is not a JSON pointer", p)
		}
	}
	if p := r.Pairs; p != nil {
		if !strings.HasPrefix(p.Name, "/") || !strings.HasPrefix(p.Value, "/") {
			return fmt.Errorf("pairs {name: %q, value: %q}: both must be JSON pointers inside an item of the list", p.Name, p.Value)
		}
		if len(r.Rename) > 0 {
			return errors.New("pairs finds each name sent by the item holding it: rename does not apply")
		}
	}
	for from, to := range r.Rename {
		if !strings.HasPrefix(from, "/") || !strings.HasPrefix(to, "/") {
			return fmt.Errorf("rename %q: %q: both must be JSON pointers", from, to)
		}
	}
	for p, why := range r.Skip {
		if !strings.HasPrefix(p, "/") || why == "" {
			return fmt.Errorf("skip %q: a JSON pointer with the reason", p)
		}
	}
	return nil
}

// checkSource checks a value source of a cleanup rule (KIND:WHERE, alternatives separated by "|").
func checkSource(src string) error { return checkKinds(src, sourceKinds) }

// checkReadSource checks a value source of a round-trip rule: those of cleanup rules, and
// callback:/pointer (the scenario's last callback, for what only a notification tells).
func checkReadSource(src string) error { return checkKinds(src, readSourceKinds) }

// readSourceKinds are the value sources of round-trip rules.
var readSourceKinds = func() map[string]bool {
	m := map[string]bool{"callback": true}
	for k := range sourceKinds {
		m[k] = true
	}
	return m
}()

func checkKinds(src string, kinds map[string]bool) error {
	for _, alt := range strings.Split(src, "|") {
		kind, arg, ok := strings.Cut(strings.TrimSpace(alt), ":")
		if !ok || !kinds[kind] || arg == "" {
			return fmt.Errorf("%q is not KIND:WHERE (or alternatives KIND:WHERE|KIND:WHERE) with KIND one of %s", src, strings.Join(sortedKeys(kinds), ", "))
		}
	}
	return nil
}

// Writes says whether the operation creates or changes something: a POST, PUT or PATCH, or an
// action marked in the query (CloudControl's GET ...?start). These are what the round-trip step
// reads back, and what readback.yaml must say something of when the suites exercise them.
func (o *Operation) Writes() bool {
	switch o.Method {
	case "POST", "PUT", "PATCH":
		return true
	case "GET":
		return o.Marker != ""
	}
	return false
}

// QuerySchema returns the schema of the operation's query parameter name (the operation's own
// declaration before its path item's), or nil when the operation declares none of that name.
func (o *Operation) QuerySchema(name string) *openapi3.Schema {
	for _, ps := range []openapi3.Parameters{o.Op.Parameters, o.Item.Parameters} {
		for _, p := range ps {
			if p != nil && p.Value != nil && p.Value.In == openapi3.ParameterInQuery && p.Value.Name == name && p.Value.Schema != nil {
				return p.Value.Schema.Value
			}
		}
	}
	return nil
}
