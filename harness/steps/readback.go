package steps

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/cloudcontract/cloudcontract/harness/cleanup"
	"github.com/cloudcontract/cloudcontract/harness/roundtrip"
	"github.com/cloudcontract/cloudcontract/harness/spec"
	"github.com/cloudcontract/cloudcontract/harness/validate"
)

// readBackStep reads back, through the documented read or list operation of specs/<api>/
// readback.yaml, what the scenario's last successful create or update set, and compares every
// field it sent that the read representation documents (see package roundtrip).
func readBackStep(ctx context.Context) error {
	s := scenario(ctx)
	w, op, params, err := s.lastWrite()
	if err != nil {
		return err
	}
	wline := fmt.Sprintf("%s (%s, answered %d)", op.ID, w.RequestLine(), w.Status)
	rule := s.env.API.ReadBack(op.ID)
	switch {
	case rule == nil:
		return fmt.Errorf("%s: no round-trip rule for %s in specs/%s/%s: say which operation reads it back, or why none can", wline, op.ID, s.env.API.Name, spec.ReadBackFile)
	case rule.None != "":
		return fmt.Errorf("%s cannot be read back (specs/%s/%s line %d): %s", wline, s.env.API.Name, spec.ReadBackFile, rule.Line, rule.None)
	case rule.Open != "":
		return fmt.Errorf("%s has no round-trip rule yet (specs/%s/%s line %d says: %s): write it", wline, s.env.API.Name, spec.ReadBackFile, rule.Line, rule.Open)
	}
	var sent *sent
	if !rule.Absent {
		if sent, err = s.sentBody(w, op, rule); err != nil {
			return fmt.Errorf("%s: %w", wline, err)
		}
	}
	src, err := s.writeSources(w, params)
	if err != nil {
		return fmt.Errorf("%s: %w", wline, err)
	}
	path, err := s.readPath(w, params, rule, src)
	if err != nil {
		return fmt.Errorf("reading back %s: %w", wline, err)
	}
	read := s.env.API.Operation(rule.Read)
	x, err := s.Do(ctx, read.Method, path, nil, nil)
	if err != nil {
		return err
	}
	if x.Status/100 != 2 {
		if why := s.unavailable(x); why != "" {
			return &EnvironmentError{RequestLine: x.RequestLine(), Err: fmt.Errorf("the service is unavailable: %s; %s cannot be read back", why, wline)}
		}
		return fmt.Errorf("reading back %s: %s answered %d: %s", wline, x.RequestLine(), x.Status, excerpt(x.Body))
	}
	if err := s.validate(x); err != nil {
		return fmt.Errorf("reading back %s: %w", wline, err)
	}
	t, err := s.Target()
	if err != nil {
		return err
	}
	if t.Body == nil || t.Body.Schema == nil || t.Body.Schema.Model == nil {
		return fmt.Errorf("reading back %s: %s answered %d with no body its contract describes (Content-Type %q)", wline, x.RequestLine(), x.Status, x.Header.Get("Content-Type"))
	}
	base, err := pickItem(t.Body.Value, rule.Selectors(), src)
	if rule.Absent {
		return s.stillListed(rule, op, wline, x, t, base, src, err)
	}
	if err != nil {
		return fmt.Errorf("reading back %s: %s: %w", wline, x.RequestLine(), err)
	}
	at := base + rule.At
	got, ok := validate.Lookup(t.Body.Value, at)
	if !ok {
		return fmt.Errorf("reading back %s: %s has no %s to compare with what was sent; body: %s", wline, x.RequestLine(), orRoot(at), excerpt(x.Body))
	}
	res, err := compareRead(rule, sent.value, got, roundtrip.SchemaAt(t.Body.Schema.Model, at))
	if err != nil {
		return fmt.Errorf("reading back %s: %s at %s: %w", wline, x.RequestLine(), orRoot(at), err)
	}
	if len(res.Compared) == 0 {
		return fmt.Errorf("reading back %s with %s compared no field, so it could not fail: the read representation at %s documents none of the fields sent at %s (%s)", wline, x.RequestLine(), orRoot(at), orRoot(sent.at), strings.Join(append(res.Undocumented, res.Skipped...), ", "))
	}
	if len(res.Differences) == 0 {
		return nil
	}
	problems := make([]validate.Problem, 0, len(res.Differences))
	for _, d := range res.Differences {
		problems = append(problems, validate.Problem{Check: "readback", Pointer: at + d.Pointer, XMLPath: t.Body.XMLPath(at + d.Pointer),
			Message:  fmt.Sprintf("%s since %s sent it at %s", d.Kind, op.ID, orRoot(sent.at+d.Sent)),
			Expected: d.SentText(), Actual: d.ReadText()})
	}
	return s.readBackProblems(rule, wline, x, problems)
}

// compareRead compares what was sent with what was read (at the rule's place, of schema
// readSchema): field by field, or, for pairs, each entry of the map sent with the item of its name.
func compareRead(rule *spec.ReadBack, sent, read any, readSchema *openapi3.Schema) (roundtrip.Result, error) {
	if p := rule.Pairs; p != nil {
		return roundtrip.ComparePairs(sent, read, readSchema, roundtrip.Pairs{Name: p.Name, Value: p.Value}, rule.Skip)
	}
	return roundtrip.Compare(sent, read, readSchema, rule.Skip, rule.Rename), nil
}

// stillListed checks the read of a removal: the item the write removed must not be listed. base
// is where pickItem found it, err why it did not: not found in the last list is the pass; not
// found at a level before (the server holding the list, say) is an error, as the list that should
// have lost the item is not there to look at.
func (s *Scenario) stillListed(rule *spec.ReadBack, op *spec.Operation, wline string, x *validate.Exchange, t *validate.Target, base string, src *cleanup.Sources, err error) error {
	var gone *notListedError
	levels := rule.Selectors()
	switch {
	case errors.As(err, &gone) && gone.level == len(levels)-1:
		return nil
	case err != nil:
		return fmt.Errorf("reading back %s: %s: %w", wline, x.RequestLine(), err)
	}
	want, _ := wanted(levels[len(levels)-1], src) // resolved by pickItem already
	item, _ := validate.Lookup(t.Body.Value, base)
	return s.readBackProblems(rule, wline, x, []validate.Problem{{Check: "readback", Pointer: base, XMLPath: t.Body.XMLPath(base),
		Message:  fmt.Sprintf("still listed since %s removed it", op.ID),
		Expected: "no item with " + conditions(want), Actual: excerpt([]byte(validate.Render(item)))}})
}

// readBackProblems reports what a read back found: a contract failure, or deviations where the
// rule is our reading of the document (evidence) and the run is not strict.
func (s *Scenario) readBackProblems(rule *spec.ReadBack, wline string, x *validate.Exchange, problems []validate.Problem) error {
	ev := rule.EvidenceOf()
	for i := range problems {
		problems[i].Evidence = ev
	}
	read := s.env.API.Operation(rule.Read)
	if ev != nil && !s.env.Validator.Strict {
		s.noteDeviations(read.ID, x.RequestLine(), problems)
		return nil
	}
	return &validate.ContractError{API: s.env.API.Name, Operation: read.String() + ", reading back " + wline, RequestLine: x.RequestLine(), Status: x.Status, Problems: problems}
}

func orRoot(ptr string) string {
	if ptr == "" {
		return "the root"
	}
	return ptr
}

// lastWrite is the scenario's last exchange of a create or update (any POST, PUT or PATCH, and
// an action marked in the query) that succeeded, with its operation and path parameters.
func (s *Scenario) lastWrite() (*validate.Exchange, *spec.Operation, map[string]string, error) {
	for i := len(s.Exchanges) - 1; i >= 0; i-- {
		x := s.Exchanges[i]
		if x.Status/100 != 2 {
			continue
		}
		op, params, err := s.env.API.Find(x.Method, x.URL.Path, x.URL.RawQuery)
		if err != nil || !op.Writes() {
			continue
		}
		return x, op, params, nil
	}
	return nil, nil, nil, errors.New("the scenario has no successful create or update to read back: send one first")
}

// sent is the compared part of a write's request body and where it is.
type sent struct {
	value any
	at    string
}

// sentBody decodes the write's request body (XML guided by the request schema), or its query
// when the rule says the fields travel there, and returns the part the rule compares: the first
// of its alternatives the body holds.
func (s *Scenario) sentBody(w *validate.Exchange, op *spec.Operation, rule *spec.ReadBack) (*sent, error) {
	if rule.From == spec.FromQuery {
		fields := queryFields(w, op)
		if len(fields) == 0 {
			return nil, fmt.Errorf("its query carries no field, so none can be compared (specs/%s/%s line %d)", s.env.API.Name, spec.ReadBackFile, rule.Line)
		}
		return pickSent(fields, w.URL.RawQuery, rule, s.env.API.Name)
	}
	if len(w.RequestBody) == 0 {
		return nil, fmt.Errorf("it sent no body, so no field can be compared (specs/%s/%s line %d should say none: why)", s.env.API.Name, spec.ReadBackFile, rule.Line)
	}
	ct := w.RequestHeader.Get("Content-Type")
	schema, _, err := s.env.API.RequestBody(op, ct)
	if err != nil {
		return nil, err
	}
	var body any
	switch dec := validate.DecoderFor(ct); {
	case dec != nil:
		d, err := dec(w.RequestBody, schema)
		if err != nil {
			return nil, fmt.Errorf("its request body cannot be read: %w", err)
		}
		body = d.Value
	case spec.MediaTypeOf(ct) == "application/x-www-form-urlencoded":
		form, err := roundtrip.FormValues(w.RequestBody, model(schema))
		if err != nil {
			return nil, fmt.Errorf("its form cannot be read: %w", err)
		}
		body = form
	case spec.MediaTypeOf(ct) == "multipart/form-data":
		parts, err := roundtrip.MultipartValues(w.RequestBody, ct, model(schema))
		if err != nil {
			return nil, fmt.Errorf("its multipart body cannot be read: %w", err)
		}
		body = parts
	case spec.MediaTypeOf(ct) == "text/plain":
		body = strings.TrimSpace(string(w.RequestBody)) // the body is one value
	default:
		return nil, fmt.Errorf("its body (Content-Type %q) is neither JSON, XML, a form, multipart nor text: its fields cannot be compared", ct)
	}
	return pickSent(body, string(w.RequestBody), rule, s.env.API.Name)
}

// model is a request body's schema model (nil when the contract gives none).
func model(s *spec.BodySchema) *openapi3.Schema {
	if s == nil {
		return nil
	}
	return s.Model
}

// pickSent returns the part of the fields sent the rule compares: the first of its alternatives
// present (raw is what was sent, for the message when none is).
func pickSent(body any, raw string, rule *spec.ReadBack, api string) (*sent, error) {
	for _, alt := range strings.Split(rule.Sent, "|") {
		alt = strings.TrimSpace(alt)
		if v, ok := validate.Lookup(body, alt); ok {
			return &sent{value: v, at: alt}, nil
		}
	}
	return nil, fmt.Errorf("what it sent holds none of %s (specs/%s/%s line %d): %s", rule.Sent, api, spec.ReadBackFile, rule.Line, excerpt([]byte(raw)))
}

// queryFields decodes the fields a write sends in its query, each typed by its parameter's
// schema. The action marker names the action and is no field, unless it carries a value the
// contract leaves to the request (?reserveNewWithSize=4, ?clone=NAME): that value is a field, as
// Text (the marker has no schema).
func queryFields(w *validate.Exchange, op *spec.Operation) map[string]any {
	vals := w.URL.Query()
	if vs, ok := vals[op.Marker]; ok && (op.MarkerValue != "" || len(vs) == 0 || vs[0] == "") {
		vals.Del(op.Marker)
	}
	return roundtrip.Fields(vals, op.QuerySchema)
}

// writeSources resolves value sources against the write: its request, path and decoded answer,
// and the scenario's last callback (what only a notification tells: the id of a volume made).
func (s *Scenario) writeSources(w *validate.Exchange, params map[string]string) (*cleanup.Sources, error) {
	t, err := s.env.Validator.Prepare(w)
	if err != nil {
		return nil, err
	}
	src := cleanup.NewSources(w, params, func(ptr string) (any, bool) {
		if t.Body == nil {
			return nil, false
		}
		return validate.Lookup(t.Body.Value, ptr)
	})
	if r := s.cb.last; r != nil {
		op := s.cb.lastOp
		src.WithCallback(func(ptr string) (any, bool) {
			v, ok, err := s.callbackField(r, op, ptr)
			return v, ok && err == nil
		})
	}
	return src, nil
}

// readPath builds the read request: its path parameters from the rule's sources, else from the
// write's own path, and its query.
func (s *Scenario) readPath(w *validate.Exchange, params map[string]string, rule *spec.ReadBack, src *cleanup.Sources) (string, error) {
	read := s.env.API.Operation(rule.Read)
	rp := map[string]string{}
	for _, name := range read.Params() {
		if from, ok := rule.Params[name]; ok {
			v, err := src.Value(from)
			if err != nil {
				return "", fmt.Errorf("path parameter {%s} of %s: %w", name, read.ID, err)
			}
			rp[name] = v
			continue
		}
		rp[name] = params[name]
	}
	path, err := read.Path(rp)
	if err != nil {
		return "", err
	}
	q := rule.Query
	if q == "create" {
		q = w.URL.RawQuery
	} else if q, err = s.Expand(q); err != nil {
		return "", err
	}
	if q != "" {
		sep := "?"
		if strings.Contains(path, "?") {
			sep = "&"
		}
		path += sep + q
	}
	return path, nil
}

// pickItem returns the JSON pointer of the part of the read answer that holds the result: the
// whole answer, or the item picked level by level (each level's list is inside the item the level
// before picked), the one whose match pointers hold the values of the write. An item not found is
// a *notListedError.
func pickItem(body any, levels []spec.Selector, src *cleanup.Sources) (string, error) {
	base := ""
	for i, sel := range levels {
		want, err := wanted(sel, src)
		if err != nil {
			return "", err
		}
		items := base + strings.TrimSuffix(sel.Items, "/")
		v, ok := validate.Lookup(body, items)
		if !ok {
			// An empty list is no element at all in XML: nothing is listed.
			return "", &notListedError{level: i, items: items, conds: conditions(want), none: true}
		}
		arr, isArr := v.([]any)
		if !isArr {
			return "", fmt.Errorf("%s is not a list: %s", orRoot(items), excerpt([]byte(validate.Render(v))))
		}
		found := -1
		for j, it := range arr {
			hit := true
			for ptr, w := range want {
				got, ok := validate.Lookup(it, ptr)
				hit = hit && ok && matches(w, got, textual(sel.Match[ptr]))
			}
			if hit {
				found = j
				break
			}
		}
		if found < 0 {
			return "", &notListedError{level: i, n: len(arr), items: items, conds: conditions(want)}
		}
		base = fmt.Sprintf("%s/%d", items, found)
	}
	return base, nil
}

// wanted resolves the values an item of one level must hold.
func wanted(sel spec.Selector, src *cleanup.Sources) (map[string]any, error) {
	want := map[string]any{}
	for ptr, from := range sel.Match {
		v, err := src.Raw(from)
		if err != nil {
			return nil, fmt.Errorf("the write gives no value to find it by in the list: %w", err)
		}
		want[ptr] = v
	}
	return want, nil
}

// conditions renders what an item must hold, for messages.
func conditions(want map[string]any) string {
	conds := make([]string, 0, len(want))
	for _, ptr := range slices.Sorted(maps.Keys(want)) {
		conds = append(conds, fmt.Sprintf("%s = %s", ptr, roundtrip.Show(want[ptr])))
	}
	return strings.Join(conds, " and ")
}

// notListedError says no item of a list (of the given level of selection) holds the values wanted.
type notListedError struct {
	level, n     int
	items, conds string
	none         bool // the answer holds no list there
}

func (e *notListedError) Error() string {
	if e.none {
		return fmt.Sprintf("the answer lists nothing at %s, so no item has %s: what was written is not listed", orRoot(e.items), e.conds)
	}
	return fmt.Sprintf("none of the %d items of %s has %s: what was written is not listed", e.n, orRoot(e.items), e.conds)
}

// matches says whether a listed value is the one the write gave: the same text for a value taken
// from the request's path, query, headers or XML elements; the same value of the same type for a
// JSON value of its body or answer.
func matches(want, got any, text bool) bool {
	if text {
		return validate.Render(want) == validate.Render(got)
	}
	return roundtrip.Same(want, got)
}

// textual says whether every alternative of a source gives text (path, query, header, element).
func textual(src string) bool {
	for _, alt := range strings.Split(src, "|") {
		switch kind, _, _ := strings.Cut(strings.TrimSpace(alt), ":"); kind {
		case "body", "response":
			return false
		}
	}
	return true
}
