package spec

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v5"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// eachSubschema must see every field of jsonschema.Schema that can hold a schema; a new one in
// the library would be left pointing at the original tree.
func TestEachSubschemaKnowsEverySchemaField(t *testing.T) {
	schemaPtr := reflect.TypeOf((*jsonschema.Schema)(nil))
	holdsSchema := func(ft reflect.Type) bool {
		switch ft.Kind() {
		case reflect.Pointer:
			return ft == schemaPtr
		case reflect.Slice, reflect.Map:
			return ft.Elem() == schemaPtr || ft.Elem().Kind() == reflect.Interface
		case reflect.Interface:
			return true
		}
		return false
	}
	var got []string
	st := schemaPtr.Elem()
	for i := 0; i < st.NumField(); i++ {
		if f := st.Field(i); holdsSchema(f.Type) {
			got = append(got, f.Name)
		}
	}
	sort.Strings(got)
	want := []string{
		// walked by eachSubschema
		"AdditionalItems", "AdditionalProperties", "AllOf", "AnyOf", "Contains", "ContentSchema",
		"Dependencies", "DependentSchemas", "DynamicRef", "Else", "If", "Items", "Items2020", "Not",
		"OneOf", "PatternProperties", "PrefixItems", "Properties", "PropertyNames", "RecursiveRef",
		"Ref", "Then", "UnevaluatedItems", "UnevaluatedProperties",
		// values, not schemas
		"Constant", "Default", "Enum", "Examples",
		// extensions and dynamic anchors make flatten keep the original; meta is not used to
		// validate instances
		"Extensions", "dynamicAnchors", "meta",
	}
	sort.Strings(want)
	assert.Equal(t, want, got)
}

func TestFlattenSkipsReferenceOnlySchemas(t *testing.T) {
	api := loadShop(t)
	bs, ok, err := api.ResponseBody(api.Operation("listOrders"), "200", "application/json")
	require.NoError(t, err)
	require.True(t, ok)
	require.NotNil(t, bs.eval)

	// The original: items is {"$ref": "schemas/order.json"}, order's items' items a $ref too.
	wrapper := bs.JSON.Items.(*jsonschema.Schema)
	require.NotNil(t, wrapper.Ref)
	assert.Empty(t, wrapper.Types)

	order := bs.eval.Items.(*jsonschema.Schema)
	assert.Nil(t, order.Ref)
	assert.Equal(t, []string{"object"}, order.Types)
	item := order.Properties["items"].Items.(*jsonschema.Schema)
	assert.Nil(t, item.Ref)
	assert.Equal(t, []string{"sku"}, item.Required)

	// The copy shares no node with the original, which is left as it was.
	assert.NotSame(t, wrapper.Ref, order)
	assert.NotNil(t, wrapper.Ref.Properties["items"].Items.(*jsonschema.Schema).Ref)
}

// Both schemas give the same verdict on every value, and errors come from the original.
func TestBodySchemaValidateMatchesTheSchema(t *testing.T) {
	api := loadShop(t)
	bs, _, err := api.ResponseBody(api.Operation("listOrders"), "200", "application/json")
	require.NoError(t, err)
	order := func(mut func(map[string]any)) []any {
		o := map[string]any{"id": 1, "email": "a@b.co", "createdAt": "2016-07-08T10:42:14+01:00", "note": nil,
			"items": []any{map[string]any{"sku": "x"}}}
		mut(o)
		return []any{o}
	}
	values := []any{
		[]any{},
		order(func(map[string]any) {}),
		order(func(o map[string]any) { delete(o, "email") }),
		order(func(o map[string]any) { o["email"] = "nobody" }),
		order(func(o map[string]any) { o["items"] = []any{map[string]any{}} }),
		order(func(o map[string]any) { o["items"] = []any{map[string]any{"sku": 7}} }),
		order(func(o map[string]any) { o["note"] = 3 }),
		map[string]any{},
		"x",
	}
	for i, v := range values {
		want := bs.JSON.Validate(v)
		got := bs.Validate(v)
		assert.Equal(t, want == nil, bs.eval.Validate(v) == nil, "value %d: verdict of the copy", i)
		if want == nil {
			assert.NoError(t, got, "value %d", i)
			continue
		}
		require.Error(t, got, "value %d", i)
		assert.Equal(t, fmt.Sprintf("%#v", want), fmt.Sprintf("%#v", got), "value %d: errors name the original's locations", i)
		if _, isList := v.([]any); isList {
			assert.Contains(t, fmt.Sprintf("%#v", got), "/items/$ref", "value %d", i)
		}
	}
}

func TestFlattenRecursiveAndCyclicSchemas(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
		return fileURL(p)
	}
	tree := write("tree.json", `{"type": "object", "properties": {"name": {"type": "string"},
		"children": {"type": "array", "items": {"$ref": "#/definitions/node"}}},
		"definitions": {"node": {"$ref": "#"}}}`)
	s := newSchemaSet(filepath.Join(dir, "openapi.yaml"))
	s.mu.Lock()
	sch, err := s.compile(tree)
	eval := s.evals[tree]
	s.mu.Unlock()
	require.NoError(t, err)
	require.NotSame(t, sch, eval)
	children := eval.Properties["children"].Items.(*jsonschema.Schema)
	assert.Same(t, eval, children, "a reference to the root is the root's copy")

	good := map[string]any{"name": "a", "children": []any{map[string]any{"name": "b", "children": []any{}}}}
	bad := map[string]any{"name": "a", "children": []any{map[string]any{"name": 2}}}
	assert.NoError(t, eval.Validate(good))
	assert.Error(t, eval.Validate(bad))
	assert.Error(t, sch.Validate(bad))

	// A cycle of bare references is left to the validator, which reports it.
	a := &jsonschema.Schema{Draft: jsonschema.Draft4}
	b := &jsonschema.Schema{Draft: jsonschema.Draft4, Ref: a}
	a.Ref = b
	root := &jsonschema.Schema{Draft: jsonschema.Draft4, Not: a}
	f := flatten(root)
	assert.NotNil(t, f.Not.Ref)
	assert.NotNil(t, f.Not.Ref.Ref)
}

func TestFlattenKeepsLaterDrafts(t *testing.T) {
	s := &jsonschema.Schema{Draft: jsonschema.Draft2020, Ref: &jsonschema.Schema{Draft: jsonschema.Draft2020}}
	assert.Same(t, s, flatten(s))
	s = &jsonschema.Schema{Draft: jsonschema.Draft4, Properties: map[string]*jsonschema.Schema{"a": {Draft: jsonschema.Draft2019}}}
	assert.Same(t, s, flatten(s))
}

// The plain forms must be accepted by the validator's own format checks: they only skip work.
func TestPlainFormatsAreASubsetOfTheValidators(t *testing.T) {
	cases := map[string]struct {
		plain  func(string) bool
		values []string
	}{
		"date-time": {isPlainDateTime, []string{
			"2016-07-08T10:42:14+01:00", "2016-07-08T10:42:14Z", "2016-07-08t10:42:14z", "2016-07-08T10:42:14.123456Z",
			"2016-02-29T00:00:00Z", "2015-02-29T00:00:00Z", "2000-02-29T23:59:60-12:30", "1900-02-29T00:00:00Z",
			"2016-04-31T00:00:00Z", "2016-13-01T00:00:00Z", "2016-00-01T00:00:00Z", "2016-07-00T00:00:00Z",
			"2016-07-08T24:00:00Z", "2016-07-08T10:60:00Z", "2016-07-08T10:42:61Z", "2016-07-08T10:42:14",
			"2016-07-08T10:42:14.Z", "2016-07-08T10:42:14+0100", "2016-07-08T10:42:14+01:00x", "2016-07-08 10:42:14Z",
			"08/07/2016 10:42", "", "2016-07-08T10:42:14+24:00", "+016-07-08T10:42:14Z", "2016-07-08T1:42:14Z0",
		}},
		"email": {isPlainEmail, []string{
			"a@b.co", "user1@example.com", "first.last+tag@sub.example-domain.org", "x@localhost", "o'neil@ex.ie",
			"nobody", "@example.com", "a@", "a@@b.com", "a.@b.com", ".a@b.com", "a..b@c.com", "a@-b.com", "a@b-.com",
			"a@b..com", "a@b.com.", "a@[127.0.0.1]", "\"quoted\"@b.com", "a b@c.com", "a@b_c.com", "é@b.com",
			strings.Repeat("a", 64) + "@b.com", strings.Repeat("a", 65) + "@b.com", "a@" + strings.Repeat("b", 63) + ".com",
			"a@" + strings.Repeat("b", 64) + ".com", "a@1.2.3.4", "a@b.c-",
		}},
	}
	rng := rand.New(rand.NewSource(1))
	for name, c := range cases {
		full := jsonschema.Formats[name]
		values := append([]string(nil), c.values...)
		for _, v := range c.values {
			for i := 0; i < 200; i++ {
				values = append(values, mutate(rng, v))
			}
		}
		accepted := 0
		for _, v := range values {
			if c.plain(v) {
				accepted++
				assert.True(t, full(v), "%s: %q is plain but the validator rejects it", name, v)
			}
		}
		assert.Greater(t, accepted, len(c.values)/4, name)
	}
}

// mutate changes, inserts or deletes one byte, favouring the characters formats care about.
func mutate(rng *rand.Rand, s string) string {
	const alphabet = "0123456789-:.TZz+@aZ_-. \"[]é"
	b := []byte(s)
	i := 0
	if len(b) > 0 {
		i = rng.Intn(len(b))
	}
	c := alphabet[rng.Intn(len(alphabet))]
	switch rng.Intn(3) {
	case 0:
		if len(b) > 0 {
			b[i] = c
		}
	case 1:
		b = append(b[:i], append([]byte{c}, b[i:]...)...)
	default:
		if len(b) > 0 {
			b = append(b[:i], b[i+1:]...)
		}
	}
	return string(b)
}

func FuzzPlainFormats(f *testing.F) {
	for _, s := range []string{"2016-07-08T10:42:14+01:00", "2016-02-29T00:00:00.5Z", "user1@example.com", "a.b@c-d.e"} {
		f.Add(s)
	}
	dateTime, email := jsonschema.Formats["date-time"], jsonschema.Formats["email"]
	f.Fuzz(func(t *testing.T, s string) {
		if isPlainDateTime(s) && !dateTime(s) {
			t.Errorf("%q: plain date-time the validator rejects", s)
		}
		if isPlainEmail(s) && !email(s) {
			t.Errorf("%q: plain email the validator rejects", s)
		}
	})
}
