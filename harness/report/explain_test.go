package report

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cloudcontract/cloudcontract/harness/validate"
)

func TestExplain(t *testing.T) {
	var body any
	require.NoError(t, json.Unmarshal([]byte(`{"id": "7", "state": "odd", "createdAt": "08/07/2016", "tags": {"a": 1, "extra": 2}, "items": [{"qty": 1}]}`), &body))
	tests := []struct {
		name           string
		p              validate.Problem
		title, want    string
		got            string
		diffHas        []string
		xmlHasNoDiff   bool
		diffIsExpected bool
	}{
		{name: "required", p: validate.Problem{Check: "body", Pointer: "/items/0", Message: "missing properties: 'sku'", Expected: "required (schema /properties/items/items)"},
			title: "missing required property sku in items", want: `an object with "sku"`, got: "an object without sku (it has qty)",
			diffHas: []string{`+   "sku": <required>`}},
		{name: "type", p: validate.Problem{Check: "body", Pointer: "/id", Message: "expected integer, but got string", Expected: "type (schema /properties/id)"},
			title: "id: expected an integer", want: "an integer", got: `the string "7"`,
			diffHas: []string{`-   "id": "7"`, `+   "id": <an integer>`}},
		{name: "format", p: validate.Problem{Check: "body", Pointer: "/createdAt", Message: "08/07/2016 is not valid 'date-time'", Expected: "format (schema /properties/createdAt)"},
			title: "createdAt: expected a string in date-time format (RFC 3339, e.g. 2026-11-23T12:00:00Z)", want: "a string in date-time format (RFC 3339, e.g. 2026-11-23T12:00:00Z)", got: `the string "08/07/2016"`,
			diffHas: []string{`-   "createdAt": "08/07/2016"`}},
		{name: "enum", p: validate.Problem{Check: "body", Pointer: "/state", Message: "value must be one of 'on', 'off'", Expected: "enum (schema /properties/state)"},
			title: "state: expected one of 'on', 'off'", want: "one of 'on', 'off'", got: `the string "odd"`},
		{name: "additional properties", p: validate.Problem{Check: "body", Pointer: "/tags", Message: "additionalProperties 'extra' not allowed", Expected: "additionalProperties (schema /properties/tags)"},
			title: "undocumented property extra in tags", want: "no properties beyond the documented ones (additionalProperties: false)", got: `an object with "extra"`,
			diffHas: []string{`-   "extra": 2`}},
		{name: "XML: no diff of the decoded value", p: validate.Problem{Check: "body", Pointer: "/id", XMLPath: "/Order/id", Message: "expected integer, but got string", Expected: "type (schema /properties/id)"},
			title: "id: expected an integer", want: "an integer", got: `the string "7"`, xmlHasNoDiff: true},
		{name: "not a schema failure", p: validate.Problem{Check: "header", Message: "required header Location is missing", Expected: "Location header", Actual: "no Location header"},
			title: "required header Location is missing", want: "Location header", got: "no Location header"},
		{name: "csv columns", p: validate.Problem{Check: "csv", Message: "CSV header columns differ from the contract", Expected: "Date,Name,Cost", Actual: "Date,Cost"},
			title: "CSV header columns differ from the contract", want: "Date,Name,Cost", got: "Date,Cost", diffHas: []string{"+ Name"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := explain(tt.p, body)
			assert.Equal(t, tt.title, e.title)
			assert.Equal(t, tt.want, e.want)
			assert.Equal(t, tt.got, e.got)
			var lines []string
			for _, l := range e.diff {
				lines = append(lines, l.Op+" "+l.Text)
			}
			for _, want := range tt.diffHas {
				assert.Contains(t, lines, want)
			}
			if tt.xmlHasNoDiff || (len(tt.diffHas) == 0 && tt.p.Check != "body") {
				assert.Empty(t, e.diff)
			}
		})
	}
}

func TestLineDiff(t *testing.T) {
	d := lineDiff([]string{"a", "b", "c", "d", "e", "f", "g", "h"}, []string{"a", "b", "c", "d", "E", "f", "g", "h"}, 1)
	assert.Equal(t, []DiffLine{{"…", ""}, {" ", "d"}, {"-", "e"}, {"+", "E"}, {" ", "f"}, {"…", ""}}, d)
	assert.Nil(t, lineDiff([]string{"a"}, []string{"a"}, 2), "no change, no diff")
}
