package validate

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cloudcontract/cloudcontract/harness/spec"
)

// TestTwoLevelsOfVerdict: breaking what the document states fails; breaking what the contract
// only infers (x-evidence) is a deviation with its evidence, and fails only when strict.
func TestTwoLevelsOfVerdict(t *testing.T) {
	api, err := spec.Load("testdata/evid")
	require.NoError(t, err)
	const good = `{"id": 1, "name": "a", "created": "2026-12-03T10:00:00Z", "state": "on"}`
	tests := []struct {
		name, path string
		status     int
		body       string
		failures   []string // substrings, one per documented problem
		deviations []string // substrings, one per deviation
	}{
		{"conforming", "/things/1", 200, good, nil, nil},
		{"a documented required property missing", "/things/1", 200, `{"name": "a", "created": "2026-12-03T10:00:00Z"}`, []string{"missing properties: 'id'"}, nil},
		{"a documented format broken", "/things/1", 200, `{"id": 1, "name": "a", "created": "yesterday"}`, []string{"date-time"}, nil},
		{"a value outside an enum built from examples", "/things/1", 200, `{"id": 1, "name": "a", "created": "2026-12-03T10:00:00Z", "state": "rebooting"}`, nil,
			[]string{`value must be one of "on", "off"`, `got "rebooting"] (a deviation: the expectation is inferred from the document's example at line 12 (the two values of the examples))`}},
		{"a property only the prose requires", "/things/1", 200, `{"id": 1, "created": "2026-12-03T10:00:00Z"}`, nil,
			[]string{`missing properties: 'name' [expected required property name; got {"created":"2026-12-03T10:00:00Z","id":1}] (a deviation: the expectation is inferred from the document's prose at line 14 (only the prose says so))`}},
		{"both at once", "/things/1", 200, `{"created": "2026-12-03T10:00:00Z"}`, []string{"missing properties: 'id'"}, []string{"missing properties: 'name'"}},
		{"a status the document does not give", "/things/1", 201, good, []string{"status not documented for this operation"}, nil},
		{"another status where the document gives none", "/guesses/1", 201, `{"id": 1}`, nil,
			[]string{"the document gives no status for this operation; this one differs from the inferred ones [expected one of 200; got 201] (a deviation: the expectation is inferred from the document's example at line 22 (the document gives no HTTP status))"}},
		{"a body inferred with its status", "/guesses/1", 200, `{"id": "one"}`, nil, []string{"expected integer, but got string"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := &Exchange{Method: "GET", URL: &url.URL{Path: tt.path}, Status: tt.status,
				Header: http.Header{"Content-Type": {"application/json"}}, Body: []byte(tt.body)}
			v := New(api)
			devs, err := v.ValidateAll(x)
			var ce *ContractError
			if len(tt.failures) == 0 {
				assert.NoError(t, err)
			} else if assert.ErrorAs(t, err, &ce) {
				require.Len(t, ce.Problems, len(tt.failures), "%v", ce)
				for i, f := range tt.failures {
					assert.Contains(t, ce.Problems[i].String(), f)
					assert.False(t, ce.Problems[i].Deviation())
				}
			}
			var rendered string
			for _, d := range devs {
				assert.True(t, d.Deviation())
				rendered += d.String() + "\n"
			}
			for _, d := range tt.deviations {
				assert.Contains(t, rendered, d)
			}
			if len(tt.deviations) == 0 {
				assert.Empty(t, devs)
			}
			// Strict: every deviation fails too.
			v.Strict = true
			devs, err = v.ValidateAll(x)
			assert.Empty(t, devs)
			if len(tt.failures)+len(tt.deviations) > 0 {
				if assert.ErrorAs(t, err, &ce) {
					assert.Len(t, ce.Problems, len(tt.failures)+countLines(rendered))
				}
			} else {
				assert.NoError(t, err)
			}
		})
	}
}

func countLines(s string) int {
	n := 0
	for _, c := range s {
		if c == '\n' {
			n++
		}
	}
	return n
}
