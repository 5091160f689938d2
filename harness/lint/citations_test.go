package lint

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cloudcontract/cloudcontract/harness/spec"
)

// TestCitations checks cited lines against a small document: a line stating the code passes;
// a line stating another code (REASON_51 for REASON_5), an empty line, or a line past the end
// is an error naming the entry, what the line says and where the code is.
func TestCitations(t *testing.T) {
	doc := filepath.Join(t.TempDir(), "doc.txt")
	require.NoError(t, os.WriteFile(doc, []byte("HTTP Code\tReason\n503\tREASON_5\tmaintenance\n400\tREASON_51\tdata center\n\n400\tREASON_70, REASON_71\n"), 0o644))
	tests := []struct {
		name string
		cite Citation
		want string
	}{
		{"the line states the code", Citation{Where: "a", Line: 2, Mentions: []string{"REASON_5"}}, ""},
		{"one of two alternatives", Citation{Where: "a", Line: 5, Mentions: []string{"REASON_99", "REASON_71"}}, ""},
		{"a longer code is another code", Citation{Where: "paging[0]", Line: 3, Mentions: []string{"REASON_5"}},
			`paging[0]: cites document line 3 for REASON_5, which that line does not state (it reads "400\tREASON_51\tdata center"); line 2 does`},
		{"an empty line", Citation{Where: "x", Line: 4, Mentions: []string{"REASON_70"}},
			`x: cites document line 4 for REASON_70, which that line does not state (it reads ""); line 5 does`},
		{"a code the document never states", Citation{Where: "x", Line: 1, Mentions: []string{"REASON_1"}},
			`x: cites document line 1 for REASON_1, which that line does not state (it reads "HTTP Code\tReason")`},
		{"past the end", Citation{Where: "x", Line: 60, Mentions: []string{"REASON_5"}}, "x: cites line 60 for REASON_5, past the end of the document (6 lines)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Citations("specs/x/negative.yaml", doc, []Citation{tt.cite})
			if tt.want == "" {
				assert.Empty(t, got)
				return
			}
			require.Len(t, got, 1)
			assert.Equal(t, Error, got[0].Severity)
			assert.Equal(t, "specs/x/negative.yaml", got[0].File)
			assert.Equal(t, tt.want, got[0].Where+": "+got[0].Message)
		})
	}
	assert.Empty(t, Citations("f", "", []Citation{{Line: 1, Mentions: []string{"REASON_1"}}}), "without the document nothing is checked")
}

// TestContractCitations reads the lines the contract cites for its common REASON codes.
func TestContractCitations(t *testing.T) {
	api, err := spec.NewRegistry("../../specs").Get("cloudcontrol")
	require.NoError(t, err)
	cites := ContractCitations(api)
	require.NotEmpty(t, cites)
	for _, c := range cites {
		assert.Greater(t, c.Line, 0, c.Where)
		assert.Len(t, c.Mentions, 1, c.Where)
	}
	assert.Equal(t, "x-common-reason-codes/0", cites[0].Where)
	assert.Equal(t, []string{"REASON_5"}, cites[0].Mentions)
}
