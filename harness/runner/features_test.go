package runner

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	gherkin "github.com/cucumber/gherkin/go/v26"
	messages "github.com/cucumber/messages/go/v21"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cloudcontract/cloudcontract/harness/vcr"
)

// TestCommittedFeaturesParseAndNameScenariosUniquely checks every committed feature file: it
// parses, and no two scenarios (outline rows included) of a file map to the same cassette.
func TestCommittedFeaturesParseAndNameScenariosUniquely(t *testing.T) {
	files, err := filepath.Glob("../../features/*/*.feature")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	total := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		doc, err := gherkin.ParseGherkinDocument(strings.NewReader(string(data)), (&messages.Incrementing{}).NewId)
		require.NoError(t, err, f)
		pickles := gherkin.Pickles(*doc, f, (&messages.Incrementing{}).NewId)
		seen := map[string]string{}
		for _, p := range pickles {
			slug := vcr.Slug(p.Name)
			if prev, dup := seen[slug]; dup {
				assert.Failf(t, "scenarios share a cassette", "%s: %q and %q", f, prev, p.Name)
			}
			seen[slug] = p.Name
			total++
		}
	}
	assert.Greater(t, total, 700)
}
