package validate

import (
	"fmt"
	"net/url"
	"sort"
	"strconv"
	"strings"

	"github.com/cloudcontract/cloudcontract/harness/spec"
)

// Paging as contract (x-paging on an operation): a page carries the attributes pageNumber,
// pageCount (items on this page), totalCount and pageSize, consistent with the request and with
// each other. Invariants across pages are checked by steps (package steps), which use Page.

// PagingSpec is the x-paging extension of an operation.
type PagingSpec struct {
	DefaultPageSize int
	MaxPageSize     int
	OrderBy         []string
	Filters         []string
	// PageParam and SizeParam name the query parameters (pageNumber and pageSize unless the
	// extension says otherwise); Items names the array of items when the body has several arrays.
	PageParam, SizeParam, Items string
	// Plain is true for style: plain — pages without paging attributes in the body (only the
	// item count can be checked against the requested size).
	Plain bool
	// Evidence maps a field of the extension (defaultPageSize, ...) to its evidence when the
	// document does not state it (x-evidence inside x-paging).
	Evidence map[string]*spec.Evidence
}

// Paging returns the paging description of an operation, or nil when it does not page.
func Paging(op *spec.Operation) *PagingSpec {
	raw, ok := op.Op.Extensions["x-paging"].(map[string]any)
	if !ok {
		return nil
	}
	p := &PagingSpec{PageParam: "pageNumber", SizeParam: "pageSize"}
	p.DefaultPageSize = asInt(raw["defaultPageSize"])
	p.MaxPageSize = asInt(raw["maxPageSize"])
	p.OrderBy = asStrings(raw["orderBy"])
	p.Filters = asStrings(raw["filters"])
	if s, ok := raw["pageParam"].(string); ok {
		p.PageParam = s
	}
	if s, ok := raw["sizeParam"].(string); ok {
		p.SizeParam = s
	}
	if s, ok := raw["items"].(string); ok {
		p.Items = s
	}
	p.Plain = raw["style"] == "plain"
	if ev, ok := raw["x-evidence"].(map[string]any); ok {
		p.Evidence = map[string]*spec.Evidence{}
		for k, v := range ev {
			if e, ok, err := spec.ParseEvidence(v); ok && err == nil {
				p.Evidence[k] = e
			}
		}
	}
	return p
}

func asInt(v any) int {
	switch t := v.(type) {
	case float64:
		return int(t)
	case int:
		return t
	case int64:
		return int(t)
	}
	return 0
}

func asStrings(v any) []string {
	list, _ := v.([]any)
	out := make([]string, 0, len(list))
	for _, e := range list {
		out = append(out, fmt.Sprint(e))
	}
	return out
}

// Page is one decoded page.
type Page struct {
	// Number, Count (items on the page), Total and Size are the paging attributes; -1 when absent.
	Number, Count, Total, Size int
	// Items are the page's items; ItemsKey the property holding them.
	Items    []any
	ItemsKey string
}

var pagingAttrs = []string{"pageNumber", "pageCount", "totalCount", "pageSize"}

// ReadPage reads the paging attributes and items of a decoded body.
func ReadPage(d *Decoded, p *PagingSpec) (*Page, []Problem) {
	pg := &Page{Number: -1, Count: -1, Total: -1, Size: -1}
	m, ok := d.Value.(map[string]any)
	if !ok {
		return pg, []Problem{{Check: "paging", Message: "the page is not an object with paging attributes"}}
	}
	var out []Problem
	dst := []*int{&pg.Number, &pg.Count, &pg.Total, &pg.Size}
	for i, name := range pagingAttrs {
		v, has := m[name]
		if !has {
			out = append(out, Problem{Check: "paging", Pointer: "/" + name, XMLPath: d.XMLPath(""), Message: "paging attribute " + name + " is missing", Expected: name + " attribute", Actual: "none"})
			continue
		}
		n, err := strconv.Atoi(Render(v))
		if err != nil || n < 0 {
			out = append(out, Problem{Check: "paging", Pointer: "/" + name, XMLPath: d.XMLPath("/" + name), Message: "paging attribute " + name + " is not a non-negative integer", Expected: "integer ≥ 0", Actual: Render(v)})
			continue
		}
		*dst[i] = n
	}
	key := ""
	if p != nil {
		key = p.Items
	}
	if key == "" {
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if _, isArr := m[k].([]any); isArr {
				key = k
				break
			}
		}
	}
	pg.ItemsKey = key
	if key != "" {
		pg.Items, _ = m[key].([]any)
	}
	return pg, out
}

// CheckPaging checks one page of a paging operation against its request and itself.
func CheckPaging(t *Target) []Problem {
	p := Paging(t.Operation)
	if p == nil || t.Exchange.Status/100 != 2 || t.Body == nil {
		return nil
	}
	q := t.Exchange.URL.Query()
	if p.Plain {
		return checkPlainPage(t, p, q)
	}
	pg, out := ReadPage(t.Body, p)
	at := func(name string) string { return t.Body.XMLPath("/" + name) }
	if pg.Count >= 0 && pg.Size >= 0 && pg.Count > pg.Size {
		out = append(out, Problem{Check: "paging", Pointer: "/pageCount", XMLPath: at("pageCount"), Message: "pageCount (items on the page) exceeds pageSize",
			Expected: fmt.Sprintf("≤ %d", pg.Size), Actual: fmt.Sprint(pg.Count)})
	}
	if pg.Count >= 0 && pg.ItemsKey != "" && pg.Count != len(pg.Items) {
		out = append(out, Problem{Check: "paging", Pointer: "/pageCount", XMLPath: at("pageCount"), Message: fmt.Sprintf("pageCount differs from the number of %s items on the page", pg.ItemsKey),
			Expected: fmt.Sprint(len(pg.Items)), Actual: fmt.Sprint(pg.Count)})
	}
	if pg.Total >= 0 && pg.Count > pg.Total {
		out = append(out, Problem{Check: "paging", Pointer: "/totalCount", XMLPath: at("totalCount"), Message: "totalCount is smaller than the items on this page",
			Expected: fmt.Sprintf("≥ %d", pg.Count), Actual: fmt.Sprint(pg.Total)})
	}
	wantSize := p.DefaultPageSize
	if v := q.Get(p.SizeParam); v != "" {
		if n, err := strconv.Atoi(v); err == nil && n > 0 {
			wantSize = n
		}
	}
	if wantSize > 0 && pg.Size >= 0 && pg.Size != wantSize {
		what := "the requested " + p.SizeParam
		var ev *spec.Evidence
		if q.Get(p.SizeParam) == "" {
			what = "the documented default"
			if ev = p.Evidence["defaultPageSize"]; ev != nil {
				what = "the default page size"
			}
		}
		out = append(out, Problem{Check: "paging", Pointer: "/pageSize", XMLPath: at("pageSize"), Message: "pageSize is not " + what,
			Expected: fmt.Sprint(wantSize), Actual: fmt.Sprint(pg.Size), Evidence: ev})
	}
	if pg.Total >= 0 && pg.Size > 0 && pg.Number >= 0 {
		last := (pg.Total + pg.Size - 1) / pg.Size
		if last < 1 {
			last = 1
		}
		want := 1
		if v := q.Get(p.PageParam); v != "" {
			if n, err := strconv.Atoi(v); err == nil && n > 0 {
				want = n
			}
		}
		if want > last {
			want = last // a page past the last answers the last page
		}
		if pg.Number != want {
			out = append(out, Problem{Check: "paging", Pointer: "/pageNumber", XMLPath: at("pageNumber"), Message: fmt.Sprintf("pageNumber is not the page asked for (the last page is %d)", last),
				Expected: fmt.Sprint(want), Actual: fmt.Sprint(pg.Number)})
		}
		if pg.Count >= 0 && pg.Number >= 1 && pg.Number <= last {
			full := pg.Size
			if pg.Number == last {
				full = pg.Total - (last-1)*pg.Size
			}
			switch {
			case pg.Count == full:
			case pg.Number == last && pg.Count == len(pg.Items) && pg.Count <= pg.Size:
				// The last page holds what it says it holds: the total is what disagrees.
				out = append(out, Problem{Check: "paging", Pointer: "/totalCount", XMLPath: at("totalCount"), Message: fmt.Sprintf("totalCount disagrees with the pages: %d items on the %d full page(s) before this last one and %d on it make %d", (last-1)*pg.Size, last-1, pg.Count, (last-1)*pg.Size+pg.Count),
					Expected: fmt.Sprint((last-1)*pg.Size + pg.Count), Actual: fmt.Sprint(pg.Total)})
			default:
				out = append(out, Problem{Check: "paging", Pointer: "/pageCount", XMLPath: at("pageCount"), Message: fmt.Sprintf("page %d of %d should hold %d of the %d items", pg.Number, last, full, pg.Total),
					Expected: fmt.Sprint(full), Actual: fmt.Sprint(pg.Count)})
			}
		}
	}
	return out
}

// ItemValue returns a field of an item: a JSON pointer ("/created") or a plain name ("created").
func ItemValue(item any, field string) (any, bool) {
	if !strings.HasPrefix(field, "/") {
		field = "/" + field
	}
	return Lookup(item, field)
}

// checkPlainPage checks a page without attributes: it holds at most the requested page size.
func checkPlainPage(t *Target, p *PagingSpec, q url.Values) []Problem {
	size, err := strconv.Atoi(q.Get(p.SizeParam))
	if err != nil || size < 1 || p.Items == "" {
		return nil
	}
	items, ok := Lookup(t.Body.Value, "/"+p.Items)
	arr, isArr := items.([]any)
	if !ok || !isArr {
		return nil
	}
	if len(arr) > size {
		return []Problem{{Check: "paging", Pointer: "/" + p.Items, XMLPath: t.Body.XMLPath("/" + p.Items),
			Message:  fmt.Sprintf("the page holds more %s than %s=%d asks for", p.Items, p.SizeParam, size),
			Expected: fmt.Sprintf("at most %d items", size), Actual: fmt.Sprintf("%d items", len(arr))}}
	}
	return nil
}
