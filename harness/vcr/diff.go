package vcr

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"sort"
	"strconv"
	"strings"

	"github.com/dnaeon/go-vcr/v2/cassette"

	"github.com/cloudcontract/cloudcontract/harness/callback"
)

// Change is one difference between two recordings of a scenario that the API (or the scenario)
// made: never the run id, ports, dates, durations or generated ids.
type Change struct {
	// Where is the interaction or callback it is in ("" for the header).
	Where string
	// What is the part: "status", "request header X", "response body /data/id", ...
	What string
	// Old and New are the values, as shown ("" when absent: added or removed).
	Old, New string
}

// String renders a change on one line.
func (c Change) String() string {
	switch {
	case c.Old == "" && c.New == "":
		return c.What
	case c.Old == "":
		return fmt.Sprintf("%s: added %s", c.What, c.New)
	case c.New == "":
		return fmt.Sprintf("%s: removed %s", c.What, c.Old)
	}
	return fmt.Sprintf("%s: %s → %s", c.What, c.Old, c.New)
}

// Comparison is the outcome of comparing two recordings of one scenario.
type Comparison struct {
	Old, New *Snapshot
	// Changes in recorded order; none means the recordings say the same thing.
	Changes []Change
	// SpecChanged says the contract's hash differs (not a change of the API by itself).
	SpecChanged bool
}

// Same says whether the API answered the same way in both recordings.
func (c *Comparison) Same() bool { return len(c.Changes) == 0 }

// Compare compares two recordings of one scenario, after normalising what changes with every
// recording: host and port, the run id, volatile headers (VolatileHeaders), durations,
// timestamps the API wrote, the callback receiver's path, and identifiers the API generated
// (see mapper). Fixture variables are compared: a recording against other values is a change.
func Compare(old, new *Snapshot) *Comparison {
	c := &Comparison{Old: old, New: new, SpecChanged: old.Header.SpecHash != new.Header.SpecHash}
	m := newMapper(old, new)
	c.Changes = append(c.Changes, compareVars(old.Header.Vars, new.Header.Vars)...)
	c.Changes = append(c.Changes, compareInteractions(m, old.Interactions, new.Interactions)...)
	c.Changes = append(c.Changes, compareCallbacks(m, old, new)...)
	return c
}

func compareVars(o, n map[string]string) []Change {
	keys := map[string]bool{}
	for k := range o {
		keys[k] = true
	}
	for k := range n {
		keys[k] = true
	}
	var out []Change
	for _, k := range sortedKeys(keys) {
		ov, oin := o[k]
		nv, nin := n[k]
		switch {
		case oin && !nin:
			out = append(out, Change{What: "fixture variable " + k, Old: strconv.Quote(ov)})
		case !oin && nin:
			out = append(out, Change{What: "fixture variable " + k, New: strconv.Quote(nv)})
		case loopbackRe.ReplaceAllString(ov, loopbackPort) != loopbackRe.ReplaceAllString(nv, loopbackPort):
			// A URL of a simulator (maintenance_target) moves with each run, as the target does.
			out = append(out, Change{What: "fixture variable " + k, Old: strconv.Quote(ov), New: strconv.Quote(nv)})
		}
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// alignKey is what pairs interactions: any token with a digit (ids, counters) is a wildcard.
func alignKey(s string) string {
	return tokenRe.ReplaceAllStringFunc(s, func(t string) string {
		if digitRe.MatchString(t) || idLike(t) {
			return "{}"
		}
		return t
	})
}

// align pairs the items of two lists by key, keeping order (longest common subsequence); an
// unpaired index is -1 on the other side.
func align(oldKeys, newKeys []string) [][2]int {
	n, m := len(oldKeys), len(newKeys)
	lcs := make([][]int, n+1)
	for i := range lcs {
		lcs[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if oldKeys[i] == newKeys[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out [][2]int
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && oldKeys[i] == newKeys[j]:
			out = append(out, [2]int{i, j})
			i, j = i+1, j+1
		case j < m && (i == n || lcs[i][j+1] >= lcs[i+1][j]):
			out = append(out, [2]int{-1, j})
			j++
		default:
			out = append(out, [2]int{i, -1})
			i++
		}
	}
	return out
}

func interactionTitle(n int, in *cassette.Interaction, sd *side) string {
	return fmt.Sprintf("interaction %d: %s %s", n, in.Request.Method, requestTarget(in.Request.URL, sd, false))
}

func compareInteractions(m *mapper, old, new []*cassette.Interaction) []Change {
	ok := make([]string, len(old))
	nk := make([]string, len(new))
	for i, in := range old {
		ok[i] = strings.ToUpper(in.Request.Method) + " " + alignKey(requestTarget(in.Request.URL, m.old, true))
	}
	for i, in := range new {
		nk[i] = strings.ToUpper(in.Request.Method) + " " + alignKey(requestTarget(in.Request.URL, m.new, true))
	}
	var out []Change
	for _, p := range align(ok, nk) {
		switch {
		case p[0] < 0:
			in := new[p[1]]
			m.new.rememberRequest(in)
			out = append(out, Change{Where: interactionTitle(p[1]+1, in, m.new), What: fmt.Sprintf("interaction added (answered %d)", in.Response.Code)})
		case p[1] < 0:
			in := old[p[0]]
			m.old.rememberRequest(in)
			out = append(out, Change{Where: interactionTitle(p[0]+1, in, m.old), What: fmt.Sprintf("interaction removed (answered %d)", in.Response.Code)})
		default:
			out = append(out, compareInteraction(m, p[0], p[1], old[p[0]], new[p[1]])...)
		}
	}
	return out
}

func (sd *side) rememberRequest(in *cassette.Interaction) {
	sd.remember(sd.show(in.Request.URL))
	sd.remember(sd.show(in.Request.Body))
	for _, vs := range in.Request.Headers {
		for _, v := range vs {
			sd.remember(sd.show(v))
		}
	}
}

func compareInteraction(m *mapper, i, j int, o, n *cassette.Interaction) []Change {
	where := interactionTitle(j+1, n, m.new)
	if i != j {
		where = fmt.Sprintf("%s (was interaction %d)", where, i+1)
	}
	var out []Change
	add := func(cs ...Change) {
		for _, c := range cs {
			c.Where = where
			out = append(out, c)
		}
	}
	// The request: what the scenario sent. Ids differ only where the API gave them earlier.
	if ot, nt := requestTarget(o.Request.URL, m.old, true), requestTarget(n.Request.URL, m.new, true); !strings.EqualFold(o.Request.Method, n.Request.Method) || !m.equal(ot, nt, false) {
		add(Change{What: "request", Old: o.Request.Method + " " + requestTarget(o.Request.URL, m.old, false), New: n.Request.Method + " " + requestTarget(n.Request.URL, m.new, false)})
	}
	add(compareHeaders(m, "request header", o.Request.Headers, n.Request.Headers, false)...)
	add(compareBodies(m, "request body", o.Request.Headers.Get("Content-Type"), o.Request.Body, n.Request.Headers.Get("Content-Type"), n.Request.Body, false)...)
	m.old.rememberRequest(o)
	m.new.rememberRequest(n)
	// The response: what the API answered.
	if o.Response.Code != n.Response.Code {
		add(Change{What: "status", Old: strconv.Itoa(o.Response.Code), New: strconv.Itoa(n.Response.Code)})
	}
	add(compareHeaders(m, "response header", o.Response.Headers, n.Response.Headers, true)...)
	add(compareBodies(m, "response body", o.Response.Headers.Get("Content-Type"), o.Response.Body, n.Response.Headers.Get("Content-Type"), n.Response.Body, true)...)
	return out
}

func compareHeaders(m *mapper, what string, o, n http.Header, fromAPI bool) []Change {
	oh, nh := canonicalHeaders(o, m.old), canonicalHeaders(n, m.new)
	names := map[string]bool{}
	for k := range oh {
		names[k] = true
	}
	for k := range nh {
		names[k] = true
	}
	var out []Change
	for _, k := range sortedKeys(names) {
		ov, oin := oh[k]
		nv, nin := nh[k]
		switch {
		case !oin:
			out = append(out, Change{What: what + " " + k, New: strconv.Quote(nv)})
		case !nin:
			out = append(out, Change{What: what + " " + k, Old: strconv.Quote(ov)})
		case !m.equal(ov, nv, fromAPI):
			out = append(out, Change{What: what + " " + k, Old: strconv.Quote(ov), New: strconv.Quote(nv)})
		}
	}
	return out
}

// compareBodies compares two bodies leaf by leaf (JSON pointers, decoded XML paths, form fields),
// or line by line when they are not structured.
func compareBodies(m *mapper, what, oct, ob, nct, nb string, fromAPI bool) []Change {
	ob, nb = m.old.show(ob), m.new.show(nb)
	if ob == nb {
		return nil
	}
	ol, nl, ok := flattenBodies(oct, ob, nct, nb)
	if !ok {
		return compareText(m, what, ob, nb, fromAPI)
	}
	// In order first: the usual case, where generated ids pair up.
	if len(ol) == len(nl) {
		var out []Change
		for k := range ol {
			samePtr := m.equal(ol[k].ptr, nl[k].ptr, fromAPI)
			switch {
			case samePtr && m.equal(ol[k].val, nl[k].val, fromAPI):
			case samePtr:
				out = append(out, Change{What: what + " " + pointerOrRoot(nl[k].ptr), Old: ol[k].val, New: nl[k].val})
			default:
				out = append(out, Change{What: what + " " + pointerOrRoot(ol[k].ptr), Old: ol[k].val},
					Change{What: what + " " + pointerOrRoot(nl[k].ptr), New: nl[k].val})
			}
		}
		return out
	}
	// Otherwise by pointer.
	nIndex := map[string]int{}
	for k, l := range nl {
		nIndex[l.ptr] = k
	}
	used := make([]bool, len(nl))
	var out []Change
	for _, l := range ol {
		k, found := nIndex[l.ptr]
		switch {
		case !found:
			out = append(out, Change{What: what + " " + pointerOrRoot(l.ptr), Old: l.val})
		default:
			used[k] = true
			if !m.equal(l.val, nl[k].val, fromAPI) {
				out = append(out, Change{What: what + " " + pointerOrRoot(l.ptr), Old: l.val, New: nl[k].val})
			}
		}
	}
	for k, l := range nl {
		if !used[k] {
			out = append(out, Change{What: what + " " + pointerOrRoot(l.ptr), New: l.val})
		}
	}
	return out
}

func pointerOrRoot(p string) string {
	if p == "" {
		return "(whole body)"
	}
	return p
}

// compareText compares unstructured bodies line by line.
func compareText(m *mapper, what, ob, nb string, fromAPI bool) []Change {
	ol, nl := splitLines(ob), splitLines(nb)
	if len(ol) == len(nl) {
		same := true
		for k := range ol {
			if !m.equal(ol[k], nl[k], fromAPI) {
				same = false
				break
			}
		}
		if same {
			return nil
		}
	}
	var out []Change
	for _, p := range align(ol, nl) {
		switch {
		case p[0] < 0:
			out = append(out, Change{What: fmt.Sprintf("%s line %d", what, p[1]+1), New: strconv.Quote(nl[p[1]])})
		case p[1] < 0:
			out = append(out, Change{What: fmt.Sprintf("%s line %d", what, p[0]+1), Old: strconv.Quote(ol[p[0]])})
		}
	}
	if len(out) == 0 {
		// Same lines, but differing in what only the pairing of ids saw.
		out = append(out, Change{What: what + " (ids used inconsistently)"})
	}
	return out
}

func splitLines(s string) []string {
	s = strings.TrimRight(s, "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

func callbackTitle(n int, r callback.Received, sd *side) string {
	return fmt.Sprintf("callback %d: %s %s %s", n, r.Header, r.Method, sd.show(r.Path))
}

func compareCallbacks(m *mapper, old, new *Snapshot) []Change {
	ok := make([]string, len(old.Callbacks))
	nk := make([]string, len(new.Callbacks))
	for i, r := range old.Callbacks {
		ok[i] = r.Header + " " + r.Method + " " + alignKey(m.old.show(r.Path))
	}
	for i, r := range new.Callbacks {
		nk[i] = r.Header + " " + r.Method + " " + alignKey(m.new.show(r.Path))
	}
	var out []Change
	for _, p := range align(ok, nk) {
		switch {
		case p[0] < 0:
			out = append(out, Change{Where: callbackTitle(p[1]+1, new.Callbacks[p[1]], m.new), What: "callback added"})
		case p[1] < 0:
			out = append(out, Change{Where: callbackTitle(p[0]+1, old.Callbacks[p[0]], m.old), What: "callback removed"})
		default:
			o, n := old.Callbacks[p[0]], new.Callbacks[p[1]]
			where := callbackTitle(p[1]+1, n, m.new)
			if p[0] != p[1] {
				where = fmt.Sprintf("%s (was callback %d)", where, p[0]+1)
			}
			var cs []Change
			if !m.equal(m.old.show(o.Path), m.new.show(n.Path), true) {
				cs = append(cs, Change{What: "path", Old: strconv.Quote(m.old.show(o.Path)), New: strconv.Quote(m.new.show(n.Path))})
			}
			cs = append(cs, compareHeaders(m, "header", o.Headers, n.Headers, true)...)
			cs = append(cs, compareBodies(m, "body", o.Headers.Get("Content-Type"), o.Body, n.Headers.Get("Content-Type"), n.Body, true)...)
			for _, c := range cs {
				c.Where = where
				out = append(out, c)
			}
		}
	}
	return out
}

// TreeDiff is the comparison of two folders of cassettes.
type TreeDiff struct {
	// Changed holds the cassettes in both whose recordings differ; Added and Removed name the
	// cassettes of one side only; Unchanged counts the rest.
	Changed        []*Comparison
	Added, Removed []string
	Unchanged      int
	// SpecOnly counts cassettes equal but for the contract hash.
	SpecOnly int
}

// Empty says whether the API answered the same way in every scenario of both folders.
func (d *TreeDiff) Empty() bool {
	return len(d.Changed) == 0 && len(d.Added) == 0 && len(d.Removed) == 0
}

// Tree is a folder of cassettes: Dir of FS, whose files are named Label + their path under Dir
// in errors (Label being, say, the folder as the user wrote it, or "REV:").
type Tree struct {
	FS         fs.FS
	Dir, Label string
}

func (t Tree) read(p string) (*Snapshot, error) {
	s, err := ReadSnapshot(t.FS, p)
	var ie *InputError
	if errors.As(err, &ie) && t.Label != "" {
		ie.File = t.Label + strings.TrimPrefix(strings.TrimPrefix(ie.File, t.Dir), "/")
	}
	return s, err
}

// DiffTrees compares every cassette of old with the one of the same name in new.
func DiffTrees(old, new Tree) (*TreeDiff, error) {
	ol, err := ListCassettes(old.FS, old.Dir)
	if err != nil {
		return nil, err
	}
	nl, err := ListCassettes(new.FS, new.Dir)
	if err != nil {
		return nil, err
	}
	rel := func(dir, p string) string {
		if dir == "." {
			return p
		}
		return strings.TrimPrefix(p, dir+"/")
	}
	olds := map[string]string{}
	for _, p := range ol {
		olds[rel(old.Dir, p)] = p
	}
	news := map[string]string{}
	for _, p := range nl {
		news[rel(new.Dir, p)] = p
	}
	d := &TreeDiff{}
	for _, name := range sortedKeys(olds) {
		if _, ok := news[name]; !ok {
			if _, err := old.read(olds[name]); err != nil {
				return nil, err
			}
			d.Removed = append(d.Removed, name)
		}
	}
	for _, name := range sortedKeys(news) {
		n, err := new.read(news[name])
		if err != nil {
			return nil, err
		}
		op, ok := olds[name]
		if !ok {
			d.Added = append(d.Added, name)
			continue
		}
		o, err := old.read(op)
		if err != nil {
			return nil, err
		}
		c := Compare(o, n)
		o.Name, n.Name = name, name
		switch {
		case !c.Same():
			d.Changed = append(d.Changed, c)
		case c.SpecChanged:
			d.SpecOnly++
			d.Unchanged++
		default:
			d.Unchanged++
		}
	}
	return d, nil
}

// Write renders the changes of one scenario: its cassette, then each interaction or callback
// with what changed in it.
func (c *Comparison) Write(w io.Writer) {
	fmt.Fprintf(w, "~ %s\n", c.New.Name)
	if c.SpecChanged {
		fmt.Fprintf(w, "    contract: %.12s → %.12s\n", c.Old.Header.SpecHash, c.New.Header.SpecHash)
	}
	last := "\x00"
	for _, ch := range c.Changes {
		if ch.Where != last {
			if ch.Where != "" {
				fmt.Fprintf(w, "    %s\n", ch.Where)
			}
			last = ch.Where
		}
		indent := "      "
		if ch.Where == "" {
			indent = "    "
		}
		fmt.Fprintf(w, "%s%s\n", indent, ch)
	}
}

// Write renders a tree diff, then a summary line.
func (d *TreeDiff) Write(w io.Writer) {
	for _, c := range d.Changed {
		c.Write(w)
	}
	for _, a := range d.Added {
		fmt.Fprintf(w, "+ %s (new scenario)\n", a)
	}
	for _, r := range d.Removed {
		fmt.Fprintf(w, "- %s (scenario gone)\n", r)
	}
	fmt.Fprintf(w, "%d cassette(s) changed, %d added, %d removed, %d unchanged", len(d.Changed), len(d.Added), len(d.Removed), d.Unchanged)
	if d.SpecOnly > 0 {
		fmt.Fprintf(w, " (%d recorded against another contract, answering the same)", d.SpecOnly)
	}
	fmt.Fprintln(w)
}
