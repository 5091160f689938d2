package e2e

import (
	"bytes"
	"context"
	"flag"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/cloudcontract/cloudcontract/harness/runner"
)

var replays = flag.Int("replays", 3, "times TestReplayIsDeterministic replays every suite (make determinism: 100)")

// TestReplayIsDeterministic replays every committed suite again and again, in a random order each
// time and several scenarios at once: a scenario that depends on another's state, on wall time or
// on map order shows up as a failure here.
func TestReplayIsDeterministic(t *testing.T) {
	if testing.Short() && *replays == 3 {
		*replays = 2
	}
	for i := 1; i <= *replays; i++ {
		var out bytes.Buffer
		cfg := config("", &out)
		cfg.APIs = simulated(t)
		cfg.Randomize = -1
		cfg.Concurrency = 4
		res, err := runner.Run(context.Background(), cfg)
		require.NoError(t, err, "replay %d", i)
		require.True(t, res.OK(), "replay %d of %d failed:\n%s\n%s", i, *replays, failures(res), out.String())
	}
}
