package spec

import (
	"github.com/santhosh-tekuri/jsonschema/v5"
)

// Evaluating a compiled schema costs jsonschema a fixed price per (schema, value) pair it visits:
// closures, a scope entry and, for an object or an array, a set of its property names or indexes.
// A schema that is only a reference ({"$ref": "..."}: before Draft 2019-09 the keywords beside a
// $ref are ignored) adds one such visit on the way to the schema it names, for every value it
// applies to: every item of an array of $ref'd objects is visited twice. Schemas published as
// separate files, and OpenAPI contracts, are mostly made of such references.
//
// A body is therefore validated against an equivalent copy of its schema in which every
// reference-only schema is replaced by the schema it names. The copy accepts exactly the values
// the schema accepts; only the keyword locations of its errors would differ (".../$ref/..." is
// skipped), so a value the copy rejects is validated again against the schema itself, and
// problems are reported exactly as before. That second pass costs only for a failing body.

// Validate validates a decoded body (values as encoding/json decodes them with UseNumber)
// against the compiled schema. The result is the one of b.JSON.Validate(v): nil, or the same
// *jsonschema.ValidationError tree.
func (b *BodySchema) Validate(v any) error {
	if b.JSON == nil {
		return nil
	}
	if b.eval != nil && b.eval != b.JSON && b.eval.Validate(v) == nil {
		return nil
	}
	return b.JSON.Validate(v)
}

// flatten returns a copy of s in which every reference to a reference-only schema points to the
// schema it names. It returns s itself when a schema of the tree uses a draft where keywords
// beside $ref apply (2019-09, 2020-12, whose dynamic references depend on the schemas met on the
// way) or keyword extensions, which may hold schemas the copy would not see.
func flatten(s *jsonschema.Schema) *jsonschema.Schema {
	return newFlattener().flatten(s)
}

func newFlattener() *flattener {
	return &flattener{copies: map[*jsonschema.Schema]*jsonschema.Schema{}}
}

// flatten does what the function flatten does, reusing the copies made so far: the schemas
// compiled from one contract share their subschemas, and so do their copies.
func (f *flattener) flatten(s *jsonschema.Schema) *jsonschema.Schema {
	if !flattenable(s, map[*jsonschema.Schema]bool{}) {
		return s
	}
	return f.copy(s)
}

// earlyDraft tells whether a draft ignores the keywords beside $ref.
func earlyDraft(d *jsonschema.Draft) bool {
	return d == jsonschema.Draft4 || d == jsonschema.Draft6 || d == jsonschema.Draft7
}

func flattenable(s *jsonschema.Schema, seen map[*jsonschema.Schema]bool) bool {
	if s == nil || seen[s] {
		return true
	}
	seen[s] = true
	if !earlyDraft(s.Draft) || len(s.Extensions) > 0 || s.RecursiveRef != nil || s.DynamicRef != nil {
		return false
	}
	ok := true
	eachSubschema(s, func(sub *jsonschema.Schema) *jsonschema.Schema {
		ok = ok && flattenable(sub, seen)
		return sub
	})
	return ok
}

// referenceOnly tells whether a schema is a bare $ref (the compiler of an early draft sets
// nothing else on a schema with a $ref).
func referenceOnly(s *jsonschema.Schema) bool {
	return s.Ref != nil && earlyDraft(s.Draft)
}

// flattener copies schemas; it is not safe for concurrent use.
type flattener struct {
	copies map[*jsonschema.Schema]*jsonschema.Schema // original → copy
}

// target follows reference-only schemas to the schema they end at. A cycle of references is
// left as it is (the validator reports it as an infinite loop).
func (f *flattener) target(s *jsonschema.Schema) *jsonschema.Schema {
	t := s
	seen := map[*jsonschema.Schema]bool{}
	for referenceOnly(t) {
		if seen[t] {
			return s
		}
		seen[t] = true
		t = t.Ref
	}
	return t
}

func (f *flattener) copy(s *jsonschema.Schema) *jsonschema.Schema {
	if s == nil {
		return nil
	}
	s = f.target(s)
	if c, ok := f.copies[s]; ok {
		return c
	}
	c := new(jsonschema.Schema)
	*c = *s
	f.copies[s] = c
	// Maps and slices of subschemas are the original's: give the copy its own before rewriting.
	c.AllOf = cloneSlice(c.AllOf)
	c.AnyOf = cloneSlice(c.AnyOf)
	c.OneOf = cloneSlice(c.OneOf)
	c.PrefixItems = cloneSlice(c.PrefixItems)
	if items, ok := c.Items.([]*jsonschema.Schema); ok {
		c.Items = cloneSlice(items)
	}
	c.Properties = cloneMap(c.Properties)
	c.PatternProperties = cloneMap(c.PatternProperties)
	c.DependentSchemas = cloneMap(c.DependentSchemas)
	c.Dependencies = cloneMap(c.Dependencies)
	eachSubschema(c, f.copy)
	return c
}

func cloneSlice[T any](s []T) []T {
	if s == nil {
		return nil
	}
	return append([]T(nil), s...)
}

func cloneMap[K comparable, V any](m map[K]V) map[K]V {
	if m == nil {
		return nil
	}
	c := make(map[K]V, len(m))
	for k, v := range m {
		c[k] = v
	}
	return c
}

// eachSubschema calls fn with every subschema of s and puts the schema fn returns in its place
// (nothing is written when fn returns the same schema, so a read-only walk does not touch s). The
// list is that of jsonschema v5's Schema fields holding schemas (a test checks it against the
// type).
func eachSubschema(s *jsonschema.Schema, fn func(*jsonschema.Schema) *jsonschema.Schema) {
	one := func(p **jsonschema.Schema) {
		if *p != nil {
			if r := fn(*p); r != *p {
				*p = r
			}
		}
	}
	many := func(list []*jsonschema.Schema) {
		for i := range list {
			one(&list[i])
		}
	}
	either := func(p *interface{}) {
		if sch, ok := (*p).(*jsonschema.Schema); ok && sch != nil {
			if r := fn(sch); r != sch {
				*p = r
			}
		}
	}
	one(&s.Ref)
	one(&s.RecursiveRef)
	one(&s.DynamicRef)
	one(&s.Not)
	many(s.AllOf)
	many(s.AnyOf)
	many(s.OneOf)
	one(&s.If)
	one(&s.Then)
	one(&s.Else)
	eachInMap(s.Properties, fn)
	one(&s.PropertyNames)
	eachInMap(s.PatternProperties, fn)
	either(&s.AdditionalProperties)
	for k, d := range s.Dependencies {
		if sch, ok := d.(*jsonschema.Schema); ok && sch != nil {
			if r := fn(sch); r != sch {
				s.Dependencies[k] = r
			}
		}
	}
	eachInMap(s.DependentSchemas, fn)
	one(&s.UnevaluatedProperties)
	if list, ok := s.Items.([]*jsonschema.Schema); ok {
		many(list)
	} else {
		either(&s.Items)
	}
	either(&s.AdditionalItems)
	many(s.PrefixItems)
	one(&s.Items2020)
	one(&s.Contains)
	one(&s.UnevaluatedItems)
	one(&s.ContentSchema)
}

func eachInMap[K comparable](m map[K]*jsonschema.Schema, fn func(*jsonschema.Schema) *jsonschema.Schema) {
	for k, sch := range m {
		if sch != nil {
			if r := fn(sch); r != sch {
				m[k] = r
			}
		}
	}
}
