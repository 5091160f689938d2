package roundtrip

import (
	"fmt"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/cloudcontract/cloudcontract/harness/validate"
)

// Pairs says a read holds a map sent (name to value) as a list of items, each with the name at
// the JSON pointer Name and the value at Value: parameters sent as {"url": "x"} and read as
// [{"name": "url", "value": "x"}] (Name "/name", Value "/value").
type Pairs struct {
	Name, Value string
}

// ComparePairs compares a map sent with a list read of name/value items (listSchema the list's
// schema): every entry sent must be the value of the item of its name, compared as Compare does
// (the value's type that of the items' value). An item's other fields, and items of names not
// sent, are not compared. A Difference names the value in the list (/2/value), or the list itself
// ("") where no item has the name sent; Sent is the entry's pointer in the map.
func ComparePairs(sent, list any, listSchema *openapi3.Schema, p Pairs, skip map[string]string) (Result, error) {
	m, ok := sent.(map[string]any)
	if !ok {
		return Result{}, fmt.Errorf("what was sent is %s %s, not a map of names to values", article(sent), typeOf(sent))
	}
	items, ok := list.([]any)
	if !ok {
		return Result{}, fmt.Errorf("what was read is %s %s, not a list of items with a name at %s and a value at %s", article(list), typeOf(list), p.Name, p.Value)
	}
	// The read as the map it stands for, and where each name's item is.
	read, at := map[string]any{}, map[string]int{}
	for i, it := range items {
		n, ok := validate.Lookup(it, p.Name)
		if !ok {
			continue
		}
		name := validate.Render(n)
		if _, seen := at[name]; seen || !has(m, name) {
			continue // the first item of a name holds its value; names not sent are not compared
		}
		at[name] = i
		if v, ok := validate.Lookup(it, p.Value); ok {
			read[name] = v
		}
	}
	schema := &openapi3.Schema{Type: &openapi3.Types{openapi3.TypeObject}}
	if vs := SchemaAt(listSchema, "/0"+p.Value); vs != nil {
		schema.AdditionalProperties = openapi3.AdditionalProperties{Schema: openapi3.NewSchemaRef("", vs)}
	}
	r := Compare(m, read, schema, skip, nil)
	for i, d := range r.Differences {
		tok, rest, _ := strings.Cut(strings.TrimPrefix(d.Pointer, "/"), "/")
		if rest != "" {
			rest = "/" + rest
		}
		name := strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		if j, ok := at[name]; ok {
			r.Differences[i].Pointer = fmt.Sprintf("/%d%s%s", j, p.Value, rest)
		} else {
			r.Differences[i].Pointer = ""
		}
	}
	return r, nil
}

func has(m map[string]any, k string) bool {
	_, ok := m[k]
	return ok
}

// article is the indefinite article of a value's JSON type.
func article(v any) string {
	if t := typeOf(v); t == "array" || t == "object" {
		return "an"
	}
	return "a"
}
