package xmlbody

import (
	"errors"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMalformedDocuments(t *testing.T) {
	for name, doc := range map[string]string{
		"empty":              "",
		"text before root":   "hello <a/>",
		"unclosed":           "<a><b></a>",
		"two roots":          "<a/><b/>",
		"text after root":    "<a/>trailing",
		"bad entity":         "<a>&nope;</a>",
		"mismatched closing": "<a></b>",
	} {
		t.Run(name, func(t *testing.T) {
			_, err := Decode([]byte(doc), nil, "")
			require.Error(t, err)
			assert.True(t, errors.Is(err, ErrMalformed), err)
		})
	}
}

func TestGenericDecodingWithoutSchema(t *testing.T) {
	res, err := Decode([]byte(`<?xml version="1.0"?><!-- c --><r a="1"><x>1</x><x>2</x><y><z>t</z></y><e/></r>`), nil, "")
	require.NoError(t, err)
	assert.Equal(t, map[string]any{"a": "1", "x": []any{"1", "2"}, "y": map[string]any{"z": "t"}, "e": ""}, res.Value)
	assert.Equal(t, "r", res.Root)
	assert.Equal(t, "/r/y/z", res.XMLPath("/y/z"))
	assert.Equal(t, "/r/y", res.XMLPath("/y/nothing/deeper"))
}

func TestScalarCoercionKeepsBadTextAsString(t *testing.T) {
	s := &openapi3.Schema{Type: &openapi3.Types{"object"}, XML: &openapi3.XML{Name: "r"}, Properties: openapi3.Schemas{
		"n": {Value: &openapi3.Schema{Type: &openapi3.Types{"integer"}}},
		"f": {Value: &openapi3.Schema{Type: &openapi3.Types{"number"}}},
		"b": {Value: &openapi3.Schema{Type: &openapi3.Types{"boolean"}}},
		"s": {Value: &openapi3.Schema{Type: &openapi3.Types{"string"}}},
	}}
	res, err := Decode([]byte(`<r><n>7</n><f>1.5</f><b>maybe</b><s>007</s></r>`), s, "")
	require.NoError(t, err)
	assert.Equal(t, map[string]any{"n": int64(7), "f": 1.5, "b": "maybe", "s": "007"}, res.Value)
}

func TestStructuralIssues(t *testing.T) {
	s := &openapi3.Schema{Type: &openapi3.Types{"object"}, XML: &openapi3.XML{Name: "r", Namespace: "urn:a"}, Properties: openapi3.Schemas{
		"one":  {Value: &openapi3.Schema{Type: &openapi3.Types{"string"}}},
		"list": {Value: &openapi3.Schema{Type: &openapi3.Types{"array"}, XML: &openapi3.XML{Wrapped: true}, Items: &openapi3.SchemaRef{Value: &openapi3.Schema{Type: &openapi3.Types{"string"}, XML: &openapi3.XML{Name: "item"}}}}},
	}}
	res, err := Decode([]byte(`<r xmlns="urn:a"><one>1</one><one>2</one><list><item>a</item><other>b</other></list></r>`), s, "")
	require.NoError(t, err)
	var msgs []string
	for _, is := range res.Issues {
		msgs = append(msgs, is.XMLPath+": "+is.Message)
	}
	assert.Contains(t, msgs, "/r/one: element <one> appears 2 times, the schema allows one")
	assert.Contains(t, msgs, "/r/list/other: element <other> in a list of <item>")

	res, err = Decode([]byte(`<q xmlns="urn:b"/>`), s, "")
	require.NoError(t, err)
	require.Len(t, res.Issues, 2)
	assert.Contains(t, res.Issues[0].Message, "root element is <q>, expected <r>")
	assert.Contains(t, res.Issues[1].Message, `element <q> is in namespace "urn:b", expected namespace "urn:a"`)
}

// TestNamespacesAreContract: every element must be in the namespace the contract gives it, its
// own xml.namespace or its parent's; a required child moved to a foreign namespace is reported
// with the element, the expected and the actual namespace, whatever prefix the document uses.
func TestNamespacesAreContract(t *testing.T) {
	str := func(x *openapi3.XML) *openapi3.SchemaRef {
		return &openapi3.SchemaRef{Value: &openapi3.Schema{Type: &openapi3.Types{"string"}, XML: x}}
	}
	item := &openapi3.Schema{Type: &openapi3.Types{"object"}, XML: &openapi3.XML{Name: "tenant"}, Properties: openapi3.Schemas{"name": str(nil)}}
	s := &openapi3.Schema{Type: &openapi3.Types{"object"}, XML: &openapi3.XML{Name: "flavor", Namespace: "urn:esc"}, Properties: openapi3.Schemas{
		"memory_mb": str(nil),
		"vendor":    str(&openapi3.XML{Namespace: "urn:vendor"}),
		"tenants":   {Value: &openapi3.Schema{Type: &openapi3.Types{"array"}, XML: &openapi3.XML{Wrapped: true}, Items: &openapi3.SchemaRef{Value: item}}},
	}}
	tests := []struct {
		name, doc string
		want      []string
	}{
		{"default namespace inherited", `<flavor xmlns="urn:esc"><memory_mb>2048</memory_mb><vendor xmlns="urn:vendor">x</vendor></flavor>`, nil},
		{"any prefix", `<e:flavor xmlns:e="urn:esc" xmlns:v="urn:vendor"><e:memory_mb>2048</e:memory_mb><v:vendor>x</v:vendor></e:flavor>`, nil},
		{"a child in a foreign namespace", `<flavor xmlns="urn:esc"><memory_mb xmlns="urn:other">2048</memory_mb></flavor>`,
			[]string{`/flavor/memory_mb: element <memory_mb> is in namespace "urn:other", expected namespace "urn:esc"`}},
		{"a child in no namespace", `<flavor xmlns="urn:esc"><tenants xmlns=""><tenant><name>a</name></tenant></tenants></flavor>`,
			[]string{`/flavor/tenants: element <tenants> is in no namespace, expected namespace "urn:esc"`}},
		{"an item in a foreign namespace", `<flavor xmlns="urn:esc"><tenants><tenant xmlns="urn:x"><name>a</name></tenant></tenants></flavor>`,
			[]string{`/flavor/tenants/tenant[1]: element <tenant> is in namespace "urn:x", expected namespace "urn:esc"`}},
		{"a grandchild inherits through the item", `<flavor xmlns="urn:esc"><tenants><tenant><name xmlns="urn:x">a</name></tenant></tenants></flavor>`,
			[]string{`/flavor/tenants/tenant[1]/name: element <name> is in namespace "urn:x", expected namespace "urn:esc"`}},
		{"a property with its own namespace", `<flavor xmlns="urn:esc"><vendor>x</vendor></flavor>`,
			[]string{`/flavor/vendor: element <vendor> is in namespace "urn:esc", expected namespace "urn:vendor"`}},
		{"the root", `<flavor xmlns="urn:nope"><memory_mb>1</memory_mb></flavor>`,
			[]string{`/flavor: element <flavor> is in namespace "urn:nope", expected namespace "urn:esc"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Decode([]byte(tt.doc), s, "")
			require.NoError(t, err)
			var got []string
			for _, is := range res.Issues {
				got = append(got, is.XMLPath+": "+is.Message)
			}
			assert.Equal(t, tt.want, got)
		})
	}
	// Without a namespace in the contract, the root's own is inherited.
	plain := &openapi3.Schema{Type: &openapi3.Types{"object"}, XML: &openapi3.XML{Name: "r"}, Properties: openapi3.Schemas{"id": str(nil)}}
	res, err := Decode([]byte(`<r xmlns="urn:any"><id xmlns="urn:foreign">1</id></r>`), plain, "")
	require.NoError(t, err)
	require.Len(t, res.Issues, 1)
	assert.Equal(t, `element <id> is in namespace "urn:foreign", expected namespace "urn:any"`, res.Issues[0].Message)
}

// TestWhatXMLAllows: a byte-order mark, a declaration naming another encoding, comments,
// processing instructions and insignificant whitespace do not change the decoded value.
func TestWhatXMLAllows(t *testing.T) {
	s := &openapi3.Schema{Type: &openapi3.Types{"object"}, XML: &openapi3.XML{Name: "r"}, Properties: openapi3.Schemas{
		"a": {Value: &openapi3.Schema{Type: &openapi3.Types{"string"}}},
	}}
	want := map[string]any{"a": "café"}
	for name, doc := range map[string]string{
		"plain":            `<r><a>café</a></r>`,
		"byte-order mark":  "\ufeff<r><a>café</a></r>",
		"ISO-8859-1":       `<?xml version="1.0" encoding="ISO-8859-1"?><r><a>caf` + "\xe9" + `</a></r>`,
		"windows-1252":     `<?xml version='1.0' encoding='windows-1252'?>` + "\n<r><a>caf\xe9</a></r>",
		"comments and PIs": "<?xml version=\"1.0\"?>\n<!-- head -->\n<?app x?>\n<r>\n  <!-- inside -->\n  <a>café</a>\n</r>\n<!-- tail -->\n",
	} {
		res, err := Decode([]byte(doc), s, "")
		require.NoError(t, err, name)
		assert.Empty(t, res.Issues, name)
		assert.Equal(t, want, res.Value, name)
	}
	_, err := Decode([]byte(`<?xml version="1.0" encoding="x-klingon"?><r/>`), s, "")
	assert.ErrorContains(t, err, `the declared encoding "x-klingon" is not one this harness can read`)
}
