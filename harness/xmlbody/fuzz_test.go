package xmlbody

import (
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
)

// fuzzSchema exercises every mapping rule: attributes, wrapped and unwrapped arrays, text
// properties, typed scalars, a namespace.
var fuzzSchema = &openapi3.Schema{Type: &openapi3.Types{"object"}, XML: &openapi3.XML{Name: "Servers", Namespace: "urn:s"}, Properties: openapi3.Schemas{
	"pageNumber": {Value: &openapi3.Schema{Type: &openapi3.Types{"integer"}, XML: &openapi3.XML{Attribute: true}}},
	"server": {Value: &openapi3.Schema{Type: &openapi3.Types{"array"}, Items: &openapi3.SchemaRef{Value: &openapi3.Schema{
		Type: &openapi3.Types{"object"}, XML: &openapi3.XML{Name: "server"}, Properties: openapi3.Schemas{
			"id":      {Value: &openapi3.Schema{Type: &openapi3.Types{"string"}, XML: &openapi3.XML{Attribute: true}}},
			"started": {Value: &openapi3.Schema{Type: &openapi3.Types{"boolean"}}},
			"cpu":     {Value: &openapi3.Schema{Type: &openapi3.Types{"number"}}},
			"disks": {Value: &openapi3.Schema{Type: &openapi3.Types{"array"}, XML: &openapi3.XML{Wrapped: true}, Items: &openapi3.SchemaRef{Value: &openapi3.Schema{
				Type: &openapi3.Types{"object"}, XML: &openapi3.XML{Name: "disk"}, Properties: openapi3.Schemas{
					"label": {Value: &openapi3.Schema{Type: &openapi3.Types{"string"}, Extensions: map[string]any{"x-xml-text": true}}},
				}}}}},
		}}}}},
}}

// FuzzDecode: any input either decodes or fails with ErrMalformed; it never panics, and every
// issue names an XML path.
func FuzzDecode(f *testing.F) {
	for _, seed := range []string{
		`<Servers xmlns="urn:s" pageNumber="1"><server id="a"><started>true</started><cpu>1.5</cpu><disks><disk>x</disk></disks></server></Servers>`,
		`<Servers/>`, `<a><b/><b/></a>`, `<?xml version="1.0"?><!-- c --><Servers xmlns="urn:x"/>`, `<Servers><server><disks><other/></disks></server></Servers>`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, s := range []*openapi3.Schema{fuzzSchema, nil} {
			res, err := Decode(data, s, "")
			if err != nil {
				continue
			}
			for _, is := range res.Issues {
				if is.XMLPath == "" {
					t.Fatalf("issue without an XML path: %+v", is)
				}
			}
		}
	})
}
