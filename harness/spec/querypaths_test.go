package spec

import (
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"
)

// contractDirs are the contracts of the project and the test contract with action markers.
func contractDirs(t *testing.T) []string {
	t.Helper()
	names, err := NewRegistry("../../specs").Names()
	require.NoError(t, err)
	require.NotEmpty(t, names)
	dirs := []string{"testdata/shop"}
	for _, n := range names {
		dirs = append(dirs, filepath.Join("../../specs", n))
	}
	return dirs
}

// rawSection reads one top-level map of a contract's openapi.yaml as written.
func rawSection(t *testing.T, dir, key string) map[string]map[string]any {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "openapi.yaml"))
	require.NoError(t, err)
	var doc map[string]any
	require.NoError(t, yaml.Unmarshal(data, &doc))
	out := map[string]map[string]any{}
	section, _ := doc[key].(map[string]any)
	for k, v := range section {
		item, ok := v.(map[string]any)
		require.True(t, ok, "%s: %s[%q] is not a map", dir, key, k)
		out[k] = item
	}
	return out
}

// TestQueryPathOperationsAreRouted: every operation written under x-query-paths is an operation
// of the loaded contract, under its full key, and a request carrying its marker reaches it; no key
// of paths carries a query (what OpenAPI tools reject).
func TestQueryPathOperationsAreRouted(t *testing.T) {
	total := 0
	for _, dir := range contractDirs(t) {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			api, err := Load(dir)
			require.NoError(t, err)
			for key := range rawSection(t, dir, "paths") {
				assert.NotContains(t, key, "?", "paths[%q]: OpenAPI path keys cannot carry a query", key)
			}
			fromExtension := 0
			for _, op := range api.Operations() {
				if op.Section == QueryPaths {
					fromExtension++
				}
			}
			written := 0
			for key, item := range rawSection(t, dir, QueryPaths) {
				for method, raw := range item {
					o, ok := raw.(map[string]any)
					if !ok || strings.HasPrefix(method, "x-") || method == "parameters" || method == "summary" || method == "description" {
						continue
					}
					written++
					id, _ := o["operationId"].(string)
					op := api.Operation(id)
					require.NotNil(t, op, "%s[%q].%s: operation %q is not in the loaded contract", QueryPaths, key, method, id)
					assert.Equal(t, key, op.PathKey)
					assert.Equal(t, strings.ToUpper(method), op.Method)
					assert.Equal(t, QueryPaths, op.Section)
					require.NotEmpty(t, op.Marker, key)
					params := map[string]string{}
					for _, p := range op.Params() {
						params[p] = "1"
					}
					p, err := op.Path(params)
					require.NoError(t, err)
					u, err := url.Parse(p)
					require.NoError(t, err)
					found, _, err := api.Find(op.Method, u.Path, u.RawQuery)
					require.NoError(t, err, p)
					assert.Equal(t, op.ID, found.ID, "%s %s", op.Method, p)
				}
			}
			assert.Equal(t, written, fromExtension, "operations written under %s and operations loaded from it", QueryPaths)
			total += written
		})
	}
	assert.Greater(t, total, 30, "the contracts' action-marker operations are under %s", QueryPaths)
}

// TestQueryPathsReadAsWritten: the contract the harness loads (JSON made from the YAML, with the
// extension's items under paths) is the one kin-openapi reads from the YAML itself, item for
// item, so no value changes on the way (dates, numbers, quoted strings).
func TestQueryPathsReadAsWritten(t *testing.T) {
	for _, dir := range contractDirs(t) {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			loader := openapi3.NewLoader()
			loader.IsExternalRefsAllowed = true
			direct, err := loader.LoadFromFile(filepath.Join(dir, "openapi.yaml"))
			require.NoError(t, err)
			want := asJSONMap(t, direct)
			if items, ok := want[QueryPaths].(map[string]any); ok {
				paths, _ := want["paths"].(map[string]any)
				for key, raw := range items {
					data, err := json.Marshal(raw)
					require.NoError(t, err)
					var item openapi3.PathItem
					require.NoError(t, item.UnmarshalJSON(data))
					paths[key] = asJSONMap(t, &item)
				}
				delete(want, QueryPaths)
			}
			api, err := Load(dir)
			require.NoError(t, err)
			assert.Equal(t, want, asJSONMap(t, api.Doc))
		})
	}
}

func asJSONMap(t *testing.T, v json.Marshaler) map[string]any {
	t.Helper()
	data, err := v.MarshalJSON()
	require.NoError(t, err)
	var m map[string]any
	require.NoError(t, json.Unmarshal(data, &m))
	return m
}

// TestQueryPathsShapeErrors: a wrong extension or a query in a paths key is an error that names
// the line and the key, never a panic; a contract with the extension and no paths loads.
func TestQueryPathsShapeErrors(t *testing.T) {
	const head = "openapi: 3.0.3\ninfo: {title: x, version: '1'}\n"
	const op = "    get:\n      operationId: %s\n      responses: {'200': {description: ok}}\n"
	item := func(key, id string) string { return "  " + key + ":\n" + strings.ReplaceAll(op, "%s", id) }
	tests := []struct {
		name, spec, want string
	}{
		{"query in a paths key", head + "paths:\n" + item("/a?x", "a"), `line 4: paths["/a?x"]: a path key cannot carry a query`},
		{"extension is a list", head + "paths: {}\nx-query-paths:\n- /a?x\n", "line 5: x-query-paths: want a map of path (with its query marker) to Path Item, got a list"},
		{"extension is empty", head + "paths: {}\nx-query-paths:\n", "line 4: x-query-paths: want a map of path (with its query marker) to Path Item, got nothing"},
		{"key without a marker", head + "paths: {}\nx-query-paths:\n" + item("/a", "a"), `line 5: x-query-paths["/a"]: the key carries no query marker`},
		{"key without a slash", head + "paths: {}\nx-query-paths:\n" + item("a?x", "a"), `line 5: x-query-paths["a?x"]: a path key starts with /`},
		{"empty marker", head + "paths: {}\nx-query-paths:\n" + item("/a?", "a"), `line 5: x-query-paths["/a?"]: want one query marker`},
		{"two markers", head + "paths: {}\nx-query-paths:\n" + item("/a?x&y", "a"), `line 5: x-query-paths["/a?x&y"]: want one query marker`},
		{"key written twice", head + "paths: {}\nx-query-paths:\n" + item("/a?x", "a") + item("/a?x", "b"), `line 9: x-query-paths["/a?x"]: the key is written twice`},
		{"item is a string", head + "paths: {}\nx-query-paths:\n  /a?x: get\n", `line 5: x-query-paths["/a?x"]: want a Path Item (a map of method to operation), got the value "get"`},
		{"item is empty", head + "paths: {}\nx-query-paths:\n  /a?x:\n", `line 5: x-query-paths["/a?x"]: want a Path Item (a map of method to operation), got nothing`},
		{"paths is a list", head + "paths: []\nx-query-paths:\n" + item("/a?x", "a"), "line 3: paths: want a map of path to Path Item, got a list"},
		{"operationId missing", head + "paths: {}\nx-query-paths:\n  /a?x:\n    get:\n      responses: {'200': {description: ok}}\n", `x-query-paths["/a?x"].get: operationId is missing`},
		{"operationId used twice", head + "paths:\n" + item("/a", "a") + "x-query-paths:\n" + item("/a?x", "a"), `operations "GET /a" and "GET /a?x" have the same operation id "a"`},
		{"no paths", head + "x-query-paths:\n" + item("/a?x", "a"), ""},
		{"flow paths", head + "paths: {/b: {get: {operationId: b, responses: {'200': {description: ok}}}}}\nx-query-paths:\n" + item("/a?x", "a"), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			require.NoError(t, os.WriteFile(filepath.Join(dir, "openapi.yaml"), []byte(tt.spec), 0o644))
			require.NoError(t, os.WriteFile(filepath.Join(dir, "harness.yaml"), []byte("auth: {kind: none}\n"), 0o644))
			api, err := Load(dir)
			if tt.want == "" {
				require.NoError(t, err)
				op, _, err := api.Find("GET", "/a", "x")
				require.NoError(t, err)
				assert.Equal(t, "a", op.ID)
				assert.Equal(t, QueryPaths, op.Section)
				return
			}
			require.Error(t, err)
			var le *LoadError
			require.ErrorAs(t, err, &le)
			assert.Equal(t, filepath.Join(dir, "openapi.yaml"), le.File)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

// TestQueryPathOperationsAreFoundInTheFile: the body schemas and the evidence check of an
// operation under x-query-paths point at where it is written, not at a paths key it never had.
func TestQueryPathOperationsAreFoundInTheFile(t *testing.T) {
	api := loadShop(t)
	bs, ok, err := api.ResponseBody(api.Operation("cancelOrder"), "200", "application/xml")
	require.NoError(t, err)
	require.True(t, ok)
	assert.Contains(t, bs.Location, "#/x-query-paths/~1api~1orders~1%7Bid%7D%3Fcancel/get/responses/200/content/")

	dir := t.TempDir()
	spec := "openapi: 3.0.3\ninfo: {title: x, version: '1'}\npaths: {}\nx-query-paths:\n  /a/{id}?x:\n    get:\n      operationId: a\n" +
		"      parameters: [{name: id, in: path, required: true, schema: {type: string}}]\n      responses: {'200': {description: ok}}\n"
	require.NoError(t, os.WriteFile(filepath.Join(dir, "openapi.yaml"), []byte(spec), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "harness.yaml"), []byte("auth: {kind: none}\n"), 0o644))
	api, err = Load(dir)
	require.NoError(t, err)
	assert.Equal(t, []EvidenceProblem{{Where: "/x-query-paths/~1a~1{id}?x/get", Message: "neither x-document-line (the document states it) nor x-evidence (what it was inferred from)"}}, api.EvidenceProblems(0))
}
