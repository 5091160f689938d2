package report

import (
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/cloudcontract/cloudcontract/harness/validate"
)

// DiffLine is one line of a compact line diff between what the contract expects and what came:
// Op is " " (the same on both sides), "-" (only in the response), "+" (what the contract wants
// instead) or "…" (unchanged lines left out).
type DiffLine struct {
	Op   string `json:"op"`
	Text string `json:"text"`
}

// explanation is a failure said in words: what the contract wants, what came, a title shared by
// every failure of the same kind (failures are grouped by it), and a diff when both sides are
// documents.
type explanation struct {
	title, want, got string
	diff             []DiffLine
}

// schemaKeyword splits validate's "keyword (schema /location)" rendering (a missing property is
// "required property NAME").
var schemaKeyword = regexp.MustCompile(`^([A-Za-z$]+) \(schema (.*)\)$`)

var quoted = regexp.MustCompile(`'([^']*)'`)

// explain renders a problem in words. body is the decoded response body (nil when none or not
// decoded), used to show the failing value in context.
func explain(p validate.Problem, body any) explanation {
	e := explanation{title: p.Message, want: p.Expected, got: p.Actual}
	switch p.Check {
	case "csv":
		if p.Expected != "" && p.Actual != "" && strings.Contains(p.Expected, ",") {
			e.diff = lineDiff(strings.Split(p.Actual, ","), strings.Split(p.Expected, ","), 2)
		}
		return e
	case "body", "callback":
	default:
		return e
	}
	var kw string
	if m := schemaKeyword.FindStringSubmatch(p.Expected); m != nil {
		kw = m[1]
	} else if strings.HasPrefix(p.Expected, "required property ") {
		kw = "required" // validate names each missing property apart
	} else {
		return e
	}
	value, found := validate.Lookup(body, p.Pointer)
	if body == nil {
		found = false
	}
	prop := lastToken(p.Pointer)
	at := ""
	if prop != "" {
		at = prop + ": "
	}
	switch kw {
	case "required":
		var names []string
		for _, q := range quoted.FindAllStringSubmatch(p.Message, -1) {
			names = append(names, q[1])
		}
		e.title = "missing required " + plural(len(names), "property", "properties") + " " + strings.Join(names, ", ")
		if prop != "" {
			e.title += " in " + prop
		}
		e.want = "an object with " + quoteAll(names)
		e.got = "an object without " + strings.Join(names, ", ")
		if obj, ok := value.(map[string]any); ok && found {
			e.got += keysOf(obj)
			if p.XMLPath == "" {
				e.diff = objectDiff(obj, "", names, "")
			}
		}
		return e
	case "type":
		w, _, _ := strings.Cut(strings.TrimPrefix(p.Message, "expected "), ", but got")
		e.want = article(w)
	case "format":
		f := ""
		if q := quoted.FindAllStringSubmatch(p.Message, -1); len(q) > 0 {
			f = q[len(q)-1][1]
		}
		e.want = "a string in " + f + " format" + formatHint[f]
	case "enum":
		e.want = strings.Replace(p.Message, "value must be ", "", 1)
	case "const":
		e.want = strings.Replace(p.Message, "value must be ", "exactly ", 1)
	case "pattern":
		e.want = "a string " + strings.Replace(p.Message, "does not match", "matching", 1)
	case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum":
		bound, _, _ := strings.Cut(strings.TrimPrefix(p.Message, "must be "), " but found")
		e.want = "a number " + bound
	case "minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties":
		bound, _, _ := strings.Cut(p.Message, ", but")
		e.want = bound
	case "additionalProperties":
		var names []string
		for _, q := range quoted.FindAllStringSubmatch(p.Message, -1) {
			names = append(names, q[1])
		}
		e.title = "undocumented " + plural(len(names), "property", "properties") + " " + strings.Join(names, ", ")
		if prop != "" {
			e.title += " in " + prop
		}
		e.want = "no properties beyond the documented ones (additionalProperties: false)"
		e.got = "an object with " + quoteAll(names)
		if obj, ok := value.(map[string]any); ok && found && p.XMLPath == "" {
			undocumented := map[string]bool{}
			for _, n := range names {
				undocumented[n] = true
			}
			lines := []DiffLine{{" ", "{"}}
			for _, k := range sortedKeys(obj) {
				op := " "
				if undocumented[k] {
					op = "-"
				}
				lines = append(lines, DiffLine{op, "  " + propLine(k, obj[k])})
			}
			e.diff = compact(append(lines, DiffLine{" ", "}"}), 2)
		}
		return e
	default:
		e.want = kw + ": " + p.Message
	}
	e.title = at + "expected " + e.want
	if found {
		e.got = describeValue(value)
		if parent, ok := validate.Lookup(body, parentPointer(p.Pointer)); ok && p.XMLPath == "" {
			if obj, ok := parent.(map[string]any); ok && p.Pointer != "" {
				e.diff = objectDiff(obj, prop, nil, "<"+e.want+">")
			}
		}
	}
	return e
}

var formatHint = map[string]string{
	"date-time": " (RFC 3339, e.g. 2026-11-23T12:00:00Z)",
	"date":      " (RFC 3339 full-date, e.g. 2026-11-23)",
	"uuid":      " (e.g. 3f2b8c1e-6f1d-4b8e-9c53-1d2e3f4a5b6c)",
}

// describeValue says what a value is: its JSON type and, compactly, the value.
func describeValue(v any) string {
	s := validate.Render(v)
	if _, ok := v.(string); ok {
		s = fmt.Sprintf("%q", v)
	}
	if len(s) > 160 {
		s = s[:160] + "…"
	}
	switch v.(type) {
	case nil:
		return "null"
	case string:
		return "the string " + s
	case float64, json.Number, int, int64:
		return "the number " + s
	case bool:
		return "the boolean " + s
	case []any:
		return "an array: " + s
	case map[string]any:
		return "an object: " + s
	}
	return s
}

func keysOf(obj map[string]any) string {
	if len(obj) == 0 {
		return " (it is empty)"
	}
	keys := make([]string, 0, len(obj))
	for k := range obj {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	if len(keys) > 12 {
		keys = append(keys[:12], "…")
	}
	return " (it has " + strings.Join(keys, ", ") + ")"
}

// objectDiff renders an object one property a line (the response; commas left out so that a
// line differs only where a value does) against the same object as
// the contract wants it: with the missing properties added, or with one property's value replaced
// by the constraint it breaks. Only the changed lines and two lines around them are kept.
func objectDiff(obj map[string]any, replace string, missing []string, want string) []DiffLine {
	var actual, expected []string
	for _, k := range sortedKeys(obj) {
		line := "  " + propLine(k, obj[k])
		expLine := line
		if k == replace {
			expLine = fmt.Sprintf("  %q: %s", k, want)
		}
		actual = append(actual, line)
		expected = append(expected, expLine)
	}
	for _, k := range missing {
		expected = append(expected, fmt.Sprintf("  %q: <required>", k))
	}
	actual = append([]string{"{"}, append(actual, "}")...)
	expected = append([]string{"{"}, append(expected, "}")...)
	return lineDiff(actual, expected, 2)
}

func sortedKeys(obj map[string]any) []string {
	keys := make([]string, 0, len(obj))
	for k := range obj {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// propLine renders one property of an object on one line (long values cut).
func propLine(k string, v any) string {
	b, err := json.Marshal(v)
	s := string(b)
	if err != nil {
		s = fmt.Sprint(v)
	}
	if len(s) > 100 {
		s = s[:100] + "…"
	}
	return fmt.Sprintf("%q: %s", k, s)
}

// lineDiff compares two documents line by line (longest common subsequence) and keeps context
// lines around each change.
func lineDiff(actual, expected []string, context int) []DiffLine {
	const limit = 400
	if len(actual) > limit || len(expected) > limit {
		return nil
	}
	n, m := len(actual), len(expected)
	lcs := make([][]int, n+1)
	for i := range lcs {
		lcs[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if actual[i] == expected[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out []DiffLine
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && actual[i] == expected[j]:
			out = append(out, DiffLine{" ", actual[i]})
			i++
			j++
		case j == m || (i < n && lcs[i+1][j] >= lcs[i][j+1]):
			out = append(out, DiffLine{"-", actual[i]})
			i++
		default:
			out = append(out, DiffLine{"+", expected[j]})
			j++
		}
	}
	return compact(out, context)
}

// compact keeps the changed lines and context lines around them; a run of left-out lines becomes
// one "…" line. A diff without change is nil.
func compact(lines []DiffLine, context int) []DiffLine {
	keep := make([]bool, len(lines))
	changed := false
	for i, l := range lines {
		if l.Op == "-" || l.Op == "+" {
			changed = true
			for k := i - context; k <= i+context; k++ {
				if k >= 0 && k < len(lines) {
					keep[k] = true
				}
			}
		}
	}
	if !changed {
		return nil
	}
	var out []DiffLine
	for i, l := range lines {
		if keep[i] {
			out = append(out, l)
		} else if len(out) == 0 || out[len(out)-1].Op != "…" {
			out = append(out, DiffLine{"…", ""})
		}
	}
	return out
}

func lastToken(pointer string) string {
	i := strings.LastIndexByte(pointer, '/')
	if i < 0 {
		return ""
	}
	tok := strings.ReplaceAll(strings.ReplaceAll(pointer[i+1:], "~1", "/"), "~0", "~")
	if tok == "" || strings.Trim(tok, "0123456789") == "" {
		// An array index says nothing about the kind of failure.
		return parentName(pointer[:i])
	}
	return tok
}

func parentName(pointer string) string {
	if pointer == "" {
		return ""
	}
	return lastToken(pointer)
}

func parentPointer(pointer string) string {
	i := strings.LastIndexByte(pointer, '/')
	if i <= 0 {
		return ""
	}
	return pointer[:i]
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func quoteAll(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = fmt.Sprintf("%q", n)
	}
	return strings.Join(q, ", ")
}

func article(typ string) string {
	parts := strings.Split(typ, " or ")
	for i, p := range parts {
		switch {
		case p == "null":
		case p == "array" || p == "object" || p == "integer":
			parts[i] = "an " + p
		default:
			parts[i] = "a " + p
		}
	}
	return strings.Join(parts, " or ")
}
