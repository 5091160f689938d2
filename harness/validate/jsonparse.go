package validate

import (
	"encoding/json"
	"sync"
	"unicode/utf8"
)

// parseJSON parses one JSON document into the values encoding/json produces for an `any` with
// UseNumber: map[string]any, []any, string, json.Number, bool and nil. ok is false when the
// document is not plain well-formed JSON followed by nothing but white space (a syntax error,
// trailing data, nesting deeper than encoding/json allows); the caller then decodes it with
// encoding/json, which says what is wrong.
//
// It does what encoding/json does with less work: the body is copied into one string and every
// string and number without escapes is a slice of it (encoding/json allocates each), and objects
// and arrays are allocated once at their final size (encoding/json grows them). Strings with
// escapes or bytes that are not UTF-8 are unquoted by encoding/json itself, so every value is the
// one encoding/json gives.
func parseJSON(data []byte) (v any, ok bool) {
	p := parsers.Get().(*jsonParser)
	defer p.release()
	p.src, p.pos = string(data), 0
	p.space()
	v, ok = p.value(0)
	if !ok {
		return nil, false
	}
	p.space()
	if p.pos != len(p.src) {
		return nil, false
	}
	return v, true
}

// parsers keeps parsers for reuse, with their stacks.
var parsers = sync.Pool{New: func() any { return new(jsonParser) }}

func (p *jsonParser) release() {
	if cap(p.members) > 1<<12 || cap(p.items) > 1<<12 {
		return // do not keep the stacks of an unusual document
	}
	clear(p.members[:cap(p.members)])
	clear(p.items[:cap(p.items)])
	*p = jsonParser{members: p.members[:0], items: p.items[:0]}
	parsers.Put(p)
}

// maxJSONDepth is encoding/json's nesting limit.
const maxJSONDepth = 10000

type jsonParser struct {
	src string
	pos int
	// members and items are stacks shared by the objects and arrays being parsed: an object's
	// members are collected on top of the stack, then moved into a map of the right size.
	members []jsonMember
	items   []any
}

type jsonMember struct {
	key string
	val any
}

func (p *jsonParser) space() {
	for p.pos < len(p.src) {
		switch p.src[p.pos] {
		case ' ', '\t', '\n', '\r':
			p.pos++
		default:
			return
		}
	}
}

func (p *jsonParser) value(depth int) (any, bool) {
	if p.pos >= len(p.src) {
		return nil, false
	}
	switch c := p.src[p.pos]; {
	case c == '{':
		return p.object(depth + 1)
	case c == '[':
		return p.array(depth + 1)
	case c == '"':
		s, ok := p.string()
		if !ok {
			return nil, false
		}
		return s, true
	case c == '-' || (c >= '0' && c <= '9'):
		n, ok := p.number()
		if !ok {
			return nil, false
		}
		return n, true
	case c == 't':
		return true, p.literal("true")
	case c == 'f':
		return false, p.literal("false")
	case c == 'n':
		return nil, p.literal("null")
	}
	return nil, false
}

func (p *jsonParser) literal(word string) bool {
	if len(p.src)-p.pos < len(word) || p.src[p.pos:p.pos+len(word)] != word {
		return false
	}
	p.pos += len(word)
	return true
}

func (p *jsonParser) object(depth int) (any, bool) {
	if depth > maxJSONDepth {
		return nil, false
	}
	p.pos++ // {
	base := len(p.members)
	p.space()
	if p.pos < len(p.src) && p.src[p.pos] == '}' {
		p.pos++
		return map[string]any{}, true
	}
	for {
		if p.pos >= len(p.src) || p.src[p.pos] != '"' {
			return nil, false
		}
		key, ok := p.string()
		if !ok {
			return nil, false
		}
		p.space()
		if p.pos >= len(p.src) || p.src[p.pos] != ':' {
			return nil, false
		}
		p.pos++
		p.space()
		val, ok := p.value(depth)
		if !ok {
			return nil, false
		}
		p.members = append(p.members, jsonMember{key, val})
		p.space()
		if p.pos >= len(p.src) {
			return nil, false
		}
		c := p.src[p.pos]
		p.pos++
		if c == '}' {
			break
		}
		if c != ',' {
			return nil, false
		}
		p.space()
	}
	members := p.members[base:]
	m := make(map[string]any, len(members))
	for _, mb := range members { // a repeated name keeps its last value, as with encoding/json
		m[mb.key] = mb.val
	}
	clear(members) // let the stack drop its references
	p.members = p.members[:base]
	return m, true
}

func (p *jsonParser) array(depth int) (any, bool) {
	if depth > maxJSONDepth {
		return nil, false
	}
	p.pos++ // [
	base := len(p.items)
	p.space()
	if p.pos < len(p.src) && p.src[p.pos] == ']' {
		p.pos++
		return []any{}, true
	}
	for {
		val, ok := p.value(depth)
		if !ok {
			return nil, false
		}
		p.items = append(p.items, val)
		p.space()
		if p.pos >= len(p.src) {
			return nil, false
		}
		c := p.src[p.pos]
		p.pos++
		if c == ']' {
			break
		}
		if c != ',' {
			return nil, false
		}
		p.space()
	}
	items := p.items[base:]
	a := make([]any, len(items))
	copy(a, items)
	clear(items)
	p.items = p.items[:base]
	return a, true
}

// string parses a string at p.pos (on its opening quote).
func (p *jsonParser) string() (string, bool) {
	start := p.pos + 1
	plain := true // no escape, valid UTF-8
	i := start
	for ; i < len(p.src); i++ {
		c := p.src[i]
		switch {
		case c == '"':
			s := p.src[start:i]
			p.pos = i + 1
			if plain {
				return s, true
			}
			var out string
			if json.Unmarshal([]byte(p.src[start-1:i+1]), &out) != nil {
				return "", false
			}
			return out, true
		case c == '\\':
			plain = false
			i++ // the escaped byte cannot end the string; encoding/json checks the escape
			if i < len(p.src) && p.src[i] < 0x20 {
				return "", false
			}
		case c < 0x20:
			return "", false
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRuneInString(p.src[i:])
			if r == utf8.RuneError && size == 1 {
				plain = false
			}
			i += size - 1
		}
	}
	return "", false
}

// number parses a number at p.pos; it is kept as written, as json.Number.
func (p *jsonParser) number() (json.Number, bool) {
	s, i := p.src, p.pos
	if s[i] == '-' {
		i++
	}
	switch {
	case i < len(s) && s[i] == '0':
		i++
	case i < len(s) && s[i] >= '1' && s[i] <= '9':
		i = digits(s, i)
	default:
		return "", false
	}
	if i < len(s) && s[i] == '.' {
		j := digits(s, i+1)
		if j == i+1 {
			return "", false
		}
		i = j
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		j := digits(s, i)
		if j == i {
			return "", false
		}
		i = j
	}
	n := json.Number(s[p.pos:i])
	p.pos = i
	return n, true
}

func digits(s string, i int) int {
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i
}
