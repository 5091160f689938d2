package runner

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCheckTags(t *testing.T) {
	tests := []struct {
		expr, err string
	}{
		{"", ""},
		{"@billing", ""},
		{"@paging && ~@slow", ""},
		{"@a,@b && ~@c", ""},
		{"@a &&", "empty term 2"},
		{"&& @a", "empty term 1"},
		{"@a,", "empty term 1"},
		{"~", `"~" names no tag`},
		{"@a and @b", `"@a and @b" is not one tag`},
		{"not @slow", `is not one tag`},
	}
	for _, tt := range tests {
		t.Run(tt.expr, func(t *testing.T) {
			err := CheckTags(tt.expr)
			if tt.err == "" {
				assert.NoError(t, err)
				return
			}
			require.Error(t, err)
			assert.Contains(t, err.Error(), "--tags")
			assert.Contains(t, err.Error(), tt.err)
		})
	}
}

// TestBadTagsDoNotPanic: the run refuses the expression before godog parses it.
func TestBadTagsDoNotPanic(t *testing.T) {
	cfg, _ := suite(t, "Feature: f\n  Scenario: s\n    Given I am not authenticated\n")
	cfg.Tags = "@a &&"
	assert.NotPanics(t, func() {
		_, err := Run(context.Background(), cfg)
		require.Error(t, err)
		assert.Contains(t, err.Error(), `--tags "@a &&"`)
	})
}
