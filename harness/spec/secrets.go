package spec

import (
	"sort"

	"github.com/getkin/kin-openapi/openapi3"
)

// SecretFields reads the contract's x-secret marks: the names of properties marked x-secret, and
// the names of properties holding an object whose every value is a secret (additionalProperties
// marked x-secret, e.g. template parameters keyed by name), unless that name also holds ordinary
// structured data elsewhere in the contract. Both feed the redaction policy.
func (a *API) SecretFields() (fields, containers []string) {
	f, c, plain := map[string]bool{}, map[string]bool{}, map[string]bool{}
	seen := map[*openapi3.Schema]bool{}
	var walk func(s *openapi3.Schema)
	walk = func(s *openapi3.Schema) {
		if s == nil || seen[s] {
			return
		}
		seen[s] = true
		for name, p := range s.Properties {
			if p == nil || p.Value == nil {
				continue
			}
			if secret(p.Value) {
				f[name] = true
			}
			if ap := p.Value.AdditionalProperties.Schema; ap != nil && ap.Value != nil && secret(ap.Value) {
				c[name] = true
			} else if len(p.Value.Properties) > 0 || p.Value.Items != nil {
				plain[name] = true
			}
			walk(p.Value)
		}
		if s.Items != nil {
			walk(s.Items.Value)
		}
		if ap := s.AdditionalProperties.Schema; ap != nil {
			walk(ap.Value)
		}
		for _, group := range []openapi3.SchemaRefs{s.AllOf, s.OneOf, s.AnyOf} {
			for _, r := range group {
				if r != nil {
					walk(r.Value)
				}
			}
		}
	}
	content := func(c openapi3.Content) {
		for _, m := range c {
			if m.Schema != nil {
				walk(m.Schema.Value)
			}
		}
	}
	for _, s := range a.Doc.Components.Schemas {
		if s != nil {
			walk(s.Value)
		}
	}
	for _, op := range a.Operations() {
		if op.Op.RequestBody != nil && op.Op.RequestBody.Value != nil {
			content(op.Op.RequestBody.Value.Content)
		}
		for _, code := range op.Statuses() {
			if r := op.Op.Responses.Value(code); r != nil && r.Value != nil {
				content(r.Value.Content)
			}
		}
		for _, cb := range op.Callbacks() {
			if cb.Op.RequestBody != nil && cb.Op.RequestBody.Value != nil {
				content(cb.Op.RequestBody.Value.Content)
			}
		}
	}
	// Redaction matches containers by name: a name that also holds ordinary structured data
	// somewhere in the contract is ambiguous and left to the value-level rules.
	for name := range plain {
		delete(c, name)
	}
	return sortedKeys(f), sortedKeys(c)
}

func secret(s *openapi3.Schema) bool {
	v, ok := s.Extensions["x-secret"].(bool)
	return ok && v
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
