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
	assert.Contains(t, res.Issues[1].Message, `namespace "urn:b", expected "urn:a"`)
}
