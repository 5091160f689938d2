package ukcloud

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cloudcontract/cloudcontract/harness/sim"
)

// TestFeaturesNameNoSeedValue: the features of this API take what they need from the Portal
// (created, listed, or a fixture variable), never from one of the simulator's data sets.
func TestFeaturesNameNoSeedValue(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "..", "..", "features", "ukcloud", "*.feature"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, ds := range sim.Datasets() {
		seeds := newSim(t, sim.Options{Dataset: ds}).SeedValues()
		require.NotEmpty(t, seeds)
		for _, f := range files {
			b, err := os.ReadFile(f)
			require.NoError(t, err)
			for _, v := range seeds {
				assert.NotContains(t, string(b), v, "%s names %q of the %s data set", filepath.Base(f), v, ds)
			}
		}
	}
}
