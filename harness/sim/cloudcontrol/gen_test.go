package cloudcontrol

import (
	"bytes"
	"flag"
	"fmt"
	"go/format"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/cloudcontract/cloudcontract/harness/spec"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"
)

// update regenerates contract_gen.go from the spec.
var update = flag.Bool("update", false, "regenerate contract_gen.go from specs/cloudcontrol/openapi.yaml")

// specDir is the contract this simulator answers to.
var specDir = filepath.Join("..", "..", "..", "specs", "cloudcontrol")

// TestContractTables checks that contract_gen.go is what the spec says; run
// with -update to rewrite it after the spec changes.
func TestContractTables(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(specDir, "openapi.yaml"))
	require.NoError(t, err)
	src, err := generate(data)
	require.NoError(t, err)
	if *update {
		require.NoError(t, os.WriteFile("contract_gen.go", src, 0o644))
		return
	}
	have, err := os.ReadFile("contract_gen.go")
	require.NoError(t, err)
	require.True(t, bytes.Equal(have, src), "contract_gen.go is stale: run go test -run TestContractTables -update")
}

// ynode helpers over yaml.v3 nodes, which keep the document order of keys.
func yget(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

func ystr(n *yaml.Node, key string) string {
	if v := yget(n, key); v != nil {
		return v.Value
	}
	return ""
}

func ystrings(n *yaml.Node) []string {
	if n == nil {
		return nil
	}
	var out []string
	for _, c := range n.Content {
		out = append(out, c.Value)
	}
	return out
}

type gen struct {
	schemas *yaml.Node
	types   map[string]xmlType
	order   []string
}

func refName(n *yaml.Node) string {
	r := ystr(n, "$ref")
	return strings.TrimPrefix(r, "#/components/schemas/")
}

var operationInSample = regexp.MustCompile(`<(?:\w+:)?operation>\s*([^<]*?)\s*</(?:\w+:)?operation>`)

func generate(data []byte) ([]byte, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, err
	}
	doc := root.Content[0]
	g := &gen{schemas: yget(yget(doc, "components"), "schemas"), types: map[string]xmlType{}}
	var ops []opSpec
	// The operations named by a query marker are under spec.QueryPaths, beside paths.
	var items []*yaml.Node
	for _, section := range []string{"paths", spec.QueryPaths} {
		if n := yget(doc, section); n != nil {
			items = append(items, n.Content...)
		}
	}
	for i := 0; i+1 < len(items); i += 2 {
		key, item := items[i].Value, items[i+1]
		for j := 0; j+1 < len(item.Content); j += 2 {
			method, o := strings.ToUpper(item.Content[j].Value), item.Content[j+1]
			if method != "GET" && method != "POST" && method != "PUT" && method != "DELETE" {
				continue
			}
			op := opSpec{ID: ystr(o, "operationId"), Method: method, PathKey: key, Title: ystr(o, "summary"),
				Deprecated: ystr(o, "deprecated") == "true", Roles: ystrings(yget(o, "x-roles"))}
			op.Reasons = reasons(yget(o, "x-reason-codes"))
			if p := yget(o, "x-paging"); p != nil {
				ps := &pagingSpec{OrderBy: ystrings(yget(p, "orderBy")), Filters: ystrings(yget(p, "filters")), RangeFilters: ystrings(yget(p, "rangeFilters"))}
				if yget(yget(p, "x-evidence"), "defaultPageSize") == nil {
					// Only a default the document states binds the simulator; an inferred one
					// (shown in sample answers only) is the data set's choice.
					ps.DefaultPageSize, _ = strconv.Atoi(ystr(p, "defaultPageSize"))
				}
				ps.MaxPageSize, _ = strconv.Atoi(ystr(p, "maxPageSize"))
				op.Paging = ps
			}
			if rb := yget(yget(o, "requestBody"), "content"); rb != nil {
				if x := yget(rb, "application/xml"); x != nil {
					op.Request = g.typeOf(yget(x, "schema"), op.ID+"Request")
				} else if yget(rb, "application/x-www-form-urlencoded") != nil {
					op.Request = "form"
				}
			}
			resps := yget(o, "responses")
			for k := 0; k+1 < len(resps.Content); k += 2 {
				st, _ := strconv.Atoi(resps.Content[k].Value)
				op.Statuses = append(op.Statuses, st)
				if st != 200 {
					continue
				}
				content := yget(resps.Content[k+1], "content")
				if x := yget(content, "application/xml"); x != nil {
					op.Response = g.typeOf(yget(x, "schema"), op.ID+"Response")
					if ex := yget(x, "x-examples"); ex != nil && op.Response == "Status" {
						for e := 1; e < len(ex.Content); e += 2 {
							if m := operationInSample.FindStringSubmatch(ex.Content[e].Value); m != nil {
								op.Title = strings.Join(strings.Fields(m[1]), " ")
							}
						}
					}
				}
				if c := yget(content, "text/csv"); c != nil {
					op.CSVHeader = ystrings(yget(c, "x-csv-header"))
				}
			}
			sort.Ints(op.Statuses)
			ops = append(ops, op)
		}
	}
	sort.Slice(ops, func(i, j int) bool { return ops[i].ID < ops[j].ID })
	common := reasons(yget(doc, "x-common-reason-codes"))
	paging := reasons(yget(doc, "x-paging-reason-codes"))

	var b bytes.Buffer
	b.WriteString("// Code generated by TestContractTables from specs/cloudcontrol/openapi.yaml; DO NOT EDIT.\n\npackage cloudcontrol\n\n")
	fmt.Fprintf(&b, "// commonReasons are x-common-reason-codes: the codes every operation may return.\nvar commonReasons = %s\n\n", lit(reflect.ValueOf(common), false))
	fmt.Fprintf(&b, "// pagingReasons are x-paging-reason-codes: the codes of every paging operation (section 1.8.2).\nvar pagingReasons = %s\n\n", lit(reflect.ValueOf(paging), false))
	fmt.Fprintf(&b, "// operations are the operations of the contract, sorted by operationId.\nvar operations = %s\n\n", lit(reflect.ValueOf(ops), false))
	types := map[string]*xmlType{}
	for name, t := range g.types {
		types[name] = &t
	}
	fmt.Fprintf(&b, "// xmlTypes are the XML shapes of the schemas used in bodies.\nvar xmlTypes = %s\n", lit(reflect.ValueOf(types), false))
	return format.Source(b.Bytes())
}

func reasons(n *yaml.Node) []reason {
	var out []reason
	if n == nil {
		return nil
	}
	for _, r := range n.Content {
		st, _ := strconv.Atoi(ystr(r, "status"))
		out = append(out, reason{Status: st, Code: ystr(r, "code"), Description: ystr(r, "description")})
	}
	return out
}

// typeOf registers the XML type of schema node s (a $ref or an inline
// object) and returns its name; synthetic names are used for inline ones.
func (g *gen) typeOf(s *yaml.Node, synthetic string) string {
	if s == nil {
		return ""
	}
	name := synthetic
	if r := refName(s); r != "" {
		name = r
		s = yget(g.schemas, r)
	}
	if _, done := g.types[name]; done {
		return name
	}
	t := xmlType{}
	g.types[name] = t
	g.order = append(g.order, name)
	if x := yget(s, "xml"); x != nil {
		t.Name, t.Namespace = ystr(x, "name"), ystr(x, "namespace")
	}
	required := map[string]bool{}
	for _, r := range ystrings(yget(s, "required")) {
		required[r] = true
	}
	props := yget(s, "properties")
	for i := 0; props != nil && i+1 < len(props.Content); i += 2 {
		pname, ps := props.Content[i].Value, props.Content[i+1]
		p := xmlProp{Name: pname, XMLName: pname, Required: required[pname]}
		resolved := ps
		if r := refName(ps); r != "" {
			resolved = yget(g.schemas, r)
		}
		// A $ref's siblings are ignored (OpenAPI 3.0), so the xml object of
		// the resolved schema is the one that counts, as in harness/xmlbody.
		if x := yget(resolved, "xml"); x != nil {
			if n := ystr(x, "name"); n != "" {
				p.XMLName = n
			}
			p.Attr = ystr(x, "attribute") == "true"
			p.Wrapped = ystr(x, "wrapped") == "true"
		}
		p.Text = ystr(resolved, "x-xml-text") == "true"
		p.Kind = kindOf(resolved)
		switch p.Kind {
		case "object":
			p.Type = g.typeOf(ps, name+"_"+pname)
		case "array":
			items := yget(resolved, "items")
			ri := items
			if r := refName(items); r != "" {
				ri = yget(g.schemas, r)
			}
			p.ItemKind = kindOf(ri)
			if p.ItemKind == "object" {
				p.Type = g.typeOf(items, name+"_"+pname)
			}
			if x := yget(ri, "xml"); x != nil && ystr(x, "name") != "" {
				p.ItemName = ystr(x, "name")
			}
		}
		t.Props = append(t.Props, p)
	}
	g.types[name] = t
	return name
}

func kindOf(s *yaml.Node) string {
	if t := ystr(s, "type"); t != "" {
		return t
	}
	if yget(s, "properties") != nil {
		return "object"
	}
	if yget(s, "items") != nil {
		return "array"
	}
	return "string"
}

// lit renders v as a Go composite literal, one field per line, leaving out
// zero fields; elided omits the type of elements of a slice or map.
func lit(v reflect.Value, elided bool) string {
	var b strings.Builder
	switch v.Kind() {
	case reflect.Ptr:
		if v.IsNil() {
			return "nil"
		}
		if elided {
			return lit(v.Elem(), true)
		}
		return "&" + lit(v.Elem(), false)
	case reflect.Struct:
		if !elided {
			b.WriteString(v.Type().Name())
		}
		b.WriteString("{")
		oneLine := v.Type().Name() == "reason"
		for i := 0; i < v.NumField(); i++ {
			if v.Field(i).IsZero() {
				continue
			}
			if !oneLine {
				b.WriteString("\n")
			}
			fmt.Fprintf(&b, "%s: %s, ", v.Type().Field(i).Name, lit(v.Field(i), false))
		}
		if !oneLine {
			b.WriteString("\n")
		}
		b.WriteString("}")
	case reflect.Slice:
		if v.IsNil() {
			return "nil"
		}
		fmt.Fprintf(&b, "%s{", strings.ReplaceAll(v.Type().String(), "cloudcontrol.", ""))
		multi := v.Type().Elem().Kind() != reflect.String && v.Type().Elem().Kind() != reflect.Int
		for i := 0; i < v.Len(); i++ {
			if multi {
				b.WriteString("\n")
			}
			b.WriteString(lit(v.Index(i), true))
			b.WriteString(", ")
		}
		if multi {
			b.WriteString("\n")
		}
		b.WriteString("}")
	case reflect.Map:
		fmt.Fprintf(&b, "%s{", strings.ReplaceAll(v.Type().String(), "cloudcontrol.", ""))
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
		for _, k := range keys {
			fmt.Fprintf(&b, "\n%q: %s,", k.String(), lit(v.MapIndex(k), true))
		}
		b.WriteString("\n}")
	case reflect.String:
		return strconv.Quote(v.String())
	case reflect.Bool:
		return strconv.FormatBool(v.Bool())
	case reflect.Int:
		return strconv.Itoa(int(v.Int()))
	default:
		panic("lit: unsupported kind " + v.Kind().String())
	}
	return b.String()
}
