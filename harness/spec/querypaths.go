package spec

import (
	"encoding/json"
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"
)

// QueryPaths is the top-level extension holding the operations whose documented URL carries an
// action marker in its query (CloudControl's `GET /server/{server-id}?delete`): OpenAPI `paths` keys
// cannot hold a query, so such a path item is written beside `paths`, keyed by the full
// documented path with its marker (specs/README.md, convention 4). Every tool that reads OpenAPI
// sees a valid `paths`; the harness routes the extension's operations as if they were in it.
const QueryPaths = "x-query-paths"

// pathsKey is the key of the OpenAPI paths object.
const pathsKey = "paths"

// mergeQueryPaths returns the contract as JSON with the path items of x-query-paths moved under
// paths, as the router and kin-openapi read them, and the keys that came from the extension. (JSON
// because kin-openapi reads it faster than YAML: the contract is parsed once either way.) A key of
// paths that carries a query, a key of the extension that carries none, a key written twice and
// an extension or item that is not a map are errors naming the line and key.
func mergeQueryPaths(data []byte) ([]byte, map[string]bool, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, nil, err
	}
	if root.Kind != yaml.DocumentNode || len(root.Content) == 0 || root.Content[0].Kind != yaml.MappingNode {
		return data, nil, nil // not a map: kin-openapi says what is wrong with it
	}
	top := root.Content[0]
	paths, ext := -1, -1
	for i := 0; i+1 < len(top.Content); i += 2 {
		switch top.Content[i].Value {
		case pathsKey:
			paths = i
		case QueryPaths:
			ext = i
		}
	}
	if paths >= 0 && top.Content[paths+1].Kind == yaml.MappingNode {
		for _, k := range keysOf(top.Content[paths+1]) {
			if strings.Contains(k.Value, "?") {
				return nil, nil, fmt.Errorf("line %d: paths[%q]: a path key cannot carry a query; an operation named by a query marker belongs under %s (specs/README.md, convention 4)", k.Line, k.Value, QueryPaths)
			}
		}
	}
	from := map[string]bool{}
	if ext >= 0 {
		if err := moveQueryPaths(top, paths, ext, from); err != nil {
			return nil, nil, err
		}
	}
	var v any
	if err := top.Decode(&v); err != nil {
		return nil, nil, err
	}
	out, err := json.Marshal(jsonMaps(v, nil))
	if err != nil {
		return nil, nil, err
	}
	return out, from, nil
}

// moveQueryPaths checks the extension at top.Content[ext] and appends its items to the paths
// at top.Content[paths] (-1: none yet), recording their keys in from.
func moveQueryPaths(top *yaml.Node, paths, ext int, from map[string]bool) error {
	items := top.Content[ext+1]
	if items.Kind != yaml.MappingNode {
		return fmt.Errorf("line %d: %s: want a map of path (with its query marker) to Path Item, got %s", items.Line, QueryPaths, kindName(items))
	}
	for i, k := range keysOf(items) {
		where := fmt.Sprintf("line %d: %s[%q]", k.Line, QueryPaths, k.Value)
		_, marker, _ := splitMarker(k.Value)
		switch {
		case !strings.HasPrefix(k.Value, "/"):
			return fmt.Errorf("%s: a path key starts with /", where)
		case !strings.Contains(k.Value, "?"):
			return fmt.Errorf("%s: the key carries no query marker; a path without one belongs under paths", where)
		case marker == "" || strings.ContainsAny(marker, "&?"):
			return fmt.Errorf("%s: want one query marker after the path (?name or ?name=value)", where)
		case from[k.Value]:
			return fmt.Errorf("%s: the key is written twice", where)
		}
		if v := items.Content[2*i+1]; v.Kind != yaml.MappingNode {
			return fmt.Errorf("%s: want a Path Item (a map of method to operation), got %s", where, kindName(v))
		}
		from[k.Value] = true
	}
	if paths < 0 {
		top.Content = append(top.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: pathsKey}, &yaml.Node{Kind: yaml.MappingNode})
		paths = len(top.Content) - 2
	}
	target := top.Content[paths+1]
	if target.Kind != yaml.MappingNode {
		return fmt.Errorf("line %d: paths: want a map of path to Path Item, got %s", target.Line, kindName(target))
	}
	target.Content = append(target.Content, items.Content...)
	top.Content = append(top.Content[:ext:ext], top.Content[ext+2:]...)
	return nil
}

// keysOf returns the key nodes of a mapping node.
func keysOf(m *yaml.Node) []*yaml.Node {
	keys := make([]*yaml.Node, 0, len(m.Content)/2)
	for i := 0; i+1 < len(m.Content); i += 2 {
		keys = append(keys, m.Content[i])
	}
	return keys
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a map"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	default:
		if n.Tag == "!!null" {
			return "nothing"
		}
		return fmt.Sprintf("the value %q", n.Value)
	}
}
