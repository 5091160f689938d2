package vcr

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"mime"
	"net/http"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// What two recordings of one scenario may differ in without the API having changed. A re-record
// keeps the old files when only these differ, and `cassettes diff` does not show them.

// VolatileHeaders are headers that differ from one recording to the next by nature: the clock,
// lengths derived from bodies that are compared on their own, the client's transport, and tracing.
var VolatileHeaders = []string{
	"Date", "Content-Length", "User-Agent", "Accept-Encoding", "Connection", "Keep-Alive", "Age",
	"Expires", "Last-Modified", "Server-Timing", "X-Request-Id", "X-Correlation-Id",
	"X-Amzn-Trace-Id", "Traceparent", "Tracestate", "X-Runtime", "X-Response-Time", "Via",
}

var volatile = func() map[string]bool {
	m := map[string]bool{}
	for _, h := range VolatileHeaders {
		m[http.CanonicalHeaderKey(h)] = true
	}
	return m
}()

// loopbackPort replaces the port of a loopback origin matched by loopbackRe.
const loopbackPort = "${1}${2}:{port}"

var (
	// loopbackRe: loopback origins move with each run (the simulator's and the callback
	// receiver's ports).
	loopbackRe = regexp.MustCompile(`(?i)\b(https?://)(127\.0\.0\.1|localhost|\[::1\]):\d+`)
	// receiverRe: the callback receiver gives each scenario a random path (harness/callback).
	receiverRe = regexp.MustCompile(`/cb/[0-9a-f]{16}\b`)
	// Timestamps the API writes (RFC 3339 and HTTP dates). Compared by shape only, and only where
	// the API wrote them: a timestamp the scenario sends is compared as it is.
	rfc3339Re  = regexp.MustCompile(`\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d+)?`)
	httpDateRe = regexp.MustCompile(`\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2}[ -](Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[ -]\d{4} \d{2}:\d{2}:\d{2} GMT`)
	digitRe    = regexp.MustCompile(`\d`)
	// tokenRe splits a value into the pieces an id can be: a UUID, a MAC or IPv4 address, or a
	// run of letters and digits.
	tokenRe = regexp.MustCompile(`[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|(?:[0-9a-fA-F]{2}:){5}[0-9a-fA-F]{2}|\d{1,3}(?:\.\d{1,3}){3}|[0-9A-Za-z]+`)
	uuidRe  = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)
	macRe   = regexp.MustCompile(`^(?:[0-9a-fA-F]{2}:){5}[0-9a-fA-F]{2}$`)
	ipv4Re  = regexp.MustCompile(`^\d{1,3}(?:\.\d{1,3}){3}$`)
	hexRe   = regexp.MustCompile(`^[0-9a-fA-F]+$`)
	alnumRe = regexp.MustCompile(`^[0-9A-Za-z]+$`)
	letter  = regexp.MustCompile(`[A-Za-z]`)
)

// stampShape replaces each timestamp by its shape (digits become 0, fractions of a second go),
// so that a change of format still shows.
func stampShape(s string) string {
	if !strings.Contains(s, ":") {
		return s
	}
	s = rfc3339Re.ReplaceAllStringFunc(s, func(t string) string { return "0000-00-00" + t[10:11] + "00:00:00" })
	if strings.Contains(s, " GMT") {
		s = httpDateRe.ReplaceAllString(s, "Day, 00 Mon 0000 00:00:00 GMT")
	}
	return s
}

// idLike says whether a token can be an identifier the API generated: a UUID, a MAC or IPv4
// address (assigned by the API from its pools), a hexadecimal string of 6 characters or more with
// a digit, or a run of 16 letters and digits or more with both. Numbers, words and short codes
// never are: a changed count or name is a change.
func idLike(t string) bool {
	switch {
	case uuidRe.MatchString(t), macRe.MatchString(t), ipv4Re.MatchString(t):
		return true
	case len(t) >= 6 && hexRe.MatchString(t) && digitRe.MatchString(t):
		return true
	case len(t) >= 16 && alnumRe.MatchString(t) && digitRe.MatchString(t) && letter.MatchString(t):
		return true
	}
	return false
}

// sameShape says whether two generated ids can stand for each other.
func sameShape(a, b string) bool {
	for _, re := range []*regexp.Regexp{uuidRe, macRe, ipv4Re} {
		if re.MatchString(a) || re.MatchString(b) {
			return re.MatchString(a) && re.MatchString(b)
		}
	}
	return len(a) == len(b) && hexRe.MatchString(a) == hexRe.MatchString(b)
}

// side is one of the two recordings compared: its run id and target origin are replaced by
// placeholders, and the tokens its scenario sent so far are remembered.
type side struct {
	runID, origin string
	sent          map[string]bool
}

func newSide(s *Snapshot) *side {
	sd := &side{runID: s.Header.RunID, sent: map[string]bool{}}
	if len(s.Interactions) > 0 {
		// A loopback target (a simulator) is covered by loopbackRe.
		if u, err := url.Parse(s.Interactions[0].Request.URL); err == nil && u.Host != "" && !loopbackRe.MatchString(s.Interactions[0].Request.URL) {
			sd.origin = u.Scheme + "://" + u.Host
		}
	}
	return sd
}

// show is the form of a value that is displayed and compared: the run id, the target and
// loopback origins and the callback receiver's path replaced by placeholders.
func (sd *side) show(s string) string {
	if sd.runID != "" {
		s = strings.ReplaceAll(s, sd.runID, "${run_id}")
	}
	if sd.origin != "" {
		s = strings.ReplaceAll(s, sd.origin, "{target}")
	}
	if strings.Contains(s, "://") {
		s = loopbackRe.ReplaceAllString(s, loopbackPort)
	}
	if strings.Contains(s, "/cb/") {
		s = receiverRe.ReplaceAllString(s, "/cb/{receiver}")
	}
	return s
}

// remember notes the generated-id candidates a request carries: a value the scenario sent before
// the API answered with it derives from the scenario, and is never taken for a generated id.
func (sd *side) remember(s string) {
	for _, t := range tokenRe.FindAllString(s, -1) {
		if idLike(t) {
			sd.sent[t] = true
		}
	}
}

// mapper compares the values of two recordings of one scenario. Beyond the placeholders of
// side.show, it pairs the identifiers the API generated in one recording with those of the other:
// where the API (a response or a callback) answers with an id-like token in one and another in
// the other, at the same place, and neither was sent by the scenario before, the two stand for
// each other from then on, in both directions. A pairing is never undone: a later use that
// contradicts it is a change.
type mapper struct {
	old, new  *side
	fwd, back map[string]string
}

func newMapper(o, n *Snapshot) *mapper {
	return &mapper{old: newSide(o), new: newSide(n), fwd: map[string]string{}, back: map[string]string{}}
}

// equal compares a value of the old recording with one of the new (both already through show);
// fromAPI says whether the API wrote it (generated ids and timestamps may differ).
func (m *mapper) equal(a, b string, fromAPI bool) bool {
	if a == b && len(m.fwd) == 0 {
		return true // nothing paired yet that the same text could contradict
	}
	if fromAPI {
		a, b = stampShape(a), stampShape(b)
	}
	ia, ib := tokenRe.FindAllStringIndex(a, -1), tokenRe.FindAllStringIndex(b, -1)
	if len(ia) != len(ib) {
		return false
	}
	pending := map[string]string{}
	pendingBack := map[string]string{}
	prevA, prevB := 0, 0
	for k := range ia {
		if a[prevA:ia[k][0]] != b[prevB:ib[k][0]] {
			return false // the text between tokens differs
		}
		ta, tb := a[ia[k][0]:ia[k][1]], b[ib[k][0]:ib[k][1]]
		prevA, prevB = ia[k][1], ib[k][1]
		if v, ok := m.fwd[ta]; ok {
			if v != tb {
				return false
			}
			continue
		}
		if v, ok := m.back[tb]; ok {
			if v != ta {
				return false
			}
			continue
		}
		if ta == tb {
			continue
		}
		if v, ok := pending[ta]; ok {
			if v != tb {
				return false
			}
			continue
		}
		if _, ok := pendingBack[tb]; ok {
			return false
		}
		if !fromAPI || !idLike(ta) || !idLike(tb) || !sameShape(ta, tb) || m.old.sent[ta] || m.new.sent[tb] {
			return false
		}
		pending[ta], pendingBack[tb] = tb, ta
	}
	if a[prevA:] != b[prevB:] {
		return false
	}
	for k, v := range pending {
		m.fwd[k], m.back[v] = v, k
	}
	return true
}

// leaf is one scalar of a body, at its JSON pointer (or decoded XML path).
type leaf struct{ ptr, val string }

// bodyKind says how a body is compared.
type bodyKind int

const (
	bodyText bodyKind = iota
	bodyJSON
	bodyXML
	bodyForm
)

func kindOf(contentType, body string) bodyKind {
	mt, _, _ := mime.ParseMediaType(contentType)
	trimmed := strings.TrimSpace(body)
	switch {
	case strings.HasSuffix(mt, "json") || (mt == "" && (strings.HasPrefix(trimmed, "{") || strings.HasPrefix(trimmed, "["))):
		return bodyJSON
	case strings.HasSuffix(mt, "xml") || (mt == "" && strings.HasPrefix(trimmed, "<")):
		return bodyXML
	case mt == "application/x-www-form-urlencoded":
		return bodyForm
	}
	return bodyText
}

// flattenBodies turns two bodies into their leaves, both the same way; ok is false when either
// is not what its Content-Type says, and they are then compared as text.
func flattenBodies(oldCT, oldBody, newCT, newBody string) (old, new []leaf, ok bool) {
	ko, kn := kindOf(oldCT, oldBody), kindOf(newCT, newBody)
	if ko != kn || strings.TrimSpace(oldBody) == "" || strings.TrimSpace(newBody) == "" {
		return nil, nil, false
	}
	var err1, err2 error
	switch ko {
	case bodyJSON:
		old, err1 = flattenJSON(oldBody)
		new, err2 = flattenJSON(newBody)
	case bodyXML:
		var to, tn *xmlNode
		to, err1 = parseXML(oldBody)
		tn, err2 = parseXML(newBody)
		if err1 == nil && err2 == nil {
			multi := map[string]bool{}
			to.repeated("", multi)
			tn.repeated("", multi)
			old, new = to.flatten("", multi, nil), tn.flatten("", multi, nil)
		}
	case bodyForm:
		old, err1 = flattenForm(oldBody)
		new, err2 = flattenForm(newBody)
	default:
		return nil, nil, false
	}
	if err1 != nil || err2 != nil {
		return nil, nil, false
	}
	return old, new, true
}

func escapePointer(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "~", "~0"), "/", "~1")
}

func flattenJSON(body string) ([]leaf, error) {
	dec := json.NewDecoder(strings.NewReader(body))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, io.ErrUnexpectedEOF // trailing data: not one JSON document
	}
	var out []leaf
	var walk func(ptr string, v any)
	walk = func(ptr string, v any) {
		switch x := v.(type) {
		case map[string]any:
			if len(x) == 0 {
				out = append(out, leaf{ptr, "{}"})
			}
			keys := make([]string, 0, len(x))
			for k := range x {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				walk(ptr+"/"+escapePointer(k), x[k])
			}
		case []any:
			if len(x) == 0 {
				out = append(out, leaf{ptr, "[]"})
			}
			for i, e := range x {
				walk(ptr+"/"+strconv.Itoa(i), e)
			}
		default:
			out = append(out, leaf{ptr, jsonScalar(x)})
		}
	}
	walk("", v)
	return out, nil
}

func jsonScalar(v any) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
	return strings.TrimSuffix(b.String(), "\n")
}

func flattenForm(body string) ([]leaf, error) {
	vals, err := url.ParseQuery(strings.TrimSpace(body))
	if err != nil {
		return nil, err
	}
	keys := make([]string, 0, len(vals))
	for k := range vals {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var out []leaf
	for _, k := range keys {
		for i, v := range vals[k] {
			p := "/" + escapePointer(k)
			if len(vals[k]) > 1 {
				p += "/" + strconv.Itoa(i)
			}
			out = append(out, leaf{p, strconv.Quote(v)})
		}
	}
	return out, nil
}

// xmlNode is an element decoded without a schema: local names, attributes, children, text.
type xmlNode struct {
	name     string
	attrs    []xml.Attr
	children []*xmlNode
	text     string
}

func parseXML(body string) (*xmlNode, error) {
	dec := xml.NewDecoder(strings.NewReader(body))
	dec.Strict = true
	var root *xmlNode
	var stack []*xmlNode
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			n := &xmlNode{name: t.Name.Local}
			for _, a := range t.Attr {
				if a.Name.Space == "xmlns" || a.Name.Local == "xmlns" {
					continue
				}
				n.attrs = append(n.attrs, a)
			}
			if len(stack) == 0 {
				if root != nil {
					return nil, io.ErrUnexpectedEOF
				}
				root = n
			} else {
				p := stack[len(stack)-1]
				p.children = append(p.children, n)
			}
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 {
				stack[len(stack)-1].text += string(t)
			}
		}
	}
	if root == nil {
		return nil, io.ErrUnexpectedEOF
	}
	return root, nil
}

// repeated collects the element paths (without positions) that occur more than once under one
// parent; such elements are addressed by position in both recordings.
func (n *xmlNode) repeated(parent string, multi map[string]bool) {
	p := parent + "/" + n.name
	count := map[string]int{}
	for _, c := range n.children {
		count[c.name]++
	}
	for name, k := range count {
		if k > 1 {
			multi[p+"/"+name] = true
		}
	}
	for _, c := range n.children {
		c.repeated(p, multi)
	}
}

func (n *xmlNode) flatten(parent string, multi map[string]bool, out []leaf) []leaf {
	return n.flattenAt(parent, parent, multi, out)
}

// flattenAt writes the leaves of n: ptr is its address, plain its address without positions.
func (n *xmlNode) flattenAt(ptr, plain string, multi map[string]bool, out []leaf) []leaf {
	ptr, plain = ptr+"/"+n.name, plain+"/"+n.name
	return n.leaves(ptr, plain, multi, out)
}

func (n *xmlNode) leaves(ptr, plain string, multi map[string]bool, out []leaf) []leaf {
	for _, a := range n.attrs {
		out = append(out, leaf{ptr + "/@" + a.Name.Local, strconv.Quote(a.Value)})
	}
	text := strings.TrimSpace(n.text)
	switch {
	case len(n.children) == 0:
		out = append(out, leaf{ptr, strconv.Quote(text)})
	case text != "":
		out = append(out, leaf{ptr + "/#text", strconv.Quote(text)})
	}
	pos := map[string]int{}
	for _, c := range n.children {
		cp, cplain := ptr+"/"+c.name, plain+"/"+c.name
		if multi[cplain] {
			cp += "/" + strconv.Itoa(pos[c.name])
			pos[c.name]++
		}
		out = c.leaves(cp, cplain, multi, out)
	}
	return out
}

// canonicalHeaders lists the headers worth comparing, canonically named, with their values
// joined, through show.
func canonicalHeaders(h http.Header, sd *side) map[string]string {
	out := map[string]string{}
	for k, vs := range h {
		ck := http.CanonicalHeaderKey(k)
		if volatile[ck] {
			continue
		}
		shown := make([]string, len(vs))
		for i, v := range vs {
			shown[i] = sd.show(v)
		}
		if prev, ok := out[ck]; ok {
			out[ck] = prev + ", " + strings.Join(shown, ", ")
		} else {
			out[ck] = strings.Join(shown, ", ")
		}
	}
	return out
}

// requestTarget is the path and query of a recorded URL (host and port are never matched),
// through show; canonical puts the query in the order the replay matcher compares it.
func requestTarget(raw string, sd *side, canonical bool) string {
	u, err := url.Parse(raw)
	if err != nil {
		return sd.show(raw)
	}
	t, q := u.EscapedPath(), u.RawQuery
	if canonical {
		q = canonicalQuery(q)
	}
	if q != "" {
		t += "?" + q
	}
	return sd.show(t)
}
