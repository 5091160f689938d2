package runner

import (
	"bytes"
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cloudcontract/cloudcontract/harness/vcr"
)

// quickNotices makes waits of a fraction of a second count as long, for the test.
func quickNotices(t *testing.T, notice, every time.Duration) {
	oldNotice, oldEvery := waitNotice, waitEvery
	waitNotice, waitEvery = notice, every
	t.Cleanup(func() { waitNotice, waitEvery = oldNotice, oldEvery })
}

// TestLongWaitsSayWhatTheyWaitFor: a live scenario that waits long says which API, scenario and
// step waits, and how long, then keeps saying it.
func TestLongWaitsSayWhatTheyWaitFor(t *testing.T) {
	quickNotices(t, 300*time.Millisecond, 400*time.Millisecond)
	cfg, _ := suite(t, `Feature: f
  Scenario: a session expires
    When I wait "1" seconds
  Scenario: a short pause
    When I wait "0.1" seconds
`)
	var progress bytes.Buffer
	cfg.Progress = &progress
	res, err := Run(context.Background(), cfg)
	require.NoError(t, err)
	assert.Equal(t, "2 passed, 0 failed", res.Summary())
	out := progress.String()
	assert.Contains(t, out, `ukcloud: a session expires: waiting 1.0 s (I wait "1" seconds) ...`+"\n")
	assert.Regexp(t, `(?m)^ukcloud: a session expires: still waiting, 0\.[0-9] s left \(I wait "1" seconds\) \.\.\.$`, out)
	assert.NotContains(t, out, "a short pause")
}

// TestPollsSayTheyAreStillAtIt: short waits that add up (a poll) are announced once they have
// lasted long, then every waitEvery.
func TestPollsSayTheyAreStillAtIt(t *testing.T) {
	quickNotices(t, 250*time.Millisecond, time.Hour)
	var out bytes.Buffer
	w := &waiting{api: "cam", scenario: "a deployment completes", step: `I poll GET "${d}" until ...`, start: time.Now()}
	ctx := context.WithValue(context.Background(), waitKey{}, w)
	wait := pacer(vcr.Live, &out)
	for i := 0; i < 5; i++ {
		require.NoError(t, wait(ctx, 100*time.Millisecond))
	}
	assert.Regexp(t, `^cam: a deployment completes: still at it after 0\.[3-9] s \(I poll GET "\$\{d\}" until \.\.\.\) \.\.\.\n$`, out.String(), "said once: the next may come an hour later")
}

// TestReplayNeverWaitsNorSays: replay returns at once, without a word.
func TestReplayNeverWaitsNorSays(t *testing.T) {
	quickNotices(t, time.Millisecond, time.Millisecond)
	var out bytes.Buffer
	ctx := context.WithValue(context.Background(), waitKey{}, &waiting{api: "ukcloud", scenario: "s", step: "w", start: time.Now()})
	start := time.Now()
	require.NoError(t, pacer(vcr.Replay, &out)(ctx, 900*time.Second))
	assert.Less(t, time.Since(start), time.Second)
	assert.Empty(t, out.String())
}
