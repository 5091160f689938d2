package roundtrip

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// readSchema documents name (string), cpu (integer), size (string or integer), tags (strings), an
// object nic with a documented ip, and a free-form object extra.
const readSchema = `{"type": "object", "properties": {
  "name": {"type": "string"}, "cpu": {"type": "integer"},
  "size": {"oneOf": [{"type": "string"}, {"type": "integer"}]},
  "tags": {"type": "array", "items": {"type": "string"}},
  "nic": {"allOf": [{"type": "object", "properties": {"ip": {"type": "string"}}}]},
  "extra": {"type": "object"}}}`

func decode(t *testing.T, s string) any {
	t.Helper()
	var v any
	d := json.NewDecoder(strings.NewReader(s))
	d.UseNumber()
	require.NoError(t, d.Decode(&v))
	return v
}

func TestCompare(t *testing.T) {
	var schema openapi3.Schema
	require.NoError(t, json.Unmarshal([]byte(readSchema), &schema))
	tests := []struct {
		name, sent, read string
		skip, rename     map[string]string
		compared         []string
		undocumented     []string
		diffs            []string // kind pointer sent read
	}{
		{name: "same", sent: `{"name": "a", "cpu": 2}`, read: `{"name": "a", "cpu": 2.0, "id": 7}`, compared: []string{"/cpu", "/name"}},
		{name: "dropped", sent: `{"name": "a"}`, read: `{}`, compared: []string{"/name"}, diffs: []string{`dropped /name "a" `}},
		{name: "changed", sent: `{"name": "a"}`, read: `{"name": "b"}`, compared: []string{"/name"}, diffs: []string{`changed /name "a" "b"`}},
		{name: "number read as a string the schema does not allow", sent: `{"cpu": 2}`, read: `{"cpu": "2"}`, compared: []string{"/cpu"}, diffs: []string{`changed type /cpu number 2 string "2"`}},
		{name: "number read as a string where the schema allows both", sent: `{"size": 2}`, read: `{"size": "2"}`, compared: []string{"/size"}},
		{name: "string read as a boolean", sent: `{"name": "true"}`, read: `{"name": true}`, compared: []string{"/name"}, diffs: []string{`changed type /name string "true" boolean true`}},
		{name: "undocumented fields are not compared", sent: `{"name": "a", "colour": "red", "extra": {"k": 1}}`, read: `{"name": "a"}`, compared: []string{"/name"}, undocumented: []string{"/colour", "/extra/k"}},
		{name: "nested objects and arrays", sent: `{"nic": {"ip": "10.0.0.1"}, "tags": ["x", "y"]}`, read: `{"nic": {"ip": "10.0.0.2"}, "tags": ["x"]}`, compared: []string{"/nic/ip", "/tags/0", "/tags/1"},
			diffs: []string{`changed /nic/ip "10.0.0.1" "10.0.0.2"`, `dropped /tags/1 "y" `}},
		{name: "skipped", sent: `{"name": "a", "nic": {"ip": "x"}}`, read: `{"name": "a"}`, skip: map[string]string{"/nic": "assigned by the server"}, compared: []string{"/name"}},
		{name: "renamed", sent: `{"label": "a", "card": {"ip": "x"}}`, read: `{"name": "b", "nic": {"ip": "x"}}`, rename: map[string]string{"/label": "/name", "/card": "/nic"},
			compared: []string{"/label", "/card/ip"}, diffs: []string{`changed /name "a" "b"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Compare(decode(t, tt.sent), decode(t, tt.read), &schema, tt.skip, tt.rename)
			assert.ElementsMatch(t, tt.compared, r.Compared)
			assert.ElementsMatch(t, tt.undocumented, r.Undocumented)
			var diffs []string
			for _, d := range r.Differences {
				diffs = append(diffs, string(d.Kind)+" "+d.Pointer+" "+d.SentText()+" "+d.ReadText())
			}
			assert.Equal(t, tt.diffs, diffs)
		})
	}
}

func TestFormValuesTakeTheirSchemaTypes(t *testing.T) {
	var schema openapi3.Schema
	require.NoError(t, json.Unmarshal([]byte(`{"type": "object", "properties": {"cpu": {"type": "integer"}, "on": {"type": "boolean"}, "name": {"type": "string"}}}`), &schema))
	got, err := FormValues([]byte("cpu=4&on=true&name=7&role=a&role=b&cpu2=x"), &schema)
	require.NoError(t, err)
	assert.Equal(t, map[string]any{"cpu": json.Number("4"), "on": true, "name": "7", "role": []any{Text("a"), Text("b")}, "cpu2": Text("x")}, got)
	_, err = FormValues([]byte("a=%zz"), &schema)
	assert.Error(t, err)
}

func TestTextTakesTheReadType(t *testing.T) {
	var schema openapi3.Schema
	require.NoError(t, json.Unmarshal([]byte(readSchema), &schema))
	tests := []struct {
		name  string
		sent  map[string]any
		read  string
		diffs []string
	}{
		{name: "text read as the number it says", sent: map[string]any{"cpu": Text("4")}, read: `{"cpu": 4}`},
		{name: "text read as another number", sent: map[string]any{"cpu": Text("4")}, read: `{"cpu": 8}`, diffs: []string{"changed /cpu 4 8"}},
		{name: "text that is no number, read as a number", sent: map[string]any{"cpu": Text("four")}, read: `{"cpu": 4}`, diffs: []string{`changed /cpu "four" 4`}},
		{name: "text read as a string", sent: map[string]any{"name": Text("7")}, read: `{"name": "7"}`},
		{name: "text dropped", sent: map[string]any{"name": Text("a")}, read: `{}`, diffs: []string{`dropped /name "a" `}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Compare(tt.sent, decode(t, tt.read), &schema, nil, nil)
			require.Len(t, r.Compared, 1)
			var diffs []string
			for _, d := range r.Differences {
				diffs = append(diffs, string(d.Kind)+" "+d.Pointer+" "+d.SentText()+" "+d.ReadText())
			}
			assert.Equal(t, tt.diffs, diffs)
		})
	}
}

func TestSchemaAt(t *testing.T) {
	var schema openapi3.Schema
	require.NoError(t, json.Unmarshal([]byte(readSchema), &schema))
	for ptr, documented := range map[string]bool{"": true, "/name": true, "/tags/3": true, "/nic/ip": true, "/nic/mac": false, "/extra/k": false, "/colour": false} {
		assert.Equal(t, documented, SchemaAt(&schema, ptr) != nil, ptr)
	}
}

// listSchema is a list of name/value items whose value is a string or an integer.
const listSchema = `{"type": "array", "items": {"type": "object", "properties": {
  "name": {"type": "string"}, "label": {"type": "string"},
  "value": {"oneOf": [{"type": "string"}, {"type": "integer"}]}}}}`

func TestComparePairs(t *testing.T) {
	var schema openapi3.Schema
	require.NoError(t, json.Unmarshal([]byte(listSchema), &schema))
	p := Pairs{Name: "/name", Value: "/value"}
	tests := []struct {
		name, sent, read string
		skip             map[string]string
		compared         []string
		diffs            []string // kind pointer sent-pointer sent read
		err              string
	}{
		{name: "same", sent: `{"url": "u", "port": 8}`, read: `[{"name": "zone", "value": "z"}, {"name": "port", "value": 8}, {"name": "url", "value": "u", "label": "URL"}]`,
			compared: []string{"/port", "/url"}},
		{name: "changed", sent: `{"url": "u"}`, read: `[{"name": "zone", "value": "z"}, {"name": "url", "value": "v"}]`,
			compared: []string{"/url"}, diffs: []string{`changed /1/value /url "u" "v"`}},
		{name: "changed type", sent: `{"port": true}`, read: `[{"name": "port", "value": "true"}]`,
			compared: []string{"/port"}, diffs: []string{`changed type /0/value /port boolean true string "true"`}},
		{name: "no item of the name", sent: `{"url": "u"}`, read: `[{"name": "zone", "value": "u"}]`,
			compared: []string{"/url"}, diffs: []string{`dropped  /url "u" `}},
		{name: "an item without a value", sent: `{"url": "u"}`, read: `[{"name": "url"}]`,
			compared: []string{"/url"}, diffs: []string{`dropped /0/value /url "u" `}},
		{name: "the first item of a name holds its value", sent: `{"url": "u"}`, read: `[{"name": "url", "value": "v"}, {"name": "url", "value": "u"}]`,
			compared: []string{"/url"}, diffs: []string{`changed /0/value /url "u" "v"`}},
		{name: "a name with a slash", sent: `{"a/b": "u"}`, read: `[{"name": "a/b", "value": "v"}]`,
			compared: []string{"/a~1b"}, diffs: []string{`changed /0/value /a~1b "u" "v"`}},
		{name: "skipped", sent: `{"url": "u", "secret": "s"}`, read: `[{"name": "url", "value": "u"}, {"name": "secret", "value": "***"}]`,
			skip: map[string]string{"/secret": "encrypted"}, compared: []string{"/url"}},
		{name: "sent no map", sent: `["u"]`, read: `[]`, err: "what was sent is an array, not a map of names to values"},
		{name: "read no list", sent: `{"url": "u"}`, read: `{"url": "u"}`, err: "what was read is an object, not a list of items with a name at /name and a value at /value"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := ComparePairs(decode(t, tt.sent), decode(t, tt.read), &schema, p, tt.skip)
			if tt.err != "" {
				assert.ErrorContains(t, err, tt.err)
				return
			}
			require.NoError(t, err)
			assert.ElementsMatch(t, tt.compared, r.Compared)
			var diffs []string
			for _, d := range r.Differences {
				diffs = append(diffs, string(d.Kind)+" "+d.Pointer+" "+d.Sent+" "+d.SentText()+" "+d.ReadText())
			}
			assert.Equal(t, tt.diffs, diffs)
		})
	}
}

func TestComparePairsOfUndocumentedValues(t *testing.T) {
	var schema openapi3.Schema
	require.NoError(t, json.Unmarshal([]byte(`{"type": "array", "items": {"type": "object", "properties": {"name": {"type": "string"}}}}`), &schema))
	r, err := ComparePairs(decode(t, `{"url": "u"}`), decode(t, `[{"name": "url", "value": "v"}]`), &schema, Pairs{Name: "/name", Value: "/value"}, nil)
	require.NoError(t, err)
	assert.Empty(t, r.Compared, "a value the read representation does not document is not compared")
	assert.Equal(t, []string{"/url"}, r.Undocumented)
}

func TestMultipartValues(t *testing.T) {
	var schema openapi3.Schema
	require.NoError(t, json.Unmarshal([]byte(`{"type": "object", "properties": {"size": {"type": "integer"}, "icon": {"type": "string", "format": "binary"}}}`), &schema))
	body := strings.ReplaceAll(`--b
Content-Disposition: form-data; name="icon"; filename="a.svg"
Content-Type: image/svg+xml

<svg/>
--b
Content-Disposition: form-data; name="size"

16
--b
Content-Disposition: form-data; name="note"

x
--b
Content-Disposition: form-data; name="extra"; filename="1.txt"

one
--b
Content-Disposition: form-data; name="extra"; filename="2.txt"
Content-Type: text/plain

two
--b--
`, "\n", "\r\n")
	got, err := MultipartValues([]byte(body), "multipart/form-data; boundary=b", &schema)
	require.NoError(t, err)
	assert.Equal(t, map[string]any{
		"icon": map[string]any{FileName: "a.svg", FileType: "image/svg+xml"},
		"size": json.Number("16"), "note": Text("x"),
		"extra": []any{map[string]any{FileName: "1.txt", FileType: ""}, map[string]any{FileName: "2.txt", FileType: "text/plain"}},
	}, got)
	for ct, want := range map[string]string{"multipart/form-data": "names no boundary", "multipart/form-data; boundary=\"b": "Content-Type"} {
		_, err := MultipartValues([]byte(body), ct, &schema)
		assert.ErrorContains(t, err, want, ct)
	}
	_, err = MultipartValues([]byte("--b\r\nbroken"), "multipart/form-data; boundary=b", &schema)
	assert.Error(t, err, "a body cut short")
}
